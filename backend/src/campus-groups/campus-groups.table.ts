import type { CampusGroupDto, CampusGroupListQuery, CreateCampusGroupRequest, Page } from '@tyoelama/shared';
import type { CampusScope } from '../auth';
import { ApiException } from '../http/api-exception';
import { likePattern, searchCondition, SqlParams } from '../database/sql';
import type { ConstraintErrors } from '../database/constraint-errors';
import { keysetListPage } from '../database/keyset-list';
import { camelFields, versionedColumns, versionedRecordFields } from '../database/record-fields';
import { columnList, defineTable, integer, type RowOf, varchar } from '../database/table';
import { insertRow, oneRow, type Queryable, rows } from '../database/typed-query';
import { versionedFieldsUpdate } from '../database/versioned-update';
import { memberCountOf } from '../users';

export const campusGroupsTable = defineTable('campus_groups', {
  id: integer(),
  name: varchar(120),
  campus: varchar(120),
  ...versionedColumns(),
});

type CampusGroupRow = RowOf<typeof campusGroupsTable> & { member_count: number };

const COLUMNS = `${columnList(campusGroupsTable, 'g')}, ${memberCountOf('g.id')} AS member_count`;

function toDto(row: CampusGroupRow): CampusGroupDto {
  return {
    ...camelFields(row, ['id', 'name', 'campus', 'member_count']),
    ...versionedRecordFields(row),
  };
}

export const CAMPUS_GROUP_CONSTRAINT_ERRORS: ConstraintErrors = {
  unique: {
    uq_campus_groups_name_lower: () =>
      ApiException.taken('CAMPUS_GROUP_NAME_TAKEN', 'A campus group with this name already exists', {
        path: 'name',
        code: 'name_taken',
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
  return keysetListPage<CampusGroupRow, CampusGroupDto>(db, {
    from: 'campus_groups g',
    columns: COLUMNS,
    where,
    params,
    order: { key: 'lower(g.name)', keyPart: 'text', id: 'g.id', cursorKey: (row) => row.name.toLowerCase() },
    query,
    toItem: toDto,
  });
}

export async function insertCampusGroup(db: Queryable, input: CreateCampusGroupRequest): Promise<number> {
  return insertRow(db, campusGroupsTable, { name: input.name, campus: input.campus });
}

export const updateCampusGroup = versionedFieldsUpdate(
  campusGroupsTable,
  { name: 'name', campus: 'campus' },
  'Campus group',
);
