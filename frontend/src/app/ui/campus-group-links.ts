import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CampusGroupDto } from '@tyoelama/shared';

/** Campus groups as a list of links (to `link`/id), each with its campus. */
@Component({
  selector: 'app-campus-group-links',
  imports: [RouterLink],
  template: `
    <ul>
      @for (group of groups(); track group.id) {
        <li>
          <a [routerLink]="[link(), group.id]">{{ group.name }}</a>
          <span class="muted"> – {{ group.campus }}</span>
        </li>
      }
    </ul>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampusGroupLinks {
  readonly groups = input.required<readonly CampusGroupDto[]>();
  /** Where a group's link goes, before its id: `/campus-groups`. */
  readonly link = input.required<string>();
}
