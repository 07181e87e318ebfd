/** UI languages; Finnish is the default. Kept free of zod so the app shell can use it without the validator. */
export const LOCALES = ['fi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fi';
