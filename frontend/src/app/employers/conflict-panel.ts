import { ChangeDetectionStrategy, Component, ElementRef, afterNextRender, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';

import { campusGroupNames } from '../campus-groups/campus-groups-api';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { DataTable } from '../ui/data-table';
import type { EditableField, FieldConflict } from './conflict';

/** Shown instead of a silent overwrite when the employer was saved by someone else meanwhile. */
@Component({
  selector: 'app-conflict-panel',
  imports: [MatButton, TranslatePipe, DataTable],
  template: `
    <section class="conflict" aria-labelledby="conflict-heading" tabindex="-1">
      <h3 id="conflict-heading">{{ 'employers.conflict.heading' | t }}</h3>
      <p>{{ 'employers.conflict.intro' | t }}</p>
      <app-data-table captionShown caption="employers.conflict.caption" [columns]="columns">
        @for (row of rows(); track row.field) {
          <tr [attr.data-field]="row.field">
            <th scope="row">
              {{ 'employers.fields.' + row.field | t }}
              @if (row.changedByMe && row.changedByThem) {
                <span class="badge-inactive">{{ 'employers.conflict.both' | t }}</span>
              }
            </th>
            <td class="mine">
              @if (row.changedByMe) {
                {{ describe(row.field, row.mine) }}
              } @else {
                <span class="muted">{{ 'employers.conflict.notChangedByMe' | t }}</span>
              }
            </td>
            <td class="theirs">{{ describe(row.field, row.theirs) }}</td>
          </tr>
        }
      </app-data-table>
      <div class="actions">
        <button
          mat-stroked-button
          type="button"
          class="reload"
          aria-describedby="conflict-reload-hint"
          (click)="reload.emit()"
        >
          {{ 'employers.conflict.reload' | t }}
        </button>
        <button
          mat-flat-button
          type="button"
          class="reapply"
          aria-describedby="conflict-reapply-hint"
          [disabled]="busy()"
          (click)="reapply.emit()"
        >
          {{ 'employers.conflict.reapply' | t }}
        </button>
      </div>
      <p id="conflict-reload-hint" class="muted hint">
        {{ 'employers.conflict.reload' | t }}: {{ 'employers.conflict.reloadHint' | t }}
      </p>
      <p id="conflict-reapply-hint" class="muted hint">
        {{ 'employers.conflict.reapply' | t }}: {{ 'employers.conflict.reapplyHint' | t }}
      </p>
    </section>
  `,
  styles: `
    .conflict {
      margin: 1rem 0;
      padding: 1rem;
      border: 2px solid #b3261e;
      border-left-width: 6px;
      background: #fffbfa;
    }
    h3 {
      margin-top: 0;
    }
    .hint {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
    }
    .badge-inactive {
      margin-left: 0.5rem;
      font-weight: 400;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConflictPanel {
  private readonly i18n = inject(I18n);
  readonly rows = input.required<FieldConflict[]>();
  readonly groupNames = input<ReadonlyMap<number, string>>(new Map());
  readonly userNames = input<ReadonlyMap<number, string>>(new Map());
  readonly busy = input(false);
  readonly reload = output<void>();
  readonly reapply = output<void>();
  protected readonly columns = ['employers.conflict.field', 'employers.conflict.mine', 'employers.conflict.theirs'];

  constructor() {
    // Keyboard and screen-reader users land on the explanation, not somewhere in the form.
    const host = inject<ElementRef<HTMLElement>>(ElementRef);
    afterNextRender(() => host.nativeElement.querySelector<HTMLElement>('.conflict')?.focus());
  }

  protected describe(field: EditableField, value: unknown): string {
    const empty = this.i18n.t('employers.conflict.empty');
    if (value === null || value === undefined || value === '') return empty;
    if (Array.isArray(value)) {
      const names =
        field === 'campusGroupIds'
          ? campusGroupNames(value as number[], this.groupNames(), this.i18n)
          : value.join(', ');
      return names || empty;
    }
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
    switch (field) {
      case 'status':
        return this.i18n.t(`employers.statuses.${text}`);
      case 'sizeClass':
        return this.i18n.t(`employers.sizeClasses.${text}`);
      case 'industryClassification':
        return this.i18n.t(`employers.classifications.${text}`);
      case 'ownerCampusGroupId':
        return this.groupNames().get(Number(text)) ?? `#${text}`;
      case 'accountManagerId':
        return this.userNames().get(Number(text)) ?? `#${text}`;
      default:
        return text;
    }
  }
}
