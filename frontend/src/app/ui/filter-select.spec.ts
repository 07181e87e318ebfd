import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MATERIAL_ANIMATIONS } from '@angular/material/core';

import { FilterSelect } from './filter-select';
import { FiltersForm } from './filters-form';

interface Filters {
  status: string | null;
  size: number | null;
}

@Component({
  imports: [FiltersForm, FilterSelect],
  template: `
    <form appFilters [filters]="filters()" (filtersChange)="patches.push($event)">
      <app-filter-select key="status" label="employers.list.status" [options]="statuses()" />
    </form>
    <app-filter-select label="employers.list.tag" name="size" [options]="sizes" [(value)]="size" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly filters = signal<Filters>({ status: 'active', size: null });
  readonly patches: Partial<Filters>[] = [];
  readonly statuses = signal([
    { value: 'active', label: 'Aktiivinen' },
    { value: 'prospect', label: 'Prospekti' },
  ]);
  readonly sizes = [{ value: 10, label: 'Kymmenen' }];
  readonly size = signal<number | null>(null);
}

describe('FilterSelect', () => {
  async function render() {
    TestBed.configureTestingModule({
      providers: [{ provide: MATERIAL_ANIMATIONS, useValue: { animationsDisabled: true } }],
    });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return fixture;
  }

  async function pick(fixture: Awaited<ReturnType<typeof render>>, name: string, label: string): Promise<void> {
    const select = (fixture.nativeElement as HTMLElement).querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
    const option = [...select.options].find((candidate) => candidate.textContent?.trim() === label);
    select.value = option!.value;
    select.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  function shown(fixture: Awaited<ReturnType<typeof render>>, name: string): string | undefined {
    const select = (fixture.nativeElement as HTMLElement).querySelector<HTMLSelectElement>(`select[name=${name}]`)!;
    return select.selectedOptions[0]?.textContent?.trim();
  }

  it('shows the value the form holds under its key and sends a choice as a patch of the filters', async () => {
    const fixture = await render();
    expect(shown(fixture, 'status')).toBe('Aktiivinen');
    const label = (fixture.nativeElement as HTMLElement).querySelector('select[name=status]')?.closest('label');
    expect(label?.textContent).toContain('Tila');

    await pick(fixture, 'status', 'Kaikki');
    expect(fixture.componentInstance.patches).toEqual([{ status: null }]);

    await pick(fixture, 'status', 'Prospekti');
    expect(fixture.componentInstance.patches).toEqual([{ status: null }, { status: 'prospect' }]);
  });

  it('outside a filter form binds its value both ways', async () => {
    const fixture = await render();
    await pick(fixture, 'size', 'Kymmenen');
    expect(fixture.componentInstance.size()).toBe(10);
    expect(fixture.componentInstance.patches).toEqual([]);
  });

  it('follows the filters (Back, Forward) and options that arrive after the value', async () => {
    const fixture = await render();
    const host = fixture.componentInstance;
    host.filters.set({ status: 'prospect', size: null });
    await fixture.whenStable();
    expect(shown(fixture, 'status')).toBe('Prospekti');

    // A value whose option is not loaded yet shows "all" until it is.
    host.filters.set({ status: 'partner', size: null });
    await fixture.whenStable();
    expect(shown(fixture, 'status')).toBe('Kaikki');
    host.statuses.update((statuses) => [...statuses, { value: 'partner', label: 'Kumppani' }]);
    await fixture.whenStable();
    expect(shown(fixture, 'status')).toBe('Kumppani');
  });
});
