import type { Injector } from '@angular/core';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ContactEntryDto } from '@tyoelama/shared';

import type { ContactEntryRef } from '../core/contact-log';
import { I18n } from '../core/i18n/i18n';
import type { KeystrokeBuffer } from './keystroke-buffer';
import { LogContactDialog, type LogContactData } from './log-contact-dialog';

/** Below Material's small breakpoint the dialog is a full-screen sheet (phones). */
const PHONE_QUERY = '(max-width: 599.98px)';

export interface LogContactHooks {
  /** Keys typed before the first field had focus, replayed into it; null when nothing is caught. */
  keys: KeystrokeBuffer | null;
  /** Gets focus back after a save (MatDialog's own restore loses it when the page redraws). */
  opener: HTMLElement | null;
  saved: (entry: ContactEntryRef) => void;
  closed: () => void;
}

/**
 * Whether a field inside the dialog used this Escape itself: an open list (its aria-expanded says
 * so) or a field that marks the key handled. Material's employer autocomplete marks every Escape
 * handled, its list open or not, so its input counts only while its list is open: otherwise
 * Escape in the employer field never closed the dialog.
 */
function escapeTakenByField(event: KeyboardEvent): boolean {
  const target = event.target instanceof Element ? event.target : null;
  if (target?.getAttribute('aria-expanded') === 'true') return true;
  return event.defaultPrevented && !target?.hasAttribute('aria-autocomplete');
}

/**
 * Opens the dialog; lives here so MatDialog and the form stay in this lazy chunk. The launcher
 * calls it after `import()`.
 */
export function openLogContactDialog(
  injector: Injector,
  data: LogContactData,
  hooks: LogContactHooks,
): MatDialogRef<LogContactDialog, ContactEntryDto> {
  const dialog = injector.get(MatDialog);
  const snackBar = injector.get(MatSnackBar);
  const i18n = injector.get(I18n);
  const phone = typeof matchMedia === 'function' && matchMedia(PHONE_QUERY).matches;
  // The first field still to fill in; MatDialog returns focus to the opener on close.
  const firstField = data.entry || data.employerId ? 'log-contact-summary' : 'log-contact-employer';
  const ref = dialog.open<LogContactDialog, LogContactData, ContactEntryDto>(LogContactDialog, {
    data,
    width: phone ? '100vw' : '42rem',
    maxWidth: '100vw',
    height: phone ? '100dvh' : undefined,
    maxHeight: phone ? '100dvh' : undefined,
    panelClass: phone ? ['log-contact-panel', 'log-contact-sheet'] : 'log-contact-panel',
    autoFocus: `#${firstField}`,
    restoreFocus: hooks.opener ?? true,
    // Escape and the backdrop go through requestClose, which asks before dropping changes.
    disableClose: true,
  });
  ref.backdropClick().subscribe(() => ref.componentInstance.requestClose());
  ref.keydownEvents().subscribe((event) => {
    if (event.key === 'Escape' && !escapeTakenByField(event)) {
      event.preventDefault();
      ref.componentInstance.requestClose();
    }
  });
  const keys = hooks.keys;
  const container = ref.componentRef?.location.nativeElement.closest('mat-dialog-container') as HTMLElement | null;
  if (keys && container) {
    // Focus reaching the first field ends the catching: what was caught goes into it. Focus on the
    // container itself (MatDialog's first step) keeps catching; focus anywhere else ends it too.
    const field = () => container.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${firstField}`);
    const settle = (target: EventTarget | null) => {
      if (target === container) return;
      container.removeEventListener('focusin', onFocus);
      const input = field();
      if (input) keys.replayInto(input);
      else keys.stop();
    };
    const onFocus = (event: FocusEvent) => settle(event.target);
    container.addEventListener('focusin', onFocus);
    if (container.contains(document.activeElement)) settle(document.activeElement);
  }
  ref.afterClosed().subscribe((entry) => {
    hooks.closed();
    if (!entry) return;
    const message = data.entry
      ? 'logContact.saved'
      : entry.followUpIds.length
        ? 'logContact.loggedWithFollowUp'
        : 'logContact.logged';
    snackBar.open(i18n.t(message), i18n.t('common.dismiss'), { duration: 6000, politeness: 'polite' });
    hooks.saved(entry);
    const opener = hooks.opener;
    // The page may redraw after the save; focus goes back to the opener unless it went somewhere on purpose.
    setTimeout(() => {
      const active = document.activeElement;
      if (opener?.isConnected && (!active || active === document.body)) opener.focus();
    });
  });
  return ref;
}
