import { isSearchable } from '../search/search';
import { dateField, dateTimeField } from './fields';
import { validate } from './validation';

const codesOf = (result: ReturnType<typeof validate>) =>
  result.ok ? [] : result.fieldErrors.map((error) => error.code);

describe('date fields', () => {
  it('take the years 1900–2100 and refuse the days just outside with date_out_of_range', () => {
    expect(validate(dateField, '1900-01-01').ok).toBe(true);
    expect(validate(dateField, '2100-12-31').ok).toBe(true);
    for (const day of ['0000-01-01', '1899-12-31', '2101-01-01', '9999-12-31']) {
      expect(codesOf(validate(dateField, day))).toEqual(['date_out_of_range']);
    }
  });

  it('refuse a day the month does not have with one invalid_date', () => {
    expect(codesOf(validate(dateField, '2026-02-30'))).toEqual(['invalid_date']);
    expect(codesOf(validate(dateField, 'tomorrow'))).toEqual(['invalid_date']);
    expect(validate(dateField, '2024-02-29').ok).toBe(true);
  });

  it('check the written year of an instant and refuse offsets no time zone has', () => {
    expect(validate(dateTimeField, '1900-01-01T00:00:00+14:00').ok).toBe(true);
    expect(validate(dateTimeField, '2100-12-31T23:59:59.999-12:00').ok).toBe(true);
    expect(codesOf(validate(dateTimeField, '0000-01-01T00:00:00Z'))).toEqual(['date_out_of_range']);
    expect(codesOf(validate(dateTimeField, '9999-12-31T23:59:59+14:00'))).toEqual(['date_out_of_range']);
    expect(codesOf(validate(dateTimeField, '2026-01-01T10:00:00+14:30'))).toEqual(['invalid_datetime']);
    expect(codesOf(validate(dateTimeField, '2026-02-30T10:00:00Z'))).toEqual(['invalid_datetime']);
  });
});

describe('isSearchable', () => {
  it('needs a letter or a digit in any script', () => {
    for (const term of ['--', '%_', '–…', '«»', "'; --", '   ']) expect(isSearchable(term)).toBe(false);
    for (const term of ['a', 'Ä-', '-1-', 'שלום', '😀x']) expect(isSearchable(term)).toBe(true);
  });
});
