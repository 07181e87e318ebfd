/** A keyset-paged list: `nextCursor` is opaque; null on the last page. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * A list query as a client builds it from a list's query schema input: every parameter optional,
 * null for "not set" (left out of the URL), numbers for the parameters the API reads as digit strings
 * (`NumericKeys`: ids, limits, day counts) and booleans for the `'true' | 'false'` ones.
 */
export type ListParams<Input, NumericKeys extends keyof Input = never> = {
  [K in keyof Input]?: (K extends NumericKeys ? number : ClientValue<Exclude<Input[K], undefined>>) | null;
};
type ClientValue<V> = [V] extends ['true' | 'false'] ? V | boolean : V;
