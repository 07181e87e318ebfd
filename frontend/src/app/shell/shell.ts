import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { LOCALES, canRead, canWrite, type Locale, type Role } from '@tyoelama/shared';

import { Auth, injectCanWrite } from '../core/auth';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { LogContactLauncher } from '../contact-entries/log-contact-launcher';
import { SearchLauncher, isSearchShortcut } from '../search/search-launcher';
import { RouterLinks } from '../ui/router-links';
import { filter, map, tap } from 'rxjs';

interface NavItem {
  path: string;
  /** Translation key of the link text. */
  label: string;
  shownTo: (role: Role) => boolean;
}

/** The main navigation, in order; each link shows to the roles that can use its page. */
const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: 'nav.home', shownTo: () => true },
  { path: '/employers', label: 'nav.employers', shownTo: (role) => canRead(role, 'employers') },
  // Leadership follows the work on the dashboard; it has no work list of its own.
  { path: '/my-work', label: 'nav.myWork', shownTo: (role) => canRead(role, 'followUps') && role !== 'leadership' },
  { path: '/pipeline', label: 'nav.pipeline', shownTo: (role) => canRead(role, 'opportunities') },
  { path: '/dashboard', label: 'dashboard.nav', shownTo: (role) => canRead(role, 'reports') },
  { path: '/campus-status', label: 'campusStatus.nav', shownTo: (role) => canRead(role, 'employers') },
  { path: '/call-lists', label: 'workplaceLearning.callLists.nav', shownTo: (role) => canRead(role, 'employers') },
  { path: '/import', label: 'import.nav', shownTo: (role) => canWrite(role, 'employers') },
  { path: '/users', label: 'nav.users', shownTo: (role) => canRead(role, 'users') },
  { path: '/campus-groups', label: 'nav.campusGroups', shownTo: (role) => canRead(role, 'campusGroups') },
];

@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLinks, TranslatePipe],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '(document:keydown)': 'openLogContactByShortcut($event); openSearchByShortcut($event)',
    '(keydown.escape)': 'closeMenu($event)',
  },
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
  protected readonly navItems = computed(() => {
    const role = this.me()?.role;
    return role ? NAV_ITEMS.filter((item) => item.shownTo(role)) : [];
  });
  protected readonly showLogContact = injectCanWrite('contactEntries');
  /** The phone's folded menu (under 600 px); wider screens show it always and ignore this. */
  protected readonly menuOpen = signal(false);
  private readonly menuButton = viewChild.required<ElementRef<HTMLButtonElement>>('menuButton');
  /**
   * The shown page's path, for marking its link. The header's links are plain links followed by the
   * router (appRouterLinks): a routerLink with routerLinkActive on each of a dozen links built URL
   * trees and followed the router's events, a visible part of the start-up on a phone's CPU.
   */
  private readonly currentPath = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      // A followed link has done its job: the menu folds so the new page starts right under the header.
      tap(() => this.menuOpen.set(false)),
      map((event) => this.router.parseUrl(event.urlAfterRedirects)),
      map((tree) => '/' + (tree.root.children['primary']?.segments.map((segment) => segment.path).join('/') ?? '')),
    ),
    { initialValue: null },
  );

  /** Whether the page shown is `path` or under it; Home only itself. */
  protected isActive(path: string): boolean {
    const current = this.currentPath();
    if (current === null) return false;
    return path === '/' ? current === '/' : current === path || current.startsWith(`${path}/`);
  }

  protected toggleMenu(): void {
    this.menuOpen.update((open) => !open);
  }

  /**
   * Escape in the header folds the menu and puts focus back on its button, so a keyboard user is not
   * left nowhere. Escapes elsewhere (the page, its dialogs) belong to them.
   */
  protected closeMenu(event: Event): void {
    if (!this.menuOpen() || !(event.target instanceof Element) || !event.target.closest('.app-header')) return;
    this.menuOpen.set(false);
    this.menuButton().nativeElement.focus();
  }

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
