import type { DataSource } from 'typeorm';
import { CRM_TABLES } from '../../tools/seed/seed-demo';

// Test support for the security specs. It lives beside them and needs only a DataSource, so it
// stays free of supertest.

/** Text that every row of the other campus group carries, so a leak shows up in any response format. */
export const OTHER_GROUP_MARKER = 'SECRET-B';

/** Which rows a check points at: the campus member's own rows, a colleague's in the same group, another group's. */
export type Scope = 'own' | 'colleague' | 'other';

/** The ids a route's path and body are filled from, for one scope. */
export interface ScopeIds {
  groupId: number;
  employerId: number;
  contactPersonId: number;
  contactEntryId: number;
  followUpId: number;
  opportunityId: number;
  /** A user who is a member of the scope's group (never one of the signed-in callers). */
  userId: number;
}

/** Users and groups made once per file; every world adds rows to these two groups. */
export interface SecurityCast {
  groupA: number;
  groupB: number;
  /** The signed-in campus member (group A). */
  memberId: number;
  /** Another campus member of group A. */
  colleagueId: number;
  /** A campus member of group B. */
  otherMemberId: number;
}

export interface SecurityWorld {
  ids(scope: Scope): ScopeIds;
  /** Every employer id of the other group in this world. */
  otherEmployerIds: number[];
}

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${process.pid}-${(counter += 1)}`;

async function insertOne(dataSource: DataSource, sql: string, values: unknown[]): Promise<number> {
  const rows: { id: number }[] = await dataSource.query(`${sql} RETURNING id`, values);
  return rows[0].id;
}

/** Campus groups A and B with a campus member each (the caller joins A later), named so B's rows carry the marker. */
async function createGroups(
  dataSource: DataSource,
  createUser: (role: 'campus_member', groups: number[]) => Promise<number>,
): Promise<Omit<SecurityCast, 'memberId'>> {
  const groupA = await insertOne(dataSource, `INSERT INTO campus_groups (name, campus) VALUES ($1, 'Kampus A')`, [
    unique('Ryhmä A'),
  ]);
  const groupB = await insertOne(dataSource, `INSERT INTO campus_groups (name, campus) VALUES ($1, 'Kampus B')`, [
    unique(`Ryhmä ${OTHER_GROUP_MARKER}`),
  ]);
  const colleagueId = await createUser('campus_member', [groupA]);
  const otherMemberId = await createUser('campus_member', [groupB]);
  await dataSource.query(`UPDATE users SET display_name = $1 WHERE id = $2`, [`Kollega ${unique('A')}`, colleagueId]);
  await dataSource.query(`UPDATE users SET display_name = $1 WHERE id = $2`, [
    `${OTHER_GROUP_MARKER} ${unique('member')}`,
    otherMemberId,
  ]);
  return { groupA, groupB, colleagueId, otherMemberId };
}

/** What makes the cast's users: the test app's context does, signing the caller in however it signs in. */
export interface CastMaker<Caller> {
  dataSource: DataSource;
  createUser(role: 'campus_member', campusGroupIds: number[]): Promise<number>;
  signedIn(role: 'campus_member', campusGroupIds: number[]): Promise<Caller>;
}

/** Groups A and B with their members, and the caller: a campus member of group A, signed in. */
export async function createCast<Caller extends { me: { id: number } }>(
  maker: CastMaker<Caller>,
): Promise<{ cast: SecurityCast; member: Caller }> {
  const groups = await createGroups(maker.dataSource, (role, groupIds) => maker.createUser(role, groupIds));
  const member = await maker.signedIn('campus_member', [groups.groupA]);
  return { cast: { ...groups, memberId: member.me.id }, member };
}

interface SideRows {
  employerId: number;
  contactPersonId: number;
  entryId: number;
  followUpId: number;
  opportunityId: number;
}

async function createSide(dataSource: DataSource, groupId: number, label: string, authorId: number): Promise<SideRows> {
  const employerId = await insertOne(
    dataSource,
    `INSERT INTO employers (name, owner_campus_group_id) VALUES ($1, $2)`,
    [unique(`Työnantaja ${label}`), groupId],
  );
  await dataSource.query(`INSERT INTO employer_campus_groups (employer_id, campus_group_id) VALUES ($1, $2)`, [
    employerId,
    groupId,
  ]);
  const contactPersonId = await insertOne(
    dataSource,
    `INSERT INTO contact_persons (employer_id, name) VALUES ($1, $2)`,
    [employerId, unique(`Henkilö ${label}`)],
  );
  const entryId = await insertEntry(dataSource, employerId, groupId, authorId, label);
  const followUpId = await insertFollowUp(dataSource, employerId, authorId, label);
  const opportunityId = await insertOne(
    dataSource,
    `INSERT INTO opportunities (employer_id, title, type, campus_group_id, owner_id) VALUES ($1, $2, 'recruitment', $3, NULL)`,
    [employerId, unique(`Mahdollisuus ${label}`), groupId],
  );
  await dataSource.query(
    `INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage) VALUES ($1, NULL, 'identified')`,
    [opportunityId],
  );
  await dataSource.query(
    `UPDATE employers SET last_contact_at = now(), next_follow_up_due = CURRENT_DATE + 7 WHERE id = $1`,
    [employerId],
  );
  // Students' periods last spring and none this year: the employer is on the lapsed-hosts call list.
  // The other group's employer hosted two, so it heads that list (most students first) however many
  // worlds the checks have made: the list check reads one page.
  await dataSource.query(
    `INSERT INTO workplace_learning_periods (period_key, student_key, sources, employer_id, kind, starts_on, ends_on)
     SELECT md5(random()::text) || md5(random()::text), md5(random()::text) || md5(random()::text), '{koski}', $1,
            'training_agreement', make_date(extract(year FROM CURRENT_DATE)::int - 1, 3, 1),
            make_date(extract(year FROM CURRENT_DATE)::int - 1, 5, 31)
       FROM generate_series(1, $2::int)`,
    [employerId, label === OTHER_GROUP_MARKER ? 2 : 1],
  );
  return { employerId, contactPersonId, entryId, followUpId, opportunityId };
}

function insertEntry(dataSource: DataSource, employerId: number, groupId: number, authorId: number, label: string) {
  return insertOne(
    dataSource,
    `INSERT INTO contact_entries (employer_id, type, occurred_at, summary, campus_group_id, created_by)
     VALUES ($1, 'phone', now() - interval '1 day', $2, $3, $4)`,
    [employerId, unique(`Puhelu ${label}`), groupId, authorId],
  );
}

function insertFollowUp(dataSource: DataSource, employerId: number, assigneeId: number, label: string) {
  return insertOne(
    dataSource,
    `INSERT INTO follow_ups (employer_id, title, due_date, assignee_id, created_by) VALUES ($1, $2, CURRENT_DATE + 7, $3, $3)`,
    [employerId, unique(`Soita takaisin ${label}`), assigneeId],
  );
}

/**
 * One employer per campus group with a contact person, a contact entry, a follow-up and an
 * opportunity; group A also has an entry and a follow-up of a colleague. Fresh rows every call, so a
 * write check never sees the leftovers of another.
 */
export async function createWorld(dataSource: DataSource, cast: SecurityCast): Promise<SecurityWorld> {
  const a = await createSide(dataSource, cast.groupA, 'A', cast.memberId);
  const b = await createSide(dataSource, cast.groupB, OTHER_GROUP_MARKER, cast.otherMemberId);
  const colleagueEntryId = await insertEntry(dataSource, a.employerId, cast.groupA, cast.colleagueId, 'A colleague');
  const colleagueFollowUpId = await insertFollowUp(dataSource, a.employerId, cast.colleagueId, 'A colleague');
  const own: ScopeIds = {
    groupId: cast.groupA,
    employerId: a.employerId,
    contactPersonId: a.contactPersonId,
    contactEntryId: a.entryId,
    followUpId: a.followUpId,
    opportunityId: a.opportunityId,
    userId: cast.colleagueId,
  };
  const scopes: Record<Scope, ScopeIds> = {
    own,
    colleague: { ...own, contactEntryId: colleagueEntryId, followUpId: colleagueFollowUpId },
    other: {
      groupId: cast.groupB,
      employerId: b.employerId,
      contactPersonId: b.contactPersonId,
      contactEntryId: b.entryId,
      followUpId: b.followUpId,
      opportunityId: b.opportunityId,
      userId: cast.otherMemberId,
    },
  };
  return { ids: (scope) => scopes[scope], otherEmployerIds: [b.employerId] };
}

/** Current optimistic-lock version of a row, for PATCH bodies. */
export async function versionOf(dataSource: DataSource, table: string, id: number): Promise<number> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`not a table name: ${table}`);
  const rows: { version: number }[] = await dataSource.query(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  return rows[0]?.version ?? 1;
}

/** The main tables' row counts and a checksum of their contents: equal before and after means nothing changed. */
export async function databaseFingerprint(dataSource: DataSource): Promise<Record<string, string>> {
  const tables = ['users', 'user_campus_groups', 'campus_groups', ...CRM_TABLES];
  const result: Record<string, string> = {};
  for (const table of tables) {
    // last_seen_at and last_login_at move with every request of a signed-in user; they are not data.
    const columns = table === 'users' ? `t.id, t.email, t.display_name, t.role, t.active, t.version` : 't.*';
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS count, coalesce(md5(string_agg(h, ',' ORDER BY h)), '') AS sum
         FROM (SELECT md5(row(${columns})::text) AS h FROM ${table} t) rows`,
    );
    result[table] = `${row.count}:${row.sum}`;
  }
  return result;
}
