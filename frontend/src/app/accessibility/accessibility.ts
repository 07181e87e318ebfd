import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { formatFinnishDate } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ACCESSIBILITY_STATEMENT } from './accessibility.config';

/** The accessibility statement (saavutettavuusseloste), public: readable before signing in. */
@Component({
  selector: 'app-accessibility',
  imports: [RouterLink, TranslatePipe],
  templateUrl: './accessibility.html',
  styleUrl: './accessibility.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Accessibility {
  protected readonly me = inject(Auth).me;
  protected readonly statement = ACCESSIBILITY_STATEMENT;
  protected readonly prepared = formatFinnishDate(`${ACCESSIBILITY_STATEMENT.preparedOn}T12:00:00Z`);
  protected readonly reviewed = formatFinnishDate(`${ACCESSIBILITY_STATEMENT.reviewedOn}T12:00:00Z`);
}
