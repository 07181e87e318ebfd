import { TestBed } from '@angular/core/testing';

import { I18n } from '../core/i18n/i18n';
import { setUpApp } from '../testing/app';
import { campusGroupNames } from './campus-groups-api';

describe('campusGroupNames', () => {
  const names = new Map([
    [1, 'Pohjoinen'],
    [2, 'Etelä'],
  ]);
  let i18n: I18n;

  beforeEach(() => {
    setUpApp();
    i18n = TestBed.inject(I18n);
  });

  it('names the readable groups in the given order', () => {
    expect(campusGroupNames([2, 1], names, i18n)).toBe('Etelä, Pohjoinen');
    expect(campusGroupNames([], names, i18n)).toBe('');
  });

  it('counts the groups the user may not read instead of showing their ids, in both languages', () => {
    expect(campusGroupNames([1, 9], names, i18n)).toBe('Pohjoinen, 1 muu ryhmä');
    expect(campusGroupNames([8, 1, 9], names, i18n)).toBe('Pohjoinen, 2 muuta ryhmää');
    i18n.use('en');
    expect(campusGroupNames([8, 9], names, i18n)).toBe('2 other groups');
    expect(campusGroupNames([2, 9], names, i18n)).toBe('Etelä, 1 other group');
  });
});
