import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import { formatFinnishDate, helsinkiDate, type FollowUpDto } from '@tyoelama/shared';

import { addDays } from '../core/dates';
import { renderComponent } from '../testing/app';
import { followUpDto, page, userWithRole } from '../testing/data';
import { flushApiError } from '../testing/http';
import { MyWork } from './my-work';

const today = helsinkiDate();
const LIST_URL = '/api/follow-ups?assignee=me&status=open&limit=200';

const followUp = (id: number, title: string, dueDate: string, version = 1): FollowUpDto =>
  followUpDto(id, { title, dueDate, version });

const list = [
  followUp(1, 'Soita rehtorille', addDays(today, -2), 3),
  followUp(2, 'Lähetä sopimus', today),
  followUp(3, 'Työpaikkakäynti', addDays(today, 3)),
];

describe('MyWork', () => {
  let fixture: ComponentFixture<MyWork>;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, http } = await renderComponent(MyWork, {
      noAnimations: true,
      signedIn: userWithRole('account_manager', { id: 1 }),
    }));
  });

  afterEach(() => http.verify());

  function headings(): string[] {
    return [...(fixture.nativeElement as HTMLElement).querySelectorAll('h2')].map((h) => h.textContent?.trim() ?? '');
  }

  function doneButton(id: number): HTMLButtonElement {
    return fixture.nativeElement.querySelector(`button[data-done="${id}"]`) as HTMLButtonElement;
  }

  function statusText(): string {
    return (
      (fixture.nativeElement.querySelector('.status') as HTMLElement).textContent?.replace(/\s+/g, ' ').trim() ?? ''
    );
  }

  async function load(items = list): Promise<void> {
    http.expectOne(LIST_URL).flush(page(items));
    await fixture.whenStable();
  }

  it('groups open follow-ups by due date with counts, links and Finnish dates', async () => {
    await load();
    expect(headings()).toEqual(['Myöhässä (1)', 'Tänään (1)', 'Tällä viikolla (1)', 'Myöhemmin (0)']);
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain(`Eräpäivä ${formatFinnishDate(list[0].dueDate)}`);
    expect(text).toContain('Ei myöhemmin erääntyviä.');
    const link = fixture.nativeElement.querySelector('a[href="/employers/11"]') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('Työnantaja 1');
  });

  it('shows only the overdue section for ?due=overdue (the dashboard drill-down), with a link to all', async () => {
    fixture.componentRef.setInput('due', 'overdue');
    await load();
    expect(headings()).toEqual(['Myöhässä (1)']);
    expect(fixture.nativeElement.querySelector('.only-group a')?.getAttribute('href')).toBe('/my-work');
    fixture.componentRef.setInput('due', 'no-such-group');
    await fixture.whenStable();
    expect(headings()).toHaveLength(4);
  });

  it('says so when nothing is open', async () => {
    await load([]);
    expect(fixture.nativeElement.textContent).toContain('Ei avoimia jatkotoimenpiteitä.');
  });

  it('completes with one click and the version it has, then undoes by reopening', async () => {
    await load();
    doneButton(1).click();
    const complete = http.expectOne({ method: 'POST', url: '/api/follow-ups/1/complete' });
    expect(complete.request.body).toEqual({ version: 3 });
    complete.flush({ ...list[0], status: 'done', version: 4 });
    await fixture.whenStable();

    expect(doneButton(1)).toBeNull();
    expect(headings()[0]).toBe('Myöhässä (0)');
    expect(statusText()).toContain('Merkitty valmiiksi: Soita rehtorille');
    const undo = fixture.nativeElement.querySelector('.status button.undo') as HTMLButtonElement;
    expect(document.activeElement).toBe(undo);

    undo.click();
    const reopen = http.expectOne('/api/follow-ups/1/reopen');
    expect(reopen.request.body).toEqual({ version: 4 });
    reopen.flush({ ...list[0], version: 5 });
    await fixture.whenStable();

    expect(headings()[0]).toBe('Myöhässä (1)');
    expect(statusText()).toContain('Palautettu avoimeksi: Soita rehtorille');
    expect(document.activeElement).toBe(doneButton(1));
  });

  it('cancels from the small menu', async () => {
    await load();
    (fixture.nativeElement.querySelectorAll('button.more')[1] as HTMLButtonElement).click();
    await fixture.whenStable();
    const cancel = [...document.querySelectorAll('button[mat-menu-item]')].find((b) =>
      b.textContent?.includes('Peru jatkotoimenpide'),
    ) as HTMLButtonElement;
    cancel.click();
    const request = http.expectOne('/api/follow-ups/2/cancel');
    expect(request.request.body).toEqual({ version: 1 });
    request.flush({ ...list[1], status: 'cancelled', version: 2 });
    await fixture.whenStable();
    expect(headings()[1]).toBe('Tänään (0)');
    expect(statusText()).toContain('Peruttu: Lähetä sopimus');
  });

  it('reloads the list and explains when someone else changed the follow-up (409)', async () => {
    await load();
    doneButton(2).click();
    flushApiError(http.expectOne('/api/follow-ups/2/complete'), 409, {
      code: 'STALE_VERSION',
      current: { ...list[1], version: 2 },
    });
    await fixture.whenStable();
    expect(statusText()).toContain('Joku muu muutti jatkotoimenpidettä sillä välin. Tiedot on päivitetty.');

    await load([list[0], list[2]]);
    expect(headings()).toEqual(['Myöhässä (1)', 'Tänään (0)', 'Tällä viikolla (1)', 'Myöhemmin (0)']);
  });

  it('reschedules in place, moving the follow-up to its new section', async () => {
    await load();
    (fixture.nativeElement.querySelector('button[data-reschedule="2"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const input = fixture.nativeElement.querySelector('#reschedule-2') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    input.value = addDays(today, 20);
    input.dispatchEvent(new Event('input'));
    (input.form!.querySelector('button[type="submit"]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/follow-ups/2');
    expect(request.request.body).toEqual({ dueDate: addDays(today, 20), version: 1 });
    request.flush({ ...list[1], dueDate: addDays(today, 20), version: 2 });
    await fixture.whenStable();
    expect(headings()).toEqual(['Myöhässä (1)', 'Tänään (0)', 'Tällä viikolla (1)', 'Myöhemmin (1)']);
    expect(statusText()).toContain(`Siirretty ${formatFinnishDate(addDays(today, 20))}: Lähetä sopimus`);
  });

  it('hands a follow-up to someone else from its menu, and it leaves the list', async () => {
    await load();
    (fixture.nativeElement.querySelectorAll('button.more')[2] as HTMLButtonElement).click();
    await fixture.whenStable();
    (document.querySelector('button[mat-menu-item].edit') as HTMLButtonElement).click();
    await fixture.whenStable();
    http.expectOne('/api/employers/13/follow-up-assignees').flush([
      { id: 1, displayName: 'Aino Asiakas', role: 'account_manager' },
      { id: 5, displayName: 'Kalle Kampus', role: 'campus_member' },
    ]);
    await fixture.whenStable();
    (document.querySelector('mat-select[formcontrolname=assigneeId] .mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    const options = [...document.querySelectorAll<HTMLElement>('mat-option')];
    expect(options.map((option) => option.textContent?.trim())).toEqual(['Minä (Aino Asiakas)', 'Kalle Kampus']);
    options[1].click();
    await fixture.whenStable();
    (document.querySelector('app-follow-up-dialog button[type="submit"]') as HTMLButtonElement).click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/follow-ups/3' });
    expect(request.request.body).toEqual({
      version: 1,
      title: 'Työpaikkakäynti',
      notes: null,
      dueDate: addDays(today, 3),
      assigneeId: 5,
    });
    request.flush({ ...list[2], assigneeId: 5, assigneeName: 'Kalle Kampus', version: 2 });
    await fixture.whenStable();
    expect(headings()[2]).toBe('Tällä viikolla (0)');
    expect(statusText()).toContain('Siirretty henkilölle Kalle Kampus: Työpaikkakäynti');
  });
});
