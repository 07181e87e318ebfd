import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { FollowUpDto } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { injectFocusAfterRender } from '../ui/busy-ids';
import { canAssignFollowUps } from './follow-up-rights';
import { type FollowUpChange, FollowUpRow } from './follow-up-row';
import { FollowUpsApi } from './follow-ups-api';

/** The employer page's open follow-ups: added, done, rescheduled, edited and handed over in place. */
@Component({
  selector: 'app-employer-follow-ups',
  imports: [MatButton, TranslatePipe, FollowUpRow],
  template: `
    <section aria-labelledby="follow-ups-heading">
      <div class="section-header">
        <h2 id="follow-ups-heading" tabindex="-1">{{ 'followUps.section.heading' | t }}</h2>
        @if (canAdd() && !archived()) {
          <button mat-stroked-button type="button" class="add-follow-up" (click)="addFollowUp()">
            {{ 'followUps.section.add' | t }}
          </button>
        }
      </div>
      <p class="status" role="status">{{ status() }}</p>
      @if (items().length) {
        <ul class="items">
          @for (item of items(); track item.id) {
            <li [attr.data-follow-up]="item.id">
              <app-follow-up-row
                [item]="item"
                [showEmployer]="false"
                [showAssignee]="true"
                [allowCancel]="true"
                (changed)="applyChange($event)"
              />
            </li>
          }
        </ul>
      } @else {
        <p class="muted">{{ 'followUps.section.none' | t }}</p>
      }
    </section>
  `,
  styleUrls: ['../ui/follow-up-items.scss'],
  styles: `
    .section-header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .section-header button {
      min-height: 44px;
    }
    .status {
      margin: 0;
    }
    .status:empty {
      display: none;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerFollowUps {
  private readonly api = inject(FollowUpsApi);
  private readonly injector = inject(Injector);
  private readonly i18n = inject(I18n);
  private readonly focus = injectFocusAfterRender();
  private readonly me = inject(Auth).me;
  protected readonly canAdd = computed(() => canAssignFollowUps(this.me()));

  readonly employerId = input.required<number>();
  readonly employerName = input.required<string>();
  readonly archived = input(false);
  /** Any change loads the list again (a contact was logged with a follow-up). */
  readonly refresh = input(0);
  /** Something was saved: the page refreshes what depends on follow-ups (next due date, history). */
  readonly changed = output<void>();

  protected readonly items = signal<FollowUpDto[]>([]);
  protected readonly status = signal('');

  constructor() {
    effect(() => {
      const id = this.employerId();
      this.refresh();
      // The answer arrives after the effect has run: nothing load reads is tracked.
      this.load(id);
    });
  }

  protected addFollowUp(): void {
    const employer = { id: this.employerId(), name: this.employerName() };
    void import('./open-follow-up-dialog').then(({ openFollowUpDialog }) =>
      openFollowUpDialog(this.injector, { employer, followUp: null }).subscribe((created) => {
        if (!created) return;
        this.status.set(this.i18n.t('followUps.created', { title: created.title }));
        this.load(this.employerId());
        this.changed.emit();
      }),
    );
  }

  protected applyChange(change: FollowUpChange): void {
    this.status.set(change.message);
    const updated = change.updated;
    if (!updated) {
      if (change.stale) this.load(this.employerId());
      return;
    }
    if (updated.status === 'open') {
      this.items.update((items) =>
        items
          .map((item) => (item.id === updated.id ? updated : item))
          .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
      );
    } else {
      this.items.update((items) => items.filter((item) => item.id !== updated.id));
      // Its buttons went with the row: keep the keyboard user in this section.
      this.focus('#follow-ups-heading');
    }
    this.changed.emit();
  }

  private load(employerId: number): void {
    this.api
      .list({ employerId, status: 'open', limit: 100 })
      .subscribe({ next: (page) => this.items.set(page.items), error: () => this.items.set([]) });
  }
}
