import type { ContactEntryDto } from '@tyoelama/shared';
import type { Observable } from 'rxjs';

/** Which entry changed, and whose history it is in. */
export type ContactEntryRef = Pick<ContactEntryDto, 'id' | 'employerId'>;

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
  /**
   * Emits each contact entry logged, edited, deleted or restored here, so an open page can show the
   * change at once.
   */
  abstract readonly logged$: Observable<ContactEntryRef>;
  /** Opens the dialog; a second call while it is open (a repeated shortcut) does nothing. */
  abstract open(preset?: LogContactPreset): Promise<void>;
  /** Opens the dialog on a logged entry (fetched by id); resolves when it closes. */
  abstract edit(entryId: number): Promise<void>;
  /** Deletes the entry, offering an undo for a few seconds; resolves once it is deleted (or refused). */
  abstract remove(entry: ContactEntryRef): Promise<void>;
}
