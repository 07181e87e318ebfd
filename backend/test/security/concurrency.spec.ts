import { insertEmployer } from '../fixtures';
import { type SignedIn, useTestApp } from '../test-app';

// ASVS 5.0 V2.3 (business logic: concurrency) — two people saving the same record never silently
// overwrite each other, and a burst of creations loses nothing.

// Generous for a loaded 2-core machine; the work itself takes a fraction of this.
jest.setTimeout(120_000);

describe('concurrency', () => {
  const context = useTestApp();
  let groupId: number;
  let staff: SignedIn[];

  beforeAll(async () => {
    groupId = await context.createCampusGroup('Rinnakkaisuus');
    staff = [
      await context.signedIn('admin'),
      await context.signedIn('account_manager'),
      await context.signedIn('account_manager'),
      await context.signedIn('campus_member', [groupId]),
    ];
  });

  it('lets exactly one of parallel PATCHes with the same version win; the rest get 409 and no audit row', async () => {
    const employerId = await insertEmployer(context.dataSource, { name: 'Kilpailu Oy', ownerCampusGroupId: groupId });
    const writers = staff.slice(0, 3);
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        writers[index % writers.length].patch(`/api/employers/${employerId}`, {
          version: 1,
          municipality: `Kunta ${index}`,
        }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(11);
    for (const lost of responses.filter((response) => response.status === 409)) {
      expect(lost.body.code).toBe('STALE_VERSION');
    }
    const winner = responses.find((response) => response.status === 200)!;
    const [row] = await context.dataSource.query(`SELECT version, municipality FROM employers WHERE id = $1`, [
      employerId,
    ]);
    expect(row).toEqual({ version: 2, municipality: winner.body.municipality });
    const audit: { action: string; changes: Record<string, [unknown, unknown]> }[] = await context.dataSource.query(
      `SELECT action, changes FROM audit_events WHERE entity_type = 'employer' AND entity_id = $1 AND action = 'update'`,
      [employerId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].changes.municipality).toEqual([null, winner.body.municipality]);
  });

  it('keeps all 50 contact entries logged in parallel, with 50 audit rows and the latest contact time', async () => {
    const employerId = await insertEmployer(context.dataSource, { name: 'Ruuhka Oy', ownerCampusGroupId: groupId });
    const base = Date.now() - 10 * 24 * 3600 * 1000;
    const occurred = Array.from({ length: 50 }, (_, index) =>
      new Date(base + ((index * 7919) % 50) * 3600 * 1000).toISOString(),
    );
    const responses = await Promise.all(
      occurred.map((occurredAt, index) =>
        staff[index % staff.length].post('/api/contact-entries', {
          employerId,
          type: 'phone',
          occurredAt,
          summary: `Rinnakkainen puhelu ${index}`,
        }),
      ),
    );
    expect(
      responses.filter((response) => response.status !== 201).map((response) => `${response.status} ${response.text}`),
    ).toEqual([]);
    const ids = new Set(responses.map((response) => response.body.id as number));
    expect(ids.size).toBe(50);

    const [{ count }] = await context.dataSource.query(
      `SELECT count(*)::int AS count FROM contact_entries WHERE employer_id = $1`,
      [employerId],
    );
    expect(count).toBe(50);
    const [{ audits }] = await context.dataSource.query(
      `SELECT count(*)::int AS audits FROM audit_events
        WHERE entity_type = 'contact_entry' AND action = 'create' AND employer_id = $1 AND entity_id = ANY($2::int[])`,
      [employerId, [...ids]],
    );
    expect(audits).toBe(50);
    const [{ last_contact_at: lastContactAt }] = await context.dataSource.query(
      `SELECT last_contact_at FROM employers WHERE id = $1`,
      [employerId],
    );
    const latest = occurred.reduce((max, value) => (value > max ? value : max));
    const [{ max }] = await context.dataSource.query(
      `SELECT max(occurred_at) AS max FROM contact_entries WHERE employer_id = $1`,
      [employerId],
    );
    expect((max as Date).toISOString()).toBe(latest);
    expect((lastContactAt as Date).toISOString()).toBe(latest);
  });

  it('never lets a parallel archive and edit both win', async () => {
    const employerId = await insertEmployer(context.dataSource, { name: 'Arkisto Oy', ownerCampusGroupId: groupId });
    const [archive, edit] = await Promise.all([
      staff[0].post(`/api/employers/${employerId}/archive`, { version: 1 }),
      staff[1].patch(`/api/employers/${employerId}`, { version: 1, name: 'Arkisto Oyj' }),
    ]);
    expect([archive.status, edit.status].sort()).toEqual([200, 409]);
    const [{ version }] = await context.dataSource.query(`SELECT version FROM employers WHERE id = $1`, [employerId]);
    expect(version).toBe(2);
  });
});
