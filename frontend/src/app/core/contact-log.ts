import type { ContactEntryDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

export interface LogContactPreset {
  /** Opens the dialog with this employer chosen (from an employer's page). */
  employerId?: number;
  /** Saves a request for the name when the caller already knows it. */
  employerName?: string;
}

/**
 * The log-contact dialog as the employer page sees it. The dialog's folder (contact-entries/) builds
 * on employers/ (the employer picker), so employers/ reaches the dialog through this class instead of
 * importing it; contact-entries' LogContactLauncher implements it (provideContactLog).
 */
export abstract class ContactLog {
  /** Emits each contact entry saved through the dialog, so an open page can show it at once. */
  abstract readonly logged$: Observable<ContactEntryDto>;
  /** Opens the dialog; a second call while it is open (a repeated shortcut) does nothing. */
  abstract open(preset?: LogContactPreset): Promise<void>;
}
