import { DOCUMENT } from '@angular/common';
import { Directive, inject } from '@angular/core';
import { Router } from '@angular/router';

/**
 * Follows a plain click (or Enter) on an in-app link inside the host (`<a [href]="…">`) with the
 * router, as `routerLink` would: no page load. Modified clicks (new tab, new window) and links with
 * `target` or `download` are left to the browser.
 *
 * For long lists: a `routerLink` on each of a list's 50 rows built a URL tree per row and followed
 * the router's events, a visible part of the list's first render on a phone's CPU.
 */
@Directive({
  selector: '[appRouterLinks]',
  host: { '(click)': 'follow($event)' },
})
export class RouterLinks {
  private readonly router = inject(Router);
  private readonly origin = inject(DOCUMENT).location.origin;

  protected follow(event: MouseEvent): void {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.ctrlKey ||
      event.metaKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || link.origin !== this.origin) return;
    if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return;
    event.preventDefault();
    void this.router.navigateByUrl(link.pathname + link.search + link.hash);
  }
}
