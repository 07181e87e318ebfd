import { DOCUMENT } from '@angular/common';
import { Injectable, InjectionToken, computed, effect, inject, signal, type Provider } from '@angular/core';
import { DEFAULT_LOCALE, LOCALES, type ApiError, type FieldError, type Locale } from '@tyoelama/shared';

export type TranslationParams = Record<string, string | number>;

/** A dictionary: texts by dotted key (`users.heading`). */
export interface TranslationTree {
  readonly [key: string]: string | TranslationTree;
}

/**
 * The app's dictionaries, one per locale. The app root assembles them from core's and the features'
 * (translations.ts), so that core imports no feature.
 */
export const TRANSLATIONS = new InjectionToken<Record<Locale, TranslationTree>>('TRANSLATIONS');

export function provideTranslations(dictionaries: Record<Locale, TranslationTree>): Provider {
  return { provide: TRANSLATIONS, useValue: dictionaries };
}
export const LOCALE_STORAGE_KEY = 'tyoelama.locale';

function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function lookup(dictionary: unknown, key: string): string | undefined {
  let node: unknown = dictionary;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    // Storage can be blocked (privacy settings); Finnish is then the default.
    return DEFAULT_LOCALE;
  }
}

/** Runtime translations: switching the locale re-renders every template that reads it, no reload. */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Locale>(readStoredLocale());
  readonly locale = this.current.asReadonly();
  private readonly dictionaries = inject(TRANSLATIONS);
  private readonly dictionary = computed(() => this.dictionaries[this.current()]);

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.current();
    });
  }

  /** Switches the UI language and remembers it in this browser (the server copy is the Auth service's job). */
  use(locale: Locale): void {
    this.current.set(locale);
    try {
      globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Not being able to remember the choice is harmless.
    }
  }

  has(key: string): boolean {
    return lookup(this.dictionary(), key) !== undefined;
  }

  /** Translates a dotted key; `{name}` placeholders are filled from params. Unknown keys come back as is. */
  t(key: string, params?: TranslationParams): string {
    const text = lookup(this.dictionary(), key) ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      params[name] === undefined ? match : String(params[name]),
    );
  }

  /** A field error by its validation code, with the limit of size checks. */
  fieldError(error: FieldError): string {
    const key = `validation.${error.code}`;
    return this.t(this.has(key) ? key : 'validation.invalid', { limit: error.limit ?? '' });
  }

  /** An API error by its code; without a known code by its HTTP status. */
  apiError(error: ApiError): string {
    if (error.code && this.has(`errors.${error.code}`)) return this.t(`errors.${error.code}`);
    if (error.statusCode === 0) return this.t('errors.NETWORK');
    if (error.statusCode === 403) return this.t('errors.FORBIDDEN');
    if (error.statusCode === 404) return this.t('errors.NOT_FOUND');
    if (error.statusCode >= 500) return this.t('errors.INTERNAL');
    return this.t('errors.UNKNOWN', { status: error.statusCode });
  }
}
