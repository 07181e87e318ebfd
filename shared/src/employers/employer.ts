import * as z from 'zod/mini';
import type { ListParams } from '../common/page';
import {
  idField,
  idQuery,
  listQuerySchema,
  optionalPattern,
  optionalText,
  requiredText,
  searchQuery,
  versionField,
  withoutNul,
} from '../common/fields';
import { industryProblem, type IndustryFields } from '../industries/industry-check';
import { INDUSTRY_CLASSIFICATIONS, type IndustryClassification } from '../industries/industry-sections';
import { businessIdProblem, normaliseBusinessId } from './business-id';
import type { EmployerRegisterFacts, RegisterFlag } from './employer-register';
import {
  EMPLOYER_SORTS,
  EMPLOYER_STATUSES,
  SIZE_CLASSES,
  type EmployerStatus,
  type SizeClass,
} from './employer-values';

/** Y-tunnus: optional, normalised (old 6-digit form padded), checksum-valid when given. */
export const businessIdField = z.optional(
  z.nullable(
    z.pipe(
      z.string().check(
        z.trim(),
        z.maxLength(20),
        z.overwrite(normaliseBusinessId),
        z.superRefine((value, context) => {
          const problem = value === '' ? null : businessIdProblem(value);
          if (problem) {
            context.addIssue({
              code: 'custom',
              params: { code: problem },
              message: problem === 'business_id_format' ? 'Format is 1234567-8' : 'Check digit does not match',
            });
          }
        }),
      ),
      z.transform((value) => (value === '' ? null : value)),
    ),
  ),
);

const tagField = z.string().check(z.trim(), z.minLength(1), z.maxLength(40));
const tagsField = z.pipe(
  z.array(tagField).check(z.maxLength(20)),
  z.transform((tags) => [...new Set(tags)]),
);
const websiteField = z.optional(
  z.nullable(
    z.pipe(
      z.string().check(z.trim(), z.maxLength(300), z.regex(/^$|^https?:\/\/[^\s/$.?#].[^\s]*$/i)),
      z.transform((value) => (value === '' ? null : value)),
    ),
  ),
);

const employerFields = {
  name: requiredText(200),
  businessId: businessIdField,
  /** The company form as the register words it ("Osakeyhtiö"). */
  companyForm: optionalText(100),
  industryClassification: z.optional(z.nullable(z.enum(INDUSTRY_CLASSIFICATIONS))),
  industrySection: optionalPattern(/^[A-V]$/, 1),
  industryCode: optionalPattern(/^[0-9]{2,5}$/, 5),
  municipality: optionalText(100),
  streetAddress: optionalText(200),
  postcode: optionalPattern(/^[0-9]{5}$/, 5),
  website: websiteField,
  sizeClass: z.optional(z.nullable(z.enum(SIZE_CLASSES))),
  ownerCampusGroupId: idField,
  /** Other campus groups that also work with the employer and must see it. */
  campusGroupIds: z.array(idField).check(z.maxLength(50)),
  accountManagerId: z.optional(z.nullable(idField)),
  status: z.enum(EMPLOYER_STATUSES),
  tags: tagsField,
  description: optionalText(5000),
};

/**
 * The industry fields must agree with each other (see industryProblem); reported on the field at
 * fault. An update that leaves the classification out is checked by the API against the stored one.
 */
const INDUSTRY_FIELDS = ['industryClassification', 'industrySection', 'industryCode'];

function industryCheck(partial: boolean) {
  return z.superRefine<IndustryFields>(
    (value, context) => {
      if (partial && value.industryClassification === undefined) return;
      const problem = industryProblem(value);
      if (problem) {
        context.addIssue({
          code: 'custom',
          path: [problem.path],
          params: { code: problem.code },
          message: problem.message,
        });
      }
    },
    // Also when other fields failed, so a form or an import row shows every problem at once; not
    // when an industry field itself is malformed, which its own error already says.
    {
      when: (payload) =>
        typeof payload.value === 'object' &&
        payload.value !== null &&
        !payload.issues.some((issue) => INDUSTRY_FIELDS.includes(issue.path?.[0] as string)),
    },
  );
}

export const createEmployerSchema = z
  .strictObject({
    ...employerFields,
    campusGroupIds: z._default(employerFields.campusGroupIds, []),
    status: z._default(employerFields.status, 'prospect'),
    tags: z._default(tagsField, []),
  })
  .check(industryCheck(false));
export type CreateEmployerRequest = z.input<typeof createEmployerSchema>;

export const updateEmployerSchema = z
  .strictObject({
    version: versionField,
    name: z.optional(employerFields.name),
    businessId: employerFields.businessId,
    companyForm: employerFields.companyForm,
    industryClassification: employerFields.industryClassification,
    industrySection: employerFields.industrySection,
    industryCode: employerFields.industryCode,
    municipality: employerFields.municipality,
    streetAddress: employerFields.streetAddress,
    postcode: employerFields.postcode,
    website: employerFields.website,
    sizeClass: employerFields.sizeClass,
    ownerCampusGroupId: z.optional(employerFields.ownerCampusGroupId),
    campusGroupIds: z.optional(employerFields.campusGroupIds),
    accountManagerId: employerFields.accountManagerId,
    status: z.optional(employerFields.status),
    tags: z.optional(tagsField),
    description: employerFields.description,
  })
  .check(industryCheck(true));
export type UpdateEmployerRequest = z.input<typeof updateEmployerSchema>;

export const employerListQuerySchema = listQuerySchema({
  q: searchQuery,
  status: z.optional(z.enum(EMPLOYER_STATUSES)),
  campusGroupId: idQuery,
  accountManagerId: idQuery,
  industrySection: z.optional(z.string().check(z.regex(/^[A-V]$/))),
  tag: z.optional(z.string().check(z.trim(), z.maxLength(40), withoutNul)),
  /** Employers with no contact entry in the last N days (or never). */
  noContactDays: z.optional(z.string().check(z.regex(/^[0-9]{1,4}$/))),
  archived: z.optional(z.enum(['false', 'true', 'all'])),
  /** Only employers the last business register check flagged (ceased, bankrupt, renamed, …). */
  registerFlags: z.optional(z.enum(['true'])),
  /** An EmployerSortParam. */
  sort: z.optional(z.enum([...EMPLOYER_SORTS, ...EMPLOYER_SORTS.map((sort) => `-${sort}` as const)])),
});
export type EmployerListQuery = z.output<typeof employerListQuerySchema>;
/** The employer list's query as a client builds it. */
export type EmployerListParams = ListParams<
  z.input<typeof employerListQuerySchema>,
  'campusGroupId' | 'accountManagerId' | 'noContactDays' | 'limit'
>;

export interface EmployerListItemDto {
  id: number;
  name: string;
  businessId: string | null;
  status: EmployerStatus;
  municipality: string | null;
  ownerCampusGroupId: number;
  ownerCampusGroupName: string;
  accountManagerId: number | null;
  accountManagerName: string | null;
  tags: string[];
  lastContactAt: string | null;
  nextFollowUpDue: string | null;
  archived: boolean;
  /** What the last business register check flagged; empty when nothing (or never checked). */
  registerFlags: RegisterFlag[];
}

export interface EmployerDto extends EmployerListItemDto {
  companyForm: string | null;
  industryClassification: IndustryClassification | null;
  industrySection: string | null;
  industryCode: string | null;
  streetAddress: string | null;
  postcode: string | null;
  website: string | null;
  sizeClass: SizeClass | null;
  /** Other campus groups working with the employer (the owner group not repeated). */
  campusGroupIds: number[];
  description: string | null;
  archivedAt: string | null;
  /** The business register's facts at the last refresh; null when never checked. */
  register: EmployerRegisterFacts | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** 409 body detail when a Y-tunnus already belongs to another employer. */
export interface BusinessIdTakenDetail {
  existingEmployerId: number;
  existingEmployerName: string;
}

export const archiveSchema = z.strictObject({ version: versionField });
export type ArchiveRequest = z.output<typeof archiveSchema>;
