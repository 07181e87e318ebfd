import type { Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import type { FollowUpDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { FollowUpDialog, type FollowUpDialogData } from './follow-up-dialog';

/**
 * Opens the follow-up dialog and gives what it closed with (the follow-up saved, or nothing). Lives
 * in its own module, loaded on first use, so the dialog's form, its schemas and Material's dialog
 * code stay out of the pages that list follow-ups (the home page among them).
 */
export function openFollowUpDialog(injector: Injector, data: FollowUpDialogData): Observable<FollowUpDto | undefined> {
  return injector
    .get(MatDialog)
    .open<FollowUpDialog, FollowUpDialogData, FollowUpDto>(FollowUpDialog, { data, width: '36rem', maxWidth: '100vw' })
    .afterClosed();
}
