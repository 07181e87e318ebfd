import { type HttpInterceptorFn } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { NavigationCancel, NavigationEnd, NavigationError, ResolveEnd, Router } from '@angular/router';
import { from, switchMap } from 'rxjs';

/** Longest a request is held when the browser paints no frame (a tab opened in the background). */
const MAX_HOLD_MS = 100;

/**
 * The moment the app's first page has been painted once. Until then the page's requests wait: on a
 * fast connection their answers would otherwise come before that first paint, and the page would
 * show nothing, not even its heading, until its data was rendered as well, which on a slow phone is
 * the longest task of the start. It costs the first page one frame; later pages are not held.
 * Only what the page asks for once it is being shown waits: never a guard's or resolver's request,
 * which the navigation itself waits for.
 */
@Injectable({ providedIn: 'root' })
export class FirstPagePaint {
  private readonly router = inject(Router);
  private activating = false;
  private pending = true;

  readonly painted: Promise<void> = new Promise((resolve) => {
    const subscription = this.router.events.subscribe((event) => {
      if (event instanceof ResolveEnd) this.activating = true;
      if (!(event instanceof NavigationEnd || event instanceof NavigationCancel || event instanceof NavigationError)) {
        return;
      }
      subscription.unsubscribe();
      const release = (): void => {
        this.pending = false;
        resolve();
      };
      // A task after the next frame: what the navigation rendered is on screen by then.
      requestAnimationFrame(() => setTimeout(release));
      setTimeout(release, MAX_HOLD_MS);
    });
  });

  /** Whether a request made now must wait. */
  holds(): boolean {
    return this.activating && this.pending;
  }
}

export const firstPagePaintInterceptor: HttpInterceptorFn = (request, next) => {
  const firstPaint = inject(FirstPagePaint);
  return firstPaint.holds() ? from(firstPaint.painted).pipe(switchMap(() => next(request))) : next(request);
};
