import type { IndustryClassification, IndustryName } from './industry-sections';

/** A division (the first two digits of an industry code) and the section it belongs to. */
export interface IndustryDivision {
  code: string;
  section: string;
  name: IndustryName;
}

type DivisionRow = readonly [code: string, section: string, fi: string, en: string];

/**
 * TOL 2008 divisions (sections A–U). Finnish names: Statistics Finland's Toimialaluokitus 2008
 * (the classification service's `toimiala_1_20080101`, as published in its division list); English
 * names: the NACE Rev. 2 division titles that TOL 2008 follows at this level.
 */
// prettier-ignore
const TOL2008_ROWS: readonly DivisionRow[] = [
  ['01', 'A', 'Kasvinviljely ja kotieläintalous, riistatalous ja niihin liittyvät palvelut', 'Crop and animal production, hunting and related service activities'],
  ['02', 'A', 'Metsätalous ja puunkorjuu', 'Forestry and logging'],
  ['03', 'A', 'Kalastus ja vesiviljely', 'Fishing and aquaculture'],
  ['05', 'B', 'Kivihiilen ja ruskohiilen kaivu', 'Mining of coal and lignite'],
  ['06', 'B', 'Raakaöljyn ja maakaasun tuotanto', 'Extraction of crude petroleum and natural gas'],
  ['07', 'B', 'Metallimalmien louhinta', 'Mining of metal ores'],
  ['08', 'B', 'Muu kaivostoiminta ja louhinta', 'Other mining and quarrying'],
  ['09', 'B', 'Kaivostoimintaa palveleva toiminta', 'Mining support service activities'],
  ['10', 'C', 'Elintarvikkeiden valmistus', 'Manufacture of food products'],
  ['11', 'C', 'Juomien valmistus', 'Manufacture of beverages'],
  ['12', 'C', 'Tupakkatuotteiden valmistus', 'Manufacture of tobacco products'],
  ['13', 'C', 'Tekstiilien valmistus', 'Manufacture of textiles'],
  ['14', 'C', 'Vaatteiden valmistus', 'Manufacture of wearing apparel'],
  ['15', 'C', 'Nahan ja nahkatuotteiden valmistus', 'Manufacture of leather and related products'],
  ['16', 'C', 'Sahatavaran sekä puu- ja korkkituotteiden valmistus (pl. huonekalut); olki- ja punontatuotteiden valmistus', 'Manufacture of wood and of products of wood and cork, except furniture; manufacture of articles of straw and plaiting materials'],
  ['17', 'C', 'Paperin, paperi- ja kartonkituotteiden valmistus', 'Manufacture of paper and paper products'],
  ['18', 'C', 'Painaminen ja tallenteiden jäljentäminen', 'Printing and reproduction of recorded media'],
  ['19', 'C', 'Koksin ja jalostettujen öljytuotteiden valmistus', 'Manufacture of coke and refined petroleum products'],
  ['20', 'C', 'Kemikaalien ja kemiallisten tuotteiden valmistus', 'Manufacture of chemicals and chemical products'],
  ['21', 'C', 'Lääkeaineiden ja lääkkeiden valmistus', 'Manufacture of basic pharmaceutical products and pharmaceutical preparations'],
  ['22', 'C', 'Kumi- ja muovituotteiden valmistus', 'Manufacture of rubber and plastic products'],
  ['23', 'C', 'Muiden ei-metallisten mineraalituotteiden valmistus', 'Manufacture of other non-metallic mineral products'],
  ['24', 'C', 'Metallien jalostus', 'Manufacture of basic metals'],
  ['25', 'C', 'Metallituotteiden valmistus (pl. koneet ja laitteet)', 'Manufacture of fabricated metal products, except machinery and equipment'],
  ['26', 'C', 'Tietokoneiden sekä elektronisten ja optisten tuotteiden valmistus', 'Manufacture of computer, electronic and optical products'],
  ['27', 'C', 'Sähkölaitteiden valmistus', 'Manufacture of electrical equipment'],
  ['28', 'C', 'Muiden koneiden ja laitteiden valmistus', 'Manufacture of machinery and equipment n.e.c.'],
  ['29', 'C', 'Moottoriajoneuvojen, perävaunujen ja puoliperävaunujen valmistus', 'Manufacture of motor vehicles, trailers and semi-trailers'],
  ['30', 'C', 'Muiden kulkuneuvojen valmistus', 'Manufacture of other transport equipment'],
  ['31', 'C', 'Huonekalujen valmistus', 'Manufacture of furniture'],
  ['32', 'C', 'Muu valmistus', 'Other manufacturing'],
  ['33', 'C', 'Koneiden ja laitteiden korjaus, huolto ja asennus', 'Repair and installation of machinery and equipment'],
  ['35', 'D', 'Sähkö-, kaasu- ja lämpöhuolto, jäähdytysliiketoiminta', 'Electricity, gas, steam and air conditioning supply'],
  ['36', 'E', 'Veden otto, puhdistus ja jakelu', 'Water collection, treatment and supply'],
  ['37', 'E', 'Viemäri- ja jätevesihuolto', 'Sewerage'],
  ['38', 'E', 'Jätteen keruu, käsittely ja loppusijoitus; materiaalien kierrätys', 'Waste collection, treatment and disposal activities; materials recovery'],
  ['39', 'E', 'Maaperän ja vesistöjen kunnostus ja muut ympäristönhuoltopalvelut', 'Remediation activities and other waste management services'],
  ['41', 'F', 'Talonrakentaminen', 'Construction of buildings'],
  ['42', 'F', 'Maa- ja vesirakentaminen', 'Civil engineering'],
  ['43', 'F', 'Erikoistunut rakennustoiminta', 'Specialised construction activities'],
  ['45', 'G', 'Moottoriajoneuvojen ja moottoripyörien tukku- ja vähittäiskauppa sekä korjaus', 'Wholesale and retail trade and repair of motor vehicles and motorcycles'],
  ['46', 'G', 'Tukkukauppa (pl. moottoriajoneuvojen ja moottoripyörien kauppa)', 'Wholesale trade, except of motor vehicles and motorcycles'],
  ['47', 'G', 'Vähittäiskauppa (pl. moottoriajoneuvojen ja moottoripyörien kauppa)', 'Retail trade, except of motor vehicles and motorcycles'],
  ['49', 'H', 'Maaliikenne ja putkijohtokuljetus', 'Land transport and transport via pipelines'],
  ['50', 'H', 'Vesiliikenne', 'Water transport'],
  ['51', 'H', 'Ilmaliikenne', 'Air transport'],
  ['52', 'H', 'Varastointi ja liikennettä palveleva toiminta', 'Warehousing and support activities for transportation'],
  ['53', 'H', 'Posti- ja kuriiritoiminta', 'Postal and courier activities'],
  ['55', 'I', 'Majoitus', 'Accommodation'],
  ['56', 'I', 'Ravitsemistoiminta', 'Food and beverage service activities'],
  ['58', 'J', 'Kustannustoiminta', 'Publishing activities'],
  ['59', 'J', 'Elokuva-, video- ja televisio-ohjelmatuotanto, äänitteiden ja musiikin kustantaminen', 'Motion picture, video and television programme production, sound recording and music publishing activities'],
  ['60', 'J', 'Radio- ja televisiotoiminta', 'Programming and broadcasting activities'],
  ['61', 'J', 'Televiestintä', 'Telecommunications'],
  ['62', 'J', 'Ohjelmistot, konsultointi ja siihen liittyvä toiminta', 'Computer programming, consultancy and related activities'],
  ['63', 'J', 'Tietopalvelutoiminta', 'Information service activities'],
  ['64', 'K', 'Rahoituspalvelut (pl. vakuutus- ja eläkevakuutustoiminta)', 'Financial service activities, except insurance and pension funding'],
  ['65', 'K', 'Vakuutus-, jälleenvakuutus- ja eläkevakuutustoiminta (pl. pakollinen sosiaalivakuutus)', 'Insurance, reinsurance and pension funding, except compulsory social security'],
  ['66', 'K', 'Rahoitusta ja vakuuttamista palveleva toiminta', 'Activities auxiliary to financial services and insurance activities'],
  ['68', 'L', 'Kiinteistöalan toiminta', 'Real estate activities'],
  ['69', 'M', 'Lakiasiain- ja laskentatoimen palvelut', 'Legal and accounting activities'],
  ['70', 'M', 'Pääkonttorien toiminta; liikkeenjohdon konsultointi', 'Activities of head offices; management consultancy activities'],
  ['71', 'M', 'Arkkitehti- ja insinööripalvelut; tekninen testaus ja analysointi', 'Architectural and engineering activities; technical testing and analysis'],
  ['72', 'M', 'Tieteellinen tutkimus ja kehittäminen', 'Scientific research and development'],
  ['73', 'M', 'Mainostoiminta ja markkinatutkimus', 'Advertising and market research'],
  ['74', 'M', 'Muut erikoistuneet palvelut liike-elämälle', 'Other professional, scientific and technical activities'],
  ['75', 'M', 'Eläinlääkintäpalvelut', 'Veterinary activities'],
  ['77', 'N', 'Vuokraus- ja leasingtoiminta', 'Rental and leasing activities'],
  ['78', 'N', 'Työllistämistoiminta', 'Employment activities'],
  ['79', 'N', 'Matkatoimistojen ja matkanjärjestäjien toiminta; varauspalvelut', 'Travel agency, tour operator reservation service and related activities'],
  ['80', 'N', 'Turvallisuus-, vartiointi- ja etsiväpalvelut', 'Security and investigation activities'],
  ['81', 'N', 'Kiinteistön- ja maisemanhoito', 'Services to buildings and landscape activities'],
  ['82', 'N', 'Hallinto- ja tukipalvelut liike-elämälle', 'Office administrative, office support and other business support activities'],
  ['84', 'O', 'Julkinen hallinto ja maanpuolustus; pakollinen sosiaalivakuutus', 'Public administration and defence; compulsory social security'],
  ['85', 'P', 'Koulutus', 'Education'],
  ['86', 'Q', 'Terveyspalvelut', 'Human health activities'],
  ['87', 'Q', 'Sosiaalihuollon laitospalvelut', 'Residential care activities'],
  ['88', 'Q', 'Sosiaalihuollon avopalvelut', 'Social work activities without accommodation'],
  ['90', 'R', 'Kulttuuri- ja viihdetoiminta', 'Creative, arts and entertainment activities'],
  ['91', 'R', 'Kirjastojen, arkistojen, museoiden ja muiden kulttuurilaitosten toiminta', 'Libraries, archives, museums and other cultural activities'],
  ['92', 'R', 'Rahapeli- ja vedonlyöntipalvelut', 'Gambling and betting activities'],
  ['93', 'R', 'Urheilutoiminta sekä huvi- ja virkistyspalvelut', 'Sports activities and amusement and recreation activities'],
  ['94', 'S', 'Järjestöjen toiminta', 'Activities of membership organisations'],
  ['95', 'S', 'Tietokoneiden, henkilökohtaisten ja kotitaloustavaroiden korjaus', 'Repair of computers and personal and household goods'],
  ['96', 'S', 'Muut henkilökohtaiset palvelut', 'Other personal service activities'],
  ['97', 'T', 'Kotitalouksien toiminta kotitaloustyöntekijöiden työnantajina', 'Activities of households as employers of domestic personnel'],
  ['98', 'T', 'Kotitalouksien eriyttämätön toiminta tavaroiden ja palvelujen tuottamiseksi omaan käyttöön', 'Undifferentiated goods- and services-producing activities of private households for own use'],
  ['99', 'U', 'Kansainvälisten organisaatioiden ja toimielinten toiminta', 'Activities of extraterritorial organisations and bodies'],
];

/**
 * TOL 2025 (NACE Rev. 2.1) sections by division range. Rev. 2.1 folded the old division 45 (motor
 * vehicle trade) into 46–47 and split the old section J into J (publishing, broadcasting: 58–60)
 * and K (telecommunications, programming, information services: 61–63), shifting K–U by one letter.
 */
const TOL2025_SECTION_RANGES: readonly (readonly [first: number, last: number, section: string])[] = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [46, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 60, 'J'],
  [61, 63, 'K'],
  [64, 66, 'L'],
  [68, 68, 'M'],
  [69, 75, 'N'],
  [77, 82, 'O'],
  [84, 84, 'P'],
  [85, 85, 'Q'],
  [86, 88, 'R'],
  [90, 93, 'S'],
  [94, 96, 'T'],
  [97, 98, 'U'],
  [99, 99, 'V'],
];

/**
 * TOL 2025 division names where NACE Rev. 2.1 renamed the division. English: the NACE Rev. 2.1
 * division titles. Finnish: Statistics Finland's TOL 2025 division list was not available when this
 * was written, so the Finnish names of renamed divisions are derived from the Rev. 2.1 English
 * title and the TOL 2008 Finnish name of the same division (and from the TOL 2025 section names);
 * every other TOL 2025 division keeps its TOL 2008 name, as its NACE title did not change.
 */
// prettier-ignore
const TOL2025_RENAMED: Readonly<Record<string, readonly [fi: string | null, en: string]>> = {
  '15': ['Nahan ja nahkatuotteiden sekä vastaavien muista materiaaleista valmistettujen tuotteiden valmistus', 'Manufacture of leather and related products of other materials'],
  '33': [null, 'Repair, maintenance and installation of machinery and equipment'],
  '38': ['Jätteen keruu, hyödyntäminen ja loppukäsittely', 'Waste collection, recovery and disposal activities'],
  '39': [null, 'Remediation activities and other waste management service activities'],
  '41': [null, 'Construction of residential and non-residential buildings'],
  '46': ['Tukkukauppa', 'Wholesale trade'],
  '47': ['Vähittäiskauppa', 'Retail trade'],
  '52': [null, 'Warehousing, storage and support activities for transportation'],
  '60': ['Radio- ja televisiotoiminta, uutistoimistot ja muu sisällönjakelu', 'Programming, broadcasting, news agency and other content distribution activities'],
  '61': [null, 'Telecommunication'],
  '63': ['Tietotekninen infrastruktuuri, tietojenkäsittely, palvelintilan vuokraus ja muu tietopalvelutoiminta', 'Computing infrastructure, data processing, hosting and other information service activities'],
  '70': [null, 'Activities of head offices and management consultancy'],
  '73': ['Mainostoiminta, markkinatutkimus ja suhdetoiminta', 'Activities of advertising, market research and public relations'],
  '79': [null, 'Travel agency, tour operator and other reservation service and related activities'],
  '80': [null, 'Investigation and security activities'],
  '90': ['Taiteellinen luominen ja esittävät taiteet', 'Arts creation and performing arts activities'],
  '95': ['Tietokoneiden, henkilökohtaisten ja kotitaloustavaroiden sekä moottoriajoneuvojen ja moottoripyörien korjaus ja huolto', 'Repair and maintenance of computers, personal and household goods, and motor vehicles and motorcycles'],
  '96': ['Henkilökohtaiset palvelut', 'Personal service activities'],
};

function tol2025Section(code: string): string {
  const division = Number(code);
  const range = TOL2025_SECTION_RANGES.find(([first, last]) => division >= first && division <= last);
  if (!range) throw new Error(`TOL 2025 has no section for division ${code}`);
  return range[2];
}

const TOL2008_DIVISIONS: readonly IndustryDivision[] = TOL2008_ROWS.map(([code, section, fi, en]) => ({
  code,
  section,
  name: { fi, en },
}));

const TOL2025_DIVISIONS: readonly IndustryDivision[] = TOL2008_ROWS.filter(([code]) => code !== '45').map(
  ([code, , fi, en]) => {
    const renamed = TOL2025_RENAMED[code];
    return { code, section: tol2025Section(code), name: { fi: renamed?.[0] ?? fi, en: renamed?.[1] ?? en } };
  },
);

const DIVISIONS: Record<IndustryClassification, readonly IndustryDivision[]> = {
  TOL2025: TOL2025_DIVISIONS,
  TOL2008: TOL2008_DIVISIONS,
};

/** Every division of a classification, in code order. */
export function industryDivisions(classification: IndustryClassification): readonly IndustryDivision[] {
  return DIVISIONS[classification];
}

/**
 * The division of an industry code (2–5 digits; the first two are the division), or null when the
 * code is malformed or its division does not exist in that classification (e.g. 45 in TOL 2025).
 */
export function industryDivisionOf(classification: IndustryClassification, code: string): IndustryDivision | null {
  const match = /^(\d{2})\d{0,3}$/.exec(code.trim());
  if (!match) return null;
  return DIVISIONS[classification].find((division) => division.code === match[1]) ?? null;
}

/** The section letter of an industry code, or null when the code is not one of that classification. */
export function industrySectionOf(classification: IndustryClassification, code: string): string | null {
  return industryDivisionOf(classification, code)?.section ?? null;
}
