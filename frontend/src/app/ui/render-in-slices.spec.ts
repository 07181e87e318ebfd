import { ApplicationRef, ChangeDetectionStrategy, Component, computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { FIRST_SLICE, NEXT_SLICE, renderInSlices } from './render-in-slices';

@Component({
  template: `@for (item of visible(); track item) {
    <li>{{ item }}</li>
  }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class SlicedList {
  readonly items = signal<readonly number[]>([]);
  private readonly shown = renderInSlices(computed(() => this.items().length));
  readonly visible = computed(() => this.items().slice(0, this.shown()));
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);

describe('renderInSlices', () => {
  function render(items: readonly number[]) {
    const fixture = TestBed.createComponent(SlicedList);
    fixture.componentInstance.items.set(items);
    fixture.detectChanges();
    const rows = () => fixture.nativeElement.querySelectorAll('li').length as number;
    return { fixture, rows };
  }

  it('renders the first slice with the page and the rest a slice per task', async () => {
    const { fixture, rows } = render(range(20));
    expect(rows()).toBe(FIRST_SLICE);

    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    expect(rows()).toBe(FIRST_SLICE + NEXT_SLICE);

    await fixture.whenStable();
    expect(rows()).toBe(20);
  });

  it('renders a later, longer list whole: no row the user is on goes away', async () => {
    const { fixture, rows } = render(range(8));
    await fixture.whenStable();
    expect(rows()).toBe(8);

    fixture.componentInstance.items.set(range(30));
    fixture.detectChanges();
    expect(rows()).toBe(30);
  });

  it('waits for the data: an empty first list does not end the slicing', async () => {
    const { fixture, rows } = render([]);
    await fixture.whenStable();
    fixture.componentInstance.items.set(range(12));
    fixture.detectChanges();
    expect(rows()).toBe(FIRST_SLICE);
    await fixture.whenStable();
    expect(rows()).toBe(12);
  });

  it('stops when the list goes away', async () => {
    const { fixture } = render(range(50));
    fixture.destroy();
    // Nothing left pending: the app is stable (this would time out otherwise).
    await expect(TestBed.inject(ApplicationRef).whenStable()).resolves.toBeUndefined();
  });
});
