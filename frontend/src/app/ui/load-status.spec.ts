import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import type { ApiError } from '@tyoelama/shared';

import { renderComponent } from '../testing/app';
import { LoadStatus } from './load-status';
import type { SkeletonShape } from './skeleton';

@Component({
  imports: [LoadStatus],
  template: `
    <app-load-status [live]="live()" [loading]="loading()" [error]="error()" [skeleton]="skeleton()">
      <p class="loaded">Valmis</p>
    </app-load-status>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly live = signal(false);
  readonly loading = signal(true);
  readonly error = signal<ApiError | null>(null);
  readonly skeleton = signal<SkeletonShape | null>('table');
}

describe('LoadStatus', () => {
  async function render(setUp: (host: Host) => void = () => undefined) {
    const { fixture } = await renderComponent(Host);
    setUp(fixture.componentInstance);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const region = () => element.querySelector('app-load-status > div') as HTMLElement;
    return { fixture, element, region };
  }

  it('shows placeholder shapes while loading, hidden from screen readers, which get "loading" as text', async () => {
    const { element, region } = await render();
    expect(region().getAttribute('aria-busy')).toBe('true');
    const shapes = element.querySelector('app-skeleton .shapes') as HTMLElement;
    expect(shapes.getAttribute('aria-hidden')).toBe('true');
    expect(shapes.querySelectorAll('.bone').length).toBeGreaterThan(3);
    const spoken = element.querySelector('app-skeleton .visually-hidden') as HTMLElement;
    expect(spoken.textContent?.trim()).toBe('Ladataan…');
    // Said once in a status region; nothing shows the word itself.
    expect(spoken.getAttribute('role')).toBe('status');
    expect(element.querySelector('p.muted')).toBeNull();
  });

  it('in a live region, leaves the announcing to the region and is no longer busy once loaded', async () => {
    const { fixture, element, region } = await render((host) => host.live.set(true));
    expect(region().getAttribute('aria-live')).toBe('polite');
    expect(element.querySelector('app-skeleton .visually-hidden')?.getAttribute('role')).toBeNull();
    fixture.componentInstance.loading.set(false);
    await fixture.whenStable();
    expect(region().getAttribute('aria-busy')).toBeNull();
    expect(element.querySelector('app-skeleton')).toBeNull();
    expect(element.querySelector('.loaded')?.textContent).toBe('Valmis');
  });

  it('imitates the layout it stands in for', async () => {
    const { fixture, element } = await render((host) => host.skeleton.set('tiles'));
    expect(element.querySelector('.shapes')?.getAttribute('data-shape')).toBe('tiles');
    expect(element.querySelectorAll('.tile')).toHaveLength(4);
    fixture.componentInstance.skeleton.set('page');
    await fixture.whenStable();
    expect(element.querySelector('.shapes .title')).not.toBeNull();
  });

  it('without a skeleton says "loading" in words, and shows a failure instead of shapes', async () => {
    const { fixture, element, region } = await render((host) => host.skeleton.set(null));
    expect(element.querySelector('p.muted')?.textContent?.trim()).toBe('Ladataan…');
    expect(region().getAttribute('aria-busy')).toBeNull();
    fixture.componentInstance.skeleton.set('table');
    fixture.componentInstance.error.set({ statusCode: 500, error: 'x', message: 'Palvelinvirhe', code: 'INTERNAL' });
    await fixture.whenStable();
    expect(element.querySelector('app-skeleton')).toBeNull();
    expect(element.querySelector('.form-error')?.getAttribute('role')).toBe('alert');
  });
});
