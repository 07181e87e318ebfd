import { insertContactPerson, insertEmployer } from '../../test/fixtures';
import { useFixture, useTestApp } from '../../test/test-app';

describe('search API', () => {
  const context = useTestApp();
  const given = useFixture(async () => {
    const db = context.dataSource;
    const north = await context.createCampusGroup('Pohjoinen');
    const south = await context.createCampusGroup('Etelä');
    const admin = await context.signedIn('admin');
    const sahko = await insertEmployer(db, { name: 'Pohjolan Sähkö Oy', ownerCampusGroupId: north });
    const kesko = await insertEmployer(db, { name: 'Kesko Oyj', ownerCampusGroupId: south, businessId: '0109862-8' });
    const archived = await insertEmployer(db, { name: 'Sähkö Arkisto Oy', ownerCampusGroupId: north });
    await db.query(`UPDATE employers SET archived_at = now() WHERE id = $1`, [archived]);
    const paivi = await insertContactPerson(db, sahko, 'Päivi Mäkinen');
    await db.query(
      `UPDATE contact_persons SET title = 'HR-päällikkö', email = 'paivi@pohjolansahko.fi' WHERE id = $1`,
      [paivi],
    );
    const erased = await insertContactPerson(db, sahko, 'Pekka Mäkinen');
    await db.query(`UPDATE contact_persons SET erased_at = now() WHERE id = $1`, [erased]);
    await insertContactPerson(db, kesko, 'Matti Mäkinen');
    const [{ id: opportunity }] = await db.query(
      `INSERT INTO opportunities (employer_id, title, type, campus_group_id, stage) VALUES ($1, 'Sähköasentajien oppisopimus', 'apprenticeship', $2, 'negotiating') RETURNING id`,
      [sahko, north],
    );
    return { north, south, admin, sahko, kesko, paivi, opportunity };
  });

  it('finds employers, people and opportunities without accents, grouped by kind', async () => {
    const response = await given.admin.get('/api/search?q=sahko');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      employers: [{ id: given.sahko, name: 'Pohjolan Sähkö Oy', businessId: null, municipality: null }],
      // Matched by the e-mail address.
      contactPersons: [
        {
          id: given.paivi,
          name: 'Päivi Mäkinen',
          title: 'HR-päällikkö',
          employerId: given.sahko,
          employerName: 'Pohjolan Sähkö Oy',
        },
      ],
      opportunities: [
        {
          id: given.opportunity,
          title: 'Sähköasentajien oppisopimus',
          stage: 'negotiating',
          employerId: given.sahko,
          employerName: 'Pohjolan Sähkö Oy',
        },
      ],
    });
  });

  it('tolerates a typo in an employer name and a person name', async () => {
    const employers = await given.admin.get('/api/search?q=Ksko');
    expect(employers.body.employers.map((hit: { id: number }) => hit.id)).toEqual([given.kesko]);
    const people = await given.admin.get('/api/search?q=Paivi%20Makinnen');
    expect(people.body.contactPersons.map((hit: { id: number }) => hit.id)).toEqual([given.paivi]);
  });

  it.each(['0109862-8', '01098628'])('finds an employer by its Y-tunnus, with or without the hyphen: %s', async (q) => {
    const response = await given.admin.get(`/api/search?q=${q}`);
    expect(response.body.employers).toEqual([
      { id: given.kesko, name: 'Kesko Oyj', businessId: '0109862-8', municipality: null },
    ]);
  });

  it('never returns erased people or archived employers, and caps each kind at the limit', async () => {
    const people = await given.admin.get('/api/search?q=makinen');
    expect(people.body.contactPersons.map((hit: { name: string }) => hit.name).sort()).toEqual([
      'Matti Mäkinen',
      'Päivi Mäkinen',
    ]);
    const limited = await given.admin.get('/api/search?q=makinen&limit=1');
    expect(limited.body.contactPersons).toHaveLength(1);
    const archived = await given.admin.get('/api/search?q=arkisto');
    expect(archived.body.employers).toEqual([]);
  });

  it('shows a campus member only hits of employers in their own groups', async () => {
    const memberNorth = await context.signedIn('campus_member', [given.north]);
    const own = await memberNorth.get('/api/search?q=makinen');
    expect(own.body.contactPersons.map((hit: { name: string }) => hit.name)).toEqual(['Päivi Mäkinen']);
    expect((await memberNorth.get('/api/search?q=0109862-8')).body.employers).toEqual([]);

    const memberSouth = await context.signedIn('campus_member', [given.south]);
    expect((await memberSouth.get('/api/search?q=sahko')).body).toEqual({
      employers: [],
      contactPersons: [],
      opportunities: [],
    });
  });

  it('requires at least two characters and a limit of 1–20', async () => {
    const short = await given.admin.get('/api/search?q=%20a%20');
    expect(short.status).toBe(400);
    expect(short.body.fieldErrors[0].path).toBe('q');
    expect((await given.admin.get('/api/search')).status).toBe(400);
    expect((await given.admin.get('/api/search?q=kesko&limit=21')).status).toBe(400);
  });
});
