import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { expect, type Page, test } from '@playwright/test';
import { formatFinnishDate } from '@tyoelama/shared';
import {
  arrangeCampusGroup,
  arrangeEmployer,
  arrangeUser,
  expectNoAxeViolations,
  helsinkiDateIn,
  pickOption,
  signIn,
} from './support';

const SAMPLES = join(__dirname, '..', '..', 'samples', 'national');

/** The Y-tunnus and workplace names of the KOSKI sample's training agreements, most periods first. */
function sampleEmployers(count: number): { businessId: string; name: string }[] {
  const koski = JSON.parse(readFileSync(join(SAMPLES, 'koski-massaluovutus.json'), 'utf8')) as {
    opiskeluoikeudet: {
      suoritukset: {
        koulutussopimukset: { työssäoppimispaikanYTunnus?: string; työssäoppimispaikka: { fi: string } }[];
      }[];
    }[];
  }[];
  const byBusinessId = new Map<string, { name: string; count: number }>();
  for (const period of koski.flatMap((student) => student.opiskeluoikeudet[0].suoritukset[0].koulutussopimukset)) {
    const businessId = period.työssäoppimispaikanYTunnus;
    if (!businessId) continue;
    const entry = byBusinessId.get(businessId) ?? { name: period.työssäoppimispaikka.fi, count: 0 };
    entry.count += 1;
    byBusinessId.set(businessId, entry);
  }
  return [...byBusinessId]
    .sort((a, b) => b[1].count - a[1].count)
    .slice(0, count)
    .map(([businessId, { name }]) => ({ businessId, name }));
}

/** A period as the database holds it after both imports: eHOKS's end date wins over KOSKI's. */
interface SamplePeriod {
  student: string;
  kind: 'koulutussopimus' | 'oppisopimus';
  startsOn: string;
  endsOn: string | null;
  businessId: string | null;
  workplace: string;
  instructor: string | null;
}

interface SampleSurvey {
  businessId: string;
  validUntil: string;
  answers: number;
}

/** The periods of the KOSKI and eHOKS samples merged as the importers merge them, and the Arvo surveys. */
function readSamples(): {
  periods: SamplePeriod[];
  workplaceSurveys: SampleSurvey[];
  instructorSurveys: SampleSurvey[];
} {
  const koski = JSON.parse(readFileSync(join(SAMPLES, 'koski-massaluovutus.json'), 'utf8')) as {
    henkilö: { oid: string };
    opiskeluoikeudet: {
      suoritukset: {
        koulutussopimukset: {
          alku: string;
          loppu?: string;
          työssäoppimispaikanYTunnus?: string;
          työssäoppimispaikka: { fi: string };
        }[];
        osaamisenHankkimistavat: {
          alku: string;
          loppu?: string;
          osaamisenHankkimistapa: { oppisopimus: { työnantaja: { nimi: { fi: string }; yTunnus: string } } };
        }[];
      }[];
    }[];
  }[];
  const ehoks = JSON.parse(readFileSync(join(SAMPLES, 'ehoks.json'), 'utf8')) as {
    'oppija-oid': string;
    'hankittavat-ammat-tutkinnon-osat': {
      'osaamisen-hankkimistavat': {
        'osaamisen-hankkimistapa-koodi-uri': string;
        alku: string;
        loppu: string;
        'tyopaikalla-jarjestettava-koulutus': {
          'tyopaikan-nimi': string;
          'tyopaikan-y-tunnus'?: string;
          'vastuullinen-tyopaikka-ohjaaja': { nimi: string };
        };
      }[];
    }[];
  }[];
  const periods = new Map<string, SamplePeriod>();
  const add = (period: SamplePeriod) => {
    const key = `${period.student}|${period.kind}|${period.startsOn}|${period.businessId}|${period.workplace}`;
    const known = periods.get(key);
    periods.set(
      key,
      known ? { ...known, endsOn: period.endsOn ?? known.endsOn, instructor: period.instructor } : period,
    );
  };
  for (const student of koski) {
    const [suoritus] = student.opiskeluoikeudet[0].suoritukset;
    for (const agreement of suoritus.koulutussopimukset) {
      add({
        student: student.henkilö.oid,
        kind: 'koulutussopimus',
        startsOn: agreement.alku,
        endsOn: agreement.loppu ?? null,
        businessId: agreement.työssäoppimispaikanYTunnus ?? null,
        workplace: agreement.työssäoppimispaikka.fi,
        instructor: null,
      });
    }
    for (const way of suoritus.osaamisenHankkimistavat) {
      const employer = way.osaamisenHankkimistapa.oppisopimus.työnantaja;
      add({
        student: student.henkilö.oid,
        kind: 'oppisopimus',
        startsOn: way.alku,
        endsOn: way.loppu ?? null,
        businessId: employer.yTunnus,
        workplace: employer.nimi.fi,
        instructor: null,
      });
    }
  }
  for (const plan of ehoks) {
    for (const way of plan['hankittavat-ammat-tutkinnon-osat'].flatMap((part) => part['osaamisen-hankkimistavat'])) {
      const workplace = way['tyopaikalla-jarjestettava-koulutus'];
      add({
        student: plan['oppija-oid'],
        kind: way['osaamisen-hankkimistapa-koodi-uri'].replace('osaamisenhankkimistapa_', '') as SamplePeriod['kind'],
        startsOn: way.alku,
        endsOn: way.loppu,
        businessId: workplace['tyopaikan-y-tunnus'] ?? null,
        workplace: workplace['tyopaikan-nimi'],
        instructor: workplace['vastuullinen-tyopaikka-ohjaaja'].nimi,
      });
    }
  }
  return {
    periods: [...periods.values()],
    workplaceSurveys: readSurveys('arvo-tyopaikkakysely.csv'),
    instructorSurveys: readSurveys('arvo-tyopaikkaohjaajakysely.csv'),
  };
}

function readSurveys(file: string): SampleSurvey[] {
  const [header, ...lines] = readFileSync(join(SAMPLES, file), 'utf8').trim().split('\n');
  const columns = header.split(';');
  return lines.map((line) => {
    const cells = line.split(';');
    const cell = (name: string) => cells[columns.indexOf(name)];
    return {
      businessId: cell('tyonantaja'),
      validUntil: cell('voimassa_loppupvm'),
      answers: Number(cell('vastausten_lkm')),
    };
  });
}

const distinctStudents = (periods: SamplePeriod[]) => new Set(periods.map((period) => period.student)).size;

async function importSample(page: Page, source: RegExp, file: string): Promise<void> {
  await page.goto('/import');
  await pickOption(page, page, /Tiedoston lähde/, source);
  await page.locator('input[type=file]').setInputFiles(join(SAMPLES, file));
  await pickOption(page, page, /Omistava Campus-ryhmä/, /Kansallinen/);
  await page.getByRole('button', { name: 'Lataa esikatseluun' }).click();
  await expect(page.getByRole('heading', { name: `Esikatselu: ${file}` })).toBeVisible();
}

async function commitAndReport(page: Page): Promise<Record<string, number>> {
  await page.getByRole('button', { name: 'Tuo', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Tuonti valmis' })).toBeVisible({ timeout: 60_000 });
  const figures: Record<string, number> = {};
  for (const figure of await page.locator('[data-count]').all()) {
    figures[(await figure.getAttribute('data-count'))!] = Number(await figure.textContent());
  }
  return figures;
}

test('imports the sample KOSKI, eHOKS and Arvo exports, reports what each added and finds them on an employer page and in the call lists', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const today = helsinkiDateIn(0);
  const samples = readSamples();
  const group = await arrangeCampusGroup(`Kansallinen ${Date.now().toString(36)}`);
  const employers = sampleEmployers(12);
  // And the workplace of the earliest period that only KOSKI has and that has no end: hosting on any later day.
  const [endless] = samples.periods
    .filter((period) => period.businessId && period.endsOn === null && period.startsOn <= today)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  if (!employers.some((employer) => employer.businessId === endless.businessId)) {
    employers.push({ businessId: endless.businessId!, name: endless.workplace });
  }
  const ids = new Map<string, number>();
  for (const employer of employers) {
    const { id } = await arrangeEmployer(employer.name, group.id, { businessId: employer.businessId });
    ids.set(employer.businessId, id);
  }
  const manager = await arrangeUser('account_manager', [group.id]);
  await signIn(page, manager.email);

  // KOSKI: the periods, some at the employers above, the rest at unknown or no Y-tunnus.
  await importSample(page, /KOSKI/, 'koski-massaluovutus.json');
  const read = Number(await page.locator('[data-count=records]').textContent());
  const matched = Number(await page.locator('[data-count=matched]').textContent());
  expect(read).toBeGreaterThan(300);
  expect(matched).toBeGreaterThan(0);
  await expect(page.getByRole('table', { name: 'Y-tunnukset, joita yhdelläkään työnantajalla ei ole' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Työpaikat, joiden jaksoilta puuttuu Y-tunnus' })).toContainText(
    'Kesäkioski Härmälä',
  );
  await expect(page.getByRole('link', { name: employers[0].name })).toBeVisible();
  const koski = await commitAndReport(page);
  expect(koski).toMatchObject({ inserted: read, updated: 0, failed: 0, matched });

  // eHOKS: most of its periods are KOSKI's (updated with their instructor), the instructors become contact persons.
  await importSample(page, /eHOKS/, 'ehoks.json');
  await expect(page.locator('[data-count=instructors]')).not.toHaveText('0');
  const ehoks = await commitAndReport(page);
  expect(ehoks.updated).toBeGreaterThan(0);
  expect(ehoks.instructorsCreated).toBeGreaterThan(0);

  // Arvo's two surveys.
  await importSample(page, /työpaikkakysely/, 'arvo-tyopaikkakysely.csv');
  const workplace = await commitAndReport(page);
  expect(workplace.inserted).toBeGreaterThan(50);
  await importSample(page, /työpaikkaohjaajakysely/, 'arvo-tyopaikkaohjaajakysely.csv');
  const instructor = await commitAndReport(page);
  expect(instructor.inserted).toBeGreaterThan(50);

  // The same KOSKI file again changes nothing.
  await importSample(page, /KOSKI/, 'koski-massaluovutus.json');
  expect(await commitAndReport(page)).toMatchObject({ inserted: 0, updated: 0, unchanged: read, removed: 0 });

  // An employer page: the first of the employers above with eHOKS instructors, an answered workplace survey and
  // instructor surveys shows its students, instructors and surveys from the files.
  const at = (businessId: string) => samples.periods.filter((period) => period.businessId === businessId);
  const shown = employers.find(
    ({ businessId }) =>
      at(businessId).some((period) => period.instructor) &&
      samples.workplaceSurveys.some((survey) => survey.businessId === businessId && survey.answers > 0) &&
      samples.instructorSurveys.some((survey) => survey.businessId === businessId),
  )!;
  expect(shown).toBeDefined();
  const hosted = at(shown.businessId);
  await page.goto(`/employers/${ids.get(shown.businessId)}`);
  await expect(page.getByRole('heading', { name: shown.name, level: 1 })).toBeVisible();
  await expect(page.locator('app-skeleton')).toHaveCount(0);
  // The deferred section loads when it comes into view.
  await page.locator('.deferred-section, app-employer-workplace-learning').first().scrollIntoViewIfNeeded();
  const section = page.locator('app-employer-workplace-learning');
  await expect(section.getByRole('heading', { name: 'Työpaikalla oppiminen', level: 2 })).toBeVisible();
  await expect(section.getByRole('status')).toHaveCount(0);

  // Every period starts in August 2024 or later: 2024's students are those whose period starts in 2024.
  const in2024 = hosted.filter((period) => period.startsOn < '2025-01-01');
  const year2024 = section
    .getByRole('table', { name: 'Opiskelijat vuosittain ja sopimusmuodoittain' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: '2024', exact: true }) });
  await expect(year2024.getByRole('cell')).toHaveText([
    String(distinctStudents(in2024.filter((period) => period.kind === 'koulutussopimus'))),
    String(distinctStudents(in2024.filter((period) => period.kind === 'oppisopimus'))),
    String(distinctStudents(in2024)),
  ]);
  const instructors = section.getByRole('region', { name: 'Työpaikkaohjaajat' });
  for (const name of new Set(hosted.flatMap((period) => period.instructor ?? []))) {
    await expect(instructors.getByText(name, { exact: true })).toBeVisible();
  }
  const surveyTable = section.getByRole('table', { name: 'Työpaikkakyselyt puolivuosittain' });
  const surveys = samples.workplaceSurveys.filter((survey) => survey.businessId === shown.businessId);
  await expect(surveyTable.locator('tbody tr')).toHaveCount(surveys.length);
  for (const survey of surveys) {
    const state = survey.answers > 0 ? 'Vastattu' : survey.validUntil >= today ? 'Avoin' : 'Vanhentunut';
    await expect(surveyTable.getByRole('row').filter({ hasText: formatFinnishDate(survey.validUntil) })).toContainText(
      state,
    );
  }
  const instructorSurveys = samples.instructorSurveys.filter((survey) => survey.businessId === shown.businessId);
  await expect(
    section.getByText(
      `Työpaikkaohjaajakyselyt: vastattu ${instructorSurveys.filter((survey) => survey.answers > 0).length} / ${instructorSurveys.length}`,
    ),
  ).toBeVisible();
  await expectNoAxeViolations(
    page,
    'employer page with imported workplace learning',
    'app-employer-workplace-learning',
  );

  // The call lists. Hosting now and not contacted in 90 days (none of these employers ever was): at least the
  // employer with the endless period, each with its students on today.
  await page.goto(`/call-lists?campusGroupId=${group.id}`);
  await expect(page.getByRole('heading', { name: 'Soittolistat', level: 1 })).toBeVisible();
  const table = page.locator('app-data-table');
  const ongoing = samples.periods.filter(
    (period) => period.startsOn <= today && (period.endsOn === null || period.endsOn >= today),
  );
  const hostingNow = employers.filter(({ businessId }) => ongoing.some((period) => period.businessId === businessId));
  expect(hostingNow.map((employer) => employer.businessId)).toContain(endless.businessId);
  await expect(page.getByText(`Näytetään ${hostingNow.length} / ${hostingNow.length}`)).toBeVisible();
  for (const employer of hostingNow) {
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: employer.name, exact: true }) });
    await expect(row.getByRole('cell').nth(1)).toHaveText(
      String(distinctStudents(ongoing.filter((period) => period.businessId === employer.businessId))),
    );
  }
  await expectNoAxeViolations(page, 'call list after the national imports');

  // Periods without a Y-tunnus, latest first: the files' latest ones are on the first page.
  await page.getByRole('link', { name: 'Jaksot ilman Y-tunnusta' }).click();
  await expect(page.getByRole('heading', { name: 'Jaksot ilman Y-tunnusta', level: 2 })).toBeVisible();
  const nameless = samples.periods
    .filter((period) => !period.businessId)
    .sort((a, b) => b.startsOn.localeCompare(a.startsOn))
    .slice(0, 3);
  expect(nameless.length).toBeGreaterThan(0);
  for (const period of nameless) {
    const days = `${formatFinnishDate(period.startsOn)}–${period.endsOn ? formatFinnishDate(period.endsOn) : ''}`;
    await expect(
      table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: period.workplace }) })
        .filter({
          hasText: days,
        }),
    ).toHaveCount(1);
  }
  await expectNoAxeViolations(page, 'call list: periods without a business id after the imports');

  // Y-tunnus no employer has, most students first: the files' top one, with its workplace and students.
  await page.getByRole('link', { name: 'Tuntemattomat Y-tunnukset' }).click();
  await expect(page.getByRole('heading', { name: 'Tuntemattomat Y-tunnukset', level: 2 })).toBeVisible();
  const unknown = new Map<string, SamplePeriod[]>();
  for (const period of samples.periods) {
    if (!period.businessId || ids.has(period.businessId)) continue;
    unknown.set(period.businessId, [...(unknown.get(period.businessId) ?? []), period]);
  }
  const [top] = [...unknown].sort(
    (a, b) => distinctStudents(b[1]) - distinctStudents(a[1]) || a[0].localeCompare(b[0]),
  );
  const topRow = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: top[0], exact: true }) });
  await expect(topRow.getByRole('cell').first()).toHaveText(top[1][0].workplace);
  await expect(topRow.getByRole('cell').nth(1)).toHaveText(String(top[1].length));
  await expect(topRow.getByRole('cell').nth(2)).toHaveText(String(distinctStudents(top[1])));
  await expectNoAxeViolations(page, 'call list: unknown business ids after the imports');
});
