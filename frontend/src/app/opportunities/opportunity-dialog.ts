import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import {
  OPPORTUNITY_STAGES,
  OPPORTUNITY_TYPES,
  createOpportunitySchema,
  type ApiError,
  type OpportunityDto,
  type OpportunityStage,
  type OpportunityType,
} from '@tyoelama/shared';

import { FormStatus } from '../core/form-status';
import { focusFirstInvalid, showFieldErrors, validateForm } from '../core/forms';
import { EmployerField, pickedEmployer, type EmployerFieldValue } from '../employers/employer-field';
import { FORM_FIELDS } from '../ui/form-fields';
import { OpportunitiesApi } from './opportunities-api';

/** A new collaboration opportunity; closes with the created one. */
@Component({
  selector: 'app-opportunity-dialog',
  imports: [FORM_FIELDS, MatDialogTitle, MatDialogContent, MatDialogActions, MatButton, EmployerField, FormStatus],
  template: `
    <h2 mat-dialog-title>{{ 'pipeline.form.heading' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="createOpportunity()" novalidate>
      <mat-dialog-content class="content">
        <app-form-status [error]="formError()" />
        <app-employer-field
          [control]="form.controls.employerId"
          [label]="'pipeline.form.employer' | t"
          inputId="opportunity-employer"
        />

        <mat-form-field appearance="outline">
          <mat-label>{{ 'pipeline.form.title' | t }}</mat-label>
          <input matInput formControlName="title" required />
          @if (form.controls.title | fieldError; as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <mat-form-field appearance="outline">
          <mat-label>{{ 'pipeline.form.type' | t }}</mat-label>
          <mat-select formControlName="type" required>
            @for (type of types; track type) {
              <mat-option [value]="type">{{ 'pipeline.types.' + type | t }}</mat-option>
            }
          </mat-select>
          @if (form.controls.type | fieldError; as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        <div class="row">
          <mat-form-field appearance="outline">
            <mat-label>{{ 'pipeline.form.expectedPlaces' | t }}</mat-label>
            <input matInput type="number" inputmode="numeric" min="0" step="1" formControlName="expectedPlaces" />
            @if (form.controls.expectedPlaces | fieldError; as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field appearance="outline">
            <mat-label>{{ 'pipeline.form.expectedStart' | t }}</mat-label>
            <input matInput type="date" formControlName="expectedStart" />
            @if (form.controls.expectedStart | fieldError; as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        </div>

        <mat-form-field appearance="outline">
          <mat-label>{{ 'pipeline.form.stage' | t }}</mat-label>
          <mat-select formControlName="stage" required>
            @for (stage of stages; track stage) {
              <mat-option [value]="stage">{{ 'pipeline.stages.' + stage | t }}</mat-option>
            }
          </mat-select>
          @if (form.controls.stage | fieldError; as message) {
            <mat-error>{{ message }}</mat-error>
          }
        </mat-form-field>

        @if (stage() === 'lost') {
          <mat-form-field appearance="outline">
            <mat-label>{{ 'pipeline.form.lostReason' | t }}</mat-label>
            <textarea matInput formControlName="lostReason" rows="2" required></textarea>
            @if (form.controls.lostReason | fieldError; as message) {
              <mat-error>{{ message }}</mat-error>
            }
          </mat-form-field>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="close()">{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()">
          {{ (saving() ? 'pipeline.form.creating' : 'pipeline.form.create') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .content {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OpportunityDialog {
  private readonly api = inject(OpportunitiesApi);
  private readonly dialogRef = inject<MatDialogRef<OpportunityDialog, OpportunityDto>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
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
  protected readonly saving = signal(false);
  protected readonly formError = signal<ApiError | null>(null);

  protected createOpportunity(): void {
    if (this.saving()) return;
    this.formError.set(null);
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
    const result = validateForm(createOpportunitySchema, body, this.form);
    if (!result.ok) {
      showFieldErrors(this.form, result.fieldErrors);
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    this.saving.set(true);
    this.api.create(result.value).subscribe({
      next: (created) => {
        this.saving.set(false);
        this.dialogRef.close(created);
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.fieldErrors?.length) showFieldErrors(this.form, error.fieldErrors);
        this.formError.set(error);
        focusFirstInvalid(this.host, this.injector);
      },
    });
  }

  protected close(): void {
    this.dialogRef.close();
  }
}
