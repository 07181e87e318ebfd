import { expect, type Page, test } from '@playwright/test';
import { formatFinnishDate } from '@tyoelama/shared';

import { hashKey, sql } from './database';
import {
  ADMIN,
  apiAs,
  arrangeCampusGroup,
  arrangeContactPerson,
  arrangeEmployer,
  arrangeUser,
  expectNoAxeViolations,
  expectNoHorizontalScroll,
  helsinkiDateIn,
  newBusinessId,
  signIn,
  unique,
} from './support';

/**
 * The national VET data on an employer page and in the call lists. The importers fill the two tables
 * from files; here the rows are arranged with SQL, dated from today, as an import would leave them.
 */

interface Arranged {
  group: { id: number; name: string };
  hosting: { id: number; name: string };
  lapsed: { id: number; name: string };
  empty: { id: number; name: string };
  otherMember: { email: string };
  noBusinessIdWorkplace: string;
  unknownBusinessId: string;
  instructor: string;
}

let periodCounter = 0;

async function insertPeriod(values: {
  student: string;
  employerId: number | null;
  businessId: string | null;
  workplaceName: string;
  kind?: string;
  startsOn: string;
  endsOn?: string | null;
  instructorId?: number | null;
}): Promise<void> {
  periodCounter += 1;
  await sql(
    `INSERT INTO workplace_learning_periods (period_key, student_key, sources, employer_id, business_id, workplace_name,
       kind, starts_on, ends_on, qualification_code, qualification_name, campus_name, instructor_id)
     VALUES ($1, $2, '{koski,ehoks}', $3, $4, $5, $6, $7, $8, '351101', 'Liiketoiminnan perustutkinto',
             'Hervannan toimipiste', $9)`,
    [
      hashKey(`${values.student} ${periodCounter} ${Date.now()}`),
      hashKey(values.student),
      values.employerId,
      values.businessId,
      values.workplaceName,
      values.kind ?? 'training_agreement',
      values.startsOn,
      values.endsOn ?? null,
      values.instructorId ?? null,
    ],
  );
}

async function arrange(): Promise<Arranged> {
  const group = await arrangeCampusGroup(unique('Työssäoppiminen'));
  const otherGroup = await arrangeCampusGroup(unique('Muu ryhmä'));
  const otherMember = await arrangeUser('campus_member', [otherGroup.id]);
  const hostingId = newBusinessId();
  const hosting = await arrangeEmployer(unique('Ohjaava Oy'), group.id, { businessId: hostingId });
  const lapsedId = newBusinessId();
  const lapsed = await arrangeEmployer(unique('Viimevuotinen Oy'), group.id, { businessId: lapsedId });
  const empty = await arrangeEmployer(unique('Uusi Oy'), group.id);
  const instructor = unique('Ilona Ohjaaja');
  const instructorId = await arrangeContactPerson(hosting.id, instructor, { email: 'ilona.ohjaaja@example.fi' });

  const student = unique('opiskelija');
  await insertPeriod({
    student,
    employerId: hosting.id,
    businessId: hostingId,
    workplaceName: hosting.name,
    kind: 'apprenticeship',
    startsOn: helsinkiDateIn(-30),
    instructorId,
  });
  await insertPeriod({
    student: unique('toinen'),
    employerId: hosting.id,
    businessId: hostingId,
    workplaceName: hosting.name,
    startsOn: helsinkiDateIn(-200),
    endsOn: helsinkiDateIn(-150),
  });
  const lastYear = Number(helsinkiDateIn(0).slice(0, 4)) - 1;
  for (const name of ['a', 'b']) {
    await insertPeriod({
      student: unique(`viime-${name}`),
      employerId: lapsed.id,
      businessId: lapsedId,
      workplaceName: lapsed.name,
      startsOn: `${lastYear}-03-01`,
      endsOn: `${lastYear}-05-31`,
    });
  }
  const noBusinessIdWorkplace = unique('Kioski ilman tunnusta');
  await insertPeriod({
    student: unique('kioski'),
    employerId: null,
    businessId: null,
    workplaceName: noBusinessIdWorkplace,
    startsOn: helsinkiDateIn(-10),
  });
  const unknownBusinessId = newBusinessId();
  await insertPeriod({
    student: unique('tuntematon'),
    employerId: null,
    businessId: unknownBusinessId,
    workplaceName: unique('Tuntematon Ky'),
    startsOn: helsinkiDateIn(-20),
  });

  const code = unique('TPK');
  await sql(
    `INSERT INTO feedback_surveys (kind, code, employer_id, business_id, url, valid_from, valid_until, answers, targets)
     VALUES ('workplace', $1, $2, $3, $4, $5, $6, 0, 1),
            ('workplace', $1 || '-vastattu', $2, $3, NULL, $7, $8, 1, 1),
            ('instructor', $1 || '-ohjaaja', $2, $3, NULL, $7, $8, 1, 1)`,
    [
      code,
      hosting.id,
      hostingId,
      `https://arvo.example.fi/v/${code}`,
      helsinkiDateIn(-60),
      helsinkiDateIn(10),
      helsinkiDateIn(-300),
      helsinkiDateIn(-200),
    ],
  );
  return { group, hosting, lapsed, empty, otherMember, noBusinessIdWorkplace, unknownBusinessId, instructor };
}

/** The deferred section loads when it comes into view. */
async function workplaceLearningSection(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('app-skeleton')).toHaveCount(0);
  await page.locator('.deferred-section, app-employer-workplace-learning').first().scrollIntoViewIfNeeded();
  const section = page.locator('app-employer-workplace-learning');
  await expect(section.getByRole('heading', { name: 'Työpaikalla oppiminen', level: 2 })).toBeVisible();
  await expect(section.getByRole('status')).toHaveCount(0);
  return section;
}

test.describe('workplace learning', () => {
  let world: Arranged;

  test.beforeAll(async () => {
    world = await arrange();
  });

  test('the employer page shows students, instructors and surveys; an employer without data says where it comes from', async ({
    page,
  }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.goto(`/employers/${world.hosting.id}`);
    await expect(page.getByRole('heading', { name: world.hosting.name, level: 1 })).toBeVisible();
    const section = await workplaceLearningSection(page);
    const figures = section.getByRole('list', { name: 'Luvut' });
    await expect(figures.getByRole('listitem').first()).toContainText('1');
    await expect(figures.getByRole('listitem').first()).toContainText('Opiskelijoita nyt');
    await expect(section.getByRole('table', { name: 'Opiskelijat vuosittain ja sopimusmuodoittain' })).toBeVisible();
    await expect(section.getByText(world.instructor, { exact: true })).toBeVisible();
    const surveys = section.getByRole('table', { name: 'Työpaikkakyselyt puolivuosittain' });
    await expect(surveys.getByText('Avoin', { exact: true })).toBeVisible();
    await expect(surveys.getByText('Vastattu', { exact: true })).toBeVisible();
    await expect(surveys.getByRole('link', { name: 'Avaa kysely' })).toHaveAttribute('href', /arvo\.example\.fi/);
    await expect(section.getByText('Työpaikkaohjaajakyselyt: vastattu 1 / 1')).toBeVisible();
    // "In contact persons" moves to the person on the same page.
    await section.getByRole('button', { name: new RegExp(`Yhteyshenkilöissä\\s*:\\s*${world.instructor}`) }).click();
    await expect(page.locator('li.person:focus')).toContainText(world.instructor);
    await expectNoAxeViolations(page, 'employer page with workplace learning');

    await page.goto(`/employers/${world.empty.id}`);
    const empty = await workplaceLearningSection(page);
    await expect(empty.getByText('Tuo KOSKI-, eHOKS- ja Arvo-tiedostot tuontisivulta.')).toBeVisible();
    await expect(empty.getByRole('link', { name: 'Tuontisivulle' })).toHaveAttribute('href', '/import');
    await expectNoAxeViolations(page, 'employer page without workplace learning');
  });

  test('each call list finds its employers or periods, filters by group and exports CSV', async ({ page }) => {
    await signIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('link', { name: 'Soittolistat' }).first().click();
    await expect(page.getByRole('heading', { name: 'Soittolistat', level: 1 })).toBeVisible();
    await page.goto(`/call-lists?campusGroupId=${world.group.id}`);

    const table = page.locator('app-data-table');
    await expect(table.getByRole('link', { name: world.hosting.name, exact: true })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(world.hosting.name) })).toContainText('Ei koskaan');
    await expectNoAxeViolations(page, 'call list: no recent contact');

    const csvUrl = await page.getByRole('link', { name: /^Lataa CSV/ }).getAttribute('href');
    expect(csvUrl).toBe(`/api/call-lists/no-recent-contact/export.csv?campusGroupId=${world.group.id}`);
    const csv = await page.request.get(csvUrl!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain(`${world.hosting.name};${world.hosting.id};`);

    await page.getByRole('link', { name: 'Työpaikkakysely sulkeutumassa' }).click();
    await expect(table.getByRole('row', { name: new RegExp(world.hosting.name) })).toContainText(
      formatFinnishDate(helsinkiDateIn(10)),
    );
    await expectNoAxeViolations(page, 'call list: survey deadline');

    await page.getByRole('link', { name: 'Viime vuonna opiskelijoita, tänä vuonna ei' }).click();
    await expect(table.getByRole('row', { name: new RegExp(world.lapsed.name) })).toContainText('2');
    await expect(table.getByRole('link', { name: world.hosting.name, exact: true })).toHaveCount(0);
    await expectNoAxeViolations(page, 'call list: lapsed hosts');

    await page.getByRole('link', { name: 'Jaksot ilman Y-tunnusta' }).click();
    await expect(table.getByRole('row', { name: new RegExp(world.noBusinessIdWorkplace) })).toContainText(
      'Liiketoiminnan perustutkinto',
    );
    await expectNoAxeViolations(page, 'call list: periods without a business id');

    await page.getByRole('link', { name: 'Tuntemattomat Y-tunnukset' }).click();
    // Unknown Y-tunnus belong to no campus group, and other journeys' imports (the national sample
    // files) may list more of them than a page holds: show more until this one's row is there.
    const unknownRow = table.getByRole('row', { name: new RegExp(world.unknownBusinessId) });
    await expect(table.getByRole('columnheader', { name: 'Y-tunnus', exact: true })).toBeVisible();
    await expect(async () => {
      if (!(await unknownRow.isVisible())) {
        await page.getByRole('button', { name: 'Näytä lisää' }).click({ timeout: 2000 });
      }
      await expect(unknownRow).toBeVisible({ timeout: 2000 });
    }).toPass();
    await expectNoAxeViolations(page, 'call list: unknown business ids');
  });

  test('a campus member of another group finds none of these rows, nor the period lists', async ({ page }) => {
    const api = await apiAs(world.otherMember.email, 'e2e-user-password-123');
    expect((await api.get(`/api/employers/${world.hosting.id}/workplace-learning`)).status()).toBe(404);
    expect((await api.get('/api/call-lists/periods-without-business-id')).status()).toBe(403);
    expect(await (await api.get('/api/call-lists/no-recent-contact/export.csv')).text()).not.toContain(
      world.hosting.name,
    );

    await signIn(page, world.otherMember.email);
    await page.goto('/call-lists');
    await expect(page.getByRole('heading', { name: 'Soittolistat', level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Jaksot ilman Y-tunnusta' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: world.hosting.name, exact: true })).toHaveCount(0);
    await expect(page.getByText(/Näytetään \d+ \/ \d+/)).toBeVisible();
  });

  for (const width of [390, 320]) {
    test(`fits a ${width} px phone without sideways scrolling`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'fi-FI' });
      const page = await context.newPage();
      await signIn(page, ADMIN.email, ADMIN.password);
      await page.goto(`/employers/${world.hosting.id}`);
      await workplaceLearningSection(page);
      await expectNoHorizontalScroll(page, `employer page at ${width} px`);
      await expectNoAxeViolations(page, `employer page at ${width} px`);
      await page.goto(`/call-lists?campusGroupId=${world.group.id}&list=survey-deadline`);
      await expect(
        page.locator('app-data-table').getByRole('link', { name: world.hosting.name, exact: true }),
      ).toBeVisible();
      await expectNoHorizontalScroll(page, `call list at ${width} px`);
      await expectNoAxeViolations(page, `call list at ${width} px`);
      await context.close();
    });
  }
});
