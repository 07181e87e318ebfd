import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  formatFinnishDate,
  formatFinnishDateTime,
  type ApiError,
  type Page,
  type TimelineItem,
} from '@tyoelama/shared';
import type { Subscription } from 'rxjs';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { TimelineApi } from './timeline-api';

const PAGE_SIZE = 20;

/** Where an entity's audited fields get their labels; the activity entities' are the timeline's own. */
const FIELD_LABELS: Partial<Record<string, string>> = {
  employer: 'employers.fields',
  contact_person: 'contactPersons',
};

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
  protected readonly i18n = inject(I18n);
  /** `24.11.2026 klo 14.05`; English readers get the numbers without the Finnish "klo". */
  protected formatDateTime(value: string): string {
    const text = formatFinnishDateTime(value);
    return this.i18n.locale() === 'fi' ? text : text.replace(' klo ', ' ');
  }

  readonly employerId = input.required<number>();
  /** Any change reloads the first page (something new happened on the page). */
  readonly refresh = input(0);

  protected readonly items = signal<TimelineItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);
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
    // By entity: a contact person's `title` is a job title, a follow-up's the follow-up's own.
    const labels = FIELD_LABELS[item.entityType] ?? 'timeline.auditFields';
    const fields = item.changedFields.map((field) => {
      const key = `${labels}.${field}`;
      return this.i18n.has(key) ? this.i18n.t(key).toLocaleLowerCase(locale) : field;
    });
    return this.i18n.t('timeline.changedFields', { fields: fields.join(', ') });
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
