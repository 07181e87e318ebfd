import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';

import { TranslatePipe } from '../core/i18n/translate-pipe';

/** The layout a placeholder imitates: a table's rows, a record page, or a dashboard's tiles. */
export type SkeletonShape = 'table' | 'page' | 'tiles';

const TABLE_ROWS = [1, 2, 3, 4, 5, 6];
const TILES = [1, 2, 3, 4];

/**
 * Grey shapes where content is about to appear, so the page does not jump when it comes. The
 * shapes are hidden from assistive technology, which gets "loading" as text instead (`announce`:
 * in a status region, for a skeleton that is not already inside a live region). The shimmer runs
 * only for people who have not asked for reduced motion.
 */
@Component({
  selector: 'app-skeleton',
  imports: [TranslatePipe],
  template: `
    <p class="visually-hidden" [attr.role]="announce() ? 'status' : null">{{ 'app.loading' | t }}</p>
    <div class="shapes" aria-hidden="true" [attr.data-shape]="shape()">
      @switch (shape()) {
        @case ('page') {
          <div class="bone title"></div>
          <div class="bone line"></div>
          <div class="bone line short"></div>
          <div class="bone block"></div>
          <div class="bone block"></div>
        }
        @case ('tiles') {
          <div class="tile-row">
            @for (tile of tiles; track tile) {
              <div class="bone tile"></div>
            }
          </div>
          <div class="bone block tall"></div>
        }
        @default {
          <div class="bone row head"></div>
          @for (row of rows; track row) {
            <div class="bone row"></div>
          }
        }
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }

    .shapes {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
      margin: 1rem 0;
    }

    .bone {
      border-radius: 0.25rem;
      background: var(--mat-sys-surface-container-high);
    }

    .title {
      width: 60%;
      height: 2.25rem;
    }

    .line {
      width: 90%;
      height: 1rem;
    }

    .short {
      width: 45%;
    }

    .block {
      height: 8rem;
    }

    .tall {
      height: 14rem;
    }

    .row {
      height: 2.5rem;
    }

    .head {
      background: var(--mat-sys-surface-container-highest);
    }

    .tile-row {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      gap: 0.75rem;
    }

    .tile {
      height: 5.5rem;
    }

    @media (prefers-reduced-motion: no-preference) {
      .bone {
        animation: pulse 1.6s ease-in-out infinite;
      }

      @keyframes pulse {
        50% {
          opacity: 0.55;
        }
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Skeleton {
  readonly shape = input<SkeletonShape>('table');
  readonly announce = input(false, { transform: booleanAttribute });
  protected readonly rows = TABLE_ROWS;
  protected readonly tiles = TILES;
}
