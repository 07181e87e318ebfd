import type { IndustryClassification } from '../employers/employer';

/** An employer's public facts from the Finnish business register (PRH YTJ open data), for prefilling a form. */
export interface BusinessRegisterCompanyDto {
  businessId: string;
  name: string;
  streetAddress: string | null;
  postcode: string | null;
  municipality: string | null;
  industryClassification: IndustryClassification;
  industrySection?: string;
  industryCode?: string;
  website?: string;
}

type DivisionRange = readonly [first: number, last: number, section: string];

/**
 * TOL 2025 = NACE Rev. 2.1 divisions → sections (A–V). Rev. 2.1 folded the old division 45 (motor
 * vehicle trade) into 46–47 and split the old section J into J (publishing, broadcasting: 58–60)
 * and K (telecommunications, programming, information services: 61–63), shifting K–U by one letter.
 */
const TOL2025_DIVISIONS: readonly DivisionRange[] = [
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

/** TOL 2008 = NACE Rev. 2 divisions → sections (A–U), for codes the register still reports in the old version. */
const TOL2008_DIVISIONS: readonly DivisionRange[] = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [45, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 63, 'J'],
  [64, 66, 'K'],
  [68, 68, 'L'],
  [69, 75, 'M'],
  [77, 82, 'N'],
  [84, 84, 'O'],
  [85, 85, 'P'],
  [86, 88, 'Q'],
  [90, 93, 'R'],
  [94, 96, 'S'],
  [97, 98, 'T'],
  [99, 99, 'U'],
];

/**
 * The section letter of an industry code (2–5 digits; the first two are the division), or null
 * when the code is malformed or its division does not exist in that classification (e.g. 45 in TOL 2025).
 */
export function industrySectionOf(classification: IndustryClassification, code: string): string | null {
  const match = /^(\d{2})\d{0,3}$/.exec(code.trim());
  if (!match) return null;
  const division = Number(match[1]);
  const table = classification === 'TOL2025' ? TOL2025_DIVISIONS : TOL2008_DIVISIONS;
  return table.find(([first, last]) => division >= first && division <= last)?.[2] ?? null;
}
