import { type Resource, type Role, rightOf } from '@tyoelama/shared';
import type { DataSource } from 'typeorm';
import { type Scope, type ScopeIds, unique } from './security-world';

/**
 * What every API route should answer to every role, written from PRODUCT.md's rights table (the
 * shared RIGHTS) rather than read from the controllers' decorators, so a decorator that drifts
 * from the table fails the permission matrix. A route the app serves without an entry here fails
 * it too: a new route gets its expectation before it ships.
 */

/**
 * The status class a check expects. `allowed`: past the access checks (neither 401 nor 403, no 5xx
 * but 503 from an external service), for routes whose success needs more than a JSON body (uploads).
 */
export type Outcome = '2xx' | 'allowed' | 401 | 403 | 404;

export interface InputContext {
  ids: ScopeIds;
  version(table: string, id: number): Promise<number>;
}

export interface RouteExpectation {
  expect(role: Role, scope: Scope): Outcome;
  /** Path parameters by name; routes without parameters omit it. */
  params?(ids: ScopeIds): Record<string, number | string>;
  /** Query string (without `?`) for routes that need one. */
  query?: string;
  /** A minimal valid body (the hostile-input spec mutates it). */
  body?(context: InputContext): unknown;
  /** A list: scope does not apply, and a campus member's answer must hold no row of another group. */
  list?: boolean;
  /** Rights depend on who created or is assigned the row: the colleague scope is checked too. */
  ownership?: boolean;
  /** Puts the world into the state the route acts on (e.g. archived before restore). */
  prepare?(dataSource: DataSource, ids: ScopeIds): Promise<void>;
  /** The route ends or replaces the caller's session: use a session of its own. */
  ownSession?: boolean;
}

/** Read rows of a resource: 403 without read right, 404 for another group's row when reading only own groups. */
export const readRule =
  (resource: Resource, scoped = true) =>
  (role: Role, scope: Scope): Outcome => {
    const right = rightOf(role, resource).read;
    if (right === 'none') return 403;
    if (scoped && right === 'own_groups' && scope === 'other') return 404;
    return '2xx';
  };

/** Writes only a role with write right `all` may make (create employers, delete entries, …). */
export const writeAllRule =
  (resource: Resource) =>
  (role: Role): Outcome =>
    rightOf(role, resource).write === 'all' ? '2xx' : 403;

/**
 * A write the role's write right decides: none is 403 and all is 2xx; a right limited to the own
 * groups answers `limited(scope, right)`, as the row the write names lets it.
 */
const limitedWriteRule =
  (resource: Resource, limited: (scope: Scope, right: ReturnType<typeof rightOf>) => Outcome) =>
  (role: Role, scope: Scope): Outcome => {
    const right = rightOf(role, resource);
    if (right.write === 'none') return 403;
    if (right.write === 'all') return '2xx';
    return limited(scope, right);
  };

/**
 * Writes a campus member may make on their own rows: entries they logged (`own_groups_own_records`)
 * or follow-ups assigned to them (`assigned`). Another group's row does not exist for them (404);
 * a colleague's row exists but is not theirs to change (403).
 */
export const writeOwnRule = (resource: Resource) =>
  limitedWriteRule(resource, (scope, right) => {
    if (scope === 'other') return right.read === 'all' ? '2xx' : 404;
    return scope === 'colleague' ? 403 : '2xx';
  });

/** Creating a row in a campus group: own group allowed, another group's employer is not found. */
export const createInGroupRule = (resource: Resource) =>
  limitedWriteRule(resource, (scope) => (scope === 'other' ? 404 : '2xx'));

const anyRole = (): Outcome => '2xx';
/** The admins' own tools; `outcome` for an admin ('allowed' where a repeat may answer 409). */
const adminOnly =
  (outcome: Outcome = '2xx') =>
  (role: Role): Outcome =>
    role === 'admin' ? outcome : 403;

const version = (table: string, key: keyof ScopeIds) => (context: InputContext) =>
  context.version(table, context.ids[key]);

const byId = (key: keyof ScopeIds) => (ids: ScopeIds) => ({ id: ids[key] });
const byEmployer = (ids: ScopeIds) => ({ employerId: ids.employerId });
const today = () => new Date().toISOString().slice(0, 10);
const loginEmail = 'matrix.login@example.fi';
export const MATRIX_LOGIN_EMAIL = loginEmail;

export const ROUTE_EXPECTATIONS: Record<string, RouteExpectation> = {
  'GET /api/health': { expect: anyRole },
  'POST /api/auth/login': {
    expect: anyRole,
    ownSession: true,
    body: () => ({ email: loginEmail, password: 'test-password-123' }),
  },
  'POST /api/auth/logout': { expect: anyRole, ownSession: true },
  'GET /api/auth/me': { expect: anyRole },
  'PATCH /api/auth/me': { expect: anyRole, body: () => ({ locale: 'fi' }) },
  // Each caller changes their own password only: a session of its own, so the shared callers keep theirs.
  'POST /api/auth/password': {
    expect: anyRole,
    ownSession: true,
    body: () => ({ currentPassword: 'test-password-123', newPassword: 'vihreä-kivi-kahvikuppi' }),
  },

  'GET /api/users': { expect: readRule('users', false), list: true },
  'GET /api/users/:id': { expect: readRule('users'), params: byId('userId') },
  'POST /api/users': {
    expect: writeAllRule('users'),
    body: ({ ids }) => ({
      email: `${unique('matrix')}@example.fi`,
      displayName: 'Matrix user',
      role: 'leadership',
      password: 'a-long-enough-password',
      campusGroupIds: [ids.groupId],
    }),
  },
  'PATCH /api/users/:id': {
    expect: writeAllRule('users'),
    params: byId('userId'),
    body: async (context) => ({ version: await version('users', 'userId')(context), locale: 'en' }),
  },
  'POST /api/users/:id/password': {
    expect: writeAllRule('users'),
    params: byId('userId'),
    body: () => ({ password: 'another-long-password' }),
  },

  'GET /api/campus-groups': { expect: readRule('campusGroups', false), list: true },
  'GET /api/campus-groups/:id': { expect: readRule('campusGroups'), params: byId('groupId') },
  'POST /api/campus-groups': {
    expect: writeAllRule('campusGroups'),
    body: () => ({ name: unique('Matrix group'), campus: 'Kampus' }),
  },
  'PATCH /api/campus-groups/:id': {
    expect: writeAllRule('campusGroups'),
    params: byId('groupId'),
    body: async (context) => ({ version: await version('campus_groups', 'groupId')(context), campus: 'Kampus' }),
  },

  'GET /api/employers': { expect: readRule('employers', false), list: true },
  'GET /api/employers/:id': { expect: readRule('employers'), params: byId('employerId') },
  'POST /api/employers': {
    expect: writeAllRule('employers'),
    body: ({ ids }) => ({ name: unique('Matrix Oy'), ownerCampusGroupId: ids.groupId }),
  },
  'PATCH /api/employers/:id': {
    expect: writeAllRule('employers'),
    params: byId('employerId'),
    body: async (context) => ({ version: await version('employers', 'employerId')(context), municipality: 'Tampere' }),
  },
  'POST /api/employers/:id/archive': {
    expect: writeAllRule('employers'),
    params: byId('employerId'),
    body: async (context) => ({ version: await version('employers', 'employerId')(context) }),
  },
  'POST /api/employers/:id/restore': {
    expect: writeAllRule('employers'),
    params: byId('employerId'),
    prepare: async (dataSource, ids) => {
      await dataSource.query(`UPDATE employers SET archived_at = now() WHERE id = $1`, [ids.employerId]);
    },
    body: async (context) => ({ version: await version('employers', 'employerId')(context) }),
  },
  'GET /api/employers/:id/timeline': { expect: readRule('employers'), params: byId('employerId') },

  'GET /api/employers/:employerId/journey': {
    expect: readRule('employers'),
    params: byEmployer,
  },
  'PATCH /api/employers/:employerId/journey': {
    expect: writeAllRule('employers'),
    params: byEmployer,
    body: () => ({ step: 'suitability', reachedOn: today(), version: 0 }),
  },

  'GET /api/employers/:employerId/contacts': {
    expect: readRule('contactPersons'),
    params: byEmployer,
  },
  'POST /api/employers/:employerId/contacts': {
    expect: writeAllRule('contactPersons'),
    params: byEmployer,
    body: () => ({ name: 'Matti Matriisi' }),
  },
  'GET /api/contacts/:id': { expect: readRule('contactPersons'), params: byId('contactPersonId') },
  'PATCH /api/contacts/:id': {
    expect: writeAllRule('contactPersons'),
    params: byId('contactPersonId'),
    body: async (context) => ({ version: await version('contact_persons', 'contactPersonId')(context), title: 'HR' }),
  },
  'DELETE /api/contacts/:id': { expect: writeAllRule('contactPersons'), params: byId('contactPersonId') },
  // A GDPR access export holds personal data: only roles that may change contact persons get it.
  'GET /api/contacts/:id/export': { expect: writeAllRule('contactPersons'), params: byId('contactPersonId') },
  'POST /api/contacts/:id/erase': { expect: writeAllRule('contactPersons'), params: byId('contactPersonId') },

  'GET /api/contact-entries': { expect: readRule('contactEntries', false), list: true },
  'GET /api/contact-entries/:id': { expect: readRule('contactEntries'), params: byId('contactEntryId') },
  'POST /api/contact-entries': {
    expect: createInGroupRule('contactEntries'),
    body: ({ ids }) => ({
      employerId: ids.employerId,
      type: 'phone',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      summary: 'Matrix call',
    }),
  },
  'PATCH /api/contact-entries/:id': {
    expect: writeOwnRule('contactEntries'),
    ownership: true,
    params: byId('contactEntryId'),
    body: async (context) => ({
      version: await version('contact_entries', 'contactEntryId')(context),
      summary: 'Matrix call, edited',
    }),
  },
  'DELETE /api/contact-entries/:id': {
    expect: writeOwnRule('contactEntries'),
    ownership: true,
    params: byId('contactEntryId'),
  },
  'POST /api/contact-entries/:id/restore': {
    expect: writeOwnRule('contactEntries'),
    ownership: true,
    params: byId('contactEntryId'),
    prepare: async (dataSource, ids) => {
      const [admin] = await dataSource.query(`SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1`);
      await dataSource.query(
        `WITH trashed AS (
           INSERT INTO contact_entries_deleted (id, employer_id, created_by, entry, deleted_by)
           SELECT c.id, c.employer_id, c.created_by, to_jsonb(c), $2 FROM contact_entries c WHERE c.id = $1)
         DELETE FROM contact_entries WHERE id = $1`,
        [ids.contactEntryId, admin.id],
      );
    },
  },

  'GET /api/follow-ups': { expect: readRule('followUps', false), list: true },
  'GET /api/employers/:id/follow-up-assignees': { expect: writeAllRule('followUps'), params: byId('employerId') },
  'GET /api/follow-ups/:id': { expect: readRule('followUps'), params: byId('followUpId') },
  'POST /api/follow-ups': {
    expect: writeAllRule('followUps'),
    body: ({ ids }) => ({ employerId: ids.employerId, title: 'Matrix follow-up', dueDate: today() }),
  },
  'PATCH /api/follow-ups/:id': {
    expect: writeOwnRule('followUps'),
    ownership: true,
    params: byId('followUpId'),
    body: async (context) => ({ version: await version('follow_ups', 'followUpId')(context), notes: 'Matrix' }),
  },
  'POST /api/follow-ups/:id/complete': {
    expect: writeOwnRule('followUps'),
    ownership: true,
    params: byId('followUpId'),
    body: async (context) => ({ version: await version('follow_ups', 'followUpId')(context) }),
  },
  'POST /api/follow-ups/:id/reopen': {
    expect: writeOwnRule('followUps'),
    ownership: true,
    params: byId('followUpId'),
    prepare: async (dataSource, ids) => {
      await dataSource.query(
        `UPDATE follow_ups SET status = 'done', completed_at = now(), completed_by = assignee_id WHERE id = $1`,
        [ids.followUpId],
      );
    },
    body: async (context) => ({ version: await version('follow_ups', 'followUpId')(context) }),
  },
  'POST /api/follow-ups/:id/cancel': {
    expect: writeOwnRule('followUps'),
    ownership: true,
    params: byId('followUpId'),
    body: async (context) => ({ version: await version('follow_ups', 'followUpId')(context) }),
  },

  'GET /api/opportunities': { expect: readRule('opportunities', false), list: true },
  'GET /api/opportunities/stage-totals': { expect: readRule('opportunities', false) },
  'GET /api/opportunities/:id': { expect: readRule('opportunities'), params: byId('opportunityId') },
  'GET /api/opportunities/:id/stage-changes': { expect: readRule('opportunities'), params: byId('opportunityId') },
  'POST /api/opportunities': {
    expect: writeAllRule('opportunities'),
    body: ({ ids }) => ({ employerId: ids.employerId, title: 'Matrix places', type: 'training_agreement' }),
  },
  'PATCH /api/opportunities/:id': {
    expect: writeAllRule('opportunities'),
    params: byId('opportunityId'),
    body: async (context) => ({ version: await version('opportunities', 'opportunityId')(context), notes: 'Matrix' }),
  },
  'DELETE /api/opportunities/:id': { expect: writeAllRule('opportunities'), params: byId('opportunityId') },
};

const writeAllowed =
  (resource: Resource) =>
  (role: Role): Outcome =>
    rightOf(role, resource).write === 'all' ? 'allowed' : 403;

const exportOf = (resource: Resource): RouteExpectation => ({
  expect: readRule(resource, false),
  params: () => ({ format: 'csv' }),
  list: true,
});

Object.assign(ROUTE_EXPECTATIONS, {
  'GET /api/campus-groups/:id/status': { expect: readRule('reports'), params: byId('groupId') },
  'GET /api/pipeline/summary': { expect: readRule('reports', false) },
  'GET /api/dashboard/activity': { expect: readRule('reports', false) },
  'GET /api/dashboard/workplace-learning': { expect: readRule('reports', false) },
  // Read exactly as the employer; the period lists a campus member may not read are proved in
  // src/workplace-learning/workplace-learning.spec.ts.
  'GET /api/employers/:id/workplace-learning': { expect: readRule('employers'), params: byId('employerId') },
  'GET /api/call-lists/:list': {
    expect: readRule('employers', false),
    params: () => ({ list: 'lapsed-hosts' }),
    list: true,
  },
  'GET /api/call-lists/:list/export.:format': {
    expect: readRule('employers', false),
    params: () => ({ list: 'lapsed-hosts', format: 'csv' }),
    list: true,
  },
  'GET /api/search': { expect: readRule('employers', false), query: 'q=Ty%C3%B6nantaja' },
  'GET /api/exports/employers.:format': exportOf('employers'),
  'GET /api/exports/contact-entries.:format': exportOf('contactEntries'),
  'GET /api/exports/follow-ups.:format': exportOf('followUps'),
  'GET /api/exports/opportunities.:format': exportOf('opportunities'),
  // Uploads are multipart; with a JSON body the check proves only that the access layer lets the role through.
  'POST /api/imports': { expect: writeAllowed('employers') },
  'GET /api/imports/:id': { expect: writeAllowed('employers'), params: () => ({ id: 2_000_000_000 }) },
  'GET /api/imports/:id/rows': { expect: writeAllowed('employers'), params: () => ({ id: 2_000_000_000 }) },
  'POST /api/imports/:id/commit': { expect: writeAllowed('employers'), params: () => ({ id: 2_000_000_000 }) },
  // Looking up a Y-tunnus is part of editing an employer; the register itself may be unreachable (503).
  'GET /api/business-register/:businessId': {
    expect: writeAllowed('employers'),
    params: () => ({ businessId: '0112038-9' }),
  },
  // The refresh job is the admins' alone; starting it answers 202 (or 409 while one runs).
  'GET /api/business-register-refresh': { expect: adminOnly() },
  'POST /api/business-register-refresh': { expect: adminOnly('allowed') },
  // Role-specific sections, each read with the caller's scope (proved in src/home/home.spec.ts).
  'GET /api/home': { expect: anyRole },
  'POST /api/home/recent-employers': {
    expect: readRule('employers'),
    body: ({ ids }) => ({ employerId: ids.employerId }),
  },
  'GET /api/calendar-feed': { expect: anyRole },
  'POST /api/calendar-feed': { expect: anyRole },
  'DELETE /api/calendar-feed': { expect: anyRole },
  // Public by design (calendar programs cannot sign in): the secret is the token; a wrong one is 404 for all.
  'GET /api/calendar/:token.ics': { expect: () => 404, params: () => ({ token: 'not-a-real-token' }) },
} satisfies Record<string, RouteExpectation>);

/**
 * Areas still being built when this table was written (reports, search, imports, exports). Their
 * routes are checked at the auth layer as soon as they land — signed-out 401, roles outside the
 * rights table 403, allowed roles neither 401 nor 403 nor 5xx, and no other group's row in a
 * campus member's answer — and listed as provisional until they get a full entry above.
 */
export interface ProvisionalRule {
  name: string;
  matches(method: string, path: string): boolean;
  expect(role: Role): Outcome;
}

const readsOf =
  (resource: Resource) =>
  (role: Role): Outcome =>
    rightOf(role, resource).read === 'none' ? 403 : '2xx';

export const PROVISIONAL_RULES: ProvisionalRule[] = [
  {
    name: 'imports write employers',
    matches: (_method, path) => /^\/api\/(imports?|employers\/imports?)(\/|$)/.test(path),
    expect: writeAllRule('employers'),
  },
  {
    name: 'reports, dashboard, pipeline summaries and exports are read by every role (own groups for a campus member)',
    matches: (method, path) =>
      method === 'GET' && /^\/api\/(reports?|dashboard|pipeline|exports?|summary)(\/|$)|\/export(\.csv)?$/.test(path),
    expect: readsOf('reports'),
  },
  {
    name: 'search reads employers',
    matches: (method, path) => method === 'GET' && /^\/api\/search(\/|$)/.test(path),
    expect: readsOf('employers'),
  },
];
