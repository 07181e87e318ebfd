import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ApiError, RegisterRefreshStateDto } from '@tyoelama/shared';
import { type Subscription, switchMap, takeWhile, timer } from 'rxjs';

import { toApiError } from '../core/api-error';
import { ApiErrorPipe } from '../core/i18n/api-error-pipe';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { FinnishDatePipe } from '../ui/finnish-date-pipe';
import { PageHeader } from '../ui/page-header';
import { BusinessRegisterApi } from './business-register-api';

/** How often the screen asks how far the job has got while it runs. */
export const REFRESH_POLL_MS = 2_000;

/** The admins' "refresh from YTJ": starts the job and follows its progress (it runs on the server). */
@Component({
  selector: 'app-register-refresh',
  imports: [MatButton, RouterLink, TranslatePipe, ApiErrorPipe, FinnishDatePipe, PageHeader],
  templateUrl: './register-refresh.html',
  styleUrl: './register-refresh.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RegisterRefresh {
  private readonly api = inject(BusinessRegisterApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly i18n = inject(I18n);

  protected readonly state = signal<RegisterRefreshStateDto | null>(null);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly starting = signal(false);
  protected readonly job = computed(() => this.state()?.job ?? null);
  protected readonly running = computed(() => this.job()?.status === 'running');
  /** Employers added during the run are checked too: the bar never shows more than full. */
  protected readonly percent = computed(() => {
    const job = this.job();
    if (!job) return 0;
    return job.total === 0 ? 100 : Math.min(100, Math.round((job.progress / job.total) * 100));
  });
  private polling: Subscription | undefined;

  constructor() {
    this.api
      .refreshState()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (state) => this.follow(state),
        error: (error: unknown) => this.error.set(toApiError(error)),
      });
  }

  protected startRefresh(): void {
    this.error.set(null);
    this.starting.set(true);
    this.api.startRefresh().subscribe({
      next: (state) => {
        this.starting.set(false);
        this.follow(state);
      },
      error: (error: unknown) => {
        this.starting.set(false);
        this.error.set(toApiError(error));
      },
    });
  }

  /** Shows the state and, while the job runs, asks again every REFRESH_POLL_MS until it ends. */
  private follow(state: RegisterRefreshStateDto): void {
    this.state.set(state);
    if (state.job?.status !== 'running') return;
    this.polling?.unsubscribe();
    this.polling = timer(REFRESH_POLL_MS, REFRESH_POLL_MS)
      .pipe(
        switchMap(() => this.api.refreshState()),
        takeWhile((next) => next.job?.status === 'running', true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (next) => this.state.set(next),
        error: (error: unknown) => this.error.set(toApiError(error)),
      });
  }
}
