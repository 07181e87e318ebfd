import { createHash } from 'node:crypto';
import {
  type CallListEmployerRowDto,
  type CallListPageDto,
  type EmployerWorkplaceLearningDto,
  type PeriodWithoutBusinessIdDto,
  validBusinessIdFrom,
  type WorkplaceLearningDashboardDto,
} from '@tyoelama/shared';
import type { DataSource } from 'typeorm';
import { Clock } from '../config/clock';
import { insertContactPerson, insertEmployer } from '../../test/fixtures';
import { type Client, type SignedIn, useTestApp } from '../../test/test-app';

/** Every figure below is computed by hand for this day. */
const TODAY = '2026-06-15';

const key = (text: string) => createHash('sha256').update(text).digest('hex');
let periodCounter = 0;

/** A period as an importer would leave it: plain INSERT, keyed hashes made up from labels. */
async function insertPeriod(
  db: DataSource,
  values: {
    student: string;
    employerId?: number | null;
    businessId?: string | null;
    workplaceName?: string;
    kind?: 'training_agreement' | 'apprenticeship';
    startsOn: string;
    endsOn?: string | null;
    qualificationCode?: string | null;
    qualificationName?: string | null;
    campusName?: string | null;
    instructorId?: number | null;
    apprenticeshipEndedOn?: string | null;
    endedInTrial?: boolean | null;
  },
): Promise<void> {
  periodCounter += 1;
  await db.query(
    `INSERT INTO workplace_learning_periods (period_key, student_key, sources, employer_id, business_id, workplace_name,
       kind, starts_on, ends_on, qualification_code, qualification_name, campus_name, instructor_id,
       apprenticeship_ended_on, ended_in_trial)
     VALUES ($1, $2, '{koski}', $3, COALESCE($4, (SELECT business_id FROM employers WHERE id = $3)), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      key(`period ${periodCounter} ${values.student}`),
      key(`student ${values.student}`),
      values.employerId ?? null,
      values.businessId ?? null,
      values.workplaceName ?? 'Työpaikka',
      values.kind ?? 'training_agreement',
      values.startsOn,
      values.endsOn ?? null,
      values.qualificationCode ?? null,
      values.qualificationName ?? null,
      values.campusName ?? null,
      values.instructorId ?? null,
      values.apprenticeshipEndedOn ?? null,
      values.endedInTrial ?? null,
    ],
  );
}

let surveyCounter = 0;

async function insertSurvey(
  db: DataSource,
  values: {
    employerId: number;
    kind?: 'workplace' | 'instructor';
    validFrom: string;
    validUntil: string;
    answers?: number;
    url?: string;
  },
): Promise<string> {
  surveyCounter += 1;
  const code = `TPK-${surveyCounter}`;
  await db.query(
    `INSERT INTO feedback_surveys (kind, code, employer_id, url, valid_from, valid_until, answers, targets)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 1)`,
    [
      values.kind ?? 'workplace',
      code,
      values.employerId,
      values.url ?? `https://arvo.example.fi/v/${code}`,
      values.validFrom,
      values.validUntil,
      values.answers ?? 0,
    ],
  );
  return code;
}

describe('workplace learning reads', () => {
  const context = useTestApp();
  let north: number;
  let south: number;
  let admin: Client;
  let leadership: Client;
  let memberNorth: SignedIn;
  let memberSouth: SignedIn;
  const ids: Record<string, number> = {};
  const codes: Record<string, string> = {};

  beforeAll(async () => {
    jest.spyOn(context.app.get(Clock), 'now').mockReturnValue(new Date(`${TODAY}T09:00:00Z`));
    const db = context.dataSource;
    // A database that already holds data: an unrelated group with its own employer and periods.
    const other = await context.createCampusGroup('Muu ryhmä');
    const unrelated = await insertEmployer(db, {
      name: 'Ulkopuolinen Oy',
      businessId: validBusinessIdFrom(4_100_080),
      ownerCampusGroupId: other,
    });
    await insertPeriod(db, { student: 'x1', employerId: unrelated, startsOn: '2024-01-01', endsOn: '2024-02-01' });

    north = await context.createCampusGroup('Pohjoinen WL');
    south = await context.createCampusGroup('Etelä WL');
    admin = await context.signedIn('admin');
    leadership = await context.signedIn('leadership');
    memberNorth = await context.signedIn('campus_member', [north]);
    memberSouth = await context.signedIn('campus_member', [south]);
    const manager = await context.createUser('account_manager', [], 'wl.manager@example.fi');

    ids.alfa = await insertEmployer(db, {
      name: 'Alfa WL Oy',
      ownerCampusGroupId: north,
      businessId: validBusinessIdFrom(4_100_010),
      accountManagerId: manager,
    });
    for (const [key, name, businessIdSeed, ownerCampusGroupId] of [
      ['beta', 'Beta WL Oy', 4_100_030, north],
      ['gamma', 'Gamma WL Oy', 4_100_040, south],
      ['epsilon', 'Epsilon WL Oy', 4_100_050, north],
      ['zeta', 'Zeta WL Oy', 4_100_060, south],
      ['empty', 'Tyhjä WL Oy', 4_100_070, north],
    ] as const) {
      ids[key] = await insertEmployer(db, {
        name,
        businessId: validBusinessIdFrom(businessIdSeed),
        ownerCampusGroupId,
      });
    }
    ids.instructor = await insertContactPerson(db, ids.alfa, 'Ilona Ohjaaja');
    await db.query(`UPDATE contact_persons SET email = 'ilona@example.fi', source = 'ehoks' WHERE id = $1`, [
      ids.instructor,
    ]);

    // Alfa: s1 spans the year boundary and has an overlapping second period; s2 is open-ended and
    // has a future period; s3's apprenticeship ended in its trial period.
    const q = { qualificationCode: '351101', qualificationName: 'Liiketoiminnan perustutkinto' };
    await insertPeriod(db, { student: 's1', employerId: ids.alfa, startsOn: '2025-11-01', endsOn: '2026-02-28', ...q });
    await insertPeriod(db, { student: 's1', employerId: ids.alfa, startsOn: '2026-02-01', endsOn: '2026-03-31', ...q });
    await insertPeriod(db, {
      student: 's2',
      employerId: ids.alfa,
      kind: 'apprenticeship',
      startsOn: '2026-05-01',
      instructorId: ids.instructor,
      ...q,
    });
    await insertPeriod(db, { student: 's2', employerId: ids.alfa, startsOn: '2026-09-01', endsOn: '2026-12-31', ...q });
    await insertPeriod(db, {
      student: 's3',
      employerId: ids.alfa,
      kind: 'apprenticeship',
      startsOn: '2024-03-01',
      endsOn: '2024-09-30',
      qualificationCode: '999',
      qualificationName: 'Muu tutkinto',
      apprenticeshipEndedOn: '2024-09-30',
      endedInTrial: true,
    });
    // Beta hosts now and was called 10 days ago; Gamma (south) hosts now and was never called.
    await insertPeriod(db, { student: 'b1', employerId: ids.beta, startsOn: '2026-06-01', endsOn: '2026-06-30' });
    await insertPeriod(db, { student: 'g1', employerId: ids.gamma, startsOn: '2026-04-01', endsOn: '2026-08-31' });
    // Epsilon hosted two students last year, none this year; Zeta's open-ended period from last year goes on.
    await insertPeriod(db, { student: 'e1', employerId: ids.epsilon, startsOn: '2025-03-01', endsOn: '2025-05-31' });
    await insertPeriod(db, { student: 'e2', employerId: ids.epsilon, startsOn: '2025-09-01', endsOn: '2025-12-20' });
    await insertPeriod(db, { student: 'z1', employerId: ids.zeta, kind: 'apprenticeship', startsOn: '2025-10-01' });
    await db.query(`UPDATE employers SET last_contact_at = $2 WHERE id = $1`, [ids.alfa, '2026-03-07T10:00:00Z']);
    await db.query(`UPDATE employers SET last_contact_at = $2 WHERE id = $1`, [ids.beta, '2026-06-05T10:00:00Z']);
    await db.query(`UPDATE employers SET last_contact_at = $2 WHERE id = $1`, [ids.epsilon, '2026-01-10T10:00:00Z']);

    // Periods of no employer: two without a Y-tunnus, three under an unknown one, one whose
    // Y-tunnus is Alfa's (not unknown, only not linked).
    await insertPeriod(db, {
      student: 'n1',
      workplaceName: 'Kioski ilman tunnusta',
      startsOn: '2026-02-01',
      endsOn: '2026-03-01',
      campusName: 'Keskustan toimipiste',
      ...q,
    });
    await insertPeriod(db, { student: 'n2', workplaceName: 'Toinen ilman tunnusta', startsOn: '2026-04-01' });
    const unknown = validBusinessIdFrom(4_100_020);
    codes.unknown = unknown;
    for (const [student, campus] of [
      ['u1', 'Keskustan toimipiste'],
      ['u2', 'Rannan toimipiste'],
      ['u2', null],
    ] as const) {
      await insertPeriod(db, {
        student,
        businessId: unknown,
        workplaceName: 'Tuntematon Ky',
        startsOn: '2026-01-15',
        campusName: campus,
      });
    }
    await insertPeriod(db, {
      student: 'a9',
      businessId: validBusinessIdFrom(4_100_010),
      workplaceName: 'Alfa',
      startsOn: '2026-01-01',
    });

    // Surveys: Alfa answered, open (closing in 15 days) and expired; Beta's closes today (still
    // open) and another expired; Gamma's closes in 35 days; the south group answered one.
    codes.answered = await insertSurvey(db, {
      employerId: ids.alfa,
      validFrom: '2025-08-01',
      validUntil: '2025-12-31',
      answers: 1,
    });
    codes.open = await insertSurvey(db, { employerId: ids.alfa, validFrom: '2026-01-01', validUntil: '2026-06-30' });
    codes.expired = await insertSurvey(db, { employerId: ids.alfa, validFrom: '2025-01-01', validUntil: '2025-06-30' });
    codes.betaToday = await insertSurvey(db, { employerId: ids.beta, validFrom: '2026-01-01', validUntil: TODAY });
    await insertSurvey(db, { employerId: ids.beta, validFrom: '2025-09-01', validUntil: '2026-02-28' });
    await insertSurvey(db, { employerId: ids.gamma, validFrom: '2026-01-01', validUntil: '2026-07-20' });
    await insertSurvey(db, { employerId: ids.zeta, validFrom: '2026-01-01', validUntil: '2026-03-31', answers: 2 });
    for (const answers of [1, 0, 0]) {
      await insertSurvey(db, {
        employerId: ids.alfa,
        kind: 'instructor',
        validFrom: '2026-01-01',
        validUntil: '2026-03-01',
        answers,
      });
    }
  });

  async function section(client: Client, employerId: number) {
    return client.get(`/api/employers/${employerId}/workplace-learning`);
  }

  describe('employer section', () => {
    it('counts students per year and kind, ongoing, qualifications and days without double counting', async () => {
      const response = await section(admin, ids.alfa);
      expect(response.status).toBe(200);
      const body = response.body as EmployerWorkplaceLearningDto;
      expect(body.today).toBe(TODAY);
      expect(body.hasData).toBe(true);
      // s1's period from November to February counts in 2025 and 2026; s2's open-ended and future periods in 2026.
      expect(body.years).toEqual([
        { year: 2026, trainingAgreement: 2, apprenticeship: 1, total: 2 },
        { year: 2025, trainingAgreement: 1, apprenticeship: 0, total: 1 },
        { year: 2024, trainingAgreement: 0, apprenticeship: 1, total: 1 },
      ]);
      expect(body.ongoing).toEqual({ trainingAgreement: 0, apprenticeship: 1, total: 1 });
      expect(body.qualifications).toEqual([
        { code: '351101', name: 'Liiketoiminnan perustutkinto', students: 2 },
        { code: '999', name: 'Muu tutkinto', students: 1 },
      ]);
      // s1 1.11.2025–31.3.2026 once (151), s2 1.5.–15.6.2026 up to today (46), s3 1.3.–30.9.2024 (214).
      expect(body.totalDays).toBe(151 + 46 + 214);
      expect(body.endedApprenticeships).toEqual([
        { endedOn: '2024-09-30', inTrialPeriod: true, qualificationName: 'Muu tutkinto' },
      ]);
      expect(body.instructors).toEqual([
        {
          contactPersonId: ids.instructor,
          name: 'Ilona Ohjaaja',
          email: 'ilona@example.fi',
          phone: null,
          periods: 1,
          latestPeriodStartsOn: '2026-05-01',
        },
      ]);
    });

    it('gives each workplace survey its state on the fixed day, with the link only while open', async () => {
      const body = (await section(admin, ids.alfa)).body as EmployerWorkplaceLearningDto;
      expect(body.workplaceSurveys.map(({ code, state, url, halfYear }) => ({ code, state, url, halfYear }))).toEqual([
        { code: codes.open, state: 'open', url: `https://arvo.example.fi/v/${codes.open}`, halfYear: '2026-1' },
        { code: codes.answered, state: 'answered', url: null, halfYear: '2025-2' },
        { code: codes.expired, state: 'expired', url: null, halfYear: '2025-1' },
      ]);
      expect(body.instructorSurveys).toEqual({ sent: 3, answered: 1 });

      const beta = (await section(admin, ids.beta)).body as EmployerWorkplaceLearningDto;
      // The last valid day is today: still open.
      expect(beta.workplaceSurveys.find((survey) => survey.code === codes.betaToday)?.state).toBe('open');
    });

    it('says there is no data for an employer no export names', async () => {
      const body = (await section(admin, ids.empty)).body as EmployerWorkplaceLearningDto;
      expect(body).toMatchObject({ hasData: false, years: [], totalDays: 0, workplaceSurveys: [] });
      expect(body.ongoing.total).toBe(0);
    });

    it('answers as the employer does: own group 200, another group 404, unknown 404', async () => {
      expect((await section(memberNorth, ids.alfa)).status).toBe(200);
      expect((await section(leadership, ids.alfa)).status).toBe(200);
      expect((await section(memberSouth, ids.alfa)).status).toBe(404);
      expect((await memberSouth.get(`/api/employers/${ids.alfa}`)).status).toBe(404);
      expect((await section(admin, 2_000_000_000)).status).toBe(404);
    });
  });

  describe('call lists', () => {
    async function employerList(client: Client, list: string, query = '') {
      const response = await client.get(`/api/call-lists/${list}${query}`);
      expect(response.status).toBe(200);
      const body = response.body as CallListPageDto<'no-recent-contact'>;
      const mine = new Set(Object.values(ids));
      return { ...body, items: body.items.filter((item) => mine.has(item.employerId)) };
    }
    const names = (items: CallListEmployerRowDto[]) => items.map((item) => item.employerName);

    it('lists employers hosting now with no contact in 90 days, never contacted first', async () => {
      const body = await employerList(admin, 'no-recent-contact');
      expect(body.today).toBe(TODAY);
      expect(names(body.items)).toEqual(['Gamma WL Oy', 'Zeta WL Oy', 'Alfa WL Oy']);
      expect(body.items[2]).toMatchObject({
        studentsNow: 1,
        lastContactAt: '2026-03-07T10:00:00.000Z',
        accountManagerName: expect.stringContaining('account_manager'),
      });
    });

    it('lists open unanswered workplace surveys closing within 30 days, nearest first', async () => {
      const body = await employerList(admin, 'survey-deadline');
      expect(body.items.map((item) => [item.employerName, item.surveyDeadline, item.surveyUrl])).toEqual([
        ['Beta WL Oy', TODAY, `https://arvo.example.fi/v/${codes.betaToday}`],
        ['Alfa WL Oy', '2026-06-30', `https://arvo.example.fi/v/${codes.open}`],
      ]);
    });

    it('lists employers that hosted last year and nobody this year', async () => {
      const body = await employerList(admin, 'lapsed-hosts');
      expect(body.items.map((item) => [item.employerName, item.lastYearStudents])).toEqual([['Epsilon WL Oy', 2]]);
    });

    it('filters by campus group and keeps a campus member to their own groups', async () => {
      expect(names((await employerList(admin, 'no-recent-contact', `?campusGroupId=${south}`)).items)).toEqual([
        'Gamma WL Oy',
        'Zeta WL Oy',
      ]);
      const member = await memberNorth.get('/api/call-lists/no-recent-contact');
      expect(names((member.body as CallListPageDto<'no-recent-contact'>).items)).toEqual(['Alfa WL Oy']);
      expect((member.body as CallListPageDto).total).toBe(1);
      // Asking for another group's employers gives nothing, not them.
      const other = await memberNorth.get(`/api/call-lists/no-recent-contact?campusGroupId=${south}`);
      expect((other.body as CallListPageDto).total).toBe(0);
    });

    it('pages with a total', async () => {
      const first = await admin.get('/api/call-lists/no-recent-contact?limit=1');
      const second = await admin.get('/api/call-lists/no-recent-contact?limit=1&offset=1');
      expect((first.body as CallListPageDto).total).toBe(3);
      expect((first.body as CallListPageDto).items).toHaveLength(1);
      expect((second.body as CallListPageDto).offset).toBe(1);
      expect((second.body as CallListPageDto<'no-recent-contact'>).items[0].employerName).toBe('Zeta WL Oy');
      expect((await admin.get('/api/call-lists/no-recent-contact?limit=0')).status).toBe(400);
      expect((await admin.get('/api/call-lists/not-a-list')).status).toBe(404);
    });

    it('lists periods without a Y-tunnus and unknown Y-tunnukset to roles that read every employer', async () => {
      const periods = await leadership.get('/api/call-lists/periods-without-business-id');
      expect(periods.status).toBe(200);
      const periodItems = (periods.body as CallListPageDto<'periods-without-business-id'>).items;
      expect(periodItems.map((item: PeriodWithoutBusinessIdDto) => item.workplaceName)).toEqual([
        'Toinen ilman tunnusta',
        'Kioski ilman tunnusta',
      ]);
      expect(periodItems[1]).toMatchObject({
        startsOn: '2026-02-01',
        endsOn: '2026-03-01',
        qualificationName: 'Liiketoiminnan perustutkinto',
        campusName: 'Keskustan toimipiste',
      });

      const unknown = await admin.get('/api/call-lists/unknown-business-ids');
      expect(unknown.status).toBe(200);
      expect((unknown.body as CallListPageDto<'unknown-business-ids'>).total).toBe(1);
      const [row] = (unknown.body as CallListPageDto<'unknown-business-ids'>).items;
      expect(row).toEqual({
        businessId: codes.unknown,
        workplaceName: 'Tuntematon Ky',
        periods: 3,
        students: 2,
        latestStartsOn: '2026-01-15',
        campusNames: ['Keskustan toimipiste', 'Rannan toimipiste'],
      });
    });

    it('refuses the period lists and their exports to a campus member (they belong to no group)', async () => {
      for (const list of ['periods-without-business-id', 'unknown-business-ids']) {
        expect((await memberNorth.get(`/api/call-lists/${list}`)).status).toBe(403);
        expect((await memberNorth.get(`/api/call-lists/${list}/export.csv`)).status).toBe(403);
      }
    });
  });

  describe('call list export', () => {
    it('writes the whole list as CSV with Finnish headers and dates', async () => {
      const response = await admin.get('/api/call-lists/survey-deadline/export.csv');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['content-disposition']).toMatch(/soittolista-tyopaikkakysely-sulkeutuu-.*\.csv/);
      const lines = response.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe(
        'Työnantaja;Työnantajan tunnus;Vastuuhenkilö;Kysely sulkeutuu;Kyselyn linkki;Viimeisin yhteydenotto',
      );
      expect(lines).toContain(
        `Beta WL Oy;${ids.beta};;15.6.2026;https://arvo.example.fi/v/${codes.betaToday};5.6.2026`,
      );
      expect(lines.findIndex((line) => line.startsWith('Beta WL Oy'))).toBeLessThan(
        lines.findIndex((line) => line.startsWith('Alfa WL Oy')),
      );
    });

    it('obeys the same scope as the list', async () => {
      const member = await memberNorth.get('/api/call-lists/no-recent-contact/export.csv');
      expect(member.status).toBe(200);
      expect(member.text).toContain('Alfa WL Oy');
      expect(member.text).not.toContain('Gamma WL Oy');
      expect(member.text).not.toContain('Zeta WL Oy');
      const filtered = await admin.get(`/api/call-lists/no-recent-contact/export.csv?campusGroupId=${south}`);
      expect(filtered.text).toContain('Gamma WL Oy');
      expect(filtered.text).not.toContain('Alfa WL Oy');
    });

    it('exports the periods without a Y-tunnus', async () => {
      const response = await admin.get('/api/call-lists/periods-without-business-id/export.csv');
      expect(response.text).toContain(
        'Kioski ilman tunnusta;koulutussopimus;1.2.2026;1.3.2026;351101;Liiketoiminnan perustutkinto;Keskustan toimipiste',
      );
    });
  });

  describe('dashboard figures', () => {
    const query = '?from=2025-08-01&to=2026-06-15';

    it('counts students per campus group, kind and term, and the survey response rate', async () => {
      const response = await admin.get(`/api/dashboard/workplace-learning${query}`);
      expect(response.status).toBe(200);
      const body = response.body as WorkplaceLearningDashboardDto;
      expect(body.terms).toEqual(['2025-autumn', '2026-spring']);
      const rows = body.hosted
        .filter((row) => row.campusGroupId === north || row.campusGroupId === south)
        .map((row) => [row.campusGroupName, row.term, row.trainingAgreement, row.apprenticeship]);
      // North autumn 2025: Alfa's s1 and Epsilon's e2; spring 2026: s1 and Beta's b1, s2's apprenticeship.
      // South: Zeta's open-ended apprenticeship in both terms, Gamma's training agreement in spring.
      expect(rows).toEqual([
        ['Etelä WL', '2025-autumn', 0, 1],
        ['Etelä WL', '2026-spring', 1, 1],
        ['Pohjoinen WL', '2025-autumn', 2, 0],
        ['Pohjoinen WL', '2026-spring', 2, 1],
      ]);
      const rates = body.responseRates.filter((row) => row.campusGroupId === north || row.campusGroupId === south);
      // North: Alfa's answered one and Beta's expired one are due; Beta's closing today is not yet.
      expect(rates).toEqual([
        { campusGroupId: south, campusGroupName: 'Etelä WL', answered: 1, due: 1, rate: 1 },
        { campusGroupId: north, campusGroupName: 'Pohjoinen WL', answered: 1, due: 2, rate: 0.5 },
      ]);
    });

    it('keeps a campus member to their groups and obeys the group filter', async () => {
      const member = (await memberNorth.get(`/api/dashboard/workplace-learning${query}`))
        .body as WorkplaceLearningDashboardDto;
      expect(new Set(member.hosted.map((row) => row.campusGroupId))).toEqual(new Set([north]));
      expect(member.responseRates.map((row) => row.campusGroupId)).toEqual([north]);
      const filtered = (await admin.get(`/api/dashboard/workplace-learning${query}&campusGroupId=${south}`))
        .body as WorkplaceLearningDashboardDto;
      expect(new Set(filtered.hosted.map((row) => row.campusGroupId))).toEqual(new Set([south]));
      expect((await admin.get('/api/dashboard/workplace-learning?from=2026-02-01&to=2026-01-01')).status).toBe(400);
      // A leap day's year before is 28 February (it was a 500, found by the hostile-input property test).
      expect((await admin.get('/api/dashboard/workplace-learning?to=2024-02-29')).status).toBe(200);
    });
  });
});
