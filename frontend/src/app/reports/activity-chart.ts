import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { CONTACT_TYPES, formatFinnishDate, type ActivityDto, type ContactType } from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DataTable, figureColumn } from '../ui/data-table';
import { ChartImage } from './chart-image';

const numberFormat = new Intl.NumberFormat('fi-FI');
const HEIGHT = 220;
const PLOT_TOP = 10;
const PLOT_BOTTOM = 190;
const LEFT = 40;

/** Colours that differ in lightness too (not hue alone); the legend and the table name every one. */
export const CONTACT_TYPE_COLOURS: Record<ContactType, string> = {
  phone: '#00468c',
  email: '#5b9bd5',
  meeting: '#8c4a00',
  workplace_visit: '#f0a030',
  event: '#2e7d32',
  other: '#9e9e9e',
};

function noContacts(): Record<ContactType, number> {
  return Object.fromEntries(CONTACT_TYPES.map((type) => [type, 0])) as Record<ContactType, number>;
}

/** Contact entries per interval, stacked by contact type; the table gives the same numbers. */
@Component({
  selector: 'app-activity-chart',
  imports: [TranslatePipe, DataTable, ChartImage],
  template: `
    <svg [appChartImage]="summary()" [viewWidth]="width()" [viewHeight]="height">
      <line class="axis" [attr.x1]="left" [attr.x2]="width()" [attr.y1]="bottom" [attr.y2]="bottom" />
      <text class="tick" x="0" [attr.y]="top + 10">{{ maxText() }}</text>
      <text class="tick" x="0" [attr.y]="bottom">0</text>
      @for (column of columns(); track column.start) {
        @for (segment of column.segments; track segment.type) {
          <rect
            [attr.x]="column.x"
            [attr.y]="segment.y"
            [attr.width]="column.width"
            [attr.height]="segment.height"
            [attr.fill]="segment.colour"
          />
        }
        @if (column.tick) {
          <text class="tick" [attr.x]="column.x" [attr.y]="height - 8">{{ column.label }}</text>
        }
      }
    </svg>
    <ul class="legend" [attr.aria-label]="'dashboard.activity.legend' | t">
      @for (type of types; track type) {
        <li>
          <span class="swatch" aria-hidden="true" [style.background]="colours[type]"></span
          >{{ 'logContact.types.' + type | t }}
        </li>
      }
    </ul>
    <details>
      <summary>{{ 'dashboard.showTable' | t }}</summary>
      <app-data-table captionShown caption="dashboard.activity.caption" [columns]="tableColumns">
        @for (column of columns(); track column.start) {
          <tr>
            <th scope="row">{{ column.label }}</th>
            @for (type of types; track type) {
              <td class="number">{{ column.byType[type] }}</td>
            }
            <td class="number">{{ column.total }}</td>
          </tr>
        }
      </app-data-table>
    </details>
  `,
  styles: `
    .chart {
      display: block;
      width: 100%;
      height: auto;
      max-height: 18rem;
    }
    .axis {
      stroke: currentColor;
    }
    .tick {
      font-size: 11px;
      fill: currentColor;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0.5rem 0;
      padding: 0;
      list-style: none;
    }
    .swatch {
      display: inline-block;
      width: 0.9rem;
      height: 0.9rem;
      margin-right: 0.35rem;
      vertical-align: -0.1rem;
      border: 1px solid #333;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityChart {
  private readonly i18n = inject(I18n);
  readonly activity = input.required<ActivityDto>();

  protected readonly types = CONTACT_TYPES;
  protected readonly colours = CONTACT_TYPE_COLOURS;
  protected readonly height = HEIGHT;
  protected readonly top = PLOT_TOP;
  protected readonly bottom = PLOT_BOTTOM;
  protected readonly left = LEFT;
  protected readonly tableColumns = [
    'dashboard.activity.bucket',
    ...CONTACT_TYPES.map((type) => figureColumn(`logContact.types.${type}`)),
    figureColumn('dashboard.activity.total'),
  ];

  private readonly slot = computed(() =>
    Math.max(6, Math.min(40, Math.floor(560 / Math.max(1, this.activity().buckets.length)))),
  );
  protected readonly width = computed(() => LEFT + this.slot() * Math.max(1, this.activity().buckets.length));

  private readonly counts = computed(() => {
    const counts = new Map<string, Record<ContactType, number>>();
    for (const bucket of this.activity().buckets) {
      counts.set(bucket.start, noContacts());
    }
    for (const row of this.activity().rows) {
      const bucket = counts.get(row.bucket);
      if (bucket) bucket[row.type] += row.count;
    }
    return counts;
  });

  private readonly max = computed(() => Math.max(1, ...this.activity().buckets.map((bucket) => bucket.total)));
  protected readonly maxText = computed(() => numberFormat.format(this.max()));

  protected readonly columns = computed(() => {
    const slot = this.slot();
    const buckets = this.activity().buckets;
    const scale = (PLOT_BOTTOM - PLOT_TOP) / this.max();
    // About six date labels whatever the number of bars.
    const every = Math.max(1, Math.ceil(buckets.length / 6));
    return buckets.map((bucket, index) => {
      const byType = this.counts().get(bucket.start) ?? noContacts();
      let y = PLOT_BOTTOM;
      const segments = CONTACT_TYPES.filter((type) => byType[type] > 0).map((type) => {
        const height = byType[type] * scale;
        y -= height;
        return { type, y, height, colour: CONTACT_TYPE_COLOURS[type] };
      });
      return {
        start: bucket.start,
        label: formatFinnishDate(`${bucket.start}T12:00:00Z`),
        x: LEFT + index * slot + 1,
        width: Math.max(1, slot - 2),
        tick: index % every === 0,
        total: bucket.total,
        byType,
        segments,
      };
    });
  });

  protected readonly summary = computed(() => {
    const activity = this.activity();
    const from = formatFinnishDate(`${activity.from}T12:00:00Z`);
    const to = formatFinnishDate(`${activity.to}T12:00:00Z`);
    const totals = CONTACT_TYPES.map((type) => ({
      type,
      count: this.columns().reduce((sum, column) => sum + column.byType[type], 0),
    }));
    const total = totals.reduce((sum, item) => sum + item.count, 0);
    if (!total) return this.i18n.t('dashboard.activity.summaryEmpty', { from, to });
    const top = totals.reduce((best, item) => (item.count > best.count ? item : best));
    return this.i18n.t('dashboard.activity.summary', {
      total: numberFormat.format(total),
      from,
      to,
      top: this.i18n.t(`logContact.types.${top.type}`).toLowerCase(),
    });
  });
}
