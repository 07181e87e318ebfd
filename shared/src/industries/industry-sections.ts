import type { Locale } from '../common/locale';

/**
 * Statistics Finland's industry classification. The business register has used TOL 2025
 * (NACE Rev. 2.1 based, sections A–V) since 1.1.2026; older data uses TOL 2008 (NACE Rev. 2,
 * sections A–U) with shifted letters, so the version is stored with every code.
 */
export const INDUSTRY_CLASSIFICATIONS = ['TOL2025', 'TOL2008'] as const;
export type IndustryClassification = (typeof INDUSTRY_CLASSIFICATIONS)[number];

/** A section's or division's name in each UI language. */
export type IndustryName = Readonly<Record<Locale, string>>;

export interface IndustrySection {
  /** The section letter. */
  code: string;
  name: IndustryName;
}

/**
 * One row per section name: its TOL 2025 letter, its TOL 2008 letter (null where the classification
 * lacks the section), Finnish, English. Most sections are in both, often under another letter.
 * Finnish TOL 2008 names: Statistics Finland (toimiala_1_20080101); English: NACE Rev. 2 / Rev. 2.1
 * section titles; the TOL 2025 Finnish names of the new or renamed sections J, K, S follow the
 * NACE Rev. 2.1 titles.
 */
// prettier-ignore
const SECTION_ROWS: readonly (readonly [tol2025: string | null, tol2008: string | null, fi: string, en: string])[] = [
  ['A', 'A', 'Maatalous, metsätalous ja kalatalous', 'Agriculture, forestry and fishing'],
  ['B', 'B', 'Kaivostoiminta ja louhinta', 'Mining and quarrying'],
  ['C', 'C', 'Teollisuus', 'Manufacturing'],
  ['D', 'D', 'Sähkö-, kaasu- ja lämpöhuolto, jäähdytysliiketoiminta', 'Electricity, gas, steam and air conditioning supply'],
  ['E', null, 'Vesihuolto, viemäri- ja jätevesihuolto, jätehuolto ja muu ympäristön puhtaanapito', 'Water supply, sewerage, waste management and remediation'],
  [null, 'E', 'Vesihuolto, viemäri- ja jätevesihuolto, jätehuolto ja muu ympäristön puhtaanapito', 'Water supply; sewerage, waste management and remediation activities'],
  ['F', 'F', 'Rakentaminen', 'Construction'],
  ['G', null, 'Tukku- ja vähittäiskauppa', 'Wholesale and retail trade'],
  [null, 'G', 'Tukku- ja vähittäiskauppa; moottoriajoneuvojen ja moottoripyörien korjaus', 'Wholesale and retail trade; repair of motor vehicles and motorcycles'],
  ['H', 'H', 'Kuljetus ja varastointi', 'Transportation and storage'],
  ['I', 'I', 'Majoitus- ja ravitsemistoiminta', 'Accommodation and food service activities'],
  ['J', null, 'Kustannustoiminta, lähetystoiminta sekä sisällöntuotanto ja -jakelu', 'Publishing, broadcasting, and content production and distribution'],
  ['K', null, 'Televiestintä, ohjelmointi, konsultointi, tietotekninen infrastruktuuri ja muu informaatiopalvelutoiminta', 'Telecommunication, computer programming, consulting, computing infrastructure and other information services'],
  [null, 'J', 'Informaatio ja viestintä', 'Information and communication'],
  ['L', 'K', 'Rahoitus- ja vakuutustoiminta', 'Financial and insurance activities'],
  ['M', 'L', 'Kiinteistöalan toiminta', 'Real estate activities'],
  ['N', 'M', 'Ammatillinen, tieteellinen ja tekninen toiminta', 'Professional, scientific and technical activities'],
  ['O', 'N', 'Hallinto- ja tukipalvelutoiminta', 'Administrative and support service activities'],
  ['P', null, 'Julkinen hallinto ja maanpuolustus, pakollinen sosiaalivakuutus', 'Public administration and defence; compulsory social security'],
  [null, 'O', 'Julkinen hallinto ja maanpuolustus; pakollinen sosiaalivakuutus', 'Public administration and defence; compulsory social security'],
  ['Q', 'P', 'Koulutus', 'Education'],
  ['R', 'Q', 'Terveys- ja sosiaalipalvelut', 'Human health and social work activities'],
  ['S', null, 'Taiteet, urheilu ja virkistyspalvelut', 'Arts, sports and recreation'],
  [null, 'R', 'Taiteet, viihde ja virkistys', 'Arts, entertainment and recreation'],
  ['T', 'S', 'Muu palvelutoiminta', 'Other service activities'],
  ['U', 'T', 'Kotitalouksien toiminta työnantajina', 'Activities of households as employers'],
  ['V', 'U', 'Kansainvälisten organisaatioiden ja toimielinten toiminta', 'Activities of extraterritorial organisations and bodies'],
];

function sectionsOf(column: 0 | 1): readonly IndustrySection[] {
  return SECTION_ROWS.flatMap((row) => {
    const code = row[column];
    return code === null ? [] : [{ code, name: { fi: row[2], en: row[3] } }];
    // Letters are plain ASCII: a code-unit comparison, not localeCompare, whose first call builds a
    // collator (tens of milliseconds on a phone, at the app's start).
  }).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Every section of each classification, in letter order. */
export const INDUSTRY_SECTION_LIST: Record<IndustryClassification, readonly IndustrySection[]> = {
  TOL2025: sectionsOf(0),
  TOL2008: sectionsOf(1),
};

/** The section letters of each classification. */
export const INDUSTRY_SECTIONS: Record<IndustryClassification, readonly string[]> = {
  TOL2025: INDUSTRY_SECTION_LIST.TOL2025.map((section) => section.code),
  TOL2008: INDUSTRY_SECTION_LIST.TOL2008.map((section) => section.code),
};

/** Section names by classification and letter in one language: the shape of a UI dictionary. */
export function industrySectionNames(locale: Locale): Record<IndustryClassification, Record<string, string>> {
  const names = (classification: IndustryClassification) =>
    Object.fromEntries(INDUSTRY_SECTION_LIST[classification].map((section) => [section.code, section.name[locale]]));
  return { TOL2025: names('TOL2025'), TOL2008: names('TOL2008') };
}
