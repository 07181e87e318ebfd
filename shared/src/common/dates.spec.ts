import { addDays, helsinkiDate, helsinkiWallClock } from './dates';

describe('addDays', () => {
  it('moves a calendar date across month, year and leap-day boundaries, both ways', () => {
    expect(addDays('2026-11-24', 1)).toBe('2026-11-25');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-05-10', 0)).toBe('2026-05-10');
  });

  it('counts whole days over a daylight-saving change (no time zone involved)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('keeps years below 100 as written', () => {
    expect(addDays('0001-01-01', 1)).toBe('0001-01-02');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
  });
});

describe('Helsinki wall clock', () => {
  it('reads the date and time in Helsinki, whatever the zone of the instant, zero-padded', () => {
    expect(helsinkiWallClock(new Date('2026-03-04T22:05:09Z'))).toEqual({
      year: '2026',
      month: '03',
      day: '05',
      hour: '00',
      minute: '05',
      second: '09',
    });
    expect(helsinkiDate(new Date('2026-03-04T22:05:09Z'))).toBe('2026-03-05');
    expect(helsinkiDate(new Date('2026-06-30T20:59:59Z'))).toBe('2026-06-30');
    expect(helsinkiDate(new Date('2026-06-30T21:00:00Z'))).toBe('2026-07-01');
  });
});
