import type { ParamMap, Params } from '@angular/router';
import {
  ACTIVITY_GRANULARITIES,
  OPPORTUNITY_TYPES,
  type ActivityGranularity,
  type OpportunityStage,
  type OpportunityType,
} from '@tyoelama/shared';

import { addDays, addMonths } from '../core/dates';

export const PERIOD_PRESETS = ['last30', 'thisYear', 'last12', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export const DEFAULT_PERIOD: PeriodPreset = 'last12';

/** The dashboard's filters; the URL's query parameters are their single source. */
export interface DashboardFilters {
  period: PeriodPreset;
  /** Helsinki calendar days, `YYYY-MM-DD`, both inclusive. */
  from: string;
  to: string;
  campusGroupId: number | null;
  type: OpportunityType | null;
  granularity: ActivityGranularity;
}

/** A router link: `[routerLink]="link.path" [queryParams]="link.queryParams"`. */
export interface DrillDownLink {
  path: string;
  queryParams: Params;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string | null): value is string {
  return !!value && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** The days a preset covers, ending today (Helsinki). */
export function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: string): { from: string; to: string } {
  switch (preset) {
    case 'last30':
      return { from: addDays(today, -29), to: today };
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
    case 'last12':
      return { from: addDays(addMonths(today, -12), 1), to: today };
  }
}

/** Days per bar that keep the activity chart readable for the period. */
export function defaultGranularity(from: string, to: string): ActivityGranularity {
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (days <= 31) return 'day';
  if (days <= 120) return 'week';
  return 'month';
}

function id(value: string | null): number | null {
  return value && /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : null;
}

/** Reads the filters from a URL; anything unknown or malformed falls back to the default. */
export function filtersFromParams(params: ParamMap, today: string): DashboardFilters {
  const requested = params.get('period');
  const from = params.get('from');
  const to = params.get('to');
  let period: PeriodPreset = (PERIOD_PRESETS as readonly string[]).includes(requested ?? '')
    ? (requested as PeriodPreset)
    : DEFAULT_PERIOD;
  let range: { from: string; to: string };
  if (period === 'custom' && isDate(from) && isDate(to) && from <= to) {
    range = { from, to };
  } else {
    if (period === 'custom') period = DEFAULT_PERIOD;
    range = presetRange(period as Exclude<PeriodPreset, 'custom'>, today);
  }
  const type = params.get('type');
  const granularity = params.get('granularity');
  return {
    period,
    ...range,
    campusGroupId: id(params.get('campusGroupId')),
    type: type && (OPPORTUNITY_TYPES as readonly string[]).includes(type) ? (type as OpportunityType) : null,
    granularity:
      granularity && (ACTIVITY_GRANULARITIES as readonly string[]).includes(granularity)
        ? (granularity as ActivityGranularity)
        : defaultGranularity(range.from, range.to),
  };
}

/** The filters as query parameters, without the defaults, so the plain dashboard has a plain URL. */
export function paramsFromFilters(filters: DashboardFilters): Params {
  const params: Params = {};
  if (filters.period !== DEFAULT_PERIOD) params['period'] = filters.period;
  if (filters.period === 'custom') {
    params['from'] = filters.from;
    params['to'] = filters.to;
  }
  if (filters.campusGroupId) params['campusGroupId'] = filters.campusGroupId;
  if (filters.type) params['type'] = filters.type;
  if (filters.granularity !== defaultGranularity(filters.from, filters.to)) params['granularity'] = filters.granularity;
  return params;
}

/** Query of GET /api/pipeline/summary. */
export function pipelineParams(filters: DashboardFilters): Record<string, string> {
  const params: Record<string, string> = { from: filters.from, to: filters.to };
  if (filters.campusGroupId) params['campusGroupId'] = String(filters.campusGroupId);
  if (filters.type) params['type'] = filters.type;
  return params;
}

/** Query of GET /api/dashboard/activity (the opportunity type does not apply to contacts). */
export function activityParams(filters: DashboardFilters): Record<string, string> {
  const params: Record<string, string> = { from: filters.from, to: filters.to, granularity: filters.granularity };
  if (filters.campusGroupId) params['campusGroupId'] = String(filters.campusGroupId);
  return params;
}

/** The pipeline board behind a funnel stage, with the same group and type. */
export function stageLink(stage: OpportunityStage, filters: DashboardFilters): DrillDownLink {
  const queryParams: Params = { stage };
  if (filters.campusGroupId) queryParams['campusGroupId'] = filters.campusGroupId;
  if (filters.type) queryParams['type'] = filters.type;
  return { path: '/pipeline', queryParams };
}

/** The employer list of those not contacted for `days`. */
export function noContactLink(days: 90 | 180, filters: DashboardFilters): DrillDownLink {
  const queryParams: Params = { noContactDays: days };
  if (filters.campusGroupId) queryParams['campusGroupId'] = filters.campusGroupId;
  return { path: '/employers', queryParams };
}

/** Follow-ups behind a health tile: the work list, overdue or all open. */
export function followUpLink(kind: 'open' | 'overdue'): DrillDownLink {
  return { path: '/my-work', queryParams: kind === 'overdue' ? { due: 'overdue' } : {} };
}
