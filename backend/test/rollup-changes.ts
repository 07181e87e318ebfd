import type { DataSource } from 'typeorm';
import { seedScale } from '../tools/bench/seed-scale';
import { type Client, startTestApp, type TestContext } from './test-app';

/**
 * A test app on generated scale data as `npm run seed:scale` makes it (bulk-loaded without
 * triggers, roll-ups recounted), and its campus groups' ids in order: where roll-up specs start.
 */
export async function startWithScaleData(): Promise<{ context: TestContext; groups: number[] }> {
  const context = await startTestApp();
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  await seedScale(context.database.ownerUrl, { size: 0.02, reset: false });
  log.mockRestore();
  const groups: number[] = (await context.dataSource.query(`SELECT id FROM campus_groups ORDER BY id`)).map(
    (row: { id: number }) => row.id,
  );
  return { context, groups };
}

/**
 * Employers archived and restored, and last contacts moved right across the 90- and 180-day edges
 * and to never: the changes every "no contact" roll-up must follow (report and Home roll-up specs).
 */
export async function archiveAndMoveLastContacts(db: DataSource): Promise<void> {
  await db.query(`UPDATE employers SET archived_at = now() WHERE id % 9 = 0`);
  await db.query(`UPDATE employers SET archived_at = NULL WHERE id % 27 = 0`);
  for (const [remainder, moved] of [
    [1, `now() - interval '90 days' + interval '1 minute'`],
    [2, `now() - interval '90 days' - interval '1 minute'`],
    [3, `now() - interval '180 days' - interval '1 minute'`],
    [4, 'NULL'],
  ] as const) {
    await db.query(`UPDATE employers SET last_contact_at = ${moved} WHERE id % 23 = $1`, [remainder]);
  }
}

/** A contact entry logged now through the API, with a follow-up due on `dueDate`: a write as the app makes it. */
export async function logEntryWithFollowUp(
  client: Client,
  employerId: number,
  followUp: { dueDate: string; assigneeId: number },
): Promise<void> {
  const created = await client.post('/api/contact-entries', {
    employerId,
    type: 'meeting',
    occurredAt: new Date().toISOString(),
    summary: 'Rullaustesti',
    topics: [],
    followUp: { title: 'Jatko', ...followUp },
  });
  expect(created.status).toBe(201);
}
