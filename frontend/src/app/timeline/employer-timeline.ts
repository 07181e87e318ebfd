import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { formatFinnishDate, rightOf, type ApiError, type Page, type TimelineItem } from '@tyoelama/shared';

type ContactEntryItem = Extract<TimelineItem, { kind: 'contact_entry' }>;
import type { Subscription } from 'rxjs';

import { Auth } from '../core/auth';
import { ContactLog } from '../core/contact-log';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { type AuditValueFormat, fieldLabelKey, formatAuditValue, localDateTime } from './audit-values';
import { TimelineApi } from './timeline-api';

/** A changed field as the history lists it: its label, and its value before and after. */
interface ShownChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

const PAGE_SIZE = 20;

/** The employer's history, newest first: contacts, follow-ups, stage changes and edits. */
@Component({
  selector: 'app-employer-timeline',
  imports: [MatButton, TranslatePipe],
  templateUrl: './employer-timeline.html',
  styleUrl: './employer-timeline.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerTimeline {
  private readonly api = inject(TimelineApi);
  private readonly contactLog = inject(ContactLog);
  private readonly me = inject(Auth).me;
  protected readonly i18n = inject(I18n);
  protected formatDateTime(value: string): string {
    return localDateTime(value, this.i18n.locale());
  }
  private readonly valueFormat: AuditValueFormat = {
    has: (key) => this.i18n.has(key),
    t: (key) => this.i18n.t(key),
    dateTime: (value) => this.formatDateTime(value),
  };

  readonly employerId = input.required<number>();
  /** Any change reloads the first page (something new happened on the page). */
  readonly refresh = input(0);

  protected readonly items = signal<TimelineItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);
  /** An edit or delete the API refused (or that could not start). */
  protected readonly actionError = signal<ApiError | null>(null);
  private readonly heading = viewChild.required<ElementRef<HTMLElement>>('heading');
  private request: Subscription | null = null;

  constructor() {
    effect(() => {
      const id = this.employerId();
      this.refresh();
      untracked(() => this.load(id, null));
    });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (cursor) this.load(this.employerId(), cursor);
  }

  protected readonly entryActions = ['edit', 'delete'] as const;

  /** Staff change any entry; a campus member the entries they logged (the API checks the same). */
  protected canChange(item: ContactEntryItem): boolean {
    const me = this.me();
    if (!me) return false;
    const write = rightOf(me.role, 'contactEntries').write;
    return write === 'all' || (write === 'own_groups_own_records' && item.createdById === me.id);
  }

  /** The page reloads the history when the dialog saves (through ContactLog.logged$). */
  protected editEntry(item: ContactEntryItem): void {
    this.actionError.set(null);
    this.contactLog.edit(item.contactEntryId).catch((error: ApiError) => this.actionError.set(error));
  }

  /** Deleted at once with an undo offered; focus moves to the history's heading, the button being gone. */
  protected deleteEntry(item: ContactEntryItem): void {
    this.actionError.set(null);
    this.contactLog.remove({ id: item.contactEntryId, employerId: this.employerId() }).then(
      () => this.heading().nativeElement.focus(),
      (error: ApiError) => this.actionError.set(error),
    );
  }

  /** The one-line description of an item, after its kind label. */
  protected describe(item: TimelineItem): string {
    const t = (key: string, params?: Record<string, string | number>) => this.i18n.t(key, params);
    switch (item.kind) {
      case 'contact_entry':
        return `${t(`logContact.types.${item.type}`)}: ${item.summary}`;
      case 'follow_up_created':
        return `${item.title} (${t('timeline.dueAndAssignee', { date: formatFinnishDate(item.dueDate), name: item.assigneeName })})`;
      case 'follow_up_done':
      case 'follow_up_cancelled':
        return item.title;
      case 'stage_change': {
        const to = t(`pipeline.stages.${item.toStage}`);
        const text = item.fromStage
          ? t('timeline.stageFromTo', {
              title: item.opportunityTitle,
              from: t(`pipeline.stages.${item.fromStage}`),
              to,
            })
          : t('timeline.stageTo', { title: item.opportunityTitle, to });
        return item.lostReason ? `${text}. ${t('timeline.lostReason', { reason: item.lostReason })}` : text;
      }
      case 'audit': {
        const entity = this.translated(`timeline.entities.${item.entityType}`, item.entityType);
        const action = this.translated(`timeline.actions.${item.action}`, item.action);
        return `${entity} ${action}`;
      }
    }
  }

  /** Changed field names in the reader's language where known, as stored otherwise. */
  protected changedFields(item: TimelineItem): string {
    if (item.kind !== 'audit' || !item.changedFields.length) return '';
    const locale = this.i18n.locale();
    const fields = item.changedFields.map((field) => this.fieldLabel(item.entityType, field).toLocaleLowerCase(locale));
    return this.i18n.t('timeline.changedFields', { fields: fields.join(', ') });
  }

  /**
   * Old → new of each changed field, for anything but a creation (whose "before" is empty
   * throughout: the changed-field names say enough there).
   */
  protected shownChanges(item: TimelineItem): ShownChange[] {
    if (item.kind !== 'audit' || item.action === 'create') return [];
    return item.changes.map((change) => ({
      field: change.field,
      label: this.fieldLabel(item.entityType, change.field),
      from: formatAuditValue(item.entityType, change, change.from, this.valueFormat),
      to: formatAuditValue(item.entityType, change, change.to, this.valueFormat),
    }));
  }

  private fieldLabel(entityType: string, field: string): string {
    const key = fieldLabelKey(entityType, field);
    return this.i18n.has(key) ? this.i18n.t(key) : field;
  }

  private translated(key: string, fallback: string): string {
    return this.i18n.has(key) ? this.i18n.t(key) : fallback;
  }

  private load(employerId: number, cursor: string | null): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.request = this.api.employerTimeline(employerId, cursor, PAGE_SIZE).subscribe({
      next: (page: Page<TimelineItem>) => {
        this.loading.set(false);
        this.items.update((items) => (cursor ? items.concat(page.items) : page.items));
        this.nextCursor.set(page.nextCursor);
      },
      error: (error: ApiError) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }
}
