import { validate } from '../common/validation';
import { createEmployerSchema, updateEmployerSchema } from './employer';

const valid = { name: 'Kesko Oyj', ownerCampusGroupId: 1 };

describe('createEmployerSchema', () => {
  it('fills defaults and normalises the business ID', () => {
    const result = validate(createEmployerSchema, { ...valid, businessId: ' 112038-9 ', website: '' });
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        businessId: '0112038-9',
        website: null,
        status: 'prospect',
        tags: [],
        campusGroupIds: [],
      }),
    });
  });

  it.each([
    ['1234567', 'business_id_format'],
    ['0112038-8', 'business_id_checksum'],
  ])('reports %s as %s at the field', (businessId, code) => {
    const result = validate(createEmployerSchema, { ...valid, businessId });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors).toEqual([expect.objectContaining({ path: 'businessId', code })]);
  });

  it('treats an empty business ID as none', () => {
    const result = validate(createEmployerSchema, { ...valid, businessId: '' });
    expect(result.ok && result.value.businessId).toBeNull();
  });

  it('checks the industry section against its classification version', () => {
    const v = validate(createEmployerSchema, { ...valid, industryClassification: 'TOL2008', industrySection: 'V' });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.fieldErrors[0]).toMatchObject({ path: 'industrySection', code: 'industry_section_invalid' });
    expect(
      validate(createEmployerSchema, { ...valid, industryClassification: 'TOL2025', industrySection: 'V' }).ok,
    ).toBe(true);
    expect(validate(createEmployerSchema, { ...valid, industrySection: 'C' }).ok).toBe(false);
  });

  it('refuses a code of another section (47110 is retail trade, not manufacturing) on create and update', () => {
    const industry = { industryClassification: 'TOL2025', industrySection: 'C', industryCode: '47110' } as const;
    for (const result of [
      validate(createEmployerSchema, { ...valid, ...industry }),
      validate(updateEmployerSchema, { version: 1, ...industry }),
    ]) {
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.fieldErrors).toEqual([
          expect.objectContaining({ path: 'industryCode', code: 'industry_code_section_mismatch' }),
        ]);
    }
    expect(validate(createEmployerSchema, { ...valid, ...industry, industrySection: 'G' }).ok).toBe(true);
    const alsoNameless = validate(createEmployerSchema, { ...valid, ...industry, name: '' });
    expect(!alsoNameless.ok && alsoNameless.fieldErrors.map((error) => error.path)).toEqual(['name', 'industryCode']);
    const badVersion = validate(createEmployerSchema, { ...valid, ...industry, industryClassification: 'TOL2002' });
    expect(!badVersion.ok && badVersion.fieldErrors.map((error) => error.path)).toEqual(['industryClassification']);
  });

  it('rejects bad postcodes, websites and duplicate tags collapse', () => {
    const result = validate(createEmployerSchema, { ...valid, postcode: '3310', website: 'kesko.fi' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fieldErrors.map((e) => e.path)).toEqual(['postcode', 'website']);
    const tags = validate(createEmployerSchema, { ...valid, tags: ['sote', 'sote', ' logistiikka '] });
    expect(tags.ok && tags.value.tags).toEqual(['sote', 'logistiikka']);
  });
});

describe('updateEmployerSchema', () => {
  it('requires the version', () => {
    const result = validate(updateEmployerSchema, { name: 'X' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.fieldErrors).toEqual([expect.objectContaining({ path: 'version', code: 'required' })]);
  });
});
