import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { RouterLink } from '@angular/router';
import {
  MAX_PAGE_SIZE,
  formatFinnishDate,
  helsinkiDate,
  type ApiError,
  type FollowUpDto,
  type FollowUpAction,
} from '@tyoelama/shared';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { FOLLOW_UP_GROUPS, type FollowUpGroup, groupFollowUps } from './follow-up-groups';
import { FollowUpsApi } from './follow-ups-api';

interface Status {
  message: string;
  /** The follow-up that was just closed, while it can still be reopened. */
  undo?: FollowUpDto;
}

/** /my-work: the signed-in user's open follow-ups by due date, closed with one click and undoable. */
@Component({
  selector: 'app-my-work',
  imports: [RouterLink, MatButton, MatIconButton, MatMenu, MatMenuItem, MatMenuTrigger, MatMenuContent, TranslatePipe],
  templateUrl: './my-work.html',
  styleUrl: './my-work.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyWork {
  private readonly api = inject(FollowUpsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly i18n = inject(I18n);
  protected readonly formatDate = formatFinnishDate;

  protected readonly items = signal<FollowUpDto[]>([]);
  protected readonly total = signal(0);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly status = signal<Status | null>(null);
  protected readonly busyIds = signal<ReadonlySet<number>>(new Set());
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

  constructor() {
    this.load();
  }

  protected completeFollowUp(item: FollowUpDto): void {
    this.act(item, 'complete', 'myWork.completed');
  }

  protected cancelFollowUp(item: FollowUpDto): void {
    this.act(item, 'cancel', 'myWork.cancelled');
  }

  protected undoLast(): void {
    const closed = this.status()?.undo;
    if (!closed) return;
    this.setBusy(closed.id, true);
    this.api.act(closed, 'reopen').subscribe({
      next: (reopened) => {
        this.setBusy(closed.id, false);
        this.items.update((items) => [...items.filter((item) => item.id !== reopened.id), reopened]);
        this.total.update((total) => total + 1);
        this.status.set({ message: this.i18n.t('myWork.undone', { title: reopened.title }) });
        this.focus(`[data-done="${reopened.id}"]`);
      },
      error: (error: ApiError) => {
        this.setBusy(closed.id, false);
        this.showActionError(error);
      },
    });
  }

  protected dismissStatus(): void {
    this.status.set(null);
  }

  protected isBusy(id: number): boolean {
    return this.busyIds().has(id);
  }

  private act(item: FollowUpDto, action: FollowUpAction, messageKey: string): void {
    this.setBusy(item.id, true);
    this.api.act(item, action).subscribe({
      next: (updated) => {
        this.setBusy(item.id, false);
        this.items.update((items) => items.filter((existing) => existing.id !== item.id));
        this.total.update((total) => Math.max(0, total - 1));
        this.status.set({ message: this.i18n.t(messageKey, { title: updated.title }), undo: updated });
        // The clicked button is gone with its row: put the user on the undo instead of the top of the page.
        this.focus('.status button.undo');
      },
      error: (error: ApiError) => {
        this.setBusy(item.id, false);
        this.showActionError(error);
      },
    });
  }

  /** 409: someone else completed, cancelled or edited it meanwhile; the list they see is out of date. */
  private showActionError(error: ApiError): void {
    if (error.statusCode === 409) {
      this.status.set({ message: this.i18n.t('myWork.stale') });
      this.load();
    } else {
      this.status.set({ message: this.i18n.t('myWork.actionFailed', { message: this.i18n.apiError(error) }) });
    }
  }

  private load(): void {
    this.loading.set(true);
    this.loadError.set(null);
    this.api.list({ assignee: 'me', status: 'open', limit: MAX_PAGE_SIZE }).subscribe({
      next: (page) => {
        this.today.set(helsinkiDate());
        this.items.set(page.items);
        this.total.set(page.total);
        this.loading.set(false);
      },
      error: (error: ApiError) => {
        this.loadError.set(error);
        this.loading.set(false);
      },
    });
  }

  private setBusy(id: number, busy: boolean): void {
    this.busyIds.update((ids) => {
      const next = new Set(ids);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  private focus(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
