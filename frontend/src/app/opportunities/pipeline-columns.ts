import type { OpportunityDto, OpportunityStage, OpportunityStageTotalDto, Page } from '@tyoelama/shared';

/** One column as the board holds it: the cards fetched so far and where the next page starts. */
export interface Column {
  items: OpportunityDto[];
  /** The next page's cursor; null when every card is here (or nothing has been fetched yet). */
  nextCursor: string | null;
  loaded: boolean;
}

export type Columns = Record<OpportunityStage, Column>;
export type Totals = Record<OpportunityStage, { count: number; places: number }>;

/** Cards a column shows at first and adds per "show more": enough to work with, few enough to fit. */
export const CARDS_PER_PAGE = 10;

/** Closed deals pile up over the years and are rarely worked on: their columns start folded. */
export const COLLAPSED_AT_START: readonly OpportunityStage[] = ['won', 'lost'];

export function emptyColumns(): Columns {
  const column = (): Column => ({ items: [], nextCursor: null, loaded: false });
  return {
    identified: column(),
    contacted: column(),
    negotiating: column(),
    agreed: column(),
    won: column(),
    lost: column(),
  };
}

export function zeroTotals(): Totals {
  const zero = () => ({ count: 0, places: 0 });
  return { identified: zero(), contacted: zero(), negotiating: zero(), agreed: zero(), won: zero(), lost: zero() };
}

/** The board as one load left it: the totals of every column and the first page of each shown one. */
export function loadedBoard(
  totals: readonly OpportunityStageTotalDto[],
  pages: readonly { stage: OpportunityStage; page: Page<OpportunityDto> }[],
): { columns: Columns; totals: Totals } {
  const next = zeroTotals();
  for (const total of totals) next[total.stage] = { count: total.count, places: total.places };
  const columns = emptyColumns();
  for (const { stage, page } of pages)
    columns[stage] = { items: page.items, nextCursor: page.nextCursor, loaded: true };
  return { columns, totals: next };
}

/**
 * A column with a fetched page in it: the first page (cursor null) replaces its cards, a later one
 * adds those not already there (a card moved in meanwhile may come again).
 */
export function withPage(
  columns: Columns,
  stage: OpportunityStage,
  cursor: string | null,
  page: Page<OpportunityDto>,
): Columns {
  const kept = cursor === null ? [] : columns[stage].items;
  const known = new Set(kept.map((card) => card.id));
  const items = [...kept, ...page.items.filter((card) => !known.has(card.id))];
  return { ...columns, [stage]: { items, nextCursor: page.nextCursor, loaded: true } };
}

/**
 * Puts a card in the column of its stage (at the top when it arrives from elsewhere, in place when
 * it stays) and keeps the column totals in step. `from` is the column it is in now, or null.
 * The totals come back as given when they do not change.
 */
export function placeCard(
  board: { columns: Columns; totals: Totals },
  item: OpportunityDto,
  from: OpportunityStage | null,
): { columns: Columns; totals: Totals } {
  const columns = { ...board.columns };
  const totals = { ...board.totals };
  const before = from ? columns[from].items.find((card) => card.id === item.id) : undefined;
  if (from && before) {
    if (from === item.stage) {
      columns[from] = {
        ...columns[from],
        items: columns[from].items.map((card) => (card.id === item.id ? item : card)),
      };
      return { columns, totals: board.totals };
    }
    columns[from] = { ...columns[from], items: columns[from].items.filter((card) => card.id !== item.id) };
    totals[from] = {
      count: Math.max(0, totals[from].count - 1),
      places: Math.max(0, totals[from].places - (before.expectedPlaces ?? 0)),
    };
  }
  const target = columns[item.stage];
  columns[item.stage] = { ...target, items: [item, ...target.items.filter((card) => card.id !== item.id)] };
  totals[item.stage] = {
    count: totals[item.stage].count + 1,
    places: totals[item.stage].places + (item.expectedPlaces ?? 0),
  };
  return { columns, totals };
}
