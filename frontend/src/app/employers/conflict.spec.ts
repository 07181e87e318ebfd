import type { EmployerDto } from '@tyoelama/shared';

import { diffConflict, editableOf, reapplyMine, sameValue } from './conflict';
import { employer } from './employers.testing';

// The shared test employer as these tests load it: a prospect whose optional fields are empty.
const loaded: EmployerDto = {
  ...employer,
  status: 'prospect',
  lastContactAt: null,
  nextFollowUpDue: null,
  streetAddress: null,
  postcode: null,
  website: null,
  campusGroupIds: [2, 3],
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
