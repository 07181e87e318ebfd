import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { LOCALES, canRead, canWrite, type Locale } from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { LogContactLauncher } from '../contact-entries/log-contact-launcher';
import { SearchLauncher, isSearchShortcut } from '../search/search-launcher';

@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslatePipe],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'openLogContactByShortcut($event); openSearchByShortcut($event)' },
})
export class Shell {
  private readonly auth = inject(Auth);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly logContact = inject(LogContactLauncher);
  private readonly search = inject(SearchLauncher);
  protected readonly i18n = inject(I18n);
  protected readonly me = this.auth.me;
  protected readonly sessionChecked = computed(() => this.me() !== undefined || this.auth.checked());
  protected readonly locales = LOCALES;
  protected readonly showEmployers = computed(() => {
    const me = this.me();
    return !!me && canRead(me.role, 'employers');
  });
  protected readonly showMyWork = computed(() => {
    const me = this.me();
    return !!me && canRead(me.role, 'followUps') && me.role !== 'leadership';
  });
  protected readonly showPipeline = computed(() => {
    const me = this.me();
    return !!me && canRead(me.role, 'opportunities');
  });
  protected readonly showLogContact = computed(() => {
    const me = this.me();
    return !!me && canWrite(me.role, 'contactEntries');
  });
  protected readonly showUsers = computed(() => {
    const me = this.me();
    return !!me && canRead(me.role, 'users');
  });
  protected readonly showCampusGroups = computed(() => {
    const me = this.me();
    return !!me && canRead(me.role, 'campusGroups');
  });
  protected readonly showDashboard = computed(() => {
    const me = this.me();
    return !!me && canRead(me.role, 'reports');
  });
  protected readonly showCampusStatus = computed(() => {
    const me = this.me();
    return !!me && canRead(me.role, 'employers');
  });
  protected readonly showImport = computed(() => {
    const me = this.me();
    return !!me && canWrite(me.role, 'employers');
  });

  // A plain "#main" link would resolve against <base href="/"> and leave the page; focus the landmark instead.
  protected skipToContent(event: Event): void {
    event.preventDefault();
    this.document.getElementById('main')?.focus();
  }

  protected openLogContact(): void {
    void this.logContact.open();
  }

  // Alt+Shift+L: free in the major browsers and screen readers. `code`, not `key`: on a Mac Alt changes the character.
  protected openLogContactByShortcut(event: KeyboardEvent): void {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== 'KeyL') return;
    if (!this.showLogContact()) return;
    event.preventDefault();
    this.openLogContact();
  }

  protected openSearch(): void {
    void this.search.open();
  }

  // Ctrl+K / Cmd+K, the usual "search anything" shortcut.
  protected openSearchByShortcut(event: KeyboardEvent): void {
    if (!this.me() || !isSearchShortcut(event)) return;
    event.preventDefault();
    this.openSearch();
  }

  protected switchLanguage(locale: Locale): void {
    this.auth.changeLocale(locale);
  }

  protected signOut(): void {
    this.auth.logout().subscribe({
      complete: () => void this.router.navigate(['/login']),
      error: () => void this.router.navigate(['/login']),
    });
  }
}
