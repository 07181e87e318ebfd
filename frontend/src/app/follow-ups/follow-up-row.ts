import { ChangeDetectionStrategy, Component, Injector, computed, inject, input, output, signal } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import { type ApiError, addDays, type FollowUpDto, formatFinnishDate, helsinkiDate } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { injectFocusAfterRender } from '../ui/busy-ids';
import { canChangeFollowUp } from './follow-up-rights';
import { FollowUpsApi } from './follow-ups-api';

export type FollowUpRowAction = 'complete' | 'reschedule' | 'edit' | 'cancel';

/** What happened to a row's follow-up, for the list around it to show and apply. */
export interface FollowUpChange {
  action: FollowUpRowAction;
  /** The follow-up as saved; null when the request was refused. */
  updated: FollowUpDto | null;
  message: string;
  /** 409: someone changed it meanwhile, so the list is out of date and should load again. */
  stale: boolean;
}

/**
 * One follow-up with what the caller may do to it: done, reschedule in place, and from its menu
 * edit (text, due date, assignee) or cancel. The home page, My work and the employer page list
 * their follow-ups with it; each decides what a change does to its list.
 */
@Component({
  selector: 'app-follow-up-row',
  imports: [RouterLink, MatButton, MatIconButton, MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger, TranslatePipe],
  templateUrl: './follow-up-row.html',
  styleUrl: './follow-up-row.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpRow {
  private readonly api = inject(FollowUpsApi);
  private readonly injector = inject(Injector);
  private readonly me = inject(Auth).me;
  private readonly focus = injectFocusAfterRender();
  protected readonly i18n = inject(I18n);
  protected readonly formatDate = formatFinnishDate;

  readonly item = input.required<FollowUpDto>();
  /** The employer's name as a link (off on the employer's own page). */
  readonly showEmployer = input(true);
  /** Whose it is (on when the list holds others' follow-ups too). */
  readonly showAssignee = input(false);
  /** Whether the menu offers cancelling. */
  readonly allowCancel = input(false);
  readonly changed = output<FollowUpChange>();

  protected readonly canChange = computed(() => canChangeFollowUp(this.me(), this.item()));
  protected readonly busy = signal(false);
  /** The new date typed so far while the reschedule form is open. */
  protected readonly rescheduleDate = signal<string | null>(null);
  protected readonly dateError = signal(false);

  protected completeFollowUp(): void {
    this.run('complete', this.api.act(this.item(), 'complete'), (done) =>
      this.i18n.t('followUps.completed', { title: done.title }),
    );
  }

  protected cancelFollowUp(): void {
    this.run('cancel', this.api.act(this.item(), 'cancel'), (cancelled) =>
      this.i18n.t('followUps.cancelled', { title: cancelled.title }),
    );
  }

  protected openReschedule(): void {
    // A week from the later of today and the old date: the usual "call again next week".
    const today = helsinkiDate();
    const due = this.item().dueDate;
    this.rescheduleDate.set(addDays(due > today ? due : today, 7));
    this.dateError.set(false);
    this.focus('input[type="date"]');
  }

  protected closeReschedule(): void {
    this.rescheduleDate.set(null);
    this.focus('[data-reschedule]');
  }

  protected saveReschedule(): void {
    const date = this.rescheduleDate() ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      this.dateError.set(true);
      this.focus('input[type="date"]');
      return;
    }
    this.run('reschedule', this.api.update(this.item(), { dueDate: date }), (moved) =>
      this.i18n.t('followUps.rescheduled', { title: moved.title, date: formatFinnishDate(moved.dueDate) }),
    );
  }

  protected editFollowUp(): void {
    const before = this.item();
    void import('./open-follow-up-dialog').then(({ openFollowUpDialog }) =>
      openFollowUpDialog(this.injector, {
        employer: { id: before.employerId, name: before.employerName },
        followUp: before,
      }).subscribe((saved) => {
        // The menu item that opened the dialog is gone: back to the row's menu button.
        this.focus('.more');
        if (!saved) return;
        const message =
          saved.assigneeId !== before.assigneeId
            ? this.i18n.t('followUps.reassigned', { title: saved.title, name: saved.assigneeName })
            : this.i18n.t('followUps.saved', { title: saved.title });
        this.changed.emit({ action: 'edit', updated: saved, message, stale: false });
      }),
    );
  }

  private run(
    action: FollowUpRowAction,
    request: Observable<FollowUpDto>,
    message: (updated: FollowUpDto) => string,
  ): void {
    this.busy.set(true);
    request.subscribe({
      next: (updated) => {
        this.busy.set(false);
        this.rescheduleDate.set(null);
        this.changed.emit({ action, updated, message: message(updated), stale: false });
      },
      error: (error: ApiError) => {
        this.busy.set(false);
        const stale = error.statusCode === 409;
        this.changed.emit({
          action,
          updated: null,
          message: stale
            ? this.i18n.t('followUps.stale')
            : this.i18n.t('common.actionFailed', { message: this.i18n.apiError(error) }),
          stale,
        });
      },
    });
  }
}
