import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { CampusGroupDto } from '@tyoelama/shared';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { CampusGroupLinks } from '../ui/campus-group-links';
import { loadOnce } from '../ui/follow-loads';
import { LoadStatus } from '../ui/load-status';

/** /campus-status for those who see several groups (or none of their own): pick one. */
@Component({
  selector: 'app-campus-group-picker',
  imports: [TranslatePipe, LoadStatus, CampusGroupLinks],
  template: `
    <section class="page">
      <h1>{{ 'campusStatus.pickerHeading' | t }}</h1>
      <app-load-status [error]="load.error()" [loading]="load.loading()">
        @if (groups().length) {
          <p>{{ 'campusStatus.pickerIntro' | t }}</p>
          <app-campus-group-links [groups]="groups()" link="/campus-status" />
        } @else {
          <p>{{ 'campusStatus.noGroups' | t }}</p>
        }
      </app-load-status>
    </section>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusGroupPicker {
  private readonly api = inject(CampusGroupsApi);
  protected readonly groups = signal<CampusGroupDto[]>([]);
  protected readonly load = loadOnce(
    () => this.api.listAll(),
    (groups) => this.groups.set(groups ?? []),
  );
}
