import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { type FormControl, type FormGroup } from '@angular/forms';
import { type UserDto } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { FORM_FIELDS } from '../ui/form-fields';
import { DueDateField } from '../ui/form/due-date-field';
import { InlineFieldError } from '../ui/form/inline-field-error';

export type FollowUpGroup = FormGroup<{
  title: FormControl<string>;
  dueDate: FormControl<string>;
  assigneeId: FormControl<number | null>;
}>;

/** The log-contact dialog's follow-up: what to do, by when (with quick picks), and who does it. */
@Component({
  selector: 'app-follow-up-fields',
  imports: [FORM_FIELDS, DueDateField, InlineFieldError],
  template: `
    <ng-container [formGroup]="group()">
      <app-text-field name="title" label="logContact.followUpTitle" required />
      <app-due-date-field
        name="dueDate"
        label="logContact.followUpDue"
        tomorrow="logContact.tomorrow"
        nextWeek="logContact.nextWeek"
      />
      @if (canAssignOthers()) {
        <app-select-field name="assigneeId" label="logContact.assignee" [options]="assigneeOptions()" />
      } @else {
        <p class="muted">
          {{ 'logContact.assignee' | t }}: {{ 'logContact.assigneeMe' | t: { name: me()?.displayName ?? '' } }}
        </p>
        <app-inline-field-error [control]="group().controls.assigneeId" />
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpFields {
  protected readonly me = inject(Auth).me;
  readonly group = input.required<FollowUpGroup>();
  /** Active users to hand the follow-up to (staff only; campus members get it themselves). */
  readonly users = input<UserDto[]>([]);
  readonly canAssignOthers = input(false);

  private readonly i18n = inject(I18n);
  /** Oneself first, by name ("Me (Maija)"), then everyone else. */
  protected readonly assigneeOptions = computed(() => {
    const me = this.me();
    const others = this.users()
      .filter((user) => user.id !== me?.id)
      .map((user) => ({ value: user.id, label: user.displayName }));
    return me
      ? [{ value: me.id, label: this.i18n.t('logContact.assigneeMe', { name: me.displayName }) }, ...others]
      : others;
  });
}
