import { dueGroup, groupFollowUps } from './follow-up-groups';

describe('follow-up groups', () => {
  const today = '2026-11-24';

  it('puts a due date before today under overdue and today under today', () => {
    expect(dueGroup('2026-11-23', today)).toBe('overdue');
    expect(dueGroup('2025-12-31', today)).toBe('overdue');
    expect(dueGroup('2026-11-24', today)).toBe('today');
  });

  it('counts the next seven days as this week and the rest as later', () => {
    expect(dueGroup('2026-11-25', today)).toBe('week');
    expect(dueGroup('2026-12-01', today)).toBe('week');
    expect(dueGroup('2026-12-02', today)).toBe('later');
  });

  it('crosses the year end', () => {
    expect(dueGroup('2027-01-03', '2026-12-28')).toBe('week');
    expect(dueGroup('2027-01-05', '2026-12-28')).toBe('later');
  });

  it('sorts each group by due date, then by title', () => {
    const groups = groupFollowUps(
      [
        { id: 1, dueDate: '2026-12-20', title: 'Myöhempi' },
        { id: 2, dueDate: '2026-11-26', title: 'Ö-kirjain' },
        { id: 3, dueDate: '2026-11-26', title: 'Aamupuhelu' },
        { id: 4, dueDate: '2026-11-25', title: 'Huomenna' },
        { id: 5, dueDate: '2026-11-01', title: 'Unohtunut' },
        { id: 6, dueDate: '2026-11-24', title: 'Tänään' },
      ],
      today,
    );
    expect(groups.overdue.map((item) => item.id)).toEqual([5]);
    expect(groups.today.map((item) => item.id)).toEqual([6]);
    expect(groups.week.map((item) => item.id)).toEqual([4, 3, 2]);
    expect(groups.later.map((item) => item.id)).toEqual([1]);
  });
});
