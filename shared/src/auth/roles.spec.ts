import { canRead, canWrite, rightOf, rolesThatWriteAll } from './roles';

describe('rights table', () => {
  it('lets only admins manage users and campus groups', () => {
    expect(rolesThatWriteAll('users')).toEqual(['admin']);
    expect(rolesThatWriteAll('campusGroups')).toEqual(['admin']);
  });

  it('scopes campus members to their own groups', () => {
    expect(rightOf('campus_member', 'employers')).toEqual({ read: 'own_groups', write: 'none' });
    expect(rightOf('campus_member', 'contactEntries').write).toBe('own_groups_own_records');
    expect(rightOf('campus_member', 'followUps').write).toBe('assigned');
  });

  it('gives leadership read-only access everywhere', () => {
    expect(canRead('leadership', 'opportunities')).toBe(true);
    expect(canWrite('leadership', 'opportunities')).toBe(false);
    expect(canWrite('leadership', 'employers')).toBe(false);
  });
});
