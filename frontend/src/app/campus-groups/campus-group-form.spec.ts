import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { apiErrorInterceptor } from '../core/error-interceptor';
import { errorUnder, submit, typeInto } from '../testing/dom';
import { CampusGroupForm } from './campus-group-form';

describe('CampusGroupForm', () => {
  let fixture: ComponentFixture<CampusGroupForm>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [CampusGroupForm],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CampusGroupForm);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('requires a name and a campus', async () => {
    typeInto(fixture, 'input[formcontrolname=name]', '   ');
    await submit(fixture);
    expect(errorUnder(fixture, 'input[formcontrolname=name]')).toBe('Pakollinen tieto.');
    expect(errorUnder(fixture, 'input[formcontrolname=campus]')).toBe('Pakollinen tieto.');
    http.expectNone('/api/campus-groups');
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
    request.flush({
      id: 9,
      name: 'Sote',
      campus: 'Itäranta',
      memberCount: 0,
      createdAt: '',
      updatedAt: '',
      version: 0,
    });
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith(['/campus-groups', 9]);
  });

  it('puts a taken name at the name field', async () => {
    typeInto(fixture, 'input[formcontrolname=name]', 'Sote');
    typeInto(fixture, 'input[formcontrolname=campus]', 'Itäranta');
    await submit(fixture);
    http
      .expectOne('/api/campus-groups')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Name taken', code: 'CAMPUS_GROUP_NAME_TAKEN' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(errorUnder(fixture, 'input[formcontrolname=name]')).toBe('Tällä nimellä on jo Campus-ryhmä.');
  });
});
