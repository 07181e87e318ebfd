import { Injectable, Injector, inject } from '@angular/core';
import type { ContactEntryDto } from '@tyoelama/shared';
import { Subject, type Observable } from 'rxjs';

export interface LogContactPreset {
  /** Opens the dialog with this employer chosen (from an employer's page). */
  employerId?: number;
  /** Saves a request for the name when the caller already knows it. */
  employerName?: string;
}

/**
 * Opens the log-contact dialog from anywhere (the header button, Alt+Shift+L, an employer page).
 * The dialog and Material's dialog code load on first use, not with the first page.
 */
@Injectable({ providedIn: 'root' })
export class LogContactLauncher {
  private readonly injector = inject(Injector);
  private readonly loggedEntries = new Subject<ContactEntryDto>();
  private open$: Promise<void> | null = null;
  private isOpen = false;

  /** Emits each contact entry saved through the dialog, so an open page can show it at once. */
  readonly logged$: Observable<ContactEntryDto> = this.loggedEntries.asObservable();

  /** Opens the dialog; a second call while it is open (a repeated shortcut) does nothing. */
  open(preset: LogContactPreset = {}): Promise<void> {
    if (this.isOpen) return this.open$ ?? Promise.resolve();
    this.isOpen = true;
    this.open$ = import('./log-contact-dialog').then(
      ({ openLogContactDialog }) => {
        openLogContactDialog(
          this.injector,
          preset,
          (entry) => this.loggedEntries.next(entry),
          () => {
            this.isOpen = false;
          },
        );
      },
      (error: unknown) => {
        this.isOpen = false;
        throw error;
      },
    );
    return this.open$;
  }
}
