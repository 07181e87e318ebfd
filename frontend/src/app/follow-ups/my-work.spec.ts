import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { provideRouter } from '@angular/router';
import { formatFinnishDate, helsinkiDate, type FollowUpDto } from '@tyoelama/shared';

import { apiErrorInterceptor } from '../core/error-interceptor';
import { addDays } from '../core/dates';
import { MyWork } from './my-work';

const today = helsinkiDate();
const LIST_URL = '/api/follow-ups?assignee=me&status=open&limit=200';

function followUp(id: number, title: string, dueDate: string, version = 1): FollowUpDto {
  return {
    id,
    employerId: 10 + id,
    employerName: `Työnantaja ${id}`,
    contactEntryId: null,
    title,
    notes: null,
    dueDate,
    assigneeId: 1,
    assigneeName: 'Aino Asiakas',
    status: 'open',
    completedAt: null,
    completedByName: null,
    createdById: 1,
    createdAt: '',
    updatedAt: '',
    version,
    overdue: dueDate < today,
  };
}

const list = [
  followUp(1, 'Soita rehtorille', addDays(today, -2), 3),
  followUp(2, 'Lähetä sopimus', today),
  followUp(3, 'Työpaikkakäynti', addDays(today, 3)),
];

describe('MyWork', () => {
  let fixture: ComponentFixture<MyWork>;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [MyWork],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyWork);
    await fixture.whenStable();
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
    http.expectOne(LIST_URL).flush({ items, total: items.length, nextCursor: null });
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
    const complete = http.expectOne('/api/follow-ups/1/complete');
    expect(complete.request.method).toBe('POST');
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
    http.expectOne('/api/follow-ups/2/complete').flush(
      {
        statusCode: 409,
        error: 'Conflict',
        message: 'Stale',
        code: 'STALE_VERSION',
        current: { ...list[1], version: 2 },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await fixture.whenStable();
    expect(statusText()).toContain('Joku muu muutti jatkotoimenpidettä sillä välin. Lista on päivitetty.');

    await load([list[0], list[2]]);
    expect(headings()).toEqual(['Myöhässä (1)', 'Tänään (0)', 'Tällä viikolla (1)', 'Myöhemmin (0)']);
  });
});
