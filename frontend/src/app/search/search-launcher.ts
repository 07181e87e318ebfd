import { Injectable, Injector, inject } from '@angular/core';

/**
 * Opens the global search dialog (header button, Ctrl+K / Cmd+K). The dialog and Material's
 * dialog code load on first use, not with the first page.
 */
@Injectable({ providedIn: 'root' })
export class SearchLauncher {
  private readonly injector = inject(Injector);
  private isOpen = false;

  /** A second call while the dialog is open (a repeated shortcut) does nothing. */
  async open(): Promise<void> {
    if (this.isOpen) return;
    this.isOpen = true;
    try {
      const { openSearchDialog } = await import('./search-dialog');
      openSearchDialog(this.injector, () => {
        this.isOpen = false;
      });
    } catch (error) {
      this.isOpen = false;
      throw error;
    }
  }
}

/** Ctrl+K, or Cmd+K on a Mac. */
export function isSearchShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key?.toLowerCase() === 'k';
}
