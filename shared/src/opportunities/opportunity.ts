import * as z from 'zod/mini';
import { auditedFields } from '../common/audit';
import type { ListParams } from '../common/page';
import {
  dateField,
  idField,
  idQuery,
  listQuerySchema,
  optionalText,
  requiredText,
  searchQuery,
  versionField,
} from '../common/fields';

export const OPPORTUNITY_TYPES = [
  'training_agreement',
  'apprenticeship',
  'recruitment',
  'co_development',
  'other',
] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

/** The pipeline: identified → contacted → negotiating → agreed → won | lost. */
export const OPPORTUNITY_STAGES = ['identified', 'contacted', 'negotiating', 'agreed', 'won', 'lost'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
export const OPEN_STAGES: readonly OpportunityStage[] = ['identified', 'contacted', 'negotiating', 'agreed'];

export function isOpenStage(stage: OpportunityStage): boolean {
  return OPEN_STAGES.includes(stage);
}

const lostNeedsReason = z.refine<{ stage?: OpportunityStage; lostReason?: string | null }>(
  (value) => value.stage !== 'lost' || (typeof value.lostReason === 'string' && value.lostReason.length > 0),
  { path: ['lostReason'], message: 'A lost opportunity needs a reason', params: { code: 'lost_reason_required' } },
);

const opportunityFields = {
  employerId: idField,
  title: requiredText(200),
  type: z.enum(OPPORTUNITY_TYPES),
  expectedPlaces: z.optional(z.nullable(z.int().check(z.nonnegative(), z.maximum(10_000)))),
  expectedStart: z.optional(z.nullable(dateField)),
  /** Defaults to the employer's owning group. */
  campusGroupId: z.optional(idField),
  /** Defaults to the creator. */
  ownerId: z.optional(idField),
  stage: z.enum(OPPORTUNITY_STAGES),
  lostReason: optionalText(1000),
  notes: optionalText(5000),
};

export const createOpportunitySchema = z
  .strictObject({ ...opportunityFields, stage: z._default(opportunityFields.stage, 'identified') })
  .check(lostNeedsReason);
export type CreateOpportunityRequest = z.input<typeof createOpportunitySchema>;

export const updateOpportunitySchema = z
  .strictObject({
    version: versionField,
    title: z.optional(opportunityFields.title),
    type: z.optional(opportunityFields.type),
    expectedPlaces: opportunityFields.expectedPlaces,
    expectedStart: opportunityFields.expectedStart,
    campusGroupId: opportunityFields.campusGroupId,
    ownerId: opportunityFields.ownerId,
    stage: z.optional(opportunityFields.stage),
    lostReason: opportunityFields.lostReason,
    notes: opportunityFields.notes,
  })
  .check(lostNeedsReason);
export type UpdateOpportunityRequest = z.input<typeof updateOpportunitySchema>;

export const opportunityListQuerySchema = listQuerySchema({
  q: searchQuery,
  employerId: idQuery,
  stage: z.optional(z.enum(OPPORTUNITY_STAGES)),
  type: z.optional(z.enum(OPPORTUNITY_TYPES)),
  campusGroupId: idQuery,
  ownerId: idQuery,
  /** `true`: only identified…agreed. */
  open: z.optional(z.enum(['true', 'false'])),
});
export type OpportunityListQuery = z.output<typeof opportunityListQuerySchema>;
/** The opportunity list's query as a client builds it. */
export type OpportunityListParams = ListParams<
  z.input<typeof opportunityListQuerySchema>,
  'employerId' | 'campusGroupId' | 'ownerId' | 'limit'
>;

/** The board's column heads: filtered like the list, without paging. */
export const opportunityStageTotalsQuerySchema = z.strictObject({
  type: z.optional(z.enum(OPPORTUNITY_TYPES)),
  campusGroupId: idQuery,
});
export type OpportunityStageTotalsQuery = z.output<typeof opportunityStageTotalsQuerySchema>;

/** How many opportunities a stage holds and their expected student places, within the caller's scope. */
export interface OpportunityStageTotalDto {
  stage: OpportunityStage;
  count: number;
  places: number;
}

export interface OpportunityDto {
  id: number;
  employerId: number;
  employerName: string;
  title: string;
  type: OpportunityType;
  expectedPlaces: number | null;
  expectedStart: string | null;
  campusGroupId: number;
  campusGroupName: string;
  ownerId: number | null;
  ownerName: string | null;
  stage: OpportunityStage;
  lostReason: string | null;
  notes: string | null;
  stageChangedAt: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface StageChangeDto {
  id: number;
  opportunityId: number;
  fromStage: OpportunityStage | null;
  toStage: OpportunityStage;
  changedAt: string;
  changedByName: string | null;
  lostReason: string | null;
}

/** The opportunity fields the audit trail records; the employer's timeline names them. */
export const OPPORTUNITY_AUDITED_FIELDS = auditedFields<OpportunityDto>()(
  'title',
  'type',
  'expectedPlaces',
  'expectedStart',
  'campusGroupId',
  'ownerId',
  'stage',
  'lostReason',
  'notes',
);
export type OpportunityAuditedField = (typeof OPPORTUNITY_AUDITED_FIELDS)[number];
