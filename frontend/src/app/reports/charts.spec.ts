import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ActivityDto, PipelineStageTotalDto } from '@tyoelama/shared';

import { ActivityChart } from './activity-chart';
import { FunnelChart } from './funnel-chart';

const totals: PipelineStageTotalDto[] = [
  { stage: 'identified', count: 12, places: 30 },
  { stage: 'contacted', count: 8, places: 20 },
  { stage: 'negotiating', count: 1250, places: 1500 },
  { stage: 'agreed', count: 0, places: 0 },
  { stage: 'won', count: 3, places: 9 },
  { stage: 'lost', count: 2, places: 0 },
];

const activity: ActivityDto = {
  from: '2026-01-01',
  to: '2026-01-21',
  granularity: 'week',
  buckets: [
    { start: '2025-12-29', total: 3 },
    { start: '2026-01-05', total: 0 },
    { start: '2026-01-12', total: 5 },
    { start: '2026-01-19', total: 1 },
  ],
  rows: [
    { bucket: '2025-12-29', type: 'phone', count: 2 },
    { bucket: '2025-12-29', type: 'email', count: 1 },
    { bucket: '2026-01-12', type: 'phone', count: 3 },
    { bucket: '2026-01-12', type: 'workplace_visit', count: 2 },
    { bucket: '2026-01-19', type: 'meeting', count: 1 },
  ],
  byCampusGroup: [
    { campusGroupId: 2, campusGroupName: 'Sote', type: 'phone', count: 2 },
    { campusGroupId: 1, campusGroupName: 'Tekniikka', type: 'phone', count: 3 },
  ],
  followUps: { open: 0, overdue: 0, done: 0, doneOnTime: 0, onTimePercent: null },
  noContact: { days90: 0, days180: 0 },
};

function cells(row: Element): string[] {
  return [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '');
}

describe('FunnelChart', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  it('names the chart with a summary of every stage and gives the figures as a table', async () => {
    const fixture = TestBed.createComponent(FunnelChart);
    fixture.componentRef.setInput('totals', totals);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;

    const svg = element.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const label = svg.getAttribute('aria-label')!;
    expect(label).toContain('Tunnistettu 12 kpl, 30 paikkaa');
    expect(label).toContain('Neuvottelu 1\u00a0250 kpl, 1\u00a0500 paikkaa');
    expect(svg.querySelectorAll('rect.bar')).toHaveLength(6);

    const table = element.querySelector('table')!;
    expect(table.querySelector('caption')?.textContent?.trim()).toBe('Mahdollisuudet ja opiskelijapaikat vaiheittain');
    expect([...table.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.querySelector('th')?.getAttribute('scope'))).toEqual(Array(6).fill('row'));
    expect(cells(rows[0])).toEqual(['Tunnistettu', '12', '30']);
    expect(cells(rows[5])).toEqual(['Menetetty', '2', '0']);
    // Without a link function the figures are plain text.
    expect(table.querySelector('a')).toBeNull();
  });

  it('links each stage figure to the list behind it', async () => {
    const fixture = TestBed.createComponent(FunnelChart);
    fixture.componentRef.setInput('totals', totals);
    fixture.componentRef.setInput('linkFor', (stage: string) => ({
      path: '/pipeline',
      queryParams: { stage, campusGroupId: 2 },
    }));
    await fixture.whenStable();
    const links = [...(fixture.nativeElement as HTMLElement).querySelectorAll('tbody a')];
    expect(links).toHaveLength(6);
    expect(links[2]?.getAttribute('href')).toBe('/pipeline?stage=negotiating&campusGroupId=2');
    expect(links[2]?.getAttribute('aria-label')).toBe('Avaa vaihe Neuvottelu: 1\u00a0250 mahdollisuutta');
  });
});

describe('ActivityChart', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({});
  });

  it('summarises the period in its accessible name and stacks one bar segment per type', async () => {
    const fixture = TestBed.createComponent(ActivityChart);
    fixture.componentRef.setInput('activity', activity);
    await fixture.whenStable();
    const svg = (fixture.nativeElement as HTMLElement).querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Pinottu pylväskaavio: 9 yhteydenottoa ajanjaksolla 1.1.2026–21.1.2026; eniten puhelu.',
    );
    // 2 + 0 + 2 + 1 segments.
    expect(svg.querySelectorAll('rect')).toHaveLength(5);
  });

  it('gives the same numbers in a table behind a "show as a table" disclosure', async () => {
    const fixture = TestBed.createComponent(ActivityChart);
    fixture.componentRef.setInput('activity', activity);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('details summary')?.textContent?.trim()).toBe('Näytä taulukkona');
    const table = element.querySelector('details table')!;
    expect(table.querySelector('caption')?.textContent?.trim()).toBe('Yhteydenotot jaksoittain ja tyypeittäin');
    expect(cells(table.querySelector('thead tr')!)).toEqual([
      'Jakso alkaen',
      'Puhelu',
      'Sähköposti',
      'Tapaaminen',
      'Työpaikkakäynti',
      'Tapahtuma',
      'Muu',
      'Yhteensä',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(cells(rows[0])).toEqual(['29.12.2025', '2', '1', '0', '0', '0', '0', '3']);
    expect(cells(rows[2])).toEqual(['12.1.2026', '3', '0', '0', '2', '0', '0', '5']);
  });

  it('says so when there were no contacts', async () => {
    const fixture = TestBed.createComponent(ActivityChart);
    fixture.componentRef.setInput('activity', {
      ...activity,
      rows: [],
      buckets: activity.buckets.map((bucket) => ({ ...bucket, total: 0 })),
    });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Pylväskaavio: ei yhteydenottoja ajanjaksolla 1.1.2026–21.1.2026.',
    );
  });
});
