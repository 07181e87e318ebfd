import { auditRows, insertEmployer } from '../../test/fixtures';
import { type SignedIn, useTestApp } from '../../test/test-app';

describe('calendar feed API', () => {
  const context = useTestApp();
  let member: SignedIn;

  beforeAll(async () => {
    const north = await context.createCampusGroup('Pohjoinen');
    const south = await context.createCampusGroup('Etelä');
    member = await context.signedIn('campus_member', [north]);
    const db = context.dataSource;
    const employer = await insertEmployer(db, { name: 'Pohjolan Sähkö, Oy', ownerCampusGroupId: north });
    const foreign = await insertEmployer(db, { name: 'Etelän Oy', ownerCampusGroupId: south });
    const other = await context.createUser('account_manager');
    const insert = (
      employerId: number,
      assigneeId: number,
      title: string,
      dueDate: string,
      status = 'open',
      notes: string | null = null,
    ) =>
      db.query(
        `INSERT INTO follow_ups (employer_id, assignee_id, title, due_date, status, notes) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [employerId, assigneeId, title, dueDate, status, notes],
      );
    await insert(employer, member.me.id, 'Soita; sovi käynti', '2026-12-31', 'open', 'Kysy hinta,\naikataulu');
    await insert(employer, member.me.id, 'Valmis jo', '2026-12-01', 'done');
    await insert(employer, other, 'Jonkun muun', '2026-12-01');
    // Assigned to the member but on an employer outside their groups: their rights still apply.
    await insert(foreign, member.me.id, 'Ei näy', '2026-12-01');
  });

  const pathOf = (url: string) => new URL(url).pathname;

  it('creates a feed, serves the open follow-ups as an iCalendar, rotates and revokes it', async () => {
    expect((await member.get('/api/calendar-feed')).body).toEqual({ active: false, url: null, createdAt: null });

    const created = await member.post('/api/calendar-feed');
    expect(created.status).toBe(200);
    expect(created.body.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = pathOf(created.body.url).slice('/api/calendar/'.length, -'.ics'.length);
    const [{ token_hash: stored }] = await context.dataSource.query(
      `SELECT token_hash FROM calendar_feeds WHERE user_id = $1`,
      [member.me.id],
    );
    expect(stored).not.toContain(token);
    expect(stored).toMatch(/^[0-9a-f]{64}$/);

    // The URL alone is the credential: a client without a session gets the feed.
    const anonymous = await context.client();
    const feed = await anonymous.get(pathOf(created.body.url));
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const lines = feed.text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(feed.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines.filter((line) => line === 'BEGIN:VEVENT')).toHaveLength(1);
    const unfolded = feed.text.replace(/\r\n /g, '');
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n');
    expect(unfolded).toMatch(/\r\nUID:followup-\d+@tyoelama-crm\r\n/);
    expect(unfolded).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    expect(unfolded).toContain('SUMMARY:Soita\\; sovi käynti – Pohjolan Sähkö\\, Oy\r\n');
    expect(unfolded).toMatch(/DESCRIPTION:Kysy hinta\\,\\naikataulu\\n\\n\/employers\/\d+\r\n/);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect((await member.get('/api/calendar-feed')).body).toEqual({
      active: true,
      url: null,
      createdAt: created.body.createdAt,
    });

    const rotated = await member.post('/api/calendar-feed');
    expect(rotated.body.url).not.toBe(created.body.url);
    expect((await anonymous.get(pathOf(created.body.url))).status).toBe(404);
    expect((await anonymous.get(pathOf(rotated.body.url))).status).toBe(200);

    expect((await member.delete('/api/calendar-feed')).status).toBe(204);
    expect((await anonymous.get(pathOf(rotated.body.url))).status).toBe(404);
    expect((await member.get('/api/calendar-feed')).body).toEqual({ active: false, url: null, createdAt: null });

    expect((await auditRows(context.dataSource, 'calendar_feed', member.me.id)).map((row) => row.action)).toEqual([
      'create',
      'rotate',
      'revoke',
    ]);
  });

  it('answers 404 for unknown and malformed tokens', async () => {
    const anonymous = await context.client();
    expect((await anonymous.get(`/api/calendar/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await anonymous.get('/api/calendar/short.ics')).status).toBe(404);
  });

  it('stops serving the feed of a deactivated user', async () => {
    const leadership = await context.signedIn('leadership');
    const created = await leadership.post('/api/calendar-feed');
    const anonymous = await context.client();
    const feed = await anonymous.get(pathOf(created.body.url));
    expect(feed.status).toBe(200);
    expect(feed.text).not.toContain('BEGIN:VEVENT');
    await context.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [leadership.me.id]);
    expect((await anonymous.get(pathOf(created.body.url))).status).toBe(404);
  });

  it('needs a session to manage the feed', async () => {
    const anonymous = await context.client();
    expect((await anonymous.get('/api/calendar-feed')).status).toBe(401);
    expect((await anonymous.post('/api/calendar-feed')).status).toBe(401);
  });
});
