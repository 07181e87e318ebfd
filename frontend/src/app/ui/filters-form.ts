import { Directive, computed, inject, input, output } from '@angular/core';

import { I18n } from '../core/i18n/i18n';

/**
 * A list's filter row: a named search landmark that never reloads the page on Enter. Given the
 * filters (`appFilters [filters]="filters()"`), it lets each `app-filter-select key="…"` inside read its value
 * there and send its change as a patch (`(filtersChange)`).
 */
@Directive({
  selector: 'form[appFilters]',
  host: {
    class: 'filters',
    role: 'search',
    '[attr.aria-label]': 'label()',
    '(submit)': '$event.preventDefault()',
  },
})
export class FiltersForm<F extends object> {
  private readonly i18n = inject(I18n);
  protected readonly label = computed(() => this.i18n.t('common.filters'));
  readonly filters = input<F>();
  readonly filtersChange = output<Partial<F>>();

  valueOf(key: string): unknown {
    return (this.filters() as Record<string, unknown> | undefined)?.[key] ?? null;
  }

  patch(key: string, value: unknown): void {
    this.filtersChange.emit({ [key]: value } as Partial<F>);
  }
}
