import type { Injector } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { CONTACT_ENTRY_UNDO_SECONDS, type ApiError } from '@tyoelama/shared';
import { firstValueFrom } from 'rxjs';

import type { ContactEntryRef } from '../core/contact-log';
import { I18n } from '../core/i18n/i18n';
import { ContactEntriesApi } from './contact-entries-api';

/**
 * Deletes the entry and offers "Undo" for CONTACT_ENTRY_UNDO_SECONDS. The server keeps the deleted
 * entry in PostgreSQL, so the undo works whichever app instance answers it. Resolves once the entry
 * is deleted; rejects with the API's error when the delete is refused.
 */
export async function removeWithUndo(
  injector: Injector,
  entry: ContactEntryRef,
  changed: (entry: ContactEntryRef) => void,
): Promise<void> {
  const api = injector.get(ContactEntriesApi);
  const snackBar = injector.get(MatSnackBar);
  const i18n = injector.get(I18n);
  await firstValueFrom(api.remove(entry.id));
  changed(entry);
  const notice = snackBar.open(i18n.t('logContact.deleted'), i18n.t('logContact.undo'), {
    duration: CONTACT_ENTRY_UNDO_SECONDS * 1000,
    politeness: 'assertive',
  });
  notice.onAction().subscribe(() => {
    api.restore(entry.id).subscribe({
      next: (restored) => {
        changed(restored);
        snackBar.open(i18n.t('logContact.restored'), i18n.t('common.dismiss'), { duration: 6000 });
      },
      error: (error: ApiError) =>
        snackBar.open(i18n.t('logContact.restoreFailed', { message: i18n.apiError(error) }), i18n.t('common.dismiss')),
    });
  });
}
