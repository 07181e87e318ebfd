import * as z from 'zod/mini';

/** UI languages; Finnish is the default. */
export const LOCALES = ['fi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fi';
export const localeField = z.enum(LOCALES);
