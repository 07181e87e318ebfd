import {
  type EmployerListQuery,
  type EmployerSort,
  isSearchable,
  isValidBusinessId,
  businessIdSearchTerm,
} from '@tyoelama/shared';
import { type CampusScope } from '../auth';
import type { CursorPart, CursorSpec } from '../database/keyset';
import { likePattern, searchCondition, type SqlParams } from '../database/sql';
import { employerVisibleSql } from './employer-access';

/** The list's FROM clause: owner group and account manager joined for their names and sorting. */
export const EMPLOYER_LIST_FROM = `employers e
  JOIN campus_groups og ON og.id = e.owner_campus_group_id
  LEFT JOIN users am ON am.id = e.account_manager_id`;

/**
 * What the last business register check flags on employer `e`, in REGISTER_FLAGS order: one
 * definition for the list's marker, its filter and the employer page. A name differs when it does
 * after accents, case and spacing are set aside (crm_normalise), so "OY" for "Oy" is no change.
 */
export const REGISTER_FLAGS_SQL = `(CASE WHEN e.register_checked_at IS NULL THEN '{}'::text[] ELSE array_remove(ARRAY[
    CASE WHEN NOT e.register_found THEN 'not_found' END,
    CASE WHEN e.register_ceased_on IS NOT NULL THEN 'ceased' END,
    CASE WHEN 'bankruptcy' = ANY(e.register_situations) THEN 'bankruptcy' END,
    CASE WHEN 'liquidation' = ANY(e.register_situations) THEN 'liquidation' END,
    CASE WHEN 'restructuring' = ANY(e.register_situations) THEN 'restructuring' END,
    CASE WHEN crm_normalise(e.register_name) <> crm_normalise(e.name) THEN 'name_changed' END
  ]::text[], NULL) END)`;

/** The WHERE conditions of the filters, the search and the caller's scope (shared by count and page). */
export function employerFilterSql(scope: CampusScope, query: EmployerListQuery, params: SqlParams): string[] {
  const where = [employerVisibleSql(scope, 'e.id', params)];
  const archived = query.archived ?? 'false';
  if (archived === 'false') where.push('e.archived_at IS NULL');
  if (archived === 'true') where.push('e.archived_at IS NOT NULL');
  if (query.q) {
    const q = query.q;
    where.push(searchCondition(q, () => searchSql(q, params)));
  }
  if (query.status) where.push(`e.status = ${params.add(query.status)}`);
  if (query.campusGroupId) {
    where.push(`EXISTS (SELECT 1 FROM employer_campus_groups f
      WHERE f.employer_id = e.id AND f.campus_group_id = ${params.add(Number(query.campusGroupId))})`);
  }
  if (query.accountManagerId) where.push(`e.account_manager_id = ${params.add(Number(query.accountManagerId))}`);
  if (query.industrySection) where.push(`e.industry_section = ${params.add(query.industrySection)}`);
  if (query.registerFlags === 'true') where.push(`cardinality(${REGISTER_FLAGS_SQL}) > 0`);
  if (query.tag) where.push(`e.tags @> ARRAY[${params.add(query.tag)}::text]`);
  if (query.noContactDays !== undefined) {
    where.push(`(e.last_contact_at IS NULL
      OR e.last_contact_at < now() - make_interval(days => ${params.add(Number(query.noContactDays))}))`);
  }
  return where;
}

/**
 * Accent- and typo-tolerant name search, or an exact Y-tunnus. A query that is a well-formed
 * Y-tunnus looks for that one only: no name is written like one.
 */
function searchSql(q: string, params: SqlParams): string {
  const businessId = businessIdSearchTerm(q);
  if (isValidBusinessId(businessId)) return `e.business_id = ${params.add(businessId)}`;
  return `(${employerNameMatchSql('e', q, params)} OR e.business_id = ${params.add(businessId)})`;
}

/**
 * Adds every word the employer names use to the search dictionary (idempotent). The trigger on
 * employers does it row by row; bulk loads that bypass triggers (scale seed, restore) run this once.
 */
export const FILL_NAME_WORDS_SQL = `INSERT INTO employer_name_words (word)
  SELECT DISTINCT w FROM employers, unnest(crm_name_words(name)) AS w
  ON CONFLICT DO NOTHING`;

/**
 * The query's words, split as crm_name_words splits names: at white space and ASCII punctuation.
 * A "word" of other punctuation alone (`–`, `…`) has no trigrams to match and is left out.
 */
function queryWords(q: string): string[] {
  return q.split(/[\s!-/:-@[-`{-~]+/).filter(isSearchable);
}

/**
 * Employer `alias` whose name has, for every word of the query, a word that contains it ("kesk" →
 * "keskisuomalainen") or is within a typo of it ("Roavniemen" → "rovaniemen"). Each query word is
 * looked up in the dictionary of name words (trigram index, a few hundred to a few thousand words),
 * and the names are found by the words they use (GIN on crm_name_words): a two-word search at
 * 50 000 employers takes about 1.5 ms where trigram matching of whole names took 20–40 ms.
 */
export function employerNameMatchSql(alias: string, q: string, params: SqlParams): string {
  const words = queryWords(q);
  if (words.length === 0) return 'FALSE';
  return words
    .map((word) => {
      return `crm_name_words(${alias}.name) && ARRAY(SELECT d.word FROM employer_name_words d
        WHERE d.word LIKE crm_normalise(${params.add(likePattern(word))}) OR crm_normalise(${params.add(word)}) <% d.word)`;
    })
    .join(' AND ');
}

/**
 * Accent- and typo-tolerant match of `column` (served by a trigram GIN index on crm_normalise(column)):
 * LIKE for the phrase as a substring ("kesk", "keskö"), or every word of the query similar to some
 * word of the text ("Keskp Oyj", "Roavniemen Kiinteistöpalvelu"). Matching word by word keeps the
 * candidates few: the index intersects the words' matches instead of ranking every name that shares
 * a common word such as "Kiinteistöpalvelu" with the query.
 */
export function fuzzyTextSql(column: string, q: string, params: SqlParams): string {
  const words = queryWords(q);
  // A term without words (punctuation alone) would leave `OR ()`, a syntax error: it matches nothing.
  if (words.length === 0) return 'FALSE';
  const everyWord = words.map((word) => `crm_normalise(${params.add(word)}) <% crm_normalise(${column})`).join(' AND ');
  return `(crm_normalise(${column}) LIKE crm_normalise(${params.add(likePattern(q))}) OR (${everyWord}))`;
}

/**
 * Sets pg_trgm's word-similarity threshold for this transaction so that one typo in each word still
 * matches. A substitution breaks three of a word's n trigrams and a transposition four, which leaves
 * a similarity of about (n - 4) / (n + 4): 0.47 for "Roavniemen" against "Rovaniemen". The shortest
 * word sets it, kept between 0.4 (below, unrelated short words match) and pg_trgm's default 0.6.
 */
export function searchThresholdSql(q: string, params: SqlParams): string {
  return `SELECT set_config('pg_trgm.word_similarity_threshold', greatest(0.4, least(0.6,
    (SELECT min((n - 4.0) / (n + 4.0)) FROM unnest(${params.add(queryWords(q))}::text[]) AS w(word),
       LATERAL cardinality(show_trgm(crm_normalise(w.word))) AS n)))::text, true)`;
}

/** Relevance order for a search without an explicit sort: exact Y-tunnus, then closest names. */
export function relevanceOrderSql(q: string, params: SqlParams): string {
  return `(e.business_id IS NOT DISTINCT FROM ${params.add(businessIdSearchTerm(q))}) DESC,
    word_similarity(crm_normalise(${params.add(q)}), crm_normalise(e.name)) DESC,
    crm_normalise(e.name), e.id`;
}

/**
 * A keyset sort: an optional leading key (nullable ones sort last in both directions), then the
 * normalised name and the id as tie-breakers, all in the same direction.
 */
export interface KeysetSort {
  lead: { sql: string; type: LeadType; nullable: boolean } | null;
  descending: boolean;
}

type LeadType = 'int' | 'timestamptz' | 'date' | 'text';

/** How the cursor carries each lead key's value (selected `::text`, see keysetColumnsSql). */
const LEAD_CURSOR_PARTS: Record<LeadType, CursorPart> = {
  int: 'integer',
  timestamptz: 'timestamp',
  date: 'date',
  text: 'text',
};

const STATUS_RANK = `array_position(ARRAY['prospect', 'partner', 'inactive']::text[], e.status::text)`;
const NAME_KEY = 'crm_normalise(e.name)';

const LEAD_KEYS: Record<EmployerSort, KeysetSort['lead']> = {
  name: null,
  // Lifecycle order rather than alphabetical: prospect → partner → inactive.
  status: { sql: STATUS_RANK, type: 'int', nullable: false },
  lastContact: { sql: 'e.last_contact_at', type: 'timestamptz', nullable: true },
  nextFollowUp: { sql: 'e.next_follow_up_due', type: 'date', nullable: true },
  accountManager: { sql: 'lower(am.display_name)', type: 'text', nullable: true },
};

export function keysetSort(sort: EmployerListQuery['sort']): KeysetSort {
  const descending = sort?.startsWith('-') ?? false;
  const field = (descending ? sort!.slice(1) : (sort ?? 'name')) as EmployerSort;
  return { lead: LEAD_KEYS[field], descending };
}

/**
 * The sort key columns, selected as text so the cursor round-trips exactly (a JS Date would drop
 * timestamptz microseconds and skip or repeat rows at a page boundary).
 */
export function keysetColumnsSql(sort: KeysetSort): string {
  return `${sort.lead ? `(${sort.lead.sql})::text` : 'NULL::text'} AS sort_lead, ${NAME_KEY} AS sort_name`;
}

export function keysetOrderSql(sort: KeysetSort): string {
  const direction = sort.descending ? 'DESC' : 'ASC';
  const tail = `${NAME_KEY} ${direction}, e.id ${direction}`;
  if (!sort.lead) return tail;
  const nullsLast = sort.lead.nullable ? `(${sort.lead.sql}) IS NULL, ` : '';
  return `${nullsLast}${sort.lead.sql} ${direction}, ${tail}`;
}

/** The cursor's shape for this sort: lead value (null when the sort has none, or the row's is NULL), name, id. */
export function keysetCursorSpec(sort: KeysetSort): CursorSpec {
  const lead: CursorSpec[number] = sort.lead
    ? sort.lead.nullable
      ? { part: LEAD_CURSOR_PARTS[sort.lead.type], nullable: true }
      : LEAD_CURSOR_PARTS[sort.lead.type]
    : 'null';
  return [lead, 'text', 'id'];
}

/** Rows strictly after the cursor (lead, name, id) in the sort's order. */
export function keysetAfterSql(sort: KeysetSort, cursor: (string | number | null)[], params: SqlParams): string {
  const [lead, name, id] = cursor;
  const op = sort.descending ? '<' : '>';
  const tail = `${params.add(String(name))}, ${params.add(Number(id))}`;
  if (!sort.lead) return `(${NAME_KEY}, e.id) ${op} (${tail})`;
  const leadSql = `(${sort.lead.sql})`;
  if (lead === null) {
    // Among the trailing NULLs only the tie-breakers order the rows.
    return `(${leadSql} IS NULL AND (${NAME_KEY}, e.id) ${op} (${tail}))`;
  }
  const after = `(${leadSql}, ${NAME_KEY}, e.id) ${op} (${params.add(String(lead))}::${sort.lead.type}, ${tail})`;
  return sort.lead.nullable ? `(${leadSql} IS NULL OR ${after})` : after;
}
