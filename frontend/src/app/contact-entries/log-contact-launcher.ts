import { DOCUMENT, Injectable, Injector, inject, type Provider } from '@angular/core';
import { Router } from '@angular/router';
import type { ContactEntryDto } from '@tyoelama/shared';
import { Subject, firstValueFrom, type Observable } from 'rxjs';

import { ContactLog, type ContactEntryRef, type LogContactPreset } from '../core/contact-log';
import { ContactEntriesApi } from './contact-entries-api';
import { KeystrokeBuffer } from './keystroke-buffer';

/** The employer page's path: the dialog opened there is about that employer. */
const EMPLOYER_PAGE = /^\/employers\/(\d+)(?=[/?#]|$)/;

/**
 * Opens the log-contact dialog from anywhere (the header button, Alt+Shift+L, an employer page) and
 * edits or deletes logged entries. The dialog and Material's dialog code load on first use, not with
 * the first page.
 */
@Injectable({ providedIn: 'root' })
export class LogContactLauncher extends ContactLog {
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly api = inject(ContactEntriesApi);
  private readonly changes = new Subject<ContactEntryRef>();
  private open$: Promise<void> | null = null;
  private isOpen = false;

  readonly logged$: Observable<ContactEntryRef> = this.changes.asObservable();

  open(preset: LogContactPreset = {}): Promise<void> {
    return this.openDialog(() => Promise.resolve({ ...this.employerOfPage(), ...preset }), true);
  }

  edit(entryId: number): Promise<void> {
    return this.openDialog(async () => ({ entry: await firstValueFrom(this.api.get(entryId)) }), false);
  }

  remove(entry: ContactEntryRef): Promise<void> {
    return import('./contact-entry-undo').then(({ removeWithUndo }) =>
      removeWithUndo(this.injector, entry, (changed) => this.changes.next(changed)),
    );
  }

  /** `buffer`: catch what is typed before the first field has focus (a new entry's form is empty). */
  private openDialog(data: () => Promise<LogContactPreset & { entry?: ContactEntryDto }>, buffer: boolean) {
    if (this.isOpen) return this.open$ ?? Promise.resolve();
    this.isOpen = true;
    const active = this.document.activeElement;
    const opener = active instanceof HTMLElement && active !== this.document.body ? active : null;
    const keys = buffer ? new KeystrokeBuffer(this.document) : null;
    const closed = () => {
      this.isOpen = false;
      keys?.stop();
    };
    this.open$ = Promise.all([import('./open-log-contact-dialog'), data()]).then(
      ([{ openLogContactDialog }, dialogData]) => {
        openLogContactDialog(this.injector, dialogData, {
          keys,
          opener,
          saved: (entry) => this.changes.next(entry),
          closed,
        });
      },
      (error: unknown) => {
        closed();
        throw error;
      },
    );
    return this.open$;
  }

  private employerOfPage(): LogContactPreset {
    const match = EMPLOYER_PAGE.exec(this.router.url);
    return match ? { employerId: Number(match[1]) } : {};
  }
}

/** Pages outside contact-entries/ that inject ContactLog get this launcher. */
export function provideContactLog(): Provider {
  return { provide: ContactLog, useExisting: LogContactLauncher };
}
