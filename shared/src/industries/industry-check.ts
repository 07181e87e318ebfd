import type { FieldErrorCode } from '../common/errors';
import { industryDivisionOf } from './industry-divisions';
import { INDUSTRY_SECTIONS, type IndustryClassification } from './industry-sections';

/** An employer's industry: the classification version, a section letter and a 2–5 digit code. */
export interface IndustryFields {
  industryClassification?: IndustryClassification | null;
  industrySection?: string | null;
  industryCode?: string | null;
}

export interface IndustryProblem {
  path: 'industryClassification' | 'industrySection' | 'industryCode';
  code: FieldErrorCode;
  message: string;
}

/**
 * Why an industry is inconsistent, or null: a section or a code needs the classification version,
 * the section must be one of that version, the code's division must exist in it, and a code given
 * with a section must belong to that section (`47110` is retail trade, G, not manufacturing, C).
 */
export function industryProblem(value: IndustryFields): IndustryProblem | null {
  const { industryClassification: classification, industrySection: section, industryCode: code } = value;
  if (section && (!classification || !INDUSTRY_SECTIONS[classification].includes(section))) {
    return {
      path: 'industrySection',
      code: 'industry_section_invalid',
      message: 'Not a section of the chosen classification',
    };
  }
  if (!code) return null;
  if (!classification) {
    return { path: 'industryClassification', code: 'required', message: 'An industry code needs its classification' };
  }
  const division = industryDivisionOf(classification, code);
  if (!division) {
    return {
      path: 'industryCode',
      code: 'industry_code_unknown',
      message: 'No such division in the chosen classification',
    };
  }
  if (section && division.section !== section) {
    return {
      path: 'industryCode',
      code: 'industry_code_section_mismatch',
      message: `The code belongs to section ${division.section}, not ${section}`,
    };
  }
  return null;
}
