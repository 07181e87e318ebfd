import { addDays, addMonths, helsinkiTime, helsinkiToIso } from './dates';

describe('Helsinki time helpers', () => {
  it('reads the Helsinki clock in winter and summer', () => {
    expect(helsinkiTime(new Date('2026-11-24T12:05:00Z'))).toBe('14:05');
    expect(helsinkiTime(new Date('2026-06-01T12:05:00Z'))).toBe('15:05');
  });

  it('turns a Helsinki date and time into the instant', () => {
    expect(helsinkiToIso('2026-11-24', '14:05')).toBe('2026-11-24T12:05:00.000Z');
    expect(helsinkiToIso('2026-06-01', '15:05')).toBe('2026-06-01T12:05:00.000Z');
    // The morning after the spring switch (29.3.2026 at 03:00 → 04:00).
    expect(helsinkiToIso('2026-03-29', '05:00')).toBe('2026-03-29T02:00:00.000Z');
  });

  it('leaves empty input undefined and malformed input for the schema to reject', () => {
    expect(helsinkiToIso('', '10:00')).toBeUndefined();
    expect(helsinkiToIso('24.11.2026', '10:00')).toBe('24.11.2026T10:00');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-11-24', 1)).toBe('2026-11-25');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months, rolling a day the month lacks over into the next', () => {
    expect(addMonths('2026-11-24', -12)).toBe('2025-11-24');
    expect(addMonths('2026-03-31', -1)).toBe('2026-03-03');
  });
});
