import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPasswordRules, type PasswordOwner, type PasswordRuleBroken } from '@tyoelama/shared';
import { ApiException } from '../http/api-exception';

// zxcvbn-ts's list of the most common passwords from public breach corpora (about 49 000, MIT). It
// stays on the server: the browser's form runs only the cheap rules and shows this one's answer.
let commonPasswords: Set<string> | undefined;

export function isCommonPassword(lowerCased: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));
  return commonPasswords.has(lowerCased);
}

/** Every password rule, the common-password list included; null when the password may be used. */
export function passwordPolicyBroken(password: string, owner: PasswordOwner): PasswordRuleBroken | null {
  return checkPasswordRules(password, owner, isCommonPassword);
}

/** Refuses a new password with a field-level 400 on `field` (the body's name for it). */
export function assertPasswordAllowed(field: string, password: string, owner: PasswordOwner): void {
  const broken = passwordPolicyBroken(password, owner);
  if (broken) throw ApiException.field(field, broken.code, broken.message);
}
