import { ChangeDetectionStrategy, Component, booleanAttribute, input } from '@angular/core';
import type { ApiError } from '@tyoelama/shared';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import { ApiErrorPipe } from '../core/i18n/api-error-pipe';
import { Skeleton, type SkeletonShape } from './skeleton';

/**
 * A page's or section's load state: the failure, "loading", or (projected) what was loaded. `live`
 * announces every change in a polite live region (a list or report that reloads as filters change);
 * without it the failure is an alert and "loading" a status, said once. With `skeleton`, loading
 * shows placeholder shapes instead of the word, and the region is `aria-busy` until it is done
 * (a live region then announces the result once, not each step).
 */
@Component({
  selector: 'app-load-status',
  imports: [ApiErrorPipe, TranslatePipe, Skeleton],
  template: `
    <div
      [attr.aria-live]="live() ? 'polite' : null"
      [attr.aria-atomic]="live() ? 'true' : null"
      [attr.aria-busy]="loading() && skeleton() ? 'true' : null"
    >
      @if (error(); as error) {
        <p class="form-error" [attr.role]="live() ? null : 'alert'">
          {{ failed() | t: { message: (error | apiError) } }}
        </p>
      } @else if (loading()) {
        @if (skeleton(); as shape) {
          <app-skeleton [shape]="shape" [announce]="!live()" />
        } @else {
          <p class="muted" [attr.role]="live() ? null : 'status'">{{ 'app.loading' | t }}</p>
        }
      } @else {
        <ng-content />
      }
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadStatus {
  readonly error = input<ApiError | null>(null);
  readonly loading = input(false);
  readonly live = input(false, { transform: booleanAttribute });
  /** Translation key of the failure, with the API's message as `{message}`. */
  readonly failed = input('common.loadFailed');
  /** Placeholder shapes of the coming content while loading, instead of the word. */
  readonly skeleton = input<SkeletonShape | null>(null);
}
