import { validBusinessIdFrom } from '@tyoelama/shared';
import { businessIdFor, Random } from '../seed/demo-data';
import { FIRST_NAMES, LAST_NAMES } from '../seed/vocabulary';

/**
 * Made-up national VET exports in the shapes the public schemas give (KOSKI's Ammatillinen.scala,
 * eHOKS's hoks/schema.clj, Arvo's Työelämäpalaute CSV columns): students with OIDs of the
 * 1.2.246.562.24 form and henkilötunnus with individual numbers 900–999 (never issued to real
 * people), Finnish names, employers' valid Y-tunnus. The same seed gives the same files.
 */

export interface SampleEmployer {
  businessId: string;
  name: string;
  /** Contact persons already in the CRM: some instructors in eHOKS are the same people. */
  persons?: { name: string; email: string }[];
}

export interface SampleOptions {
  seed: number;
  students: number;
  /** Employers of the CRM the periods go to (most of them). */
  employers: readonly SampleEmployer[];
  /** Share of periods at a workplace whose Y-tunnus no employer has, and without any Y-tunnus. */
  unknownShare?: number;
  withoutShare?: number;
}

export interface NationalSamples {
  koski: unknown[];
  ehoks: unknown[];
  arvoWorkplace: string;
  arvoInstructor: string;
  /** What names the students in the files (for the test that none of it is stored). */
  students: { oid: string; hetu: string; name: string; studyRightOid: string }[];
  periods: number;
}

const QUALIFICATIONS = [
  ['351407', 'Sähkö- ja automaatioalan perustutkinto', 'Sähköasentaja'],
  ['351204', 'Kone- ja tuotantotekniikan perustutkinto', 'Koneistaja'],
  ['371101', 'Sosiaali- ja terveysalan perustutkinto', 'Lähihoitaja'],
  ['381204', 'Ravintola- ja catering-alan perustutkinto', 'Kokki'],
  ['351301', 'Logistiikan perustutkinto', 'Yhdistelmäajoneuvonkuljettaja'],
  ['331101', 'Liiketoiminnan perustutkinto', 'Merkonomi'],
  ['351701', 'Rakennusalan perustutkinto', 'Talonrakentaja'],
  ['361201', 'Maatalousalan perustutkinto', 'Maaseutuyrittäjä'],
] as const;

const CAMPUSES = [
  ['Hervannan toimipiste', '1.2.246.562.10.20000000001'],
  ['Sammonkadun toimipiste', '1.2.246.562.10.20000000002'],
  ['Pirkkalan toimipiste', '1.2.246.562.10.20000000003'],
  ['Ikaalisten toimipiste', '1.2.246.562.10.20000000004'],
  ['Valkeakosken toimipiste', '1.2.246.562.10.20000000005'],
] as const;

const TASKS = [
  'Asiakaspalvelu',
  'Varastotyöt',
  'Asennustyöt',
  'Ruoanvalmistus',
  'Hoitotyö',
  'Huoltotyöt',
  'Kokoonpano',
];
const STUDENT_FIRST = [
  'Aino',
  'Emilia',
  'Hilla',
  'Kerttu',
  'Eetu',
  'Helmi',
  'Onni',
  'Venla',
  'Leevi',
  'Iida',
  'Elias',
  'Siiri',
  'Veeti',
  'Pihla',
  'Lenni',
  'Aada',
  'Niilo',
  'Ilona',
  'Oiva',
];
const STUDENT_LAST = [
  'Kivelä',
  'Rautiainen',
  'Huttunen',
  'Paananen',
  'Lindroos',
  'Saarela',
  'Koskela',
  'Juntunen',
  'Pulkkinen',
  'Halonen',
  'Ollila',
  'Vesterinen',
  'Kauppila',
  'Rantala',
];
const UNKNOWN_WORKPLACES = [
  'Näsijärven Putkityö Oy',
  'Tesoman Leipä Oy',
  'Kaukajärven Kotihoito Oy',
  'Lielahden Metalli Ky',
  'Pispalan Kahvila Oy',
  'Hatanpään Sähkö Oy',
  'Lamminpään Logistiikka Oy',
  'Messukylän Rakennus Oy',
];
const NAMELESS_WORKPLACES = ['Kesäkioski Härmälä', 'Lähikauppa Vuores', 'Hoivakoti Kaleva', 'Autokorjaamo Nekala'];

const HETU_CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** A henkilötunnus with an individual number of 900–999 (the range kept for test data, never issued). */
function madeUpHetu(random: Random): string {
  const year = random.int(2000, 2008);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const individual = random.int(900, 999);
  const digits = `${String(day).padStart(2, '0')}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}`;
  const check = HETU_CHECK[Number(`${digits}${individual}`) % 31];
  return `${digits}A${individual}${check}`;
}

/** An OID of the form the Opintopolku registers use (1.2.246.562.<kind>.<11 digits>), made up. */
function madeUpOid(random: Random, kind: number, taken: Set<string>): string {
  for (;;) {
    const oid = `1.2.246.562.${kind}.${random.int(10_000_000, 99_999_999)}${random.int(100, 999)}`;
    if (!taken.has(oid)) {
      taken.add(oid);
      return oid;
    }
  }
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

function ascii(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.');
}

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[;"\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: readonly string[], rows: (string | number | null)[][]): string {
  return [header.join(';'), ...rows.map((row) => row.map(csvCell).join(';'))].join('\n') + '\n';
}

interface Workplace {
  businessId: string | null;
  name: string;
  instructors: { name: string; email: string; phone: string }[];
}

interface Period {
  student: number;
  kind: 'koulutussopimus' | 'oppisopimus';
  start: string;
  end: string | null;
  workplace: Workplace;
  partTime: number;
  terminated: { päivä: string; purettuKoeajalla: boolean } | null;
  inKoski: boolean;
  inEhoks: boolean;
  instructor: Workplace['instructors'][number];
}

/** Unknown Y-tunnus: in a range no demo or test employer uses. */
function unknownWorkplaces(): Workplace[] {
  return UNKNOWN_WORKPLACES.map((name, index) => ({
    businessId: validBusinessIdFrom(3_310_000 + index * 17),
    name,
    instructors: [],
  }));
}

export function buildNationalSamples(options: SampleOptions): NationalSamples {
  const random = new Random(options.seed);
  const unknownShare = options.unknownShare ?? 0.08;
  const withoutShare = options.withoutShare ?? 0.07;
  const oids = new Set<string>();
  const usedNames = new Set<string>(
    options.employers.flatMap((employer) => (employer.persons ?? []).map((person) => person.name)),
  );

  // Students' first names are never instructors' (or CRM persons'), so no student's name is anyone
  // else's; among themselves names may repeat, as in any school.
  const studentFirst = STUDENT_FIRST.filter((name) => !FIRST_NAMES.includes(name));
  const studentName = () => `${random.pick(studentFirst)} ${random.pick(STUDENT_LAST)}`;
  // New instructors get names no CRM person has while there are any left.
  const instructorName = () => {
    let name = '';
    for (let attempt = 0; attempt < 50; attempt += 1) {
      name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
      if (!usedNames.has(name)) break;
    }
    usedNames.add(name);
    return name;
  };
  const instructor = (employerName: string) => {
    const name = instructorName();
    const domain = ascii(employerName.replace(/ (Oyj|Oy|Ky|Tmi)$/, '')).replace(/^\.|\.$/g, '');
    return {
      name,
      email: `${ascii(name)}@${domain}.fi`,
      phone: `040 ${random.int(100, 999)} ${random.int(1000, 9999)}`,
    };
  };

  const known: Workplace[] = options.employers.map((employer) => ({
    businessId: employer.businessId,
    name: employer.name,
    instructors: [],
  }));
  const unknown = unknownWorkplaces();
  const nameless: Workplace[] = NAMELESS_WORKPLACES.map((name) => ({ businessId: null, name, instructors: [] }));
  const instructorsOf = (workplace: Workplace, index: number) => {
    if (workplace.instructors.length === 0 || (workplace.instructors.length < 3 && random.chance(0.3))) {
      // A quarter of the instructors at CRM employers are contact persons the CRM already has.
      const existing = options.employers[index]?.persons ?? [];
      const reused = existing.length && random.chance(0.25) ? random.pick(existing) : null;
      workplace.instructors.push(
        reused ? { name: reused.name, email: reused.email.toUpperCase(), phone: '' } : instructor(workplace.name),
      );
    }
    return random.pick(workplace.instructors);
  };

  const students: NationalSamples['students'] = [];
  const periods: Period[] = [];
  for (let index = 0; index < options.students; index += 1) {
    students.push({
      oid: madeUpOid(random, 24, oids),
      hetu: madeUpHetu(random),
      name: studentName(),
      studyRightOid: madeUpOid(random, 15, oids),
    });
    const count = random.weighted([
      [1, 5],
      [2, 4],
      [3, 1],
    ] as const);
    let start = addDays('2024-08-05', random.int(0, 420));
    for (let n = 0; n < count; n += 1) {
      const roll = random.next();
      const kind = random.chance(0.25) ? 'oppisopimus' : 'koulutussopimus';
      const pool =
        roll < unknownShare
          ? unknown
          : roll < unknownShare + withoutShare && kind === 'koulutussopimus'
            ? nameless
            : known;
      const workplaceIndex = random.int(0, pool.length - 1);
      const workplace = pool[workplaceIndex];
      const length = kind === 'oppisopimus' ? random.int(180, 540) : random.int(30, 120);
      const ongoing = random.chance(0.15);
      const end = ongoing ? null : addDays(start, length);
      const terminated =
        kind === 'oppisopimus' && end && random.chance(0.2)
          ? { päivä: addDays(start, random.int(20, length - 1)), purettuKoeajalla: random.chance(0.5) }
          : null;
      periods.push({
        student: index,
        kind,
        start,
        end,
        workplace,
        partTime: random.chance(0.8) ? 100 : random.pick([50, 60, 80]),
        terminated,
        inKoski: random.chance(0.95),
        inEhoks: random.chance(0.75),
        instructor: instructorsOf(workplace, pool === known ? workplaceIndex : -1),
      });
      start = addDays(end ?? addDays(start, length), random.int(10, 60));
    }
  }

  return {
    koski: koskiDocument(random, students, periods),
    ehoks: ehoksDocument(random, students, periods),
    arvoWorkplace: arvoWorkplace(random, periods),
    arvoInstructor: arvoInstructor(random, students, periods),
    students,
    periods: periods.length,
  };
}

/** Each student's periods, by student index. */
function byStudent(periods: Period[]): Period[][] {
  const grouped: Period[][] = [];
  for (const period of periods) (grouped[period.student] ??= []).push(period);
  return grouped;
}

function koskiDocument(random: Random, students: NationalSamples['students'], periods: Period[]): unknown[] {
  const grouped = byStudent(periods);
  return students.map((student, index) => {
    const own = (grouped[index] ?? []).filter((period) => period.inKoski);
    const [code, name, title] = QUALIFICATIONS[index % QUALIFICATIONS.length];
    const [campus, campusOid] = CAMPUSES[index % CAMPUSES.length];
    const [first, last] = student.name.split(' ');
    const begins = own[0]?.start ?? '2024-08-01';
    return {
      henkilö: { oid: student.oid, hetu: student.hetu, etunimet: first, kutsumanimi: first, sukunimi: last },
      opiskeluoikeudet: [
        {
          oid: student.studyRightOid,
          versionumero: random.int(1, 9),
          aikaleima: '2026-01-09T06:12:44.123',
          oppilaitos: { oid: '1.2.246.562.10.20000000000', nimi: { fi: 'Esimerkkiopisto' } },
          tila: {
            opiskeluoikeusjaksot: [
              {
                alku: addDays(begins, -random.int(30, 200)),
                tila: { koodiarvo: 'lasna', koodistoUri: 'koskiopiskeluoikeudentila' },
                opintojenRahoitus: { koodiarvo: '1' },
              },
            ],
          },
          suoritukset: [
            {
              koulutusmoduuli: {
                tunniste: { koodiarvo: code, nimi: { fi: name }, koodistoUri: 'koulutus' },
                perusteenDiaarinumero: `OPH-${random.int(1000, 5999)}-2022`,
              },
              suoritustapa: { koodiarvo: 'reformi', koodistoUri: 'ammatillisentutkinnonsuoritustapa' },
              tutkintonimike: [{ koodiarvo: String(random.int(10000, 10999)), nimi: { fi: title } }],
              toimipiste: { oid: campusOid, nimi: { fi: `Esimerkkiopisto, ${campus}` } },
              suorituskieli: { koodiarvo: 'FI', koodistoUri: 'kieli' },
              osaamisenHankkimistavat: own
                .filter((period) => period.kind === 'oppisopimus')
                .map((period) => ({
                  alku: period.start,
                  ...(period.end ? { loppu: period.end } : {}),
                  osaamisenHankkimistapa: {
                    tunniste: { koodiarvo: 'oppisopimus', koodistoUri: 'osaamisenhankkimistapa' },
                    oppisopimus: {
                      työnantaja: { nimi: { fi: period.workplace.name }, yTunnus: period.workplace.businessId },
                      ...(period.terminated ? { oppisopimuksenPurkaminen: period.terminated } : {}),
                    },
                  },
                })),
              koulutussopimukset: own
                .filter((period) => period.kind === 'koulutussopimus')
                .map((period) => ({
                  alku: period.start,
                  ...(period.end ? { loppu: period.end } : {}),
                  työssäoppimispaikka: { fi: period.workplace.name },
                  ...(period.workplace.businessId ? { työssäoppimispaikanYTunnus: period.workplace.businessId } : {}),
                  paikkakunta: { koodiarvo: '837', koodistoUri: 'kunta' },
                  maa: { koodiarvo: '246', koodistoUri: 'maatjavaltiot2' },
                  työtehtävät: { fi: TASKS[random.int(0, TASKS.length - 1)] },
                })),
              tyyppi: { koodiarvo: 'ammatillinentutkinto', koodistoUri: 'suorituksentyyppi' },
            },
          ],
          tyyppi: { koodiarvo: 'ammatillinenkoulutus', koodistoUri: 'opiskeluoikeudentyyppi' },
        },
      ],
    };
  });
}

function ehoksDocument(random: Random, students: NationalSamples['students'], periods: Period[]): unknown[] {
  const grouped = byStudent(periods);
  return students.flatMap((student, index) => {
    const own = (grouped[index] ?? []).filter((period) => period.inEhoks);
    if (!own.length) return [];
    return [
      {
        id: 10_000 + index,
        'oppija-oid': student.oid,
        'opiskeluoikeus-oid': student.studyRightOid,
        'ensikertainen-hyvaksyminen': addDays(own[0].start, -random.int(10, 60)),
        'osaamisen-hankkimisen-tarve': true,
        'hankittavat-ammat-tutkinnon-osat': own.map((period, part) => ({
          'tutkinnon-osa-koodi-uri': `tutkinnonosat_${random.int(100000, 109999)}`,
          'tutkinnon-osa-koodi-versio': 1,
          'osaamisen-hankkimistavat': [
            {
              'yksiloiva-tunniste': `${index + 1}-${part + 1}`,
              'osaamisen-hankkimistapa-koodi-uri': `osaamisenhankkimistapa_${period.kind}`,
              'osaamisen-hankkimistapa-koodi-versio': 1,
              alku: period.start,
              ...(period.end ? { loppu: period.end } : { loppu: addDays(period.start, 365) }),
              'osa-aikaisuustieto': period.partTime,
              'tyopaikalla-jarjestettava-koulutus': {
                'tyopaikan-nimi': period.workplace.name,
                ...(period.workplace.businessId ? { 'tyopaikan-y-tunnus': period.workplace.businessId } : {}),
                'vastuullinen-tyopaikka-ohjaaja': {
                  nimi: period.instructor.name,
                  sahkoposti: period.instructor.email,
                  ...(period.instructor.phone ? { puhelinnumero: period.instructor.phone } : {}),
                },
                'keskeiset-tyotehtavat': [TASKS[random.int(0, TASKS.length - 1)]],
              },
              'muut-oppimisymparistot': [],
              keskeytymisajanjaksot: [],
            },
          ],
          'osaamisen-osoittaminen': [],
        })),
      },
    ];
  });
}

function surveyCode(random: Random): string {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ23456789';
  return Array.from({ length: 6 }, () => letters[random.int(0, letters.length - 1)]).join('');
}

/** Half-years ending 30 June and 31 December: one workplace survey per employer and half-year. */
function halfYearOf(date: string): { from: string; to: string } {
  const year = date.slice(0, 4);
  return date.slice(5) <= '06-30'
    ? { from: `${year}-01-01`, to: `${year}-06-30` }
    : { from: `${year}-07-01`, to: `${year}-12-31` };
}

function arvoWorkplace(random: Random, periods: Period[]): string {
  const groups = new Map<string, Period[]>();
  for (const period of periods) {
    if (!period.end || !period.workplace.businessId) continue;
    const key = `${period.workplace.businessId}|${halfYearOf(period.end).from}`;
    groups.set(key, [...(groups.get(key) ?? []), period]);
  }
  const rows = [...groups.values()].map((group) => {
    const half = halfYearOf(group[0].end!);
    const code = surveyCode(random);
    return [
      code,
      `https://arvovastaus.csc.fi/v/${code}`,
      addDays(half.to, 1),
      addDays(half.to, 60),
      random.chance(0.55) ? 1 : 0,
      1,
      group[0].workplace.businessId,
      group[0].workplace.name,
      [...new Set(group.map((period) => QUALIFICATIONS[period.student % QUALIFICATIONS.length][0]))].join(','),
      `tutkinnonosat_${random.int(100000, 109999)}`,
      group.length,
      group.reduce((sum, period) => sum + daysBetween(period.start, period.end!), 0),
    ];
  });
  return csv(
    [
      'tunnus',
      'url',
      'voimassa_alkupvm',
      'voimassa_loppupvm',
      'vastausten_lkm',
      'kohteiden_lkm',
      'tyonantaja',
      'tyopaikka',
      'tutkinnot',
      'tutkinnon_osat',
      'tyopaikkajaksojen_lkm',
      'tyopaikkajaksojen_kesto',
    ],
    rows,
  );
}

function arvoInstructor(random: Random, students: NationalSamples['students'], periods: Period[]): string {
  const rows = periods
    .filter((period) => period.end && period.inEhoks && period.workplace.businessId)
    .map((period) => {
      const [code, name, title] = QUALIFICATIONS[period.student % QUALIFICATIONS.length];
      const [campus, campusOid] = CAMPUSES[period.student % CAMPUSES.length];
      const sent = addDays(period.end!, random.int(1, 14));
      const answered = random.chance(0.6);
      return [
        surveyCode(random),
        `${sent}T08:${String(random.int(10, 59))}:00`,
        sent,
        addDays(sent, 60),
        answered ? 1 : 0,
        1,
        `Esimerkkiopisto, ${campus}`,
        campusOid,
        code,
        name,
        '',
        title,
        `tutkinnonosat_${random.int(100000, 109999)}`,
        '',
        '',
        period.kind,
        period.workplace.businessId,
        period.workplace.name,
        period.start,
        period.end,
        period.partTime,
        daysBetween(period.start, period.end!),
        answered ? 'vastattu' : random.pick(['lahetetty', 'vastausaika_loppunut']),
        `N${random.int(100000, 999999)}`,
        '',
      ];
    });
  return csv(
    [
      'tunnus',
      'luotuaika',
      'voimassa_alkupvm',
      'voimassa_loppupvm',
      'vastausten_lkm',
      'kohteiden_lkm',
      'toimipiste',
      'toimipiste_oid',
      'tutkinto',
      'tutkinto_selite',
      'osaamisala',
      'tutkintonimike',
      'tutkinnon_osa',
      'tutkinnon_osa_selite',
      'paikallinen_tutkinnon_osa',
      'sopimustyyppi',
      'tyonantaja',
      'tyopaikka',
      'tyopaikkajakson_alkupvm',
      'tyopaikkajakson_loppupvm',
      'osa_aikaisuus',
      'tyopaikkajakson_kesto',
      'tila',
      'nippu',
      'tyopaikkakysely_tunnus',
    ],
    rows,
  );
}

/** Made-up employers with valid Y-tunnus, for benches and tests without the demo data. */
export function madeUpEmployers(count: number, base = 2_600_000): SampleEmployer[] {
  return Array.from({ length: count }, (_, index) => ({
    businessId: businessIdFor(String(base + index * 3).padStart(7, '0')) ?? validBusinessIdFrom(base + index * 3),
    name: `Esimerkkityönantaja ${index + 1} Oy`,
  }));
}
