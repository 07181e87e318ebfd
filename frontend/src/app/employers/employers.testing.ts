import type { HttpTestingController } from '@angular/common/http/testing';
import type { CampusGroupDto, EmployerDto, Me, Page, UserDto } from '@tyoelama/shared';

// Test data shared by the employers specs (not part of the app bundle: only specs import it).
export function page<T>(items: T[], nextCursor: string | null = null, total = items.length): Page<T> {
  return { items, total, nextCursor };
}

export const groups: CampusGroupDto[] = [
  { id: 1, name: 'Tekniikka', campus: 'Keskusta', memberCount: 4, createdAt: '', updatedAt: '', version: 1 },
  { id: 2, name: 'Sote', campus: 'Itä', memberCount: 3, createdAt: '', updatedAt: '', version: 1 },
];

export const manager: UserDto = {
  id: 7,
  email: 'liisa@example.fi',
  displayName: 'Liisa Laine',
  role: 'account_manager',
  campusGroupIds: [1],
  locale: 'fi',
  active: true,
  lastLoginAt: null,
  createdAt: '',
  updatedAt: '',
  version: 1,
};

export function me(role: Me['role'], campusGroupIds: number[] = [1]): Me {
  return { id: 7, email: 'liisa@example.fi', displayName: 'Liisa Laine', role, campusGroupIds, locale: 'fi' };
}

export const employer: EmployerDto = {
  id: 4,
  name: 'Kesko Oyj',
  businessId: '0109862-8',
  status: 'partner',
  municipality: 'Helsinki',
  ownerCampusGroupId: 1,
  ownerCampusGroupName: 'Tekniikka',
  accountManagerId: 7,
  accountManagerName: 'Liisa Laine',
  tags: ['kauppa'],
  lastContactAt: '2026-11-20T10:00:00.000Z',
  nextFollowUpDue: '2026-12-01',
  archived: false,
  industryClassification: 'TOL2025',
  industrySection: 'G',
  industryCode: null,
  streetAddress: 'Satamakatu 3',
  postcode: '00160',
  website: 'https://www.kesko.fi',
  sizeClass: '250+',
  campusGroupIds: [2],
  description: null,
  archivedAt: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  version: 3,
};

/** Answers the campus-group and account-manager pickers' requests that are open now. */
export function flushLookups(http: HttpTestingController): void {
  for (const request of http.match((r) => r.url === '/api/campus-groups')) request.flush(page(groups));
  for (const request of http.match((r) => r.url === '/api/users')) {
    request.flush(page(request.request.params.get('role') === 'account_manager' ? [manager] : []));
  }
}
