import { insertContactPerson, insertEmployer } from '../../test/fixtures';
import { type Client, startTestApp, type TestContext } from '../../test/test-app';

describe('search API', () => {
  let context: TestContext;
  let north: number;
  let south: number;
  let admin: Client;
  let sahko: number;
  let kesko: number;
  let paivi: number;
  let opportunity: number;

  beforeAll(async () => {
    context = await startTestApp();
    const db = context.dataSource;
    north = await context.createCampusGroup('Pohjoinen');
    south = await context.createCampusGroup('Etelä');
    admin = await context.signedIn('admin');
    sahko = await insertEmployer(db, { name: 'Pohjolan Sähkö Oy', ownerCampusGroupId: north });
    kesko = await insertEmployer(db, { name: 'Kesko Oyj', ownerCampusGroupId: south, businessId: '0109862-8' });
    const archived = await insertEmployer(db, { name: 'Sähkö Arkisto Oy', ownerCampusGroupId: north });
    await db.query(`UPDATE employers SET archived_at = now() WHERE id = $1`, [archived]);
    paivi = await insertContactPerson(db, sahko, 'Päivi Mäkinen');
    await db.query(
      `UPDATE contact_persons SET title = 'HR-päällikkö', email = 'paivi@pohjolansahko.fi' WHERE id = $1`,
      [paivi],
    );
    const erased = await insertContactPerson(db, sahko, 'Pekka Mäkinen');
    await db.query(`UPDATE contact_persons SET erased_at = now() WHERE id = $1`, [erased]);
    await insertContactPerson(db, kesko, 'Matti Mäkinen');
    [{ id: opportunity }] = await db.query(
      `INSERT INTO opportunities (employer_id, title, type, campus_group_id, stage) VALUES ($1, 'Sähköasentajien oppisopimus', 'apprenticeship', $2, 'negotiating') RETURNING id`,
      [sahko, north],
    );
  });
  afterAll(() => context.close());

  it('finds employers, people and opportunities without accents, grouped by kind', async () => {
    const response = await admin.get('/api/search?q=sahko');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      employers: [{ id: sahko, name: 'Pohjolan Sähkö Oy', businessId: null, municipality: null }],
      // Matched by the e-mail address.
      contactPersons: [
        {
          id: paivi,
          name: 'Päivi Mäkinen',
          title: 'HR-päällikkö',
          employerId: sahko,
          employerName: 'Pohjolan Sähkö Oy',
        },
      ],
      opportunities: [
        {
          id: opportunity,
          title: 'Sähköasentajien oppisopimus',
          stage: 'negotiating',
          employerId: sahko,
          employerName: 'Pohjolan Sähkö Oy',
        },
      ],
    });
  });

  it('tolerates a typo in an employer name and a person name', async () => {
    const employers = await admin.get('/api/search?q=Ksko');
    expect(employers.body.employers.map((hit: { id: number }) => hit.id)).toEqual([kesko]);
    const people = await admin.get('/api/search?q=Paivi%20Makinnen');
    expect(people.body.contactPersons.map((hit: { id: number }) => hit.id)).toEqual([paivi]);
  });

  it('finds an employer by its exact Y-tunnus', async () => {
    const response = await admin.get('/api/search?q=0109862-8');
    expect(response.body.employers).toEqual([
      { id: kesko, name: 'Kesko Oyj', businessId: '0109862-8', municipality: null },
    ]);
  });

  it('never returns erased people or archived employers, and caps each kind at the limit', async () => {
    const people = await admin.get('/api/search?q=makinen');
    expect(people.body.contactPersons.map((hit: { name: string }) => hit.name).sort()).toEqual([
      'Matti Mäkinen',
      'Päivi Mäkinen',
    ]);
    const limited = await admin.get('/api/search?q=makinen&limit=1');
    expect(limited.body.contactPersons).toHaveLength(1);
    const archived = await admin.get('/api/search?q=arkisto');
    expect(archived.body.employers).toEqual([]);
  });

  it('shows a campus member only hits of employers in their own groups', async () => {
    const memberNorth = await context.signedIn('campus_member', [north]);
    const own = await memberNorth.get('/api/search?q=makinen');
    expect(own.body.contactPersons.map((hit: { name: string }) => hit.name)).toEqual(['Päivi Mäkinen']);
    expect((await memberNorth.get('/api/search?q=0109862-8')).body.employers).toEqual([]);

    const memberSouth = await context.signedIn('campus_member', [south]);
    expect((await memberSouth.get('/api/search?q=sahko')).body).toEqual({
      employers: [],
      contactPersons: [],
      opportunities: [],
    });
  });

  it('requires at least two characters and a limit of 1–20', async () => {
    const short = await admin.get('/api/search?q=%20a%20');
    expect(short.status).toBe(400);
    expect(short.body.fieldErrors[0].path).toBe('q');
    expect((await admin.get('/api/search')).status).toBe(400);
    expect((await admin.get('/api/search?q=kesko&limit=21')).status).toBe(400);
  });
});
