import type { ContactPersonDto, ContactPersonExportDto } from '@tyoelama/shared';
import { auditRows, insertContactPerson, insertEmployer } from '../../test/fixtures';
import { useFixture, useTestApp } from '../../test/test-app';
import { expectFieldErrors } from '../../test/responses';

describe('contact persons API', () => {
  const context = useTestApp();
  const given = useFixture(async () => {
    const groupA = await context.createCampusGroup('Tekniikka');
    const groupB = await context.createCampusGroup('Sote');
    return {
      manager: await context.signedIn('account_manager'),
      groupA,
      groupB,
      employerA: await insertEmployer(context.dataSource, { name: 'Konepaja Oy', ownerCampusGroupId: groupA }),
      employerB: await insertEmployer(context.dataSource, { name: 'Hoivakoti Oy', ownerCampusGroupId: groupB }),
    };
  });

  async function personCount(): Promise<number> {
    const [{ count }] = await context.dataSource.query(`SELECT count(*)::int AS count FROM contact_persons`);
    return count;
  }

  /** A contact entry naming the person, written directly: entries are another feature's API. */
  async function logEntryWith(employerId: number, groupId: number, personId: number, summary: string): Promise<number> {
    const [{ id }] = await context.dataSource.query(
      `INSERT INTO contact_entries (employer_id, type, occurred_at, summary, campus_group_id, created_by)
       VALUES ($1, 'phone', '2026-03-02T10:00:00Z', $2, $3, $4) RETURNING id`,
      [employerId, summary, groupId, given.manager.me.id],
    );
    await context.dataSource.query(
      `INSERT INTO contact_entry_persons (contact_entry_id, contact_person_id) VALUES ($1, $2)`,
      [id, personId],
    );
    return id;
  }

  describe('create, read, update', () => {
    it('creates a contact person for an employer with an audit row carrying the employer', async () => {
      const created = await given.manager.post(`/api/employers/${given.employerA}/contacts`, {
        name: ' Maija Meikäläinen ',
        title: 'Tuotantopäällikkö',
        email: 'Maija.Meikalainen@Konepaja.fi',
        phone: '+358 40 123 4567',
        roles: ['workplace_instructor', 'management', 'management'],
        notes: 'Tavoittaa parhaiten aamuisin',
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        employerId: given.employerA,
        name: 'Maija Meikäläinen',
        email: 'maija.meikalainen@konepaja.fi',
        roles: ['workplace_instructor', 'management'],
        erased: false,
        version: 1,
      });
      const fetched = await given.manager.get(`/api/contacts/${created.body.id}`);
      expect(fetched.body).toEqual(created.body);

      const audits = await auditRows(context.dataSource, 'contact_person', created.body.id);
      expect(audits).toEqual([
        {
          action: 'create',
          actor_id: given.manager.me.id,
          employer_id: given.employerA,
          changes: {
            name: [null, 'Maija Meikäläinen'],
            title: [null, 'Tuotantopäällikkö'],
            email: [null, 'maija.meikalainen@konepaja.fi'],
            phone: [null, '+358 40 123 4567'],
            roles: [null, ['workplace_instructor', 'management']],
            notes: [null, 'Tavoittaa parhaiten aamuisin'],
          },
        },
      ]);
    });

    it('lists an employer’s contact persons by name, erased ones flagged', async () => {
      const employer = await insertEmployer(context.dataSource, {
        name: 'Listattava Oy',
        ownerCampusGroupId: given.groupA,
      });
      for (const name of ['Öhman Olli', 'Aalto Aino', 'Ärje Eero', 'Berg Bo']) {
        await given.manager.post(`/api/employers/${employer}/contacts`, { name });
      }
      const erasedId = await insertContactPerson(context.dataSource, employer, 'Carl Carlsson');
      expect((await given.manager.post(`/api/contacts/${erasedId}/erase`)).status).toBe(200);

      const list = await given.manager.get(`/api/employers/${employer}/contacts`);
      expect(list.status).toBe(200);
      // Accents are ignored in the order, like everywhere else names are sorted.
      expect(list.body.map((p: ContactPersonDto) => [p.name, p.erased])).toEqual([
        ['Aalto Aino', false],
        ['Ärje Eero', false],
        ['Berg Bo', false],
        ['Öhman Olli', false],
        ['Poistettu henkilö', true],
      ]);
    });

    it('rejects bad fields with field errors and creates nothing', async () => {
      const before = await personCount();
      const bad = await given.manager.post(`/api/employers/${given.employerA}/contacts`, {
        name: '',
        email: 'not-an-email',
        phone: 'call me',
        roles: ['boss'],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual([
        'email',
        'name',
        'phone',
        'roles.0',
      ]);
      const unknownField = await given.manager.post(`/api/employers/${given.employerA}/contacts`, {
        name: 'X',
        employerId: given.employerB,
      });
      expectFieldErrors(unknownField, [{ path: 'employerId', code: 'unknown_field', message: 'Unknown field' }]);
      expect(await personCount()).toBe(before);
    });

    it('answers an unknown employer or person with 404', async () => {
      expect((await given.manager.post('/api/employers/999999/contacts', { name: 'X' })).status).toBe(404);
      expect((await given.manager.get('/api/employers/999999/contacts')).status).toBe(404);
      expect((await given.manager.get('/api/contacts/999999')).status).toBe(404);
      expect((await given.manager.patch('/api/contacts/999999', { version: 1, name: 'X' })).status).toBe(404);
      expect((await given.manager.delete('/api/contacts/999999')).status).toBe(404);
    });

    it('updates with the version and audits the changed fields', async () => {
      const { body: created } = await given.manager.post(`/api/employers/${given.employerA}/contacts`, {
        name: 'Pekka Päivitys',
        title: 'HR',
      });
      const updated = await given.manager.patch(`/api/contacts/${created.id}`, {
        version: 1,
        title: '',
        phone: '040 111 2222',
        roles: ['hr'],
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({
        name: 'Pekka Päivitys',
        title: null,
        phone: '040 111 2222',
        roles: ['hr'],
        version: 2,
      });
      const audits = await auditRows(context.dataSource, 'contact_person', created.id);
      expect(audits[1]).toEqual({
        action: 'update',
        actor_id: given.manager.me.id,
        employer_id: given.employerA,
        changes: { title: ['HR', null], phone: [null, '040 111 2222'], roles: [[], ['hr']] },
      });
    });

    it('refuses a stale version with 409 and the current person, changing nothing', async () => {
      const { body: created } = await given.manager.post(`/api/employers/${given.employerA}/contacts`, {
        name: 'Sanna Samanaikainen',
      });
      await given.manager.patch(`/api/contacts/${created.id}`, { version: 1, title: 'Toimitusjohtaja' });
      const stale = await given.manager.patch(`/api/contacts/${created.id}`, { version: 1, title: 'Myyntipäällikkö' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect(stale.body.current).toMatchObject({ id: created.id, title: 'Toimitusjohtaja', version: 2 });
      const missingVersion = await given.manager.patch(`/api/contacts/${created.id}`, { title: 'X' });
      expect(missingVersion.status).toBe(400);
      expect((await given.manager.get(`/api/contacts/${created.id}`)).body.title).toBe('Toimitusjohtaja');
    });
  });

  describe('rights and scoping', () => {
    let personA: number;
    let personB: number;

    beforeAll(async () => {
      personA = await insertContactPerson(context.dataSource, given.employerA, 'Scoped A');
      personB = await insertContactPerson(context.dataSource, given.employerB, 'Scoped B');
    });

    it('lets a campus member read the contacts of their own groups’ employers only', async () => {
      const member = await context.signedIn('campus_member', [given.groupA]);
      const list = await member.get(`/api/employers/${given.employerA}/contacts`);
      expect(list.status).toBe(200);
      expect(list.body.map((p: ContactPersonDto) => p.id)).toContain(personA);
      expect((await member.get(`/api/contacts/${personA}`)).status).toBe(200);
      expect((await member.get(`/api/employers/${given.employerB}/contacts`)).status).toBe(404);
      const outside = await member.get(`/api/contacts/${personB}`);
      expect(outside.status).toBe(404);
      expect(outside.body.message).toBe('Contact person not found');
    });

    it('lets a campus member of a group linked as another group read too', async () => {
      const linked = await insertEmployer(context.dataSource, {
        name: 'Yhteinen Oy',
        ownerCampusGroupId: given.groupB,
        campusGroupIds: [given.groupA],
      });
      const person = await insertContactPerson(context.dataSource, linked, 'Linked Person');
      const member = await context.signedIn('campus_member', [given.groupA]);
      expect((await member.get(`/api/contacts/${person}`)).status).toBe(200);
    });

    it('gives a campus member of another group 404s', async () => {
      const elsewhere = await context.createCampusGroup('Muualla');
      const member = await context.signedIn('campus_member', [elsewhere]);
      expect((await member.get(`/api/employers/${given.employerA}/contacts`)).status).toBe(404);
      expect((await member.get(`/api/contacts/${personA}`)).status).toBe(404);
    });

    it('forbids campus members and leadership every write, export and erasure with 403', async () => {
      const before = await personCount();
      for (const client of [
        await context.signedIn('campus_member', [given.groupA]),
        await context.signedIn('leadership'),
      ]) {
        expect((await client.post(`/api/employers/${given.employerA}/contacts`, { name: 'X' })).status).toBe(403);
        expect((await client.patch(`/api/contacts/${personA}`, { version: 1, name: 'X' })).status).toBe(403);
        expect((await client.delete(`/api/contacts/${personA}`)).status).toBe(403);
        expect((await client.post(`/api/contacts/${personA}/erase`)).status).toBe(403);
        expect((await client.get(`/api/contacts/${personA}/export`)).status).toBe(403);
      }
      expect(await personCount()).toBe(before);
      expect((await given.manager.get(`/api/contacts/${personA}`)).body).toMatchObject({
        name: 'Scoped A',
        version: 1,
        erased: false,
      });
    });

    it('lets leadership read every employer’s contacts', async () => {
      const leader = await context.signedIn('leadership');
      expect((await leader.get(`/api/employers/${given.employerB}/contacts`)).status).toBe(200);
      expect((await leader.get(`/api/contacts/${personB}`)).status).toBe(200);
    });

    it('lets an admin write too', async () => {
      const admin = await context.signedIn('admin');
      const created = await admin.post(`/api/employers/${given.employerB}/contacts`, { name: 'Admin Added' });
      expect(created.status).toBe(201);
    });
  });

  describe('delete', () => {
    it('deletes an unreferenced person, scrubs their audit rows and records the delete', async () => {
      const { body: created } = await given.manager.post(`/api/employers/${given.employerA}/contacts`, {
        name: 'Virhe Lisäys',
        email: 'virhe@example.fi',
      });
      const deleted = await given.manager.delete(`/api/contacts/${created.id}`);
      expect(deleted.status).toBe(204);
      expect((await given.manager.get(`/api/contacts/${created.id}`)).status).toBe(404);
      const audits = await auditRows(context.dataSource, 'contact_person', created.id);
      expect(audits.map((row) => [row.action, row.employer_id])).toEqual([
        ['create', given.employerA],
        ['delete', given.employerA],
      ]);
      expect(JSON.stringify(audits)).not.toMatch(/Virhe|virhe@example/);
      expect(audits[1].changes).toEqual({ name: ['[erased]', null], email: ['[erased]', null] });
    });

    it('refuses to delete a person contact entries refer to, with 409 pointing to erasure', async () => {
      const person = await insertContactPerson(context.dataSource, given.employerA, 'Historiallinen Henkilö');
      await logEntryWith(given.employerA, given.groupA, person, 'Puhelu');
      const refused = await given.manager.delete(`/api/contacts/${person}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('CONTACT_PERSON_IN_USE');
      expect(refused.body.message).toMatch(/erase/);
      expect((await given.manager.get(`/api/contacts/${person}`)).status).toBe(200);
    });
  });

  describe('GDPR', () => {
    const oldName = 'Liisa Lahtinen';
    const oldEmail = 'liisa.lahtinen@hoivakoti.fi';
    const oldPhone = '+358 50 765 4321';
    let personId: number;
    let entryId: number;

    beforeAll(async () => {
      const { body: created } = await given.manager.post(`/api/employers/${given.employerB}/contacts`, {
        name: oldName,
        title: 'Osastonhoitaja',
        email: oldEmail,
        phone: oldPhone,
        roles: ['workplace_instructor'],
        notes: 'Ohjaa lähihoitajaopiskelijoita',
      });
      personId = created.id;
      await given.manager.patch(`/api/contacts/${personId}`, {
        version: 1,
        email: 'liisa@hoivakoti.fi',
        title: 'Ylihoitaja',
      });
      entryId = await logEntryWith(given.employerB, given.groupB, personId, 'Työpaikkaohjaajan perehdytys');
    });

    it('exports everything held about the person', async () => {
      const response = await given.manager.get(`/api/contacts/${personId}/export`);
      expect(response.status).toBe(200);
      const exported = response.body as ContactPersonExportDto;
      expect(exported.exportedAt).toEqual(expect.any(String));
      expect(exported.person).toMatchObject({
        id: personId,
        name: oldName,
        email: 'liisa@hoivakoti.fi',
        phone: oldPhone,
      });
      expect(exported.employer).toEqual({ id: given.employerB, name: 'Hoivakoti Oy' });
      expect(exported.contactEntries).toEqual([
        { id: entryId, occurredAt: '2026-03-02T10:00:00.000Z', type: 'phone', summary: 'Työpaikkaohjaajan perehdytys' },
      ]);
      expect(exported.auditEvents.map((event) => event.action)).toEqual(['create', 'update']);
      expect(exported.auditEvents[1].changes).toEqual({
        title: ['Osastonhoitaja', 'Ylihoitaja'],
        email: [oldEmail, 'liisa@hoivakoti.fi'],
      });
    });

    it('erases the personal data in place and from the audit trail, keeping history’s shape', async () => {
      const erased = await given.manager.post(`/api/contacts/${personId}/erase`);
      expect(erased.status).toBe(200);
      expect(erased.body).toMatchObject({
        id: personId,
        employerId: given.employerB,
        name: 'Poistettu henkilö',
        title: null,
        email: null,
        phone: null,
        roles: [],
        notes: null,
        erased: true,
        version: 3,
      });

      const [link] = await context.dataSource.query(
        `SELECT * FROM contact_entry_persons WHERE contact_person_id = $1`,
        [personId],
      );
      expect(link).toEqual({ contact_entry_id: entryId, contact_person_id: personId });

      const exported = (await given.manager.get(`/api/contacts/${personId}/export`)).body as ContactPersonExportDto;
      const audits = await auditRows(context.dataSource, 'contact_person', personId);
      for (const text of [JSON.stringify(exported), JSON.stringify(audits)]) {
        for (const secret of [
          oldName,
          oldEmail,
          'liisa@hoivakoti.fi',
          oldPhone,
          'Osastonhoitaja',
          'lähihoitajaopiskelijoita',
        ]) {
          expect(text).not.toContain(secret);
        }
      }
      expect(exported.contactEntries.map((entry) => entry.id)).toEqual([entryId]);
      expect(audits.map((row) => [row.action, row.employer_id])).toEqual([
        ['create', given.employerB],
        ['update', given.employerB],
        ['erase', given.employerB],
      ]);
      // Which fields were set or changed stays readable; the values do not.
      expect(audits[0].changes).toEqual({
        name: [null, '[erased]'],
        title: [null, '[erased]'],
        email: [null, '[erased]'],
        phone: [null, '[erased]'],
        roles: [null, '[erased]'],
        notes: [null, '[erased]'],
      });
      expect(audits[1].changes).toEqual({ title: ['[erased]', '[erased]'], email: ['[erased]', '[erased]'] });
      expect(audits[2]).toMatchObject({ actor_id: given.manager.me.id });
      expect(audits[2].changes).toEqual({
        name: ['[erased]', 'Poistettu henkilö'],
        title: ['[erased]', null],
        email: ['[erased]', null],
        phone: ['[erased]', null],
        roles: ['[erased]', []],
        notes: ['[erased]', null],
      });
    });

    it('leaves the audit trail append-only outside the erasure', async () => {
      await expect(
        context.dataSource.query(`UPDATE audit_events SET changes = '{}' WHERE entity_id = $1`, [personId]),
      ).rejects.toThrow(/permission denied for table audit_events/);
      const [{ setting }] = await context.dataSource.query(
        `SELECT current_setting('crm.audit_redaction', true) AS setting`,
      );
      expect(setting === null || setting === '').toBe(true);
    });

    it('refuses to edit or erase again an erased person', async () => {
      const edit = await given.manager.patch(`/api/contacts/${personId}`, { version: 3, name: oldName });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('CONTACT_PERSON_ERASED');
      const eraseAgain = await given.manager.post(`/api/contacts/${personId}/erase`);
      expect(eraseAgain.status).toBe(409);
      expect(eraseAgain.body.code).toBe('CONTACT_PERSON_ERASED');
      expect((await given.manager.get(`/api/contacts/${personId}`)).body).toMatchObject({
        name: 'Poistettu henkilö',
        version: 3,
      });
    });

    it('does not touch the audit rows of other people', async () => {
      const other = (await given.manager.post(`/api/employers/${given.employerB}/contacts`, { name: 'Toinen Ihminen' }))
        .body;
      const third = (await given.manager.post(`/api/employers/${given.employerB}/contacts`, { name: 'Kolmas Ihminen' }))
        .body;
      await given.manager.post(`/api/contacts/${third.id}/erase`);
      expect((await auditRows(context.dataSource, 'contact_person', other.id))[0].changes.name).toEqual([
        null,
        'Toinen Ihminen',
      ]);
    });

    it('lets an admin erase too', async () => {
      const admin = await context.signedIn('admin');
      const person = await insertContactPerson(context.dataSource, given.employerA, 'Admin Erased');
      expect((await admin.post(`/api/contacts/${person}/erase`)).status).toBe(200);
    });
  });
});
