import { ChangeDetectionStrategy, Component, DestroyRef, inject, computed, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  type ApiError,
  type CampusGroupGlanceDto,
  formatFinnishDate,
  type HomeDto,
  type KeyFigureDto,
} from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { ContactLog } from '../core/contact-log';
import { I18n, type TranslationParams } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { injectFocusAfterRender } from '../ui/busy-ids';
import { type FollowUpChange } from '../follow-ups/follow-up-row';
import { HomeFollowUps } from './home-follow-ups';
import { HomeApi } from './home-api';
import { Sparkline } from './sparkline';

const numberFormat = new Intl.NumberFormat('fi-FI');

/** One of the admin's two lists (users, campus groups) in the shape the template shows both in. */
interface AttentionList {
  key: 'users' | 'groups';
  path: string;
  heading: string;
  empty: string;
  all: string;
  items: { id: number; name: string; detail: string; reasons: readonly string[] }[];
}

/** The signed-in user's day, by role, from one request (`GET /api/home`). */
@Component({
  selector: 'app-home',
  imports: [RouterLink, MatButton, TranslatePipe, HomeFollowUps, Sparkline],
  templateUrl: './home.html',
  styleUrl: './home.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Home {
  private readonly api = inject(HomeApi);
  private readonly contactLog = inject(ContactLog);
  private readonly focus = injectFocusAfterRender();
  protected readonly i18n = inject(I18n);
  protected readonly me = inject(Auth).me;
  protected readonly formatDate = formatFinnishDate;
  protected readonly formatNumber = (value: number) => numberFormat.format(value);
  /** A campus member's group figures, in the order the campus status page shows them. */
  protected readonly groupFigures = [
    'employers',
    'noContact',
    'openFollowUps',
    'overdueFollowUps',
    'openOpportunities',
    'openPlaces',
  ] as const satisfies readonly (keyof CampusGroupGlanceDto)[];

  protected readonly home = signal<HomeDto | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly status = signal<string | null>(null);

  protected readonly attention = computed((): AttentionList[] => {
    const day = this.home();
    if (day?.role !== 'admin') return [];
    return [
      this.attentionList('users', '/users', 'allUsers', day.users, (user) => ({
        name: user.displayName,
        detail: this.i18n.t(`roles.${user.role}`),
      })),
      this.attentionList('groups', '/campus-groups', 'allGroups', day.groups, (group) => ({
        name: group.name,
        detail: group.campus,
      })),
    ];
  });

  constructor() {
    this.load();
    // An entry logged from here (or the header) may have added or closed a follow-up.
    this.contactLog.logged$.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => this.load());
  }

  /** Overdue follow-ups are marked (border and ⚠) besides counted. */
  protected alerts(group: CampusGroupGlanceDto, figure: keyof CampusGroupGlanceDto): boolean {
    return figure === 'overdueFollowUps' && group.overdueFollowUps > 0;
  }

  protected logContact(): void {
    void this.contactLog.open();
  }

  protected followUpChanged(change: FollowUpChange): void {
    this.status.set(change.message);
    this.load();
    // The row that had focus may be gone: the status line says what happened and keeps the place.
    this.focus('#home-status');
  }

  /** The weekly values in words, for those who cannot see the sparkline. */
  protected trend(figure: KeyFigureDto): string {
    return this.i18n.t('home.figures.trend', {
      from: formatFinnishDate(figure.seriesFrom),
      values: figure.series.map(this.formatNumber).join(', '),
    });
  }

  private load(): void {
    this.api.home().subscribe({
      next: (home) => {
        this.home.set(home);
        this.loadError.set(null);
      },
      error: (error: ApiError) => this.loadError.set(error),
    });
  }

  /** One of the admin's "needs attention" lists: its heading with the total, and each item's name and detail. */
  private attentionList<T extends { id: number; reasons: readonly string[] }>(
    key: AttentionList['key'],
    path: string,
    allKey: string,
    section: { total: number; items: readonly T[] },
    describe: (item: T) => { name: string; detail: string },
  ): AttentionList {
    const t = (name: string, params?: TranslationParams) => this.i18n.t(`home.attention.${name}`, params);
    return {
      key,
      path,
      heading: t(key, { total: section.total }),
      empty: t(`${key}Empty`),
      all: t(allKey),
      items: section.items.map((item) => ({ id: item.id, reasons: item.reasons, ...describe(item) })),
    };
  }
}
