import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { type ApiError, type CampusGroupDto } from '@tyoelama/shared';
import { catchError, map, of } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

type GroupsState =
  { status: 'loading' } | { status: 'ready'; groups: CampusGroupDto[] } | { status: 'failed'; error: ApiError };

@Component({
  selector: 'app-home',
  imports: [RouterLink, TranslatePipe],
  templateUrl: './home.html',
  styleUrl: './home.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  private readonly campusGroupsApi = inject(CampusGroupsApi);
  protected readonly i18n = inject(I18n);
  protected readonly me = inject(Auth).me;

  protected readonly groups = toSignal(
    this.campusGroupsApi.listAll().pipe(
      map((all): GroupsState => {
        const own = new Set(this.me()?.campusGroupIds ?? []);
        return { status: 'ready', groups: all.filter((group) => own.has(group.id)) };
      }),
      catchError((error: ApiError) => of<GroupsState>({ status: 'failed', error })),
    ),
    { initialValue: { status: 'loading' } },
  );
}
