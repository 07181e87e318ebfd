import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { addDays, helsinkiDate, type FollowUpDto, type Role } from '@tyoelama/shared';

import { renderComponent } from '../testing/app';
import { followUpDto, page, userWithRole } from '../testing/data';
import { flushApiError } from '../testing/http';
import { EmployerFollowUps } from './employer-follow-ups';

const today = helsinkiDate();
const LIST_URL = '/api/follow-ups?employerId=4&status=open&limit=100';

const followUp = (id: number, assigneeId: number, overrides: Partial<FollowUpDto> = {}): FollowUpDto =>
  followUpDto(id, {
    employerId: 4,
    employerName: 'Kesko Oyj',
    title: `Soita ${id}`,
    dueDate: addDays(today, 2),
    assigneeId,
    assigneeName: assigneeId === 1 ? 'Aino Asiakas' : 'Kalle Kampus',
    ...overrides,
  });

describe('EmployerFollowUps', () => {
  let fixture: ComponentFixture<EmployerFollowUps>;
  let http: HttpTestingController;
  let changes: number;

  async function render(role: Role, id: number, items: FollowUpDto[]): Promise<void> {
    ({ fixture, http } = await renderComponent(EmployerFollowUps, {
      noAnimations: true,
      signedIn: userWithRole(role, { id, displayName: id === 1 ? 'Aino Asiakas' : 'Kalle Kampus' }),
      inputs: { employerId: 4, employerName: 'Kesko Oyj' },
    }));
    changes = 0;
    fixture.componentInstance.changed.subscribe(() => (changes += 1));
    http.expectOne(LIST_URL).flush(page(items));
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const dialog = () => document.querySelector('app-follow-up-dialog') as HTMLElement;
  const field = (name: string) => dialog().querySelector(`[formcontrolname=${name}]`) as HTMLInputElement;
  const submit = async () => {
    (dialog().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };
  function type(name: string, value: string): void {
    field(name).value = value;
    field(name).dispatchEvent(new Event('input'));
  }

  it('lets an account manager add a follow-up for the employer, assigned to themselves by default', async () => {
    await render('account_manager', 1, []);
    expect(element().textContent).toContain('Ei avoimia jatkotoimenpiteitä.');
    (element().querySelector('button.add-follow-up') as HTMLButtonElement).click();
    await fixture.whenStable();
    http
      .expectOne('/api/employers/4/follow-up-assignees')
      .flush([{ id: 1, displayName: 'Aino Asiakas', role: 'account_manager' }]);
    await fixture.whenStable();
    expect(dialog().textContent).toContain('Työnantaja: Kesko Oyj');

    await submit();
    http.expectNone('/api/follow-ups');
    expect(dialog().querySelector('mat-error')?.textContent).toContain('Pakollinen tieto.');
    expect(document.activeElement).toBe(field('title'));

    type('title', 'Varaa työpaikkakäynti');
    const tomorrow = [...dialog().querySelectorAll('button')].find((b) => b.textContent?.includes('Huomenna'))!;
    tomorrow.click();
    await submit();
    const request = http.expectOne('/api/follow-ups');
    expect(request.request.body).toEqual({
      employerId: 4,
      title: 'Varaa työpaikkakäynti',
      notes: null,
      dueDate: addDays(today, 1),
      assigneeId: 1,
    });
    const created = followUp(9, 1, { title: 'Varaa työpaikkakäynti', dueDate: addDays(today, 1) });
    request.flush(created);
    await fixture.whenStable();
    http.expectOne(LIST_URL).flush(page([created]));
    await fixture.whenStable();
    expect(element().querySelector('[role="status"]')?.textContent).toContain(
      'Jatkotoimenpide lisätty: Varaa työpaikkakäynti',
    );
    expect(element().querySelector('[data-follow-up="9"]')?.textContent).toContain('Vastuuhenkilö: Aino Asiakas');
    expect(changes).toBe(1);
  });

  it('shows a stale edit as a conflict and starts again from the saved follow-up', async () => {
    await render('account_manager', 1, [followUp(7, 1)]);
    (element().querySelector('button.more') as HTMLButtonElement).click();
    await fixture.whenStable();
    (document.querySelector('button[mat-menu-item].edit') as HTMLButtonElement).click();
    await fixture.whenStable();
    http.expectOne('/api/employers/4/follow-up-assignees').flush([]);
    await fixture.whenStable();
    expect(field('title').value).toBe('Soita 7');
    type('title', 'Soita uudestaan');
    await submit();
    flushApiError(http.expectOne('/api/follow-ups/7'), 409, {
      code: 'STALE_VERSION',
      current: followUp(7, 1, { title: 'Joku muutti', version: 2 }),
    });
    await fixture.whenStable();
    const reload = [...dialog().querySelectorAll('button')].find((b) => b.textContent?.includes('Lataa uudelleen'))!;
    reload.click();
    await fixture.whenStable();
    expect(field('title').value).toBe('Joku muutti');
    await submit();
    const retry = http.expectOne('/api/follow-ups/7');
    expect(retry.request.body).toMatchObject({ version: 2, title: 'Joku muutti' });
    retry.flush(followUp(7, 1, { title: 'Joku muutti', version: 3 }));
    await fixture.whenStable();
    expect(element().querySelector('[data-follow-up="7"]')?.textContent).toContain('Joku muutti');
    expect(element().querySelector('[role="status"]')?.textContent).toContain('Tallennettu: Joku muutti');
    expect(changes).toBe(1);
  });

  it('lets a campus member change only their own follow-ups, never the assignee, and add none', async () => {
    await render('campus_member', 2, [followUp(7, 1), followUp(8, 2)]);
    expect(element().querySelector('button.add-follow-up')).toBeNull();
    expect(element().querySelector('[data-follow-up="7"] button')).toBeNull();
    (element().querySelector('[data-follow-up="8"] button.more') as HTMLButtonElement).click();
    await fixture.whenStable();
    (document.querySelector('button[mat-menu-item].edit') as HTMLButtonElement).click();
    await fixture.whenStable();
    http.expectNone('/api/employers/4/follow-up-assignees');
    expect(field('assigneeId')).toBeNull();
    type('notes', 'Soitin, ei vastannut');
    await submit();
    const request = http.expectOne('/api/follow-ups/8');
    expect(request.request.body).toEqual({
      version: 1,
      title: 'Soita 8',
      notes: 'Soitin, ei vastannut',
      dueDate: addDays(today, 2),
    });
    request.flush(followUp(8, 2, { notes: 'Soitin, ei vastannut', version: 2 }));
    await fixture.whenStable();
    expect(element().querySelector('[data-follow-up="8"]')?.textContent).toContain('Soitin, ei vastannut');
  });

  it('takes a completed follow-up off the list and keeps focus in the section', async () => {
    await render('account_manager', 1, [followUp(7, 1, { overdue: true, dueDate: addDays(today, -1) })]);
    expect(element().textContent).toContain('Myöhässä');
    (element().querySelector('button[data-done="7"]') as HTMLButtonElement).click();
    http.expectOne('/api/follow-ups/7/complete').flush(followUp(7, 1, { status: 'done', version: 2 }));
    await fixture.whenStable();
    expect(element().querySelector('[data-follow-up="7"]')).toBeNull();
    expect(document.activeElement?.id).toBe('follow-ups-heading');
    expect(changes).toBe(1);
  });
});
