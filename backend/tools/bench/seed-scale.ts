import 'reflect-metadata';
import { Client } from 'pg';
import { hashPassword } from '../../src/passwords/password';
import { ConfigError, loadConfig } from '../../src/config/config';
import { runMigrations } from '../../src/database/data-source';
import { openDatabase } from '../../src/database/open-database';
import { FILL_NAME_WORDS_SQL } from '../../src/employers/employer-list-sql';
import { fillEmployerCopy } from '../../src/opportunities/opportunities.table';
import { rebuildReportCounts } from '../../src/reports/report-counts';
import { CRM_TABLES } from '../seed/seed-demo';
import * as words from './scale-vocabulary';

/**
 * `npm run seed:scale [-- --size N] [-- --reset]`: fills the configured database with a shared
 * multi-college instance (50 000 employers and their history at size 1), generated inside
 * PostgreSQL with INSERT … SELECT over generate_series, so the data never crosses the wire.
 */

export interface ScaleCounts {
  campusGroups: number;
  users: number;
  employers: number;
  contactPersons: number;
  contactEntries: number;
  contactEntryPersons: number;
  followUps: number;
  opportunities: number;
  stageChanges: number;
  auditEvents: number;
}

const BASE = { employers: 50_000, persons: 150_000, entries: 500_000, followUps: 100_000, opportunities: 30_000 };
const GROUP_COUNT = words.CAMPUSES.length;
const USER_COUNT = 200;

type Step = (client: Client) => Promise<void>;

/** Runs one timed step, so the printout shows where the seconds go. */
async function step(client: Client, label: string, run: Step): Promise<void> {
  const started = Date.now();
  await run(client);
  console.log(`  ${label.padEnd(34)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function parseArgs(argv: string[], env: NodeJS.ProcessEnv): { size: number; reset: boolean } {
  // Through the root script without `--`, npm takes the flags as its own config (npm_config_*).
  const reset = argv.includes('--reset') || env.npm_config_reset === 'true';
  const at = argv.indexOf('--size');
  const raw = at >= 0 ? argv[at + 1] : (argv.find((arg) => arg.startsWith('--size='))?.slice(7) ?? env.npm_config_size);
  const size = raw === undefined ? 1 : Number(raw);
  if (!(size > 0) || size > 100)
    throw new ConfigError('--size must be a number between 0 and 100 (1 = 50 000 employers)');
  return { size, reset };
}

/** The word lists and generated ids, as one row every INSERT … SELECT cross-joins. */
async function createVocabulary(client: Client): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE v ON COMMIT DROP AS SELECT
       $1::text[] AS places, $2::text[] AS municipalities, $3::text[] AS cores, $4::text[] AS sections,
       $5::text[] AS codes, $6::text[] AS forms, $7::text[] AS first_names, $8::text[] AS last_names,
       $9::text[] AS streets, $10::text[] AS titles, $11::text[] AS title_roles, $12::text[] AS tags,
       $13::text[] AS contact_types, $14::text[] AS topics, $15::text[] AS summaries, $16::text[] AS notes,
       $17::text[] AS follow_up_titles, $18::text[] AS opportunity_types, $19::text[] AS lost_reasons,
       ARRAY['identified', 'contacted', 'negotiating', 'agreed', 'won']::text[] AS stages,
       ARRAY['1-9', '10-49', '50-249', '250+']::text[] AS size_classes`,
    [
      words.PLACE_GENITIVES,
      words.MUNICIPALITIES,
      words.INDUSTRY_CORES,
      words.INDUSTRY_SECTIONS,
      words.INDUSTRY_CODES,
      words.LEGAL_FORMS,
      words.FIRST_NAMES,
      words.LAST_NAMES,
      words.STREETS,
      words.CONTACT_TITLES,
      words.CONTACT_TITLE_ROLES,
      words.TAGS,
      words.CONTACT_TYPES,
      words.CONTACT_TOPICS,
      words.SUMMARIES,
      words.NOTES,
      words.FOLLOW_UP_TITLES,
      words.OPPORTUNITY_TYPES,
      words.LOST_REASONS,
    ],
  );
  // pick(list, r): the element at a uniform r in [0, 1); inlined by the planner (plain SQL function).
  await client.query(`CREATE FUNCTION pg_temp.pick(list text[], r float8) RETURNS text LANGUAGE sql IMMUTABLE
    AS 'SELECT list[1 + floor(r * cardinality(list))::int]'`);
  await client.query(`CREATE FUNCTION pg_temp.pick_id(list int[], r float8) RETURNS int LANGUAGE sql IMMUTABLE
    AS 'SELECT list[1 + floor(r * cardinality(list))::int]'`);
  // An audit "created" value: [null, value], or nothing for a null field (like createdFields).
  await client.query(`CREATE FUNCTION pg_temp.created(value anyelement) RETURNS jsonb LANGUAGE sql IMMUTABLE
    AS 'SELECT CASE WHEN value IS NULL THEN NULL ELSE jsonb_build_array(NULL, to_jsonb(value)) END'`);
}

async function alreadySeeded(client: Client): Promise<boolean> {
  const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM employers) AS found`);
  return rows[0].found;
}

/** Same wipe as the demo seed's --reset, plus the scale users and groups. */
async function resetData(client: Client): Promise<void> {
  // audit_events refuses TRUNCATE through a user trigger; switched off for this transaction only.
  await client.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
  await client.query(`TRUNCATE ${[...CRM_TABLES, 'employer_name_words'].join(', ')} RESTART IDENTITY`);
  await client.query(`ALTER TABLE audit_events ENABLE TRIGGER USER`);
  await removeScalePeople(client);
}

async function removeScalePeople(client: Client): Promise<void> {
  await client.query(`DELETE FROM users WHERE lower(email) LIKE $1`, [`%@${words.SCALE_EMAIL_DOMAIN}`]);
  await client.query(`DELETE FROM campus_groups WHERE name LIKE $1`, [`% ${words.SCALE_GROUP_SUFFIX}`]);
}

/** 40 campus groups and 200 users with mixed roles; ids land in temp table `ids` for later picks. */
async function insertPeople(client: Client, passwordHash: string): Promise<void> {
  await client.query(
    `INSERT INTO campus_groups (name, campus, created_at, updated_at)
     SELECT campus || 'n Campus-ryhmä ' || $2, campus, now() - interval '5 years', now() - interval '5 years'
       FROM unnest($1::text[]) WITH ORDINALITY AS c(campus, n) ORDER BY n`,
    [words.CAMPUSES, words.SCALE_GROUP_SUFFIX],
  );
  // Index 1 is the bench's account manager, 2 its campus member; then 4 admins, 39 more account
  // managers, 10 leadership and campus members for the rest.
  await client.query(
    `INSERT INTO users (email, display_name, role, password_hash, locale, created_at, updated_at)
     SELECT CASE n WHEN 1 THEN $3 WHEN 2 THEN $4
              ELSE lower(unaccent(pg_temp.pick(v.first_names, ((n * 7) % 50) / 50.0)
                   || '.' || pg_temp.pick(v.last_names, ((n * 13) % 45) / 45.0))) || '.' || n || '@' || $2 END,
            pg_temp.pick(v.first_names, ((n * 7) % 50) / 50.0) || ' ' || pg_temp.pick(v.last_names, ((n * 13) % 45) / 45.0),
            CASE WHEN n = 1 THEN 'account_manager' WHEN n = 2 THEN 'campus_member' WHEN n <= 6 THEN 'admin'
                 WHEN n <= 45 THEN 'account_manager' WHEN n <= 55 THEN 'leadership' ELSE 'campus_member' END,
            $1, 'fi', now() - interval '5 years', now() - interval '5 years'
       FROM generate_series(1, ${USER_COUNT}) n CROSS JOIN v ORDER BY n`,
    [passwordHash, words.SCALE_EMAIL_DOMAIN, words.BENCH_ACCOUNT_MANAGER_EMAIL, words.BENCH_CAMPUS_MEMBER_EMAIL],
  );
  await client.query(
    `CREATE TEMP TABLE ids ON COMMIT DROP AS SELECT
       (SELECT array_agg(id ORDER BY id) FROM campus_groups WHERE name LIKE $1) AS groups,
       (SELECT array_agg(id ORDER BY id) FROM users WHERE email LIKE $2 AND role = 'account_manager') AS managers,
       (SELECT array_agg(id ORDER BY id) FROM users WHERE email LIKE $2 AND role IN ('account_manager', 'campus_member'))
         AS staff,
       (SELECT id FROM users WHERE email = $3) AS busy_manager,
       (SELECT min(id) FROM users WHERE email LIKE $2 AND role = 'admin') AS admin`,
    [`% ${words.SCALE_GROUP_SUFFIX}`, `%@${words.SCALE_EMAIL_DOMAIN}`, words.BENCH_ACCOUNT_MANAGER_EMAIL],
  );
  // Campus members and account managers in one or two groups; the bench's campus member in exactly one.
  await client.query(
    `INSERT INTO user_campus_groups (user_id, campus_group_id)
     SELECT DISTINCT u.id, ids.groups[1 + (k.n % ${GROUP_COUNT})]
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n, email FROM users WHERE email LIKE $1
               AND role IN ('campus_member', 'account_manager')) u
       CROSS JOIN ids
       CROSS JOIN LATERAL (VALUES (u.n), (CASE WHEN u.n % 5 < 2 AND u.email <> $2 THEN u.n + 7 END)) k(n)
      WHERE k.n IS NOT NULL`,
    [`%@${words.SCALE_EMAIL_DOMAIN}`, words.BENCH_CAMPUS_MEMBER_EMAIL],
  );
}

/**
 * Employers with ids 1..N (the table is empty), a valid unique Y-tunnus for most: seven digits from
 * a bijection of the id, the PRH check digit computed in SQL (remainder 1 has none → no Y-tunnus).
 */
async function insertEmployers(client: Client, count: number): Promise<void> {
  await client.query(
    `INSERT INTO employers (id, name, business_id, industry_classification, industry_section, industry_code,
        municipality, street_address, postcode, website, size_class, owner_campus_group_id, account_manager_id, status,
        tags, description, archived_at, created_by, created_at, updated_at)
     SELECT i, name,
            CASE WHEN r.no_id < 0.04 OR b.remainder = 1 THEN NULL
                 ELSE b.digits || '-' || CASE b.remainder WHEN 0 THEN 0 ELSE 11 - b.remainder END END,
            'TOL2025', v.sections[r.industry], v.codes[r.industry],
            pg_temp.pick(v.municipalities, r.r1), pg_temp.pick(v.streets, r.r2) || ' ' || (1 + floor(r.r3 * 120)::int),
            lpad((10000 + floor(r.r3 * 89999))::text, 5, '0'),
            CASE WHEN r.r4 < 0.6 THEN 'https://www.' || trim(both '-' FROM regexp_replace(lower(unaccent(name)),
                 '[^a-z0-9]+', '-', 'g')) || '.fi' END,
            pg_temp.pick(v.size_classes, r.r5), ids.groups[1 + floor(r.r6 * ${GROUP_COUNT})::int],
            pg_temp.pick_id(ids.managers, r.r7),
            CASE WHEN r.r8 < 0.35 THEN 'prospect' WHEN r.r8 < 0.85 THEN 'partner' ELSE 'inactive' END,
            CASE WHEN r.r9 < 0.4 THEN '{}'::text[]
                 WHEN r.r9 < 0.75 THEN ARRAY[v.tags[1 + (r.tag % 10)]]
                 ELSE ARRAY[v.tags[1 + (r.tag % 10)], v.tags[1 + ((r.tag + 3) % 10)]] END,
            CASE WHEN r.r10 < 0.3 THEN pg_temp.pick(v.notes, r.r1) END,
            CASE WHEN r.r10 > 0.98 THEN r.created_at + interval '300 days' END,
            pg_temp.pick_id(ids.managers, r.r2), r.created_at, r.created_at
       FROM (SELECT i, 1 + floor(random() * 30)::int AS industry, random() AS no_id, random() AS r1, random() AS r2,
                    random() AS r3, random() AS r4, random() AS r5, random() AS r6, random() AS r7, random() AS r8,
                    random() AS r9, random() AS r10, floor(random() * 100)::int AS tag, random() AS name_shape,
                    random() AS name_a, random() AS name_b, now() - random() * interval '1500 days' AS created_at
               FROM generate_series(1, $1::int) i) r
       CROSS JOIN v CROSS JOIN ids
       CROSS JOIN LATERAL (SELECT lpad(((i::bigint * 7919) % 9000000 + 1000000)::text, 7, '0') AS digits) d
       CROSS JOIN LATERAL (SELECT (7 * substr(d.digits, 1, 1)::int + 9 * substr(d.digits, 2, 1)::int
                                 + 10 * substr(d.digits, 3, 1)::int + 5 * substr(d.digits, 4, 1)::int
                                 + 8 * substr(d.digits, 5, 1)::int + 4 * substr(d.digits, 6, 1)::int
                                 + 2 * substr(d.digits, 7, 1)::int) % 11 AS remainder, d.digits) b
       CROSS JOIN LATERAL (SELECT CASE WHEN r.name_shape < 0.65 THEN pg_temp.pick(v.places, r.name_a)
                                       ELSE pg_temp.pick(v.last_names, r.name_a) END
                                  || ' ' || v.cores[r.industry] || ' ' || pg_temp.pick(v.forms, r.name_b) AS name) n`,
    [count],
  );
  // The owner group, and for 30 % a second group too.
  await client.query(
    `INSERT INTO employer_campus_groups (employer_id, campus_group_id)
     SELECT e.id, e.owner_campus_group_id FROM employers e
     UNION ALL
     SELECT e.id, ids.groups[1 + (array_position(ids.groups, e.owner_campus_group_id)
                                  + floor(random() * ${GROUP_COUNT - 1})::int) % ${GROUP_COUNT}]
       FROM employers e CROSS JOIN ids WHERE random() < 0.3`,
  );
}

/** Every employer has one contact person (person id = employer id), the rest land at random. */
async function insertPersons(client: Client, count: number, employers: number): Promise<void> {
  await client.query(
    `INSERT INTO contact_persons (id, employer_id, name, title, email, phone, roles, created_at, updated_at)
     SELECT p.j, e.id, p.first || ' ' || p.last, v.titles[p.title],
            lower(unaccent(p.first || '.' || p.last)) || '@' || 'tyonantaja' || e.id || '.fi',
            '+358 4' || floor(p.r1 * 10)::int || ' ' || lpad(floor(p.r2 * 10000000)::text, 7, '0'),
            ARRAY[v.title_roles[p.title]], e.created_at + p.r3 * interval '30 days', e.created_at + p.r3 * interval '30 days'
       FROM (SELECT j, CASE WHEN j <= $2 THEN j ELSE 1 + floor(random() * $2)::int END AS employer_id,
                    pg_temp.pick(v.first_names, random()) AS first, pg_temp.pick(v.last_names, random()) AS last,
                    1 + floor(random() * cardinality(v.titles))::int AS title, random() AS r1, random() AS r2,
                    random() AS r3
               FROM generate_series(1, $1::int) j CROSS JOIN v) p
       JOIN employers e ON e.id = p.employer_id CROSS JOIN v`,
    [count, employers],
  );
}

/**
 * Contact entries skewed towards low employer ids (a few big accounts with thousands of entries,
 * a long tail with a handful), dated between the employer's creation and now, recent ones denser.
 */
async function insertEntries(client: Client, count: number, employers: number): Promise<void> {
  await client.query(
    `INSERT INTO contact_entries (id, employer_id, type, occurred_at, summary, notes, campus_group_id, topics,
        created_by, created_at, updated_at)
     SELECT c.i, e.id, pg_temp.pick(v.contact_types, c.r1), t.at, pg_temp.pick(v.summaries, c.r2),
            CASE WHEN c.r3 < 0.3 THEN pg_temp.pick(v.notes, c.r3 / 0.3) END, e.owner_campus_group_id,
            ARRAY[pg_temp.pick(v.topics, c.r4)], pg_temp.pick_id(ids.staff, c.r5), t.at, t.at
       FROM (SELECT i, 1 + floor($2 * power(random(), 2))::int AS employer_id, random() AS r1, random() AS r2,
                    random() AS r3, random() AS r4, random() AS r5, random() AS age
               FROM generate_series(1, $1::int) i) c
       JOIN employers e ON e.id = c.employer_id
       CROSS JOIN LATERAL (SELECT now() - power(c.age, 1.5) * (now() - e.created_at) AS at) t
       CROSS JOIN v CROSS JOIN ids`,
    [count, employers],
  );
  // 40 % name the employer's first contact person (whose id equals the employer id).
  await client.query(
    `INSERT INTO contact_entry_persons (contact_entry_id, contact_person_id)
     SELECT id, employer_id FROM contact_entries WHERE random() < 0.4`,
  );
}

/**
 * Every fifth contact entry has a follow-up, due 1–6 weeks later: past ones mostly done, some
 * cancelled or still open (overdue). 5 % go to the bench's account manager, for a busy My work.
 */
async function insertFollowUps(client: Client): Promise<void> {
  await client.query(
    `INSERT INTO follow_ups (id, employer_id, contact_entry_id, title, notes, due_date, assignee_id, status,
        completed_at, completed_by, created_by, created_at, updated_at, version)
     SELECT f.id, f.employer_id, f.contact_entry_id, f.title, NULL, f.due_date, f.assignee_id, f.status,
            CASE WHEN f.status = 'done' THEN least(now(), f.due_date - floor(f.r1 * 5)::int + time '10:00') END,
            CASE WHEN f.status = 'done' THEN f.assignee_id END,
            f.created_by, f.created_at,
            CASE WHEN f.status = 'open' THEN f.created_at ELSE least(now(), f.due_date + time '12:00') END,
            CASE WHEN f.status = 'open' THEN 1 ELSE 2 END
       FROM (SELECT c.id / 5 AS id, c.employer_id, CASE WHEN s.r2 < 0.7 THEN c.id END AS contact_entry_id,
                    pg_temp.pick(v.follow_up_titles, s.r3) AS title, s.due_date,
                    CASE WHEN s.r4 < 0.05 THEN ids.busy_manager ELSE pg_temp.pick_id(ids.staff, s.r4) END AS assignee_id,
                    CASE WHEN s.due_date >= current_date THEN 'open'
                         WHEN s.r5 < 0.92 THEN 'done' WHEN s.r5 < 0.95 THEN 'cancelled' ELSE 'open' END AS status,
                    c.created_by, c.occurred_at AS created_at, s.r1
               FROM contact_entries c
               CROSS JOIN LATERAL (SELECT random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                                          random() AS r5,
                                          (c.occurred_at + (7 + floor(random() * 35)::int) * interval '1 day')::date
                                            AS due_date) s
               CROSS JOIN v CROSS JOIN ids
              WHERE c.id % 5 = 0) f`,
  );
}

/** Opportunities walking the stages in order; lost ones drop out after one to four stages. */
async function insertOpportunities(client: Client, count: number, employers: number): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE o ON COMMIT DROP AS
     SELECT i AS id, 1 + floor(random() * $2)::int AS employer_id,
            CASE WHEN r < 0.15 THEN 1 WHEN r < 0.3 THEN 2 WHEN r < 0.45 THEN 3 WHEN r < 0.6 THEN 4
                 WHEN r < 0.85 THEN 5 ELSE 1 + floor(random() * 4)::int END AS reached,
            r >= 0.85 AS lost, now() - random() * interval '700 days' AS created_at,
            (3 + floor(random() * 28)::int) * interval '1 day' AS pace, random() AS r1, random() AS r2
       FROM (SELECT i, random() AS r FROM generate_series(1, $1::int) i) s`,
    [count, employers],
  );
  await client.query(
    `INSERT INTO opportunities (id, employer_id, title, type, expected_places, expected_start, campus_group_id, owner_id,
        stage, lost_reason, notes, stage_changed_at, created_by, created_at, updated_at, version)
     SELECT o.id, e.id, t.title, t.type, 1 + floor(o.r1 * 5)::int, (o.created_at + interval '120 days')::date,
            e.owner_campus_group_id, pg_temp.pick_id(ids.managers, o.r2),
            CASE WHEN o.lost THEN 'lost' ELSE v.stages[o.reached] END,
            CASE WHEN o.lost THEN pg_temp.pick(v.lost_reasons, o.r1) END, NULL,
            least(now(), o.created_at + (o.reached - CASE WHEN o.lost THEN 0 ELSE 1 END) * o.pace),
            pg_temp.pick_id(ids.managers, o.r2), o.created_at,
            least(now(), o.created_at + (o.reached - CASE WHEN o.lost THEN 0 ELSE 1 END) * o.pace),
            o.reached + CASE WHEN o.lost THEN 1 ELSE 0 END
       FROM o JOIN employers e ON e.id = o.employer_id CROSS JOIN v CROSS JOIN ids
       CROSS JOIN LATERAL (SELECT pg_temp.pick(v.opportunity_types, o.r2) AS type) ty
       CROSS JOIN LATERAL (SELECT ty.type, CASE ty.type
                WHEN 'training_agreement' THEN 'Koulutussopimuspaikat: ' || lower(v.cores[1 + o.id % 30])
                WHEN 'apprenticeship' THEN 'Oppisopimus: ' || lower(v.cores[1 + o.id % 30])
                WHEN 'recruitment' THEN 'Valmistuvien rekrytointi'
                WHEN 'co_development' THEN 'Yhteiskehityshanke'
                ELSE 'Yhteistyön kartoitus' END || ' ' || extract(year FROM o.created_at) AS title) t`,
  );
  await client.query(
    `INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage, lost_reason, changed_at, changed_by)
     SELECT o.id,
            CASE WHEN s = 1 THEN NULL ELSE v.stages[s - 1] END,
            CASE WHEN s > o.reached THEN 'lost' ELSE v.stages[s] END,
            CASE WHEN s > o.reached THEN op.lost_reason END,
            least(now(), o.created_at + (s - 1) * o.pace), op.owner_id
       FROM o JOIN opportunities op ON op.id = o.id CROSS JOIN v
       CROSS JOIN LATERAL generate_series(1, o.reached + CASE WHEN o.lost THEN 1 ELSE 0 END) s`,
  );
}

/**
 * At least one audit row per created record, with employer_id for employer-owned rows, plus the
 * closes of follow-ups and the stage moves; inserted in time order so ids follow time.
 */
async function insertAudit(client: Client): Promise<void> {
  await client.query(`SET LOCAL work_mem = '256MB'`);
  await client.query(
    `INSERT INTO audit_events (occurred_at, actor_id, action, entity_type, entity_id, changes, employer_id)
     SELECT * FROM (
       SELECT g.created_at, ids.admin, 'create', 'campus_group', g.id,
              jsonb_build_object('name', pg_temp.created(g.name), 'campus', pg_temp.created(g.campus)), NULL::int
         FROM campus_groups g CROSS JOIN ids WHERE g.id = ANY(ids.groups)
       UNION ALL
       SELECT u.created_at, CASE WHEN u.id = ids.admin THEN NULL ELSE ids.admin END, 'create', 'user', u.id,
              jsonb_build_object('email', pg_temp.created(u.email), 'displayName', pg_temp.created(u.display_name),
                                 'role', pg_temp.created(u.role)), NULL
         FROM users u CROSS JOIN ids WHERE u.email LIKE $1
       UNION ALL
       SELECT e.created_at, e.created_by, 'create', 'employer', e.id,
              jsonb_strip_nulls(jsonb_build_object('name', pg_temp.created(e.name),
                'businessId', pg_temp.created(e.business_id), 'municipality', pg_temp.created(e.municipality),
                'ownerCampusGroupId', pg_temp.created(e.owner_campus_group_id),
                'accountManagerId', pg_temp.created(e.account_manager_id), 'status', pg_temp.created(e.status),
                'tags', pg_temp.created(e.tags))), e.id
         FROM employers e
       UNION ALL
       SELECT e.archived_at, e.account_manager_id, 'archive', 'employer', e.id,
              jsonb_build_object('archivedAt', jsonb_build_array(NULL, e.archived_at)), e.id
         FROM employers e WHERE e.archived_at IS NOT NULL
       UNION ALL
       SELECT p.created_at, e.account_manager_id, 'create', 'contact_person', p.id,
              jsonb_strip_nulls(jsonb_build_object('name', pg_temp.created(p.name), 'title', pg_temp.created(p.title),
                'email', pg_temp.created(p.email), 'phone', pg_temp.created(p.phone), 'roles', pg_temp.created(p.roles))),
              p.employer_id
         FROM contact_persons p JOIN employers e ON e.id = p.employer_id
       UNION ALL
       SELECT c.occurred_at, c.created_by, 'create', 'contact_entry', c.id,
              jsonb_strip_nulls(jsonb_build_object('type', pg_temp.created(c.type),
                'occurredAt', pg_temp.created(c.occurred_at), 'summary', pg_temp.created(c.summary),
                'notes', pg_temp.created(c.notes), 'campusGroupId', pg_temp.created(c.campus_group_id),
                'topics', pg_temp.created(c.topics))), c.employer_id
         FROM contact_entries c
       UNION ALL
       SELECT f.created_at, f.created_by, 'create', 'follow_up', f.id,
              jsonb_strip_nulls(jsonb_build_object('title', pg_temp.created(f.title),
                'dueDate', pg_temp.created(f.due_date::text), 'assigneeId', pg_temp.created(f.assignee_id),
                'contactEntryId', pg_temp.created(f.contact_entry_id), 'status', pg_temp.created('open'::text))),
              f.employer_id
         FROM follow_ups f
       UNION ALL
       SELECT f.updated_at, COALESCE(f.completed_by, f.assignee_id),
              CASE f.status WHEN 'done' THEN 'complete' ELSE 'cancel' END, 'follow_up', f.id,
              jsonb_build_object('status', jsonb_build_array('open', f.status)), f.employer_id
         FROM follow_ups f WHERE f.status <> 'open'
       UNION ALL
       SELECT o.created_at, o.owner_id, 'create', 'opportunity', o.id,
              jsonb_strip_nulls(jsonb_build_object('title', pg_temp.created(o.title), 'type', pg_temp.created(o.type),
                'expectedPlaces', pg_temp.created(o.expected_places), 'campusGroupId', pg_temp.created(o.campus_group_id),
                'ownerId', pg_temp.created(o.owner_id), 'stage', pg_temp.created('identified'::text))),
              o.employer_id
         FROM opportunities o
       UNION ALL
       SELECT s.changed_at, s.changed_by, 'update', 'opportunity', s.opportunity_id,
              jsonb_strip_nulls(jsonb_build_object('stage', jsonb_build_array(s.from_stage, s.to_stage),
                'lostReason', pg_temp.created(s.lost_reason))),
              o.employer_id
         FROM opportunity_stage_changes s JOIN opportunities o ON o.id = s.opportunity_id
        WHERE s.from_stage IS NOT NULL
     ) a ORDER BY 1`,
    [`%@${words.SCALE_EMAIL_DOMAIN}`],
  );
}

/**
 * Drops the loaded (CRM) tables' secondary indexes (not those behind a primary key or constraint) and
 * returns their definitions as PostgreSQL prints them: building an index once over the loaded rows
 * is several times faster than maintaining it row by row, and nothing is copied from the migrations.
 */
async function dropSecondaryIndexes(client: Client): Promise<string[]> {
  const { rows } = await client.query(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = ANY(SELECT t::regclass FROM unnest($1::text[]) t)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [CRM_TABLES],
  );
  for (const row of rows) await client.query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.definition as string);
}

async function recreateIndexes(client: Client, definitions: string[]): Promise<void> {
  for (const definition of definitions) await client.query(definition);
}

/** Explicit ids were used: move the identity sequences past them so the API's inserts do not collide. */
async function syncSequences(client: Client): Promise<void> {
  for (const table of ['employers', 'contact_persons', 'contact_entries', 'follow_ups', 'opportunities']) {
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`, [
      table,
    ]);
  }
}

/** employers.last_contact_at / next_follow_up_due for every employer in one UPDATE … FROM. */
/** The name-word dictionary its trigger fills row by row (skipped in replica mode), in one statement. */
async function fillNameWords(client: Client): Promise<void> {
  await client.query(FILL_NAME_WORDS_SQL);
}

async function refreshActivity(client: Client): Promise<void> {
  await client.query(
    `UPDATE employers e
        SET last_contact_at = a.last_contact_at, next_follow_up_due = a.next_follow_up_due
       FROM (SELECT COALESCE(c.employer_id, f.employer_id) AS id, c.last_contact_at, f.next_follow_up_due
               FROM (SELECT employer_id, max(occurred_at) AS last_contact_at FROM contact_entries GROUP BY employer_id) c
               FULL JOIN (SELECT employer_id, min(due_date) AS next_follow_up_due FROM follow_ups
                           WHERE status = 'open' GROUP BY employer_id) f ON f.employer_id = c.employer_id) a
      WHERE e.id = a.id`,
  );
}

async function counts(client: Client): Promise<ScaleCounts> {
  const { rows } = await client.query(`SELECT
      (SELECT count(*) FROM campus_groups)::int AS "campusGroups", (SELECT count(*) FROM users)::int AS users,
      (SELECT count(*) FROM employers)::int AS employers, (SELECT count(*) FROM contact_persons)::int AS "contactPersons",
      (SELECT count(*) FROM contact_entries)::int AS "contactEntries",
      (SELECT count(*) FROM contact_entry_persons)::int AS "contactEntryPersons",
      (SELECT count(*) FROM follow_ups)::int AS "followUps", (SELECT count(*) FROM opportunities)::int AS opportunities,
      (SELECT count(*) FROM opportunity_stage_changes)::int AS "stageChanges",
      (SELECT count(*) FROM audit_events)::int AS "auditEvents"`);
  return rows[0];
}

export async function seedScale(url: string, options: { size: number; reset: boolean }): Promise<ScaleCounts> {
  const scaled = (base: number) => Math.max(1, Math.round(base * options.size));
  const employers = scaled(BASE.employers);
  const passwordHash = await hashPassword(words.SCALE_PASSWORD);
  const client = new Client({ connectionString: url, application_name: 'tyoelama-seed-scale' });
  await client.connect();
  try {
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '256MB'`);
    // The rows are generated consistent, so the per-row foreign-key triggers only cost time (a third
    // of the run). Replica mode skips them; it needs a superuser, as the embedded server's is.
    const skippedChecks = await client.query(`SET session_replication_role = replica`).then(
      () => true,
      () => false,
    );
    if (!skippedChecks) console.log('  (not a superuser: foreign keys are checked row by row, which is slower)');
    await client.query('BEGIN');
    if (options.reset) {
      await step(client, 'reset (truncate)', resetData);
    } else if (await alreadySeeded(client)) {
      throw new ConfigError(
        'The database already has employers; run `npm run seed:scale -- --reset` to empty it first (this deletes all CRM data).',
      );
    } else {
      await removeScalePeople(client);
    }
    // Reproducible data: the same seed gives the same rows on every run.
    await client.query(`SELECT setseed(0.2026)`);
    await createVocabulary(client);
    const indexes = await dropSecondaryIndexes(client);
    await step(client, `${GROUP_COUNT} campus groups, ${USER_COUNT} users`, (c) => insertPeople(c, passwordHash));
    await step(client, `${employers} employers`, (c) => insertEmployers(c, employers));
    await step(client, `${scaled(BASE.persons)} contact persons`, (c) =>
      insertPersons(c, scaled(BASE.persons), employers),
    );
    await step(client, `${scaled(BASE.entries)} contact entries`, (c) =>
      insertEntries(c, scaled(BASE.entries), employers),
    );
    await step(client, `~${scaled(BASE.followUps)} follow-ups`, insertFollowUps);
    await step(client, `${scaled(BASE.opportunities)} opportunities`, (c) =>
      insertOpportunities(c, scaled(BASE.opportunities), employers),
    );
    await step(client, 'audit events', insertAudit);
    await syncSequences(client);
    await step(client, 'refresh last contact / next due', refreshActivity);
    await step(client, 'employer name words', fillNameWords);
    await step(client, `${indexes.length} secondary indexes rebuilt`, (c) => recreateIndexes(c, indexes));
    // Replica mode skipped the triggers that keep the report roll-ups: recount them once. After the
    // indexes: the campus groups' glances look up each employer's follow-ups and opportunities by
    // employer, which without the indexes scanned both tables per employer (hours instead of seconds).
    // The planner needs the loaded sizes first (ANALYZE in the transaction sees its own rows): with
    // the empty tables' statistics the recount's joins ran as nested loops, minutes at size 1 and
    // over 40 minutes, unfinished, at size 10.
    await step(client, 'ANALYZE', (c) => c.query('ANALYZE').then(() => undefined));
    await step(client, 'report roll-ups', rebuildReportCounts);
    // After the recount: filled before it (with the indexes still dropped), the recount ran for
    // over 3 minutes at size 1 and was stopped (20 s with the copy filled after it, which takes 2 s).
    await step(client, "opportunities' employer copy", fillEmployerCopy);
    await client.query('COMMIT');
    if (skippedChecks) await client.query(`SET session_replication_role = DEFAULT`);
    // VACUUM cannot run in a transaction; it also sets the visibility map, as autovacuum would on a live instance.
    await step(client, 'VACUUM ANALYZE', (c) => c.query('VACUUM (ANALYZE)').then(() => undefined));
    return await counts(client);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2), process.env);
  // Scale data goes to its own folder unless told otherwise, so it never mixes with the dev database.
  if (!process.env.DATABASE_URL && !process.env.DATA_DIR) process.env.DATA_DIR = './data-scale';
  const config = loadConfig();
  const database = await openDatabase(config, (message) => console.log(message));
  try {
    const applied = await runMigrations(database.ownerUrl, database.appRole);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
    console.log(
      `Seeding scale data (size ${options.size}) into ${config.databaseUrl ? 'DATABASE_URL' : config.dataDir}`,
    );
    const started = Date.now();
    // As the owner: the seed empties the append-only audit trail first.
    const result = await seedScale(database.ownerUrl, options);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`\nScale data created in ${seconds} s:`);
    for (const [name, count] of Object.entries(result))
      console.log(`  ${name.padEnd(20)} ${count.toLocaleString('en')}`);
    console.log(`\nEvery scale user has the password ${words.SCALE_PASSWORD}; the bench signs in as`);
    console.log(
      `  ${words.BENCH_ACCOUNT_MANAGER_EMAIL} (account manager) and ${words.BENCH_CAMPUS_MEMBER_EMAIL} (campus member).`,
    );
  } finally {
    await database.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  });
}
