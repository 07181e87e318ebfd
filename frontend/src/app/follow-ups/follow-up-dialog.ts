import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import {
  addDays,
  createFollowUpSchema,
  helsinkiDate,
  isApiError,
  updateFollowUpSchema,
  type FollowUpAssigneeDto,
  type FollowUpDto,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { Auth } from '../core/auth';
import { FormStatus } from '../core/form-status';
import { I18n } from '../core/i18n/i18n';
import { FORM_FIELDS } from '../ui/form-fields';
import { DialogActions } from '../ui/form/dialog-actions';
import { DueDateField } from '../ui/form/due-date-field';
import { formSubmission } from '../ui/form/form-submission';
import { FollowUpsApi } from './follow-ups-api';
import { canAssignFollowUps } from './follow-up-rights';

export interface FollowUpDialogData {
  /** Whose follow-up it is. */
  employer: { id: number; name: string };
  /** The follow-up to edit; null adds a new one to the employer. */
  followUp: FollowUpDto | null;
}

function isFollowUp(value: unknown): value is FollowUpDto {
  return !isApiError(value) && typeof value === 'object' && value !== null && 'dueDate' in value && 'version' in value;
}

/** Adds a follow-up to an employer, or edits one: its text, due date and assignee. Closes with it saved. */
@Component({
  selector: 'app-follow-up-dialog',
  imports: [FORM_FIELDS, DueDateField, MatDialogTitle, MatDialogContent, DialogActions, FormStatus],
  template: `
    <h2 mat-dialog-title>{{ (data.followUp ? 'followUps.dialog.editHeading' : 'followUps.dialog.newHeading') | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="saveFollowUp()" (fieldLeave)="checkField($event)" novalidate>
      <mat-dialog-content class="form-stack">
        <app-form-status [error]="submission.error()" (reload)="reloadFollowUp()" />
        <p class="muted">{{ 'followUps.dialog.employer' | t: { name: data.employer.name } }}</p>
        <app-text-field name="title" label="followUps.dialog.title" autocomplete="off" required initialFocus />
        <app-due-date-field
          name="dueDate"
          label="followUps.dialog.dueDate"
          tomorrow="followUps.dialog.tomorrow"
          nextWeek="followUps.dialog.nextWeek"
        />
        @if (canAssign) {
          <app-select-field
            name="assigneeId"
            label="followUps.dialog.assignee"
            [options]="assigneeOptions()"
            required
          />
        }
        <app-text-field name="notes" label="followUps.dialog.notes" rows="3" />
      </mat-dialog-content>
      <app-dialog-actions (cancelled)="cancel()">
        <app-submit-button label="common.save" [pending]="submission.pending()" />
      </app-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowUpDialog {
  private readonly api = inject(FollowUpsApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<FollowUpDialog, FollowUpDto>>(MatDialogRef);
  protected readonly data = inject<FollowUpDialogData>(MAT_DIALOG_DATA);
  private readonly me = inject(Auth).me;
  protected readonly canAssign = canAssignFollowUps(this.me());

  /** The follow-up as last loaded (a conflict's reload replaces it). */
  private readonly followUp = signal(this.data.followUp);

  protected readonly form = new FormGroup({
    title: new FormControl('', { nonNullable: true }),
    dueDate: new FormControl(addDays(helsinkiDate(), 7), { nonNullable: true }),
    assigneeId: new FormControl<number | null>(this.me()?.id ?? null),
    notes: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form);

  private readonly assignees = signal<FollowUpAssigneeDto[]>([]);
  /** Oneself first ("Me (Maija)"), then the others who may work on the employer, by name. */
  protected readonly assigneeOptions = computed(() => {
    const me = this.me();
    const current = this.followUp();
    const others = this.assignees()
      .filter((user) => user.id !== me?.id)
      .map((user) => ({ value: user.id, label: user.displayName }));
    // The present assignee stays choosable even if they could no longer be picked anew.
    if (current && current.assigneeId !== me?.id && !others.some((option) => option.value === current.assigneeId)) {
      others.unshift({ value: current.assigneeId, label: current.assigneeName });
    }
    const mine = me
      ? [{ value: me.id, label: this.i18n.t('followUps.dialog.assigneeMe', { name: me.displayName }) }]
      : [];
    return [...mine, ...others];
  });

  constructor() {
    const followUp = this.followUp();
    if (followUp) this.showFollowUp(followUp);
    if (this.canAssign) {
      this.api.assignees(this.data.employer.id).subscribe({
        next: (users) => this.assignees.set(users),
        // Without the list the choice is oneself (and the present assignee): still a working form.
        error: () => this.assignees.set([]),
      });
    }
  }

  protected checkField(name: string): void {
    const followUp = this.followUp();
    if (followUp) this.submission.checkField(updateFollowUpSchema, this.updateBody(followUp), name);
    else this.submission.checkField(createFollowUpSchema, this.createBody(), name);
  }

  protected saveFollowUp(): void {
    const followUp = this.followUp();
    let request: Observable<FollowUpDto>;
    if (followUp) {
      const body = this.submission.validate(updateFollowUpSchema, this.updateBody(followUp));
      if (!body) return;
      request = this.api.update(followUp, body);
    } else {
      const body = this.submission.validate(createFollowUpSchema, this.createBody());
      if (!body) return;
      request = this.api.create(body);
    }
    this.submission.send(request, (saved) => this.dialogRef.close(saved));
  }

  /** After a conflict: start again from the saved follow-up. */
  protected reloadFollowUp(): void {
    const current = this.submission.error()?.current;
    this.submission.error.set(null);
    if (isFollowUp(current)) this.showFollowUp(current);
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  private createBody() {
    const value = this.form.getRawValue();
    return {
      employerId: this.data.employer.id,
      title: value.title,
      notes: value.notes,
      dueDate: value.dueDate,
      assigneeId: this.canAssign ? (value.assigneeId ?? undefined) : undefined,
    };
  }

  private updateBody(followUp: FollowUpDto) {
    const value = this.form.getRawValue();
    return {
      version: followUp.version,
      title: value.title,
      notes: value.notes,
      dueDate: value.dueDate,
      assigneeId: this.canAssign ? (value.assigneeId ?? undefined) : undefined,
    };
  }

  private showFollowUp(followUp: FollowUpDto): void {
    this.followUp.set(followUp);
    this.form.reset({
      title: followUp.title,
      dueDate: followUp.dueDate,
      assigneeId: followUp.assigneeId,
      notes: followUp.notes ?? '',
    });
  }
}
