import {
  CONTACT_TYPES,
  OPPORTUNITY_STAGES,
  type ActivityDto,
  type ContactType,
  type OpportunityStage,
  type PipelineStageTotalDto,
} from '@tyoelama/shared';

// Test data shared by the report specs (not part of the app bundle: only specs import it).

/** The funnel's totals in stage order, from `[count, places]` by stage; a stage left out has none. */
export function stageTotals(figures: Partial<Record<OpportunityStage, [number, number]>>): PipelineStageTotalDto[] {
  return OPPORTUNITY_STAGES.map((stage) => {
    const [count, places] = figures[stage] ?? [0, 0];
    return { stage, count, places };
  });
}

/**
 * An activity report from its buckets' counts by contact type, keyed by the bucket's start date in
 * order; the bucket totals and rows follow from them. No follow-ups, no employers left without contact,
 * unless `overrides` say otherwise.
 */
export function activityReport(
  counts: Record<string, Partial<Record<ContactType, number>>>,
  overrides: Partial<ActivityDto> & Pick<ActivityDto, 'from' | 'to' | 'granularity'>,
): ActivityDto {
  const buckets = Object.entries(counts);
  return {
    buckets: buckets.map(([start, byType]) => ({
      start,
      total: CONTACT_TYPES.reduce((sum, type) => sum + (byType[type] ?? 0), 0),
    })),
    rows: buckets.flatMap(([bucket, byType]) =>
      CONTACT_TYPES.filter((type) => byType[type]).map((type) => ({ bucket, type, count: byType[type]! })),
    ),
    byCampusGroup: [],
    followUps: { open: 0, overdue: 0, done: 0, doneOnTime: 0, onTimePercent: null },
    noContact: { days90: 0, days180: 0 },
    ...overrides,
  };
}
