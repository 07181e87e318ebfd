import { helsinkiDate, validBusinessIdFrom } from '@tyoelama/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { insertEmployer } from '../../test/fixtures';
import { type Client, useFixture, useTestApp } from '../../test/test-app';
import { csvField } from './export-writers';

/** Collects a binary body (supertest only buffers text types by default). */
function binary(response: Response & { text?: string }, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  (response as unknown as NodeJS.ReadableStream).on('data', (chunk: Buffer) => chunks.push(chunk));
  (response as unknown as NodeJS.ReadableStream).on('end', () => callback(null, Buffer.concat(chunks)));
}

async function download(
  client: Client,
  path: string,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const response = await client.agent
    .get(path)
    .buffer(true)
    .parse(binary as never);
  return { status: response.status, headers: response.headers, body: response.body as Buffer };
}

function parseCsv(body: Buffer): Record<string, string>[] {
  return parse<Record<string, string>>(body.toString('utf8'), {
    delimiter: ';',
    columns: true,
    bom: true,
    record_delimiter: '\r\n',
  });
}

describe('exports API', () => {
  const context = useTestApp();
  const given = useFixture(async () => {
    const db = context.dataSource;
    const admin = await context.signedIn('admin');
    const groupA = await context.createCampusGroup('Tekniikka');
    const groupB = await context.createCampusGroup('Sote');
    const employerA = await insertEmployer(db, {
      name: 'Alfa; "Lainaus" Oy',
      ownerCampusGroupId: groupA,
      businessId: validBusinessIdFrom(4100000),
    });
    const employerB = await insertEmployer(db, { name: '=HYPERLINK("x") Oy', ownerCampusGroupId: groupB });
    await insertEmployer(db, { name: 'Beeta Ab', ownerCampusGroupId: groupB, campusGroupIds: [groupA] });
    for (let index = 0; index < 120; index += 1) {
      await insertEmployer(db, {
        name: `Massa ${String(index).padStart(3, '0')} Oy`,
        ownerCampusGroupId: index % 2 ? groupA : groupB,
        businessId: validBusinessIdFrom(4200000 + index * 3),
      });
    }
    await db.query(
      `UPDATE employers SET status = 'partner', tags = '{sote,iso}', last_contact_at = '2026-11-23T22:30:00Z' WHERE id = $1`,
      [employerA],
    );
    return { admin, groupA, groupB, employerA, employerB };
  });

  async function listAll(client: Client, query: string): Promise<{ name: string }[]> {
    const items: { name: string }[] = [];
    let cursor: string | null = null;
    do {
      const response = await client.get(
        `/api/employers?${query}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      items.push(...response.body.items);
      cursor = response.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('exports exactly the filtered employer list as Finnish-Excel CSV', async () => {
    const response = await download(given.admin, '/api/exports/employers.csv?sort=-name');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="tyonantajat-${helsinkiDate()}.csv"`);
    expect([...response.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = response.body.toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFNimi;Y-tunnus;Tila;Toimiala;Kunta;Katuosoite;Postinumero;Verkkosivu;Kokoluokka;Omistava Campus-ryhmä;Asiakaspäällikkö;Tunnisteet;Kuvaus;Viimeisin yhteydenotto;Seuraava jatkotoimenpide;Arkistoitu',
    );
    expect(text).toContain('"Alfa; ""Lainaus"" Oy"');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const rows = parseCsv(response.body);
    const listed = await listAll(given.admin, 'sort=-name');
    expect(rows.map((row) => row['Nimi'].replace(/^'/, ''))).toEqual(listed.map((item) => item.name));
    const alfa = rows.find((row) => row['Nimi'].startsWith('Alfa'))!;
    // 22.30 UTC on the 23rd is already the 24th in Helsinki.
    expect(alfa).toMatchObject({ Tila: 'kumppani', Tunnisteet: 'sote, iso', 'Viimeisin yhteydenotto': '24.11.2026' });
  });

  it('applies the same filters and search as the list', async () => {
    const rows = parseCsv(
      (await download(given.admin, `/api/exports/employers.csv?q=massa%2001&campusGroupId=${given.groupA}`)).body,
    );
    const listed = await listAll(given.admin, `q=massa%2001&campusGroupId=${given.groupA}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row['Nimi'])).toEqual(listed.map((item) => item.name));
  });

  it('neutralises formula cells with an apostrophe', async () => {
    const rows = parseCsv((await download(given.admin, '/api/exports/employers.csv')).body);
    expect(rows.map((row) => row['Nimi'])).toContain(`'=HYPERLINK("x") Oy`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await download(given.admin, '/api/exports/employers.xlsx')).body as unknown as ArrayBuffer,
    );
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[0].eachRow((row) => cells.push(row.getCell(1)));
    const formulaName = cells.find((cell) => cell.text.includes('HYPERLINK'));
    expect(formulaName?.value).toBe(`'=HYPERLINK("x") Oy`);
    expect(formulaName?.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((cell) => cell.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(csvField('+358 40 1')).toBe("'+358 40 1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(5)).toBe('5');
  });

  it("gives a campus member only their groups' employers", async () => {
    const member = await context.signedIn('campus_member', [given.groupA]);
    const rows = parseCsv((await download(member, '/api/exports/employers.csv')).body);
    const listed = await listAll(member, 'sort=name');
    expect(rows.map((row) => row['Nimi'])).toEqual(listed.map((item) => item.name));
    expect(rows.map((row) => row['Omistava Campus-ryhmä'])).toEqual(
      expect.arrayContaining(['Tekniikka', 'Sote']), // Beeta is owned by Sote but linked to Tekniikka
    );
    expect(rows.some((row) => row['Nimi'].includes('HYPERLINK'))).toBe(false);
    const outsider = await context.signedIn('campus_member', [await context.createCampusGroup('Muu')]);
    const empty = parseCsv((await download(outsider, '/api/exports/employers.csv')).body);
    expect(empty).toEqual([]);
  });

  it('writes the same rows as .xlsx', async () => {
    const response = await download(given.admin, '/api/exports/employers.xlsx');
    expect(response.status).toBe(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="tyonantajat-${helsinkiDate()}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const names: string[] = [];
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber > 1) names.push(row.getCell(1).text);
    });
    const listed = await listAll(given.admin, 'sort=name');
    // The one formula-looking name comes neutralised, as in the CSV (test above).
    expect(names).toEqual(listed.map((item) => (item.name.startsWith('=') ? `'${item.name}` : item.name)));
    expect(sheet.getRow(1).getCell(2).value).toBe('Y-tunnus');
  });

  it('round trip: importing the exported employers flags every row as a duplicate', async () => {
    const exported = (await download(given.admin, '/api/exports/employers.csv')).body;
    const xsrf = (given.admin as unknown as { xsrf: string }).xsrf;
    const preview = await given.admin.agent
      .post('/api/imports')
      .set('X-XSRF-TOKEN', xsrf)
      .field('ownerCampusGroupId', String(given.groupA))
      .attach('file', exported, 'tyonantajat.csv');
    expect(preview.status).toBe(201);
    expect(preview.body.totalRows).toBe(123);
    const page = await given.admin.get(`/api/imports/${preview.body.id}/rows?offset=0&limit=500`);
    const rows = page.body.rows as { duplicate: { reason: string } | null; errors: unknown[] }[];
    expect(rows.every((row) => row.duplicate !== null)).toBe(true);
    expect(rows.filter((row) => row.duplicate!.reason === 'business_id')).toHaveLength(121);
  });

  it('exports contact entries, follow-ups and opportunities with the list scope', async () => {
    const user = given.admin.me.id;
    await context.dataSource.query(
      `INSERT INTO contact_entries (employer_id, type, occurred_at, summary, campus_group_id, topics, created_by)
       VALUES ($1, 'phone', '2026-11-24T10:00:00Z', '=soita takaisin', $2, '{apprenticeship}', $3),
              ($4, 'meeting', '2026-11-20T10:00:00Z', 'Sote-tapaaminen', $5, '{}', $3)`,
      [given.employerA, given.groupA, user, given.employerB, given.groupB],
    );
    await context.dataSource.query(
      `INSERT INTO follow_ups (employer_id, title, due_date, assignee_id) VALUES ($1, 'Lähetä sopimus', '2026-12-01', $2),
              ($3, 'Soita', '2026-12-02', $2)`,
      [given.employerA, user, given.employerB],
    );
    await context.dataSource.query(
      `INSERT INTO opportunities (employer_id, title, type, expected_places, expected_start, campus_group_id, stage)
       VALUES ($1, 'Kevään paikat', 'training_agreement', 3, '2027-01-07', $2, 'negotiating'),
              ($3, 'Hoitajat', 'recruitment', 1, NULL, $4, 'identified')`,
      [given.employerA, given.groupA, given.employerB, given.groupB],
    );
    const member = await context.signedIn('campus_member', [given.groupA]);

    const entries = parseCsv((await download(member, '/api/exports/contact-entries.csv')).body);
    expect(entries).toEqual([
      expect.objectContaining({
        Päivämäärä: '24.11.2026',
        Kellonaika: '12.00',
        Tyyppi: 'puhelu',
        Yhteenveto: "'=soita takaisin",
        Aiheet: 'oppisopimus',
      }),
    ]);
    const allEntries = parseCsv(
      (await download(given.admin, `/api/exports/contact-entries.csv?employerId=${given.employerB}`)).body,
    );
    expect(allEntries.map((row) => row['Yhteenveto'])).toEqual(['Sote-tapaaminen']);

    const followUps = parseCsv((await download(member, '/api/exports/follow-ups.csv?status=open')).body);
    expect(followUps).toEqual([
      expect.objectContaining({ Eräpäivä: '1.12.2026', Tehtävä: 'Lähetä sopimus', Tila: 'avoin' }),
    ]);
    const followUpsXlsx = await download(given.admin, '/api/exports/follow-ups.xlsx');
    expect(followUpsXlsx.headers['content-disposition']).toContain('jatkotoimenpiteet-');

    const opportunities = parseCsv(
      (await download(given.admin, '/api/exports/opportunities.csv?open=true&type=training_agreement')).body,
    );
    expect(opportunities).toEqual([
      expect.objectContaining({
        Otsikko: 'Kevään paikat',
        Vaihe: 'neuvotteluissa',
        Opiskelijapaikat: '3',
        'Arvioitu alku': '7.1.2027',
      }),
    ]);
    const memberOpportunities = parseCsv((await download(member, '/api/exports/opportunities.csv')).body);
    expect(memberOpportunities.map((row) => row['Otsikko'])).toEqual(['Kevään paikat']);
  });

  it('rejects bad filters with 400 and unknown formats with 404', async () => {
    const bad = await given.admin.get('/api/exports/employers.csv?status=nope');
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors[0].path).toBe('status');
    expect((await given.admin.get('/api/exports/employers.pdf')).status).toBe(404);
  });

  it('requires a session', async () => {
    const anonymous = await context.client();
    expect((await anonymous.get('/api/exports/employers.csv')).status).toBe(401);
  });
});
