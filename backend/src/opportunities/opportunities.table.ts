import {
  OPEN_STAGES,
  type OpportunityDto,
  OPPORTUNITY_STAGES,
  type OpportunityListQuery,
  type OpportunityStage,
  type OpportunityStageTotalDto,
  type OpportunityStageTotalsQuery,
  type OpportunityType,
  type Page,
  type StageChangeDto,
} from '@tyoelama/shared';
import type { CampusScope } from '../auth';
import { timestampKeySql } from '../database/keyset';
import { likePattern, searchCondition, SqlParams } from '../database/sql';
import { keysetListPage, newestFirst } from '../database/keyset-list';
import { camelFields, versionedColumns, versionedRecordFields } from '../database/record-fields';
import {
  boolean,
  columnList,
  columnListExcept,
  date,
  defineTable,
  integer,
  type RowOf,
  text,
  timestamptz,
  varchar,
} from '../database/table';
import { insertRow, type Queryable, rows } from '../database/typed-query';
import { versionedChangesUpdate } from '../database/versioned-update';
import { employerVisibleSql, findEmployerOwnedRow } from '../employers';

export const opportunitiesTable = defineTable('opportunities', {
  id: integer(),
  employer_id: integer(),
  title: varchar(200),
  type: varchar(20).as<OpportunityType>(),
  expected_places: integer().orNull(),
  expected_start: date().orNull(),
  /** The campus group the opportunity counts for, one of those linked to the employer. */
  campus_group_id: integer(),
  owner_id: integer().orNull(),
  stage: varchar(12).as<OpportunityStage>(),
  /** Only a lost opportunity has one (a CHECK requires it there). */
  lost_reason: text().orNull(),
  notes: text().orNull(),
  stage_changed_at: timestamptz(),
  created_by: integer().orNull(),
  /**
   * The employer's last_contact_at and whether it is archived, copied by triggers so that one index
   * serves the pipeline's stale list (migration OpportunityIdleSince). Current for open
   * opportunities only; internal, never in the API.
   */
  employer_last_contact_at: timestamptz().orNull(),
  employer_archived: boolean(),
  ...versionedColumns(),
});

/** Each stage an opportunity entered, for the pipeline's durations and the employer's timeline. */
export const opportunityStageChangesTable = defineTable('opportunity_stage_changes', {
  id: integer(),
  opportunity_id: integer(),
  from_stage: varchar(12).as<OpportunityStage>().orNull(),
  to_stage: varchar(12).as<OpportunityStage>(),
  lost_reason: text().orNull(),
  changed_at: timestamptz(),
  changed_by: integer().orNull(),
});

type OpportunityRow = RowOf<typeof opportunitiesTable>;
/** Shown otherwise (the day as text) or not at all (the employer copy). */
const OMITTED_FROM_VIEW = ['expected_start', 'created_by', 'employer_last_contact_at', 'employer_archived'] as const;
type OmittedFromView = (typeof OMITTED_FROM_VIEW)[number];
type StageChangeRow = RowOf<typeof opportunityStageChangesTable>;

/** An opportunity as the API shows it: the day as `YYYY-MM-DD` and the names of the rows it refers to. */
interface OpportunityView extends Omit<OpportunityRow, OmittedFromView> {
  expected_start: string | null;
  employer_name: string;
  campus_group_name: string;
  owner_name: string | null;
  /** stage_changed_at as the keyset cursor holds it. */
  stage_changed_key: string;
}

interface StageChangeView extends Omit<StageChangeRow, 'changed_by'> {
  changed_by_name: string | null;
}

/** `IN (…)` list of the stages still in play, for SQL that cannot take them as a parameter. */
export const OPEN_STAGES_SQL = `(${OPEN_STAGES.map((stage) => `'${stage}'`).join(', ')})`;

const CLOSED_STAGES: readonly OpportunityStage[] = ['won', 'lost'];

/**
 * Since when the opportunity `o` has been idle: its last stage change or its employer's last
 * contact, whichever is later (greatest() passes over a missing contact).
 */
export const IDLE_SINCE_SQL = 'greatest(o.stage_changed_at, o.employer_last_contact_at)';

/**
 * Copies every opportunity's employer values again, for what writes rows with triggers off (the
 * scale seed, a restore). The owner's: the app role cannot switch triggers off to need it.
 */
export async function fillEmployerCopy(db: Queryable): Promise<void> {
  await db.query(`SELECT crm_fill_opportunity_employer_copy()`);
}

/** Open opportunities `o` of employers not archived: what ix_opportunities_idle_since holds, in IDLE_SINCE_SQL order. */
export const OPEN_UNARCHIVED_SQL = [`o.stage IN ${OPEN_STAGES_SQL}`, 'NOT o.employer_archived'];

/** The opportunity `o` with its employer `e`, campus group `g` and owner `u`: what a list row shows. */
export const OPPORTUNITY_VIEW_FROM = `opportunities o
  JOIN employers e ON e.id = o.employer_id
  JOIN campus_groups g ON g.id = o.campus_group_id
  LEFT JOIN users u ON u.id = o.owner_id`;

const VIEW_COLUMNS = `${columnListExcept(opportunitiesTable, 'o', OMITTED_FROM_VIEW)}, o.expected_start::text AS expected_start, e.name AS employer_name, g.name AS campus_group_name,
  u.display_name AS owner_name,
  ${timestampKeySql('o.stage_changed_at')} AS stage_changed_key`;

function toDto(row: OpportunityView): OpportunityDto {
  return {
    ...camelFields(row, [
      'id',
      'employer_id',
      'employer_name',
      'title',
      'type',
      'expected_places',
      'expected_start',
      'campus_group_id',
      'campus_group_name',
      'owner_id',
      'owner_name',
      'stage',
      'lost_reason',
      'notes',
    ]),
    stageChangedAt: row.stage_changed_at.toISOString(),
    ...versionedRecordFields(row),
  };
}

function toStageChangeDto(row: StageChangeView): StageChangeDto {
  return {
    ...camelFields(row, ['id', 'opportunity_id', 'from_stage', 'to_stage', 'changed_by_name', 'lost_reason']),
    changedAt: row.changed_at.toISOString(),
  };
}

/**
 * The list filters as SQL conditions (the exports use them too). They may refer to the employer
 * as `e`; the cursor is added separately so the total ignores it.
 */
export function opportunityListConditions(
  scope: CampusScope,
  query: OpportunityListQuery,
  params: SqlParams,
): string[] {
  const where = [employerVisibleSql(scope, 'o.employer_id', params)];
  if (query.q) {
    const q = query.q;
    where.push(
      searchCondition(q, () => {
        const pattern = `crm_normalise(${params.add(likePattern(q))})`;
        return `(crm_normalise(o.title) LIKE ${pattern} OR crm_normalise(e.name) LIKE ${pattern})`;
      }),
    );
  }
  if (query.employerId) where.push(`o.employer_id = ${params.add(Number(query.employerId))}`);
  if (query.stage) where.push(`o.stage = ${params.add(query.stage)}`);
  if (query.type) where.push(`o.type = ${params.add(query.type)}`);
  if (query.campusGroupId) where.push(`o.campus_group_id = ${params.add(Number(query.campusGroupId))}`);
  if (query.ownerId) where.push(`o.owner_id = ${params.add(Number(query.ownerId))}`);
  if (query.open) {
    const stages = query.open === 'true' ? OPEN_STAGES : CLOSED_STAGES;
    where.push(`o.stage = ANY(${params.add(stages)}::text[])`);
  }
  return where;
}

/** The page of opportunities the scope sees, most recently moved first. */
export async function opportunityPage(
  db: Queryable,
  scope: CampusScope,
  query: OpportunityListQuery,
): Promise<Page<OpportunityDto>> {
  const params = new SqlParams();
  return keysetListPage(db, {
    from: OPPORTUNITY_VIEW_FROM,
    columns: VIEW_COLUMNS,
    where: opportunityListConditions(scope, query, params),
    params,
    order: newestFirst('o.stage_changed_at', 'o.id', (row: OpportunityView) => row.stage_changed_key),
    query,
    toItem: toDto,
  });
}

/** Every stage's count and expected places under the list's filters; a stage with none counts 0. */
export async function stageTotals(
  db: Queryable,
  scope: CampusScope,
  query: OpportunityStageTotalsQuery,
): Promise<OpportunityStageTotalDto[]> {
  const params = new SqlParams();
  const found = await rows<{ stage: OpportunityStage; count: number; places: number }>(
    db,
    `SELECT o.stage, count(*)::int AS count, COALESCE(sum(o.expected_places), 0)::int AS places
       FROM opportunities o
      WHERE ${opportunityListConditions(scope, query, params).join(' AND ')}
      GROUP BY o.stage`,
    params.values,
  );
  return OPPORTUNITY_STAGES.map((stage) => found.find((row) => row.stage === stage) ?? { stage, count: 0, places: 0 });
}

/** The opportunity if the scope sees its employer (everyone's by default). */
export async function findOpportunity(db: Queryable, id: number, scope?: CampusScope): Promise<OpportunityDto | null> {
  const row = await findEmployerOwnedRow<OpportunityView>(
    db,
    { columns: VIEW_COLUMNS, from: OPPORTUNITY_VIEW_FROM, alias: 'o' },
    id,
    { scope },
  );
  return row && toDto(row);
}

export type NewOpportunityRow = Pick<
  OpportunityRow,
  | 'employer_id'
  | 'title'
  | 'type'
  | 'expected_places'
  | 'campus_group_id'
  | 'owner_id'
  | 'stage'
  | 'lost_reason'
  | 'notes'
  | 'created_by'
> & { expected_start: string | null };

export async function insertOpportunity(db: Queryable, values: NewOpportunityRow): Promise<number> {
  return insertRow(db, opportunitiesTable, values);
}

export const updateOpportunity = versionedChangesUpdate(opportunitiesTable, findOpportunity, 'Opportunity');

/** Its stage history goes with it (ON DELETE CASCADE). */
export async function deleteOpportunity(db: Queryable, id: number): Promise<void> {
  await db.query(`DELETE FROM opportunities WHERE id = $1`, [id]);
}

export async function stageChangesOf(db: Queryable, opportunityId: number): Promise<StageChangeDto[]> {
  const changes = await rows<StageChangeView>(
    db,
    `SELECT ${columnList(opportunityStageChangesTable, 'c', [
      'id',
      'opportunity_id',
      'from_stage',
      'to_stage',
      'changed_at',
      'lost_reason',
    ])}, u.display_name AS changed_by_name
       FROM opportunity_stage_changes c LEFT JOIN users u ON u.id = c.changed_by
      WHERE c.opportunity_id = $1 ORDER BY c.changed_at, c.id`,
    [opportunityId],
  );
  return changes.map(toStageChangeDto);
}

export async function insertStageChange(
  db: Queryable,
  change: Omit<StageChangeRow, 'id' | 'changed_at'>,
): Promise<void> {
  // changed_at defaults to now(), the transaction's time: the same instant as stage_changed_at.
  await db.query(
    `INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage, lost_reason, changed_by)
     VALUES ($1, $2, $3, $4, $5)`,
    [change.opportunity_id, change.from_stage, change.to_stage, change.lost_reason, change.changed_by],
  );
}
