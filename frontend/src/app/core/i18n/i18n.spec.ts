import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { TestBed } from '@angular/core/testing';
import { API_ERROR_CODES, FIELD_ERROR_CODES, type FieldErrorCode, PASSWORD_RULE_CODES, ROLES } from '@tyoelama/shared';

import { en, fi } from '../../translations';
import { I18n, LOCALE_STORAGE_KEY } from './i18n';

type Tree = { [key: string]: string | Tree };

/** Every leaf key of a dictionary, dotted (`users.heading`). */
function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function leafValue(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Keys of `a` that `b` lacks, at any depth (a leaf on one side and a group on the other counts as missing). */
function missingKeys(a: Tree, b: Tree): string[] {
  const inB = new Set(leafKeys(b));
  return leafKeys(a).filter((key) => !inB.has(key));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(html|ts)$/.test(name) && !name.endsWith('.spec.ts') ? [path] : [];
  });
}

const dictionaries = { fi: fi as Tree, en: en as Tree };

describe('translations', () => {
  it('detects a key that one language has and the other lacks', () => {
    expect(missingKeys({ a: { b: 'x', c: 'y' } }, { a: { b: 'x' } })).toEqual(['a.c']);
    expect(missingKeys({ a: { b: { c: 'x' } } }, { a: { b: 'x' } })).toEqual(['a.b.c']);
  });

  it('has every Finnish key in English', () => {
    expect(missingKeys(dictionaries.fi, dictionaries.en)).toEqual([]);
  });

  it('has every English key in Finnish', () => {
    expect(missingKeys(dictionaries.en, dictionaries.fi)).toEqual([]);
  });

  it.each(Object.entries(dictionaries))('has no empty text in %s', (_locale, dictionary) => {
    const empty = leafKeys(dictionary).filter((key) => !leafValue(dictionary, key)?.trim());
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const differing = leafKeys(dictionaries.fi).filter(
      (key) =>
        placeholders(leafValue(dictionaries.fi, key) ?? '').join() !==
        placeholders(leafValue(dictionaries.en, key) ?? '').join(),
    );
    expect(differing).toEqual([]);
  });

  it('names every role and every API error code', () => {
    const keys = new Set(leafKeys(dictionaries.fi));
    const missing = [
      ...ROLES.map((role) => `roles.${role}`),
      ...API_ERROR_CODES.map((code) => `errors.${code}`),
    ].filter((key) => !keys.has(key));
    expect(missing).toEqual([]);
  });

  it('has a message for every field-error code (the dictionary type checks it too)', () => {
    const keys = new Set(leafKeys(dictionaries.fi));
    const codes = [...FIELD_ERROR_CODES, ...PASSWORD_RULE_CODES];
    expect(codes.filter((code) => !keys.has(`validation.${code}`))).toEqual([]);
  });

  it('has every key that templates and components ask for', () => {
    const appDir = join(__dirname, '..', '..');
    const keys = new Set(leafKeys(dictionaries.fi));
    const used = new Set<string>();
    for (const file of sourceFiles(appDir)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'\s*\|\s*t\b/g)) used.add(match[1] ?? '');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)) used.add(match[1] ?? '');
      for (const match of text.matchAll(/title: '([a-zA-Z]+\.[a-zA-Z_]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !keys.has(key))).toEqual([]);
  });
});

describe('I18n', () => {
  beforeEach(() => localStorage.clear());

  it('speaks Finnish by default and fills placeholders', () => {
    const i18n = TestBed.inject(I18n);
    expect(i18n.locale()).toBe('fi');
    expect(i18n.t('common.showing', { shown: 5, total: 12 })).toBe('Näytetään 5 / 12');
    expect(i18n.t('no.such.key')).toBe('no.such.key');
  });

  it('switches language, sets <html lang> and remembers the choice', () => {
    const i18n = TestBed.inject(I18n);
    i18n.use('en');
    TestBed.tick();
    expect(i18n.t('nav.users')).toBe('Users');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
  });

  it('translates field errors by code with their limit, and API errors by code or status', () => {
    const i18n = TestBed.inject(I18n);
    expect(i18n.fieldError({ path: 'password', code: 'too_short', message: 'x', limit: 12 })).toBe(
      'Vähintään 12 merkkiä.',
    );
    // A newer server may send a code this client does not know yet.
    const unknownCode = 'something_new' as FieldErrorCode;
    expect(i18n.fieldError({ path: 'x', code: unknownCode, message: 'x' })).toBe('Virheellinen arvo.');
    expect(i18n.apiError({ statusCode: 409, error: 'Conflict', message: 'x', code: 'EMAIL_TAKEN' })).toBe(
      'Sähköpostiosoite on jo käytössä.',
    );
    expect(i18n.apiError({ statusCode: 0, error: 'Error', message: 'x' })).toBe(fi.errors.NETWORK);
  });
});
