import { renderComponent } from '../testing/app';
import { ActivityChart } from './activity-chart';
import { FunnelChart } from './funnel-chart';
import { activityReport, stageTotals } from './reports.testing';

const totals = stageTotals({
  identified: [12, 30],
  contacted: [8, 20],
  negotiating: [1250, 1500],
  won: [3, 9],
  lost: [2, 0],
});

const activity = activityReport(
  {
    '2025-12-29': { phone: 2, email: 1 },
    '2026-01-05': {},
    '2026-01-12': { phone: 3, workplace_visit: 2 },
    '2026-01-19': { meeting: 1 },
  },
  { from: '2026-01-01', to: '2026-01-21', granularity: 'week' },
);

function cells(row: Element): string[] {
  return [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '');
}

describe('FunnelChart', () => {
  it('names the chart with a summary of every stage and gives the figures as a table', async () => {
    const { fixture } = await renderComponent(FunnelChart, { inputs: { totals } });
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
    const { fixture } = await renderComponent(FunnelChart, {
      inputs: { totals, linkFor: (stage: string) => ({ path: '/pipeline', queryParams: { stage, campusGroupId: 2 } }) },
    });
    const links = [...(fixture.nativeElement as HTMLElement).querySelectorAll('tbody a')];
    expect(links).toHaveLength(6);
    expect(links[2]?.getAttribute('href')).toBe('/pipeline?stage=negotiating&campusGroupId=2');
    // WCAG 2.5.3: the name starts with the visible count.
    expect(links[2]?.textContent?.trim()).toBe('1\u00a0250');
    expect(links[2]?.getAttribute('aria-label')).toBe('1\u00a0250 mahdollisuutta, avaa vaihe Neuvottelu');
  });
});

describe('ActivityChart', () => {
  it('summarises the period in its accessible name and stacks one bar segment per type', async () => {
    const { fixture } = await renderComponent(ActivityChart, { inputs: { activity } });
    const svg = (fixture.nativeElement as HTMLElement).querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      'Pinottu pylväskaavio: 9 yhteydenottoa ajanjaksolla 1.1.2026–21.1.2026; eniten puhelu.',
    );
    // 2 + 0 + 2 + 1 segments.
    expect(svg.querySelectorAll('rect')).toHaveLength(5);
  });

  it('gives the same numbers in a table behind a "show as a table" disclosure', async () => {
    const { fixture } = await renderComponent(ActivityChart, { inputs: { activity } });
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
    const { fixture } = await renderComponent(ActivityChart, {
      inputs: {
        activity: { ...activity, rows: [], buckets: activity.buckets.map((bucket) => ({ ...bucket, total: 0 })) },
      },
    });
    expect((fixture.nativeElement as HTMLElement).querySelector('svg')?.getAttribute('aria-label')).toBe(
      'Pylväskaavio: ei yhteydenottoja ajanjaksolla 1.1.2026–21.1.2026.',
    );
  });
});
