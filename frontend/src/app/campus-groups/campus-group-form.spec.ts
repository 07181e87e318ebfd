import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router } from '@angular/router';

import { renderComponent } from '../testing/app';
import { campusGroup } from '../testing/data';
import { errorUnder, expectRefusedBeforeSending, submit, typeInto } from '../testing/dom';
import { flushApiError } from '../testing/http';
import { CampusGroupForm } from './campus-group-form';

describe('CampusGroupForm', () => {
  let fixture: ComponentFixture<CampusGroupForm>;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, http } = await renderComponent(CampusGroupForm));
  });

  afterEach(() => http.verify());

  it('requires a name and a campus', async () => {
    typeInto(fixture, 'input[formcontrolname=name]', '   ');
    await expectRefusedBeforeSending({ fixture, http }, '/api/campus-groups', {
      'input[formcontrolname=name]': 'Pakollinen tieto.',
      'input[formcontrolname=campus]': 'Pakollinen tieto.',
    });
  });

  it('is the "new" form also when the router binds an undefined group (/campus-groups/new)', async () => {
    fixture.componentRef.setInput('group', undefined);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Uusi Campus-ryhmä');
    expect(element.querySelector('button[type=submit]')?.textContent?.trim()).toBe('Luo Campus-ryhmä');
  });

  it('creates the group and opens it', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    typeInto(fixture, 'input[formcontrolname=name]', ' Sote ');
    typeInto(fixture, 'input[formcontrolname=campus]', 'Itäranta');
    await submit(fixture);
    const request = http.expectOne('/api/campus-groups');
    expect(request.request.body).toEqual({ name: 'Sote', campus: 'Itäranta' });
    request.flush({ ...campusGroup(9, 'Sote', 'Itäranta', 0), version: 0 });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/campus-groups', 9]);
  });

  it('puts a taken name at the name field', async () => {
    typeInto(fixture, 'input[formcontrolname=name]', 'Sote');
    typeInto(fixture, 'input[formcontrolname=campus]', 'Itäranta');
    await submit(fixture);
    flushApiError(http.expectOne('/api/campus-groups'), 409, { code: 'CAMPUS_GROUP_NAME_TAKEN' });
    await fixture.whenStable();
    expect(errorUnder(fixture, 'input[formcontrolname=name]')).toBe('Tällä nimellä on jo Campus-ryhmä.');
  });
});
