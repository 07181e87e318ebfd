import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import type { HostedTermRowDto, WorkplaceLearningDashboardDto } from '@tyoelama/shared';
import { distinctUntilChanged } from 'rxjs';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DataTable, figureColumn } from '../ui/data-table';
import { followLoads } from '../ui/follow-loads';
import { LoadStatus } from '../ui/load-status';
import { DashboardApi } from './dashboard-api';
import type { DashboardFilters } from './dashboard-filters';

const numberFormat = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 1 });

/**
 * The dashboard's workplace-learning figures: students hosted per campus group, kind and term, and
 * the workplace-survey response rate per group. Loaded on their own, so the rest of the dashboard
 * never waits for them; same period and campus group as the dashboard's filters.
 */
@Component({
  selector: 'app-workplace-learning-figures',
  imports: [TranslatePipe, DataTable, LoadStatus],
  template: `
    <section aria-labelledby="dashboard-workplace-learning">
      <h2 id="dashboard-workplace-learning">{{ 'dashboard.workplaceLearning.heading' | t }}</h2>
      <p class="muted">{{ 'dashboard.workplaceLearning.note' | t }}</p>
      <app-load-status
        live
        [error]="load.error()"
        [loading]="load.loading()"
        failed="dashboard.workplaceLearning.loadFailed"
      />
      @if (data(); as data) {
        @if (data.hosted.length) {
          <!-- Reachable by keyboard, as it may scroll sideways on a phone. -->
          <app-data-table scrollRegion caption="dashboard.workplaceLearning.hostedCaption" [columns]="hostedColumns">
            @for (row of data.hosted; track row.campusGroupId + row.term) {
              <tr>
                <th scope="row">{{ row.campusGroupName }}</th>
                <td>{{ term(row) }}</td>
                <td class="number">{{ formatNumber(row.trainingAgreement) }}</td>
                <td class="number">{{ formatNumber(row.apprenticeship) }}</td>
              </tr>
            }
          </app-data-table>
        } @else {
          <p class="muted">{{ 'dashboard.workplaceLearning.noHosted' | t }}</p>
        }

        <h3>{{ 'dashboard.workplaceLearning.ratesHeading' | t }}</h3>
        <p class="muted">{{ 'dashboard.workplaceLearning.ratesNote' | t }}</p>
        @if (data.responseRates.length) {
          <app-data-table
            class="compact"
            scrollRegion
            caption="dashboard.workplaceLearning.ratesCaption"
            [columns]="rateColumns"
          >
            @for (row of data.responseRates; track row.campusGroupId) {
              <tr>
                <th scope="row">{{ row.campusGroupName }}</th>
                <td class="number">{{ formatNumber(row.answered) }}</td>
                <td class="number">{{ formatNumber(row.due) }}</td>
                <td class="number rate">
                  @if (row.rate === null) {
                    {{ 'dashboard.workplaceLearning.rateNone' | t }}
                  } @else {
                    <span class="bar" aria-hidden="true"><span [style.width.%]="row.rate * 100"></span></span>
                    {{ 'dashboard.workplaceLearning.rateValue' | t: { percent: percent(row.rate) } }}
                  }
                </td>
              </tr>
            }
          </app-data-table>
        } @else {
          <p class="muted">{{ 'dashboard.workplaceLearning.noRates' | t }}</p>
        }
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin-top: 2rem;
      font-size: 1.25rem;
    }
    h3 {
      font-size: 1rem;
    }
    .compact {
      max-width: 36rem;
    }
    .rate {
      white-space: nowrap;
    }
    // The figure is the text; the bar only repeats it.
    .bar {
      display: inline-block;
      width: 4rem;
      height: 0.5rem;
      margin-right: 0.5rem;
      background: var(--mat-sys-surface-container-high);
      vertical-align: middle;
      span {
        display: block;
        height: 100%;
        background: var(--mat-sys-primary);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkplaceLearningFigures {
  private readonly api = inject(DashboardApi);
  private readonly i18n = inject(I18n);

  readonly filters = input.required<DashboardFilters>();

  protected readonly hostedColumns = [
    'dashboard.workplaceLearning.campusGroup',
    'dashboard.workplaceLearning.term',
    figureColumn('dashboard.workplaceLearning.trainingAgreement'),
    figureColumn('dashboard.workplaceLearning.apprenticeship'),
  ];
  protected readonly rateColumns = [
    'dashboard.workplaceLearning.campusGroup',
    figureColumn('dashboard.workplaceLearning.answered'),
    figureColumn('dashboard.workplaceLearning.due'),
    figureColumn('dashboard.workplaceLearning.rate'),
  ];
  protected readonly formatNumber = (value: number) => numberFormat.format(value);
  protected readonly percent = (rate: number) => numberFormat.format(Math.round(rate * 1000) / 10);

  protected readonly data = signal<WorkplaceLearningDashboardDto | null>(null);
  protected readonly load = followLoads(
    toObservable(computed(() => ({ ...this.filters() }))).pipe(
      distinctUntilChanged((a, b) => a.from === b.from && a.to === b.to && a.campusGroupId === b.campusGroupId),
    ),
    (filters) => this.api.workplaceLearning(filters),
    // A failed load keeps the figures shown before it, under the error.
    (loaded) => {
      if (loaded) this.data.set(loaded);
    },
  );

  protected term(row: HostedTermRowDto): string {
    return this.i18n.t(`dashboard.workplaceLearning.${row.season}`, { year: row.year });
  }
}
