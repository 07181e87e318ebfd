import type { EmployerDto } from '@tyoelama/shared';

import { diffConflict, editableOf, reapplyMine, sameValue } from './conflict';

const loaded: EmployerDto = {
  id: 4,
  name: 'Kesko Oyj',
  businessId: '0109862-8',
  status: 'prospect',
  municipality: 'Helsinki',
  ownerCampusGroupId: 1,
  ownerCampusGroupName: 'Tekniikka',
  accountManagerId: 7,
  accountManagerName: 'Liisa Laine',
  tags: ['kauppa'],
  lastContactAt: null,
  nextFollowUpDue: null,
  archived: false,
  industryClassification: 'TOL2025',
  industrySection: 'G',
  industryCode: null,
  streetAddress: null,
  postcode: null,
  website: null,
  sizeClass: '250+',
  campusGroupIds: [2, 3],
  description: null,
  archivedAt: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
  version: 3,
};

describe('diffConflict', () => {
  it('lists the fields changed meanwhile and the ones I changed, with both values', () => {
    const base = editableOf(loaded);
    const mine = { ...base, municipality: 'Espoo', status: 'partner' as const };
    const current = { ...base, municipality: 'Vantaa', description: 'Uusi kuvaus' };
    expect(diffConflict(base, mine, current)).toEqual([
      { field: 'municipality', mine: 'Espoo', theirs: 'Vantaa', changedByMe: true, changedByThem: true },
      { field: 'status', mine: 'partner', theirs: 'prospect', changedByMe: true, changedByThem: false },
      { field: 'description', mine: null, theirs: 'Uusi kuvaus', changedByMe: false, changedByThem: true },
    ]);
  });

  it('leaves out a field both sides set to the same value, and reordered sets', () => {
    const base = editableOf(loaded);
    const mine = { ...base, municipality: 'Espoo', campusGroupIds: [3, 2] };
    const current = { ...base, municipality: 'Espoo' };
    expect(diffConflict(base, mine, current)).toEqual([]);
  });

  it('treats an empty text and null as the same value', () => {
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(' ', null)).toBe(true);
    expect(sameValue('a', null)).toBe(false);
  });
});

describe('reapplyMine', () => {
  it('puts only my changed fields on top of the current record, with its version', () => {
    const base = editableOf(loaded);
    const mine = { ...base, municipality: 'Espoo', tags: ['kauppa', 'logistiikka'] };
    const current: EmployerDto = { ...loaded, name: 'Kesko Oyj (uusi nimi)', municipality: 'Vantaa', version: 5 };
    const request = reapplyMine(base, mine, current);
    expect(request).toMatchObject({
      version: 5,
      name: 'Kesko Oyj (uusi nimi)',
      municipality: 'Espoo',
      tags: ['kauppa', 'logistiikka'],
      status: 'prospect',
    });
    expect(Object.keys(request)).not.toContain('id');
    expect(Object.keys(request)).not.toContain('ownerCampusGroupName');
  });
});
