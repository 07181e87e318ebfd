import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';

import type { TranslationParams } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';

/** The dialog's texts as translation keys; `params` fill the placeholders of the title and message. */
export interface ConfirmDialogData {
  title: string;
  message: string;
  confirm: string;
  params?: TranslationParams;
}

/** Asks before something that is hard or impossible to undo; closes with true when confirmed. */
@Component({
  selector: 'app-confirm-dialog',
  imports: [MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ data.title | t: data.params }}</h2>
    <mat-dialog-content>
      <p>{{ data.message | t: data.params }}</p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>{{ 'common.cancel' | t }}</button>
      <button mat-flat-button type="button" class="confirm" [mat-dialog-close]="true">{{ data.confirm | t }}</button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmDialog {
  protected readonly data = inject<ConfirmDialogData>(MAT_DIALOG_DATA);
}

/**
 * Asks with the confirm dialog and runs `confirmed` only on yes (cancel, Escape and a click outside
 * do nothing). Call in an injection context (a field initializer): `confirm = injectConfirm()`.
 */
export function injectConfirm(): (data: ConfirmDialogData, confirmed: () => void) => void {
  const dialog = inject(MatDialog);
  return (data, confirmed) => {
    dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe((yes) => {
        if (yes) confirmed();
      });
  };
}
