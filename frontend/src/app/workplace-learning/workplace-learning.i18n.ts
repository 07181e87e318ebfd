// The workplace-learning feature's strings; translations.ts mounts them under 'workplaceLearning'.
import type { CallList, FeedbackSurveyState, WorkplaceLearningKind } from '@tyoelama/shared';

type ListTexts = Record<CallList, { title: string; intro: string; empty: string }>;

const kindsFi: Record<WorkplaceLearningKind, string> = {
  training_agreement: 'Koulutussopimus',
  apprenticeship: 'Oppisopimus',
};
const statesFi: Record<FeedbackSurveyState, string> = { open: 'Avoin', answered: 'Vastattu', expired: 'Vanhentunut' };
const listsFi: ListTexts = {
  'no-recent-contact': {
    title: 'Opiskelijoita nyt, ei yhteydenottoa 90 päivään',
    intro: 'Työpaikat, joilla on opiskelija juuri nyt, mutta joihin ei ole kirjattu yhteydenottoa 90 päivään.',
    empty: 'Kaikkiin opiskelijoita nyt ohjaaviin työpaikkoihin on oltu yhteydessä 90 päivän sisällä.',
  },
  'survey-deadline': {
    title: 'Työpaikkakysely sulkeutumassa',
    intro: 'Avoin, vastaamaton työpaikkakysely, jonka vastausaika päättyy 30 päivän sisällä.',
    empty: 'Yhtään vastaamatonta työpaikkakyselyä ei ole sulkeutumassa 30 päivän sisällä.',
  },
  'lapsed-hosts': {
    title: 'Viime vuonna opiskelijoita, tänä vuonna ei',
    intro: 'Työpaikat, joilla oli opiskelijoita viime vuonna, mutta tälle vuodelle ei ole yhtään jaksoa.',
    empty: 'Kaikilla viime vuonna opiskelijoita ohjanneilla työpaikoilla on jaksoja myös tänä vuonna.',
  },
  'periods-without-business-id': {
    title: 'Jaksot ilman Y-tunnusta',
    intro: 'Jaksot, joiden työpaikalla ei ole Y-tunnusta. Opiskelijatietoja ei tallenneta.',
    empty: 'Kaikilla jaksoilla on Y-tunnus.',
  },
  'unknown-business-ids': {
    title: 'Tuntemattomat Y-tunnukset',
    intro: 'Jaksot, joiden Y-tunnusta ei ole yhdelläkään työnantajalla, Y-tunnuksittain.',
    empty: 'Jokaisen jakson Y-tunnus löytyy työnantajista.',
  },
};

export const workplaceLearningFi = {
  heading: 'Työpaikalla oppiminen',
  loadFailed: 'Työpaikalla oppimisen tietoja ei voitu ladata: {message}',
  empty: 'Tästä työnantajasta ei ole vielä jakso- eikä palautetietoja.',
  emptyHint: 'Tuo KOSKI-, eHOKS- ja Arvo-tiedostot tuontisivulta.',
  importLink: 'Tuontisivulle',
  kinds: kindsFi,
  figures: {
    label: 'Luvut',
    ongoing: 'Opiskelijoita nyt',
    ongoingDetail: '{agreements} koulutussopimus, {apprenticeships} oppisopimus',
    thisYear: 'Opiskelijoita vuonna {year}',
    totalDays: 'Päiviä työpaikalla yhteensä',
  },
  years: {
    caption: 'Opiskelijat vuosittain ja sopimusmuodoittain',
    year: 'Vuosi',
    // Soft hyphens: the long words may break on a narrow phone instead of widening the table.
    trainingAgreement: 'Koulutus\u00adsopimus',
    apprenticeship: 'Oppi\u00adsopimus',
    total: 'Yhteensä',
  },
  qualifications: { heading: 'Tutkinnot', students: '{count} opiskelijaa', unnamed: 'Tutkinto {code}' },
  ended: {
    heading: 'Purkautuneet oppisopimukset',
    inTrial: 'koeajalla',
    notInTrial: 'koeajan jälkeen',
    unknownTrial: 'koeajasta ei tietoa',
  },
  instructors: {
    heading: 'Työpaikkaohjaajat',
    none: 'Jaksoille ei ole nimetty työpaikkaohjaajaa.',
    periods: '{count} jaksoa, viimeisin alkoi {date}',
    contacts: 'Yhteyshenkilöissä',
  },
  surveys: {
    heading: 'Työelämäpalaute',
    caption: 'Työpaikkakyselyt puolivuosittain',
    halfYear: 'Puolivuosi',
    halfYearValue: '{half}/{year}',
    state: 'Tila',
    deadline: 'Vastausaika päättyy',
    answers: 'Vastauksia / kohteita',
    open: 'Avaa kysely',
    none: 'Työpaikkakyselyitä ei ole tuotu.',
    states: statesFi,
    instructor: 'Työpaikkaohjaajakyselyt: vastattu {answered} / {sent}',
  },
  callLists: {
    nav: 'Soittolistat',
    title: 'Soittolistat',
    intro: 'Listat kansallisista tiedoista: kenelle kannattaa soittaa seuraavaksi.',
    campusGroup: 'Campus-ryhmä',
    lists: listsFi,
    export: 'Lataa CSV',
    exportList: 'lista "{list}"',
    loadFailed: 'Listaa ei voitu ladata: {message}',
    noGroupFilter: 'Nämä jaksot eivät kuulu millekään campus-ryhmälle.',
    columns: {
      employer: 'Työnantaja',
      accountManager: 'Asiakaspäällikkö',
      lastContact: 'Viimeisin yhteydenotto',
      studentsNow: 'Opiskelijoita nyt',
      deadline: 'Vastausaika päättyy',
      lastYear: 'Opiskelijoita viime vuonna',
      workplace: 'Työpaikka',
      kind: 'Sopimusmuoto',
      dates: 'Jakso',
      qualification: 'Tutkinto',
      campus: 'Toimipiste',
      businessId: 'Y-tunnus',
      periods: 'Jaksoja',
      students: 'Opiskelijoita',
      latest: 'Viimeisin jakso alkoi',
    },
    never: 'Ei koskaan',
    surveyLink: 'Kyselyn linkki',
    noValue: '–',
  },
};

const kindsEn: typeof kindsFi = { training_agreement: 'Training agreement', apprenticeship: 'Apprenticeship' };
const statesEn: typeof statesFi = { open: 'Open', answered: 'Answered', expired: 'Expired' };
const listsEn: ListTexts = {
  'no-recent-contact': {
    title: 'Hosting students now, no contact in 90 days',
    intro: 'Workplaces with a student right now and no contact entry in the last 90 days.',
    empty: 'Every workplace hosting students now has been contacted within 90 days.',
  },
  'survey-deadline': {
    title: 'Workplace survey closing',
    intro: 'An open, unanswered workplace survey whose answering time ends within 30 days.',
    empty: 'No unanswered workplace survey closes within 30 days.',
  },
  'lapsed-hosts': {
    title: 'Students last year, none this year',
    intro: 'Workplaces that hosted students last year and have no period this year.',
    empty: 'Every workplace that hosted students last year has periods this year too.',
  },
  'periods-without-business-id': {
    title: 'Periods without a business ID',
    intro: 'Periods whose workplace has no business ID (Y-tunnus). No student data is stored.',
    empty: 'Every period has a business ID.',
  },
  'unknown-business-ids': {
    title: 'Unknown business IDs',
    intro: 'Periods whose business ID belongs to no employer, by business ID.',
    empty: 'Every period’s business ID belongs to an employer.',
  },
};

export const workplaceLearningEn: typeof workplaceLearningFi = {
  heading: 'Workplace learning',
  loadFailed: 'Workplace learning could not be loaded: {message}',
  empty: 'There are no periods or feedback for this employer yet.',
  emptyHint: 'Import the KOSKI, eHOKS and Arvo files on the import page.',
  importLink: 'To the import page',
  kinds: kindsEn,
  figures: {
    label: 'Figures',
    ongoing: 'Students now',
    ongoingDetail: '{agreements} training agreement, {apprenticeships} apprenticeship',
    thisYear: 'Students in {year}',
    totalDays: 'Days at the workplace in total',
  },
  years: {
    caption: 'Students by year and kind of agreement',
    year: 'Year',
    trainingAgreement: 'Training agreement',
    apprenticeship: 'Appren\u00adticeship',
    total: 'Total',
  },
  qualifications: { heading: 'Qualifications', students: '{count} students', unnamed: 'Qualification {code}' },
  ended: {
    heading: 'Ended apprenticeships',
    inTrial: 'in the trial period',
    notInTrial: 'after the trial period',
    unknownTrial: 'trial period not known',
  },
  instructors: {
    heading: 'Workplace instructors',
    none: 'No workplace instructor is named for the periods.',
    periods: '{count} periods, the latest started {date}',
    contacts: 'In contact persons',
  },
  surveys: {
    heading: 'Työelämäpalaute (workplace feedback)',
    caption: 'Workplace surveys by half-year',
    halfYear: 'Half-year',
    halfYearValue: '{half}/{year}',
    state: 'State',
    deadline: 'Answering ends',
    answers: 'Answers / targets',
    open: 'Open the survey',
    none: 'No workplace surveys have been imported.',
    states: statesEn,
    instructor: 'Instructor surveys: {answered} of {sent} answered',
  },
  callLists: {
    nav: 'Call lists',
    title: 'Call lists',
    intro: 'Lists from the national data: whom to call next.',
    campusGroup: 'Campus group',
    lists: listsEn,
    export: 'Download CSV',
    exportList: 'the list "{list}"',
    loadFailed: 'The list could not be loaded: {message}',
    noGroupFilter: 'These periods belong to no campus group.',
    columns: {
      employer: 'Employer',
      accountManager: 'Account manager',
      lastContact: 'Last contact',
      studentsNow: 'Students now',
      deadline: 'Answering ends',
      lastYear: 'Students last year',
      workplace: 'Workplace',
      kind: 'Kind',
      dates: 'Period',
      qualification: 'Qualification',
      campus: 'Campus',
      businessId: 'Business ID',
      periods: 'Periods',
      students: 'Students',
      latest: 'Latest period started',
    },
    never: 'Never',
    surveyLink: 'Survey link',
    noValue: '–',
  },
};
