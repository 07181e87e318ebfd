import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { OpportunityStage, PipelineStageTotalDto } from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DataTable, figureColumn } from '../ui/data-table';
import { ChartImage } from './chart-image';
import type { DrillDownLink } from './dashboard-filters';

const numberFormat = new Intl.NumberFormat('fi-FI');
const WIDTH = 600;
const ROW = 40;
const LABEL = 150;

/** A stage's figures; the dashboard's table by campus group ends with the same columns. */
export const FUNNEL_COLUMNS = [
  'dashboard.funnel.stage',
  figureColumn('dashboard.funnel.count'),
  figureColumn('dashboard.funnel.places'),
];

/**
 * The pipeline funnel: one bar per stage, as wide as its count, places written beside it.
 * Hand-written SVG (no chart library); the SVG is one image with a summarising name, and the
 * table after it carries the figures and the links to the lists behind them.
 */
@Component({
  selector: 'app-funnel-chart',
  imports: [RouterLink, TranslatePipe, DataTable, ChartImage],
  template: `
    <svg [appChartImage]="summary()" [viewWidth]="width" [viewHeight]="height()">
      @for (bar of bars(); track bar.stage) {
        <g [attr.transform]="'translate(0,' + bar.y + ')'">
          <text class="label" x="0" y="24">{{ bar.label }}</text>
          <rect
            class="bar"
            [attr.x]="bar.x"
            y="6"
            [attr.width]="bar.width"
            height="28"
            rx="3"
            [attr.data-stage]="bar.stage"
          />
          <text class="value" [attr.x]="bar.x + bar.width + 6" y="24">{{ bar.text }}</text>
        </g>
      }
    </svg>
    <app-data-table captionShown caption="dashboard.funnel.caption" [columns]="columns">
      @for (bar of bars(); track bar.stage) {
        <tr>
          <th scope="row">{{ bar.label }}</th>
          <td class="number">
            @if (linkFor(); as link) {
              <a
                [routerLink]="link(bar.stage).path"
                [queryParams]="link(bar.stage).queryParams"
                [attr.aria-label]="'dashboard.funnel.openStage' | t: { stage: bar.label, count: bar.count }"
                >{{ bar.count }}</a
              >
            } @else {
              {{ bar.count }}
            }
          </td>
          <td class="number">{{ bar.places }}</td>
        </tr>
      }
    </app-data-table>
  `,
  styles: `
    .chart {
      display: block;
      width: 100%;
      max-width: 40rem;
      height: auto;
    }
    .label,
    .value {
      font-size: 14px;
      fill: currentColor;
    }
    .bar {
      fill: #00468c;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FunnelChart {
  private readonly i18n = inject(I18n);
  readonly totals = input.required<PipelineStageTotalDto[]>();
  /** Where a stage's figure leads; without it the figures are plain text. */
  readonly linkFor = input<((stage: OpportunityStage) => DrillDownLink) | null>(null);

  protected readonly columns = FUNNEL_COLUMNS;
  protected readonly width = WIDTH;
  protected readonly height = computed(() => Math.max(1, this.totals().length) * ROW + 4);

  protected readonly bars = computed(() => {
    const totals = this.totals();
    const max = Math.max(1, ...totals.map((total) => total.count));
    // Room for the value text after the longest bar.
    const span = WIDTH - LABEL - 150;
    return totals.map((total, index) => {
      const label = this.i18n.t(`pipeline.stages.${total.stage}`);
      const count = numberFormat.format(total.count);
      const places = numberFormat.format(total.places);
      return {
        stage: total.stage,
        label,
        count,
        places,
        y: index * ROW,
        x: LABEL,
        // A zero still gets a sliver, so the row reads as "nothing" rather than "missing".
        width: Math.max(2, Math.round((total.count / max) * span)),
        text: this.i18n.t('dashboard.funnel.item', { stage: '', count, places }).trim(),
      };
    });
  });

  protected readonly summary = computed(() =>
    this.i18n.t('dashboard.funnel.summary', {
      list: this.bars()
        .map((bar) => this.i18n.t('dashboard.funnel.item', { stage: bar.label, count: bar.count, places: bar.places }))
        .join('; '),
    }),
  );
}
