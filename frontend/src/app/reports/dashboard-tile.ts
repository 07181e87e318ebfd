import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';

import type { DrillDownLink } from './dashboard-filters';

/** One key figure of the dashboard, already formatted and translated. */
export interface Tile {
  figure: string;
  label: string;
  /** The list behind the figure; without it the tile is text only. */
  link?: DrillDownLink | null;
  /** Names the link for tests and analytics (`data-drill`). */
  drill?: string;
  /** A figure that asks for action (overdue follow-ups): a thick red border besides the label. */
  alert?: boolean;
}

/** A dashboard tile: the figure, its label under it, and the whole tile a link to the list behind it. */
@Component({
  selector: '[appTile]',
  imports: [NgTemplateOutlet, RouterLink],
  host: { class: 'tile', '[class.alert]': 'tile().alert' },
  template: `
    @if (tile().link; as link) {
      <a class="tile-link" [attr.data-drill]="tile().drill" [routerLink]="link.path" [queryParams]="link.queryParams">
        <ng-container [ngTemplateOutlet]="text" />
      </a>
    } @else {
      <ng-container [ngTemplateOutlet]="text" />
    }
    <ng-template #text>
      <span class="figure">{{ tile().figure }}</span>
      <span class="tile-label">{{ tile().label }}</span>
    </ng-template>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      margin: 0;
      padding: 0.75rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 0.5rem;
      background: var(--mat-sys-surface-container-low);
    }

    // Overdue gets a thicker border as well as the colour, and its label says what it is.
    :host(.alert) {
      border: 3px solid #b3261e;
    }

    .tile-link {
      display: flex;
      flex-direction: column;
      text-decoration: none;

      .tile-label {
        text-decoration: underline;
      }
    }

    .figure {
      font-size: 1.75rem;
      font-weight: 700;
      line-height: 1.2;
    }

    .tile-label {
      font-size: 0.875rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardTile {
  readonly tile = input.required<Tile>({ alias: 'appTile' });
}
