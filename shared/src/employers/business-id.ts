/** Weights of the Finnish business ID (Y-tunnus) check digit, per the PRH specification. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;

export type BusinessIdProblem = 'business_id_format' | 'business_id_checksum';

/** Checks `NNNNNNN-N`: sum of digits × weights mod 11; 0 → 0, 1 → never valid, else 11 − remainder. */
export function businessIdProblem(value: string): BusinessIdProblem | null {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return 'business_id_format';
  const digits = match[1].split('').map(Number);
  const remainder = digits.reduce((sum, digit, index) => sum + digit * WEIGHTS[index], 0) % 11;
  if (remainder === 1) return 'business_id_checksum';
  const expected = remainder === 0 ? 0 : 11 - remainder;
  return Number(match[2]) === expected ? null : 'business_id_checksum';
}

export function isValidBusinessId(value: string): boolean {
  return businessIdProblem(value) === null;
}

/** Accepts the old 6-digit form (`123456-7`) by zero-padding it, as PRH does. */
export function normaliseBusinessId(value: string): string {
  const trimmed = value.trim();
  return /^\d{6}-\d$/.test(trimmed) ? `0${trimmed}` : trimmed;
}

/**
 * The stored form of a Y-tunnus typed into a search box: people often leave out the hyphen
 * (`12345678`, or the old `1234567`), so a query of 7–8 digits with or without it is read as one.
 * Anything else comes back as `normaliseBusinessId` gives it.
 */
export function businessIdSearchTerm(value: string): string {
  const digits = /^(\d{6,7})-?(\d)$/.exec(value.trim());
  return digits ? `${digits[1].padStart(7, '0')}-${digits[2]}` : normaliseBusinessId(value);
}

/** The first valid Y-tunnus whose seven digits are `base` or above: unique test and bench data. */
export function validBusinessIdFrom(base: number): string {
  for (let candidate = base; ; candidate += 1) {
    const digits = String(candidate).padStart(7, '0');
    for (let check = 0; check <= 9; check += 1) {
      if (isValidBusinessId(`${digits}-${check}`)) return `${digits}-${check}`;
    }
  }
}
