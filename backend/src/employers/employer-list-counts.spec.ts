import type { EmployerDto, EmployerListQuery } from '@tyoelama/shared';
import { readScope } from '../auth';
import { DataChanges } from '../cache/data-changes';
import { SqlParams } from '../database/sql';
import { queryOnce } from '../../test/test-database';
import { useFixture, useTestApp } from '../../test/test-app';
import { employerFilterSql } from './employer-list-sql';
import { foldEmployerListCounts, rolledUpEmployerTotal } from './employer-list-counts';
import { countEmployers } from './employers.table';

/**
 * The list total from the roll-up (migration EmployerListCounts) is exactly what counting the
 * matching employers gives, for an admin and for campus members (one of them in two groups, so an
 * employer linked to both counts once), for every combination of the filters it serves, after
 * each kind of change: creates, status, account manager and group link changes, archive and
 * restore, deletes and imports.
 */
describe('employer list totals from the roll-up', () => {
  const context = useTestApp();
  const given = useFixture(async () => {
    const groupA = await context.createCampusGroup('Tekniikka');
    const groupB = await context.createCampusGroup('Sote');
    const groupC = await context.createCampusGroup('Kauppa');
    return {
      groupA,
      groupB,
      groupC,
      managerA: await context.createUser('account_manager'),
      managerB: await context.createUser('account_manager'),
      admin: await context.signedIn('admin'),
      memberAB: await context.signedIn('campus_member', [groupA, groupB]),
      memberC: await context.signedIn('campus_member', [groupC]),
    };
  });

  function queries(): EmployerListQuery[] {
    const result: EmployerListQuery[] = [];
    for (const archived of [undefined, 'true', 'all'] as const)
      for (const status of [undefined, 'partner'] as const)
        for (const campusGroupId of [undefined, given.groupA, given.groupC])
          for (const accountManagerId of [undefined, given.managerA]) {
            const query: Record<string, string> = {};
            if (archived) query.archived = archived;
            if (status) query.status = status;
            if (campusGroupId) query.campusGroupId = String(campusGroupId);
            if (accountManagerId) query.accountManagerId = String(accountManagerId);
            result.push(query);
          }
    return result;
  }

  /** Every caller's every query: the API's total and the roll-up's equal the count of the rows. */
  async function expectTotalsExact(): Promise<void> {
    // Changes made in SQL rather than through the API must also end the remembered totals.
    context.app.get(DataChanges).changed();
    for (const caller of [given.admin, given.memberAB, given.memberC]) {
      const scope = readScope(caller.me, 'employers');
      for (const query of queries()) {
        const params = new SqlParams();
        const exact = await countEmployers(context.dataSource, employerFilterSql(scope, query, params), params);
        const rolledUp = await rolledUpEmployerTotal(context.dataSource, scope, query);
        const listed = await caller.get(`/api/employers?${new URLSearchParams({ ...query, limit: '1' }).toString()}`);
        expect(listed.status).toBe(200);
        const asked = { role: caller.me.role, query };
        expect({ ...asked, rolledUp, listed: listed.body.total }).toEqual({ ...asked, rolledUp: exact, listed: exact });
      }
    }
  }

  /** The folded counts and each employer's remembered key, in key order. */
  async function rollupRows(): Promise<unknown[]> {
    return [
      await context.dataSource.query(
        `SELECT status, account_manager_id, archived, campus_group_ids, n::int FROM employer_list_counts ORDER BY 1, 2, 3, 4`,
      ),
      await context.dataSource.query(`SELECT * FROM employer_list_keys ORDER BY employer_id`),
    ];
  }

  async function create(body: Record<string, unknown>): Promise<EmployerDto> {
    const created = await given.admin.post('/api/employers', body);
    expect(created.status).toBe(201);
    return created.body as EmployerDto;
  }

  async function update(employer: EmployerDto, changes: Record<string, unknown>): Promise<EmployerDto> {
    const updated = await given.admin.patch(`/api/employers/${employer.id}`, { version: employer.version, ...changes });
    expect(updated.status).toBe(200);
    return updated.body as EmployerDto;
  }

  it('equals count(*) after each kind of change', async () => {
    const { groupA, groupB, groupC, managerA, managerB } = given;
    await expectTotalsExact();

    // Creates: one group, two of the member's groups (counted once), all three, an account manager.
    const onlyA = await create({ name: 'Yksi Oy', ownerCampusGroupId: groupA, status: 'partner' });
    let both = await create({
      name: 'Kaksi Oy',
      ownerCampusGroupId: groupA,
      campusGroupIds: [groupB],
      accountManagerId: managerA,
      status: 'partner',
    });
    let all = await create({
      name: 'Kolme Oy',
      ownerCampusGroupId: groupC,
      campusGroupIds: [groupA, groupB],
      accountManagerId: managerB,
    });
    const inC = await create({ name: 'Nelja Oy', ownerCampusGroupId: groupC, accountManagerId: managerA });
    await expectTotalsExact();

    // Status, account manager and links (added, removed, the owner moved).
    both = await update(both, { status: 'inactive' });
    all = await update(all, { accountManagerId: managerA, status: 'partner' });
    await expectTotalsExact();
    both = await update(both, { campusGroupIds: [groupB, groupC] });
    all = await update(all, { ownerCampusGroupId: groupB, campusGroupIds: [] });
    await expectTotalsExact();
    both = await update(both, { accountManagerId: null, campusGroupIds: [] });
    await expectTotalsExact();

    // Archive and restore.
    const archived = await given.admin.post(`/api/employers/${onlyA.id}/archive`, { version: onlyA.version });
    expect(archived.status).toBe(200);
    const archivedBoth = await given.admin.post(`/api/employers/${both.id}/archive`, { version: both.version });
    expect(archivedBoth.status).toBe(200);
    await expectTotalsExact();
    const restored = await given.admin.post(`/api/employers/${both.id}/restore`, {
      version: (archivedBoth.body as EmployerDto).version,
    });
    expect(restored.status).toBe(200);
    await expectTotalsExact();

    // Deletes (no API deletes employers: maintenance does, in SQL), and links changed in bulk, two
    // of one employer's in one statement.
    await context.dataSource.query(`DELETE FROM employers WHERE id = ANY($1::int[])`, [[inC.id, all.id]]);
    await context.dataSource.query(
      `INSERT INTO employer_campus_groups (employer_id, campus_group_id)
       SELECT $1, g FROM unnest($2::int[]) g ON CONFLICT DO NOTHING`,
      [onlyA.id, [groupB, groupC]],
    );
    await expectTotalsExact();
    await context.dataSource.query(
      `DELETE FROM employer_campus_groups WHERE employer_id = $1 AND campus_group_id <> $2`,
      [onlyA.id, groupA],
    );
    await expectTotalsExact();

    // An import: new employers in one commit, with an account manager, owned by group C.
    const csv = 'Nimi;Tila\nTuonti Yksi Oy;partner\nTuonti Kaksi Oy;prospect\nTuonti Kolme Oy;partner\n';
    const preview = await given.admin
      .upload('/api/imports')
      .field('ownerCampusGroupId', String(groupC))
      .field('accountManagerId', String(managerA))
      .attach('file', Buffer.from(csv, 'utf8'), 'tyonantajat.csv');
    expect(preview.status).toBe(201);
    const committed = await given.admin.post(`/api/imports/${preview.body.id}/commit`, { decisions: {} });
    expect(committed.body.report).toMatchObject({ created: 3 });
    await expectTotalsExact();

    // Folded or pending, the deltas give the same answer; a fold leaves none pending.
    await foldEmployerListCounts(context.dataSource);
    await expectTotalsExact();
    const [{ pending }] = await context.dataSource.query(
      `SELECT count(*)::int AS pending FROM employer_list_count_deltas`,
    );
    expect(pending).toBe(0);

    // The recount that bulk loads run gives what the triggers kept, key by key.
    const keptRows = await rollupRows();
    await queryOnce(context.database.ownerUrl, `SELECT crm_rebuild_report_counts()`);
    expect(await rollupRows()).toEqual(keptRows);
  }, 120_000);

  it('leaves other filters and searches to the count', async () => {
    const scope = readScope(given.admin.me, 'employers');
    for (const query of [
      { q: 'Oy' },
      { tag: 'x' },
      { industrySection: 'C' },
      { noContactDays: '30' },
      { registerFlags: 'true' },
    ]) {
      expect(await rolledUpEmployerTotal(context.dataSource, scope, query as EmployerListQuery)).toBeNull();
    }
  });
});
