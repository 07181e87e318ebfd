import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

const WIDTH = 120;
const HEIGHT = 32;
const PAD = 2;

/**
 * A small inline-SVG line of weekly values, the last point marked. Decorative: the figure beside it
 * says the numbers in words (`describedBy` text), so the SVG is hidden from assistive technology.
 */
@Component({
  selector: 'app-sparkline',
  template: `
    <svg
      [attr.viewBox]="'0 0 ' + width + ' ' + height"
      [attr.width]="width"
      [attr.height]="height"
      aria-hidden="true"
      focusable="false"
    >
      <polyline [attr.points]="points()" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
      @if (last(); as last) {
        <circle [attr.cx]="last.x" [attr.cy]="last.y" r="2.5" fill="currentColor" />
      }
    </svg>
  `,
  styles: `
    :host {
      display: inline-block;
      line-height: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Sparkline {
  readonly values = input.required<readonly number[]>();
  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;

  private readonly coordinates = computed(() => {
    const values = this.values();
    const max = Math.max(1, ...values);
    const step = values.length > 1 ? (WIDTH - 2 * PAD) / (values.length - 1) : 0;
    return values.map((value, index) => ({
      x: Math.round((PAD + index * step) * 10) / 10,
      y: Math.round((HEIGHT - PAD - (value / max) * (HEIGHT - 2 * PAD)) * 10) / 10,
    }));
  });

  protected readonly points = computed(() =>
    this.coordinates()
      .map(({ x, y }) => `${x},${y}`)
      .join(' '),
  );
  protected readonly last = computed(() => this.coordinates().at(-1) ?? null);
}
