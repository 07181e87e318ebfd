import type { HttpTestingController } from '@angular/common/http/testing';
import type { CampusGroupDto, EmployerDto, Me, UserDto } from '@tyoelama/shared';

import { campusGroup, page, userWithRole } from '../testing/data';

// Test data shared by the employers specs (not part of the app bundle: only specs import it).
export { page };

export const groups: CampusGroupDto[] = [campusGroup(1, 'Tekniikka', 'Keskusta'), campusGroup(2, 'Sote', 'Itä', 3)];

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

/** The signed-in user: Liisa Laine, the account manager of `employer`, in the role under test. */
export function me(role: Me['role'], campusGroupIds: number[] = [1]): Me {
  return userWithRole(role, { id: 7, email: 'liisa@example.fi', displayName: 'Liisa Laine', campusGroupIds });
}

export const employer: EmployerDto = {
  id: 4,
  name: 'Kesko Oyj',
  businessId: '0109862-8',
  companyForm: 'Julkinen osakeyhtiö',
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
  registerFlags: [],
  register: null,
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
