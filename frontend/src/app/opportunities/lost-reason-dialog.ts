import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { updateOpportunitySchema } from '@tyoelama/shared';

import { focusFirstInvalid, showFieldErrors, validateForm } from '../core/forms';
import { FORM_FIELDS } from '../ui/form-fields';
import { DialogActions } from '../ui/form/dialog-actions';

export interface LostReasonData {
  title: string;
}

/** Asks why an opportunity was lost before it moves there; closes with the reason or nothing. */
@Component({
  selector: 'app-lost-reason-dialog',
  imports: [FORM_FIELDS, MatDialogTitle, MatDialogContent, DialogActions, MatButton],
  template: `
    <h2 mat-dialog-title>{{ 'pipeline.lostDialog.heading' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <mat-dialog-content>
        <p>{{ 'pipeline.lostDialog.intro' | t: { title: data.title } }}</p>
        <app-text-field name="lostReason" label="pipeline.lostDialog.reason" inputId="lost-reason" rows="3" required />
      </mat-dialog-content>
      <app-dialog-actions (cancelled)="dialogRef.close()">
        <button mat-flat-button type="submit">{{ 'pipeline.lostDialog.confirm' | t }}</button>
      </app-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LostReasonDialog {
  protected readonly dialogRef = inject<MatDialogRef<LostReasonDialog, string>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly data = inject<LostReasonData>(MAT_DIALOG_DATA);
  protected readonly form = new FormGroup({ lostReason: new FormControl('', { nonNullable: true }) });

  protected confirm(): void {
    // The same rule the API applies: moving to lost needs a non-empty reason.
    const body = { version: 0, stage: 'lost', lostReason: this.form.controls.lostReason.value };
    const result = validateForm(updateOpportunitySchema, body, this.form);
    if (!result.ok) {
      showFieldErrors(this.form, result.fieldErrors);
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    this.dialogRef.close(result.value.lostReason ?? '');
  }
}
