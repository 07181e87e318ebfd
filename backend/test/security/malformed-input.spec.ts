import { DATE_YEAR_RANGE, EMPLOYER_SORTS, type Page } from '@tyoelama/shared';
import type { Response } from 'supertest';
import { type SignedIn, useTestApp } from '../test-app';
import { createCast, createWorld, databaseFingerprint, type ScopeIds, versionOf } from './security-world';
import { expectFieldErrors } from '../responses';

// Regression tests for the malformed input the "Hardening" review found answered with a 500 or an
// oversized 400 (parts 4 and 8), one per reported case; hostile-input.spec.ts generates the class.

jest.setTimeout(120_000);

/** base64url of `["x",1]`: well-formed, but no list sorts by text "x" then an id. */
const WRONG_CURSOR = 'WyJ4IiwxXQ';

const cursorOf = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

describe('malformed input answered with a field-level 400, never a 500', () => {
  const context = useTestApp();
  let admin: SignedIn;
  let ids: ScopeIds;
  let keysetLists: string[];
  const textKeyed = ['/api/users', '/api/campus-groups'];

  beforeAll(async () => {
    const { cast } = await createCast(context);
    admin = await context.signedIn('admin');
    // Several rows per list, so a limit of 1 pages through real cursors of every kind.
    for (let world = 0; world < 3; world += 1) ids = (await createWorld(context.dataSource, cast)).ids('own');
    // Sort keys of every kind, NULL included: an account manager on one employer, no contact on another.
    await context.dataSource.query(`UPDATE employers SET account_manager_id = $1 WHERE id = $2`, [
      admin.me.id,
      ids.employerId,
    ]);
    await context.dataSource.query(
      `UPDATE employers SET last_contact_at = NULL, next_follow_up_due = NULL
        WHERE id = (SELECT min(id) FROM employers)`,
    );
    keysetLists = [
      ...textKeyed,
      ...EMPLOYER_SORTS.flatMap((sort) => [`/api/employers?sort=${sort}`, `/api/employers?sort=-${sort}`]),
      // A search without a sort pages by relevance with an offset cursor.
      '/api/employers?q=Ty%C3%B6nantaja',
      `/api/employers/${ids.employerId}/timeline`,
      '/api/contact-entries',
      '/api/follow-ups',
      '/api/opportunities',
    ];
  });

  const withQuery = (path: string, query: string) => `${path}${path.includes('?') ? '&' : '?'}${query}`;

  describe('cursors', () => {
    it('answers the reported cursor WyJ4IiwxXQ with 400 INVALID_CURSOR on every list not sorted by (text, id)', async () => {
      for (const list of keysetLists.filter((path) => !textKeyed.includes(path))) {
        const response = await admin.get(withQuery(list, `cursor=${WRONG_CURSOR}`));
        expect({ list, status: response.status, body: response.body as unknown }).toEqual({
          list,
          status: 400,
          body: {
            statusCode: 400,
            error: 'Bad Request',
            message: 'Invalid cursor',
            code: 'INVALID_CURSOR',
            fieldErrors: [{ path: 'cursor', code: 'invalid_cursor', message: 'Invalid cursor' }],
          },
        });
      }
    });

    it('reads ["x",1] on the lists sorted by lower-case name and id as the position after "x"', async () => {
      // Such a cursor is well-formed for these lists (nothing tells a hand-made one from a handed-out
      // one): it pages on from "x", within the caller's rights as any page does.
      for (const list of textKeyed) {
        const response = await admin.get(withQuery(list, `cursor=${WRONG_CURSOR}`));
        expect({ list, status: response.status }).toEqual({ list, status: 200 });
        const names = (response.body as Page<{ name?: string; displayName?: string }>).items.map((item) =>
          (item.name ?? item.displayName ?? '').toLowerCase(),
        );
        expect(names.every((name) => name > 'x')).toBe(true);
      }
    });

    it('refuses cursors with values of the wrong kind, range or count for the list', async () => {
      // Wrong for every list: each sorts by a key of its own kind, then an id (the timeline: a text key).
      const wrongEverywhere = [
        ['2026-01-01', 2_147_483_648],
        ['2026-01-01', 1.5],
        ['2026-01-01', 0],
        ['2026-01-01', '1'],
        [null, 1],
        ['a\u0000b', 1],
        [{}, 1],
        [[], 1],
        [true, 1],
        [null, 'x', 0],
        ['x', 'y', 'z'],
        [-1],
        [0.5],
        [],
        [1, 2, 3, 4],
      ];
      const badInstants = [
        '2026-02-30T10:00:00.000000Z',
        '0000-01-01T00:00:00Z',
        '2026-01-01T10:00:00+16:00',
        '2026-01-01T24:00:00Z',
        '2026-01-01',
        'x',
      ];
      const badDays = ['1900-13-01', '2026-02-30', '0000-01-01', '2026-01-01T10:00:00Z', 'x'];
      const wrongForTheList: [string, unknown[]][] = [
        ...badDays.map((day): [string, unknown[]] => ['/api/follow-ups', [day, 1]]),
        ...badInstants.flatMap((instant): [string, unknown[]][] => [
          ['/api/contact-entries', [instant, 1]],
          ['/api/opportunities', [instant, 1]],
          [`/api/employers/${ids.employerId}/timeline`, [instant, 'contact_entry:1']],
          ['/api/employers?sort=lastContact', [instant, 'a', 1]],
        ]),
        ...badDays.map((day): [string, unknown[]] => ['/api/employers?sort=-nextFollowUp', [day, 'a', 1]]),
        ['/api/employers?sort=status', ['x', 'a', 1]],
        ['/api/employers?sort=status', ['99999999999', 'a', 1]],
        ['/api/employers?sort=status', [null, 'a', 1]],
        ['/api/employers?sort=name', ['x', 'a', 1]],
        ['/api/employers?sort=accountManager', [5, 'a', 1]],
        ['/api/users', [1, 1]],
        ['/api/campus-groups', ['x', 'y']],
      ];
      const cases: [string, unknown[]][] = [
        ...keysetLists.flatMap((list) => wrongEverywhere.map((values): [string, unknown[]] => [list, values])),
        ...wrongForTheList,
      ];
      for (const [list, values] of cases) {
        const response = await admin.get(withQuery(list, `cursor=${cursorOf(values)}`));
        expect({ list, values, status: response.status, code: response.body.code }).toEqual({
          list,
          values,
          status: 400,
          code: 'INVALID_CURSOR',
        });
      }
      for (const list of keysetLists) {
        for (const garbage of ['not-base64!', '%FF', cursorOf({ a: 1 } as unknown as unknown[]), 'bnVsbA']) {
          const response = await admin.get(withQuery(list, `cursor=${garbage}`));
          expect({ list, garbage, status: response.status, code: response.body.code }).toEqual({
            list,
            garbage,
            status: 400,
            code: 'INVALID_CURSOR',
          });
        }
      }
    });

    it('still follows the cursors the lists hand out, one row per page to the end', async () => {
      for (const list of keysetLists) {
        let cursor: string | null = null;
        let pages = 0;
        const seen = new Set<string>();
        do {
          const response = await admin.get(withQuery(list, `limit=1${cursor ? `&cursor=${cursor}` : ''}`));
          expect({ list, status: response.status }).toEqual({ list, status: 200 });
          const page = response.body as Page<{ id?: number; key?: string }>;
          for (const item of page.items) seen.add(String(item.id ?? item.key));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor && pages < 60);
        expect({ list, pages: seen.size }).toEqual({ list, pages });
        expect(pages).toBeGreaterThan(1);
      }
    });
  });

  describe('dates outside the years 1900–2100', () => {
    const year0000Date = '0000-01-01';
    const year0000Instant = '0000-01-01T10:00:00.000Z';

    /** PATCH `/api/<resource>/<id>` at the row's current version. */
    async function patchCurrent(resource: string, table: string, id: number, body: object) {
      return admin.patch(`/api/${resource}/${id}`, {
        version: await versionOf(context.dataSource, table, id),
        ...body,
      });
    }

    async function expectDateError(response: { status: number; body: unknown }, path: string) {
      expect(response.status).toBe(400);
      expect(response.body).toEqual(
        expect.objectContaining({
          code: 'VALIDATION_FAILED',
          fieldErrors: [expect.objectContaining({ path, code: 'date_out_of_range' })],
        }),
      );
    }

    it('refuses year 0000 in dueDate, occurredAt and expectedStart with a field error and stores nothing', async () => {
      const before = await databaseFingerprint(context.dataSource);
      const entry = { employerId: ids.employerId, type: 'phone', summary: 'Puhelu' };
      const opportunity = { employerId: ids.employerId, title: 'Paikat', type: 'recruitment' };
      const refused: [path: string, send: () => Promise<Response>][] = [
        [
          'dueDate',
          () => admin.post('/api/follow-ups', { employerId: ids.employerId, title: 'Soita', dueDate: year0000Date }),
        ],
        ['dueDate', () => patchCurrent('follow-ups', 'follow_ups', ids.followUpId, { dueDate: year0000Date })],
        ['occurredAt', () => admin.post('/api/contact-entries', { ...entry, occurredAt: year0000Instant })],
        [
          'occurredAt',
          () => patchCurrent('contact-entries', 'contact_entries', ids.contactEntryId, { occurredAt: year0000Instant }),
        ],
        [
          'followUp.dueDate',
          () =>
            admin.post('/api/contact-entries', {
              ...entry,
              occurredAt: new Date().toISOString(),
              followUp: { title: 'Soita', dueDate: year0000Date },
            }),
        ],
        ['expectedStart', () => admin.post('/api/opportunities', { ...opportunity, expectedStart: year0000Date })],
        [
          'expectedStart',
          () => patchCurrent('opportunities', 'opportunities', ids.opportunityId, { expectedStart: year0000Date }),
        ],
      ];
      for (const [path, send] of refused) await expectDateError(await send(), path);
      expect(await databaseFingerprint(context.dataSource)).toEqual(before);
    });

    it('refuses year 0000 in the report ranges', async () => {
      for (const report of ['/api/pipeline/summary', '/api/dashboard/activity']) {
        await expectDateError(await admin.get(`${report}?from=${year0000Date}`), 'from');
        await expectDateError(await admin.get(`${report}?to=${year0000Date}`), 'to');
      }
    });

    it('takes the first and last day of the range and refuses the days just outside it', async () => {
      const first = `${DATE_YEAR_RANGE.min}-01-01`;
      const last = `${DATE_YEAR_RANGE.max}-12-31`;
      const created = await admin.post('/api/follow-ups', {
        employerId: ids.employerId,
        title: 'Reunalla',
        dueDate: last,
      });
      expect(created.status).toBe(201);
      expect(created.body.dueDate).toBe(last);
      const entry = await admin.post('/api/contact-entries', {
        employerId: ids.employerId,
        type: 'phone',
        summary: 'Vanha puhelu',
        occurredAt: `${first}T00:00:00+02:00`,
      });
      expect(entry.status).toBe(201);
      await expectDateError(
        await admin.post('/api/follow-ups', {
          employerId: ids.employerId,
          title: 'Ohi',
          dueDate: `${DATE_YEAR_RANGE.max + 1}-01-01`,
        }),
        'dueDate',
      );
      await expectDateError(
        await admin.post('/api/follow-ups', {
          employerId: ids.employerId,
          title: 'Ohi',
          dueDate: `${DATE_YEAR_RANGE.min - 1}-12-31`,
        }),
        'dueDate',
      );
      expect((await admin.get(`/api/pipeline/summary?from=${first}&to=${last}`)).status).toBe(200);
    });

    it('refuses an offset no time zone has with invalid_datetime', async () => {
      const response = await admin.post('/api/contact-entries', {
        employerId: ids.employerId,
        type: 'phone',
        summary: 'Puhelu',
        occurredAt: '2026-01-01T10:00:00+20:00',
      });
      expectFieldErrors(response, [expect.objectContaining({ path: 'occurredAt', code: 'invalid_datetime' })]);
    });
  });

  describe('search terms of punctuation only', () => {
    it('answers /api/search?q=-- with 200 and no hits', async () => {
      for (const q of ['--', '%%', '__', "''", '–…', '-- ;']) {
        const response = await admin.get(`/api/search?q=${encodeURIComponent(q)}`);
        expect({ q, status: response.status, body: response.body as unknown }).toEqual({
          q,
          status: 200,
          body: { employers: [], contactPersons: [], opportunities: [] },
        });
      }
    });

    it("answers every list's q filter of punctuation only with an empty page", async () => {
      // Names with punctuation in them, so a LIKE on the punctuation would find something.
      await context.dataSource.query(`UPDATE employers SET name = name || ' -- %' WHERE id = $1`, [ids.employerId]);
      await context.dataSource.query(`UPDATE users SET display_name = display_name || ' --' WHERE id = $1`, [
        admin.me.id,
      ]);
      for (const list of [
        '/api/employers',
        '/api/employers?sort=name',
        '/api/users',
        '/api/campus-groups',
        '/api/opportunities',
      ]) {
        for (const q of ['--', '%', '-- ;']) {
          const response = await admin.get(withQuery(list, `q=${encodeURIComponent(q)}`));
          expect({ list, q, status: response.status, total: response.body.total, items: response.body.items }).toEqual({
            list,
            q,
            status: 200,
            total: 0,
            items: [],
          });
        }
      }
    });

    it('still finds by a term that has a letter beside the punctuation', async () => {
      const response = await admin.get(`/api/search?q=${encodeURIComponent('-- työnantaja --')}`);
      expect(response.status).toBe(200);
      expect(response.body.employers.length).toBeGreaterThan(0);
    });
  });

  describe('bounded error answers', () => {
    it('answers a signed-out 1 MB body of unknown keys with a small 400', async () => {
      const client = await context.client();
      const body: Record<string, number> = {};
      for (let index = 0; index < 71_000; index += 1) body[`k${String(index).padStart(7, '0')}`] = 0;
      const size = JSON.stringify(body).length;
      expect(size).toBeGreaterThan(900_000);
      expect(size).toBeLessThan(1024 * 1024);
      const response = await client.post('/api/auth/login', body);
      expect(response.status).toBe(400);
      expect(response.text.length).toBeLessThan(10_000);
      console.log(`1 MB of unknown keys: ${size} bytes in, ${response.text.length} bytes out`);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.fieldErrors).toHaveLength(20);
      expect(response.body.fieldErrors[0]).toEqual({ path: 'email', code: 'required', message: 'Required' });
      expect(response.body.fieldErrors).toContainEqual({
        path: 'k0000000',
        code: 'unknown_field',
        message: 'Unknown field',
      });
    });

    it('cuts a huge key short instead of echoing it', async () => {
      const client = await context.client();
      const response = await client.post('/api/auth/login', { ['x'.repeat(500_000)]: 1 });
      expect(response.status).toBe(400);
      expect(response.text.length).toBeLessThan(10_000);
      const unknown = (response.body.fieldErrors as { path: string; code: string }[]).find(
        (error) => error.code === 'unknown_field',
      );
      expect(unknown?.path).toBe(`${'x'.repeat(200)}…`);
    });
  });

  describe('Cache-Control', () => {
    it('marks API answers no-store, errors and signed-out answers too, but not the API docs', async () => {
      expect((await admin.get('/api/employers')).headers['cache-control']).toBe('no-store');
      expect((await admin.get(`/api/employers/${ids.employerId}`)).headers['cache-control']).toBe('no-store');
      expect((await admin.get('/api/auth/me')).headers['cache-control']).toBe('no-store');
      expect((await admin.get('/api/employers?cursor=WyJ4IiwxXQ')).headers['cache-control']).toBe('no-store');
      expect((await admin.get('/api/no-such-route')).headers['cache-control']).toBe('no-store');
      const signedOut = await context.client();
      expect((await signedOut.get('/api/employers')).headers['cache-control']).toBe('no-store');
      expect((await signedOut.get('/api/docs-json')).headers['cache-control']).toBeUndefined();
    });
  });
});
