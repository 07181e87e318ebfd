import { Injectable, Injector, inject, type Provider } from '@angular/core';
import type { ContactEntryDto } from '@tyoelama/shared';
import { Subject, type Observable } from 'rxjs';

import { ContactLog, type LogContactPreset } from '../core/contact-log';

/**
 * Opens the log-contact dialog from anywhere (the header button, Alt+Shift+L, an employer page).
 * The dialog and Material's dialog code load on first use, not with the first page.
 */
@Injectable({ providedIn: 'root' })
export class LogContactLauncher extends ContactLog {
  private readonly injector = inject(Injector);
  private readonly loggedEntries = new Subject<ContactEntryDto>();
  private open$: Promise<void> | null = null;
  private isOpen = false;

  readonly logged$: Observable<ContactEntryDto> = this.loggedEntries.asObservable();

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

/** Pages outside contact-entries/ that inject ContactLog get this launcher. */
export function provideContactLog(): Provider {
  return { provide: ContactLog, useExisting: LogContactLauncher };
}
