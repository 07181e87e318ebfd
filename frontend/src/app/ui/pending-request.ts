import { signal } from '@angular/core';
import type { ApiError } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

/**
 * A request sent from a button outside a form (a form's go through `FormSubmission`): whether it is
 * on its way, to hold the button, and why the last one failed.
 */
export class PendingRequest {
  readonly pending = signal(false);
  readonly error = signal<ApiError | null>(null);

  /** Sends the request with the last failure cleared; `done` gets the answer, a failure stays in `error`. */
  send<T>(request: Observable<T>, done: (answer: T) => void): void {
    this.pending.set(true);
    this.error.set(null);
    request.subscribe({
      next: (answer) => {
        this.pending.set(false);
        done(answer);
      },
      error: (error: ApiError) => {
        this.pending.set(false);
        this.error.set(error);
      },
    });
  }
}
