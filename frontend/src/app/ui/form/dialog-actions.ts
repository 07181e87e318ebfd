import { ChangeDetectionStrategy, Component, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogActions } from '@angular/material/dialog';

import { TranslatePipe } from '../../core/i18n/translate-pipe';

/**
 * The action row at the foot of a form dialog: cancel, then what is given (the form's
 * `<app-submit-button>`).
 */
@Component({
  selector: 'app-dialog-actions',
  imports: [MatButton, MatDialogActions, TranslatePipe],
  template: `
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
      <ng-content />
    </mat-dialog-actions>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DialogActions {
  readonly cancelled = output<void>();
}
