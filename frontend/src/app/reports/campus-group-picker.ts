import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { ApiError, CampusGroupDto } from '@tyoelama/shared';
import { catchError, map, of } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

type GroupsState =
  { status: 'loading' } | { status: 'ready'; groups: CampusGroupDto[] } | { status: 'failed'; error: ApiError };

/** /campus-status for those who see several groups (or none of their own): pick one. */
@Component({
  selector: 'app-campus-group-picker',
  imports: [RouterLink, TranslatePipe],
  template: `
    <section class="page">
      <h1>{{ 'campusStatus.pickerHeading' | t }}</h1>
      @let state = groups();
      @if (state.status === 'loading') {
        <p class="muted" role="status">{{ 'app.loading' | t }}</p>
      } @else if (state.status === 'failed') {
        <p class="form-error" role="alert">{{ 'common.loadFailed' | t: { message: i18n.apiError(state.error) } }}</p>
      } @else if (state.groups.length) {
        <p>{{ 'campusStatus.pickerIntro' | t }}</p>
        <ul>
          @for (group of state.groups; track group.id) {
            <li>
              <a [routerLink]="['/campus-status', group.id]">{{ group.name }}</a>
              <span class="muted"> – {{ group.campus }}</span>
            </li>
          }
        </ul>
      } @else {
        <p>{{ 'campusStatus.noGroups' | t }}</p>
      }
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusGroupPicker {
  protected readonly i18n = inject(I18n);
  protected readonly groups = toSignal(
    inject(CampusGroupsApi)
      .listAll()
      .pipe(
        map((groups): GroupsState => ({ status: 'ready', groups })),
        catchError((error: ApiError) => of<GroupsState>({ status: 'failed', error })),
      ),
    { initialValue: { status: 'loading' } },
  );
}
