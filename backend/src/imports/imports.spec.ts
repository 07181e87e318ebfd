import { type ImportPreviewDto, type ImportStatusDto, validBusinessIdFrom } from '@tyoelama/shared';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { insertEmployer } from '../../test/fixtures';
import { IMPORT_COLUMNS } from '../../tools/seed/vocabulary';
import { type Client, type SignedIn, useTestApp } from '../../test/test-app';

async function upload(
  client: Client,
  content: Buffer | string,
  fields: Record<string, string | number>,
  fileName = 'tyonantajat.csv',
) {
  let request = client.upload('/api/imports');
  for (const [name, value] of Object.entries(fields)) request = request.field(name, String(value));
  return request.attach('file', Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), fileName);
}

/** Employers in the database before the import tests; the 1-based n-th is "Seed <word> n Oy" with seedBusinessId(n - 1). */
const SEEDED = 5000;
const SEED_BASE = 7_000_000;
const seedBusinessId = (index: number) => validBusinessIdFrom(SEED_BASE + index * 3);

const HEADER = IMPORT_COLUMNS.join(';');

describe('imports API', () => {
  const context = useTestApp();
  let admin: SignedIn;
  let manager: SignedIn;
  let groupA: number;
  let groupB: number;

  beforeAll(async () => {
    admin = await context.signedIn('admin');
    manager = await context.signedIn('account_manager');
    groupA = await context.createCampusGroup('Tekniikka');
    groupB = await context.createCampusGroup('Sote');
    await seedEmployers(groupB);
  });

  /**
   * The import must work on a database that holds data: SEEDED employers named like "Seed Kone
   * 17 Oy" with Y-tunnus from SEED_BASE, in one statement (the name-word trigger runs for each).
   */
  async function seedEmployers(groupId: number): Promise<void> {
    const businessIds = Array.from({ length: SEEDED }, (_, index) => seedBusinessId(index));
    await context.dataSource.query(
      `WITH seeded AS (
         INSERT INTO employers (name, business_id, owner_campus_group_id)
         SELECT 'Seed ' || (ARRAY['Kone', 'Leipomo', 'Hoiva', 'Kuljetus', 'Sähkö'])[1 + n % 5] || ' ' || n || ' Oy', b, $2
           FROM unnest($1::text[]) WITH ORDINALITY AS s(b, n)
         RETURNING id)
       INSERT INTO employer_campus_groups (employer_id, campus_group_id) SELECT id, $2 FROM seeded`,
      [businessIds, groupId],
    );
  }

  async function count(table: string): Promise<number> {
    const [{ count }] = await context.dataSource.query(`SELECT count(*)::int AS count FROM ${table}`);
    return count;
  }

  describe('preview', () => {
    it('reads a Windows-1252 CSV with ; and quoted fields, maps Finnish headers and values', async () => {
      const businessId = validBusinessIdFrom(3100000);
      const csv = [
        HEADER,
        `"Äijälän Konepaja; Oy";${businessId};25110;Jyväskylä;"Teollisuustie 1";40320;www.konepaja.fi;10–49;kumppani;"metalli, hitsaus";"Rivi 1\nRivi 2 ""lainaus""";Pekka Öberg;Toimitusjohtaja;pekka@konepaja.fi;+358 40 123 4567`,
        '',
        `Sähkö Oy;;F;Espoo;;2100;;;prospekti;;;;;;`,
      ].join('\r\n');
      const response = await upload(manager, iconv.encode(csv, 'win1252'), { ownerCampusGroupId: groupA });
      expect(response.status).toBe(201);
      const body = response.body as ImportPreviewDto;
      expect(body).toMatchObject({ totalRows: 2, validRows: 2, fileName: 'tyonantajat.csv' });
      expect(body.rows[0]).toMatchObject({
        rowNumber: 2,
        employer: {
          name: 'Äijälän Konepaja; Oy',
          businessId,
          industryClassification: 'TOL2025',
          industrySection: 'C',
          industryCode: '25110',
          municipality: 'Jyväskylä',
          postcode: '40320',
          website: 'https://www.konepaja.fi',
          sizeClass: '10-49',
          status: 'partner',
          tags: ['metalli', 'hitsaus'],
          description: 'Rivi 1\nRivi 2 "lainaus"',
          ownerCampusGroupId: groupA,
        },
        contacts: [
          { name: 'Pekka Öberg', title: 'Toimitusjohtaja', email: 'pekka@konepaja.fi', phone: '+358 40 123 4567' },
        ],
        errors: [],
        duplicate: null,
      });
      // The quoted description spans two lines and an empty line follows: the next record is on line 5.
      expect(body.rows[1]).toMatchObject({
        rowNumber: 5,
        employer: { name: 'Sähkö Oy', industrySection: 'F', postcode: '02100', status: 'prospect' },
        contacts: [],
        errors: [],
      });
      expect(await count('employers')).toBe(SEEDED);
    });

    it('reads UTF-8 with BOM and , with English headers, and reports field errors per row', async () => {
      const csv =
        '\uFEFFName,Business ID,Industry,Status,Contact name,Email\n' +
        'Good Oy,,Q,partner,Anna,anna@example.fi\n' +
        ',1234567-8,45200,unknown,,not-an-email\n';
      const response = await upload(manager, csv, { ownerCampusGroupId: groupA });
      expect(response.status).toBe(201);
      const body = response.body as ImportPreviewDto;
      expect(body.totalRows).toBe(2);
      expect(body.validRows).toBe(1);
      expect(body.rows[0].errors).toEqual([]);
      const paths = body.rows[1].errors.map((error) => `${error.path}:${error.code}`).sort();
      expect(paths).toEqual(
        expect.arrayContaining([
          'name:required',
          'businessId:business_id_checksum',
          'status:invalid_value',
          'industryCode:industry_code_unknown',
          'contacts.0.name:required',
          'contacts.0.email:invalid_regex',
        ]),
      );
    });

    it('derives the section of a code, refuses a code of another section or version, reads TOL 2008', async () => {
      const csv = [
        'Nimi;Toimialaluokitus;Pääluokka;Toimialakoodi',
        'Kauppa Oy;;;47110',
        'Väärä Oy;TOL 2025;C;47110',
        'Autoliike Oy;TOL 2008;;45200',
        'Vanha koodi Oy;;;45200',
        'Konepaja Oy;2025;c;25 110',
      ].join('\n');
      const response = await upload(manager, csv, { ownerCampusGroupId: groupA });
      expect(response.status).toBe(201);
      const body = response.body as ImportPreviewDto;
      expect(body.validRows).toBe(3);
      const industry = (index: number) => {
        const { industryClassification, industrySection, industryCode } = body.rows[index].employer;
        return { industryClassification, industrySection, industryCode };
      };
      expect(industry(0)).toEqual({ industryClassification: 'TOL2025', industrySection: 'G', industryCode: '47110' });
      expect(body.rows[0].errors).toEqual([]);
      expect(body.rows[1].errors).toEqual([
        expect.objectContaining({ path: 'industryCode', code: 'industry_code_section_mismatch' }),
      ]);
      expect(industry(2)).toEqual({ industryClassification: 'TOL2008', industrySection: 'G', industryCode: '45200' });
      expect(body.rows[3].errors).toEqual([
        expect.objectContaining({ path: 'industryCode', code: 'industry_code_unknown' }),
      ]);
      expect(industry(4)).toEqual({ industryClassification: 'TOL2025', industrySection: 'C', industryCode: '25110' });

      const committed = await manager.post(`/api/imports/${body.id}/commit`, { decisions: {} });
      expect(committed.body.report).toMatchObject({ created: 3, failed: 2 });
      const [stored] = await context.dataSource.query(
        `SELECT industry_classification, industry_section, industry_code FROM employers WHERE name = 'Kauppa Oy'`,
      );
      expect(stored).toEqual({ industry_classification: 'TOL2025', industry_section: 'G', industry_code: '47110' });
    });

    it("replaces an updated employer's industry whole, so a new section keeps no old code", async () => {
      const businessId = validBusinessIdFrom(3700000);
      const id = await insertEmployer(context.dataSource, {
        name: 'Toimialan vaihtaja Oy',
        businessId,
        ownerCampusGroupId: groupA,
      });
      await context.dataSource.query(
        `UPDATE employers SET industry_classification = 'TOL2025', industry_section = 'G', industry_code = '47110' WHERE id = $1`,
        [id],
      );
      const preview = (
        await upload(manager, `Nimi;Y-tunnus;Toimiala\nToimialan vaihtaja Oy;${businessId};C\n`, {
          ownerCampusGroupId: groupA,
        })
      ).body as ImportPreviewDto;
      await manager.post(`/api/imports/${preview.id}/commit`, { decisions: { 2: 'update' } });
      const [stored] = await context.dataSource.query(
        `SELECT industry_classification, industry_section, industry_code FROM employers WHERE id = $1`,
        [id],
      );
      expect(stored).toEqual({ industry_classification: 'TOL2025', industry_section: 'C', industry_code: null });
    });

    it('merges rows of the same employer inside the file and flags them as in-file duplicates', async () => {
      const businessId = validBusinessIdFrom(3200000);
      const csv = [
        'nimi;y-tunnus;yhteyshenkilo;sahkoposti',
        `Kauppa Oy;${businessId};Eeva;eeva@kauppa.fi`,
        `Kauppa Oyj;${businessId};Aapo;aapo@kauppa.fi`,
        `Leipomo Ky;;Liisa;`,
        `LEIPOMO KY;;Matti;`,
      ].join('\n');
      const body = (await upload(manager, csv, { ownerCampusGroupId: groupA })).body as ImportPreviewDto;
      expect(body.rows.map((row) => row.inFileDuplicateOf)).toEqual([undefined, 2, undefined, 4]);
      expect(body.rows[0].contacts.map((contact) => contact.name)).toEqual(['Eeva', 'Aapo']);
      expect(body.rows[2].contacts.map((contact) => contact.name)).toEqual(['Liisa', 'Matti']);
    });

    it('flags duplicates of existing employers by Y-tunnus and by a very similar name', async () => {
      const businessId = validBusinessIdFrom(3300000);
      const byId = await insertEmployer(context.dataSource, {
        name: 'Vanha Nimi Oy',
        ownerCampusGroupId: groupA,
        businessId,
      });
      const byName = await insertEmployer(context.dataSource, {
        name: 'Pirkanmaan Sähköasennus Oy',
        ownerCampusGroupId: groupB,
      });
      const csv = [
        'Nimi;Y-tunnus',
        `Uusi Nimi Oy;${businessId}`,
        'Pirkanmaan Sahkoasennus Oy;',
        'Täysin Eri Yritys Ab;',
      ].join('\n');
      const body = (await upload(manager, csv, { ownerCampusGroupId: groupA })).body as ImportPreviewDto;
      expect(body.rows[0].duplicate).toEqual({
        reason: 'business_id',
        employerId: byId,
        employerName: 'Vanha Nimi Oy',
      });
      expect(body.rows[1].duplicate).toMatchObject({ reason: 'similar_name', employerId: byName, similarity: 1 });
      expect(body.rows[2].duplicate).toBeNull();
      expect(body.duplicateRows).toBe(2);
    });

    it('reads the first worksheet of an .xlsx file', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Työnantajat');
      sheet.addRow(['Nimi', 'Postinumero', 'Kokoluokka', 'Tunnisteet']);
      sheet.addRow(['Excel Oy', 100, '250+', 'iso|tärkeä']);
      workbook.addWorksheet('Muuta').addRow(['ei luettu']);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
      const response = await upload(manager, buffer, { ownerCampusGroupId: groupA }, 'tyonantajat.xlsx');
      expect(response.status).toBe(201);
      expect(response.body.rows).toEqual([
        expect.objectContaining({
          rowNumber: 2,
          employer: expect.objectContaining({
            name: 'Excel Oy',
            postcode: '00100',
            sizeClass: '250+',
            tags: ['iso', 'tärkeä'],
          }),
          errors: [],
        }),
      ]);
    });

    it('rejects a missing file, an unknown campus group and an ineligible account manager with field errors', async () => {
      const noFile = await manager.upload('/api/imports').field('ownerCampusGroupId', String(groupA));
      expect(noFile.status).toBe(400);
      expect(noFile.body.fieldErrors[0].path).toBe('file');

      const leader = await context.createUser('leadership');
      const bad = await upload(manager, 'Nimi\nX Oy\n', { ownerCampusGroupId: 999999, accountManagerId: leader });
      expect(bad.status).toBe(400);
      expect(bad.body.fieldErrors.map((error: { path: string }) => error.path).sort()).toEqual([
        'accountManagerId',
        'ownerCampusGroupId',
      ]);
      const missing = await upload(manager, 'Nimi\nX Oy\n', {});
      expect(missing.status).toBe(400);
      expect(missing.body.fieldErrors[0].path).toBe('ownerCampusGroupId');
    });

    it('answers 413 for a file over 20 MB', async () => {
      const big = Buffer.alloc(20 * 1024 * 1024 + 10, 'a');
      const response = await upload(manager, big, { ownerCampusGroupId: groupA }).catch(
        (error: { status?: number }) => error,
      );
      expect(response.status).toBe(413);
    });

    it.each(['campus_member', 'leadership'] as const)('refuses %s with 403', async (role) => {
      const client = await context.signedIn(role, [groupA]);
      const response = await upload(client, 'Nimi\nX Oy\n', { ownerCampusGroupId: groupA });
      expect(response.status).toBe(403);
    });

    it("hides another user's import (404) but shows it to admins", async () => {
      const body = (await upload(manager, 'Nimi\nOma Oy\n', { ownerCampusGroupId: groupA })).body as ImportPreviewDto;
      const other = await context.signedIn('account_manager');
      expect((await other.get(`/api/imports/${body.id}`)).status).toBe(404);
      expect((await admin.get(`/api/imports/${body.id}`)).status).toBe(200);
    });
  });

  describe('commit', () => {
    it('creates, skips duplicates by default, updates on request, adds contacts and audits each employer', async () => {
      const existingId = validBusinessIdFrom(3400000);
      const existing = await insertEmployer(context.dataSource, {
        name: 'Olemassa Oy',
        ownerCampusGroupId: groupB,
        businessId: existingId,
      });
      const skipped = await insertEmployer(context.dataSource, {
        name: 'Ohitettava Osakeyhtiö',
        ownerCampusGroupId: groupB,
      });
      const accountManagerId = manager.me.id;
      const csv = [
        'Nimi;Y-tunnus;Kunta;Tila;Tunnisteet;Yhteyshenkilö;Sähköposti',
        `Olemassa Oy;${existingId};Turku;kumppani;uusi;Uusi Henkilö;uusi@olemassa.fi`,
        'Ohitettava Osakeyhtiö;;Oulu;;;;',
        'Tuore Oy;;Vaasa;;a|b;Tiina;tiina@tuore.fi',
        'Tuore Oy;;;;;Toni;',
        'Virheellinen;1234567-8;;;;;',
      ].join('\n');
      const preview = (await upload(manager, csv, { ownerCampusGroupId: groupA, accountManagerId }))
        .body as ImportPreviewDto;
      expect(preview.rows.map((row) => row.duplicate?.employerId ?? null)).toEqual([
        existing,
        skipped,
        null,
        null,
        null,
      ]);

      const response = await manager.post(`/api/imports/${preview.id}/commit`, { decisions: { 2: 'update' } });
      expect(response.status).toBe(200);
      const result = response.body as ImportStatusDto;
      expect(result).toMatchObject({ status: 'done', progress: 2, total: 2 });
      expect(result.report).toMatchObject({
        created: 1,
        updated: 1,
        skipped: 1,
        failed: 1,
        merged: 1,
        contactsCreated: 3,
      });
      expect(result.report!.rows.map((row) => [row.rowNumber, row.outcome])).toEqual([
        [2, 'updated'],
        [3, 'skipped'],
        [4, 'created'],
        [5, 'merged'],
        [6, 'failed'],
      ]);

      const [updated] = await context.dataSource.query(
        `SELECT municipality, status, tags, owner_campus_group_id, account_manager_id, version FROM employers WHERE id = $1`,
        [existing],
      );
      expect(updated).toEqual({
        municipality: 'Turku',
        status: 'partner',
        tags: ['uusi'],
        owner_campus_group_id: groupB,
        account_manager_id: accountManagerId,
        version: 2,
      });
      const createdId = result.report!.rows[2].employerId!;
      const [created] = await context.dataSource.query(
        `SELECT name, owner_campus_group_id, account_manager_id, status, tags, created_by FROM employers WHERE id = $1`,
        [createdId],
      );
      expect(created).toEqual({
        name: 'Tuore Oy',
        owner_campus_group_id: groupA,
        account_manager_id: accountManagerId,
        status: 'prospect',
        tags: ['a', 'b'],
        created_by: manager.me.id,
      });
      const contacts = await context.dataSource.query(
        `SELECT employer_id, name FROM contact_persons WHERE employer_id = ANY($1::int[]) ORDER BY id`,
        [[existing, createdId]],
      );
      expect(contacts).toEqual([
        { employer_id: existing, name: 'Uusi Henkilö' },
        { employer_id: createdId, name: 'Tiina' },
        { employer_id: createdId, name: 'Toni' },
      ]);
      const links = await context.dataSource.query(
        `SELECT employer_id, campus_group_id FROM employer_campus_groups WHERE employer_id = ANY($1::int[]) ORDER BY 1, 2`,
        [[existing, createdId]],
      );
      expect(links).toEqual([
        { employer_id: existing, campus_group_id: Math.min(groupA, groupB) },
        { employer_id: existing, campus_group_id: Math.max(groupA, groupB) },
        { employer_id: createdId, campus_group_id: groupA },
      ]);
      const audit = await context.dataSource.query(
        `SELECT entity_id, action, actor_id, employer_id, changes FROM audit_events WHERE action = 'import' AND entity_id = ANY($1::int[]) ORDER BY entity_id`,
        [[existing, createdId]],
      );
      expect(audit).toHaveLength(2);
      expect(audit[0]).toMatchObject({
        entity_id: existing,
        employer_id: existing,
        actor_id: manager.me.id,
        changes: {
          municipality: [null, 'Turku'],
          status: ['prospect', 'partner'],
          contactPersons: [null, ['Uusi Henkilö']],
        },
      });
      expect(audit[1]).toMatchObject({
        entity_id: createdId,
        employer_id: createdId,
        changes: { name: [null, 'Tuore Oy'] },
      });

      const status = await manager.get(`/api/imports/${preview.id}`);
      expect(status.body).toMatchObject({ status: 'done', progress: 2, total: 2, report: { created: 1 } });
      const again = await manager.post(`/api/imports/${preview.id}/commit`, {});
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('IMPORT_NOT_IN_PREVIEW');
    });

    it('rejects impossible decisions with field errors and writes nothing', async () => {
      const businessId = validBusinessIdFrom(3500000);
      await insertEmployer(context.dataSource, { name: 'Varattu Oy', ownerCampusGroupId: groupA, businessId });
      const csv = ['Nimi;Y-tunnus', `Varattu Oy;${businessId}`, 'Ei Kaksoiskappale Oy;'].join('\n');
      const preview = (await upload(manager, csv, { ownerCampusGroupId: groupA })).body as ImportPreviewDto;
      const before = await count('employers');
      const response = await manager.post(`/api/imports/${preview.id}/commit`, {
        decisions: { 2: 'create', 3: 'update', 99: 'skip' },
      });
      expect(response.status).toBe(400);
      expect(
        response.body.fieldErrors.map((error: { path: string; code: string }) => `${error.path}:${error.code}`),
      ).toEqual(['decisions.2:business_id_taken', 'decisions.3:no_duplicate', 'decisions.99:unknown_row']);
      expect(await count('employers')).toBe(before);
      expect((await manager.get(`/api/imports/${preview.id}`)).body.status).toBe('preview');
    });

    it('rolls the whole import back when one row fails to save', async () => {
      const businessId = validBusinessIdFrom(3600000);
      const csv = ['Nimi;Y-tunnus', 'Ensimmäinen Oy;', `Kilpaileva Oy;${businessId}`].join('\n');
      const preview = (await upload(manager, csv, { ownerCampusGroupId: groupA })).body as ImportPreviewDto;
      // Someone saves the same Y-tunnus between the preview and the commit.
      await insertEmployer(context.dataSource, { name: 'Nopeampi Oy', ownerCampusGroupId: groupA, businessId });
      const before = await count('employers');
      const response = await manager.post(`/api/imports/${preview.id}/commit`, {});
      expect(response.status).toBe(409);
      expect(response.body.code).toBe('IMPORT_CONFLICT');
      expect(await count('employers')).toBe(before);
      const status = await manager.get(`/api/imports/${preview.id}`);
      expect(status.body).toMatchObject({ status: 'failed', report: { error: expect.stringContaining('Y-tunnus') } });
    });

    it('pages the stored rows beyond the preview', async () => {
      const lines = ['Nimi', ...Array.from({ length: 250 }, (_, index) => `Sivutus ${index} Oy`)];
      const preview = (await upload(manager, lines.join('\n'), { ownerCampusGroupId: groupA }))
        .body as ImportPreviewDto;
      expect(preview.rows).toHaveLength(200);
      const page = await manager.get(`/api/imports/${preview.id}/rows?offset=200&limit=100`);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(250);
      expect(page.body.rows).toHaveLength(50);
      expect(page.body.rows[0]).toMatchObject({ rowNumber: 202, employer: { name: 'Sivutus 200 Oy' } });
    });
  });

  describe(`on a database with ${SEEDED} employers`, () => {
    /** "Seed <word> n Oy" as the seed names the 1-based n-th employer. */
    async function seeded(n: number): Promise<{ id: number; name: string }> {
      const [row] = await context.dataSource.query(`SELECT id, name FROM employers WHERE business_id = $1`, [
        seedBusinessId(n - 1),
      ]);
      return row;
    }

    it('flags rows by the Y-tunnus of existing employers, whatever the name', async () => {
      const target = await seeded(1234);
      const csv = [
        'Nimi;Y-tunnus',
        `Aivan Toinen Nimi Oy;${seedBusinessId(1233)}`,
        `Uusi Yritys Oy;${validBusinessIdFrom(1_000_000)}`,
      ];
      const body = (await upload(manager, csv.join('\n'), { ownerCampusGroupId: groupA })).body as ImportPreviewDto;
      expect(body.rows[0].duplicate).toEqual({
        reason: 'business_id',
        employerId: target.id,
        employerName: target.name,
      });
      expect(body.rows[1].duplicate).toBeNull();
    });

    it('flags a legal-form variant ("Oy.j", "O.Y.", no form) or a typo of an existing name as a near duplicate', async () => {
      const target = await seeded(4321);
      const company = await insertEmployer(context.dataSource, {
        name: 'Keski-Suomen Konepaja Oy',
        ownerCampusGroupId: groupB,
      });
      await insertEmployer(context.dataSource, {
        name: 'Lapin Kuljetus Oy',
        ownerCampusGroupId: groupB,
        businessId: validBusinessIdFrom(1_100_000),
      });
      const csv = [
        'Nimi;Y-tunnus',
        'Keski-Suomen Konepaja Oy.j;',
        'KESKI-SUOMEN KONEPAJA O.Y.;',
        'keski-suomen konepaja;',
        'Keski-Suomen Konepja Oy;',
        `${target.name.replace(/ Oy$/, ' Oyj')};`,
        `Lapin Kuljetus Ky;${validBusinessIdFrom(1_200_000)}`,
        'Keski-Suomen Konepaja ja Leipomo Oy;',
      ];
      const body = (await upload(manager, csv.join('\n'), { ownerCampusGroupId: groupA })).body as ImportPreviewDto;
      const exact = {
        reason: 'similar_name',
        employerId: company,
        employerName: 'Keski-Suomen Konepaja Oy',
        similarity: 1,
      };
      expect(body.rows.slice(0, 3).map((row) => row.duplicate)).toEqual([exact, exact, exact]);
      expect(body.rows[3].duplicate).toMatchObject({ reason: 'similar_name', employerId: company });
      expect(body.rows[3].duplicate!.similarity).toBeGreaterThan(0.6);
      expect(body.rows[3].duplicate!.similarity).toBeLessThan(1);
      expect(body.rows[4].duplicate).toMatchObject({ reason: 'similar_name', employerId: target.id, similarity: 1 });
      // Different Y-tunnus on both sides: another legal entity despite the name.
      expect(body.rows[5].duplicate).toBeNull();
      expect(body.rows[6].duplicate).toBeNull();
    });

    it('previews and commits a 2 000-row file: new employers created, existing ones found and skipped', async () => {
      const before = await count('employers');
      const contactsBefore = await count('contact_persons');
      const lines = [HEADER];
      for (let index = 0; index < 2000; index += 1) {
        // Every fourth row is a seeded employer: by Y-tunnus, or by its name with another legal form.
        const n = 1 + index * 2;
        const cells =
          index % 4 === 0
            ? [index % 8 === 0 ? 'Nimi Muuttunut Oy' : '', index % 8 === 0 ? seedBusinessId(n - 1) : '']
            : [`Tuonti ${index} Jyväskylä Oy`, index % 2 ? validBusinessIdFrom(2_000_000 + index * 3) : ''];
        if (index % 8 === 4) cells[0] = (await seeded(n)).name.replace(/ Oy$/, ' Oy.j');
        lines.push(
          `${cells[0]};${cells[1]};62100;Jyväskylä;Kauppakatu ${index};40100;;10-49;prospekti;tuonti;"Kuvaus; ${index}";Henkilö ${index};Päällikkö;h${index}@tuonti.fi;040 ${String(index).padStart(7, '0')}`,
        );
      }
      const preview = await upload(manager, iconv.encode(lines.join('\r\n'), 'win1252'), {
        ownerCampusGroupId: groupA,
      });
      expect(preview.status).toBe(201);
      expect(preview.body).toMatchObject({ totalRows: 2000, validRows: 2000, duplicateRows: 500 });
      const commit = await manager.post(`/api/imports/${preview.body.id}/commit`, {});
      expect(commit.status).toBe(200);
      expect(commit.body.report).toMatchObject({
        created: 1500,
        updated: 0,
        skipped: 500,
        failed: 0,
        contactsCreated: 1500,
      });
      expect(await count('employers')).toBe(before + 1500);
      expect(await count('contact_persons')).toBe(contactsBefore + 1500);
    }, 60_000);

    it('adds a contact person once: for identical rows of a file, and when the same file is imported again', async () => {
      const businessId = validBusinessIdFrom(2_500_000);
      const row = `Toistuva Oy;${businessId};Anna Ääpeli;anna@toistuva.fi`;
      const csv = [
        'Nimi;Y-tunnus;Yhteyshenkilö;Sähköposti',
        row,
        row,
        `Toistuva Oy;${businessId};ANNA AAPELI;`,
        `Toistuva Oy;${businessId};A. Ääpeli;ANNA@toistuva.fi`,
      ].join('\n');
      const first = (await upload(manager, csv, { ownerCampusGroupId: groupA })).body as ImportPreviewDto;
      const created = await manager.post(`/api/imports/${first.id}/commit`, {});
      expect(created.body.report).toMatchObject({ created: 1, merged: 3, contactsCreated: 1 });
      const employerId = created.body.report.rows[0].employerId as number;

      const again = (await upload(manager, csv, { ownerCampusGroupId: groupA })).body as ImportPreviewDto;
      expect(again.rows[0].duplicate).toMatchObject({ reason: 'business_id', employerId });
      const updated = await manager.post(`/api/imports/${again.id}/commit`, { decisions: { 2: 'update' } });
      expect(updated.body.report).toMatchObject({ updated: 1, contactsCreated: 0 });
      const contacts = await context.dataSource.query(
        `SELECT name, email FROM contact_persons WHERE employer_id = $1`,
        [employerId],
      );
      expect(contacts).toEqual([{ name: 'Anna Ääpeli', email: 'anna@toistuva.fi' }]);
    });
  });
});
