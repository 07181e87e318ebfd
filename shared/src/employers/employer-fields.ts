import type { EmployerDto } from './employer';

/**
 * The employer fields a person edits and the audit trail records: the API's create/update audit,
 * the import's audit (all but the campus group links, which an import does not set) and the
 * employer form's conflict view compare exactly these.
 */
export const EMPLOYER_AUDITED_FIELDS = [
  'name',
  'businessId',
  'industryClassification',
  'industrySection',
  'industryCode',
  'municipality',
  'streetAddress',
  'postcode',
  'website',
  'sizeClass',
  'ownerCampusGroupId',
  'campusGroupIds',
  'accountManagerId',
  'status',
  'tags',
  'description',
] as const satisfies readonly (keyof EmployerDto)[];

export type EmployerAuditedField = (typeof EMPLOYER_AUDITED_FIELDS)[number];
