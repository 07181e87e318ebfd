import * as z from 'zod/mini';
import { createUserSchema } from '../users/user';
import { validate } from './validation';

describe('validate', () => {
  it('returns the parsed value with defaults applied', () => {
    const result = validate(createUserSchema, {
      email: ' Maija.Meikalainen@Example.FI ',
      displayName: ' Maija ',
      role: 'account_manager',
      password: 'correct horse battery',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        email: 'maija.meikalainen@example.fi',
        displayName: 'Maija',
        role: 'account_manager',
        password: 'correct horse battery',
        campusGroupIds: [],
        locale: 'fi',
      },
    });
  });

  it('names every failing field with a code', () => {
    const result = validate(createUserSchema, {
      email: 'not-an-email',
      displayName: '   ',
      role: 'root',
      password: 'short',
      campusGroupIds: [1, -2],
      isAdmin: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.fieldErrors.map((error) => [error.path, error.code]));
    expect(byPath).toEqual({
      email: 'invalid_email',
      displayName: 'required',
      role: 'invalid_value',
      password: 'too_short',
      'campusGroupIds.1': 'too_small',
      isAdmin: 'unknown_field',
    });
    expect(result.fieldErrors.find((error) => error.path === 'password')?.limit).toBe(12);
  });

  it('reports a missing required field as required', () => {
    const result = validate(createUserSchema, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.map((error) => [error.path, error.code])).toEqual(
      expect.arrayContaining([
        ['email', 'required'],
        ['displayName', 'required'],
        ['role', 'required'],
        ['password', 'required'],
      ]),
    );
  });

  it('passes a refinement code clients translate, and turns any other into the generic one', () => {
    const refined = (code: string) => z.string().check(z.refine(() => false, { message: 'Nope', params: { code } }));
    expect(validate(refined('date_range'), 'x')).toMatchObject({ ok: false, fieldErrors: [{ code: 'date_range' }] });
    expect(validate(refined('password_too_common'), 'x')).toMatchObject({
      ok: false,
      fieldErrors: [{ code: 'password_too_common' }],
    });
    expect(validate(refined('no_such_code'), 'x')).toMatchObject({ ok: false, fieldErrors: [{ code: 'invalid' }] });
  });

  it('gives a format nobody translates the generic code', () => {
    expect(validate(z.string().check(z.uuid()), 'x')).toMatchObject({ ok: false, fieldErrors: [{ code: 'invalid' }] });
    expect(validate(z.iso.date(), 'x')).toMatchObject({ ok: false, fieldErrors: [{ code: 'invalid_date' }] });
  });
});
