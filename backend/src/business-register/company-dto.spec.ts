import { toCompanyDto } from './business-register.service';

describe('toCompanyDto (the register v3 company as the CRM reads it)', () => {
  const base = {
    businessId: { value: '0112038-9' },
    names: [{ name: 'Esimerkki Oy', type: '1' }],
    mainBusinessLine: { type: '47110', typeCodeSet: 'TOIMI4' },
    companyForms: [
      {
        type: '16',
        descriptions: [{ languageCode: '1', description: 'Osakeyhtiö' }],
        endDate: '2020-01-01',
        version: 2,
      },
      {
        type: '17',
        descriptions: [
          { languageCode: '3', description: 'Public limited company' },
          { languageCode: '1', description: 'Julkinen osakeyhtiö' },
        ],
        version: 1,
      },
    ],
  };

  it('reads TOIMI4 as TOL 2025, the current company form in Finnish', () => {
    expect(toCompanyDto(base, '0112038-9', '2026-03-02')).toMatchObject({
      industryClassification: 'TOL2025',
      industrySection: 'G',
      industryCode: '47110',
      companyForm: 'Julkinen osakeyhtiö',
      situations: [],
      ceasedOn: null,
    });
  });

  it('lists ongoing bankruptcy, liquidation and restructuring, not ended ones or unknown codes', () => {
    const company = {
      ...base,
      companySituations: [
        { type: 'SELTILA', registrationDate: '2026-02-01' },
        { type: 'KONK', registrationDate: '2026-02-10', endDate: null },
        { type: 'SANE', registrationDate: '2020-01-01', endDate: '2021-01-01' },
        { type: 'XYZ' },
      ],
      endDate: '2026-02-28',
    };
    expect(toCompanyDto(company, '0112038-9', '2026-03-02')).toMatchObject({
      situations: ['bankruptcy', 'liquidation'],
      ceasedOn: '2026-02-28',
    });
  });

  it('ends a situation on its end date by the Helsinki calendar, also before 02:00 when UTC is a day behind', () => {
    const company = {
      ...base,
      companySituations: [{ type: 'KONK', registrationDate: '2026-01-10', endDate: '2026-03-02' }],
    };
    jest.useFakeTimers({ now: new Date('2026-03-01T22:30:00Z') }); // Helsinki 2.3. 00.30
    try {
      expect(toCompanyDto(company, '0112038-9')?.situations).toEqual([]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('gives no company when the register has no current name', () => {
    expect(
      toCompanyDto({ ...base, names: [{ name: 'Vanha Oy', type: '1', endDate: '2001-01-01' }] }, '0112038-9'),
    ).toBeNull();
  });
});
