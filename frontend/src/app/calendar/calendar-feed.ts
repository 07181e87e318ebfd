import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { CalendarFeedDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { CalendarFeedApi } from './calendar-feed-api';
import { FinnishDatePipe } from '../ui/finnish-date-pipe';
import { loadOnce } from '../ui/follow-loads';
import { PendingRequest } from '../ui/pending-request';
import { ApiErrorPipe } from '../core/i18n/api-error-pipe';

/** /settings/calendar: the user's own iCalendar feed of follow-ups. */
@Component({
  selector: 'app-calendar-feed',
  imports: [ApiErrorPipe, FinnishDatePipe, MatButton, TranslatePipe],
  templateUrl: './calendar-feed.html',
  styleUrl: './calendar-feed.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarFeed {
  private readonly api = inject(CalendarFeedApi);
  protected readonly i18n = inject(I18n);
  private readonly urlInput = viewChild<ElementRef<HTMLInputElement>>('urlInput');

  protected readonly feed = signal<CalendarFeedDto | null>(null);
  protected readonly load = loadOnce(
    () => this.api.get(),
    (feed) => this.feed.set(feed),
  );
  protected readonly change = new PendingRequest();
  /** A failed load leaves nothing to change, so at most one of them has failed. */
  protected readonly error = computed(() => this.load.error() ?? this.change.error());
  /** Shown once, right after the POST; never fetched again. */
  protected readonly url = signal<string | null>(null);
  protected readonly message = signal('');

  protected createFeed(): void {
    this.send(this.api.create(), (feed) => {
      this.feed.set({ ...feed, url: null });
      this.url.set(feed.url);
      this.message.set(this.i18n.t('calendarFeed.created'));
      // Move focus to the new address so a keyboard or screen reader user lands on it.
      setTimeout(() => this.urlInput()?.nativeElement.focus());
    });
  }

  protected revokeFeed(): void {
    this.send(this.api.revoke(), () => {
      this.feed.set({ active: false, url: null, createdAt: null });
      this.url.set(null);
      this.message.set(this.i18n.t('calendarFeed.revoked'));
    });
  }

  /** Sends a change with the buttons held and the last message cleared; a failure shows as the error. */
  private send<T>(request: Observable<T>, done: (answer: T) => void): void {
    this.message.set('');
    this.change.send(request, done);
  }

  protected async copyUrl(): Promise<void> {
    const url = this.url();
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.message.set(this.i18n.t('calendarFeed.copied'));
    } catch {
      this.urlInput()?.nativeElement.select();
      this.message.set(this.i18n.t('calendarFeed.copyFailed'));
    }
  }
}
