import type {
  CampusGroupDto,
  CampusGroupListQuery,
  CreateCampusGroupRequest,
  Page,
  UpdateCampusGroupRequest,
} from '@tyoelama/shared';
import type { CampusScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { likePattern, searchCondition, SqlParams } from '../database/sql';
import type { ConstraintErrors } from '../database/constraint-errors';
import { nameOrderedPage } from '../database/name-ordered-page';
import { versionedRecordFields } from '../database/record-fields';
import { columnList, defineTable, integer, type RowOf, timestamptz, varchar } from '../database/table';
import { oneRow, type Queryable, rows } from '../database/typed-query';
import { ColumnChanges, versionedUpdate } from '../database/versioned-update';
import { memberCountOf } from '../users';

export const campusGroupsTable = defineTable('campus_groups', {
  id: integer(),
  name: varchar(120),
  campus: varchar(120),
  created_at: timestamptz(),
  updated_at: timestamptz(),
  version: integer(),
});

type CampusGroupRow = RowOf<typeof campusGroupsTable> & { member_count: number };

const COLUMNS = `${columnList(campusGroupsTable, 'g')}, ${memberCountOf('g.id')} AS member_count`;

function toDto(row: CampusGroupRow): CampusGroupDto {
  return {
    id: row.id,
    name: row.name,
    campus: row.campus,
    memberCount: row.member_count,
    ...versionedRecordFields(row),
  };
}

export const CAMPUS_GROUP_CONSTRAINT_ERRORS: ConstraintErrors = {
  unique: {
    uq_campus_groups_name_lower: () =>
      new ApiException(409, 'CAMPUS_GROUP_NAME_TAKEN', 'A campus group with this name already exists', {
        fieldErrors: [{ path: 'name', code: 'name_taken', message: 'Already in use' }],
      }),
  },
};

export async function findCampusGroup(db: Queryable, id: number): Promise<CampusGroupDto | null> {
  const row = await oneRow<CampusGroupRow>(db, `SELECT ${COLUMNS} FROM campus_groups g WHERE g.id = $1`, [id]);
  return row ? toDto(row) : null;
}

/** Which of these ids name an existing campus group. */
export async function existingCampusGroupIds(db: Queryable, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const found = await rows<{ id: number }>(db, `SELECT id FROM campus_groups WHERE id = ANY($1::int[])`, [[...ids]]);
  return new Set(found.map((row) => row.id));
}

export function listCampusGroups(
  db: Queryable,
  scope: CampusScope,
  query: CampusGroupListQuery,
): Promise<Page<CampusGroupDto>> {
  const params = new SqlParams();
  const where: string[] = [];
  if (scope.kind === 'groups') where.push(`g.id = ANY(${params.add(scope.campusGroupIds)})`);
  if (query.q) {
    const q = query.q;
    where.push(
      searchCondition(q, () => {
        const pattern = params.add(likePattern(q));
        return `(unaccent(g.name) ILIKE unaccent(${pattern}) OR unaccent(g.campus) ILIKE unaccent(${pattern}))`;
      }),
    );
  }
  return nameOrderedPage<CampusGroupRow, CampusGroupDto>(db, {
    from: 'campus_groups g',
    columns: COLUMNS,
    where,
    params,
    name: 'g.name',
    id: 'g.id',
    query,
    toItem: toDto,
    sortName: (row) => row.name.toLowerCase(),
  });
}

export async function insertCampusGroup(db: Queryable, input: CreateCampusGroupRequest): Promise<number> {
  const [{ id }] = await rows<{ id: number }>(
    db,
    `INSERT INTO campus_groups (name, campus) VALUES ($1, $2) RETURNING id`,
    [input.name, input.campus],
  );
  return id;
}

/** Saves the given fields if the client's version is still the current one (else 409, or 404 when gone). */
export async function updateCampusGroup(
  db: Queryable,
  id: number,
  input: UpdateCampusGroupRequest,
  current: () => Promise<CampusGroupDto | null>,
): Promise<void> {
  await versionedUpdate(db, campusGroupsTable, {
    id,
    version: input.version,
    changes: new ColumnChanges<typeof campusGroupsTable>().setDefined(input, { name: 'name', campus: 'campus' }),
    current,
    what: 'Campus group',
  });
}
