import { LOCALES } from '../common/locale';
import {
  INDUSTRY_CLASSIFICATIONS,
  INDUSTRY_SECTION_LIST,
  INDUSTRY_SECTIONS,
  industrySectionNames,
} from './industry-sections';
import { industryDivisionOf, industryDivisions, industrySectionOf } from './industry-divisions';
import { industryProblem } from './industry-check';

describe('industrySectionOf', () => {
  it.each([
    ['01110', 'A'],
    ['09900', 'B'],
    ['10110', 'C'],
    ['33200', 'C'],
    ['35110', 'D'],
    ['38110', 'E'],
    ['43999', 'F'],
    ['46110', 'G'],
    ['47110', 'G'],
    ['49100', 'H'],
    ['56101', 'I'],
    ['58110', 'J'],
    ['60100', 'J'],
    ['62100', 'K'],
    ['64190', 'L'],
    ['68200', 'M'],
    ['71121', 'N'],
    ['81210', 'O'],
    ['84110', 'P'],
    ['85320', 'Q'],
    ['86101', 'R'],
    ['88100', 'R'],
    ['90110', 'S'],
    ['96200', 'T'],
    ['97000', 'U'],
    ['99000', 'V'],
  ])('maps the TOL 2025 code %s to section %s', (code, section) => {
    expect(industrySectionOf('TOL2025', code)).toBe(section);
  });

  it('maps TOL 2008 codes with the old letters', () => {
    expect(industrySectionOf('TOL2008', '45200')).toBe('G');
    expect(industrySectionOf('TOL2008', '62010')).toBe('J');
    expect(industrySectionOf('TOL2008', '86101')).toBe('Q');
    expect(industrySectionOf('TOL2008', '99000')).toBe('U');
  });

  it('accepts a bare division', () => {
    expect(industrySectionOf('TOL2025', '85')).toBe('Q');
  });

  it('returns null for divisions that do not exist and for malformed codes', () => {
    expect(industrySectionOf('TOL2025', '45200')).toBeNull();
    expect(industrySectionOf('TOL2025', '04000')).toBeNull();
    expect(industrySectionOf('TOL2025', '00000')).toBeNull();
    expect(industrySectionOf('TOL2025', 'A')).toBeNull();
    expect(industrySectionOf('TOL2025', '123456')).toBeNull();
  });
});

describe.each(INDUSTRY_CLASSIFICATIONS)('the %s code list', (classification) => {
  const divisions = industryDivisions(classification);
  const sections = INDUSTRY_SECTIONS[classification];

  it('maps every division to exactly one section of the same version', () => {
    const codes = divisions.map((division) => division.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const division of divisions) {
      expect(division.code).toMatch(/^\d{2}$/);
      expect(sections.filter((section) => section === division.section)).toHaveLength(1);
      expect(industrySectionOf(classification, `${division.code}000`)).toBe(division.section);
    }
  });

  it('has at least one division in every section, sections in order and divisions ascending', () => {
    expect(new Set(divisions.map((division) => division.section))).toEqual(new Set(sections));
    expect([...sections].sort()).toEqual(sections);
    const codes = divisions.map((division) => division.code);
    expect([...codes].sort()).toEqual(codes);
  });

  it('names every section and division in Finnish and English', () => {
    for (const item of [...INDUSTRY_SECTION_LIST[classification], ...divisions]) {
      for (const locale of LOCALES) expect(item.name[locale].trim()).not.toBe('');
      expect(item.name.fi).not.toBe(item.name.en);
    }
    for (const locale of LOCALES) expect(Object.keys(industrySectionNames(locale)[classification])).toEqual(sections);
  });
});

describe('the two versions', () => {
  it('have the sizes of TOL 2008 (A–U, 88 divisions) and TOL 2025 (A–V, 87 divisions)', () => {
    expect(INDUSTRY_SECTIONS.TOL2008.join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(INDUSTRY_SECTIONS.TOL2025.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUV');
    expect(industryDivisions('TOL2008')).toHaveLength(88);
    expect(industryDivisions('TOL2025')).toHaveLength(87);
  });

  it('name the same division by its own version', () => {
    expect(industryDivisionOf('TOL2008', '47110')?.name.fi).toBe(
      'Vähittäiskauppa (pl. moottoriajoneuvojen ja moottoripyörien kauppa)',
    );
    expect(industryDivisionOf('TOL2025', '47110')?.name).toEqual({ fi: 'Vähittäiskauppa', en: 'Retail trade' });
    expect(industryDivisionOf('TOL2025', '62')?.section).toBe('K');
    expect(industryDivisionOf('TOL2008', '62')?.section).toBe('J');
  });
});

describe('industryProblem', () => {
  it('accepts a code under its own section, a code alone and nothing at all', () => {
    expect(
      industryProblem({ industryClassification: 'TOL2025', industrySection: 'G', industryCode: '47110' }),
    ).toBeNull();
    expect(
      industryProblem({ industryClassification: 'TOL2008', industrySection: 'J', industryCode: '62010' }),
    ).toBeNull();
    expect(industryProblem({ industryClassification: 'TOL2025', industryCode: '47110' })).toBeNull();
    expect(industryProblem({})).toBeNull();
  });

  it('refuses 47110 (retail trade) under section C', () => {
    expect(industryProblem({ industryClassification: 'TOL2025', industrySection: 'C', industryCode: '47110' })).toEqual(
      expect.objectContaining({ path: 'industryCode', code: 'industry_code_section_mismatch' }),
    );
  });

  it('refuses a division the version does not have, a section it does not have and a code without version', () => {
    expect(industryProblem({ industryClassification: 'TOL2025', industryCode: '45200' })).toEqual(
      expect.objectContaining({ path: 'industryCode', code: 'industry_code_unknown' }),
    );
    expect(industryProblem({ industryClassification: 'TOL2008', industrySection: 'V' })).toEqual(
      expect.objectContaining({ path: 'industrySection', code: 'industry_section_invalid' }),
    );
    expect(industryProblem({ industryCode: '47110' })).toEqual(
      expect.objectContaining({ path: 'industryClassification', code: 'required' }),
    );
  });
});
