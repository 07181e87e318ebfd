import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { formatFinnishDate, type ApiError, type CalendarFeedDto } from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { CalendarFeedApi } from './calendar-feed-api';

/** /settings/calendar: the user's own iCalendar feed of follow-ups. */
@Component({
  selector: 'app-calendar-feed',
  imports: [MatButton, TranslatePipe],
  templateUrl: './calendar-feed.html',
  styleUrl: './calendar-feed.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CalendarFeed {
  private readonly api = inject(CalendarFeedApi);
  protected readonly i18n = inject(I18n);
  protected readonly formatDate = formatFinnishDate;
  private readonly urlInput = viewChild<ElementRef<HTMLInputElement>>('urlInput');

  protected readonly feed = signal<CalendarFeedDto | null>(null);
  protected readonly loading = signal(true);
  protected readonly working = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  /** Shown once, right after the POST; never fetched again. */
  protected readonly url = signal<string | null>(null);
  protected readonly message = signal('');

  constructor() {
    this.api.get().subscribe({
      next: (feed) => {
        this.feed.set(feed);
        this.loading.set(false);
      },
      error: (error: ApiError) => {
        this.error.set(error);
        this.loading.set(false);
      },
    });
  }

  protected createFeed(): void {
    this.working.set(true);
    this.error.set(null);
    this.message.set('');
    this.api.create().subscribe({
      next: (feed) => {
        this.working.set(false);
        this.feed.set({ ...feed, url: null });
        this.url.set(feed.url);
        this.message.set(this.i18n.t('calendarFeed.created'));
        // Move focus to the new address so a keyboard or screen reader user lands on it.
        setTimeout(() => this.urlInput()?.nativeElement.focus());
      },
      error: (error: ApiError) => {
        this.working.set(false);
        this.error.set(error);
      },
    });
  }

  protected revokeFeed(): void {
    this.working.set(true);
    this.error.set(null);
    this.message.set('');
    this.api.revoke().subscribe({
      next: () => {
        this.working.set(false);
        this.feed.set({ active: false, url: null, createdAt: null });
        this.url.set(null);
        this.message.set(this.i18n.t('calendarFeed.revoked'));
      },
      error: (error: ApiError) => {
        this.working.set(false);
        this.error.set(error);
      },
    });
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
