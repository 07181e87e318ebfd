import { ChangeDetectionStrategy, Component, computed, inject, input, model, type Signal } from '@angular/core';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { FiltersForm } from './filters-form';

/** One choice of a filter: its value and its text in the reader's language. */
export interface FilterOption<T = unknown> {
  value: T;
  label: string;
}

/**
 * A list filter's select with its "all" choice first (null). The field fills the host, so a page can
 * size the host as a flex item of its `.filters` row like its plain fields.
 *
 * A native `<select>` in a `.native-field` label, not a Material select: a Material select creates
 * every option's component when the page renders (a list's account managers are a hundred and more),
 * which on a phone's CPU was most of a list's first render. The native one is also the phone's own
 * picker. Option values are the options' positions, so any value type (numbers, null) survives.
 */
@Component({
  selector: 'app-filter-select',
  imports: [TranslatePipe],
  template: `
    <label class="native-field">
      <span class="native-label">{{ label() | t }}</span>
      <select [attr.name]="name() ?? key()" (change)="chooseAt($any($event.target).value)">
        @if (allLabel(); as all) {
          <option value="" [selected]="selectedAt() === -1">{{ all | t }}</option>
        } @else if (selectedAt() === -1) {
          <!-- No value yet and no "all" choice: show nothing chosen rather than the first option. -->
          <option value="" selected disabled hidden></option>
        }
        @for (option of options(); track option.value; let at = $index) {
          <option [value]="at" [selected]="selectedAt() === at">{{ option.label }}</option>
        }
      </select>
    </label>
  `,
  styles: `
    :host {
      display: flex;
    }

    .native-field {
      flex: 1 1 auto;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FilterSelect<T> {
  private readonly form = inject(FiltersForm, { optional: true });
  /** Translation key of the field's label. */
  readonly label = input.required<string>();
  /** The filter's name in the enclosing `form[appFilters]`'s filters, which then hold its value. */
  readonly key = input<string | null>(null);
  readonly name = input<string | null>(null);
  readonly options = input.required<readonly FilterOption<T>[]>();
  /** Translation key of the first choice, which clears the filter; null leaves it out. */
  readonly allLabel = input<string | null>('common.all');
  readonly value = model<T | null>(null);

  protected readonly shown = computed(() => {
    const key = this.key();
    return key && this.form ? (this.form.valueOf(key) as T | null) : this.value();
  });

  /** The position of the shown value among the options; -1 for none (or one not among them). */
  protected readonly selectedAt = computed(() => {
    const shown = this.shown();
    return shown === null ? -1 : this.options().findIndex((option) => option.value === shown);
  });

  protected chooseAt(position: string): void {
    this.choose(position === '' ? null : (this.options()[Number(position)]?.value ?? null));
  }

  private choose(value: T | null): void {
    this.value.set(value);
    const key = this.key();
    if (key) this.form?.patch(key, value);
  }
}

/** Options for a fixed set of codes, labelled by their translations (`prefix + code`), following the locale. */
export function translatedOptions<T extends string>(codes: readonly T[], prefix: string): Signal<FilterOption<T>[]> {
  const i18n = inject(I18n);
  return computed(() => codes.map((value) => ({ value, label: i18n.t(prefix + value) })));
}

/** Options for loaded records (groups, people), labelled by a name they carry. */
export function recordOptions<R, T>(
  records: Signal<readonly R[]>,
  value: (record: R) => T,
  label: (record: R) => string,
): Signal<FilterOption<T>[]> {
  return computed(() => records().map((record) => ({ value: value(record), label: label(record) })));
}
