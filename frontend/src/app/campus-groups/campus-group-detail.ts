import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { canWrite, type ApiError, type CampusGroupDetailDto, type CampusGroupDto } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { CampusGroupForm } from './campus-group-form';
import { CampusGroupsApi } from './campus-groups-api';

@Component({
  selector: 'app-campus-group-detail',
  imports: [RouterLink, CampusGroupForm, TranslatePipe],
  templateUrl: './campus-group-detail.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusGroupDetail {
  private readonly api = inject(CampusGroupsApi);
  private readonly auth = inject(Auth);
  protected readonly i18n = inject(I18n);

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly canEdit = computed(() => {
    const me = this.auth.me();
    return !!me && canWrite(me.role, 'campusGroups');
  });
  protected readonly group = signal<CampusGroupDetailDto | null>(null);
  protected readonly error = signal<ApiError | null>(null);

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
