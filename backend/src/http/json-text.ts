/**
 * A response body already serialised to JSON, typed by what it encodes. Remembered reports are
 * kept this way: serialising a large report again for every viewer cost more than reading it.
 * Handlers returning one declare `@Header('Content-Type', JSON_CONTENT_TYPE)`.
 */
export type JsonText<T> = string & { readonly encodes?: T };

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function jsonText<T>(value: T): JsonText<T> {
  return JSON.stringify(value);
}
