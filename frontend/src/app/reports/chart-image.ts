import { Directive, input } from '@angular/core';

/**
 * A hand-written SVG chart as one image: screen readers hear the summary (`appChartImage`), not the
 * shapes, and the figures themselves stand in the table beside the chart. Scales to its box from the
 * top left, keeping its proportions.
 */
@Directive({
  selector: 'svg[appChartImage]',
  host: {
    class: 'chart',
    role: 'img',
    preserveAspectRatio: 'xMinYMin meet',
    '[attr.aria-label]': 'summary()',
    '[attr.viewBox]': "'0 0 ' + viewWidth() + ' ' + viewHeight()",
  },
})
export class ChartImage {
  readonly summary = input.required<string>({ alias: 'appChartImage' });
  readonly viewWidth = input.required<number>();
  readonly viewHeight = input.required<number>();
}
