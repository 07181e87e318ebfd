import { CdkDropList } from '@angular/cdk/drag-drop';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { By } from '@angular/platform-browser';
import { provideRouter } from '@angular/router';
import { OPPORTUNITY_STAGES, type Me, type OpportunityDto, type OpportunityStage } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { apiErrorInterceptor } from '../core/error-interceptor';
import { PipelineBoard } from './pipeline-board';

const manager: Me = {
  id: 1,
  email: 'aino@example.fi',
  displayName: 'Aino Asiakas',
  role: 'account_manager',
  campusGroupIds: [],
  locale: 'fi',
};

function opportunity(
  id: number,
  stage: OpportunityStage,
  expectedPlaces: number | null = 2,
  version = 1,
): OpportunityDto {
  return {
    id,
    employerId: 100 + id,
    employerName: `Yritys ${id}`,
    title: `Mahdollisuus ${id}`,
    type: 'training_agreement',
    expectedPlaces,
    expectedStart: null,
    campusGroupId: 2,
    campusGroupName: 'Tekniikka',
    ownerId: 1,
    ownerName: 'Aino Asiakas',
    stage,
    lostReason: null,
    notes: null,
    stageChangedAt: '',
    createdAt: '',
    updatedAt: '',
    version,
  };
}

const board: Record<OpportunityStage, OpportunityDto[]> = {
  identified: [opportunity(1, 'identified', 3, 4), opportunity(2, 'identified', 5)],
  contacted: [opportunity(3, 'contacted', null)],
  negotiating: [],
  agreed: [],
  won: [],
  lost: [],
};

describe('PipelineBoard', () => {
  let fixture: ComponentFixture<PipelineBoard>;
  let http: HttpTestingController;

  async function render(me: Me = manager, query: Record<string, string> = {}): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [PipelineBoard],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        { provide: Auth, useValue: { me: signal(me).asReadonly() } },
        { provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PipelineBoard);
    for (const [name, value] of Object.entries(query)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    http
      .expectOne('/api/campus-groups?limit=200')
      .flush({ items: [{ id: 2, name: 'Tekniikka' }], total: 1, nextCursor: null });
    const suffix = Object.entries(query)
      .map(([name, value]) => `&${name}=${value}`)
      .join('');
    for (const stage of OPPORTUNITY_STAGES) {
      http
        .expectOne(`/api/opportunities?stage=${stage}${suffix}&limit=200`)
        .flush({ items: board[stage], total: stage === 'identified' ? 12 : board[stage].length, nextCursor: null });
    }
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }

  function column(stage: OpportunityStage): HTMLElement {
    return fixture.nativeElement.querySelector(`section[data-stage="${stage}"]`) as HTMLElement;
  }

  function titlesIn(stage: OpportunityStage): string[] {
    return [...column(stage).querySelectorAll('h3')].map((h) => h.textContent?.trim() ?? '');
  }

  function announced(): string {
    return (fixture.nativeElement.querySelector('.announcer') as HTMLElement).textContent?.trim() ?? '';
  }

  async function openMoveMenu(id: number): Promise<void> {
    (fixture.nativeElement.querySelector(`button[data-move="${id}"]`) as HTMLButtonElement).click();
    await settle();
  }

  function menuItem(text: string): HTMLButtonElement {
    const item = [...document.querySelectorAll<HTMLButtonElement>('button[mat-menu-item]')].find(
      (b) => b.textContent?.trim() === text,
    );
    if (!item) throw new Error(`No menu item ${text}`);
    return item;
  }

  function drop(id: number, from: OpportunityStage, to: OpportunityStage): void {
    const lists = fixture.debugElement.queryAll(By.directive(CdkDropList));
    const target = lists.find((list) => (list.injector.get(CdkDropList).data as OpportunityStage) === to)!;
    const source = lists.find((list) => (list.injector.get(CdkDropList).data as OpportunityStage) === from)!;
    const item = Object.values(board)
      .flat()
      .find((card) => card.id === id)!;
    target.triggerEventHandler('cdkDropListDropped', {
      item: { data: item },
      container: target.injector.get(CdkDropList),
      previousContainer: source.injector.get(CdkDropList),
      currentIndex: 0,
      previousIndex: 0,
      isPointerOverContainer: true,
    });
  }

  afterEach(() => {
    TestBed.inject(MatDialog).closeAll();
    http.verify();
  });

  it('shows each stage with its total count and the sum of expected places', async () => {
    await render();
    expect(column('identified').textContent).toContain('12 kpl, 8 opiskelijapaikkaa');
    expect(column('identified').textContent).toContain('Näytetään 2 / 12');
    expect(column('contacted').textContent).toContain('1 kpl, 0 opiskelijapaikkaa');
    expect(column('contacted').textContent).toContain('Paikkamäärä ei tiedossa');
    expect(column('negotiating').textContent).toContain('Ei mahdollisuuksia.');
  });

  it('passes the filters from the URL to every column', async () => {
    await render(manager, { campusGroupId: '2', type: 'apprenticeship' });
    expect(titlesIn('identified')).toEqual(['Mahdollisuus 1', 'Mahdollisuus 2']);
  });

  it('shows only the stage a dashboard figure drilled into, with a way back to all stages', async () => {
    await render();
    fixture.componentRef.setInput('stage', 'contacted');
    await settle();
    const shown = Array.from(fixture.nativeElement.querySelectorAll('[data-stage]') as NodeListOf<HTMLElement>).map(
      (element) => element.dataset['stage'],
    );
    expect(shown).toEqual(['contacted']);
    expect(fixture.nativeElement.textContent).toContain('Näytetään vain vaihe Yhteydessä.');
    expect(fixture.nativeElement.textContent).toContain('Näytä kaikki vaiheet');
  });

  it('moves a dropped card at once and saves the stage with the version', async () => {
    await render();
    drop(1, 'identified', 'negotiating');
    await settle();
    expect(titlesIn('negotiating')).toEqual(['Mahdollisuus 1']);
    expect(titlesIn('identified')).toEqual(['Mahdollisuus 2']);

    const request = http.expectOne('/api/opportunities/1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ version: 4, stage: 'negotiating' });
    request.flush({ ...board.identified[0], stage: 'negotiating', version: 5 });
    await settle();
    expect(announced()).toBe('Siirretty vaiheeseen Neuvottelu');
    expect(column('negotiating').textContent).toContain('1 kpl');
  });

  it('moves by keyboard from the card menu, keeps focus on the card and announces the move', async () => {
    await render();
    await openMoveMenu(2);
    menuItem('Siirrä vaiheeseen Neuvottelu').click();
    await settle();

    const request = http.expectOne('/api/opportunities/2');
    expect(request.request.body).toEqual({ version: 1, stage: 'negotiating' });
    request.flush({ ...board.identified[1], stage: 'negotiating', version: 2 });
    await settle();
    expect(announced()).toBe('Siirretty vaiheeseen Neuvottelu');
    expect(document.activeElement).toBe(column('negotiating').querySelector('button[data-move="2"]'));
  });

  it('puts the card back when the save fails', async () => {
    await render();
    drop(3, 'contacted', 'agreed');
    await settle();
    http
      .expectOne('/api/opportunities/3')
      .flush(
        { statusCode: 500, error: 'Internal', message: 'x', code: 'INTERNAL' },
        { status: 500, statusText: 'Internal' },
      );
    await settle();
    expect(titlesIn('contacted')).toEqual(['Mahdollisuus 3']);
    expect(titlesIn('agreed')).toEqual([]);
    expect(announced()).toContain('Siirto epäonnistui');
  });

  it('shows the current card and says so when someone else changed it (409)', async () => {
    await render();
    drop(1, 'identified', 'contacted');
    await settle();
    const current = { ...board.identified[0], title: 'Uusi otsikko', stage: 'agreed' as const, version: 6 };
    http
      .expectOne('/api/opportunities/1')
      .flush(
        { statusCode: 409, error: 'Conflict', message: 'Stale', code: 'STALE_VERSION', current },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(titlesIn('agreed')).toEqual(['Uusi otsikko']);
    expect(titlesIn('identified')).toEqual(['Mahdollisuus 2']);
    expect(titlesIn('contacted')).toEqual(['Mahdollisuus 3']);
    expect(announced()).toContain('Joku muu muutti mahdollisuutta "Mahdollisuus 1" sillä välin.');
  });

  it('asks for the reason before moving a card to lost', async () => {
    await render();
    drop(2, 'identified', 'lost');
    await settle();
    http.expectNone('/api/opportunities/2');
    const reason = document.querySelector('#lost-reason') as HTMLTextAreaElement;
    expect(reason).not.toBeNull();

    (document.querySelector('app-lost-reason-dialog form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle();
    expect(document.querySelector('app-lost-reason-dialog mat-error')?.textContent?.trim()).toBe('Pakollinen tieto.');
    http.expectNone('/api/opportunities/2');

    reason.value = 'Ei ohjaajaa';
    reason.dispatchEvent(new Event('input'));
    (document.querySelector('app-lost-reason-dialog form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle();
    const request = http.expectOne('/api/opportunities/2');
    expect(request.request.body).toEqual({ version: 1, stage: 'lost', lostReason: 'Ei ohjaajaa' });
    request.flush({ ...board.identified[1], stage: 'lost', lostReason: 'Ei ohjaajaa', version: 2 });
    await settle();
    expect(column('lost').textContent).toContain('Syy: Ei ohjaajaa');
  });

  it('is read-only for leadership: no moving, no new opportunity', async () => {
    await render({ ...manager, role: 'leadership' });
    expect(fixture.nativeElement.querySelector('button[data-move]')).toBeNull();
    expect(fixture.nativeElement.textContent).not.toContain('Uusi mahdollisuus');
    expect(fixture.nativeElement.textContent).toContain('Sinulla on lukuoikeus.');
    const lists = fixture.debugElement.queryAll(By.directive(CdkDropList));
    expect(lists.every((list) => list.injector.get(CdkDropList).disabled)).toBe(true);
    drop(1, 'identified', 'won');
    await settle();
    http.expectNone('/api/opportunities/1');
    expect(titlesIn('identified')).toContain('Mahdollisuus 1');
  });

  it('creates a new opportunity with the shared schema and shows it in its column', async () => {
    await render();
    [...(fixture.nativeElement as HTMLElement).querySelectorAll('button')]
      .find((b) => b.textContent?.trim() === 'Uusi mahdollisuus')!
      .click();
    await settle();
    const form = document.querySelector('app-opportunity-dialog form') as HTMLFormElement;
    form.dispatchEvent(new Event('submit'));
    await settle();
    const errors = [...document.querySelectorAll('app-opportunity-dialog mat-error')].map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Pakollinen tieto.', 'Pakollinen tieto.', 'Pakollinen tieto.']);
    http.expectNone('/api/opportunities');
  });
});
