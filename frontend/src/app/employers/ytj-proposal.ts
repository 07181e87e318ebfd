import type { BusinessRegisterCompanyDto, IndustryClassification } from '@tyoelama/shared';

/** The form fields "fill from YTJ" may set; the industry's version, section and code go together. */
export const YTJ_FIELDS = [
  'name',
  'companyForm',
  'streetAddress',
  'postcode',
  'municipality',
  'website',
  'industry',
] as const;
export type YtjField = (typeof YTJ_FIELDS)[number];

/** The form's values those fields read and write. */
export interface YtjFormValues {
  name: string;
  companyForm: string;
  streetAddress: string;
  postcode: string;
  municipality: string;
  website: string;
  industryClassification: IndustryClassification;
  industrySection: string | null;
  industryCode: string;
}

/** One field the register would change: what the form has and what the register says. */
export interface YtjChange {
  field: YtjField;
  current: string;
  proposed: string;
  /** Chosen by default only where the form is empty: a typed value is never replaced unasked. */
  selectedByDefault: boolean;
}

const same = (a: string, b: string) => a.trim() === b.trim();

function industryText(classification: string, section: string | null | undefined, code: string | null | undefined) {
  return [section, code].some((part) => part?.trim()) ? [classification, section, code].filter(Boolean).join(' ') : '';
}

function proposedValue(field: Exclude<YtjField, 'industry'>, company: BusinessRegisterCompanyDto): string {
  return company[field] ?? '';
}

/** The fields where the register differs from the form (a field the register leaves empty is not offered). */
export function ytjChanges(form: YtjFormValues, company: BusinessRegisterCompanyDto): YtjChange[] {
  const changes: YtjChange[] = [];
  for (const field of YTJ_FIELDS) {
    const current =
      field === 'industry'
        ? industryText(form.industryClassification, form.industrySection, form.industryCode)
        : form[field];
    const proposed =
      field === 'industry'
        ? industryText(company.industryClassification, company.industrySection, company.industryCode)
        : proposedValue(field, company);
    if (proposed === '' || same(current, proposed)) continue;
    changes.push({ field, current, proposed, selectedByDefault: current.trim() === '' });
  }
  return changes;
}

/** The form values after taking the chosen fields from the register. */
export function applyYtj(company: BusinessRegisterCompanyDto, chosen: ReadonlySet<YtjField>): Partial<YtjFormValues> {
  const values: Partial<YtjFormValues> = {};
  for (const field of chosen) {
    if (field === 'industry') {
      values.industryClassification = company.industryClassification;
      values.industrySection = company.industrySection ?? null;
      values.industryCode = company.industryCode ?? '';
    } else {
      values[field] = proposedValue(field, company);
    }
  }
  return values;
}
