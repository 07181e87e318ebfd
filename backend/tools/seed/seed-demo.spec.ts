import 'reflect-metadata';
import {
  addDays,
  industryProblem,
  type IndustryClassification,
  isValidBusinessId,
  OPPORTUNITY_STAGES,
} from '@tyoelama/shared';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source';
import { createTestDatabase } from '../../test/test-database';
import { businessIdFor, buildDemoPlan, DEMO_EMPLOYER_COUNT } from './demo-data';
import { CRM_TABLES, seedDemo } from './seed-demo';

const COUNTED_TABLES = ['campus_groups', 'users', ...CRM_TABLES];

describe('demo seed', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    // As the owner, as `npm run seed:demo` runs: --reset empties the audit trail.
    dataSource = await new DataSource(dataSourceOptions(database.ownerUrl)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
      result[table] = count;
    }
    return result;
  }

  async function one<T>(sql: string): Promise<T> {
    const [row] = await dataSource.query(sql);
    return row as T;
  }

  it('computes Y-tunnus check digits with the shared validator and skips remainder-1 bases', () => {
    expect(businessIdFor('0737546')).toBe('0737546-2');
    expect(businessIdFor('1572860')).toBe('1572860-0');
    // 1000000: 7 × 1 = 7 → 11 − 7 = 4. 0000006: 6 × 2 = 12 leaves remainder 1, which no digit can fix.
    expect(businessIdFor('1000000')).toBe('1000000-4');
    expect(businessIdFor('0000006')).toBeNull();
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('builds the same plan from the same clock', () => {
    const clock = { now: new Date('2026-03-10T10:00:00Z'), today: '2026-03-10' };
    const first = buildDemoPlan(clock);
    const second = buildDemoPlan(clock);
    expect(second.employers.map((e) => [e.name, e.businessId])).toEqual(
      first.employers.map((e) => [e.name, e.businessId]),
    );
    expect(second.opportunities.map((o) => o.title)).toEqual(first.opportunities.map((o) => o.title));
  });

  it('fills an empty database with consistent Finnish demo data, fast', async () => {
    const started = Date.now();
    const result = await seedDemo(dataSource);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.seeded).toBe(true);

    const table = await counts();
    expect(table.campus_groups).toBe(5);
    expect(table.users).toBe(11);
    expect(table.employers).toBe(DEMO_EMPLOYER_COUNT);
    expect(table.contact_persons).toBeGreaterThanOrEqual(300);
    expect(table.contact_persons).toBeLessThanOrEqual(900);
    expect(table.contact_entries).toBeGreaterThanOrEqual(600);
    expect(table.contact_entries).toBeLessThanOrEqual(3000);
    expect(table.follow_ups).toBeGreaterThanOrEqual(100);
    expect(table.opportunities).toBe(150);
    expect(table.audit_events).toBeGreaterThan(table.employers + table.contact_entries + table.opportunities);

    const ids: { business_id: string }[] = await dataSource.query(
      `SELECT business_id FROM employers WHERE business_id IS NOT NULL`,
    );
    expect(ids.length).toBeGreaterThan(250);
    expect(ids.filter((row) => !isValidBusinessId(row.business_id))).toEqual([]);
    expect(new Set(ids.map((row) => row.business_id)).size).toBe(ids.length);
    // Every industry code belongs to the section stored with it, in its own classification version.
    const industries: {
      industry_classification: IndustryClassification | null;
      industry_section: string | null;
      industry_code: string | null;
    }[] = await dataSource.query(`SELECT industry_classification, industry_section, industry_code FROM employers`);
    expect(industries.filter((row) => row.industry_code).length).toBe(DEMO_EMPLOYER_COUNT);
    expect(
      industries.filter((row) =>
        industryProblem({
          industryClassification: row.industry_classification,
          industrySection: row.industry_section,
          industryCode: row.industry_code,
        }),
      ),
    ).toEqual([]);
    expect(
      (await one<{ count: number }>(`SELECT count(DISTINCT lower(name))::int AS count FROM employers`)).count,
    ).toBe(DEMO_EMPLOYER_COUNT);

    // Every employer is linked to its owning group; some to a second one.
    const unlinked = await one<{ count: number }>(
      `SELECT count(*)::int AS count FROM employers e
        WHERE NOT EXISTS (SELECT 1 FROM employer_campus_groups l WHERE l.employer_id = e.id AND l.campus_group_id = e.owner_campus_group_id)`,
    );
    expect(unlinked.count).toBe(0);
    const multi = await one<{ count: number }>(
      `SELECT count(*)::int AS count FROM (SELECT employer_id FROM employer_campus_groups GROUP BY employer_id HAVING count(*) > 1) m`,
    );
    expect(multi.count).toBeGreaterThan(20);
    const withoutContacts = await one<{ count: number }>(
      `SELECT count(*)::int AS count FROM employers e WHERE NOT EXISTS (SELECT 1 FROM contact_persons p WHERE p.employer_id = e.id)`,
    );
    expect(withoutContacts.count).toBe(0);

    const stages: { stage: string }[] = await dataSource.query(
      `SELECT DISTINCT stage FROM opportunities ORDER BY stage`,
    );
    expect(stages.map((row) => row.stage)).toEqual([...OPPORTUNITY_STAGES].sort());
    // The stage history ends in the current stage, at the time the row says it moved there.
    const inconsistent = await one<{ count: number }>(
      `SELECT count(*)::int AS count FROM opportunities o
        WHERE (SELECT c.to_stage FROM opportunity_stage_changes c WHERE c.opportunity_id = o.id ORDER BY c.changed_at DESC, c.id DESC LIMIT 1)
                IS DISTINCT FROM o.stage
           OR (SELECT max(c.changed_at) FROM opportunity_stage_changes c WHERE c.opportunity_id = o.id) <> o.stage_changed_at
           OR (SELECT count(*) FROM opportunity_stage_changes c WHERE c.opportunity_id = o.id AND c.from_stage IS NULL) <> 1
           OR (o.stage = 'lost' AND o.lost_reason IS NULL)
           OR o.stage_changed_at > now()`,
    );
    expect(inconsistent.count).toBe(0);

    const due = await one<{ overdue: number; today: number; week: number; done: number }>(
      `SELECT count(*) FILTER (WHERE status = 'open' AND due_date < (now() AT TIME ZONE 'Europe/Helsinki')::date)::int AS overdue,
              count(*) FILTER (WHERE status = 'open' AND due_date = (now() AT TIME ZONE 'Europe/Helsinki')::date)::int AS today,
              count(*) FILTER (WHERE status = 'open' AND due_date > (now() AT TIME ZONE 'Europe/Helsinki')::date
                                 AND due_date <= (now() AT TIME ZONE 'Europe/Helsinki')::date + 7)::int AS week,
              count(*) FILTER (WHERE status = 'done')::int AS done
         FROM follow_ups`,
    );
    expect(due.overdue).toBeGreaterThan(0);
    expect(due.today).toBeGreaterThan(0);
    expect(due.week).toBeGreaterThan(0);
    expect(due.done).toBeGreaterThan(0);

    // The derived activity columns match their sources.
    const stale = await one<{ count: number }>(
      `SELECT count(*)::int AS count FROM employers e
        WHERE e.last_contact_at IS DISTINCT FROM (SELECT max(occurred_at) FROM contact_entries c WHERE c.employer_id = e.id)
           OR e.next_follow_up_due IS DISTINCT FROM (SELECT min(due_date) FROM follow_ups f WHERE f.employer_id = e.id AND f.status = 'open')`,
    );
    expect(stale.count).toBe(0);
    const future = await one<{ count: number }>(
      `SELECT count(*)::int AS count FROM contact_entries WHERE occurred_at > now()`,
    );
    expect(future.count).toBe(0);

    // Entries are logged by users of the group they are logged for; every creation has an actor.
    const foreignLoggers = await one<{ count: number }>(
      `SELECT count(*)::int AS count FROM contact_entries c JOIN users u ON u.id = c.created_by
        WHERE u.role = 'campus_member'
          AND NOT EXISTS (SELECT 1 FROM user_campus_groups m WHERE m.user_id = u.id AND m.campus_group_id = c.campus_group_id)`,
    );
    expect(foreignLoggers.count).toBe(0);
    const orphanAudits = await one<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_events
        WHERE entity_type IN ('employer', 'contact_person', 'contact_entry', 'follow_up', 'opportunity')
          AND (employer_id IS NULL OR actor_id IS NULL)`,
    );
    expect(orphanAudits.count).toBe(0);
    const employerAudits = await one<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_events a JOIN employers e ON e.id = a.entity_id
        WHERE a.entity_type = 'employer' AND a.action = 'create' AND a.employer_id = e.id AND a.actor_id = e.created_by`,
    );
    expect(employerAudits.count).toBe(DEMO_EMPLOYER_COUNT);

    const users: { email: string; role: string }[] = await dataSource.query(
      `SELECT email, role FROM users ORDER BY email`,
    );
    expect(users).toEqual(
      expect.arrayContaining([
        { email: 'admin@demo.fi', role: 'admin' },
        { email: 'am.virtanen@demo.fi', role: 'account_manager' },
        { email: 'campus.korhonen@demo.fi', role: 'campus_member' },
        { email: 'johto.nieminen@demo.fi', role: 'leadership' },
      ]),
    );
  });

  it('adds nothing when the demo is already there', async () => {
    const before = await counts();
    const result = await seedDemo(dataSource);
    expect(result).toEqual({ seeded: false, counts: null });
    expect(await counts()).toEqual(before);
  });

  it('recreates the same demo with --reset and leaves the audit trail append-only again', async () => {
    const before = await counts();
    const names: { name: string }[] = await dataSource.query(`SELECT name FROM employers ORDER BY name`);
    const result = await seedDemo(dataSource, { reset: true });
    expect(result.seeded).toBe(true);
    expect(await counts()).toEqual(before);
    expect(await dataSource.query(`SELECT name FROM employers ORDER BY name`)).toEqual(names);
    await expect(dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });
});
