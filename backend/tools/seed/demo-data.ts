import {
  addDays,
  type ContactRole,
  type ContactTopic,
  type ContactType,
  type EmployerStatus,
  type FollowUpStatus,
  industrySectionOf,
  isValidBusinessId,
  OPEN_STAGES,
  type OpportunityStage,
  type OpportunityType,
  type Role,
  type SizeClass,
} from '@tyoelama/shared';
import { COMMON_STREETS, FIRST_NAMES, FOLLOW_UP_TITLES, LAST_NAMES, LOST_REASONS, NOTES, TAGS } from './vocabulary';

/**
 * Demo data for a vocational college in Pirkanmaa, built in memory from a seeded PRNG so every run
 * produces the same names and shapes. Dates are relative to "now", so overdue and upcoming
 * follow-ups stay meaningful whenever the demo is seeded. Rows refer to each other by index; the
 * seeder turns indexes into database ids.
 */

/** mulberry32: tiny, fast and good enough for demo data; the same seed gives the same sequence. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }

  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of pairs) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return pairs.at(-1)![0];
  }

  shuffle<T>(list: readonly T[]): T[] {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  sample<T>(list: readonly T[], count: number): T[] {
    return this.shuffle(list).slice(0, count);
  }
}

export const DEMO_PASSWORD = 'Demo-salasana-2026';

export interface DemoGroup {
  name: string;
  campus: string;
}

export const DEMO_GROUPS: readonly DemoGroup[] = [
  { name: 'Hervannan Campus-ryhmä', campus: 'Hervanta' },
  { name: 'Sammonkadun Campus-ryhmä', campus: 'Sammonkatu' },
  { name: 'Pirkkalan Campus-ryhmä', campus: 'Pirkkala' },
  { name: 'Ikaalisten Campus-ryhmä', campus: 'Ikaalinen' },
  { name: 'Valkeakosken Campus-ryhmä', campus: 'Valkeakoski' },
];

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  /** Indexes into DEMO_GROUPS. */
  groups: number[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@demo.fi', displayName: 'Anna Lindholm', role: 'admin', groups: [] },
  { email: 'am.virtanen@demo.fi', displayName: 'Mikko Virtanen', role: 'account_manager', groups: [0, 1] },
  { email: 'am.makinen@demo.fi', displayName: 'Sari Mäkinen', role: 'account_manager', groups: [1, 2] },
  { email: 'am.hamalainen@demo.fi', displayName: 'Jukka Hämäläinen', role: 'account_manager', groups: [3] },
  { email: 'am.laine@demo.fi', displayName: 'Tiina Laine', role: 'account_manager', groups: [4, 2] },
  { email: 'campus.korhonen@demo.fi', displayName: 'Laura Korhonen', role: 'campus_member', groups: [0] },
  { email: 'campus.heikkinen@demo.fi', displayName: 'Ville Heikkinen', role: 'campus_member', groups: [1] },
  { email: 'campus.koskinen@demo.fi', displayName: 'Päivi Koskinen', role: 'campus_member', groups: [2] },
  { email: 'campus.jarvinen@demo.fi', displayName: 'Antti Järvinen', role: 'campus_member', groups: [3] },
  { email: 'campus.saarinen@demo.fi', displayName: 'Elina Saarinen', role: 'campus_member', groups: [4, 0] },
  { email: 'johto.nieminen@demo.fi', displayName: 'Pekka Nieminen', role: 'leadership', groups: [] },
];

// ---------------------------------------------------------------------------------------------
// Vocabulary

interface Industry {
  /** Name part: "Tampereen Kone Oy". */
  core: string;
  /** TOL 2025 5-digit code (demo values following NACE Rev. 2.1); its section comes from the code list. */
  code: string;
  /** The occupation students train for there, for opportunity titles. */
  occupation: string;
  /** Job title of the usual workplace instructor. */
  instructorTitle: string;
  weight: number;
}

const INDUSTRIES: readonly Industry[] = [
  { core: 'Kone', code: '28990', occupation: 'koneasentaja', instructorTitle: 'Työnjohtaja', weight: 6 },
  {
    core: 'Konepaja',
    code: '25620',
    occupation: 'koneistaja',
    instructorTitle: 'Tuotantopäällikkö',
    weight: 5,
  },
  { core: 'Metalli', code: '25110', occupation: 'hitsaaja', instructorTitle: 'Vuoromestari', weight: 4 },
  {
    core: 'Leipomo',
    code: '10710',
    occupation: 'leipuri-kondiittori',
    instructorTitle: 'Leipomomestari',
    weight: 3,
  },
  {
    core: 'Elintarvike',
    code: '10890',
    occupation: 'elintarvikevalmistaja',
    instructorTitle: 'Tuotantopäällikkö',
    weight: 2,
  },
  {
    core: 'Rakennus',
    code: '41000',
    occupation: 'talonrakentaja',
    instructorTitle: 'Vastaava työnjohtaja',
    weight: 7,
  },
  {
    core: 'Sähkö',
    code: '43210',
    occupation: 'sähköasentaja',
    instructorTitle: 'Asennuspäällikkö',
    weight: 7,
  },
  { core: 'LVI', code: '43220', occupation: 'putkiasentaja', instructorTitle: 'Työnjohtaja', weight: 4 },
  {
    core: 'Hoiva',
    code: '87300',
    occupation: 'lähihoitaja',
    instructorTitle: 'Osastonhoitaja',
    weight: 7,
  },
  {
    core: 'Terveyspalvelut',
    code: '86210',
    occupation: 'lähihoitaja',
    instructorTitle: 'Palveluesihenkilö',
    weight: 3,
  },
  {
    core: 'Päiväkoti',
    code: '88910',
    occupation: 'lastenohjaaja',
    instructorTitle: 'Päiväkodin johtaja',
    weight: 3,
  },
  {
    core: 'Logistiikka',
    code: '52100',
    occupation: 'varastonhoitaja',
    instructorTitle: 'Varastopäällikkö',
    weight: 6,
  },
  {
    core: 'Kuljetus',
    code: '49410',
    occupation: 'yhdistelmäajoneuvon kuljettaja',
    instructorTitle: 'Liikennepäällikkö',
    weight: 4,
  },
  {
    core: 'Ravintola',
    code: '56110',
    occupation: 'kokki',
    instructorTitle: 'Ravintolapäällikkö',
    weight: 6,
  },
  {
    core: 'Hotelli',
    code: '55100',
    occupation: 'vastaanottovirkailija',
    instructorTitle: 'Hotellinjohtaja',
    weight: 2,
  },
  {
    core: 'Auto',
    code: '95310',
    occupation: 'ajoneuvoasentaja',
    instructorTitle: 'Korjaamopäällikkö',
    weight: 6,
  },
  { core: 'Kauppa', code: '47110', occupation: 'myyjä', instructorTitle: 'Kauppias', weight: 5 },
  {
    core: 'Tukku',
    code: '46900',
    occupation: 'logistiikkatyöntekijä',
    instructorTitle: 'Myyntipäällikkö',
    weight: 2,
  },
  {
    core: 'IT-palvelut',
    code: '62100',
    occupation: 'ohjelmistokehittäjä',
    instructorTitle: 'Tiiminvetäjä',
    weight: 4,
  },
  {
    core: 'Insinööritoimisto',
    code: '71120',
    occupation: 'suunnitteluassistentti',
    instructorTitle: 'Projektipäällikkö',
    weight: 2,
  },
  {
    core: 'Siivous',
    code: '81210',
    occupation: 'toimitilahuoltaja',
    instructorTitle: 'Palveluesihenkilö',
    weight: 4,
  },
  {
    core: 'Kiinteistöpalvelu',
    code: '81100',
    occupation: 'kiinteistönhoitaja',
    instructorTitle: 'Huoltopäällikkö',
    weight: 4,
  },
  {
    core: 'Viherpalvelu',
    code: '81300',
    occupation: 'puutarhuri',
    instructorTitle: 'Työnjohtaja',
    weight: 2,
  },
  {
    core: 'Kampaamo',
    code: '96210',
    occupation: 'parturi-kampaaja',
    instructorTitle: 'Yrittäjä',
    weight: 3,
  },
  {
    core: 'Maatila',
    code: '01410',
    occupation: 'eläintenhoitaja',
    instructorTitle: 'Tilanhoitaja',
    weight: 2,
  },
  {
    core: 'Energia',
    code: '35110',
    occupation: 'sähköasentaja',
    instructorTitle: 'Käyttöpäällikkö',
    weight: 1,
  },
  {
    core: 'Kierrätys',
    code: '38110',
    occupation: 'ympäristöhuollon ammattilainen',
    instructorTitle: 'Työnjohtaja',
    weight: 1,
  },
];

/** Region-wide name parts; otherwise a company is named after its own municipality or district. */
const REGIONAL_NAME_PARTS = ['Pirkanmaan', 'Sisä-Suomen', 'Näsijärven', 'Pyhäjärven', 'Hämeen', 'Länsi-Pirkanmaan'];

/** Glued variants read as one Finnish word only after some cores: "Konepalvelu", "Sähkötekniikka". */
const GLUED_VARIANTS: Record<string, readonly string[]> = {
  Kone: ['palvelu', 'tekniikka'],
  Sähkö: ['palvelu', 'tekniikka', 'asennus'],
  Rakennus: ['palvelu', 'urakointi'],
  Auto: ['palvelu', 'tekniikka', 'korjaamo'],
  Metalli: ['tekniikka', 'työ'],
  Hoiva: ['palvelu', 'koti'],
  Logistiikka: ['palvelu'],
  Kuljetus: ['palvelu'],
  Ravintola: ['palvelu'],
};
const SPACED_VARIANTS = [' Group', ' ja Kumppanit'];

interface Municipality {
  name: string;
  postcodes: readonly string[];
  streets: readonly string[];
  /** Genitives for company names: "Nokian", "Hervannan". */
  nameParts: readonly string[];
  /** Index into DEMO_GROUPS of the campus that usually works there. */
  groups: readonly number[];
  weight: number;
}

const MUNICIPALITIES: readonly Municipality[] = [
  {
    name: 'Tampere',
    nameParts: ['Tampereen', 'Hervannan', 'Linnainmaan', 'Lielahden', 'Tammerkosken', 'Koskikaupungin'],
    postcodes: [
      '33100',
      '33200',
      '33210',
      '33230',
      '33400',
      '33500',
      '33540',
      '33560',
      '33580',
      '33610',
      '33710',
      '33720',
      '33800',
      '33900',
    ],
    streets: [
      'Hämeenkatu',
      'Hatanpään valtatie',
      'Insinöörinkatu',
      'Hermiankatu',
      'Sammonkatu',
      'Lapintie',
      'Nekalantie',
      'Tesomankatu',
      'Nuolialantie',
      'Sarankulmankatu',
    ],
    groups: [0, 1],
    weight: 40,
  },
  {
    name: 'Nokia',
    nameParts: ['Nokian'],
    postcodes: ['37100', '37120', '37150'],
    streets: ['Härkitie', 'Souranderintie', 'Rounionkatu'],
    groups: [2],
    weight: 8,
  },
  {
    name: 'Ylöjärvi',
    nameParts: ['Ylöjärven'],
    postcodes: ['33470', '33480'],
    streets: ['Ylöjärventie', 'Mikkolantie', 'Kuruntie'],
    groups: [2],
    weight: 6,
  },
  {
    name: 'Kangasala',
    nameParts: ['Kangasalan'],
    postcodes: ['36200', '36220', '36240'],
    streets: ['Kangasalantie', 'Pikkolantie', 'Ruutanantie'],
    groups: [1, 4],
    weight: 6,
  },
  {
    name: 'Lempäälä',
    nameParts: ['Lempäälän'],
    postcodes: ['37500', '37550'],
    streets: ['Tampereentie', 'Ideaparkinkatu', 'Sääksjärventie'],
    groups: [2, 4],
    weight: 6,
  },
  {
    name: 'Pirkkala',
    nameParts: ['Pirkkalan'],
    postcodes: ['33950', '33960'],
    streets: ['Naistenmatkantie', 'Pirkkalaistori', 'Lentoasemantie'],
    groups: [2],
    weight: 6,
  },
  {
    name: 'Valkeakoski',
    nameParts: ['Valkeakosken'],
    postcodes: ['37600', '37630'],
    streets: ['Valtakatu', 'Sääksmäentie', 'Apiankatu'],
    groups: [4],
    weight: 7,
  },
  {
    name: 'Sastamala',
    nameParts: ['Sastamalan', 'Vammalan'],
    postcodes: ['38200', '38210'],
    streets: ['Puistokatu', 'Vammaksentie', 'Tyrväänkatu'],
    groups: [3],
    weight: 5,
  },
  {
    name: 'Orivesi',
    nameParts: ['Oriveden'],
    postcodes: ['35300'],
    streets: ['Keskustie', 'Yhdystie'],
    groups: [1],
    weight: 3,
  },
  {
    name: 'Ikaalinen',
    nameParts: ['Ikaalisten'],
    postcodes: ['39500'],
    streets: ['Vanha Ikaalistentie', 'Valtakatu', 'Kylpyläntie'],
    groups: [3],
    weight: 5,
  },
  {
    name: 'Mänttä-Vilppula',
    nameParts: ['Mäntän', 'Vilppulan'],
    postcodes: ['35800', '35700'],
    streets: ['Tehtaankatu', 'Seppälänkatu'],
    groups: [1],
    weight: 3,
  },
  {
    name: 'Akaa',
    nameParts: ['Akaan', 'Toijalan'],
    postcodes: ['37800', '37830'],
    streets: ['Valtatie', 'Sontulantie'],
    groups: [4],
    weight: 4,
  },
  {
    name: 'Hämeenkyrö',
    nameParts: ['Hämeenkyrön'],
    postcodes: ['39100'],
    streets: ['Härkikuja', 'Ikaalistentie'],
    groups: [3],
    weight: 3,
  },
];

/** A few real-style organisations the region's colleges typically work with. */
const WELL_KNOWN: readonly { name: string; industry: string; municipality: string; size: SizeClass }[] = [
  { name: 'Kesko Oyj', industry: 'Kauppa', municipality: 'Tampere', size: '250+' },
  { name: 'Tampereen kaupunki', industry: 'Päiväkoti', municipality: 'Tampere', size: '250+' },
  { name: 'Pirkanmaan hyvinvointialue', industry: 'Hoiva', municipality: 'Tampere', size: '250+' },
  { name: 'Tampereen Sähkölaitos Oy', industry: 'Energia', municipality: 'Tampere', size: '250+' },
  { name: 'Nokian Kumitehdas Oyj', industry: 'Konepaja', municipality: 'Nokia', size: '250+' },
  { name: 'Valkeakosken Paperitehdas Oy', industry: 'Kone', municipality: 'Valkeakoski', size: '250+' },
];

const CONTACT_TITLES: readonly { title: string; roles: ContactRole[] }[] = [
  { title: 'HR-päällikkö', roles: ['hr'] },
  { title: 'Henkilöstöasiantuntija', roles: ['hr'] },
  { title: 'Toimitusjohtaja', roles: ['management'] },
  { title: 'Tuotantojohtaja', roles: ['management'] },
  { title: 'Työpaikkaohjaaja', roles: ['workplace_instructor'] },
  { title: 'Palveluesihenkilö', roles: ['workplace_instructor', 'management'] },
  { title: 'Koulutuskoordinaattori', roles: ['hr', 'other'] },
];

const DESCRIPTIONS = [
  'Pitkäaikainen koulutussopimuskumppani, ottaa opiskelijoita erityisesti syksyisin.',
  'Kasvava yritys, kiinnostunut oppisopimuksista ja valmistuvien rekrytoinnista.',
  'Työpaikkaohjaajat vaihtuneet, perehdytys syytä tarjota uudelleen.',
  'Näyttöympäristö usealle tutkinnon osalle. Yhteyshenkilö vastaa parhaiten aamupäivisin.',
  'Uusi asiakas: ensimmäinen tapaaminen pidetty, kapasiteetti vielä selvittämättä.',
  'Toimipisteitä useammalla paikkakunnalla; sopimukset keskitetysti HR:n kautta.',
];

const SUMMARIES: Record<ContactTopic, readonly (readonly [string, ContactType])[]> = {
  training_agreement: [
    ['Soitettu koulutussopimuspaikoista kevääksi', 'phone'],
    ['Sovittu kahden opiskelijan koulutussopimusjaksosta', 'meeting'],
    ['Kartoitettu työtehtävät ja välineet koulutussopimusta varten', 'workplace_visit'],
    ['Koulutussopimus allekirjoitettu, jakso alkaa ensi kuussa', 'email'],
    ['Ohjauskäynti työpaikalla koulutussopimusjakson aikana', 'workplace_visit'],
  ],
  apprenticeship: [
    ['Keskusteltu oppisopimuskoulutuksen mahdollisuudesta', 'phone'],
    ['Oppisopimusopiskelijan HOKS-palaveri työpaikalla', 'meeting'],
    ['Uuden työntekijän oppisopimus käynnistetty', 'email'],
    ['Käyty läpi oppisopimuksen ehdot ja koulutuskorvaus', 'meeting'],
  ],
  recruitment: [
    ['Kysytty valmistuvia opiskelijoita kesätöihin', 'phone'],
    ['Rekrytointitarve: kaksi asentajaa syksyllä', 'email'],
    ['Työnantaja esittäytyi rekrytointitapahtumassa', 'event'],
    ['Välitetty opiskelijoiden yhteystiedot haastatteluihin', 'email'],
  ],
  instructor_training: [
    ['Työpaikkaohjaajakoulutus sovittu kahdelle ohjaajalle', 'phone'],
    ['Uuden työpaikkaohjaajan perehdytys jakson alussa', 'workplace_visit'],
    ['Tarjottu verkkokoulutusta työpaikkaohjaajille', 'email'],
  ],
  competence_demonstration: [
    ['Näytön suunnittelu ja arvioijat sovittu', 'meeting'],
    ['Näyttö toteutettu työpaikalla, arviointikeskustelu pidetty', 'workplace_visit'],
    ['Pyydetty työelämän arvioijaa kevään näyttöihin', 'phone'],
  ],
  feedback: [
    ['Työpaikkakyselyn (Työelämäpalaute) tulokset käyty läpi', 'meeting'],
    ['Työpaikkaohjaajakyselyn palaute: perehdytys toimi hyvin', 'email'],
    ['Saatu palautetta opiskelijan työaikojen joustavuudesta', 'phone'],
  ],
  development_project: [
    ['Yhteiskehityshanke: digitaaliset työohjeet opiskelijoille', 'meeting'],
    ['Keskusteltu yhteisestä kehittämishankkeesta', 'meeting'],
    ['Laitelahjoitus opetuskäyttöön sovittu', 'email'],
  ],
  other: [
    ['Tutustumiskäynti oppilaitoksella', 'event'],
    ['Kuulumisten vaihto ja tulevan kauden tarpeet', 'phone'],
    ['Päivitetty yhteyshenkilöiden tiedot', 'email'],
    ['Kutsu työelämäaamiaiselle', 'email'],
  ],
};

const OPPORTUNITY_TYPE_WEIGHTS: readonly (readonly [OpportunityType, number])[] = [
  ['training_agreement', 50],
  ['apprenticeship', 20],
  ['recruitment', 15],
  ['co_development', 8],
  ['other', 7],
];

/** Fixed counts per stage, so every stage of the pipeline board has cards. */
const STAGE_COUNTS: readonly (readonly [OpportunityStage, number])[] = [
  ['identified', 22],
  ['contacted', 24],
  ['negotiating', 28],
  ['agreed', 22],
  ['won', 36],
  ['lost', 18],
];

// ---------------------------------------------------------------------------------------------
// Plans

export interface EmployerPlan {
  name: string;
  businessId: string | null;
  industrySection: string;
  industryCode: string;
  municipality: string;
  streetAddress: string;
  postcode: string;
  website: string | null;
  sizeClass: SizeClass;
  /** Index into DEMO_GROUPS; always also in `groups`. */
  ownerGroup: number;
  groups: number[];
  accountManager: string;
  status: EmployerStatus;
  tags: string[];
  description: string | null;
  createdBy: string;
  createdAt: Date;
  /** Not stored: shapes the other rows. */
  industry: Industry;
}

export interface PersonPlan {
  employer: number;
  name: string;
  title: string;
  email: string;
  phone: string;
  roles: ContactRole[];
  createdAt: Date;
}

export interface EntryPlan {
  employer: number;
  type: ContactType;
  occurredAt: Date;
  summary: string;
  notes: string | null;
  group: number;
  topics: ContactTopic[];
  createdBy: string;
  /** Indexes into the persons plan. */
  persons: number[];
}

export interface FollowUpPlan {
  employer: number;
  entry: number | null;
  title: string;
  notes: string | null;
  dueDate: string;
  assignee: string;
  status: FollowUpStatus;
  completedAt: Date | null;
  completedBy: string | null;
  /** When it was marked done or cancelled. */
  closedAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

export interface StageChangePlan {
  from: OpportunityStage | null;
  to: OpportunityStage;
  at: Date;
  lostReason: string | null;
}

export interface OpportunityPlan {
  employer: number;
  title: string;
  type: OpportunityType;
  expectedPlaces: number | null;
  expectedStart: string | null;
  group: number;
  owner: string;
  stage: OpportunityStage;
  lostReason: string | null;
  notes: string | null;
  createdAt: Date;
  /** Oldest first; the first is the creation (from null). */
  changes: StageChangePlan[];
}

export interface DemoPlan {
  employers: EmployerPlan[];
  persons: PersonPlan[];
  entries: EntryPlan[];
  followUps: FollowUpPlan[];
  opportunities: OpportunityPlan[];
}

export interface Clock {
  now: Date;
  /** Today in Europe/Helsinki, `YYYY-MM-DD`. */
  today: string;
}

const DAY = 24 * 60 * 60 * 1000;

function isoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** A working-hours instant (Helsinki is UTC+2/+3, so 05–14 UTC is 8–17 local) `daysAgo` days back. */
function workingTime(random: Random, clock: Clock, daysAgo: number): Date {
  const day = new Date(clock.now.getTime() - daysAgo * DAY);
  day.setUTCHours(random.int(5, 13), random.pick([0, 10, 15, 20, 30, 40, 45, 50]), 0, 0);
  // Today's "working time" may still be ahead; history never lies in the future.
  return day.getTime() > clock.now.getTime() ? new Date(clock.now.getTime() - random.int(5, 90) * 60_000) : day;
}

/** ASCII for email addresses and web sites: ä → a, ö → o, other marks dropped. */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, 'ja')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The check digit comes from the shared validator itself: the one digit it accepts, if any. */
export function businessIdFor(base: string): string | null {
  for (let digit = 0; digit <= 9; digit += 1) {
    const candidate = `${base}-${digit}`;
    if (isValidBusinessId(candidate)) return candidate;
  }
  // Remainder 1: PRH never issues such a base.
  return null;
}

function usersOfGroup(group: number, roles: readonly Role[]): string[] {
  return DEMO_USERS.filter((user) => roles.includes(user.role) && user.groups.includes(group)).map(
    (user) => user.email,
  );
}

function uniqueBusinessId(random: Random, taken: Set<string>): string {
  for (;;) {
    const base = String(random.int(100_000, 3_299_999)).padStart(7, '0');
    const businessId = businessIdFor(base);
    if (businessId && !taken.has(businessId)) {
      taken.add(businessId);
      return businessId;
    }
  }
}

function companyName(random: Random, industry: Industry, municipality: Municipality, taken: Set<string>): string {
  for (;;) {
    const place = random.chance(0.7) ? random.pick(municipality.nameParts) : random.pick(REGIONAL_NAME_PARTS);
    const glued = GLUED_VARIANTS[industry.core] ?? [];
    const variant = random.weighted([
      ['', 6],
      [glued.length ? random.pick(glued) : '', 3],
      [random.pick(SPACED_VARIANTS), 1],
    ] as const);
    const suffix = random.weighted([
      ['Oy', 80],
      ['Ky', 14],
      ['Oyj', 3],
      ['Tmi', 3],
    ] as const);
    const name = `${place} ${industry.core}${variant} ${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

function buildEmployers(random: Random, clock: Clock, count: number): EmployerPlan[] {
  const names = new Set<string>();
  const businessIds = new Set<string>();
  const accountManagers = DEMO_USERS.filter((user) => user.role === 'account_manager');
  const employers: EmployerPlan[] = [];
  for (let index = 0; index < count; index += 1) {
    const known = WELL_KNOWN[index];
    const industry = known
      ? INDUSTRIES.find((candidate) => candidate.core === known.industry)!
      : random.weighted(INDUSTRIES.map((candidate) => [candidate, candidate.weight] as const));
    const municipality = known
      ? MUNICIPALITIES.find((candidate) => candidate.name === known.municipality)!
      : random.weighted(MUNICIPALITIES.map((candidate) => [candidate, candidate.weight] as const));
    const name = known ? known.name : companyName(random, industry, municipality, names);
    names.add(name.toLowerCase());
    const ownerGroup = random.pick(municipality.groups);
    const groups = [ownerGroup];
    // Big employers and a share of the others take students from two campuses.
    if (known || random.chance(0.2))
      groups.push(random.pick(DEMO_GROUPS.map((_, group) => group).filter((group) => group !== ownerGroup)));
    const managers = accountManagers.filter((user) => user.groups.includes(ownerGroup));
    const accountManager = random.pick(managers.length ? managers : accountManagers).email;
    // The big regional employers are the established partners every campus knows.
    const status: EmployerStatus = known
      ? 'partner'
      : random.weighted([
          ['partner', 50],
          ['prospect', 35],
          ['inactive', 15],
        ] as const);
    const street = random.chance(0.5) ? random.pick(municipality.streets) : random.pick(COMMON_STREETS);
    employers.push({
      name,
      // A few early-stage prospects have no Y-tunnus on record yet.
      businessId: status === 'prospect' && random.chance(0.1) ? null : uniqueBusinessId(random, businessIds),
      industrySection: industrySectionOf('TOL2025', industry.code)!,
      industryCode: industry.code,
      municipality: municipality.name,
      streetAddress: `${street} ${random.int(1, 80)}${random.chance(0.15) ? ` ${random.pick(['A', 'B', 'C'])}` : ''}`,
      postcode: random.pick(municipality.postcodes),
      website: random.chance(0.85) ? `https://www.${asciiSlug(name.replace(/ (Oyj|Oy|Ky|Tmi)$/, ''))}.fi` : null,
      sizeClass:
        known?.size ??
        random.weighted([
          ['1-9', 35],
          ['10-49', 35],
          ['50-249', 20],
          ['250+', 10],
        ] as const),
      ownerGroup,
      groups,
      accountManager,
      status,
      tags: random.sample(
        TAGS,
        random.weighted([
          [0, 3],
          [1, 4],
          [2, 3],
          [3, 1],
        ] as const),
      ),
      description: random.chance(0.4) ? random.pick(DESCRIPTIONS) : null,
      createdBy: accountManager,
      createdAt: workingTime(random, clock, random.int(380, 560)),
      industry,
    });
  }
  return employers;
}

function buildPersons(random: Random, employers: EmployerPlan[]): PersonPlan[] {
  const persons: PersonPlan[] = [];
  employers.forEach((employer, index) => {
    const domain = employer.website
      ? employer.website.replace(/^https:\/\/www\./, '')
      : `${asciiSlug(employer.name)}.fi`;
    const count = random.weighted([
      [1, 4],
      [2, 4],
      [3, 2],
    ] as const);
    const titles = random.sample(CONTACT_TITLES, count);
    // Where students work, someone is their instructor.
    if (employer.status === 'partner' && !titles.some((title) => title.roles.includes('workplace_instructor'))) {
      titles[0] = { title: employer.industry.instructorTitle, roles: ['workplace_instructor'] };
    }
    for (const title of titles) {
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      persons.push({
        employer: index,
        name: `${first} ${last}`,
        title: title.title === 'Työpaikkaohjaaja' ? employer.industry.instructorTitle : title.title,
        email: `${asciiSlug(first)}.${asciiSlug(last)}@${domain}`,
        phone: `0${random.pick(['40', '44', '45', '50'])} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
        roles: title.roles,
        createdAt: new Date(employer.createdAt.getTime() + random.int(0, 20) * DAY),
      });
    }
  });
  return persons;
}

function buildEntries(random: Random, clock: Clock, employers: EmployerPlan[], persons: PersonPlan[]): EntryPlan[] {
  const personsByEmployer = new Map<number, number[]>();
  persons.forEach((person, index) =>
    personsByEmployer.set(person.employer, [...(personsByEmployer.get(person.employer) ?? []), index]),
  );
  const entries: EntryPlan[] = [];
  employers.forEach((employer, index) => {
    const count = employer.status === 'partner' ? random.int(4, 10) : random.int(2, 5);
    // Inactive relationships went quiet months ago; the others run up to this week.
    const newest = employer.status === 'inactive' ? random.int(150, 250) : random.int(0, 45);
    const days = Array.from({ length: count }, () => random.int(newest, 365)).sort((a, b) => b - a);
    days[days.length - 1] = newest;
    for (const daysAgo of days) {
      const topic = random.weighted<ContactTopic>([
        ['training_agreement', 30],
        ['apprenticeship', 12],
        ['recruitment', 12],
        ['instructor_training', 10],
        ['competence_demonstration', 10],
        ['feedback', 10],
        ['development_project', 5],
        ['other', 11],
      ]);
      const [summary, usualType] = random.pick(SUMMARIES[topic]);
      const group = random.pick(employer.groups);
      const loggers = usersOfGroup(group, ['account_manager', 'campus_member']);
      const topics: ContactTopic[] = [topic];
      if (random.chance(0.2)) {
        const second = random.pick(['feedback', 'recruitment', 'instructor_training'] as const);
        if (second !== topic) topics.push(second);
      }
      const contactPersons = personsByEmployer.get(index) ?? [];
      entries.push({
        employer: index,
        type: random.chance(0.75)
          ? usualType
          : random.pick(['phone', 'email', 'meeting', 'workplace_visit', 'event', 'other'] as const),
        occurredAt: workingTime(random, clock, daysAgo),
        summary,
        notes: random.chance(0.35) ? random.pick(NOTES) : null,
        group,
        topics,
        createdBy: random.chance(0.7)
          ? employer.accountManager
          : random.pick(loggers.length ? loggers : [employer.accountManager]),
        persons:
          contactPersons.length && random.chance(0.85)
            ? random.sample(contactPersons, random.int(1, Math.min(2, contactPersons.length)))
            : [],
      });
    }
  });
  return entries;
}

type DueKind = 'overdue' | 'today' | 'week' | 'later';

function buildFollowUps(random: Random, clock: Clock, employers: EmployerPlan[], entries: EntryPlan[]): FollowUpPlan[] {
  const entriesByEmployer = new Map<number, number[]>();
  entries.forEach((entry, index) =>
    entriesByEmployer.set(entry.employer, [...(entriesByEmployer.get(entry.employer) ?? []), index]),
  );
  const followUps: FollowUpPlan[] = [];
  employers.forEach((employer, index) => {
    const own = entriesByEmployer.get(index) ?? [];
    const assignees = [employer.accountManager, ...usersOfGroup(employer.ownerGroup, ['campus_member'])];
    // Closed follow-ups from earlier contacts: promised steps that were done (or dropped).
    const settled = own.filter(
      (entryIndex) => entries[entryIndex].occurredAt.getTime() < clock.now.getTime() - 30 * DAY,
    );
    for (const entryIndex of random.sample(settled, random.int(0, 2))) {
      const entry = entries[entryIndex];
      const assignee = random.pick(assignees);
      const dueDate = isoDate(new Date(entry.occurredAt.getTime() + random.int(5, 21) * DAY));
      const status = random.chance(0.85) ? 'done' : 'cancelled';
      const closedAt = new Date(entry.occurredAt.getTime() + random.int(2, 25) * DAY);
      followUps.push({
        employer: index,
        entry: entryIndex,
        title: random.pick(FOLLOW_UP_TITLES),
        notes: null,
        dueDate,
        assignee,
        status,
        completedAt: status === 'done' ? closedAt : null,
        completedBy: status === 'done' ? assignee : null,
        closedAt,
        createdBy: entry.createdBy,
        createdAt: new Date(entry.occurredAt.getTime() + 5 * 60_000),
      });
    }
    // One open follow-up for most active relationships: some dropped (overdue), some due now.
    if (employer.status !== 'inactive' && random.chance(0.7) && own.length) {
      const entryIndex = own.at(-1)!;
      const entry = entries[entryIndex];
      const kind = random.weighted<DueKind>([
        ['overdue', 25],
        ['today', 10],
        ['week', 25],
        ['later', 40],
      ]);
      const offset = { overdue: -random.int(1, 30), today: 0, week: random.int(1, 6), later: random.int(7, 60) }[kind];
      followUps.push({
        employer: index,
        entry: random.chance(0.8) ? entryIndex : null,
        title: random.pick(FOLLOW_UP_TITLES),
        notes: random.chance(0.25) ? random.pick(NOTES) : null,
        dueDate: addDays(clock.today, offset),
        assignee: random.pick(assignees),
        status: 'open',
        completedAt: null,
        completedBy: null,
        closedAt: null,
        createdBy: entry.createdBy,
        createdAt: new Date(entry.occurredAt.getTime() + 5 * 60_000),
      });
    }
  });
  return followUps;
}

function seasonOf(date: string): string {
  const month = Number(date.slice(5, 7));
  const season = month <= 5 ? 'kevät' : month <= 7 ? 'kesä' : 'syksy';
  return `${season} ${date.slice(0, 4)}`;
}

function opportunityTitle(
  random: Random,
  clock: Clock,
  type: OpportunityType,
  employer: EmployerPlan,
  start: string | null,
): string {
  const occupation = employer.industry.occupation;
  const when = seasonOf(start ?? clock.today);
  switch (type) {
    case 'training_agreement':
      return random.pick([
        `Koulutussopimuspaikat, ${when}`,
        `Työpaikkajaksot: ${occupation}`,
        `Koulutussopimus ${occupation}${occupation.includes(' ') ? ' -' : '-'}opiskelijoille`,
      ]);
    case 'apprenticeship':
      return random.pick([`Oppisopimus: ${occupation}`, `Oppisopimuskoulutus uusille työntekijöille`]);
    case 'recruitment':
      return random.pick([`Valmistuvien rekrytointi: ${occupation}`, `Kesätyöpaikat opiskelijoille ${when.slice(-4)}`]);
    case 'co_development':
      return random.pick([
        'Yhteiskehityshanke: digitaaliset työohjeet',
        'Näyttöympäristön kehittäminen',
        'Työpaikkaohjaajien valmennusmalli',
      ]);
    case 'other':
      return random.pick([
        'Yritysvierailu opiskelijaryhmälle',
        'Työelämäpäivä oppilaitoksella',
        'Laitelahjoitus opetuskäyttöön',
      ]);
  }
}

function expectedPlaces(random: Random, type: OpportunityType): number | null {
  switch (type) {
    case 'training_agreement':
      return random.int(1, 6);
    case 'apprenticeship':
      return random.int(1, 3);
    case 'recruitment':
      return random.int(1, 4);
    case 'co_development':
      return random.chance(0.5) ? null : 0;
    case 'other':
      return random.chance(0.5) ? null : random.int(1, 2);
  }
}

/** The path an opportunity took to its stage: the open stages in order, then won or lost. */
function stagePath(random: Random, stage: OpportunityStage): OpportunityStage[] {
  if (stage === 'won') return [...OPEN_STAGES, 'won'];
  if (stage === 'lost') return [...OPEN_STAGES.slice(0, random.int(1, OPEN_STAGES.length)), 'lost'];
  return OPEN_STAGES.slice(0, OPEN_STAGES.indexOf(stage) + 1);
}

function buildOpportunities(random: Random, clock: Clock, employers: EmployerPlan[]): OpportunityPlan[] {
  const candidates = employers
    .map((employer, index) => ({ employer, index }))
    .filter(({ employer }) => employer.status !== 'inactive');
  const stages = random.shuffle(STAGE_COUNTS.flatMap(([stage, count]) => Array.from({ length: count }, () => stage)));
  return stages.map((stage) => {
    // Partners carry most of the pipeline; some have several opportunities.
    const { employer, index } = random.weighted(
      candidates.map((candidate) => [candidate, candidate.employer.status === 'partner' ? 3 : 1] as const),
    );
    const type = random.weighted(OPPORTUNITY_TYPE_WEIGHTS);
    const path = stagePath(random, stage);
    const createdDaysAgo = random.int(15, 330);
    const createdAt = workingTime(random, clock, createdDaysAgo);
    // Spread the moves over part of the time since creation, never past yesterday.
    const span = (createdDaysAgo - 1) * DAY * (0.3 + random.next() * 0.65);
    const weights = path.map((_, step) => (step === 0 ? 0 : 0.5 + random.next()));
    const weightTotal = weights.reduce((sum, weight) => sum + weight, 0) || 1;
    let elapsed = 0;
    const lostReason = stage === 'lost' ? random.pick(LOST_REASONS) : null;
    const changes: StageChangePlan[] = path.map((to, step) => {
      elapsed += (weights[step] / weightTotal) * span;
      return {
        from: step === 0 ? null : path[step - 1],
        to,
        at: new Date(createdAt.getTime() + Math.round(elapsed)),
        lostReason: to === 'lost' ? lostReason : null,
      };
    });
    const lastChange = changes.at(-1)!.at;
    const startBase = stage === 'won' || stage === 'lost' ? lastChange : clock.now;
    const expectedStart =
      type === 'co_development' && random.chance(0.5)
        ? null
        : `${isoDate(new Date(startBase.getTime() + random.int(20, 200) * DAY)).slice(0, 8)}01`;
    const group = random.chance(0.8) ? employer.ownerGroup : random.pick(employer.groups);
    return {
      employer: index,
      title: opportunityTitle(random, clock, type, employer, expectedStart),
      type,
      expectedPlaces: expectedPlaces(random, type),
      expectedStart,
      group,
      owner: employer.accountManager,
      stage,
      lostReason,
      notes: random.chance(0.3) ? random.pick(NOTES) : null,
      createdAt,
      changes,
    };
  });
}

export const DEMO_EMPLOYER_COUNT = 300;

export function buildDemoPlan(clock: Clock, seed = 20_260_112): DemoPlan {
  const random = new Random(seed);
  const employers = buildEmployers(random, clock, DEMO_EMPLOYER_COUNT);
  const persons = buildPersons(random, employers);
  const entries = buildEntries(random, clock, employers, persons);
  const followUps = buildFollowUps(random, clock, employers, entries);
  const opportunities = buildOpportunities(random, clock, employers);
  return { employers, persons, entries, followUps, opportunities };
}
