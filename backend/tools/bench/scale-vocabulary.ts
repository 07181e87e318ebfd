/**
 * Word lists for the scale seed. They travel to PostgreSQL as text[] parameters and are picked
 * from server-side, so millions of rows never pass through Node.
 */

import { industrySectionOf } from '@tyoelama/shared';
import * as seedWords from '../seed/vocabulary';

export { FOLLOW_UP_TITLES, LOST_REASONS, NOTES, TAGS } from '../seed/vocabulary';

export const SCALE_PASSWORD = 'Skaala-salasana-2026';
export const SCALE_EMAIL_DOMAIN = 'scale.example.fi';
/** The bench signs in as these two; the seed gives the account manager a busy follow-up list. */
export const BENCH_ACCOUNT_MANAGER_EMAIL = `bench.am@${SCALE_EMAIL_DOMAIN}`;
/** Assignee of the follow-ups the bench's writes create, so the account manager's My work keeps its size run after run. */
export const BENCH_WRITER_EMAIL = `bench.writer@${SCALE_EMAIL_DOMAIN}`;
export const BENCH_CAMPUS_MEMBER_EMAIL = `bench.campus@${SCALE_EMAIL_DOMAIN}`;
export const SCALE_GROUP_SUFFIX = '(skaala)';

/** Towns outside Pirkanmaa and Häme: every one has a campus and employers of its own. */
const TOWNS_BEYOND_THE_REGION = [
  'Seinäjoki',
  'Vaasa',
  'Pori',
  'Rauma',
  'Turku',
  'Salo',
  'Espoo',
  'Vantaa',
  'Helsinki',
  'Kerava',
  'Porvoo',
  'Kouvola',
  'Kotka',
  'Mikkeli',
  'Kuopio',
  'Joensuu',
  'Oulu',
  'Rovaniemi',
] as const;

/** 40 campuses of several colleges sharing one instance. */
export const CAMPUSES = [
  'Hervanta',
  'Sammonkatu',
  'Pirkkala',
  'Ikaalinen',
  'Valkeakoski',
  'Nokia',
  'Ylöjärvi',
  'Kangasala',
  'Lempäälä',
  'Sastamala',
  'Orivesi',
  'Akaa',
  'Mänttä',
  'Hämeenkyrö',
  'Hämeenlinna',
  'Forssa',
  'Riihimäki',
  'Lahti',
  'Heinola',
  'Jyväskylä',
  'Äänekoski',
  'Jämsä',
  ...TOWNS_BEYOND_THE_REGION,
] as const;

export const PLACE_GENITIVES = [
  'Tampereen',
  'Hervannan',
  'Nokian',
  'Ylöjärven',
  'Kangasalan',
  'Lempäälän',
  'Pirkkalan',
  'Valkeakosken',
  'Sastamalan',
  'Oriveden',
  'Ikaalisten',
  'Mäntän',
  'Akaan',
  'Hämeenkyrön',
  'Hämeenlinnan',
  'Forssan',
  'Riihimäen',
  'Lahden',
  'Jyväskylän',
  'Seinäjoen',
  'Vaasan',
  'Porin',
  'Rauman',
  'Turun',
  'Salon',
  'Espoon',
  'Vantaan',
  'Helsingin',
  'Keravan',
  'Porvoon',
  'Kouvolan',
  'Kotkan',
  'Mikkelin',
  'Kuopion',
  'Joensuun',
  'Oulun',
  'Rovaniemen',
  'Pirkanmaan',
  'Sisä-Suomen',
  'Länsi-Suomen',
  'Hämeen',
  'Savon',
  'Karjalan',
  'Pohjanmaan',
  'Uudenmaan',
];

export const MUNICIPALITIES = [
  'Tampere',
  'Nokia',
  'Ylöjärvi',
  'Kangasala',
  'Lempäälä',
  'Pirkkala',
  'Valkeakoski',
  'Sastamala',
  'Orivesi',
  'Ikaalinen',
  'Mänttä-Vilppula',
  'Akaa',
  'Hämeenkyrö',
  'Hämeenlinna',
  'Forssa',
  'Riihimäki',
  'Lahti',
  'Jyväskylä',
  ...TOWNS_BEYOND_THE_REGION,
];

/** Industry name core, TOL 2025 section and code (parallel arrays). */
export const INDUSTRY_CORES = [
  'Kone',
  'Konepaja',
  'Metalli',
  'Leipomo',
  'Elintarvike',
  'Rakennus',
  'Sähkö',
  'LVI',
  'Hoiva',
  'Terveyspalvelut',
  'Päiväkoti',
  'Logistiikka',
  'Kuljetus',
  'Ravintola',
  'Hotelli',
  'Auto',
  'Kauppa',
  'Tukku',
  'IT-palvelut',
  'Insinööritoimisto',
  'Siivous',
  'Kiinteistöpalvelu',
  'Viherpalvelu',
  'Kampaamo',
  'Maatila',
  'Energia',
  'Kierrätys',
  'Sähkötekniikka',
  'Autokorjaamo',
  'Rakennuspalvelu',
];
export const INDUSTRY_CODES = [
  '28990',
  '25620',
  '25110',
  '10710',
  '10890',
  '41000',
  '43210',
  '43220',
  '87300',
  '86210',
  '88910',
  '52100',
  '49410',
  '56110',
  '55100',
  '95310',
  '47110',
  '46900',
  '62100',
  '71120',
  '81210',
  '81100',
  '81300',
  '96210',
  '01410',
  '35110',
  '38110',
  '43210',
  '95310',
  '41000',
];
/** The codes' TOL 2025 sections, from the shared code list. */
export const INDUSTRY_SECTIONS = INDUSTRY_CODES.map((code) => industrySectionOf('TOL2025', code)!);

export const LEGAL_FORMS = ['Oy', 'Oy', 'Oy', 'Oy', 'Oyj', 'Ky', 'Tmi', 'Ay', 'ja Kumppanit Oy', 'Group Oy'];

/** The demo seed's names and more: the scale data has thousands of contact persons. */
export const FIRST_NAMES = [
  ...seedWords.FIRST_NAMES,
  'Ilkka',
  'Jaana',
  'Marjo',
  'Pertti',
  'Sirpa',
  'Ulla',
  'Veikko',
  'Åsa',
  'Jörn',
  'Sofia',
  'Oskari',
  'Eetu',
];
export const LAST_NAMES = [
  ...seedWords.LAST_NAMES,
  'Lindholm',
  'Björklund',
  'Grönroos',
  'Öhman',
  'Väisänen',
  'Miettinen',
  'Pesonen',
];

export const STREETS = [
  ...seedWords.COMMON_STREETS,
  'Hämeenkatu',
  'Insinöörinkatu',
  'Hermiankatu',
  'Valtakatu',
  'Puistokatu',
  'Keskustie',
  'Koulukatu',
  'Satamakatu',
];

export const CONTACT_TITLES = [
  'HR-päällikkö',
  'Henkilöstöasiantuntija',
  'Toimitusjohtaja',
  'Tuotantojohtaja',
  'Työpaikkaohjaaja',
  'Palveluesihenkilö',
  'Koulutuskoordinaattori',
  'Työnjohtaja',
  'Myyntipäällikkö',
  'Yrittäjä',
];
/** The contact role of each title (parallel to CONTACT_TITLES). */
export const CONTACT_TITLE_ROLES = [
  'hr',
  'hr',
  'management',
  'management',
  'workplace_instructor',
  'workplace_instructor',
  'hr',
  'workplace_instructor',
  'management',
  'management',
];

// The contact types and topics are the product's own, so the generated entries pass its validation.
export { CONTACT_TOPICS, CONTACT_TYPES } from '@tyoelama/shared';
export const SUMMARIES = [
  'Soitettu koulutussopimuspaikoista kevääksi',
  'Sovittu kahden opiskelijan koulutussopimusjaksosta',
  'Kartoitettu työtehtävät ja välineet koulutussopimusta varten',
  'Koulutussopimus allekirjoitettu',
  'Ohjauskäynti työpaikalla koulutussopimusjakson aikana',
  'Keskusteltu oppisopimuskoulutuksen mahdollisuudesta',
  'Oppisopimusopiskelijan HOKS-palaveri työpaikalla',
  'Kysytty valmistuvia opiskelijoita kesätöihin',
  'Rekrytointitarve: kaksi asentajaa syksyllä',
  'Työpaikkaohjaajakoulutus sovittu kahdelle ohjaajalle',
  'Näytön suunnittelu ja arvioijat sovittu',
  'Työpaikkakyselyn tulokset käyty läpi',
  'Yhteiskehityshanke: digitaaliset työohjeet',
  'Kuulumisten vaihto ja tulevan kauden tarpeet',
  'Päivitetty yhteyshenkilöiden tiedot',
  'Kutsu työelämäaamiaiselle',
];
export const OPPORTUNITY_TYPES = [
  'training_agreement',
  'training_agreement',
  'apprenticeship',
  'recruitment',
  'co_development',
  'other',
];
