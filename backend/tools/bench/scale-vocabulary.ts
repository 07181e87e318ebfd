/**
 * Word lists for the scale seed. They travel to PostgreSQL as text[] parameters and are picked
 * from server-side, so millions of rows never pass through Node.
 */

export const SCALE_PASSWORD = 'Skaala-salasana-2026';
export const SCALE_EMAIL_DOMAIN = 'scale.example.fi';
/** The bench signs in as these two; the seed gives the account manager a busy follow-up list. */
export const BENCH_ACCOUNT_MANAGER_EMAIL = `bench.am@${SCALE_EMAIL_DOMAIN}`;
/** Assignee of the follow-ups the bench's writes create, so the account manager's My work keeps its size run after run. */
export const BENCH_WRITER_EMAIL = `bench.writer@${SCALE_EMAIL_DOMAIN}`;
export const BENCH_CAMPUS_MEMBER_EMAIL = `bench.campus@${SCALE_EMAIL_DOMAIN}`;
export const SCALE_GROUP_SUFFIX = '(skaala)';

/** 40 campuses of several colleges sharing one instance. */
export const CAMPUSES = [
  'Hervanta', 'Sammonkatu', 'Pirkkala', 'Ikaalinen', 'Valkeakoski', 'Nokia', 'Ylöjärvi', 'Kangasala', 'Lempäälä',
  'Sastamala', 'Orivesi', 'Akaa', 'Mänttä', 'Hämeenkyrö', 'Hämeenlinna', 'Forssa', 'Riihimäki', 'Lahti', 'Heinola',
  'Jyväskylä', 'Äänekoski', 'Jämsä', 'Seinäjoki', 'Vaasa', 'Pori', 'Rauma', 'Turku', 'Salo', 'Espoo', 'Vantaa',
  'Helsinki', 'Kerava', 'Porvoo', 'Kouvola', 'Kotka', 'Mikkeli', 'Kuopio', 'Joensuu', 'Oulu', 'Rovaniemi',
] as const;

export const PLACE_GENITIVES = [
  'Tampereen', 'Hervannan', 'Nokian', 'Ylöjärven', 'Kangasalan', 'Lempäälän', 'Pirkkalan', 'Valkeakosken', 'Sastamalan',
  'Oriveden', 'Ikaalisten', 'Mäntän', 'Akaan', 'Hämeenkyrön', 'Hämeenlinnan', 'Forssan', 'Riihimäen', 'Lahden',
  'Jyväskylän', 'Seinäjoen', 'Vaasan', 'Porin', 'Rauman', 'Turun', 'Salon', 'Espoon', 'Vantaan', 'Helsingin',
  'Keravan', 'Porvoon', 'Kouvolan', 'Kotkan', 'Mikkelin', 'Kuopion', 'Joensuun', 'Oulun', 'Rovaniemen',
  'Pirkanmaan', 'Sisä-Suomen', 'Länsi-Suomen', 'Hämeen', 'Savon', 'Karjalan', 'Pohjanmaan', 'Uudenmaan',
];

export const MUNICIPALITIES = [
  'Tampere', 'Nokia', 'Ylöjärvi', 'Kangasala', 'Lempäälä', 'Pirkkala', 'Valkeakoski', 'Sastamala', 'Orivesi',
  'Ikaalinen', 'Mänttä-Vilppula', 'Akaa', 'Hämeenkyrö', 'Hämeenlinna', 'Forssa', 'Riihimäki', 'Lahti', 'Jyväskylä',
  'Seinäjoki', 'Vaasa', 'Pori', 'Rauma', 'Turku', 'Salo', 'Espoo', 'Vantaa', 'Helsinki', 'Kerava', 'Porvoo',
  'Kouvola', 'Kotka', 'Mikkeli', 'Kuopio', 'Joensuu', 'Oulu', 'Rovaniemi',
];

/** Industry name core, TOL 2025 section and code (parallel arrays). */
export const INDUSTRY_CORES = [
  'Kone', 'Konepaja', 'Metalli', 'Leipomo', 'Elintarvike', 'Rakennus', 'Sähkö', 'LVI', 'Hoiva', 'Terveyspalvelut',
  'Päiväkoti', 'Logistiikka', 'Kuljetus', 'Ravintola', 'Hotelli', 'Auto', 'Kauppa', 'Tukku', 'IT-palvelut',
  'Insinööritoimisto', 'Siivous', 'Kiinteistöpalvelu', 'Viherpalvelu', 'Kampaamo', 'Maatila', 'Energia', 'Kierrätys',
  'Sähkötekniikka', 'Autokorjaamo', 'Rakennuspalvelu',
];
export const INDUSTRY_SECTIONS = [
  'C', 'C', 'C', 'C', 'C', 'F', 'F', 'F', 'R', 'R', 'R', 'H', 'H', 'I', 'I', 'T', 'G', 'G', 'K', 'N', 'O', 'O', 'O',
  'T', 'A', 'D', 'E', 'F', 'T', 'F',
];
export const INDUSTRY_CODES = [
  '28990', '25620', '25110', '10710', '10890', '41000', '43210', '43220', '87300', '86210', '88910', '52100', '49410',
  '56110', '55100', '95310', '47110', '46900', '62100', '71120', '81210', '81100', '81300', '96210', '01410', '35110',
  '38110', '43210', '95310', '41000',
];

export const LEGAL_FORMS = ['Oy', 'Oy', 'Oy', 'Oy', 'Oyj', 'Ky', 'Tmi', 'Ay', 'ja Kumppanit Oy', 'Group Oy'];

export const FIRST_NAMES = [
  'Matti', 'Juha', 'Mikko', 'Timo', 'Jari', 'Antti', 'Ville', 'Janne', 'Petri', 'Sami', 'Tuomas', 'Heikki', 'Kari',
  'Markku', 'Jukka', 'Anna', 'Maria', 'Laura', 'Johanna', 'Sanna', 'Tiina', 'Riikka', 'Katja', 'Päivi', 'Minna',
  'Heidi', 'Elina', 'Satu', 'Niina', 'Eeva', 'Aino', 'Emilia', 'Henna', 'Outi', 'Kirsi', 'Jouni', 'Teemu', 'Noora',
  'Ilkka', 'Jaana', 'Marjo', 'Pertti', 'Sirpa', 'Ulla', 'Veikko', 'Åsa', 'Jörn', 'Sofia', 'Oskari', 'Eetu',
];
export const LAST_NAMES = [
  'Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen', 'Järvinen',
  'Lehtonen', 'Lehtinen', 'Saarinen', 'Salminen', 'Heinonen', 'Niemi', 'Heikkilä', 'Kinnunen', 'Salonen', 'Turunen',
  'Salo', 'Laitinen', 'Tuominen', 'Rantanen', 'Karjalainen', 'Jokinen', 'Mattila', 'Savolainen', 'Lahtinen',
  'Ahonen', 'Aaltonen', 'Hakala', 'Peltonen', 'Leppänen', 'Vainio', 'Kallio', 'Ojala', 'Seppälä', 'Lindholm',
  'Björklund', 'Grönroos', 'Öhman', 'Väisänen', 'Miettinen', 'Pesonen',
];

export const STREETS = [
  'Teollisuustie', 'Asemakatu', 'Kauppakatu', 'Tehtaankatu', 'Myllytie', 'Yrittäjäntie', 'Pajatie', 'Rantatie',
  'Hämeenkatu', 'Insinöörinkatu', 'Hermiankatu', 'Valtakatu', 'Puistokatu', 'Keskustie', 'Koulukatu', 'Satamakatu',
];

export const CONTACT_TITLES = [
  'HR-päällikkö', 'Henkilöstöasiantuntija', 'Toimitusjohtaja', 'Tuotantojohtaja', 'Työpaikkaohjaaja',
  'Palveluesihenkilö', 'Koulutuskoordinaattori', 'Työnjohtaja', 'Myyntipäällikkö', 'Yrittäjä',
];
/** The contact role of each title (parallel to CONTACT_TITLES). */
export const CONTACT_TITLE_ROLES = [
  'hr', 'hr', 'management', 'management', 'workplace_instructor', 'workplace_instructor', 'hr', 'workplace_instructor',
  'management', 'management',
];

export const TAGS = [
  'koulutussopimus', 'oppisopimus', 'rekrytointi', 'näyttöympäristö', 'kesätyöt', 'ohjaajat koulutettu',
  'yhteistyösopimus', 'maahanmuuttajataustaiset', 'aikuisopiskelijat', 'vuorotyö',
];

export const CONTACT_TYPES = ['phone', 'email', 'meeting', 'workplace_visit', 'event', 'other'];
export const CONTACT_TOPICS = [
  'training_agreement', 'apprenticeship', 'recruitment', 'instructor_training', 'competence_demonstration',
  'feedback', 'development_project', 'other',
];
export const SUMMARIES = [
  'Soitettu koulutussopimuspaikoista kevääksi', 'Sovittu kahden opiskelijan koulutussopimusjaksosta',
  'Kartoitettu työtehtävät ja välineet koulutussopimusta varten', 'Koulutussopimus allekirjoitettu',
  'Ohjauskäynti työpaikalla koulutussopimusjakson aikana', 'Keskusteltu oppisopimuskoulutuksen mahdollisuudesta',
  'Oppisopimusopiskelijan HOKS-palaveri työpaikalla', 'Kysytty valmistuvia opiskelijoita kesätöihin',
  'Rekrytointitarve: kaksi asentajaa syksyllä', 'Työpaikkaohjaajakoulutus sovittu kahdelle ohjaajalle',
  'Näytön suunnittelu ja arvioijat sovittu', 'Työpaikkakyselyn tulokset käyty läpi',
  'Yhteiskehityshanke: digitaaliset työohjeet', 'Kuulumisten vaihto ja tulevan kauden tarpeet',
  'Päivitetty yhteyshenkilöiden tiedot', 'Kutsu työelämäaamiaiselle',
];
export const NOTES = [
  'Yhteyshenkilö lupasi palata asiaan kahden viikon sisällä.',
  'Työpaikalla on nyt kaksi koulutettua työpaikkaohjaajaa.',
  'Toivovat opiskelijoita, joilla on työturvallisuuskortti.',
  'Kiinnostusta myös aikuisopiskelijoihin.',
  'Vuorotyö voi rajoittaa alaikäisten opiskelijoiden jaksoja.',
];
export const FOLLOW_UP_TITLES = [
  'Soita syksyn koulutussopimuspaikoista', 'Lähetä koulutussopimuksen luonnos', 'Varaa ohjauskäynti työpaikalle',
  'Sovi työpaikkaohjaajakoulutuksen ajankohta', 'Vahvista näytön arvioijat', 'Käy läpi työpaikkakyselyn tulokset',
  'Lähetä kutsu rekrytointitapahtumaan', 'Kysy kesätyöpaikkojen tilanne', 'Päivitä yhteyshenkilöiden tiedot',
  'Vie oppisopimusasiaa eteenpäin',
];
export const OPPORTUNITY_TYPES = ['training_agreement', 'training_agreement', 'apprenticeship', 'recruitment', 'co_development', 'other'];
export const LOST_REASONS = [
  'Ei työpaikkaohjaajaa tälle kaudelle', 'Tilauskanta heikentynyt, ei resursseja ohjaukseen',
  'Valitsi toisen oppilaitoksen opiskelijat', 'Ei sopivia työtehtäviä opiskelijalle', 'Muutosneuvottelut käynnissä',
];
