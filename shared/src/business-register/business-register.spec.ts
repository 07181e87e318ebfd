import { industrySectionOf } from './business-register';

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
