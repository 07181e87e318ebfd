import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type {
  CreatedNationalEmployersDto,
  NationalImportPreviewDto,
  NationalImportSource,
  NationalImportStatusDto,
} from '@tyoelama/shared';
import { buildDemoPlan } from '../../tools/seed/demo-data';
import { type Client, type SignedIn, startTestApp, type TestContext } from '../../test/test-app';
import { expectFieldErrors } from '../../test/responses';

const SAMPLES = join(__dirname, '../../../samples/national');
const SAMPLE_FILES: Record<NationalImportSource, string> = {
  koski: 'koski-massaluovutus.json',
  ehoks: 'ehoks.json',
  arvo_workplace: 'arvo-tyopaikkakysely.csv',
  arvo_instructor: 'arvo-tyopaikkaohjaajakysely.csv',
};
const sample = (source: NationalImportSource) => readFileSync(join(SAMPLES, SAMPLE_FILES[source]));

/** A stand-in for YTJ that knows one company (found.json of the business-register tests). */
function startRegister(knownBusinessId: () => string | null): Promise<{ server: Server; url: string }> {
  const found = readFileSync(join(__dirname, '../business-register/fixtures/found.json'), 'utf8');
  const notFound = readFileSync(join(__dirname, '../business-register/fixtures/not-found.json'), 'utf8');
  const server = createServer((request, response) => {
    const businessId = new URL(request.url ?? '', 'http://x').searchParams.get('businessId');
    response
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(businessId === knownBusinessId() ? found : notFound);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, url: `http://127.0.0.1:${port}/opendata-ytj-api/v3` });
    }),
  );
}

describe('national imports API', () => {
  let context: TestContext;
  let register: Awaited<ReturnType<typeof startRegister>>;
  let registerKnows: string | null = null;
  let admin: SignedIn;
  let manager: SignedIn;
  let group: number;

  async function upload(
    client: Client,
    source: NationalImportSource,
    content: Buffer | string,
    fileName = SAMPLE_FILES[source],
  ) {
    return client
      .upload('/api/imports/national')
      .field('source', source)
      .field('ownerCampusGroupId', String(group))
      .attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), fileName);
  }

  async function previewOf(client: Client, source: NationalImportSource, content: Buffer | string) {
    const response = await upload(client, source, content);
    expect(response.status).toBe(201);
    return response.body as NationalImportPreviewDto;
  }

  async function importFile(client: Client, source: NationalImportSource, content: Buffer | string) {
    const preview = await previewOf(client, source, content);
    const response = await client.post(`/api/imports/national/${preview.id}/commit`);
    expect(response.status).toBe(200);
    return { preview, status: response.body as NationalImportStatusDto };
  }

  async function value<T>(sql: string, params: unknown[] = []): Promise<T> {
    const [row] = await context.dataSource.query(sql, params);
    return Object.values(row as object)[0] as T;
  }

  const auditCount = () => value<number>(`SELECT count(*)::int FROM audit_events`);
  /** The periods' whole content, to compare before and after. */
  const periodsDigest = () =>
    value<string>(`SELECT md5(string_agg(p::text, '|' ORDER BY id)) FROM workplace_learning_periods p`);

  beforeAll(async () => {
    register = await startRegister(() => registerKnows);
    context = await startTestApp({ prhApiUrl: register.url, prhTimeoutMs: 1000 });
    admin = await context.signedIn('admin');
    manager = await context.signedIn('account_manager');
    group = await context.createCampusGroup('Hervannan Campus-ryhmä');
    await seedDemoEmployers();
  });
  afterAll(async () => {
    await context.close();
    register.server.closeAllConnections();
    await new Promise((resolve) => register.server.close(resolve));
  });

  /** The demo seed's employers and contact persons, the data the sample files were made for. */
  async function seedDemoEmployers(): Promise<void> {
    const plan = buildDemoPlan({ now: new Date('2026-01-12T10:00:00Z'), today: '2026-01-12' });
    const ids: { id: number }[] = await context.dataSource.query(
      `INSERT INTO employers (name, business_id, owner_campus_group_id, status)
       SELECT name, business_id, $3, 'partner' FROM unnest($1::text[], $2::text[]) AS e(name, business_id)
       RETURNING id`,
      [plan.employers.map((employer) => employer.name), plan.employers.map((employer) => employer.businessId), group],
    );
    await context.dataSource.query(
      `INSERT INTO employer_campus_groups (employer_id, campus_group_id) SELECT unnest($1::int[]), $2`,
      [ids.map((row) => row.id), group],
    );
    await context.dataSource.query(
      `INSERT INTO contact_persons (employer_id, name, email)
       SELECT (SELECT id FROM employers WHERE name = e.employer), e.name, e.email
         FROM unnest($1::text[], $2::text[], $3::text[]) AS e(employer, name, email)`,
      [
        plan.persons.map((person) => plan.employers[person.employer].name),
        plan.persons.map((person) => person.name),
        plan.persons.map((person) => person.email),
      ],
    );
  }

  /** Periods in the KOSKI sample, counted from the file itself. */
  function koskiPeriodsInSample(): { total: number; without: number } {
    let total = 0;
    let without = 0;
    for (const student of JSON.parse(sample('koski').toString('utf8')) as {
      opiskeluoikeudet: {
        suoritukset: Record<string, { osaamisenHankkimistapa: { tunniste: { koodiarvo: string } } }[]>[];
      }[];
    }[]) {
      for (const completion of student.opiskeluoikeudet.flatMap((right) => right.suoritukset)) {
        const agreements = (completion['koulutussopimukset'] ?? []) as unknown as Record<string, unknown>[];
        total += agreements.length;
        without += agreements.filter((period) => !period['työssäoppimispaikanYTunnus']).length;
        total += (completion['osaamisenHankkimistavat'] ?? []).filter(
          (way) => way.osaamisenHankkimistapa.tunniste.koodiarvo === 'oppisopimus',
        ).length;
      }
    }
    return { total, without };
  }

  describe('refusals and rights', () => {
    it('refuses a campus member and leadership (403); another user sees no batch of mine (404)', async () => {
      const member = await context.signedIn('campus_member', [group]);
      const leadership = await context.signedIn('leadership');
      expect((await upload(member, 'koski', sample('koski'))).status).toBe(403);
      expect((await upload(leadership, 'koski', sample('koski'))).status).toBe(403);
      const preview = await previewOf(manager, 'arvo_workplace', sample('arvo_workplace'));
      const other = await context.signedIn('account_manager');
      expect((await other.get(`/api/imports/national/${preview.id}`)).status).toBe(404);
      expect((await other.post(`/api/imports/national/${preview.id}/commit`)).status).toBe(404);
      // Nor is a national batch an employer import.
      expect((await manager.get(`/api/imports/${preview.id}`)).status).toBe(404);
      expect((await admin.get(`/api/imports/national/${preview.id}`)).status).toBe(200);
    });

    it.each([
      ['koski', '['.repeat(100) + ']'.repeat(100), 'too_deep'],
      ['koski', '{"henkilö": ', 'not_json'],
      ['koski', readFileSync(join(SAMPLES, SAMPLE_FILES.ehoks)).toString('utf8'), 'not_an_export'],
      ['ehoks', readFileSync(join(SAMPLES, SAMPLE_FILES.koski)).toString('utf8'), 'not_an_export'],
      ['ehoks', '', 'empty_file'],
      ['arvo_workplace', 'tunnus;url\nABC;https://x\n', 'missing_columns'],
      ['arvo_instructor', readFileSync(join(SAMPLES, SAMPLE_FILES.arvo_workplace)).toString('utf8'), 'missing_columns'],
    ] as const)('refuses a %s upload that is no such export: 400 %s', async (source, content, code) => {
      const response = await upload(manager, source, content);
      expectFieldErrors(response, [expect.objectContaining({ path: 'file', code })]);
    });

    it('refuses an Arvo CSV over its limit with 413, and an unknown source with a field error', async () => {
      const big = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
      const response = await upload(manager, 'arvo_workplace', big);
      expect(response.status).toBe(413);
      expect(response.body.fieldErrors).toEqual([expect.objectContaining({ path: 'file', code: 'file_too_large' })]);
      const unknown = await upload(manager, 'vipunen' as NationalImportSource, '[]');
      expectFieldErrors(unknown, [expect.objectContaining({ path: 'source' })]);
    });
  });

  describe('KOSKI, eHOKS and Arvo samples', () => {
    let koskiPreview: NationalImportPreviewDto;

    it('previews the KOSKI sample: periods, matches, unknown and missing Y-tunnus, nothing written', async () => {
      const before = await periodsDigest();
      koskiPreview = await previewOf(manager, 'koski', sample('koski'));
      const expected = koskiPeriodsInSample();
      expect(koskiPreview.records).toBe(expected.total);
      expect(koskiPreview.withoutBusinessIdCount).toBe(expected.without);
      expect(koskiPreview.withoutBusinessId.reduce((sum, entry) => sum + entry.count, 0)).toBe(expected.without);
      expect(koskiPreview.problemCount).toBe(0);
      expect(koskiPreview.matchedHidden).toBe(0);
      expect(
        koskiPreview.matched +
          koskiPreview.withoutBusinessIdCount +
          koskiPreview.unknown.reduce((s, u) => s + u.count, 0),
      ).toBe(expected.total);
      expect(koskiPreview.unknown.length).toBeGreaterThan(3);
      expect(koskiPreview.unknown[0]).toEqual({
        businessId: expect.stringMatching(/^\d{7}-\d$/),
        name: expect.stringMatching(/ (Oy|Ky)$/),
        count: expect.any(Number),
      });
      expect(koskiPreview.range).toEqual({
        from: expect.stringMatching(/^2024-/),
        to: expect.stringMatching(/^20\d\d-/),
      });
      expect(await periodsDigest()).toBe(before);
    });

    it('creates the unknown employers as prospects, from YTJ where it answers, with their audit rows', async () => {
      const [first, second] = koskiPreview.unknown;
      registerKnows = first.businessId;
      const response = await manager.post(`/api/imports/national/${koskiPreview.id}/employers`, {
        businessIds: [first.businessId, second.businessId, '0000000-0'],
      });
      expect(response.status).toBe(200);
      const body = response.body as CreatedNationalEmployersDto;
      expect(body.created).toEqual([
        { employerId: expect.any(Number), businessId: first.businessId, name: 'Esimerkki Oyj', fromRegister: true },
        { employerId: expect.any(Number), businessId: second.businessId, name: second.name, fromRegister: false },
      ]);
      expect(body.skipped).toEqual(['0000000-0']);
      const [created] = await context.dataSource.query(
        `SELECT status, municipality, owner_campus_group_id FROM employers WHERE id = $1`,
        [body.created[0].employerId],
      );
      expect(created).toEqual({ status: 'prospect', municipality: 'Helsinki', owner_campus_group_id: group });
      const audits = await context.dataSource.query(
        `SELECT action FROM audit_events WHERE entity_type = 'employer' AND entity_id = ANY($1::int[])`,
        [body.created.map((entry) => entry.employerId)],
      );
      expect(audits).toEqual([{ action: 'create' }, { action: 'create' }]);
      // Asked again, they are no longer unknown.
      const again = await manager.post(`/api/imports/national/${koskiPreview.id}/employers`, {
        businessIds: [first.businessId],
      });
      expect(again.body).toEqual({ created: [], skipped: [first.businessId] });
    });

    it('commits the KOSKI sample with one audit event; the same file again changes nothing', async () => {
      const audits = await auditCount();
      const response = await manager.post(`/api/imports/national/${koskiPreview.id}/commit`);
      expect(response.status).toBe(200);
      const status = response.body as NationalImportStatusDto;
      expect(status.status).toBe('done');
      expect(status.report).toMatchObject({
        source: 'koski',
        inserted: koskiPreview.records,
        updated: 0,
        removed: 0,
        failed: 0,
        instructorsCreated: 0,
      });
      // The two employers created above now match their periods.
      expect(status.report!.matched).toBe(
        koskiPreview.matched + koskiPreview.unknown[0].count + koskiPreview.unknown[1].count,
      );
      expect(await auditCount()).toBe(audits + 1);
      const [event] = await context.dataSource.query(
        `SELECT action, changes FROM audit_events WHERE entity_type = 'import_batch' AND entity_id = $1`,
        [koskiPreview.id],
      );
      expect(event.action).toBe('import');
      expect(event.changes.inserted).toEqual([null, koskiPreview.records]);
      expect(await value<number>(`SELECT count(*)::int FROM workplace_learning_periods`)).toBe(koskiPreview.records);
      expect(
        await value<number>(`SELECT count(*)::int FROM workplace_learning_periods WHERE kind = 'apprenticeship'`),
      ).toBeGreaterThan(0);
      expect(
        await value<number>(
          `SELECT count(*)::int FROM workplace_learning_periods WHERE apprenticeship_ended_on IS NOT NULL`,
        ),
      ).toBeGreaterThan(0);
      // The batch no longer holds the records once they are written.
      expect(
        await value<number>(`SELECT jsonb_array_length(rows) FROM import_batches WHERE id = $1`, [koskiPreview.id]),
      ).toBe(0);
      expect((await manager.post(`/api/imports/national/${koskiPreview.id}/commit`)).status).toBe(409);

      const digest = await periodsDigest();
      const again = await importFile(manager, 'koski', sample('koski'));
      expect(again.status.report).toMatchObject({
        inserted: 0,
        updated: 0,
        unchanged: koskiPreview.records,
        removed: 0,
        sourceRemoved: 0,
      });
      expect(await periodsDigest()).toBe(digest);
      expect(await auditCount()).toBe(audits + 1);
    });

    it('merges the eHOKS sample into the KOSKI periods, adding instructors as contact persons', async () => {
      const persons = await value<number>(`SELECT count(*)::int FROM contact_persons`);
      const { preview, status } = await importFile(manager, 'ehoks', sample('ehoks'));
      expect(preview.instructors).toBeGreaterThan(10);
      expect(status.report!.instructorsCreated).toBeGreaterThan(0);
      const both = await value<number>(
        `SELECT count(*)::int FROM workplace_learning_periods WHERE sources = ARRAY['ehoks', 'koski']`,
      );
      expect(both).toBeGreaterThan(preview.records / 2);
      expect(status.report!.updated).toBe(both);
      expect(status.report!.inserted).toBe(preview.records - both);
      const created = await context.dataSource.query(
        `SELECT roles, source FROM contact_persons WHERE source = 'ehoks' GROUP BY roles, source`,
      );
      expect(created).toEqual([{ roles: ['workplace_instructor'], source: 'ehoks' }]);
      expect(await value<number>(`SELECT count(*)::int FROM contact_persons`)).toBe(
        persons + status.report!.instructorsCreated,
      );
      // Some instructors are persons the CRM already had (matched by e-mail, in other case): not added twice.
      expect(
        await value<number>(
          `SELECT count(DISTINCT p.id)::int FROM workplace_learning_periods w JOIN contact_persons p ON p.id = w.instructor_id
            WHERE p.source IS NULL`,
        ),
      ).toBeGreaterThan(0);
      expect(
        await value<number>(
          `SELECT count(*)::int FROM workplace_learning_periods w JOIN contact_persons p ON p.id = w.instructor_id
            WHERE p.employer_id IS DISTINCT FROM w.employer_id`,
        ),
      ).toBe(0);
      // The instructor's person shows where it came from.
      const [person] = await context.dataSource.query(
        `SELECT id, employer_id FROM contact_persons WHERE source = 'ehoks' LIMIT 1`,
      );
      const list = await manager.get(`/api/employers/${person.employer_id}/contacts`);
      expect(list.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: person.id, source: 'ehoks', roles: ['workplace_instructor'] }),
        ]),
      );

      const audits = await auditCount();
      const digest = await periodsDigest();
      const again = await importFile(manager, 'ehoks', sample('ehoks'));
      expect(again.status.report).toMatchObject({ inserted: 0, updated: 0, instructorsCreated: 0 });
      expect(await periodsDigest()).toBe(digest);
      expect(await auditCount()).toBe(audits);
    });

    it.each(['arvo_workplace', 'arvo_instructor'] as const)(
      'imports the %s sample, again without changes',
      async (source) => {
        const kind = source === 'arvo_workplace' ? 'workplace' : 'instructor';
        const { preview, status } = await importFile(manager, source, sample(source));
        expect(preview.records).toBe(sample(source).toString('utf8').trim().split('\n').length - 1);
        expect(preview.problemCount).toBe(0);
        expect(status.report).toMatchObject({ inserted: preview.records, updated: 0 });
        expect(await value<number>(`SELECT count(*)::int FROM feedback_surveys WHERE kind = $1`, [kind])).toBe(
          preview.records,
        );
        expect(
          await value<number>(
            `SELECT count(*)::int FROM feedback_surveys WHERE kind = $1 AND employer_id IS NOT NULL`,
            [kind],
          ),
        ).toBe(status.report!.matched);
        const audits = await auditCount();
        const again = await importFile(manager, source, sample(source));
        expect(again.status.report).toMatchObject({ inserted: 0, updated: 0, unchanged: preview.records, removed: 0 });
        expect(await auditCount()).toBe(audits);
      },
    );

    it('stores no student OID, henkilötunnus or name from the files in any table', async () => {
      const needles = new Set<string>();
      const koski = JSON.parse(sample('koski').toString('utf8')) as {
        henkilö: { oid: string; hetu: string; etunimet: string; sukunimi: string };
        opiskeluoikeudet: { oid: string }[];
      }[];
      for (const student of koski) {
        needles
          .add(student.henkilö.oid)
          .add(student.henkilö.hetu)
          .add(`${student.henkilö.etunimet} ${student.henkilö.sukunimi}`);
        for (const right of student.opiskeluoikeudet) needles.add(right.oid);
      }
      for (const hoks of JSON.parse(sample('ehoks').toString('utf8')) as Record<string, string>[]) {
        needles.add(hoks['oppija-oid']).add(hoks['opiskeluoikeus-oid']);
      }
      expect(needles.size).toBeGreaterThan(600);
      // Uploaded but never committed, the previews are stored too: they must hold no more than the tables.
      await previewOf(manager, 'koski', sample('koski'));
      await previewOf(manager, 'ehoks', sample('ehoks'));
      expect(await tablesContaining([...needles])).toEqual([]);
    });

    it('a KOSKI file of the same dates without a period removes it, or only its KOSKI source', async () => {
      const koski = JSON.parse(sample('koski').toString('utf8')) as {
        opiskeluoikeudet: { suoritukset: { koulutussopimukset: unknown[] }[] }[];
      }[];
      // Two training-agreement periods in the middle of the file's range: drop them from the export.
      const holders = koski.filter(
        (student) => student.opiskeluoikeudet[0].suoritukset[0].koulutussopimukset.length > 0,
      );
      const dropped = holders
        .slice(40, 42)
        .map((student) => student.opiskeluoikeudet[0].suoritukset[0].koulutussopimukset.pop());
      expect(dropped).toHaveLength(2);
      const before = await value<number>(`SELECT count(*)::int FROM workplace_learning_periods`);
      const { status } = await importFile(manager, 'koski', JSON.stringify(koski));
      expect(status.report!.removed + status.report!.sourceRemoved).toBe(2);
      expect(await value<number>(`SELECT count(*)::int FROM workplace_learning_periods`)).toBe(
        before - status.report!.removed,
      );
      expect(
        await value<number>(`SELECT count(*)::int FROM workplace_learning_periods WHERE sources = ARRAY['ehoks']`),
      ).toBeGreaterThanOrEqual(status.report!.sourceRemoved);
    });

    it('erasing an instructor leaves the period with no name of theirs anywhere', async () => {
      const [instructor] = await context.dataSource.query(
        `SELECT p.id, p.name, p.email FROM contact_persons p
          WHERE p.source = 'ehoks' AND EXISTS (SELECT 1 FROM workplace_learning_periods w WHERE w.instructor_id = p.id)
          ORDER BY p.id LIMIT 1`,
      );
      const response = await manager.post(`/api/contacts/${instructor.id}/erase`);
      expect(response.status).toBe(200);
      expect(
        await value<number>(`SELECT count(*)::int FROM workplace_learning_periods WHERE instructor_id = $1`, [
          instructor.id,
        ]),
      ).toBeGreaterThan(0);
      // An upload not committed keeps the file's records (instructors named) for at most a day; the
      // two previews of the scan above are such, so they go first.
      await context.dataSource.query(`DELETE FROM import_batches WHERE status = 'preview'`);
      expect(await tablesContaining([instructor.name, instructor.email])).toEqual([]);
    });
  });

  describe('two sources, one period', () => {
    const oid = '1.2.246.562.24.10000000001';
    const businessId = '3303038-8';
    const koskiFile = (periods: { alku: string; loppu?: string }[]) =>
      JSON.stringify([
        {
          henkilö: { oid, hetu: '010106A901R', etunimet: 'Testi', sukunimi: 'Opiskelija' },
          opiskeluoikeudet: [
            {
              oid: '1.2.246.562.15.10000000001',
              suoritukset: [
                {
                  koulutusmoduuli: {
                    tunniste: { koodiarvo: '351407', nimi: { fi: 'Sähkö- ja automaatioalan perustutkinto' } },
                  },
                  toimipiste: { oid: '1.2.246.562.10.1', nimi: { fi: 'Esimerkkiopisto, Hervanta' } },
                  koulutussopimukset: periods.map((period) => ({
                    ...period,
                    työssäoppimispaikka: { fi: 'Testityö Oy' },
                    työssäoppimispaikanYTunnus: businessId,
                    paikkakunta: { koodiarvo: '837' },
                    maa: { koodiarvo: '246' },
                  })),
                  uusiKenttä: { tuntematon: true },
                },
              ],
            },
          ],
        },
      ]);
    const ehoksFile = (instructor: { nimi: string; sahkoposti?: string }, starts = ['2031-02-01']) =>
      JSON.stringify([
        {
          'oppija-oid': oid,
          'opiskeluoikeus-oid': '1.2.246.562.15.10000000001',
          'hankittavat-yhteiset-tutkinnon-osat': [
            {
              'osa-alueet': [
                {
                  'osaamisen-hankkimistavat': starts.map((alku) => ({
                    'osaamisen-hankkimistapa-koodi-uri': 'osaamisenhankkimistapa_koulutussopimus',
                    alku,
                    loppu: '2031-03-31',
                    'osa-aikaisuustieto': 60,
                    'tyopaikalla-jarjestettava-koulutus': {
                      'tyopaikan-nimi': 'Testityö Oy',
                      'tyopaikan-y-tunnus': businessId,
                      'vastuullinen-tyopaikka-ohjaaja': instructor,
                      'keskeiset-tyotehtavat': ['Asennus'],
                    },
                  })),
                },
              ],
            },
          ],
        },
      ]);
    let employerId: number;

    beforeAll(async () => {
      [{ id: employerId }] = await context.dataSource.query(
        `INSERT INTO employers (name, business_id, owner_campus_group_id) VALUES ('Testityö Oy', $1, $2) RETURNING id`,
        [businessId, group],
      );
      await context.dataSource.query(
        `INSERT INTO contact_persons (employer_id, name) VALUES ($1, 'Öhman Pirjo-Liisa')`,
        [employerId],
      );
    });

    it('reads problems per record without naming the student, and leaves those records out', async () => {
      const preview = await previewOf(
        manager,
        'koski',
        koskiFile([{ alku: '2031-02-01', loppu: '2031-01-01' }, { alku: '31.2.2031' }, { alku: '2031-05-01' }]),
      );
      expect(preview.records).toBe(1);
      expect(preview.problemCount).toBe(2);
      expect(preview.problems).toEqual([
        { item: '1/1/k1', path: 'koulutussopimukset.0.loppu', code: 'dates_reversed' },
        { item: '1/1/k2', path: 'koulutussopimukset.1.alku', code: 'invalid_date' },
      ]);
      expect(JSON.stringify(preview)).not.toContain(oid);
    });

    it('the eHOKS period meets the KOSKI one; its instructor joins the person the employer has (by name)', async () => {
      await importFile(manager, 'koski', koskiFile([{ alku: '2031-02-01', loppu: '2031-03-31' }]));
      const { status } = await importFile(manager, 'ehoks', ehoksFile({ nimi: 'ÖHMAN  pirjo liisa' }));
      expect(status.report).toMatchObject({ inserted: 0, updated: 1, instructorsCreated: 0 });
      const periods = await context.dataSource.query(
        `SELECT w.sources, w.part_time_percent, w.qualification_code, w.ends_on::text, p.name
           FROM workplace_learning_periods w LEFT JOIN contact_persons p ON p.id = w.instructor_id
          WHERE w.employer_id = $1`,
        [employerId],
      );
      expect(periods).toEqual([
        {
          sources: ['ehoks', 'koski'],
          part_time_percent: 60,
          qualification_code: '351407',
          ends_on: '2031-03-31',
          name: 'Öhman Pirjo-Liisa',
        },
      ]);
    });

    it('a newer eHOKS export without the period takes only eHOKS off it (and its instructor)', async () => {
      await importFile(manager, 'ehoks', ehoksFile({ nimi: 'Uusi Ohjaaja', sahkoposti: 'uusi@testityo.fi' }));
      const [period] = await context.dataSource.query(
        `SELECT w.sources, p.name, p.source FROM workplace_learning_periods w LEFT JOIN contact_persons p ON p.id = w.instructor_id
          WHERE w.employer_id = $1`,
        [employerId],
      );
      expect(period).toEqual({ sources: ['ehoks', 'koski'], name: 'Uusi Ohjaaja', source: 'ehoks' });
      // The next export covers the period's dates with two other periods: eHOKS no longer has it.
      const { status } = await importFile(
        manager,
        'ehoks',
        ehoksFile({ nimi: 'Uusi Ohjaaja' }, ['2031-01-15', '2031-02-20']),
      );
      expect(status.report).toMatchObject({ inserted: 2, updated: 0, removed: 0, sourceRemoved: 1 });
      const rows = await context.dataSource.query(
        `SELECT starts_on::text, sources, instructor_id IS NOT NULL AS instructed
           FROM workplace_learning_periods WHERE employer_id = $1 ORDER BY starts_on`,
        [employerId],
      );
      expect(rows).toEqual([
        { starts_on: '2031-01-15', sources: ['ehoks'], instructed: true },
        { starts_on: '2031-02-01', sources: ['koski'], instructed: false },
        { starts_on: '2031-02-20', sources: ['ehoks'], instructed: true },
      ]);
      // And a KOSKI export of those dates without it deletes it.
      const koski = await importFile(manager, 'koski', koskiFile([{ alku: '2031-01-10' }, { alku: '2031-03-01' }]));
      expect(koski.status.report).toMatchObject({ inserted: 2, removed: 1, sourceRemoved: 0 });
    });

    it('uses one stored key when none is configured', async () => {
      expect(await value<number>(`SELECT count(*)::int FROM pseudonymisation_keys`)).toBe(1);
    });
  });

  /** The tables whose rows hold any of the strings (any case), every column of every table read as text. */
  async function tablesContaining(needles: string[]): Promise<string[]> {
    const tables: { table_name: string }[] = await context.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    const lowered = needles.filter(Boolean).map((needle) => needle.toLowerCase());
    const found: string[] = [];
    for (const { table_name } of tables) {
      const rows: { row: string }[] = await context.dataSource.query(`SELECT t::text AS row FROM "${table_name}" t`);
      const text = rows
        .map((row) => row.row)
        .join('\n')
        .toLowerCase();
      const hit = lowered.find((needle) => text.includes(needle));
      if (hit) found.push(`${table_name}: ${hit}`);
    }
    return found;
  }
});
