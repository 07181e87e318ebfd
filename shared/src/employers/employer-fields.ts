import type { EmployerDto } from './employer';
import { auditedFields } from '../common/audit';

/**
 * The employer fields a person edits and the audit trail records: the API's create/update audit,
 * the import's audit (all but the campus group links, which an import does not set) and the
 * employer form's conflict view compare exactly these.
 */
export const EMPLOYER_AUDITED_FIELDS = auditedFields<EmployerDto>()(
  'name',
  'businessId',
  'companyForm',
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
);

export type EmployerAuditedField = (typeof EMPLOYER_AUDITED_FIELDS)[number];
