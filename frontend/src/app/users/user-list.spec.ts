import { jest } from '@jest/globals';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { UserDto } from '@tyoelama/shared';

import { setUpApp } from '../testing/app';
import { campusGroup, page, userWithRole } from '../testing/data';
import { whenStableOnFakeClock } from '../testing/fake-clock';
import { UserList } from './user-list';

const colleague: UserDto = {
  ...userWithRole('campus_member', { id: 12, displayName: 'Kaisa Kollega', campusGroupIds: [1, 5, 7] }),
  active: true,
  lastLoginAt: null,
  createdAt: '',
  updatedAt: '',
  version: 1,
};

describe('UserList', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('names the groups a campus member may read and counts the others, never showing ids', async () => {
    const http = setUpApp({ signedIn: userWithRole('campus_member') });
    const fixture = TestBed.createComponent(UserList);
    await whenStableOnFakeClock(fixture);
    // A campus member reads only their own groups.
    http
      .expectOne((request) => request.url === '/api/campus-groups')
      .flush(page([campusGroup(1, 'Pohjoinen', 'Hervanta')]));
    await jest.advanceTimersByTimeAsync(250);
    http.expectOne((request) => request.url === '/api/users').flush(page([colleague]));
    await whenStableOnFakeClock(TestBed.inject(ApplicationRef));

    const cells = [...(fixture.nativeElement as HTMLElement).querySelectorAll('tbody td')].map((cell) =>
      cell.textContent?.trim(),
    );
    expect(cells).toContain('Pohjoinen, 2 muuta ryhmää');
    expect((fixture.nativeElement as HTMLElement).textContent).not.toMatch(/#\d/);
    http.verify();
  });
});
