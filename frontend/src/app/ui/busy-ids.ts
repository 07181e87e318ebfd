import { ElementRef, Injector, afterNextRender, inject, signal } from '@angular/core';

/** The rows (by id) that have a request under way; their buttons wait until it is answered. */
export class BusyIds {
  private readonly ids = signal<ReadonlySet<number>>(new Set());

  has(id: number): boolean {
    return this.ids().has(id);
  }

  set(id: number, busy: boolean): void {
    this.ids.update((ids) => {
      const next = new Set(ids);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }
}

/**
 * A function that focuses the component's element matching a selector once the view has rendered:
 * for keeping a keyboard user's place when the focused control moves or goes away. Call in an
 * injection context.
 */
export function injectFocusAfterRender(): (selector: string) => void {
  const host = inject<ElementRef<HTMLElement>>(ElementRef);
  const injector = inject(Injector);
  return (selector) =>
    afterNextRender(() => host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), { injector });
}
