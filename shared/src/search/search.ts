import * as z from 'zod/mini';
import type { OpportunityStage } from '../opportunities/opportunity';

export const SEARCH_MIN_LENGTH = 2;
export const DEFAULT_SEARCH_LIMIT = 5;
export const MAX_SEARCH_LIMIT = 20;

/**
 * Whether a search term can match anything: it needs a letter or a digit. A term of punctuation
 * alone (`--`, `%`, `…`) finds nothing in the search and in every list's `q` filter.
 */
export function isSearchable(term: string): boolean {
  return /[\p{L}\p{N}]/u.test(term);
}

export const searchQuerySchema = z.strictObject({
  q: z.string().check(z.trim(), z.minLength(SEARCH_MIN_LENGTH), z.maxLength(200)),
  /** Per kind; default 5, at most 20. */
  limit: z.optional(z.string().check(z.regex(/^([1-9]|1[0-9]|20)$/))),
});
export type SearchQuery = z.output<typeof searchQuerySchema>;

export interface EmployerHitDto {
  id: number;
  name: string;
  businessId: string | null;
  municipality: string | null;
}

export interface ContactPersonHitDto {
  id: number;
  name: string;
  title: string | null;
  employerId: number;
  employerName: string;
}

export interface OpportunityHitDto {
  id: number;
  title: string;
  stage: OpportunityStage;
  employerId: number;
  employerName: string;
}

/**
 * Global search, grouped by kind, best matches first, at most `limit` of each. Accent- and
 * typo-tolerant on names and titles, exact on Y-tunnus; only rows the caller may read, and never
 * archived employers or erased people.
 */
export interface SearchResultDto {
  employers: EmployerHitDto[];
  contactPersons: ContactPersonHitDto[];
  opportunities: OpportunityHitDto[];
}
