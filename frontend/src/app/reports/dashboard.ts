import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  ACTIVITY_GRANULARITIES,
  OPPORTUNITY_TYPES,
  formatFinnishDate,
  helsinkiDate,
  type ActivityDto,
  type ActivityGranularity,
  type ApiError,
  type CampusGroupDto,
  type OpportunityStage,
  type OpportunityType,
  type PipelineSummaryDto,
} from '@tyoelama/shared';
import { catchError, distinctUntilChanged, forkJoin, map, of, switchMap, tap } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
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
import { FunnelChart } from './funnel-chart';

const numberFormat = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 1 });

interface Loaded {
  pipeline: PipelineSummaryDto;
  activity: ActivityDto;
}

/** /dashboard: the pipeline and contact activity for leadership and staff (the API scopes campus members). */
@Component({
  selector: 'app-dashboard',
  imports: [
    FormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    TranslatePipe,
    FunnelChart,
    ActivityChart,
  ],
  templateUrl: './dashboard.html',
  styleUrl: './dashboard.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Dashboard {
  private readonly api = inject(DashboardApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly me = inject(Auth).me;
  protected readonly i18n = inject(I18n);
  protected readonly presets = PERIOD_PRESETS;
  protected readonly types = OPPORTUNITY_TYPES;
  protected readonly granularities = ACTIVITY_GRANULARITIES;
  protected readonly formatNumber = (value: number) => numberFormat.format(value);

  protected readonly filters = toSignal(
    this.route.queryParamMap.pipe(map((params) => filtersFromParams(params, helsinkiDate()))),
    {
      requireSync: true,
    },
  );

  /** The custom range being typed, applied with the Show button. */
  protected readonly customFrom = signal('');
  protected readonly customTo = signal('');
  protected readonly customError = signal(false);

  protected readonly campusGroups = toSignal(
    inject(CampusGroupsApi)
      .listAll()
      .pipe(catchError(() => of([] as CampusGroupDto[]))),
    { initialValue: [] as CampusGroupDto[] },
  );

  protected readonly data = signal<Loaded | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);

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
  protected readonly noContact90 = computed(() => noContactLink(90, this.filters()));
  protected readonly noContact180 = computed(() => noContactLink(180, this.filters()));
  protected readonly openFollowUps = followUpLink('open');
  protected readonly overdueFollowUps = followUpLink('overdue');

  protected readonly winRate = computed(() => {
    const rate = this.data()?.pipeline.winRate.rate;
    return rate === null || rate === undefined ? null : numberFormat.format(Math.round(rate * 1000) / 10);
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

  constructor() {
    toObservable(this.filters)
      .pipe(
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        tap((filters) => {
          this.loading.set(true);
          this.error.set(null);
          this.customFrom.set(filters.from);
          this.customTo.set(filters.to);
          this.customError.set(false);
        }),
        switchMap((filters) =>
          forkJoin({ pipeline: this.api.pipelineSummary(filters), activity: this.api.activity(filters) }).pipe(
            catchError((error: ApiError) => {
              this.error.set(error);
              return of(null);
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((loaded) => {
        this.loading.set(false);
        if (loaded) this.data.set(loaded);
      });
  }

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

  protected filterByGroup(campusGroupId: number | null): void {
    this.navigate({ campusGroupId });
  }

  protected filterByType(type: OpportunityType | null): void {
    this.navigate({ type });
  }

  protected chooseGranularity(granularity: ActivityGranularity): void {
    this.navigate({ granularity });
  }

  private navigate(patch: Partial<DashboardFilters>): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: paramsFromFilters({ ...this.filters(), ...patch }),
    });
  }
}
