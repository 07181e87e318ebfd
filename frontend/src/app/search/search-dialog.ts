import { ChangeDetectionStrategy, Component, Injector, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { SEARCH_MIN_LENGTH, type ApiError, type SearchResultDto } from '@tyoelama/shared';
import { catchError, debounceTime, distinctUntilChanged, map, of, switchMap, tap } from 'rxjs';

import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { SearchApi } from './search-api';

export const SEARCH_DEBOUNCE_MS = 250;

type Kind = 'employers' | 'contactPersons' | 'opportunities';

interface Option {
  id: string;
  kind: Kind;
  primary: string;
  secondary: string;
  /** Router commands of the page the option opens. */
  target: (string | number)[];
}

interface Group {
  kind: Kind;
  options: (Option & { index: number })[];
}

/** The results as one flat list of options in display order (what the arrow keys walk through). */
export function optionsOf(result: SearchResultDto, i18n: I18n): Option[] {
  return [
    ...result.employers.map((hit) => ({
      id: `search-employer-${hit.id}`,
      kind: 'employers' as const,
      primary: hit.name,
      secondary: [hit.businessId ? i18n.t('search.businessId', { id: hit.businessId }) : '', hit.municipality ?? '']
        .filter(Boolean)
        .join(', '),
      target: ['/employers', hit.id],
    })),
    ...result.contactPersons.map((hit) => ({
      id: `search-person-${hit.id}`,
      kind: 'contactPersons' as const,
      primary: hit.name,
      secondary: hit.title
        ? i18n.t('search.at', { title: hit.title, employer: hit.employerName })
        : i18n.t('search.atNoTitle', { employer: hit.employerName }),
      target: ['/employers', hit.employerId],
    })),
    ...result.opportunities.map((hit) => ({
      id: `search-opportunity-${hit.id}`,
      kind: 'opportunities' as const,
      primary: hit.title,
      secondary: i18n.t('search.opportunityAt', {
        stage: i18n.t(`pipeline.stages.${hit.stage}`),
        employer: hit.employerName,
      }),
      // The employer page lists its opportunities; the board has no single-card view to open.
      target: ['/employers', hit.employerId],
    })),
  ];
}

/**
 * Global search: an ARIA combobox (the input) with a grouped listbox. Focus stays in the input;
 * the arrow keys move aria-activedescendant, Enter opens, Esc closes (MatDialog) and focus returns.
 */
@Component({
  selector: 'app-search-dialog',
  imports: [TranslatePipe],
  templateUrl: './search-dialog.html',
  styleUrl: './search-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SearchDialog {
  private readonly api = inject(SearchApi);
  private readonly router = inject(Router);
  private readonly dialogRef = inject<MatDialogRef<SearchDialog>>(MatDialogRef, { optional: true });
  protected readonly i18n = inject(I18n);
  protected readonly minLength = SEARCH_MIN_LENGTH;

  protected readonly q = signal('');
  protected readonly searching = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly options = signal<Option[]>([]);
  /** The query the shown results belong to. */
  protected readonly shownFor = signal('');
  protected readonly active = signal(-1);

  protected readonly groups = computed<Group[]>(() => {
    const groups: Group[] = [];
    this.options().forEach((option, index) => {
      let group = groups.find((candidate) => candidate.kind === option.kind);
      if (!group) {
        group = { kind: option.kind, options: [] };
        groups.push(group);
      }
      group.options.push({ ...option, index });
    });
    return groups;
  });
  protected readonly expanded = computed(() => this.options().length > 0);
  protected readonly activeId = computed(() => this.options()[this.active()]?.id ?? null);

  constructor() {
    toObservable(this.q)
      .pipe(
        map((q) => q.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        tap(() => this.error.set(null)),
        switchMap((q) => {
          if (q.length < SEARCH_MIN_LENGTH) return of({ q, result: null });
          this.searching.set(true);
          return this.api.search(q).pipe(
            map((result) => ({ q, result })),
            catchError((error: ApiError) => {
              this.error.set(error);
              return of({ q, result: null });
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe(({ q, result }) => {
        this.searching.set(false);
        this.shownFor.set(result ? q : '');
        this.options.set(result ? optionsOf(result, this.i18n) : []);
        this.active.set(-1);
      });
  }

  protected moveActive(event: Event): void {
    const key = (event as KeyboardEvent).key;
    const count = this.options().length;
    if (!count) return;
    const current = this.active();
    let next = current;
    if (key === 'ArrowDown') next = current < count - 1 ? current + 1 : 0;
    else if (key === 'ArrowUp') next = current > 0 ? current - 1 : count - 1;
    else if (key === 'Home') next = 0;
    else if (key === 'End') next = count - 1;
    else if (key === 'Enter') {
      event.preventDefault();
      const option = this.options()[current < 0 ? 0 : current];
      if (option) this.openOption(option);
      return;
    } else return;
    event.preventDefault();
    this.active.set(next);
    // Keep the active option in view in a long list.
    document.getElementById(this.options()[next]?.id ?? '')?.scrollIntoView?.({ block: 'nearest' });
  }

  protected openOption(option: Option): void {
    this.dialogRef?.close();
    void this.router.navigate(option.target);
  }

  protected close(): void {
    this.dialogRef?.close();
  }
}

/** Opens the dialog; MatDialog returns focus to whatever had it (the header button or the page). */
export function openSearchDialog(injector: Injector, closed: () => void): MatDialogRef<SearchDialog> {
  const ref = injector.get(MatDialog).open(SearchDialog, {
    width: '40rem',
    maxWidth: '100vw',
    position: { top: '10vh' },
    autoFocus: '#global-search-input',
    restoreFocus: true,
    ariaLabelledBy: 'global-search-heading',
  });
  ref.afterClosed().subscribe(() => closed());
  return ref;
}
