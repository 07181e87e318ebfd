import {
  businessIdProblem,
  businessIdSearchTerm,
  isValidBusinessId,
  normaliseBusinessId,
  validBusinessIdFrom,
} from './business-id';

describe('businessIdProblem', () => {
  it.each(['0112038-9', '1572860-0', '0737546-2', '2331972-7'])('accepts the real business ID %s', (id) => {
    expect(businessIdProblem(id)).toBeNull();
  });

  it('rejects a wrong check digit', () => {
    expect(businessIdProblem('0112038-8')).toBe('business_id_checksum');
  });

  it('rejects numbers whose remainder is 1, which have no valid check digit', () => {
    // 0000006: 6 × 2 = 12, and 12 mod 11 = 1.
    for (let check = 0; check <= 9; check += 1) {
      expect(businessIdProblem(`0000006-${check}`)).toBe('business_id_checksum');
    }
  });

  it('uses 0 as the check digit when the remainder is 0', () => {
    // 0000000 sums to 0.
    expect(isValidBusinessId('0000000-0')).toBe(true);
  });

  it.each(['', '1234567', '123456-7', '12345678-9', '1234567-89', 'abcdefg-h', ' 0112038-9'])(
    'rejects the malformed %p',
    (id) => {
      expect(businessIdProblem(id)).toBe('business_id_format');
    },
  );
});

describe('businessIdSearchTerm', () => {
  it.each([
    ['1234567-8', '1234567-8'],
    ['12345678', '1234567-8'],
    [' 12345678 ', '1234567-8'],
    ['112038-9', '0112038-9'],
    ['1120389', '0112038-9'],
  ])('reads %p as the Y-tunnus %p', (typed, stored) => {
    expect(businessIdSearchTerm(typed)).toBe(stored);
  });

  it.each(['Hämeen Auto', '123456', '123456789', '1234-5678'])('leaves %p as it is', (typed) => {
    expect(businessIdSearchTerm(typed)).toBe(typed);
  });
});

describe('normaliseBusinessId', () => {
  it('zero-pads the old six-digit form', () => {
    expect(normaliseBusinessId(' 112038-9 ')).toBe('0112038-9');
  });
});

describe('validBusinessIdFrom', () => {
  it('gives the base with its check digit, or the next base that has one', () => {
    expect(validBusinessIdFrom(112038)).toBe('0112038-9');
    // 0000006 has no valid check digit (remainder 1): 0000007 follows.
    expect(validBusinessIdFrom(6)).toBe('0000007-8');
  });
});
