import 'reflect-metadata';
import type { Role } from '@tyoelama/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from '../../src/passwords/password';
import { ConfigError, loadConfig } from '../../src/config/config';
import { dataSourceOptions, runMigrations } from '../../src/database/data-source';
import { runScript, withOpenDatabase } from '../ops/script';
import { type ColumnOf, type Table } from '../../src/database/table';
import { auditEventsTable } from '../../src/audit/audit.table';
import { contactEntriesTable, contactEntryPersonsTable } from '../../src/contact-entries/contact-entries.table';
import { contactPersonsTable } from '../../src/contacts/contacts.table';
import { camelFields } from '../../src/database/record-fields';
import { EMPLOYER_FIELD_COLUMNS, employerCampusGroupsTable, employersTable } from '../../src/employers/employers.table';
import { followUpsTable } from '../../src/follow-ups/follow-ups.table';
import { opportunitiesTable, opportunityStageChangesTable } from '../../src/opportunities/opportunities.table';
import { userCampusGroupsTable } from '../../src/users/users.table';
import { buildDemoPlan, type Clock, DEMO_GROUPS, DEMO_PASSWORD, DEMO_USERS, type DemoPlan } from './demo-data';
import { rebuildReportCounts } from '../../src/reports/report-counts';

export interface SeedOptions {
  /** Empty the CRM tables (and remove the demo users and groups) before seeding. */
  reset?: boolean;
}

export interface SeedCounts {
  campusGroups: number;
  users: number;
  employers: number;
  contactPersons: number;
  contactEntries: number;
  followUps: number;
  opportunities: number;
  auditEvents: number;
}

export interface SeedResult {
  /** False when demo data was already there and nothing was added. */
  seeded: boolean;
  counts: SeedCounts | null;
}

type AuditChanges = Record<string, [unknown, unknown]>;

interface AuditRow {
  occurred_at: Date;
  actor_id: number | null;
  action: string;
  entity_type: string;
  entity_id: number;
  changes: AuditChanges;
  employer_id: number | null;
}

/** Field → [null, value] for the fields a created record has, like the API's createdFields. */
function created(record: Record<string, unknown>): AuditChanges {
  const changes: AuditChanges = {};
  for (const [field, value] of Object.entries(record)) {
    if (value !== null && value !== undefined) changes[field] = [null, value];
  }
  return changes;
}

/** The audit row of a record's creation, as the API writes it: every field the record was created with. */
function creationAudit(
  entity: Pick<AuditRow, 'entity_type' | 'entity_id' | 'employer_id'>,
  at: Date,
  actorId: number | null,
  fields: Record<string, unknown>,
): AuditRow {
  return { ...entity, occurred_at: at, actor_id: actorId, action: 'create', changes: created(fields) };
}

/**
 * One INSERT for any number of rows: the rows travel as one JSON parameter and
 * jsonb_to_recordset turns them into typed columns (arrays included), so there is no
 * parameter-count limit and no per-row round trip. The column types come from the table's
 * declaration; the first row names the columns written.
 */
async function insertRows<T extends Table>(
  manager: EntityManager,
  table: T,
  rows: readonly Partial<Record<ColumnOf<T>, unknown>>[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(rows[0]) as ColumnOf<T>[];
  const types = names.map((name) => {
    if (!(name in table.columns)) throw new Error(`${table.name} has no column ${name}`);
    return `${name} ${table.columns[name].sqlType}`;
  });
  await manager.query(
    `INSERT INTO ${table.name} (${names.join(', ')})
     SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${types.join(', ')})`,
    [JSON.stringify(rows)],
  );
}

/** Takes ids from a table's identity sequence up front, so rows can refer to each other before insert. */
async function reserveIds(manager: EntityManager, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const rows: { id: number }[] = await manager.query(
    `SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS id FROM generate_series(1, $2)`,
    [table, count],
  );
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** The tables of the employers and their history: what the seed writes and `--reset` empties. */
export const CRM_TABLES = [
  'employers',
  'employer_campus_groups',
  'recent_employer_views',
  'contact_persons',
  'contact_entries',
  'contact_entry_persons',
  'contact_entries_deleted',
  'follow_ups',
  'opportunities',
  'opportunity_stage_changes',
  'workplace_learning_periods',
  'feedback_surveys',
  'employer_journey_steps',
  'audit_events',
] as const;

const DEMO_GROUP_NAMES = DEMO_GROUPS.map((group) => group.name.toLowerCase());
const DEMO_EMAILS = DEMO_USERS.map((user) => user.email.toLowerCase());

async function demoDataExists(manager: EntityManager): Promise<boolean> {
  const [{ found }] = await manager.query(
    `SELECT EXISTS (SELECT 1 FROM campus_groups WHERE lower(name) = ANY($1::text[]))
         OR EXISTS (SELECT 1 FROM users WHERE lower(email) = ANY($2::text[])) AS found`,
    [DEMO_GROUP_NAMES, DEMO_EMAILS],
  );
  return found;
}

async function resetCrmData(manager: EntityManager): Promise<void> {
  // audit_events is append-only: a user trigger refuses UPDATE, DELETE and even TRUNCATE. Wiping a
  // demo database is the one sanctioned exception, so the user triggers are switched off around the
  // TRUNCATE only. ALTER TABLE is transactional: if anything fails, the rollback restores the
  // trigger together with the data, and no other session ever sees the table unprotected (the
  // ALTER holds an exclusive lock until commit).
  await manager.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
  // No CASCADE: a future table referencing these must join CRM_TABLES knowingly, not be wiped silently.
  await manager.query(`TRUNCATE ${CRM_TABLES.join(', ')} RESTART IDENTITY`);
  // TRUNCATE fires no row triggers: the report roll-ups are emptied with the rows they count.
  await rebuildReportCounts(manager);
  await manager.query(`ALTER TABLE audit_events ENABLE TRIGGER USER`);
  // Sessions and memberships go with them (ON DELETE CASCADE).
  await manager.query(`DELETE FROM users WHERE lower(email) = ANY($1::text[])`, [DEMO_EMAILS]);
  await manager.query(`DELETE FROM campus_groups WHERE lower(name) = ANY($1::text[])`, [DEMO_GROUP_NAMES]);
}

async function readClock(manager: EntityManager): Promise<Clock> {
  const [row] = await manager.query(`SELECT now() AS now, (now() AT TIME ZONE 'Europe/Helsinki')::date::text AS today`);
  return { now: row.now as Date, today: row.today as string };
}

/** Demo groups and users, "created" well before the employer history starts. */
async function insertPeople(
  manager: EntityManager,
  clock: Clock,
  passwordHash: string,
  audits: AuditRow[],
): Promise<{ groupIds: number[]; userIds: Map<string, number> }> {
  const since = new Date(clock.now.getTime() - 600 * 24 * 60 * 60 * 1000);
  const groupRows: { id: number; name: string }[] = await manager.query(
    `INSERT INTO campus_groups (name, campus, created_at, updated_at)
     SELECT name, campus, $2, $2 FROM jsonb_to_recordset($1::jsonb) AS r(name text, campus text) RETURNING id, name`,
    [JSON.stringify(DEMO_GROUPS), since],
  );
  const groupIds = DEMO_GROUPS.map((group) => groupRows.find((row) => row.name === group.name)!.id);
  const userRows: { id: number; email: string }[] = await manager.query(
    `INSERT INTO users (email, display_name, role, password_hash, locale, created_at, updated_at)
     SELECT email, display_name, role, $2, 'fi', $3, $3
       FROM jsonb_to_recordset($1::jsonb) AS r(email text, display_name text, role text) RETURNING id, email`,
    [
      JSON.stringify(
        DEMO_USERS.map((user) => ({ email: user.email, display_name: user.displayName, role: user.role })),
      ),
      passwordHash,
      since,
    ],
  );
  const userIds = new Map(userRows.map((row) => [row.email, row.id]));
  await insertRows(
    manager,
    userCampusGroupsTable,
    DEMO_USERS.flatMap((user) =>
      user.groups.map((group) => ({ user_id: userIds.get(user.email), campus_group_id: groupIds[group] })),
    ),
  );
  const adminId = userIds.get(DEMO_USERS.find((user) => user.role === 'admin')!.email)!;
  DEMO_GROUPS.forEach((group, index) =>
    audits.push(
      creationAudit({ entity_type: 'campus_group', entity_id: groupIds[index], employer_id: null }, since, adminId, {
        name: group.name,
        campus: group.campus,
      }),
    ),
  );
  for (const user of DEMO_USERS) {
    const id = userIds.get(user.email)!;
    audits.push(
      creationAudit(
        { entity_type: 'user', entity_id: id, employer_id: null },
        since,
        // The first admin is created by the system itself, as at first start.
        id === adminId ? null : adminId,
        {
          email: user.email,
          displayName: user.displayName,
          role: user.role,
          locale: 'fi',
          active: true,
          campusGroupIds: user.groups.map((group) => groupIds[group]).sort((a, b) => a - b),
        },
      ),
    );
  }
  return { groupIds, userIds };
}

/** What a contact person's row and its creation audit share (the columns are named like the fields). */
const personFields = ({ name, title, email, phone, roles }: DemoPlan['persons'][number]) => ({
  name,
  title,
  email,
  phone,
  roles,
});

/** Writes the plan's employer-side rows; every row refers to reserved ids. */
async function insertCrm(
  manager: EntityManager,
  plan: DemoPlan,
  groupIds: number[],
  userIds: Map<string, number>,
  audits: AuditRow[],
): Promise<number[]> {
  const user = (email: string | null) => (email === null ? null : userIds.get(email)!);
  const employerIds = await reserveIds(manager, 'employers', plan.employers.length);
  const personIds = await reserveIds(manager, 'contact_persons', plan.persons.length);
  const entryIds = await reserveIds(manager, 'contact_entries', plan.entries.length);
  const followUpIds = await reserveIds(manager, 'follow_ups', plan.followUps.length);
  const opportunityIds = await reserveIds(manager, 'opportunities', plan.opportunities.length);

  const employers = plan.employers.map((employer, index) => ({
    id: employerIds[index],
    name: employer.name,
    business_id: employer.businessId,
    company_form: companyFormOf(employer.name),
    industry_classification: 'TOL2025',
    industry_section: employer.industrySection,
    industry_code: employer.industryCode,
    municipality: employer.municipality,
    street_address: employer.streetAddress,
    postcode: employer.postcode,
    website: employer.website,
    size_class: employer.sizeClass,
    owner_campus_group_id: groupIds[employer.ownerGroup],
    account_manager_id: user(employer.accountManager),
    status: employer.status,
    tags: employer.tags,
    description: employer.description,
    created_by: user(employer.createdBy),
    created_at: employer.createdAt,
    updated_at: employer.createdAt,
  }));
  await insertRows(manager, employersTable, employers);
  await insertRows(
    manager,
    employerCampusGroupsTable,
    plan.employers.flatMap((employer, index) =>
      employer.groups.map((group) => ({ employer_id: employerIds[index], campus_group_id: groupIds[group] })),
    ),
  );
  plan.employers.forEach((employer, index) => {
    const { id, created_by, created_at, updated_at: _updatedAt, ...fields } = employers[index];
    audits.push(
      creationAudit({ entity_type: 'employer', entity_id: id, employer_id: id }, created_at, created_by, {
        ...camelFields(fields, Object.values(EMPLOYER_FIELD_COLUMNS)),
        campusGroupIds: employer.groups.map((group) => groupIds[group]).sort((a, b) => a - b),
      }),
    );
  });

  await insertRows(
    manager,
    contactPersonsTable,
    plan.persons.map((person, index) => ({
      id: personIds[index],
      employer_id: employerIds[person.employer],
      ...personFields(person),
      created_at: person.createdAt,
      updated_at: person.createdAt,
    })),
  );
  plan.persons.forEach((person, index) =>
    audits.push(
      creationAudit(
        { entity_type: 'contact_person', entity_id: personIds[index], employer_id: employerIds[person.employer] },
        person.createdAt,
        user(plan.employers[person.employer].accountManager),
        personFields(person),
      ),
    ),
  );

  await insertRows(
    manager,
    contactEntriesTable,
    plan.entries.map((entry, index) => ({
      id: entryIds[index],
      employer_id: employerIds[entry.employer],
      type: entry.type,
      occurred_at: entry.occurredAt,
      summary: entry.summary,
      notes: entry.notes,
      campus_group_id: groupIds[entry.group],
      topics: entry.topics,
      created_by: user(entry.createdBy),
      created_at: entry.occurredAt,
      updated_at: entry.occurredAt,
    })),
  );
  await insertRows(
    manager,
    contactEntryPersonsTable,
    plan.entries.flatMap((entry, index) =>
      entry.persons.map((person) => ({ contact_entry_id: entryIds[index], contact_person_id: personIds[person] })),
    ),
  );
  plan.entries.forEach((entry, index) =>
    audits.push(
      creationAudit(
        { entity_type: 'contact_entry', entity_id: entryIds[index], employer_id: employerIds[entry.employer] },
        entry.occurredAt,
        user(entry.createdBy),
        {
          type: entry.type,
          occurredAt: entry.occurredAt.toISOString(),
          summary: entry.summary,
          notes: entry.notes,
          campusGroupId: groupIds[entry.group],
          topics: entry.topics,
          contactPersonIds: entry.persons.map((person) => personIds[person]).sort((a, b) => a - b),
        },
      ),
    ),
  );

  await insertRows(
    manager,
    followUpsTable,
    plan.followUps.map((followUp, index) => ({
      id: followUpIds[index],
      employer_id: employerIds[followUp.employer],
      contact_entry_id: followUp.entry === null ? null : entryIds[followUp.entry],
      title: followUp.title,
      notes: followUp.notes,
      due_date: followUp.dueDate,
      assignee_id: user(followUp.assignee),
      status: followUp.status,
      completed_at: followUp.completedAt,
      completed_by: user(followUp.completedBy),
      created_by: user(followUp.createdBy),
      created_at: followUp.createdAt,
      updated_at: followUp.closedAt ?? followUp.createdAt,
      version: followUp.closedAt ? 2 : 1,
    })),
  );
  plan.followUps.forEach((followUp, index) => {
    const employerId = employerIds[followUp.employer];
    audits.push(
      creationAudit(
        { entity_type: 'follow_up', entity_id: followUpIds[index], employer_id: employerId },
        followUp.createdAt,
        user(followUp.createdBy),
        {
          title: followUp.title,
          notes: followUp.notes,
          dueDate: followUp.dueDate,
          assigneeId: user(followUp.assignee),
          contactEntryId: followUp.entry === null ? null : entryIds[followUp.entry],
          status: 'open',
        },
      ),
    );
    if (followUp.closedAt) {
      audits.push({
        occurred_at: followUp.closedAt,
        actor_id: user(followUp.completedBy ?? followUp.assignee),
        // The follow-ups API audits its actions under their own names.
        action: followUp.status === 'done' ? 'complete' : 'cancel',
        entity_type: 'follow_up',
        entity_id: followUpIds[index],
        changes: { status: ['open', followUp.status] },
        employer_id: employerId,
      });
    }
  });

  await insertRows(
    manager,
    opportunitiesTable,
    plan.opportunities.map((opportunity, index) => ({
      id: opportunityIds[index],
      employer_id: employerIds[opportunity.employer],
      title: opportunity.title,
      type: opportunity.type,
      expected_places: opportunity.expectedPlaces,
      expected_start: opportunity.expectedStart,
      campus_group_id: groupIds[opportunity.group],
      owner_id: user(opportunity.owner),
      stage: opportunity.stage,
      lost_reason: opportunity.lostReason,
      notes: opportunity.notes,
      stage_changed_at: opportunity.changes.at(-1)!.at,
      created_by: user(opportunity.owner),
      created_at: opportunity.createdAt,
      updated_at: opportunity.changes.at(-1)!.at,
      // One save per stage move after the creation, as through the API.
      version: opportunity.changes.length,
    })),
  );
  await insertRows(
    manager,
    opportunityStageChangesTable,
    plan.opportunities.flatMap((opportunity, index) =>
      opportunity.changes.map((change) => ({
        opportunity_id: opportunityIds[index],
        from_stage: change.from,
        to_stage: change.to,
        lost_reason: change.lostReason,
        changed_at: change.at,
        changed_by: user(opportunity.owner),
      })),
    ),
  );
  plan.opportunities.forEach((opportunity, index) => {
    const [first, ...moves] = opportunity.changes;
    const entity = {
      entity_type: 'opportunity',
      entity_id: opportunityIds[index],
      employer_id: employerIds[opportunity.employer],
    };
    const actorId = user(opportunity.owner);
    audits.push(
      creationAudit(entity, opportunity.createdAt, actorId, {
        title: opportunity.title,
        type: opportunity.type,
        expectedPlaces: opportunity.expectedPlaces,
        expectedStart: opportunity.expectedStart,
        campusGroupId: groupIds[opportunity.group],
        ownerId: user(opportunity.owner),
        stage: first.to,
        lostReason: first.lostReason,
        notes: opportunity.notes,
      }),
    );
    for (const move of moves) {
      const changes: AuditChanges = { stage: [move.from, move.to] };
      if (move.lostReason) changes.lostReason = [null, move.lostReason];
      audits.push({ ...entity, occurred_at: move.at, actor_id: actorId, action: 'update', changes });
    }
  });
  return employerIds;
}

/** The derived activity columns, for all demo employers in one statement. */
async function refreshActivity(manager: EntityManager, employerIds: number[]): Promise<void> {
  await manager.query(
    `UPDATE employers e
        SET last_contact_at = a.last_contact_at, next_follow_up_due = a.next_follow_up_due
       FROM (SELECT ids.id,
                    (SELECT max(c.occurred_at) FROM contact_entries c WHERE c.employer_id = ids.id) AS last_contact_at,
                    (SELECT min(f.due_date) FROM follow_ups f WHERE f.employer_id = ids.id AND f.status = 'open') AS next_follow_up_due
               FROM unnest($1::int[]) AS ids(id)) a
      WHERE e.id = a.id`,
    [employerIds],
  );
}

/**
 * Fills the database with the Pirkanmaa demo: campus groups, one user per role and more, 300
 * employers with contacts, a year of contact history, follow-ups and a pipeline of opportunities.
 * One transaction: either all of it lands or none. Does nothing when the demo is already there.
 */
export async function seedDemo(dataSource: DataSource, options: SeedOptions = {}): Promise<SeedResult> {
  // Hashed once, outside the transaction: argon2 is deliberately slow.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return dataSource.transaction(async (manager) => {
    if (options.reset) await resetCrmData(manager);
    if (await demoDataExists(manager)) return { seeded: false, counts: null };

    const clock = await readClock(manager);
    const plan = buildDemoPlan(clock);
    const audits: AuditRow[] = [];
    const { groupIds, userIds } = await insertPeople(manager, clock, passwordHash, audits);
    const employerIds = await insertCrm(manager, plan, groupIds, userIds, audits);
    await refreshActivity(manager, employerIds);
    audits.sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime());
    await insertRows(manager, auditEventsTable, audits);
    return {
      seeded: true,
      counts: {
        campusGroups: DEMO_GROUPS.length,
        users: DEMO_USERS.length,
        employers: plan.employers.length,
        contactPersons: plan.persons.length,
        contactEntries: plan.entries.length,
        followUps: plan.followUps.length,
        opportunities: plan.opportunities.length,
        auditEvents: audits.length,
      },
    };
  });
}

const ROLE_NAMES: Record<Role, string> = {
  admin: 'pääkäyttäjä / admin',
  account_manager: 'asiakaspäällikkö / account manager',
  campus_member: 'Campus-ryhmän jäsen / campus member',
  leadership: 'johto / leadership',
};

function signInHelp(port: number): string {
  const width = Math.max(...DEMO_USERS.map((user) => user.email.length));
  return [
    `Sign in at http://localhost:${port} (start the app with \`npm start\`). Every demo user has the password ${DEMO_PASSWORD}`,
    '',
    ...DEMO_USERS.map((user) => {
      const groups = user.groups.map((group) => DEMO_GROUPS[group].campus).join(', ');
      return `  ${user.email.padEnd(width)}  ${DEMO_PASSWORD}  ${ROLE_NAMES[user.role]}${groups ? ` (${groups})` : ''}`;
    }),
  ].join('\n');
}

/** `npm run seed:demo [-- --reset]`: the same database the app opens (DATABASE_URL or the embedded one). */
async function main(): Promise<void> {
  // Through the root script npm swallows `--reset` as its own config flag and passes it on as npm_config_reset.
  const reset = process.argv.includes('--reset') || process.env.npm_config_reset === 'true';
  const config = loadConfig();
  await withOpenDatabase(config, async (database) => {
    const applied = await runMigrations(database.ownerUrl, database.appRole);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    // As the owner: --reset empties the append-only audit trail, which the app role cannot.
    const dataSource = await new DataSource(dataSourceOptions(database.ownerUrl)).initialize();
    try {
      const started = Date.now();
      if (reset) console.log('--reset: emptying employers, their history and the audit trail first.');
      const result = await seedDemo(dataSource, { reset });
      if (!result.seeded) {
        console.log(
          `Demo data already exists (campus group "${DEMO_GROUPS[0].name}" or a demo user is present); nothing added.\n` +
            'Run `npm run seed:demo -- --reset` to recreate it.\n',
        );
      } else {
        const counts = result.counts!;
        console.log(
          `Demo data created in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.campusGroups} campus groups, ` +
            `${counts.users} users, ${counts.employers} employers, ${counts.contactPersons} contact persons, ` +
            `${counts.contactEntries} contact entries, ${counts.followUps} follow-ups, ${counts.opportunities} opportunities, ` +
            `${counts.auditEvents} audit events.\n`,
        );
      }
      console.log(signInHelp(config.port));
    } finally {
      await dataSource.destroy();
    }
  });
}

// A configuration error is the operator's to fix: its message is enough. Anything else keeps its stack.
runScript(module, main, (error) => (error instanceof ConfigError ? error.message : error));

/** The company form a demo name's suffix implies, as the business register words it. */
function companyFormOf(name: string): string | null {
  const suffix = /\b(Oyj|Oy|Ky|Ay|ry|Osk)$/.exec(name.trim())?.[1];
  const forms: Record<string, string> = {
    Oyj: 'Julkinen osakeyhtiö',
    Oy: 'Osakeyhtiö',
    Ky: 'Kommandiittiyhtiö',
    Ay: 'Avoin yhtiö',
    ry: 'Aatteellinen yhdistys',
    Osk: 'Osuuskunta',
  };
  return suffix ? forms[suffix] : null;
}
