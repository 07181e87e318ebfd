import { CdkDropList } from '@angular/cdk/drag-drop';
import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { By } from '@angular/platform-browser';
import {
  OPEN_STAGES,
  OPPORTUNITY_STAGES,
  type OpportunityDto,
  type OpportunityStage,
  type OpportunityStageTotalDto,
  type Role,
} from '@tyoelama/shared';

import { renderComponent } from '../testing/app';
import { campusGroup, page, userWithRole } from '../testing/data';
import { flushApiError } from '../testing/http';
import { PipelineBoard } from './pipeline-board';

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
  won: [opportunity(4, 'won', 1)],
  lost: [],
};

// What the API counts: more identified than the first page shows, and closed ones in folded columns.
const totals: OpportunityStageTotalDto[] = OPPORTUNITY_STAGES.map((stage, index) => {
  const [count, places] = [
    [12, 30],
    [1, 0],
    [0, 0],
    [0, 0],
    [7, 9],
    [3, 4],
  ][index];
  return { stage, count: count, places: places };
});

describe('PipelineBoard', () => {
  let fixture: ComponentFixture<PipelineBoard>;
  let http: HttpTestingController;

  async function render(role: Role = 'account_manager', query: Record<string, string> = {}): Promise<void> {
    ({ fixture, http } = await renderComponent(PipelineBoard, {
      signedIn: userWithRole(role),
      noAnimations: true,
      inputs: query,
    }));
    http.expectOne('/api/campus-groups?limit=200').flush(page([campusGroup(2, 'Tekniikka', 'Keskusta')]));
    const filters = Object.entries(query)
      .filter(([name]) => name !== 'stage')
      .map(([name, value]) => `${name}=${value}`);
    http.expectOne(['/api/opportunities/stage-totals', filters.join('&')].filter(Boolean).join('?')).flush(totals);
    const suffix = filters.map((filter) => `&${filter}`).join('');
    for (const stage of OPEN_STAGES) {
      http
        .expectOne(`/api/opportunities?stage=${stage}${suffix}&limit=10`)
        .flush(page(board[stage], stage === 'identified' ? 'next-identified' : null, board[stage].length));
    }
    await settle();
  }

  function card(id: number): HTMLElement {
    return fixture.nativeElement.querySelector(`[data-card="${id}"]`) as HTMLElement;
  }

  async function press(target: HTMLElement, key: string): Promise<void> {
    target.focus();
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    await settle();
  }

  function nameOf(element: Element): string {
    const ids = element.getAttribute('aria-labelledby')?.split(' ') ?? [];
    return ids.map((id) => document.getElementById(id)?.textContent?.trim() ?? '').join(' ');
  }

  function toggle(stage: OpportunityStage): HTMLButtonElement {
    return column(stage).querySelector('h2 button') as HTMLButtonElement;
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
      (b) => b.querySelector('.mat-mdc-menu-item-text')?.firstChild?.textContent?.trim() === text,
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

  it('shows each stage with the count and expected places the API totals', async () => {
    await render();
    expect(column('identified').textContent).toContain('12 kpl, 30 opiskelijapaikkaa');
    expect(column('identified').textContent).toContain('Näytetään 2 / 12');
    expect(column('contacted').textContent).toContain('1 kpl, 0 opiskelijapaikkaa');
    expect(column('contacted').textContent).toContain('Paikkamäärä ei tiedossa');
    expect(column('negotiating').textContent).toContain('Ei mahdollisuuksia.');
  });

  it('passes the filters from the URL to every column', async () => {
    await render('account_manager', { campusGroupId: '2', type: 'apprenticeship' });
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

    const request = http.expectOne({ method: 'PATCH', url: '/api/opportunities/1' });
    expect(request.request.body).toEqual({ version: 4, stage: 'negotiating' });
    request.flush({ ...board.identified[0], stage: 'negotiating', version: 5 });
    await settle();
    expect(announced()).toBe('Mahdollisuus 1 siirretty vaiheeseen Neuvottelu. Vaiheessa nyt 1 kpl.');
    expect(column('negotiating').textContent).toContain('1 kpl, 3 opiskelijapaikkaa');
    expect(column('identified').textContent).toContain('11 kpl, 27 opiskelijapaikkaa');
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
    expect(announced()).toBe('Mahdollisuus 2 siirretty vaiheeseen Neuvottelu. Vaiheessa nyt 1 kpl.');
    expect(document.activeElement).toBe(column('negotiating').querySelector('[data-card="2"]'));
  });

  it('puts the card back when the save fails', async () => {
    await render();
    drop(3, 'contacted', 'agreed');
    await settle();
    flushApiError(http.expectOne('/api/opportunities/3'), 500, { code: 'INTERNAL' });
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
    flushApiError(http.expectOne('/api/opportunities/1'), 409, { code: 'STALE_VERSION', current });
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
    expect(column('lost').textContent).toContain('4 kpl, 9 opiskelijapaikkaa');
    toggle('lost').click();
    await settle();
    http
      .expectOne('/api/opportunities?stage=lost&limit=10')
      .flush(page([{ ...board.identified[1], stage: 'lost', lostReason: 'Ei ohjaajaa' }]));
    await settle();
    expect(column('lost').textContent).toContain('Syy: Ei ohjaajaa');
  });

  it("folds the won and lost columns at first, with their counts, and fetches a column's cards when it opens", async () => {
    await render();
    expect(toggle('won').getAttribute('aria-expanded')).toBe('false');
    expect(toggle('lost').getAttribute('aria-expanded')).toBe('false');
    expect(toggle('identified').getAttribute('aria-expanded')).toBe('true');
    expect(column('won').textContent).toContain('7 kpl, 9 opiskelijapaikkaa');
    expect(titlesIn('won')).toEqual([]);

    toggle('won').click();
    await settle();
    http.expectOne('/api/opportunities?stage=won&limit=10').flush(page(board.won, null, 7));
    await settle();
    expect(toggle('won').getAttribute('aria-expanded')).toBe('true');
    expect(titlesIn('won')).toEqual(['Mahdollisuus 4']);

    // Folding again and reopening shows what was fetched, without asking again.
    toggle('won').click();
    await settle();
    expect(titlesIn('won')).toEqual([]);
    toggle('won').click();
    await settle();
    expect(titlesIn('won')).toEqual(['Mahdollisuus 4']);
  });

  it('shows ten cards at a time: "show more" fetches the next page and focuses its first card', async () => {
    await render();
    expect(column('contacted').querySelector('.show-more')).toBeNull();
    const more = column('identified').querySelector('.show-more') as HTMLButtonElement;
    expect(more.textContent?.trim()).toBe('Näytä lisää: Tunnistettu');
    more.click();
    await settle();
    http
      .expectOne('/api/opportunities?stage=identified&cursor=next-identified&limit=10')
      .flush(page([opportunity(2, 'identified', 5), opportunity(5, 'identified', 1)], null, 12));
    await settle();
    expect(titlesIn('identified')).toEqual(['Mahdollisuus 1', 'Mahdollisuus 2', 'Mahdollisuus 5']);
    expect(document.activeElement).toBe(card(5));
    expect(column('identified').querySelector('.show-more')).toBeNull();
  });

  it("names every card and its Move button by the opportunity's title", async () => {
    await render();
    expect(nameOf(card(1))).toBe('Mahdollisuus 1');
    expect(card(1).getAttribute('tabindex')).toBe('0');
    expect(card(1).getAttribute('aria-keyshortcuts')).toBe('1 2 3 4 5 6');
    const moveNames = [...fixture.nativeElement.querySelectorAll('button[data-move]')].map((b) =>
      (b as HTMLElement).textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(moveNames).toEqual(['Siirrä: Mahdollisuus 1', 'Siirrä: Mahdollisuus 2', 'Siirrä: Mahdollisuus 3']);
    // The region of a column is named by its stage alone.
    expect(nameOf(column('lost'))).toBe('Menetetty');
  });

  it("moves a focused card with the stage's number key, keeps focus on it and announces the move", async () => {
    await render();
    await press(card(2), '3');
    const request = http.expectOne('/api/opportunities/2');
    expect(request.request.body).toEqual({ version: 1, stage: 'negotiating' });
    expect(document.activeElement).toBe(card(2));
    expect(column('negotiating').contains(card(2))).toBe(true);
    request.flush({ ...board.identified[1], stage: 'negotiating', version: 2 });
    await settle();
    expect(announced()).toBe('Mahdollisuus 2 siirretty vaiheeseen Neuvottelu. Vaiheessa nyt 1 kpl.');

    // Its own stage's number, a modified digit or a key inside the card moves nothing.
    await press(card(2), '3');
    card(2).dispatchEvent(new KeyboardEvent('keydown', { key: '1', ctrlKey: true, bubbles: true }));
    (card(2).querySelector('a') as HTMLElement).dispatchEvent(
      new KeyboardEvent('keydown', { key: '1', bubbles: true }),
    );
    await settle();
    http.expectNone('/api/opportunities/2');
  });

  it('moves a card into a folded column by key and leaves focus on the card that took its place', async () => {
    await render();
    await press(card(1), '5');
    http.expectOne('/api/opportunities/1').flush({ ...board.identified[0], stage: 'won', version: 5 });
    await settle();
    expect(document.activeElement).toBe(card(2));
    expect(column('won').textContent).toContain('8 kpl, 12 opiskelijapaikkaa');
    expect(announced()).toBe('Mahdollisuus 1 siirretty vaiheeseen Toteutunut. Vaiheessa nyt 8 kpl.');
  });

  it('asks for the reason when the lost number is pressed, and gives focus back when cancelled', async () => {
    await render();
    await press(card(3), '6');
    expect(document.querySelector('#lost-reason')).not.toBeNull();
    http.expectNone('/api/opportunities/3');
    TestBed.inject(MatDialog).closeAll();
    await settle();
    expect(document.activeElement).toBe(card(3));
  });

  it('goes from card to card with the arrow keys', async () => {
    await render();
    await press(card(1), 'ArrowDown');
    expect(document.activeElement).toBe(card(2));
    await press(card(2), 'ArrowRight');
    expect(document.activeElement).toBe(card(3));
    await press(card(3), 'ArrowLeft');
    expect(document.activeElement).toBe(card(1));
    await press(card(1), 'ArrowUp');
    expect(document.activeElement).toBe(card(1));
  });

  it('is read-only for leadership: no moving, no new opportunity', async () => {
    await render('leadership');
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
