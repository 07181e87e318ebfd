import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  ACTIVITY_GRANULARITIES,
  OPPORTUNITY_TYPES,
  formatFinnishDate,
  helsinkiDate,
  type ActivityDto,
  type OpportunityStage,
  type PipelineSummaryDto,
} from '@tyoelama/shared';
import { distinctUntilChanged, forkJoin } from 'rxjs';

import { campusGroupOptions, readableCampusGroups } from '../campus-groups/campus-groups-api';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { translatedOptions } from '../ui/filter-select';
import { followLoads } from '../ui/follow-loads';
import { DataTable, figureColumn } from '../ui/data-table';
import { FILTER_ROW } from '../ui/list-page';
import { LoadStatus } from '../ui/load-status';
import { ActivityChart } from './activity-chart';
import { DashboardApi } from './dashboard-api';
import {
  PERIOD_PRESETS,
  defaultGranularity,
  filtersFromParams,
  followUpLink,
  noContactLink,
  paramsFromFilters,
  presetRange,
  stageLink,
  type DashboardFilters,
  type DrillDownLink,
  type PeriodPreset,
} from './dashboard-filters';
import { FUNNEL_COLUMNS, FunnelChart } from './funnel-chart';
import { DashboardTile, type Tile } from './dashboard-tile';
import { WorkplaceLearningFigures } from './workplace-learning-figures';
import { injectQueryFilters } from '../core/page-query';

const numberFormat = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 1 });

/** A heading over its figures; the id ties the two for screen readers. */
interface TileGroup {
  id: string;
  heading: string;
  tiles: Tile[];
}

interface Loaded {
  pipeline: PipelineSummaryDto;
  activity: ActivityDto;
}

/** /dashboard: the pipeline and contact activity for leadership and staff (the API scopes campus members). */
@Component({
  selector: 'app-dashboard',
  imports: [
    FILTER_ROW,
    RouterLink,
    MatButton,
    TranslatePipe,
    LoadStatus,
    DataTable,
    DashboardTile,
    FunnelChart,
    ActivityChart,
    WorkplaceLearningFigures,
  ],
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Dashboard {
  private readonly api = inject(DashboardApi);
  private readonly query = injectQueryFilters((params) => filtersFromParams(params, helsinkiDate()), paramsFromFilters);
  private readonly me = inject(Auth).me;
  protected readonly i18n = inject(I18n);
  protected readonly periodOptions = translatedOptions(PERIOD_PRESETS, 'dashboard.filters.');
  protected readonly typeOptions = translatedOptions(OPPORTUNITY_TYPES, 'pipeline.types.');
  protected readonly granularityOptions = translatedOptions(ACTIVITY_GRANULARITIES, 'dashboard.granularities.');
  protected readonly groupOptions = campusGroupOptions(readableCampusGroups());
  protected readonly formatNumber = (value: number) => numberFormat.format(value);
  protected readonly groupColumns = ['dashboard.byGroup.campusGroup', 'dashboard.byGroup.type', ...FUNNEL_COLUMNS];
  protected readonly durationColumns = [
    'dashboard.durations.stage',
    figureColumn('dashboard.durations.days'),
    figureColumn('dashboard.durations.stays'),
  ];
  protected readonly staleColumns = [
    'dashboard.stale.title',
    'dashboard.stale.employer',
    'dashboard.stale.stage',
    figureColumn('dashboard.stale.idle'),
  ];

  protected readonly filters = this.query.value;

  /** The custom range being typed, applied with the Show button. */
  protected readonly customFrom = signal('');
  protected readonly customTo = signal('');
  protected readonly customRange = [
    { name: 'from', value: this.customFrom },
    { name: 'to', value: this.customTo },
  ] as const;
  protected readonly customError = signal(false);

  protected readonly data = signal<Loaded | null>(null);
  protected readonly load = followLoads(
    toObservable(this.filters).pipe(distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b))),
    (filters) => {
      this.customFrom.set(filters.from);
      this.customTo.set(filters.to);
      this.customError.set(false);
      return forkJoin({ pipeline: this.api.pipelineSummary(filters), activity: this.api.activity(filters) });
    },
    // A failed load keeps the figures shown before it, under the error.
    (loaded) => {
      if (loaded) this.data.set(loaded);
    },
  );

  protected readonly periodText = computed(() => {
    const { from, to } = this.filters();
    return this.i18n.t('dashboard.periodShown', { from: this.date(from), to: this.date(to) });
  });

  /** Leadership has no work list of its own; the follow-up tiles link only for those who do. */
  protected readonly followUpsLinked = computed(() => {
    const role = this.me()?.role;
    return !!role && role !== 'leadership';
  });

  protected readonly stageLinkFor = computed(() => {
    const filters = this.filters();
    return (stage: OpportunityStage): DrillDownLink => stageLink(stage, filters);
  });

  protected readonly tileGroups = computed((): TileGroup[] => {
    const data = this.data();
    if (!data) return [];
    const { i18n } = this;
    const { followUps, noContact } = data.activity;
    const { winRate } = data.pipeline;
    const linked = this.followUpsLinked();
    const filters = this.filters();
    return [
      {
        id: 'dashboard-follow-ups',
        heading: 'dashboard.followUps.heading',
        tiles: [
          {
            figure: this.formatNumber(followUps.open),
            label: i18n.t('dashboard.followUps.open'),
            link: linked ? followUpLink('open') : null,
          },
          {
            figure: this.formatNumber(followUps.overdue),
            label: i18n.t('dashboard.followUps.overdue'),
            link: linked ? followUpLink('overdue') : null,
            drill: 'overdue',
            alert: followUps.overdue > 0,
          },
          { figure: this.formatNumber(followUps.done), label: i18n.t('dashboard.followUps.done') },
          {
            figure:
              followUps.onTimePercent === null
                ? i18n.t('dashboard.followUps.onTimeNone')
                : i18n.t('dashboard.followUps.onTimeValue', { percent: this.formatNumber(followUps.onTimePercent) }),
            label: i18n.t('dashboard.followUps.onTime'),
          },
        ],
      },
      {
        id: 'dashboard-no-contact',
        heading: 'dashboard.noContact.heading',
        tiles: ([90, 180] as const).map((days) => ({
          figure: this.formatNumber(noContact[`days${days}`]),
          label: i18n.t(`dashboard.noContact.days${days}`),
          link: noContactLink(days, filters),
          drill: `noContact${days}`,
        })),
      },
      {
        id: 'dashboard-win-rate',
        heading: 'dashboard.winRate.heading',
        tiles: [
          {
            figure:
              winRate.rate === null
                ? i18n.t('dashboard.winRate.none')
                : i18n.t('dashboard.winRate.value', {
                    percent: numberFormat.format(Math.round(winRate.rate * 1000) / 10),
                  }),
            label: i18n.t('dashboard.winRate.detail', {
              won: this.formatNumber(winRate.won),
              lost: this.formatNumber(winRate.lost),
            }),
          },
        ],
      },
    ];
  });

  protected readonly groupRows = computed(() => {
    const rows = this.data()?.pipeline.rows ?? [];
    return [...rows].sort(
      (a, b) =>
        a.campusGroupName.localeCompare(b.campusGroupName, 'fi') ||
        a.type.localeCompare(b.type) ||
        a.stage.localeCompare(b.stage),
    );
  });

  protected date(value: string): string {
    return formatFinnishDate(`${value}T12:00:00Z`);
  }

  protected choosePeriod(period: PeriodPreset): void {
    if (period === 'custom') {
      this.navigate({ period });
      return;
    }
    const range = presetRange(period, helsinkiDate());
    this.navigate({ period, ...range, granularity: defaultGranularity(range.from, range.to) });
  }

  protected applyCustomRange(): void {
    const from = this.customFrom();
    const to = this.customTo();
    if (!from || !to || from > to) {
      this.customError.set(true);
      return;
    }
    this.navigate({ period: 'custom', from, to, granularity: defaultGranularity(from, to) });
  }

  protected navigate(patch: Partial<DashboardFilters>): void {
    this.query.patch(patch);
  }
}
