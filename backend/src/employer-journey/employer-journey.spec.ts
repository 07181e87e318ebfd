import {
  addDays,
  EMPLOYER_JOURNEY_STEPS,
  type EmployerJourneyDto,
  type EmployerJourneyStep,
  helsinkiDate,
} from '@tyoelama/shared';
import { randomBytes } from 'node:crypto';
import { auditRows, insertContactPerson, insertEmployer } from '../../test/fixtures';
import { type SignedIn, useTestApp } from '../../test/test-app';
import { expectFieldErrors } from '../../test/responses';

describe('employer journey API', () => {
  const context = useTestApp();
  let manager: SignedIn;
  let groupA: number;
  let groupB: number;
  const today = helsinkiDate();

  beforeAll(async () => {
    manager = await context.signedIn('account_manager');
    groupA = await context.createCampusGroup('Tekniikka');
    groupB = await context.createCampusGroup('Sote');
  });

  // Arranged with plain INSERTs: contact entries, opportunities, periods and surveys are other features' rows.
  const db = () => context.dataSource;

  async function employer(name: string, groupId = groupA): Promise<number> {
    return insertEmployer(db(), { name: `${name} ${randomBytes(3).toString('hex')}`, ownerCampusGroupId: groupId });
  }

  async function entry(employerId: number, occurredAt: string, type = 'phone', topics: string[] = []): Promise<void> {
    await db().query(
      `INSERT INTO contact_entries (employer_id, type, occurred_at, summary, campus_group_id, created_by, topics)
       VALUES ($1, $2, $3, 'Yhteydenotto', (SELECT owner_campus_group_id FROM employers WHERE id = $1), $4, $5)`,
      [employerId, type, occurredAt, manager.me.id, topics],
    );
  }

  async function wonOpportunity(employerId: number, type: string, wonAt: string): Promise<void> {
    const [{ id }] = await db().query(
      `INSERT INTO opportunities (employer_id, title, type, campus_group_id, stage, stage_changed_at)
       VALUES ($1, 'Paikat', $2, (SELECT owner_campus_group_id FROM employers WHERE id = $1), 'won', $3) RETURNING id`,
      [employerId, type, wonAt],
    );
    await db().query(
      `INSERT INTO opportunity_stage_changes (opportunity_id, from_stage, to_stage, changed_at)
       VALUES ($1, NULL, 'identified', '2020-01-01T10:00:00Z'), ($1, 'identified', 'won', $2)`,
      [id, wonAt],
    );
  }

  async function period(
    employerId: number | null,
    startsOn: string,
    endsOn: string | null,
    extra: { instructorId?: number; importedAt?: string } = {},
  ): Promise<void> {
    await db().query(
      `INSERT INTO workplace_learning_periods
         (period_key, student_key, sources, employer_id, kind, starts_on, ends_on, instructor_id, imported_at)
       VALUES ($1, $2, '{koski}', $3, 'training_agreement', $4, $5, $6, $7)`,
      [
        randomBytes(32).toString('hex'),
        randomBytes(32).toString('hex'),
        employerId,
        startsOn,
        endsOn,
        extra.instructorId ?? null,
        extra.importedAt ?? '2026-06-01T09:00:00Z',
      ],
    );
  }

  async function survey(
    employerId: number,
    kind: 'workplace' | 'instructor',
    validUntil: string,
    answers: number,
    importedAt = '2026-09-01T09:00:00Z',
  ): Promise<void> {
    await db().query(
      `INSERT INTO feedback_surveys (kind, code, employer_id, valid_from, valid_until, answers, imported_at)
       VALUES ($1, $2, $3, '2025-01-01', $4, $5, $6)`,
      [kind, randomBytes(8).toString('hex'), employerId, validUntil, answers, importedAt],
    );
  }

  async function journey(employerId: number, client: SignedIn = manager): Promise<EmployerJourneyDto> {
    const response = await client.get(`/api/employers/${employerId}/journey`);
    expect(response.status).toBe(200);
    return response.body as EmployerJourneyDto;
  }

  const reached = (dto: EmployerJourneyDto) =>
    Object.fromEntries(dto.steps.map((step) => [step.step, step.reachedOn])) as Record<
      EmployerJourneyStep,
      string | null
    >;

  // Another employer with plenty of history, every kind of row dated earlier: none of it may leak.
  beforeAll(async () => {
    const other = await employer('Muu Oy');
    await entry(other, '2019-02-01T10:00:00Z', 'workplace_visit', ['instructor_training']);
    await wonOpportunity(other, 'training_agreement', '2019-03-01T10:00:00Z');
    await wonOpportunity(other, 'recruitment', '2019-03-02T10:00:00Z');
    await period(other, '2019-01-01', null, { importedAt: '2019-01-01T10:00:00Z' });
    await period(other, '2020-01-01', null, { importedAt: '2019-01-01T10:00:00Z' });
    await period(null, '2018-01-01', null, { importedAt: '2018-01-01T10:00:00Z' });
    await survey(other, 'workplace', '2019-06-30', 3, '2019-07-01T10:00:00Z');
    await insertContactPerson(db(), other, 'Olli Ohjaaja');
    await db().query(`UPDATE contact_persons SET roles = '{workplace_instructor}' WHERE employer_id = $1`, [other]);
  });

  it('answers every step in journey order, none reached for an employer without history', async () => {
    const id = await employer('Tyhjä Oy');
    const dto = await journey(id);
    expect(dto.steps.map((step) => step.step)).toEqual([...EMPLOYER_JOURNEY_STEPS]);
    expect(dto.steps.every((step) => step.reachedOn === null && step.source === null && step.version === 0)).toBe(true);
    expect(dto.currentStep).toBeNull();
    expect(dto.instructorNamedOn).toBeNull();
  });

  it('derives each derivable step from the employer’s own contacts, opportunities, periods and surveys', async () => {
    const id = await employer('Konepaja Oy');
    // First contact: the earliest entry, as a Helsinki day (21:30 UTC on 9 Jan is 10 Jan in Helsinki).
    await entry(id, '2024-03-05T10:00:00Z');
    await entry(id, '2024-01-09T22:30:00Z', 'email');
    // Instructor training over the phone is not a briefing session; at a meeting it is.
    await entry(id, '2024-04-01T10:00:00Z', 'phone', ['instructor_training']);
    await entry(id, '2024-05-02T10:00:00Z', 'meeting', ['instructor_training']);
    // Agreement: a won apprenticeship (a won co-development project does not count) or the first period.
    await wonOpportunity(id, 'co_development', '2024-02-01T10:00:00Z');
    await wonOpportunity(id, 'apprenticeship', '2024-04-15T10:00:00Z');
    await period(id, '2024-08-12', '2024-12-20');
    // Guidance: a visit during a period; one before any period is not guidance.
    await entry(id, '2024-06-01T10:00:00Z', 'workplace_visit');
    await entry(id, '2024-09-10T10:00:00Z', 'workplace_visit');
    // Feedback: an answered survey only.
    await survey(id, 'workplace', '2024-10-31', 0);
    await survey(id, 'instructor', '2025-02-28', 1, '2025-01-20T10:00:00Z');
    // Continuing partnership: periods in two different years.
    await period(id, '2025-03-03', null);

    const dto = await journey(id);
    expect(reached(dto)).toEqual({
      first_contact: '2024-01-10',
      suitability: null,
      agreement: '2024-04-15',
      instructor_briefing: '2024-05-02',
      guidance: '2024-09-10',
      competence_demonstration: null,
      feedback: '2025-01-20',
      continuing_partnership: '2025-03-03',
    });
    expect(dto.steps.filter((step) => step.reachedOn).every((step) => step.source === 'derived')).toBe(true);
    expect(dto.currentStep).toBe('continuing_partnership');
  });

  it('takes the agreement from the first period when no opportunity was won, and never dates a step ahead of today', async () => {
    const id = await employer('Tuleva Oy');
    const nextMonth = addDays(today, 40);
    await period(id, nextMonth, null, { importedAt: '2026-01-05T10:00:00Z' });
    // A contact logged for tomorrow has not happened yet.
    await entry(id, `${addDays(today, 2)}T10:00:00Z`);
    const dto = await journey(id);
    expect(reached(dto).agreement).toBe('2026-01-05');
    expect(reached(dto).first_contact).toBeNull();
    expect(reached(dto).guidance).toBeNull();
  });

  it('reaches continuing partnership a year after becoming a partner, or with a won recruitment', async () => {
    const partner = await employer('Kumppani Oy');
    await db().query(`UPDATE employers SET status = 'partner' WHERE id = $1`, [partner]);
    await db().query(
      `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, changes, employer_id, occurred_at)
       VALUES ($1, 'update', 'employer', $2, '{"status": ["prospect", "partner"]}', $2, '2024-02-10T10:00:00Z')`,
      [manager.me.id, partner],
    );
    expect(reached(await journey(partner)).continuing_partnership).toBe('2025-02-10');

    const fresh = await employer('Uusi kumppani Oy');
    await db().query(`UPDATE employers SET status = 'partner' WHERE id = $1`, [fresh]);
    expect(reached(await journey(fresh)).continuing_partnership).toBeNull();
    await wonOpportunity(fresh, 'recruitment', '2025-11-03T10:00:00Z');
    expect(reached(await journey(fresh)).continuing_partnership).toBe('2025-11-03');
  });

  it('tells when an instructor was named without counting it as the briefing', async () => {
    const id = await employer('Ohjaaja Oy');
    const person = await insertContactPerson(db(), id, 'Irma Instruktööri');
    await period(id, '2025-01-13', null, { instructorId: person, importedAt: '2025-02-01T10:00:00Z' });
    const dto = await journey(id);
    expect(dto.instructorNamedOn).toBe('2025-01-13');
    expect(reached(dto).instructor_briefing).toBeNull();
  });

  describe('set by hand', () => {
    it('sets a step the data cannot tell, with who and when, and audits it on the employer', async () => {
      const id = await employer('Soveltuva Oy');
      const saved = await manager.patch(`/api/employers/${id}/journey`, {
        step: 'suitability',
        reachedOn: '2025-05-20',
        version: 0,
      });
      expect(saved.status).toBe(200);
      const step = (saved.body as EmployerJourneyDto).steps.find((item) => item.step === 'suitability');
      expect(step).toMatchObject({
        reachedOn: '2025-05-20',
        source: 'manual',
        manualOn: '2025-05-20',
        derivedOn: null,
        setByName: manager.me.displayName,
        version: 1,
      });
      expect(step?.setAt).toEqual(expect.any(String));
      expect((saved.body as EmployerJourneyDto).currentStep).toBe('suitability');
      expect(await journey(id)).toEqual(saved.body);

      expect(await auditRows(db(), 'employer_journey', id)).toEqual([
        { action: 'update', actor_id: manager.me.id, employer_id: id, changes: { suitability: [null, '2025-05-20'] } },
      ]);
    });

    it('overrides a derived date and clears back to it', async () => {
      const id = await employer('Ohitus Oy');
      await entry(id, '2025-03-01T10:00:00Z');
      const set = await manager.patch(`/api/employers/${id}/journey`, {
        step: 'first_contact',
        reachedOn: '2024-11-15',
        version: 0,
      });
      const overridden = (set.body as EmployerJourneyDto).steps[0];
      expect(overridden).toMatchObject({ reachedOn: '2024-11-15', source: 'manual', derivedOn: '2025-03-01' });

      const cleared = await manager.patch(`/api/employers/${id}/journey`, {
        step: 'first_contact',
        reachedOn: null,
        version: overridden.version,
      });
      expect(cleared.status).toBe(200);
      expect((cleared.body as EmployerJourneyDto).steps[0]).toMatchObject({
        reachedOn: '2025-03-01',
        source: 'derived',
        manualOn: null,
        setByName: null,
        version: 2,
      });
      expect((await auditRows(db(), 'employer_journey', id)).map((row) => [row.action, row.changes])).toEqual([
        ['update', { first_contact: [null, '2024-11-15'] }],
        ['update', { first_contact: ['2024-11-15', null] }],
      ]);
    });

    it('refuses a stale version with 409 and the current journey, writing nothing', async () => {
      const id = await employer('Kilpa Oy');
      const body = { step: 'competence_demonstration', reachedOn: '2025-04-04', version: 0 };
      expect((await manager.patch(`/api/employers/${id}/journey`, body)).status).toBe(200);
      const stale = await manager.patch(`/api/employers/${id}/journey`, { ...body, reachedOn: '2025-04-05' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect(reached(stale.body.current as EmployerJourneyDto).competence_demonstration).toBe('2025-04-04');
      expect(await auditRows(db(), 'employer_journey', id)).toHaveLength(1);
    });

    it('lets exactly one of two parallel first saves win', async () => {
      const id = await employer('Rinnakkain Oy');
      const answers = await Promise.all(
        ['2025-01-01', '2025-01-02'].map((reachedOn) =>
          manager.patch(`/api/employers/${id}/journey`, { step: 'guidance', reachedOn, version: 0 }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
      expect(await auditRows(db(), 'employer_journey', id)).toHaveLength(1);
    });

    it('answers field-level 400s for a future date, an unknown step and a malformed date', async () => {
      const id = await employer('Virhe Oy');
      const future = await manager.patch(`/api/employers/${id}/journey`, {
        step: 'suitability',
        // Tomorrow as of now, not as of the file's start: a run may pass midnight meanwhile.
        reachedOn: addDays(helsinkiDate(), 1),
        version: 0,
      });
      expectFieldErrors(future, [expect.objectContaining({ path: 'reachedOn', code: 'date_in_future' })]);

      const unknown = await manager.patch(`/api/employers/${id}/journey`, {
        step: 'signed_contract',
        reachedOn: '2025-01-01',
        version: 0,
      });
      expectFieldErrors(unknown, [expect.objectContaining({ path: 'step', code: 'invalid_value' })]);

      const malformed = await manager.patch(`/api/employers/${id}/journey`, {
        step: 'suitability',
        reachedOn: '1.1.2025',
        version: 0,
      });
      expect(malformed.body.fieldErrors).toEqual([
        expect.objectContaining({ path: 'reachedOn', code: 'invalid_date' }),
      ]);
      const [{ count }] = await db().query(
        `SELECT count(*)::int AS count FROM employer_journey_steps WHERE employer_id = $1`,
        [id],
      );
      expect(count).toBe(0);
    });

    it('refuses changes to an archived employer', async () => {
      const id = await employer('Arkisto Oy');
      await db().query(`UPDATE employers SET archived_at = now() WHERE id = $1`, [id]);
      const answer = await manager.patch(`/api/employers/${id}/journey`, {
        step: 'suitability',
        reachedOn: '2025-01-01',
        version: 0,
      });
      expect(answer.status).toBe(409);
      expect(answer.body.code).toBe('EMPLOYER_ARCHIVED');
    });
  });

  describe('permissions', () => {
    it('lets a campus member read the journey of their group’s employer but not change it', async () => {
      const id = await employer('Oma Oy', groupA);
      const member = await context.signedIn('campus_member', [groupA]);
      expect((await journey(id, member)).employerId).toBe(id);
      const write = await member.patch(`/api/employers/${id}/journey`, {
        step: 'suitability',
        reachedOn: '2025-01-01',
        version: 0,
      });
      expect(write.status).toBe(403);
    });

    it('hides another group’s employer from a campus member (404) and refuses them writes (403)', async () => {
      const id = await employer('Vieras Oy', groupB);
      const member = await context.signedIn('campus_member', [groupA]);
      expect((await member.get(`/api/employers/${id}/journey`)).status).toBe(404);
      const write = await member.patch(`/api/employers/${id}/journey`, {
        step: 'suitability',
        reachedOn: '2025-01-01',
        version: 0,
      });
      expect(write.status).toBe(403);
      expect(await auditRows(db(), 'employer_journey', id)).toEqual([]);
    });

    it('lets leadership read but not write, and answers 404 for an employer that does not exist', async () => {
      const id = await employer('Johto Oy');
      const leader = await context.signedIn('leadership');
      expect((await journey(id, leader)).steps).toHaveLength(EMPLOYER_JOURNEY_STEPS.length);
      expect(
        (await leader.patch(`/api/employers/${id}/journey`, { step: 'feedback', reachedOn: null, version: 0 })).status,
      ).toBe(403);
      expect((await manager.get(`/api/employers/2147483000/journey`)).status).toBe(404);
    });
  });
});
