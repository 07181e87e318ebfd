import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { INDUSTRY_SECTION_LIST, industryDivisionOf, type IndustryClassification, type Locale } from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';

/**
 * The division and section an industry code belongs to, in one language:
 * "Vähittäiskauppa (G Tukku- ja vähittäiskauppa)"; null when the code is no division of the version.
 */
export function industryCodeName(classification: IndustryClassification, code: string, locale: Locale): string | null {
  const division = industryDivisionOf(classification, code);
  if (!division) return null;
  const section = INDUSTRY_SECTION_LIST[classification].find((candidate) => candidate.code === division.section);
  return `${division.name[locale]} (${division.section} ${section?.name[locale] ?? ''})`;
}

/** The names of an employer's industry code in the current language, beside the code. */
@Component({
  selector: 'app-industry-name',
  template: `@if (name(); as name) {
    – <span class="industry-name">{{ name }}</span>
  }`,
  styles: `
    .industry-name {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IndustryName {
  private readonly i18n = inject(I18n);
  readonly classification = input<IndustryClassification | null>(null);
  readonly code = input<string | null>(null);
  protected readonly name = computed(() => {
    const classification = this.classification();
    const code = this.code();
    return classification && code ? industryCodeName(classification, code, this.i18n.locale()) : null;
  });
}
