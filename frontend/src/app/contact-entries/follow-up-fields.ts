import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { type FormControl, type FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { helsinkiDate, type UserDto } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { addDays } from '../core/dates';
import { FORM_FIELDS } from '../ui/form-fields';

export type FollowUpGroup = FormGroup<{
  title: FormControl<string>;
  dueDate: FormControl<string>;
  assigneeId: FormControl<number | null>;
}>;

/** The log-contact dialog's follow-up: what to do, by when (with quick picks), and who does it. */
@Component({
  selector: 'app-follow-up-fields',
  imports: [FORM_FIELDS, MatButton],
  template: `
    <ng-container [formGroup]="group()">
      <mat-form-field appearance="outline" class="full">
        <mat-label>{{ 'logContact.followUpTitle' | t }}</mat-label>
        <input matInput formControlName="title" required />
        @if (group().controls.title | fieldError; as message) {
          <mat-error>{{ message }}</mat-error>
        }
      </mat-form-field>
      <div class="row">
        <mat-form-field appearance="outline">
          <mat-label>{{ 'logContact.followUpDue' | t }}</mat-label>
          <input matInput type="date" formControlName="dueDate" required />
          @if (group().controls.dueDate | fieldError; as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
        <div class="quick-picks">
          <button mat-stroked-button type="button" (click)="pickDue(1)">{{ 'logContact.tomorrow' | t }}</button>
          <button mat-stroked-button type="button" (click)="pickDue(7)">{{ 'logContact.nextWeek' | t }}</button>
        </div>
      </div>
      @if (canAssignOthers()) {
        <mat-form-field appearance="outline" class="full">
          <mat-label>{{ 'logContact.assignee' | t }}</mat-label>
          <mat-select formControlName="assigneeId">
            @if (me(); as me) {
              <mat-option [value]="me.id">{{ 'logContact.assigneeMe' | t: { name: me.displayName } }}</mat-option>
            }
            @for (user of users(); track user.id) {
              @if (user.id !== me()?.id) {
                <mat-option [value]="user.id">{{ user.displayName }}</mat-option>
              }
            }
          </mat-select>
          @if (group().controls.assigneeId | fieldError; as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>
      } @else {
        <p class="muted">
          {{ 'logContact.assignee' | t }}: {{ 'logContact.assigneeMe' | t: { name: me()?.displayName ?? '' } }}
        </p>
        @if (group().controls.assigneeId | fieldError; as message) {
          <p class="field-error" role="alert">{{ message }}</p>
        }
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: block;
    }
    .full {
      width: 100%;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: flex-start;
    }
    .quick-picks {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      padding-top: 0.5rem;
    }
    // Same red as the global .form-error text; errors also carry words, never colour alone.
    .field-error {
      margin: 0.25rem 0 0;
      color: #8c1d18;
      font-size: 0.875rem;
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

  protected pickDue(days: number): void {
    const due = this.group().controls.dueDate;
    due.setValue(addDays(helsinkiDate(), days));
    due.markAsDirty();
  }
}
