import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { RouterLinks } from './router-links';

@Component({
  imports: [RouterLinks],
  template: `
    <div appRouterLinks>
      <a class="row" href="/employers/7"><span>Hämeen Auto</span></a>
      <a class="file" href="/api/exports/employers.csv" download>CSV</a>
      <a class="tab" href="/employers/8" target="_blank">Uusi välilehti</a>
      <a class="away" href="https://example.fi/">Muualle</a>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {}

describe('RouterLinks', () => {
  function render() {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const click = (selector: string, init: MouseEventInit = {}) => {
      const event = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init });
      (fixture.nativeElement as HTMLElement).querySelector(selector)!.dispatchEvent(event);
      return event;
    };
    return { navigate, click };
  }

  it('follows a plain click on an in-app link (or on what it contains) with the router', () => {
    const { navigate, click } = render();
    const event = click('.row span');
    expect(event.defaultPrevented).toBe(true);
    expect(navigate).toHaveBeenCalledWith('/employers/7');
  });

  it('leaves modified clicks, new windows, downloads and other sites to the browser', () => {
    const { navigate, click } = render();
    const left = [
      click('.row', { ctrlKey: true }),
      click('.row', { metaKey: true }),
      click('.row', { shiftKey: true }),
      click('.row', { button: 1 }),
      click('.file'),
      click('.tab'),
      click('.away'),
    ];
    // jsdom does not follow links: only whether the event was taken over matters here.
    expect(left.map((event) => event.defaultPrevented)).toEqual([false, false, false, false, false, false, false]);
    expect(navigate).not.toHaveBeenCalled();
  });
});
