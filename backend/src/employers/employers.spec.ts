import { type EmployerDto, type EmployerListItemDto, validBusinessIdFrom } from '@tyoelama/shared';
import { auditRows, insertEmployer } from '../../test/fixtures';
import { useFixture, useTestApp } from '../../test/test-app';
import { expectFieldErrors } from '../../test/responses';

const ids = (body: { items: { id: number }[] }) => body.items.map((item) => item.id);

describe('employers API', () => {
  const context = useTestApp();
  const given = useFixture(async () => ({
    admin: await context.signedIn('admin'),
    groupA: await context.createCampusGroup('Tekniikka'),
    groupB: await context.createCampusGroup('Sote'),
    accountManagerId: await context.createUser('account_manager'),
  }));

  async function employerCount(): Promise<number> {
    const [{ count }] = await context.dataSource.query(`SELECT count(*)::int AS count FROM employers`);
    return count;
  }

  async function links(employerId: number): Promise<number[]> {
    const rows: { campus_group_id: number }[] = await context.dataSource.query(
      `SELECT campus_group_id FROM employer_campus_groups WHERE employer_id = $1 ORDER BY campus_group_id`,
      [employerId],
    );
    return rows.map((row) => row.campus_group_id);
  }

  describe('create and read', () => {
    it('creates an employer with linked groups, returns the DTO and audits it with the employer id', async () => {
      const created = await given.admin.post('/api/employers', {
        name: ' Pirkanmaan Sairaala Oy ',
        businessId: validBusinessIdFrom(2000001),
        industryClassification: 'TOL2025',
        industrySection: 'R',
        industryCode: '86101',
        municipality: 'Tampere',
        streetAddress: 'Teiskontie 35',
        postcode: '33520',
        website: 'https://example.fi',
        sizeClass: '250+',
        ownerCampusGroupId: given.groupA,
        campusGroupIds: [given.groupB, given.groupA],
        accountManagerId: given.accountManagerId,
        status: 'partner',
        tags: ['sote', 'sote', 'iso'],
        description: 'Iso työnantaja',
      });
      expect(created.status).toBe(201);
      const dto = created.body as EmployerDto;
      expect(dto).toMatchObject({
        name: 'Pirkanmaan Sairaala Oy',
        ownerCampusGroupId: given.groupA,
        ownerCampusGroupName: 'Tekniikka',
        campusGroupIds: [given.groupB],
        accountManagerId: given.accountManagerId,
        accountManagerName: expect.stringContaining('account_manager'),
        status: 'partner',
        tags: ['sote', 'iso'],
        archived: false,
        archivedAt: null,
        lastContactAt: null,
        nextFollowUpDue: null,
        version: 1,
      });
      expect(await links(dto.id)).toEqual([given.groupA, given.groupB].sort((a, b) => a - b));

      const fetched = await given.admin.get(`/api/employers/${dto.id}`);
      expect(fetched.status).toBe(200);
      expect(fetched.body).toEqual(dto);

      const audits = await auditRows(context.dataSource, 'employer', dto.id);
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ action: 'create', actor_id: given.admin.me.id, employer_id: dto.id });
      expect(audits[0].changes).toMatchObject({
        name: [null, 'Pirkanmaan Sairaala Oy'],
        ownerCampusGroupId: [null, given.groupA],
        campusGroupIds: [null, [given.groupB]],
        tags: [null, ['sote', 'iso']],
      });
    });

    it('lets an account manager create with defaults', async () => {
      const manager = await context.signedIn('account_manager');
      const created = await manager.post('/api/employers', { name: 'Pieni Paja', ownerCampusGroupId: given.groupB });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'prospect', tags: [], campusGroupIds: [], businessId: null });
    });

    it('answers an unknown employer with 404', async () => {
      expect((await given.admin.get('/api/employers/999999')).status).toBe(404);
      expect((await given.admin.get('/api/employers/abc')).status).toBe(404);
    });
  });

  describe('Y-tunnus', () => {
    it('accepts a valid one and pads the old 6-digit form', async () => {
      const valid = validBusinessIdFrom(3000001);
      const created = await given.admin.post('/api/employers', {
        name: 'Y Valid',
        businessId: valid,
        ownerCampusGroupId: given.groupA,
      });
      expect(created.status).toBe(201);
      expect(created.body.businessId).toBe(valid);

      const old = validBusinessIdFrom(123400); // 0123400-x written without the leading zero
      const padded = await given.admin.post('/api/employers', {
        name: 'Y Old form',
        businessId: old.slice(1),
        ownerCampusGroupId: given.groupA,
      });
      expect(padded.status).toBe(201);
      expect(padded.body.businessId).toBe(old);
    });

    it('rejects a bad format and a bad checksum with field errors and creates nothing', async () => {
      const before = await employerCount();
      const format = await given.admin.post('/api/employers', {
        name: 'Y Bad',
        businessId: '12345678',
        ownerCampusGroupId: given.groupA,
      });
      expectFieldErrors(format, [{ path: 'businessId', code: 'business_id_format', message: 'Format is 1234567-8' }]);

      const valid = validBusinessIdFrom(3100001);
      const wrongDigit = `${valid.slice(0, 8)}${(Number(valid.at(-1)) + 1) % 10}`;
      const checksum = await given.admin.post('/api/employers', {
        name: 'Y Bad',
        businessId: wrongDigit,
        ownerCampusGroupId: given.groupA,
      });
      expectFieldErrors(checksum, [
        { path: 'businessId', code: 'business_id_checksum', message: 'Check digit does not match' },
      ]);
      expect(await employerCount()).toBe(before);
    });

    it('refuses a duplicate with 409 naming the existing employer, on create and on update', async () => {
      const businessId = validBusinessIdFrom(3200001);
      const first = await given.admin.post('/api/employers', {
        name: 'Alkuperäinen Oy',
        businessId,
        ownerCampusGroupId: given.groupA,
      });
      const before = await employerCount();
      const duplicate = await given.admin.post('/api/employers', {
        name: 'Kopio Oy',
        businessId,
        ownerCampusGroupId: given.groupB,
      });
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({
        code: 'EMPLOYER_BUSINESS_ID_TAKEN',
        fieldErrors: [{ path: 'businessId', code: 'business_id_taken', message: 'Already in use' }],
        detail: { existingEmployerId: first.body.id, existingEmployerName: 'Alkuperäinen Oy' },
      });
      expect(await employerCount()).toBe(before);

      const other = await given.admin.post('/api/employers', { name: 'Toinen Oy', ownerCampusGroupId: given.groupA });
      const update = await given.admin.patch(`/api/employers/${other.body.id}`, { version: 1, businessId });
      expect(update.status).toBe(409);
      expect(update.body.detail).toEqual({
        existingEmployerId: first.body.id,
        existingEmployerName: 'Alkuperäinen Oy',
      });
      // Saving an employer with its own Y-tunnus is not a duplicate.
      const same = await given.admin.patch(`/api/employers/${first.body.id}`, {
        version: 1,
        businessId,
        name: 'Alkuperäinen Oyj',
      });
      expect(same.status).toBe(200);
    });
  });

  describe('references', () => {
    it('rejects unknown campus groups and unfit account managers with field errors, changing nothing', async () => {
      const before = await employerCount();
      const unknownOwner = await given.admin.post('/api/employers', { name: 'X', ownerCampusGroupId: 999999 });
      expectFieldErrors(unknownOwner, [
        { path: 'ownerCampusGroupId', code: 'unknown_campus_group', message: 'Unknown campus group' },
      ]);
      const unknownOther = await given.admin.post('/api/employers', {
        name: 'X',
        ownerCampusGroupId: given.groupA,
        campusGroupIds: [999999],
      });
      expect(unknownOther.body.fieldErrors.map((e: { path: string }) => e.path)).toEqual(['campusGroupIds']);

      const member = await context.createUser('campus_member', [given.groupA]);
      const inactiveManager = await context.createUser('account_manager');
      await context.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [inactiveManager]);
      for (const candidate of [member, inactiveManager, 999999]) {
        const response = await given.admin.post('/api/employers', {
          name: 'X',
          ownerCampusGroupId: given.groupA,
          accountManagerId: candidate,
        });
        expectFieldErrors(response, [
          {
            path: 'accountManagerId',
            code: 'invalid_account_manager',
            message: 'Must be an active account manager or admin',
          },
        ]);
      }
      // An admin may be the responsible person.
      const byAdmin = await given.admin.post('/api/employers', {
        name: 'Admin managed',
        ownerCampusGroupId: given.groupA,
        accountManagerId: given.admin.me.id,
      });
      expect(byAdmin.status).toBe(201);
      expect(await employerCount()).toBe(before + 1);
    });

    it('rejects an industry section outside the classification', async () => {
      const response = await given.admin.post('/api/employers', {
        name: 'X',
        ownerCampusGroupId: given.groupA,
        industryClassification: 'TOL2008',
        industrySection: 'V',
      });
      expect(response.status).toBe(400);
      expect(response.body.fieldErrors[0]).toMatchObject({ path: 'industrySection', code: 'industry_section_invalid' });
    });

    it('rejects an industry code of another section or of no division of the version, creating nothing', async () => {
      const before = await employerCount();
      const base = { name: 'Koodi Oy', ownerCampusGroupId: given.groupA, industryClassification: 'TOL2025' };
      const mismatch = await given.admin.post('/api/employers', {
        ...base,
        industrySection: 'C',
        industryCode: '47110',
      });
      expectFieldErrors(mismatch, [
        expect.objectContaining({ path: 'industryCode', code: 'industry_code_section_mismatch' }),
      ]);
      // Division 45 (motor vehicle trade) is TOL 2008 only.
      const unknown = await given.admin.post('/api/employers', { ...base, industryCode: '45200' });
      expectFieldErrors(unknown, [expect.objectContaining({ path: 'industryCode', code: 'industry_code_unknown' })]);
      expect(await employerCount()).toBe(before);
      const old = await given.admin.post('/api/employers', {
        ...base,
        industryClassification: 'TOL2008',
        industrySection: 'G',
        industryCode: '45200',
      });
      expect(old.status).toBe(201);
    });
  });

  describe('update', () => {
    it('updates fields, keeps linked groups in sync and audits every changed field', async () => {
      const groupC = await context.createCampusGroup('Kauppa');
      const { body: created } = await given.admin.post('/api/employers', {
        name: 'Muutettava Oy',
        ownerCampusGroupId: given.groupA,
        campusGroupIds: [given.groupB],
        tags: ['a'],
      });
      const renamed = await given.admin.patch(`/api/employers/${created.id}`, {
        version: 1,
        name: 'Muutettu Oy',
        status: 'partner',
        tags: ['a', 'b'],
        municipality: 'Nokia',
        accountManagerId: given.accountManagerId,
      });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({
        name: 'Muutettu Oy',
        status: 'partner',
        tags: ['a', 'b'],
        version: 2,
        campusGroupIds: [given.groupB],
      });
      expect(await links(created.id)).toEqual([given.groupA, given.groupB].sort((a, b) => a - b));

      // A new owner: the old owner is unlinked, the other groups stay.
      const moved = await given.admin.patch(`/api/employers/${created.id}`, { version: 2, ownerCampusGroupId: groupC });
      expect(moved.body).toMatchObject({
        ownerCampusGroupId: groupC,
        ownerCampusGroupName: 'Kauppa',
        campusGroupIds: [given.groupB],
      });
      expect(await links(created.id)).toEqual([given.groupB, groupC].sort((a, b) => a - b));

      const regrouped = await given.admin.patch(`/api/employers/${created.id}`, {
        version: 3,
        campusGroupIds: [given.groupA],
      });
      expect(regrouped.body.campusGroupIds).toEqual([given.groupA]);
      expect(await links(created.id)).toEqual([given.groupA, groupC].sort((a, b) => a - b));

      const cleared = await given.admin.patch(`/api/employers/${created.id}`, {
        version: 4,
        municipality: '',
        accountManagerId: null,
      });
      expect(cleared.body).toMatchObject({ municipality: null, accountManagerId: null, accountManagerName: null });

      const audits = await auditRows(context.dataSource, 'employer', created.id);
      expect(audits.map((row) => row.action)).toEqual(['create', 'update', 'update', 'update', 'update']);
      expect(audits.every((row) => row.employer_id === created.id)).toBe(true);
      expect(audits[1].changes).toEqual({
        name: ['Muutettava Oy', 'Muutettu Oy'],
        status: ['prospect', 'partner'],
        tags: [['a'], ['a', 'b']],
        municipality: [null, 'Nokia'],
        accountManagerId: [null, given.accountManagerId],
      });
      expect(audits[2].changes).toEqual({ ownerCampusGroupId: [given.groupA, groupC] });
      expect(audits[3].changes).toEqual({ campusGroupIds: [[given.groupB], [given.groupA]] });
      expect(audits[4].changes).toEqual({
        municipality: ['Nokia', null],
        accountManagerId: [given.accountManagerId, null],
      });
    });

    it('refuses a stale version with 409 and the current employer, changing nothing', async () => {
      const { body: created } = await given.admin.post('/api/employers', {
        name: 'Kilpailu Oy',
        ownerCampusGroupId: given.groupA,
      });
      await given.admin.patch(`/api/employers/${created.id}`, { version: 1, municipality: 'Tampere' });
      const stale = await given.admin.patch(`/api/employers/${created.id}`, { version: 1, name: 'Ylikirjoitus Oy' });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');
      expect(stale.body.current).toMatchObject({
        id: created.id,
        name: 'Kilpailu Oy',
        municipality: 'Tampere',
        version: 2,
      });
      expect((await given.admin.get(`/api/employers/${created.id}`)).body.name).toBe('Kilpailu Oy');
    });

    it('rejects bad fields with 400 and changes nothing', async () => {
      const { body: created } = await given.admin.post('/api/employers', {
        name: 'Ehjä Oy',
        ownerCampusGroupId: given.groupA,
      });
      const missingVersion = await given.admin.patch(`/api/employers/${created.id}`, { name: 'X' });
      expect(missingVersion.status).toBe(400);
      expect(missingVersion.body.fieldErrors[0].path).toBe('version');
      const bad = await given.admin.patch(`/api/employers/${created.id}`, {
        version: 1,
        name: '',
        postcode: '123',
        website: 'ftp://x',
      });
      expect(bad.status).toBe(400);
      expect(bad.body.fieldErrors.map((e: { path: string }) => e.path).sort()).toEqual(['name', 'postcode', 'website']);
      const unknownGroup = await given.admin.patch(`/api/employers/${created.id}`, {
        version: 1,
        ownerCampusGroupId: 999999,
      });
      expect(unknownGroup.status).toBe(400);
      const after = (await given.admin.get(`/api/employers/${created.id}`)).body;
      expect(after).toMatchObject({ name: 'Ehjä Oy', version: 1 });
    });

    it('checks an edited industry field against the stored ones, and leaves an old inconsistent row editable', async () => {
      const { body: created } = await given.admin.post('/api/employers', {
        name: 'Ohjelmisto Oy',
        ownerCampusGroupId: given.groupA,
        industryClassification: 'TOL2025',
        industrySection: 'K',
        industryCode: '62010',
      });
      // The section alone, or the classification alone: 62 is section J in TOL 2008, where K is finance.
      for (const edit of [{ industrySection: 'C' }, { industryClassification: 'TOL2008' }]) {
        expectFieldErrors(await given.admin.patch(`/api/employers/${created.id}`, { version: 1, ...edit }), [
          expect.objectContaining({ path: 'industryCode', code: 'industry_code_section_mismatch' }),
        ]);
      }
      const all = await given.admin.patch(`/api/employers/${created.id}`, {
        version: 1,
        industryClassification: 'TOL2025',
        industrySection: 'C',
        industryCode: '47110',
      });
      expect(all.status).toBe(400);
      expect((await given.admin.get(`/api/employers/${created.id}`)).body).toMatchObject({
        industrySection: 'K',
        industryCode: '62010',
        version: 1,
      });
      const fixed = await given.admin.patch(`/api/employers/${created.id}`, {
        version: 1,
        industrySection: 'C',
        industryCode: '10110',
      });
      expect(fixed.status).toBe(200);

      // A row stored before the check: edits that leave the industry alone still save.
      await context.dataSource.query(
        `UPDATE employers SET industry_section = 'C', industry_code = '47110' WHERE id = $1`,
        [created.id],
      );
      const renamed = await given.admin.patch(`/api/employers/${created.id}`, {
        version: 2,
        name: 'Kauppa ja Teollisuus Oy',
      });
      expect(renamed.status).toBe(200);
    });
  });

  describe('archive and restore', () => {
    it('archives and restores with audit, hiding archived employers from the default list', async () => {
      const { body: created } = await given.admin.post('/api/employers', {
        name: 'Arkistoitava Oy',
        ownerCampusGroupId: given.groupA,
      });
      const archived = await given.admin.post(`/api/employers/${created.id}/archive`, { version: 1 });
      expect(archived.status).toBe(200);
      expect(archived.body).toMatchObject({ archived: true, version: 2 });
      expect(archived.body.archivedAt).toEqual(expect.any(String));

      expect(ids((await given.admin.get('/api/employers?q=Arkistoitava')).body)).toEqual([]);
      expect(ids((await given.admin.get('/api/employers?q=Arkistoitava&archived=true')).body)).toEqual([created.id]);
      expect(ids((await given.admin.get('/api/employers?q=Arkistoitava&archived=all')).body)).toEqual([created.id]);
      // Still readable directly: history refers to it.
      expect((await given.admin.get(`/api/employers/${created.id}`)).body.archived).toBe(true);

      const again = await given.admin.post(`/api/employers/${created.id}/archive`, { version: 2 });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('EMPLOYER_ARCHIVED');
      const stale = await given.admin.post(`/api/employers/${created.id}/restore`, { version: 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.code).toBe('STALE_VERSION');

      const restored = await given.admin.post(`/api/employers/${created.id}/restore`, { version: 2 });
      expect(restored.status).toBe(200);
      expect(restored.body).toMatchObject({ archived: false, archivedAt: null, version: 3 });
      const restoreAgain = await given.admin.post(`/api/employers/${created.id}/restore`, { version: 3 });
      expect(restoreAgain.status).toBe(409);
      expect(restoreAgain.body.code).toBe('EMPLOYER_NOT_ARCHIVED');
      expect(ids((await given.admin.get('/api/employers?q=Arkistoitava')).body)).toEqual([created.id]);
      expect(ids((await given.admin.get('/api/employers?q=Arkistoitava&archived=true')).body)).toEqual([]);

      const audits = await auditRows(context.dataSource, 'employer', created.id);
      expect(audits.map((row) => [row.action, Object.keys(row.changes), row.employer_id])).toEqual([
        ['create', expect.any(Array), created.id],
        ['archive', ['archivedAt'], created.id],
        ['restore', ['archivedAt'], created.id],
      ]);
      expect((await given.admin.post(`/api/employers/${created.id}/archive`, {})).status).toBe(400);
    });

    it('keeps the remembered list totals exact through creates, moves and archives', async () => {
      const group = await context.createCampusGroup('Laskettava');
      const otherGroup = await context.createCampusGroup('Laskettava 2');
      const totalOf = async (query: string) => (await given.admin.get(`/api/employers?${query}`)).body.total as number;
      const inGroup = `campusGroupId=${group}`;
      expect(await totalOf(inGroup)).toBe(0);

      const { body: created } = await given.admin.post('/api/employers', {
        name: 'Laskettava Oy',
        ownerCampusGroupId: group,
      });
      expect(await totalOf(inGroup)).toBe(1);
      expect(await totalOf(`${inGroup}&status=partner`)).toBe(0);

      await given.admin.patch(`/api/employers/${created.id}`, { version: 1, status: 'partner' });
      expect(await totalOf(`${inGroup}&status=partner`)).toBe(1);

      await given.admin.patch(`/api/employers/${created.id}`, { version: 2, ownerCampusGroupId: otherGroup });
      expect(await totalOf(inGroup)).toBe(0);
      expect(await totalOf(`campusGroupId=${otherGroup}&status=partner`)).toBe(1);

      await given.admin.post(`/api/employers/${created.id}/archive`, { version: 3 });
      expect(await totalOf(`campusGroupId=${otherGroup}&archived=true`)).toBe(1);
      expect(await totalOf(`campusGroupId=${otherGroup}&status=partner`)).toBe(0);
    });

    it('has no hard delete', async () => {
      const { body: created } = await given.admin.post('/api/employers', {
        name: 'Pysyvä Oy',
        ownerCampusGroupId: given.groupA,
      });
      expect((await given.admin.delete(`/api/employers/${created.id}`)).status).toBe(404);
      expect((await given.admin.get(`/api/employers/${created.id}`)).status).toBe(200);
    });
  });

  describe('rights and scoping', () => {
    let ownId: number;
    let sharedId: number;
    let outsideId: number;
    let scopeA: number;
    let scopeB: number;

    beforeAll(async () => {
      scopeA = await context.createCampusGroup('Scope A');
      scopeB = await context.createCampusGroup('Scope B');
      ownId = await insertEmployer(context.dataSource, { name: 'Scoped Own', ownerCampusGroupId: scopeA });
      sharedId = await insertEmployer(context.dataSource, {
        name: 'Scoped Shared',
        ownerCampusGroupId: scopeB,
        campusGroupIds: [scopeA],
      });
      outsideId = await insertEmployer(context.dataSource, {
        name: 'Scoped Outside',
        ownerCampusGroupId: scopeB,
        businessId: validBusinessIdFrom(4000001),
      });
    });

    it('shows a campus member only employers linked to their groups, others answer 404', async () => {
      const member = await context.signedIn('campus_member', [scopeA]);
      const list = await member.get('/api/employers?q=Scoped');
      expect(list.status).toBe(200);
      expect(ids(list.body).sort()).toEqual([ownId, sharedId].sort());
      expect(list.body.total).toBe(2);
      expect((await member.get('/api/employers')).body.total).toBe(2);
      expect((await member.get(`/api/employers/${ownId}`)).status).toBe(200);
      expect((await member.get(`/api/employers/${sharedId}`)).status).toBe(200);
      const outside = await member.get(`/api/employers/${outsideId}`);
      expect(outside.status).toBe(404);
      expect(outside.body.code).toBe('NOT_FOUND');
    });

    it('never lets a campus member search outside their groups, by name or Y-tunnus', async () => {
      const member = await context.signedIn('campus_member', [scopeA]);
      expect(ids((await member.get('/api/employers?q=Scoped%20Outside')).body)).toEqual([]);
      expect(ids((await member.get(`/api/employers?q=${validBusinessIdFrom(4000001)}`)).body)).toEqual([]);
      expect(ids((await member.get('/api/employers?q=Scoped&sort=-name')).body)).not.toContain(outsideId);
      expect(
        (await member.get(`/api/employers?campusGroupId=${scopeB}`)).body.items.map((e: EmployerListItemDto) => e.id),
      ).toEqual([sharedId]);
    });

    it('gives a campus member of another group and one with no group empty lists and 404s', async () => {
      const otherGroup = await context.createCampusGroup('Scope elsewhere');
      for (const member of [
        await context.signedIn('campus_member', [otherGroup]),
        await context.signedIn('campus_member', []),
      ]) {
        const list = await member.get('/api/employers');
        expect(list.body).toEqual({ items: [], total: 0, nextCursor: null });
        expect((await member.get(`/api/employers/${ownId}`)).status).toBe(404);
      }
    });

    it('lets leadership read everything but write nothing', async () => {
      const leader = await context.signedIn('leadership');
      expect(ids((await leader.get('/api/employers?q=Scoped')).body).sort()).toEqual(
        [ownId, sharedId, outsideId].sort(),
      );
      expect((await leader.get(`/api/employers/${outsideId}`)).status).toBe(200);
      expect((await leader.post('/api/employers', { name: 'X', ownerCampusGroupId: scopeA })).status).toBe(403);
      expect((await leader.patch(`/api/employers/${ownId}`, { version: 1, name: 'X' })).status).toBe(403);
      expect((await leader.post(`/api/employers/${ownId}/archive`, { version: 1 })).status).toBe(403);
    });

    it('forbids campus members every write with 403', async () => {
      const member = await context.signedIn('campus_member', [scopeA]);
      expect((await member.post('/api/employers', { name: 'X', ownerCampusGroupId: scopeA })).status).toBe(403);
      expect((await member.patch(`/api/employers/${ownId}`, { version: 1, name: 'X' })).status).toBe(403);
      expect((await member.post(`/api/employers/${ownId}/archive`, { version: 1 })).status).toBe(403);
      expect((await member.post(`/api/employers/${ownId}/restore`, { version: 1 })).status).toBe(403);
      expect((await given.admin.get(`/api/employers/${ownId}`)).body.version).toBe(1);
    });

    it('lets an account manager update and archive any employer', async () => {
      const manager = await context.signedIn('account_manager');
      const updated = await manager.patch(`/api/employers/${outsideId}`, { version: 1, status: 'inactive' });
      expect(updated.status).toBe(200);
      expect((await manager.post(`/api/employers/${outsideId}/archive`, { version: 2 })).status).toBe(200);
      expect((await manager.post(`/api/employers/${outsideId}/restore`, { version: 3 })).status).toBe(200);
    });

    it('refuses a signed-out caller', async () => {
      const anonymous = await context.client();
      expect((await anonymous.get('/api/employers')).status).toBe(401);
    });
  });

  describe('search', () => {
    let keskoId: number;
    let searchGroup: number;

    beforeAll(async () => {
      searchGroup = await context.createCampusGroup('Search');
      keskoId = await insertEmployer(context.dataSource, {
        name: 'Kesko Oyj',
        ownerCampusGroupId: searchGroup,
        businessId: '0109862-8',
      });
      await insertEmployer(context.dataSource, { name: 'Keskisuomalainen Oyj', ownerCampusGroupId: searchGroup });
      await insertEmployer(context.dataSource, { name: 'Åbo Ömmeri Ab', ownerCampusGroupId: searchGroup });
      await insertEmployer(context.dataSource, { name: 'Valio Oy', ownerCampusGroupId: searchGroup });
    });

    it.each(['keskö', 'kesk', 'KESKO', 'Keskp Oyj', 'Ksko', 'kesko oyj'])('finds Kesko Oyj with "%s"', async (q) => {
      const response = await given.admin.get(`/api/employers?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(ids(response.body)).toContain(keskoId);
    });

    it('matches every word of a longer query, each allowing a typo, and not names sharing one word', async () => {
      const wanted = await insertEmployer(context.dataSource, {
        name: 'Rovaniemen Kiinteistöpalvelu Oy',
        ownerCampusGroupId: searchGroup,
      });
      const sharingOneWord = await insertEmployer(context.dataSource, {
        name: 'Rovaniemen Konepaja Oy',
        ownerCampusGroupId: searchGroup,
      });
      for (const q of ['Roavniemen Kiinteistöplvelu', 'rovaniemen kiinteisto', 'Kiinteistöpalvelu, Rovaniemi']) {
        const found = ids((await given.admin.get(`/api/employers?q=${encodeURIComponent(q)}`)).body);
        expect(found).toContain(wanted);
        expect(found).not.toContain(sharingOneWord);
      }
    });

    it('finds a renamed employer by its new name at once', async () => {
      const { body: created } = await given.admin.post('/api/employers', {
        name: 'Vanhanimi Oy',
        ownerCampusGroupId: searchGroup,
      });
      await given.admin.patch(`/api/employers/${created.id}`, { version: 1, name: 'Uudenkaupungin Telakka Oy' });
      expect(
        ids((await given.admin.get(`/api/employers?q=${encodeURIComponent('uudenkaupungin telakka')}`)).body),
      ).toEqual([created.id]);
    });

    it('ignores accents in the stored name', async () => {
      const response = await given.admin.get(`/api/employers?q=${encodeURIComponent('abo ommeri')}`);
      expect(response.body.items.map((e: EmployerListItemDto) => e.name)).toEqual(['Åbo Ömmeri Ab']);
    });

    it('finds an employer by its exact Y-tunnus, old form too, and puts it first', async () => {
      expect(ids((await given.admin.get('/api/employers?q=0109862-8')).body)).toEqual([keskoId]);
      expect(ids((await given.admin.get('/api/employers?q=109862-8')).body)).toEqual([keskoId]);
    });

    it.each(['01098628', '1098628', ' 01098628 '])(
      'finds an employer by its Y-tunnus typed without the hyphen, "%s"',
      async (q) => {
        expect(ids((await given.admin.get(`/api/employers?q=${encodeURIComponent(q)}`)).body)).toEqual([keskoId]);
      },
    );

    it('orders by relevance: the closest name first', async () => {
      const response = await given.admin.get(`/api/employers?q=kesko&campusGroupId=${searchGroup}`);
      expect(response.body.items.map((e: EmployerListItemDto) => e.name)[0]).toBe('Kesko Oyj');
    });

    it('does not match unrelated names or treat LIKE wildcards as wildcards', async () => {
      expect(ids((await given.admin.get('/api/employers?q=Valio')).body)).not.toContain(keskoId);
      // Sharing only the "Oy" word is not a typo match.
      const names = (await given.admin.get(`/api/employers?q=${encodeURIComponent('Keskp Oyj')}`)).body.items.map(
        (e: EmployerListItemDto) => e.name,
      );
      expect(names).toContain('Kesko Oyj');
      expect(names).not.toContain('Valio Oy');
      expect((await given.admin.get(`/api/employers?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
    });

    it('pages relevance results by offset cursor and honours an explicit sort', async () => {
      const first = await given.admin.get(`/api/employers?q=oy&campusGroupId=${searchGroup}&limit=1`);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.total).toBeGreaterThan(1);
      const seen = [...ids(first.body)];
      let cursor: string | null = first.body.nextCursor;
      while (cursor) {
        const next = await given.admin.get(`/api/employers?q=oy&campusGroupId=${searchGroup}&limit=1&cursor=${cursor}`);
        seen.push(...ids(next.body));
        cursor = next.body.nextCursor;
      }
      expect(new Set(seen).size).toBe(first.body.total);

      // Every page, and a cursor past the last match, reports the same total as the first page.
      const second = await given.admin.get(
        `/api/employers?q=oy&campusGroupId=${searchGroup}&limit=1&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.total).toBe(first.body.total);
      const beyond = Buffer.from(JSON.stringify([first.body.total + 5])).toString('base64url');
      const past = await given.admin.get(`/api/employers?q=oy&campusGroupId=${searchGroup}&limit=1&cursor=${beyond}`);
      expect(past.status).toBe(200);
      expect(past.body).toEqual({ items: [], total: first.body.total, nextCursor: null });
      expect((await given.admin.get(`/api/employers?q=zzqxv&campusGroupId=${searchGroup}`)).body).toEqual({
        items: [],
        total: 0,
        nextCursor: null,
      });

      const sorted = await given.admin.get(`/api/employers?q=oy&campusGroupId=${searchGroup}&sort=-name`);
      const names = sorted.body.items.map((e: EmployerListItemDto) => e.name.toLowerCase());
      expect(names).toEqual([...names].sort().reverse());
    });
  });

  describe('filters', () => {
    let filterGroup: number;
    let otherManager: number;
    let employer: { tagged: number; stale: number; recent: number };

    beforeAll(async () => {
      filterGroup = await context.createCampusGroup('Filters');
      otherManager = await context.createUser('account_manager');
      const tagged = (
        await given.admin.post('/api/employers', {
          name: 'Filter Tagged',
          ownerCampusGroupId: filterGroup,
          tags: ['oppisopimus', 'iso'],
          status: 'partner',
          industryClassification: 'TOL2025',
          industrySection: 'C',
          accountManagerId: otherManager,
        })
      ).body.id;
      const stale = await insertEmployer(context.dataSource, { name: 'Filter Stale', ownerCampusGroupId: filterGroup });
      const recent = await insertEmployer(context.dataSource, {
        name: 'Filter Recent',
        ownerCampusGroupId: filterGroup,
      });
      await context.dataSource.query(
        `UPDATE employers SET last_contact_at = now() - interval '100 days' WHERE id = $1`,
        [stale],
      );
      await context.dataSource.query(`UPDATE employers SET last_contact_at = now() - interval '2 days' WHERE id = $1`, [
        recent,
      ]);
      employer = { tagged, stale, recent };
    });

    const filtered = async (query: string) =>
      ids((await given.admin.get(`/api/employers?campusGroupId=${filterGroup}&${query}`)).body).sort((a, b) => a - b);

    it('filters by status, tag, industry section and account manager', async () => {
      expect(await filtered('status=partner')).toEqual([employer.tagged]);
      expect(await filtered('tag=oppisopimus')).toEqual([employer.tagged]);
      expect(await filtered('tag=ei-ole')).toEqual([]);
      expect(await filtered('industrySection=C')).toEqual([employer.tagged]);
      expect(await filtered(`accountManagerId=${otherManager}`)).toEqual([employer.tagged]);
    });

    it('filters employers with no contact for N days, never-contacted ones included', async () => {
      expect(await filtered('noContactDays=30')).toEqual([employer.tagged, employer.stale].sort((a, b) => a - b));
      expect(await filtered('noContactDays=1')).toEqual(Object.values(employer).sort((a, b) => a - b));
    });

    it('filters by any linked campus group', async () => {
      const shared = await insertEmployer(context.dataSource, {
        name: 'Filter Linked',
        ownerCampusGroupId: given.groupA,
        campusGroupIds: [filterGroup],
      });
      expect(await filtered('q=Filter%20Linked')).toEqual([shared]);
    });

    it('rejects malformed query values with field errors', async () => {
      for (const query of ['status=x', 'noContactDays=-1', 'sort=size', 'limit=0', 'limit=999', 'archived=yes']) {
        const response = await given.admin.get(`/api/employers?${query}`);
        expect(response.status).toBe(400);
        expect(response.body.code).toBe('VALIDATION_FAILED');
      }
      const cursor = await given.admin.get('/api/employers?cursor=nonsense');
      expect(cursor.status).toBe(400);
      expect(cursor.body.code).toBe('INVALID_CURSOR');
    });
  });

  describe('keyset paging', () => {
    let pagingGroup: number;
    interface Expected {
      id: number;
      name: string;
      status: string;
      lastContact: string | null;
      nextFollowUp: string | null;
      accountManager: string | null;
    }
    const rows: Expected[] = [];

    beforeAll(async () => {
      pagingGroup = await context.createCampusGroup('Paging');
      const managers = [await context.createUser('account_manager'), await context.createUser('account_manager')];
      const managerNames: Record<number, string> = {};
      for (const id of managers) {
        const [{ display_name }] = await context.dataSource.query(`SELECT display_name FROM users WHERE id = $1`, [id]);
        managerNames[id] = display_name.toLowerCase();
      }
      // Ties, NULLs and sub-millisecond timestamps on purpose: each must page without skips or repeats.
      const seeds: [string, string, string | null, string | null, number | null][] = [
        ['delta', 'partner', '2026-01-01 10:00:00.123456+00', '2026-03-01', managers[0]],
        ['alpha', 'prospect', '2026-01-01 10:00:00.123456+00', null, managers[1]],
        ['charlie', 'inactive', null, '2026-03-01', null],
        ['bravo', 'partner', '2026-01-01 10:00:00.123457+00', '2026-02-01', managers[0]],
        ['echo', 'prospect', null, null, managers[1]],
        ['alpha', 'partner', '2025-12-31 23:59:59.999999+00', '2026-04-01', null],
        ['foxtrot', 'prospect', '2026-02-01 00:00:00+00', '2026-02-01', managers[0]],
      ];
      for (const [name, status, lastContact, nextFollowUp, manager] of seeds) {
        const id = await insertEmployer(context.dataSource, {
          name: `Paging ${name}`,
          ownerCampusGroupId: pagingGroup,
          accountManagerId: manager,
        });
        await context.dataSource.query(
          `UPDATE employers SET status = $2, last_contact_at = $3, next_follow_up_due = $4 WHERE id = $1`,
          [id, status, lastContact, nextFollowUp],
        );
        const [{ epoch }] = await context.dataSource.query(
          `SELECT (extract(epoch FROM $1::timestamptz) * 1000000)::bigint::text AS epoch`,
          [lastContact],
        );
        rows.push({
          id,
          name: `paging ${name}`,
          status: String(['prospect', 'partner', 'inactive'].indexOf(status)).padStart(2, '0'),
          // Microsecond-exact comparable text for the expectation.
          lastContact: lastContact === null ? null : String(epoch).padStart(20, '0'),
          nextFollowUp,
          accountManager: manager === null ? null : managerNames[manager],
        });
      }
    });

    function expectedOrder(field: keyof Omit<Expected, 'id'>, descending: boolean): number[] {
      const direction = descending ? -1 : 1;
      const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
      return [...rows]
        .sort((a, b) => {
          if (field !== 'name') {
            const [x, y] = [a[field], b[field]];
            if (x === null || y === null) {
              if (x !== y) return x === null ? 1 : -1; // NULLs last in both directions
            } else if (x !== y) {
              return compare(x, y) * direction;
            }
          }
          return (compare(a.name, b.name) || compare(a.id, b.id)) * direction;
        })
        .map((row) => row.id);
    }

    async function pageThrough(sort: string, limit: number): Promise<number[]> {
      const seen: number[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 20; pages += 1) {
        const response = await given.admin.get(
          `/api/employers?campusGroupId=${pagingGroup}&sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(response.status).toBe(200);
        expect(response.body.total).toBe(rows.length);
        seen.push(...ids(response.body));
        cursor = response.body.nextCursor;
        if (!cursor) return seen;
      }
      throw new Error('paging did not end');
    }

    const sorts = ['name', 'status', 'lastContact', 'nextFollowUp', 'accountManager'] as const;
    it.each(sorts.flatMap((sort) => [[sort, false] as const, [sort, true] as const]))(
      'pages by %s (descending: %s) without skips or repeats, NULLs last',
      async (sort, descending) => {
        const expected = expectedOrder(sort, descending);
        for (const limit of [1, 2, 3]) {
          expect(await pageThrough(`${descending ? '-' : ''}${sort}`, limit)).toEqual(expected);
        }
      },
    );

    it('sorts by name by default', async () => {
      const response = await given.admin.get(`/api/employers?campusGroupId=${pagingGroup}`);
      expect(ids(response.body)).toEqual(expectedOrder('name', false));
      expect(response.body.nextCursor).toBeNull();
    });

    it('returns the joined names in list items', async () => {
      const response = await given.admin.get(`/api/employers?campusGroupId=${pagingGroup}&sort=accountManager&limit=1`);
      expect(response.body.items[0]).toMatchObject({
        ownerCampusGroupName: 'Paging',
        accountManagerName: expect.any(String),
        archived: false,
      });
    });
  });
});
