import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup } from '@angular/forms';
import { MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import {
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES,
  createOpportunitySchema,
  type OpportunityDto,
  type OpportunityStage,
  type OpportunityType,
} from '@tyoelama/shared';

import { FormStatus } from '../core/form-status';
import { EmployerField, pickedEmployer, type EmployerFieldValue } from '../employers/employer-field';
import { FORM_FIELDS } from '../ui/form-fields';
import { DialogActions } from '../ui/form/dialog-actions';
import { formSubmission } from '../ui/form/form-submission';
import { OpportunitiesApi } from './opportunities-api';

/** A new collaboration opportunity; closes with the created one. */
@Component({
  selector: 'app-opportunity-dialog',
  imports: [FORM_FIELDS, MatDialogTitle, MatDialogContent, DialogActions, EmployerField, FormStatus],
  template: `
    <h2 mat-dialog-title>{{ 'pipeline.form.heading' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="createOpportunity()" novalidate>
      <mat-dialog-content class="content">
        <app-form-status [error]="submission.error()" />
        <app-employer-field
          [control]="form.controls.employerId"
          [label]="'pipeline.form.employer' | t"
          inputId="opportunity-employer"
        />
        <app-text-field name="title" label="pipeline.form.title" required />
        <app-select-field name="type" label="pipeline.form.type" [values]="types" labels="pipeline.types." required />
        <app-field-row>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'pipeline.form.expectedPlaces' | t }}</mat-label>
            <!-- A static type="number" gives the control a number (Angular's number value accessor). -->
            <input matInput type="number" inputmode="numeric" min="0" step="1" formControlName="expectedPlaces" />
            @if (form.controls.expectedPlaces | fieldError; as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <app-text-field name="expectedStart" label="pipeline.form.expectedStart" type="date" />
        </app-field-row>
        <app-select-field
          name="stage"
          label="pipeline.form.stage"
          [values]="stages"
          labels="pipeline.stages."
          required
        />
        @if (stage() === 'lost') {
          <app-text-field name="lostReason" label="pipeline.form.lostReason" rows="2" required />
        }
      </mat-dialog-content>
      <app-dialog-actions (cancelled)="close()">
        <app-submit-button
          label="pipeline.form.create"
          pendingLabel="pipeline.form.creating"
          [pending]="submission.pending()"
        />
      </app-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpportunityDialog {
  private readonly api = inject(OpportunitiesApi);
  private readonly dialogRef = inject<MatDialogRef<OpportunityDialog, OpportunityDto>>(MatDialogRef);
  protected readonly types = OPPORTUNITY_TYPES;
  protected readonly stages = OPPORTUNITY_STAGES;

  protected readonly form = new FormGroup({
    employerId: new FormControl<EmployerFieldValue>(null),
    title: new FormControl('', { nonNullable: true }),
    type: new FormControl<OpportunityType | null>(null),
    // A number input gives a number, or null when empty.
    expectedPlaces: new FormControl<number | null>(null),
    expectedStart: new FormControl('', { nonNullable: true }),
    stage: new FormControl<OpportunityStage>('identified', { nonNullable: true }),
    lostReason: new FormControl('', { nonNullable: true }),
  });
  protected readonly stage = toSignal(this.form.controls.stage.valueChanges, {
    initialValue: this.form.controls.stage.value,
  });
  protected readonly submission = formSubmission(this.form);

  protected createOpportunity(): void {
    if (this.submission.pending()) return;
    const value = this.form.getRawValue();
    const body = {
      employerId: pickedEmployer(value.employerId)?.id,
      title: value.title,
      type: value.type ?? undefined,
      expectedPlaces: value.expectedPlaces,
      expectedStart: value.expectedStart || null,
      stage: value.stage,
      lostReason: value.stage === 'lost' ? value.lostReason : undefined,
    };
    const valid = this.submission.validate(createOpportunitySchema, body);
    if (valid) this.submission.send(this.api.create(valid), (created) => this.dialogRef.close(created));
  }

  protected close(): void {
    this.dialogRef.close();
  }
}
