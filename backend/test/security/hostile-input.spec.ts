import fc from 'fast-check';
import type { Response } from 'supertest';
import { type RouteEntry, routeTable } from '../route-table';
import { type SignedIn, useTestApp } from '../test-app';
import { ROUTE_EXPECTATIONS } from './route-expectations';
import { routeInputs } from './route-inputs';
import {
  createCast,
  createWorld,
  databaseFingerprint,
  type ScopeIds,
  type SecurityCast,
  versionOf,
} from './security-world';

// ASVS 5.0 V2 (validation) and OWASP A03 injection / A08 integrity: generated hostile bodies, query
// strings and path values against every write and list route the app serves.

const SQL = [
  "' OR 1=1 --",
  "'; DROP TABLE employers; --",
  '1; DROP TABLE users',
  "1' UNION SELECT password_hash FROM users --",
  '%_\\',
];
const HTML = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(document.cookie)>',
  '{{constructor.constructor("alert(1)")()}}',
];
const UNICODE = [
  '😀👩‍👩‍👧‍👦🇫🇮',
  '\u202Eevil\u202C',
  'שלום עולם مرحبا',
  'a\u0000b',
  '\u0000',
  '\uFEFF\u200B',
  'Ääkköset Åland',
  '\uD800',
  'e\u0301\u0301\u0301',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'];
// Days and instants at and past the edges PostgreSQL and the schemas draw (year 0000 does not exist; 1900–2100 is allowed).
const BOUNDARY_DAYS = [
  '0000-01-01',
  '1899-12-31',
  '1900-01-01',
  '2100-12-31',
  '2101-01-01',
  '9999-12-31',
  '2026-02-30',
  '2024-02-29',
  '2023-02-29',
];
const BOUNDARY_INSTANTS = [
  ...BOUNDARY_DAYS.map((day) => `${day}T00:00:00Z`),
  '0000-01-01T00:00:00+02:00',
  '1900-01-01T00:00:00+14:00',
  '2100-12-31T23:59:59.999999-12:00',
  '9999-12-31T23:59:59+14:00',
  '2026-01-01T10:00:00+15:59',
  '2026-01-01T10:00:00+20:00',
  '2026-01-01T24:00:00Z',
  '2026-01-01 10:00:00+02',
];
const boundaryDate = fc.constantFrom(...BOUNDARY_DAYS, ...BOUNDARY_INSTANTS);
/** Text with no letter or digit: a search of it can match nothing and must not break the SQL. */
const punctuationOnly = fc.string({
  unit: fc.constantFrom(...'-%_\'";:.,!?()[]{}<>/\\|*&^$#@~`+= –—…«»¿'),
  minLength: 1,
  maxLength: 12,
});
const cursorValue: fc.Arbitrary<unknown> = fc.oneof(
  boundaryDate,
  punctuationOnly,
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, 1e308, '1', 'contact_entry:1', 'a\u0000b'),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
);
/** A cursor as a client could forge it: base64url of a JSON array of any length and kinds, or of any JSON, or not base64url at all. */
const forgedCursor = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .array(cursorValue, { maxLength: 5 })
      .map((values) => Buffer.from(JSON.stringify(values)).toString('base64url')),
  },
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url')),
  fc.string({ maxLength: 40 }),
  fc.constant('WyJ4IiwxXQ'),
);
const FREE_TEXT_KEYS = [
  'summary',
  'notes',
  'title',
  'name',
  'description',
  'displayName',
  'campus',
  'municipality',
  'streetAddress',
];

// Generous for a loaded 2-core machine; the work itself takes a fraction of this.
jest.setTimeout(120_000);

function deepJson(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level += 1) value = level % 2 ? [value] : { a: value };
  return value;
}

const hugeString = fc
  .tuple(fc.integer({ min: 5_000, max: 100_000 }), fc.constantFrom('x', 'ä', '😀', "' OR 1=1 --"))
  .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)));
const hostileString = fc.oneof(
  fc.constantFrom(...SQL, ...HTML, ...UNICODE, ...PROTO_KEYS, '', ' ', '1e3', '0x10', '-1', 'null', 'true'),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  hugeString,
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  boundaryDate,
  punctuationOnly,
  fc.integer(),
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, -0),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
  fc.dictionary(fc.constantFrom(...PROTO_KEYS, 'a', "' OR 1=1"), hostileString, { maxKeys: 3 }),
  fc.constant(deepJson(1000)),
);

/** Values of the wrong type or far too long for any field: a request carrying one must be refused. */
function refusedValue(original: unknown): fc.Arbitrary<unknown> {
  if (typeof original === 'string') {
    return fc.oneof(
      fc.constantFrom({}, [], 123, true, deepJson(1000), { $ne: null }),
      hugeString.map((value) => `${value}${'y'.repeat(100_000)}`.slice(0, 100_001)),
    );
  }
  if (typeof original === 'number')
    return fc.constantFrom(...SQL, '1', 1.5, -5, {}, [], true, 2 ** 53 + 1, deepJson(1000));
  if (Array.isArray(original)) return fc.constantFrom(...SQL, 7, { length: 1 }, deepJson(1000));
  return fc.constantFrom(...SQL, 42, [], deepJson(1000));
}

/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD, as a browser would send them). */
function encodeLoose(value: string): string {
  return [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

const QUERY_KEYS = [
  'q',
  'limit',
  'cursor',
  'status',
  'sort',
  'employerId',
  'campusGroupId',
  'assignee',
  'due',
  'archived',
  'noContactDays',
  'stage',
  'type',
  'open',
  'role',
  'active',
  'tag',
  'industrySection',
  'accountManagerId',
  'ownerId',
  '__proto__',
  'constructor',
];

const queryString = fc
  .array(
    fc.tuple(
      fc.constantFrom(...QUERY_KEYS),
      fc.oneof(
        hostileString.filter((value) => value.length < 3000),
        fc.constantFrom('9999999999', '2147483648', '0', '100', '999', '-lastContact', 'me'),
      ),
      fc.constantFrom('plain', 'array', 'object'),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((pairs) =>
    pairs
      .map(([key, value, shape]) => {
        const encoded = encodeLoose(value);
        if (shape === 'array') return `${key}=${encoded}&${key}=${encoded}`;
        if (shape === 'object') return `${key}[$ne]=${encoded}`;
        return `${key}=${encoded}`;
      })
      .join('&'),
  );

const pathValue = fc.oneof(
  hostileString.filter((value) => value.length > 0 && value.length < 2000),
  fc.constantFrom(
    '9999999999',
    '2147483648',
    '4294967296',
    '0',
    '-1',
    '1.5',
    '1e3',
    '0x10',
    '01',
    '%00',
    '..%2F..%2Fetc%2Fpasswd',
    '1%20OR%201%3D1',
    '%',
    '%ZZ',
    '%C0%AF',
    '%E0%A4%A',
  ),
);

function isEnvelope(response: Response): boolean {
  const body = response.body as { statusCode?: unknown; error?: unknown; message?: unknown };
  return body?.statusCode === response.status && typeof body.error === 'string' && typeof body.message === 'string';
}

describe('hostile input (property tests over every write and list route)', () => {
  const context = useTestApp();
  let admin: SignedIn;
  let cast: SecurityCast;
  let ids: ScopeIds;
  let routes: RouteEntry[];
  let inputs: ReturnType<typeof routeInputs>;
  let tried = 0;
  let problemCount = 0;
  let problems: string[] = [];

  beforeAll(async () => {
    ({ cast } = await createCast(context));
    admin = await context.signedIn('admin');
    ids = (await createWorld(context.dataSource, cast)).ids('own');
    routes = routeTable(context.app).filter((route) => !route.path.startsWith('/api/auth/'));
    inputs = routeInputs(context.app);
  });
  beforeEach(() => {
    problemCount += problems.length;
    problems = [];
  });
  afterAll(async () => {
    console.log(`hostile input: ${tried} generated requests, ${problemCount + problems.length} problems`);
  });

  const keyOf = (route: RouteEntry) => `${route.method} ${route.path}`;
  const bodyRoutes = () => routes.filter((route) => route.method !== 'GET' && inputs.get(route.handler)?.body);

  function pathOf(route: RouteEntry): string {
    const expectation = ROUTE_EXPECTATIONS[keyOf(route)];
    const values = expectation?.params?.(ids) ?? {};
    return route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => String(values[name] ?? ids.employerId));
  }

  async function baseBody(route: RouteEntry): Promise<Record<string, unknown>> {
    const body = await ROUTE_EXPECTATIONS[keyOf(route)]?.body?.({
      ids,
      version: (table, id) => versionOf(context.dataSource, table, id),
    });
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  }

  /** Sends any JSON value as the body, exactly as a hostile client would (no client-side shaping). */
  async function send(method: string, path: string, body: unknown): Promise<Response> {
    tried += 1;
    if (method === 'GET') return admin.get(path);
    const { CookieAccessInfo } = await import('cookiejar');
    const agent = admin.agent as unknown as {
      jar: { getCookie(name: string, access: unknown): { value: string } | undefined };
    };
    const xsrf = agent.jar.getCookie('XSRF-TOKEN', CookieAccessInfo.All)?.value ?? '';
    const test =
      method === 'POST'
        ? admin.agent.post(path)
        : method === 'PATCH'
          ? admin.agent.patch(path)
          : admin.agent.delete(path);
    test.set('X-XSRF-TOKEN', xsrf);
    return body === undefined ? test : test.set('Content-Type', 'application/json').send(JSON.stringify(body));
  }

  function judge(label: string, response: Response): void {
    // A calendar feed answers calendar programs, which want a plain status, not the JSON envelope.
    const envelopeExpected = !/\.ics /.test(label);
    if (response.status >= 500) problems.push(`${label} → ${response.status} ${response.text.slice(0, 300)}`);
    else if (response.status >= 400 && envelopeExpected && !isEnvelope(response))
      problems.push(`${label} → ${response.status} without the envelope`);
  }

  /** The GET routes that take a query string: lists, search, reports. */
  const queryRoutes = () => routes.filter((route) => route.method === 'GET' && inputs.get(route.handler)?.query);

  /** Sends generated query strings to every route that takes one and judges each answer. */
  async function judgeQueryStrings(queries: fc.Arbitrary<string>, labelLength: number): Promise<void> {
    for (const route of queryRoutes()) {
      await fc.assert(
        fc.asyncProperty(queries, async (query) => {
          const response = await send('GET', `${pathOf(route)}?${query}`, undefined);
          judge(`${keyOf(route)}?${query.slice(0, labelLength)}`, response);
          return true;
        }),
        { numRuns: 20 },
      );
    }
  }

  it('never answers a generated body with a 5xx, refuses with the error envelope, and stores accepted text verbatim', async () => {
    for (const route of bodyRoutes()) {
      const base = await baseBody(route);
      const keys = Object.keys(base);
      const mutation = fc.oneof(
        // One real field gets a hostile value: reaches the field's own validation and the SQL behind it.
        ...(keys.length ? [fc.tuple(fc.constant('field' as const), fc.constantFrom(...keys), hostileValue)] : []),
        fc.tuple(
          fc.constant('extra' as const),
          fc.constantFrom(...PROTO_KEYS, "name' OR '1'='1", 'id', 'createdBy', 'version'),
          hostileValue,
        ),
        fc.tuple(fc.constant('whole' as const), fc.constant(''), hostileValue),
      );
      await fc.assert(
        fc.asyncProperty(mutation, async ([kind, key, value]) => {
          let body: unknown;
          if (kind === 'whole') body = value;
          else if (kind === 'extra') body = JSON.parse(`{${JSON.stringify(key)}: ${JSON.stringify(value) ?? 'null'}}`);
          else body = { ...base, [key]: value };
          if (kind === 'extra') Object.assign(body as object, base);
          const response = await send(route.method, pathOf(route), body);
          judge(`${keyOf(route)} ${kind} ${key}=${JSON.stringify(value)?.slice(0, 80)}`, response);
          if (response.status < 300 && kind === 'field' && typeof value === 'string' && FREE_TEXT_KEYS.includes(key)) {
            const stored = (response.body as Record<string, unknown>)[key];
            // Text is stored as valid UTF-8: a lone surrogate (not a character) comes back as U+FFFD.
            const wellFormed = Buffer.from(value, 'utf8').toString('utf8').trim();
            const expected = wellFormed === '' ? null : wellFormed;
            if (stored !== undefined && stored !== expected) {
              problems.push(
                `${keyOf(route)} stored ${key} as ${JSON.stringify(stored)?.slice(0, 80)}, sent ${JSON.stringify(value).slice(0, 80)}`,
              );
            }
          }
          // Problems are collected instead of stopping at the first, so one run lists every weak route.
          return true;
        }),
        { numRuns: 14 },
      );
    }
    expect(problems).toEqual([]);
  });

  it('answers hostile path values with 4xx (404 for ids), never 5xx', async () => {
    const withParams = routes.filter((route) => route.path.includes(':'));
    expect(withParams.length).toBeGreaterThan(10);
    for (const route of withParams) {
      await fc.assert(
        fc.asyncProperty(pathValue, async (value) => {
          const raw = /^[%0-9A-Za-z.]+$/.test(value) && value.includes('%') ? value : encodeLoose(value);
          const path = route.path.replace(/:([A-Za-z]+)/, raw).replace(/:([A-Za-z]+)/g, String(ids.employerId));
          const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : await baseBody(route);
          const response = await send(route.method, path, body);
          judge(`${keyOf(route)} path ${JSON.stringify(value).slice(0, 60)}`, response);
          if (response.status < 400)
            problems.push(`${keyOf(route)} accepted the path value ${JSON.stringify(value).slice(0, 60)}`);
          return true;
        }),
        { numRuns: 8 },
      );
    }
    expect(problems).toEqual([]);
  });

  it('answers hostile query strings on every list with 2xx or a 4xx envelope', async () => {
    expect(queryRoutes().length).toBeGreaterThanOrEqual(6);
    await judgeQueryStrings(queryString, 120);
    expect(problems).toEqual([]);
  });

  it('answers forged cursors, boundary dates and punctuation-only searches on every list, search and report with 2xx or a 4xx envelope', async () => {
    const sorts = ['name', '-name', 'status', '-lastContact', 'nextFollowUp', '-accountManager'];
    const search = fc.oneof(
      punctuationOnly,
      punctuationOnly.map((text) => `${text}a${text}`),
    );
    // One concern per request, so a strict schema does not refuse it for a key the route lacks.
    const query = fc
      .oneof(
        fc.tuple(fc.constant('cursor'), forgedCursor).map(([key, value]) => [[key, value]]),
        fc.tuple(forgedCursor, fc.constantFrom(...sorts)).map(([cursor, sort]) => [
          ['cursor', cursor],
          ['sort', sort],
        ]),
        search.map((q) => [['q', q]]),
        fc.tuple(search, forgedCursor).map(([q, cursor]) => [
          ['q', q],
          ['cursor', cursor],
        ]),
        fc.tuple(fc.constantFrom('from', 'to'), boundaryDate).map(([key, value]) => [[key, value]]),
        fc.tuple(boundaryDate, boundaryDate).map(([from, to]) => [
          ['from', from],
          ['to', to],
        ]),
      )
      .map((pairs) => pairs.map(([key, value]) => `${key}=${encodeLoose(value)}`).join('&'));
    await judgeQueryStrings(query, 160);
    expect(problems).toEqual([]);
  });

  it('changes nothing in the database for a batch of refused requests', async () => {
    const before = await databaseFingerprint(context.dataSource);
    let refused = 0;
    for (const route of bodyRoutes()) {
      const base = await baseBody(route);
      const keys = Object.keys(base);
      const refusal = fc.oneof(
        ...keys.map((key) => refusedValue(base[key]).map((value) => ({ ...base, [key]: value }))),
        fc
          .constantFrom(...PROTO_KEYS)
          .map(
            (key) =>
              JSON.parse(
                `{${JSON.stringify(key)}: {"polluted": true}, ${JSON.stringify(base).slice(1, -1) || '"x": 1'}}`,
              ) as unknown,
          ),
        fc.constantFrom<unknown>([base], 'just a string', 42, deepJson(1000)),
      );
      await fc.assert(
        fc.asyncProperty(refusal, async (body) => {
          const response = await send(route.method, pathOf(route), body);
          refused += 1;
          judge(`${keyOf(route)} refused batch`, response);
          if (response.status < 400) problems.push(`${keyOf(route)} accepted ${JSON.stringify(body).slice(0, 200)}`);
          return true;
        }),
        { numRuns: 10 },
      );
    }
    expect(problems).toEqual([]);
    expect(refused).toBeGreaterThan(100);
    expect(await databaseFingerprint(context.dataSource)).toEqual(before);
    // Prototype-pollution keys went through JSON parsing, validation and services: nothing leaked onto Object.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('returns a <script> summary verbatim as a JSON string (the frontend renders it with interpolation, as text)', async () => {
    const summary = '<script>alert("xss")</script><img src=x onerror=alert(1)>';
    // The fuzzing above may have archived the shared employer: a fresh one.
    const fresh = (await createWorld(context.dataSource, cast)).ids('own');
    const created = await admin.post('/api/contact-entries', {
      employerId: fresh.employerId,
      type: 'email',
      occurredAt: new Date().toISOString(),
      summary,
    });
    expect(created.status).toBe(201);
    const read = await admin.get(`/api/contact-entries/${created.body.id}`);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.body.summary).toBe(summary);
    expect(read.text).toContain(JSON.stringify(summary).slice(1, -1));
    const timeline = await admin.get(`/api/employers/${fresh.employerId}/timeline`);
    expect(timeline.text).toContain(JSON.stringify(summary).slice(1, -1));
  });

  it('refuses text PostgreSQL cannot store (NUL) with 400 and stores nothing', async () => {
    const fresh = (await createWorld(context.dataSource, cast)).ids('own');
    const before = await databaseFingerprint(context.dataSource);
    const response = await admin.post('/api/contact-entries', {
      employerId: fresh.employerId,
      type: 'email',
      occurredAt: new Date().toISOString(),
      summary: 'before\u0000after',
    });
    expect(response.status).toBe(400);
    expect(response.body).toEqual(expect.objectContaining({ statusCode: 400, code: 'VALIDATION_FAILED' }));
    expect(await databaseFingerprint(context.dataSource)).toEqual(before);
  });
});
