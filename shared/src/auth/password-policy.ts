// NIST SP 800-63B 3.1.1.2: refuse passwords from breach lists, repetitive or sequential characters,
// and context-specific words (the user's own name and email). No composition rules.

/** Validation codes of the password rules beyond length, in the order they are checked. */
export const PASSWORD_RULE_CODES = [
  'password_repetitive',
  'password_personal',
  'password_too_common',
  'password_unchanged',
] as const;
export type PasswordRuleCode = (typeof PASSWORD_RULE_CODES)[number];

/** Whose password it is: their name and email must not be in it. */
export interface PasswordOwner {
  email?: string | null;
  displayName?: string | null;
}

/** Tells whether a lower-cased candidate is on a common-password list (the list itself stays on the server). */
export type CommonPasswordCheck = (lowerCased: string) => boolean;

export interface PasswordRuleBroken {
  code: PasswordRuleCode;
  message: string;
}

const MESSAGES: Record<PasswordRuleCode, string> = {
  password_repetitive: 'Must not be a repeated character, a repeated word or a simple sequence',
  password_personal: 'Must not contain your name or email address',
  password_too_common: 'Is one of the most common passwords',
  password_unchanged: 'Must differ from the current password',
};

export function passwordRuleBroken(code: PasswordRuleCode): PasswordRuleBroken {
  return { code, message: MESSAGES[code] };
}

const KEYBOARD_ROWS = ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** +1 or -1 when `b` follows or precedes `a` in the alphabet, the digits (9 → 0 too) or a keyboard row; 0 when equal. */
function step(a: string, b: string): number | null {
  if (a === b) return 0;
  for (const row of KEYBOARD_ROWS) {
    const from = row.indexOf(a);
    const to = row.indexOf(b);
    if (from >= 0 && to >= 0 && Math.abs(to - from) === 1) return to - from;
  }
  const difference = (b.codePointAt(0) ?? 0) - (a.codePointAt(0) ?? 0);
  return Math.abs(difference) === 1 ? difference : null;
}

/** How many runs of one step (aaaa, abcd, 4321, qwer) the text is made of. */
function runCount(characters: readonly string[]): number {
  let runs = 0;
  let index = 0;
  while (index < characters.length) {
    runs += 1;
    const first = step(characters[index], characters[index + 1] ?? '');
    index += 1;
    if (first === null) continue;
    while (index < characters.length && step(characters[index - 1], characters[index]) === first) index += 1;
  }
  return runs;
}

function isTrivial(lowerCased: string): boolean {
  // One unit said again and again: 'aaaaaaaaaaaa', 'abcabcabcabc', 'salasanasalasana'.
  if (/^(.+?)\1+$/su.test(lowerCased)) return true;
  // At most two runs: 'abcdefghijkl', '1234567890ab', 'aaaaaa123456', 'qwertyuiopas'.
  return runCount([...lowerCased]) <= 2;
}

const WORD_SEPARATORS = /[^\p{L}\p{N}]+/u;
// Shorter parts ('li', 'aho') would match inside too many unrelated passwords.
const MIN_PERSONAL_PART = 4;

function personalWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  const email = owner.email?.trim().toLowerCase();
  if (email) {
    words.add(email);
    const local = email.split('@')[0] ?? '';
    if (local.length >= 3) words.add(local);
    for (const part of local.split(WORD_SEPARATORS)) if (part.length >= MIN_PERSONAL_PART) words.add(part);
  }
  const name = owner.displayName?.trim().toLowerCase();
  if (name) {
    const joined = name.split(WORD_SEPARATORS).join('');
    if (joined.length >= 3) words.add(joined);
    for (const part of name.split(WORD_SEPARATORS)) if (part.length >= MIN_PERSONAL_PART) words.add(part);
  }
  return [...words];
}

/**
 * A listed password with a short or trivial tail or head of digits and signs ('password1234',
 * '2024sunshine!') is as guessable as the listed one: attackers try those variants first.
 */
function isCommon(lowerCased: string, isListed: CommonPasswordCheck): boolean {
  if (isListed(lowerCased)) return true;
  const core = lowerCased.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (core.length < 4 || core === lowerCased) return false;
  const affixes = lowerCased.replace(core, '');
  return (affixes.length <= 6 || runCount([...affixes]) <= 2) && isListed(core);
}

/**
 * The first password rule a new password breaks, or null. Case does not matter. Without
 * `isListed` only the cheap rules run (the browser's form); the server passes the common-password list.
 */
export function checkPasswordRules(
  password: string,
  owner: PasswordOwner,
  isListed?: CommonPasswordCheck,
): PasswordRuleBroken | null {
  const lowerCased = password.toLowerCase();
  if (isTrivial(lowerCased)) return passwordRuleBroken('password_repetitive');
  const compact = lowerCased.split(WORD_SEPARATORS).join('');
  if (personalWords(owner).some((word) => lowerCased.includes(word) || compact.includes(word))) {
    return passwordRuleBroken('password_personal');
  }
  if (isListed && isCommon(lowerCased, isListed)) return passwordRuleBroken('password_too_common');
  return null;
}
