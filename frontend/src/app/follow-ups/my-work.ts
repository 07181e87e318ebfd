import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { MAX_PAGE_SIZE, helsinkiDate, type ApiError, type FollowUpDto } from '@tyoelama/shared';

import { BehaviorSubject } from 'rxjs';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { BusyIds, injectFocusAfterRender } from '../ui/busy-ids';
import { followLoads } from '../ui/follow-loads';
import { LoadStatus } from '../ui/load-status';
import { Auth } from '../core/auth';
import { FOLLOW_UP_GROUPS, type FollowUpGroup, groupFollowUps } from './follow-up-groups';
import { type FollowUpChange, FollowUpRow } from './follow-up-row';
import { FollowUpsApi } from './follow-ups-api';

interface Status {
  message: string;
  /** The follow-up that was just closed, while it can still be reopened. */
  undo?: FollowUpDto;
}

/**
 * /my-work: the signed-in user's open follow-ups by due date, closed with one click (undoable),
 * rescheduled, edited or handed to someone else.
 */
@Component({
  selector: 'app-my-work',
  imports: [RouterLink, MatButton, TranslatePipe, LoadStatus, FollowUpRow],
  templateUrl: './my-work.html',
  styleUrls: ['../ui/follow-up-items.scss', './my-work.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyWork {
  private readonly api = inject(FollowUpsApi);
  private readonly focus = injectFocusAfterRender();
  private readonly me = inject(Auth).me;

  protected readonly i18n = inject(I18n);

  protected readonly items = signal<FollowUpDto[]>([]);
  protected readonly total = signal(0);
  protected readonly status = signal<Status | null>(null);
  protected readonly busy = new BusyIds();
  private readonly today = signal(helsinkiDate());

  /** `?due=overdue` (the dashboard's overdue figure links here): only that section, with a way back. */
  readonly due = input<string | undefined>();
  protected readonly onlyGroup = computed(() => {
    const due = this.due();
    return FOLLOW_UP_GROUPS.find((group) => group === due) ?? null;
  });

  protected readonly sections = computed(() => {
    const groups = groupFollowUps(this.items(), this.today());
    const only = this.onlyGroup();
    const shown: readonly FollowUpGroup[] = only ? [only] : FOLLOW_UP_GROUPS;
    return shown.map((key) => ({ key, items: groups[key] }));
  });

  /** Each value loads the list again (a stale action reloads it). */
  private readonly reloads = new BehaviorSubject<void>(undefined);
  protected readonly load = followLoads(
    this.reloads,
    () => this.api.list({ assignee: 'me', status: 'open', limit: MAX_PAGE_SIZE }),
    (page) => {
      if (!page) return;
      this.today.set(helsinkiDate());
      this.items.set(page.items);
      this.total.set(page.total);
    },
  );

  /** What a row did: closed ones go (with undo), moved ones move, handed-over ones leave the list. */
  protected applyChange(change: FollowUpChange): void {
    const updated = change.updated;
    if (!updated) {
      this.status.set({ message: change.message });
      if (change.stale) this.reloads.next();
      return;
    }
    const stillMine = updated.status === 'open' && updated.assigneeId === this.me()?.id;
    if (stillMine) {
      this.items.update((items) => items.map((item) => (item.id === updated.id ? updated : item)));
      this.status.set({ message: change.message });
      return;
    }
    this.items.update((items) => items.filter((existing) => existing.id !== updated.id));
    this.total.update((total) => Math.max(0, total - 1));
    const closed = change.action === 'complete' || change.action === 'cancel';
    this.status.set(closed ? { message: change.message, undo: updated } : { message: change.message });
    // The row is gone with the control that was used: put the user on the undo or the status instead.
    this.focus(closed ? '.status button.undo' : '.status button.dismiss');
  }

  protected undoLast(): void {
    const closed = this.status()?.undo;
    if (!closed) return;
    this.busy.set(closed.id, true);
    this.api.act(closed, 'reopen').subscribe({
      next: (reopened) => {
        this.busy.set(closed.id, false);
        this.items.update((items) => [...items.filter((item) => item.id !== reopened.id), reopened]);
        this.total.update((total) => total + 1);
        this.status.set({ message: this.i18n.t('myWork.undone', { title: reopened.title }) });
        this.focus(`[data-done="${reopened.id}"]`);
      },
      error: (error: ApiError) => {
        this.busy.set(closed.id, false);
        this.showActionError(error);
      },
    });
  }

  protected dismissStatus(): void {
    this.status.set(null);
  }

  /** 409: someone else completed, cancelled or edited it meanwhile; the list they see is out of date. */
  private showActionError(error: ApiError): void {
    if (error.statusCode === 409) {
      this.status.set({ message: this.i18n.t('myWork.stale') });
      this.reloads.next();
    } else {
      this.status.set({ message: this.i18n.t('common.actionFailed', { message: this.i18n.apiError(error) }) });
    }
  }
}
