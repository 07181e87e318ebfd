import { validate } from '../common/validation';
import { createUserSchema, setPasswordSchema } from '../users/user';
import { changePasswordSchema } from './auth';
import { checkPasswordRules } from './password-policy';

// A stand-in for the server's list: the rules around it are what these tests are about.
const listed = new Set(['password', 'sunshine', 'iloveyou', 'letmeinplease']);
const isListed = (candidate: string) => listed.has(candidate);
const owner = { email: 'maija.meikalainen@example.fi', displayName: 'Maija Meikäläinen' };
const codeOf = (password: string, who = owner) => checkPasswordRules(password, who, isListed)?.code ?? null;

describe('password rules', () => {
  it.each<[string, string[], string | null]>([
    [
      'refuses one character, one word or one short pattern said over and over',
      ['aaaaaaaaaaaa', 'AAAAAAAAAAAA', 'abcabcabcabc', '121212121212', 'kissakissakissa'],
      'password_repetitive',
    ],
    [
      'refuses simple sequences and two of them joined',
      ['abcdefghijklm', 'ZYXWVUTSRQPO', '1234567890ab', '123456789012', 'aaaaaa123456', 'qwertyuiopas'],
      'password_repetitive',
    ],
    [
      'refuses the owner’s email, its local part or parts, and their name, whatever the case',
      [
        'maija.meikalainen@example.fi',
        'Maija.Meikalainen!',
        'xx-MEIKALAINEN-2026',
        'Meikäläinen rocks 7',
        'maijameikäläinen',
      ],
      'password_personal',
    ],
    [
      'refuses listed passwords and listed words with a short or trivial tail, case-insensitively',
      ['LetMeInPlease', 'password1234', 'PASSWORD2026!', '2024sunshine!!', 'iloveyou123456789'],
      'password_too_common',
    ],
    [
      'accepts passphrases and random strings, including a listed word with a long random tail',
      ['correct horse battery staple', 'Tq7#mZ!e2pLx', 'kesäpäivä-porkkana-41', 'sunshine!83x6w1927'],
      null,
    ],
  ])('%s', (_name, passwords, code) => {
    for (const password of passwords) expect(codeOf(password)).toBe(code);
  });

  it('leaves the list to the server: without it only the cheap rules run', () => {
    expect(checkPasswordRules('password1234', owner)).toBeNull();
    expect(checkPasswordRules('aaaaaaaaaaaa', owner)?.code).toBe('password_repetitive');
    expect(checkPasswordRules('maija-2026-xyz', owner)?.code).toBe('password_personal');
  });
});

describe('password schemas', () => {
  it('reports one problem per field: length first, then the rules', () => {
    const short = validate(setPasswordSchema, { password: 'aaaa' });
    expect(short.ok || short.fieldErrors).toEqual([
      { path: 'password', code: 'too_short', message: expect.any(String), limit: 12 },
    ]);
    const repeated = validate(setPasswordSchema, { password: 'aaaaaaaaaaaa' });
    expect(repeated.ok || repeated.fieldErrors).toEqual([
      { path: 'password', code: 'password_repetitive', message: expect.any(String) },
    ]);
  });

  it('checks a new user’s password against their own email and name', () => {
    const body = {
      email: 'Pekka.Puu@example.fi',
      displayName: 'Pekka Puu',
      role: 'leadership',
      password: 'pekka.puu-salasana',
    };
    const result = validate(createUserSchema, body);
    expect(result.ok || result.fieldErrors).toEqual([
      { path: 'password', code: 'password_personal', message: expect.any(String) },
    ]);
    expect(validate(createUserSchema, { ...body, password: 'vihreä-kivi-kahvikuppi' }).ok).toBe(true);
  });

  it('asks a changed password to differ from the current one', () => {
    const result = validate(changePasswordSchema, {
      currentPassword: 'vihreä-kivi-kahvi',
      newPassword: 'vihreä-kivi-kahvi',
    });
    expect(result.ok || result.fieldErrors).toEqual([
      { path: 'newPassword', code: 'password_unchanged', message: expect.any(String) },
    ]);
    const missing = validate(changePasswordSchema, { newPassword: 'vihreä-kivi-kahvi' });
    expect(missing.ok || missing.fieldErrors.map((error) => [error.path, error.code])).toEqual([
      ['currentPassword', 'required'],
    ]);
  });
});
