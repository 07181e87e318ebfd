import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type ApiError, type CampusGroupDetailDto, type CampusGroupDto } from '@tyoelama/shared';

import { injectCanWrite } from '../core/auth';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ActiveMark } from '../ui/active-mark';
import { DataTable } from '../ui/data-table';
import { CampusGroupForm } from './campus-group-form';
import { CampusGroupsApi } from './campus-groups-api';
import { ApiErrorPipe } from '../core/i18n/api-error-pipe';

@Component({
  selector: 'app-campus-group-detail',
  imports: [ApiErrorPipe, RouterLink, CampusGroupForm, TranslatePipe, ActiveMark, DataTable],
  templateUrl: './campus-group-detail.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusGroupDetail {
  private readonly api = inject(CampusGroupsApi);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly canEdit = injectCanWrite('campusGroups');
  protected readonly group = signal<CampusGroupDetailDto | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly memberColumns = ['users.name', 'users.email', 'users.role', 'users.status'];

  constructor() {
    effect(() => {
      const raw = this.id();
      untracked(() => {
        if (/^[1-9][0-9]{0,15}$/.test(raw)) this.load(Number(raw));
        else this.error.set({ statusCode: 404, error: 'Not Found', message: 'Not found', code: 'NOT_FOUND' });
      });
    });
  }

  /** The edit form saved or reloaded: keep the members, take the new name, campus and version. */
  protected showChanged(changed: CampusGroupDto): void {
    this.group.update((group) => (group ? { ...group, ...changed } : group));
  }

  private load(id: number): void {
    this.error.set(null);
    this.api.get(id).subscribe({
      next: (group) => this.group.set(group),
      error: (error: ApiError) => this.error.set(error),
    });
  }
}
