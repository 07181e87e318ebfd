import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { FollowUpDto, HomeFollowUps as HomeFollowUpsDto } from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { type FollowUpChange, FollowUpRow } from '../follow-ups/follow-up-row';
import { renderInSlices } from '../ui/render-in-slices';

const SECTIONS = ['overdue', 'today', 'week'] as const;

/** The caller's due follow-ups by section, completed, rescheduled or edited in place. */
@Component({
  selector: 'app-home-follow-ups',
  imports: [RouterLink, TranslatePipe, FollowUpRow],
  templateUrl: './home-follow-ups.html',
  styleUrls: ['../ui/follow-up-items.scss', './home-follow-ups.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomeFollowUps {
  protected readonly i18n = inject(I18n);
  protected readonly sections = SECTIONS;

  readonly followUps = input.required<HomeFollowUpsDto>();
  /** A follow-up was completed, moved or edited (or could not be): the page reports it and reloads. */
  readonly changed = output<FollowUpChange>();

  private readonly shown = renderInSlices(
    computed(() => SECTIONS.reduce((count, key) => count + this.followUps()[key].items.length, 0)),
  );
  /** Each section's items rendered so far: the sections fill in order, a slice per task. */
  protected readonly visible = computed(() => {
    let left = this.shown();
    const visible = {} as Record<(typeof SECTIONS)[number], readonly FollowUpDto[]>;
    for (const key of SECTIONS) {
      const items = this.followUps()[key].items;
      visible[key] = left >= items.length ? items : items.slice(0, left);
      left -= visible[key].length;
    }
    return visible;
  });
}
