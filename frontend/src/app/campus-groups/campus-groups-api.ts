import { Injectable, inject, type Signal } from '@angular/core';
import {
  MAX_PAGE_SIZE,
  type CampusGroupDetailDto,
  type CampusGroupDto,
  type CampusGroupListParams,
  type CreateCampusGroupRequest,
  type Page,
  type UpdateCampusGroupRequest,
} from '@tyoelama/shared';
import { EMPTY, expand, map, reduce, type Observable } from 'rxjs';

import { CrudApi } from '../core/crud-api';
import { I18n } from '../core/i18n/i18n';
import { optionalList } from '../core/optional-list';
import { recordOptions, type FilterOption } from '../ui/filter-select';

@Injectable({ providedIn: 'root' })
export class CampusGroupsApi extends CrudApi<
  CampusGroupDto,
  CreateCampusGroupRequest,
  UpdateCampusGroupRequest,
  CampusGroupDetailDto
> {
  constructor() {
    super('/api/campus-groups');
  }

  list(query: CampusGroupListParams = {}): Observable<Page<CampusGroupDto>> {
    return this.page(query);
  }

  /** Every group the user may read, page by page: for pickers and name look-ups. */
  listAll(): Observable<CampusGroupDto[]> {
    return this.list({ limit: MAX_PAGE_SIZE }).pipe(
      expand((page) => (page.nextCursor ? this.list({ limit: MAX_PAGE_SIZE, cursor: page.nextCursor }) : EMPTY)),
      map((page) => page.items),
      reduce((all, items) => all.concat(items), [] as CampusGroupDto[]),
    );
  }
}

/**
 * The campus groups the user may read, for filters and pickers: empty until they come, and empty
 * if they fail (the page works without them). Call in an injection context.
 */
export function readableCampusGroups(): Signal<CampusGroupDto[]> {
  return optionalList(inject(CampusGroupsApi).listAll());
}

/**
 * Campus groups by name, for a list of ids. A campus member reads only their own groups (PRODUCT.md's
 * rights table), so the groups missing from `names` are counted, never shown as bare ids.
 */
export function campusGroupNames(ids: readonly number[], names: ReadonlyMap<number, string>, i18n: I18n): string {
  const known = ids.flatMap((id) => names.get(id) ?? []);
  const others = ids.length - known.length;
  if (others === 1) known.push(i18n.t('common.otherGroup'));
  if (others > 1) known.push(i18n.t('common.otherGroups', { count: others }));
  return known.join(', ');
}

/** Filter options of campus groups, by name. */
export function campusGroupOptions(groups: Signal<readonly CampusGroupDto[]>): Signal<FilterOption<number>[]> {
  return recordOptions(
    groups,
    (group) => group.id,
    (group) => group.name,
  );
}
