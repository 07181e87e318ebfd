import { ChangeDetectionStrategy, Component, input } from '@angular/core';

import { TranslatePipe } from '../core/i18n/translate-pipe';

/** A person's account state in a table cell: "active" as plain text, "inactive" as a badge. */
@Component({
  selector: 'app-active-mark',
  imports: [TranslatePipe],
  template: `
    @if (active()) {
      {{ 'common.active' | t }}
    } @else {
      <span class="badge-inactive">{{ 'common.inactive' | t }}</span>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActiveMark {
  readonly active = input.required<boolean>();
}
