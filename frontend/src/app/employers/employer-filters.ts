import type { ParamMap, Params } from '@angular/router';
import {
  EMPLOYER_SORTS,
  EMPLOYER_STATUSES,
  type EmployerSort,
  type EmployerSortParam,
  type EmployerStatus,
  type EmployerListParams,
} from '@tyoelama/shared';

export const NO_CONTACT_DAYS = [30, 90, 180] as const;
export const DEFAULT_SORT: EmployerSortParam = 'name';

/** The employer list's filters; the URL's query parameters are their single source. */
export interface EmployerFilters {
  q: string;
  status: EmployerStatus | null;
  campusGroupId: number | null;
  accountManagerId: number | null;
  industrySection: string | null;
  tag: string;
  noContactDays: number | null;
  includeArchived: boolean;
  /** Only employers the last YTJ refresh flagged. */
  registerFlags: boolean;
  sort: EmployerSortParam;
}

function id(value: string | null): number | null {
  return value && /^[1-9][0-9]{0,9}$/.test(value) ? Number(value) : null;
}

function isSort(value: string): value is EmployerSortParam {
  return (EMPLOYER_SORTS as readonly string[]).includes(value.replace(/^-/, ''));
}

/** Reads the filters from a URL; anything unknown or malformed is ignored, not sent on. */
export function filtersFromParams(params: ParamMap): EmployerFilters {
  const status = params.get('status');
  const section = params.get('industrySection');
  const days = Number(params.get('noContactDays'));
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q')?.trim() ?? '',
    status: status && (EMPLOYER_STATUSES as readonly string[]).includes(status) ? (status as EmployerStatus) : null,
    campusGroupId: id(params.get('campusGroupId')),
    accountManagerId: id(params.get('accountManagerId')),
    industrySection: section && /^[A-V]$/.test(section) ? section : null,
    tag: params.get('tag')?.trim() ?? '',
    noContactDays: (NO_CONTACT_DAYS as readonly number[]).includes(days) ? days : null,
    includeArchived: params.get('archived') === 'all',
    registerFlags: params.get('registerFlags') === 'true',
    sort: isSort(sort) ? sort : DEFAULT_SORT,
  };
}

/** The filters as query parameters, without the defaults, so a plain list has a plain URL. */
export function paramsFromFilters(filters: EmployerFilters): Params {
  const params: Params = {};
  if (filters.q) params['q'] = filters.q;
  if (filters.status) params['status'] = filters.status;
  if (filters.campusGroupId) params['campusGroupId'] = filters.campusGroupId;
  if (filters.accountManagerId) params['accountManagerId'] = filters.accountManagerId;
  if (filters.industrySection) params['industrySection'] = filters.industrySection;
  if (filters.tag) params['tag'] = filters.tag;
  if (filters.noContactDays) params['noContactDays'] = filters.noContactDays;
  if (filters.includeArchived) params['archived'] = 'all';
  if (filters.registerFlags) params['registerFlags'] = 'true';
  if (filters.sort !== DEFAULT_SORT) params['sort'] = filters.sort;
  return params;
}

export function queryFromFilters(filters: EmployerFilters): EmployerListParams {
  return {
    q: filters.q,
    status: filters.status,
    campusGroupId: filters.campusGroupId,
    accountManagerId: filters.accountManagerId,
    industrySection: filters.industrySection,
    tag: filters.tag,
    noContactDays: filters.noContactDays,
    archived: filters.includeArchived ? 'all' : null,
    registerFlags: filters.registerFlags ? 'true' : null,
    sort: filters.sort,
  };
}

export function hasActiveFilters(filters: EmployerFilters): boolean {
  const { sort: _sort, ...rest } = filters;
  return Object.values(rest).some((value) => value !== null && value !== '' && value !== false);
}

/** Clicking a column: ascending first, then descending. */
export function nextSort(current: EmployerSortParam, column: EmployerSort): EmployerSortParam {
  return current === column ? `-${column}` : column;
}

export function sortState(current: EmployerSortParam, column: EmployerSort): 'ascending' | 'descending' | 'none' {
  if (current === column) return 'ascending';
  if (current === `-${column}`) return 'descending';
  return 'none';
}
