import { OPPORTUNITY_STAGES, type OpportunityDto, type OpportunityStage } from '@tyoelama/shared';

/** A step across the board: `[columns, rows]`. */
export type BoardStep = readonly [number, number];

const ARROW_STEPS: Partial<Record<string, BoardStep>> = {
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

/** The stage a digit key names (1 = the first column), or null for any other key. */
export function stageOfKey(event: KeyboardEvent): OpportunityStage | null {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const index = Number(event.key) - 1;
  return Number.isInteger(index) && index >= 0 ? (OPPORTUNITY_STAGES[index] ?? null) : null;
}

/** The step a plain arrow key takes from a card, or null for any other key or a modified arrow. */
export function arrowStep(event: KeyboardEvent): BoardStep | null {
  const step = ARROW_STEPS[event.key];
  if (!step || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return step;
}

/**
 * The id of the card `[columns, rows]` away from this one among the shown columns (a column step
 * keeps the row as near as the other column allows), or null when there is none.
 */
export function neighbourCardIn(
  shown: readonly { stage: OpportunityStage; items: readonly OpportunityDto[] }[],
  item: OpportunityDto,
  [columnStep, rowStep]: BoardStep,
): number | null {
  const columnIndex = shown.findIndex((column) => column.stage === item.stage);
  const rowIndex = shown[columnIndex]?.items.findIndex((card) => card.id === item.id) ?? -1;
  if (columnIndex < 0 || rowIndex < 0) return null;
  if (columnStep === 0) return shown[columnIndex].items[rowIndex + rowStep]?.id ?? null;
  for (let index = columnIndex + columnStep; index >= 0 && index < shown.length; index += columnStep) {
    const items = shown[index].items;
    if (items.length) return items[Math.min(rowIndex, items.length - 1)].id;
  }
  return null;
}
