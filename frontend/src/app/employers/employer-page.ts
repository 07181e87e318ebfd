import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  canWrite,
  formatFinnishDate,
  rightOf,
  type ApiError,
  type EmployerDto,
  type FollowUpDto,
  type OpportunityDto,
} from '@tyoelama/shared';

import { Auth } from '../core/auth';
import { ContactLog } from '../core/contact-log';
import { FormStatus } from '../core/form-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { FollowUpsApi } from '../follow-ups/follow-ups-api';
import { ConfirmDialog, type ConfirmDialogData } from '../ui/confirm-dialog';
import { ContactPersons } from '../contact-persons/contact-persons';
import { EmployerForm } from './employer-form';
import { EmployerLookups } from './employer-lookups';
import { EmployerTimeline } from '../timeline/employer-timeline';
import { EmployersApi } from './employers-api';

/** /employers/:id: the employer, its people, open follow-ups, opportunities and history. */
@Component({
  selector: 'app-employer-page',
  imports: [RouterLink, MatButton, FormStatus, EmployerForm, ContactPersons, EmployerTimeline, TranslatePipe],
  templateUrl: './employer-page.html',
  styleUrl: './employer-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerPage {
  private readonly api = inject(EmployersApi);
  private readonly followUpsApi = inject(FollowUpsApi);
  private readonly auth = inject(Auth);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly launcher = inject(ContactLog);
  protected readonly i18n = inject(I18n);
  protected readonly formatDate = formatFinnishDate;

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly employerId = computed(() => {
    const raw = this.id();
    return /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : null;
  });
  protected readonly canEdit = computed(() => {
    const me = this.auth.me();
    return !!me && canWrite(me.role, 'employers');
  });
  protected readonly canLogContact = computed(() => {
    const me = this.auth.me();
    return !!me && canWrite(me.role, 'contactEntries');
  });

  protected readonly employer = signal<EmployerDto | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly editing = signal(false);
  protected readonly busy = signal(false);
  protected readonly followUps = signal<FollowUpDto[]>([]);
  protected readonly opportunities = signal<OpportunityDto[]>([]);
  /** Bumped when something new happened here, so the timeline reloads. */
  protected readonly timelineVersion = signal(0);

  private readonly campusGroups = toSignal(inject(EmployerLookups).campusGroups$, { initialValue: [] });
  protected readonly otherGroupNames = computed(() => {
    const employer = this.employer();
    if (!employer) return '';
    const names = new Map(this.campusGroups().map((group) => [group.id, group.name]));
    return employer.campusGroupIds.map((id) => names.get(id) ?? `#${id}`).join(', ');
  });

  constructor() {
    effect(() => {
      const id = this.employerId();
      untracked(() => {
        if (id === null)
          this.loadError.set({ statusCode: 404, error: 'Not Found', message: 'Not found', code: 'NOT_FOUND' });
        else this.load(id);
      });
    });
    this.launcher.logged$.pipe(takeUntilDestroyed()).subscribe((entry) => {
      const id = this.employerId();
      if (entry.employerId !== id || id === null) return;
      this.loadFollowUps(id);
      this.refreshEmployer(id);
      this.timelineVersion.update((version) => version + 1);
    });
  }

  protected canComplete(followUp: FollowUpDto): boolean {
    const me = this.auth.me();
    if (!me) return false;
    const write = rightOf(me.role, 'followUps').write;
    return write === 'all' || (write === 'assigned' && followUp.assigneeId === me.id);
  }

  protected logContact(): void {
    const employer = this.employer();
    if (employer) void this.launcher.open({ employerId: employer.id, employerName: employer.name });
  }

  protected showSaved(saved: EmployerDto): void {
    this.employer.set(saved);
    this.editing.set(false);
    this.timelineVersion.update((version) => version + 1);
  }

  protected archive(): void {
    const employer = this.employer();
    if (!employer) return;
    const data: ConfirmDialogData = {
      title: this.i18n.t('employers.page.archiveTitle'),
      message: this.i18n.t('employers.page.archiveText'),
      confirm: this.i18n.t('employers.page.archive'),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.changeArchived(employer, true);
      });
  }

  protected restore(): void {
    const employer = this.employer();
    if (employer) this.changeArchived(employer, false);
  }

  protected reloadAfterConflict(): void {
    this.actionError.set(null);
    const id = this.employerId();
    if (id !== null) this.refreshEmployer(id);
  }

  protected complete(followUp: FollowUpDto): void {
    this.actionError.set(null);
    this.followUpsApi.act(followUp, 'complete').subscribe({
      next: () => {
        this.followUps.update((list) => list.filter((item) => item.id !== followUp.id));
        this.snackBar.open(this.i18n.t('employers.followUps.completed'), this.i18n.t('common.dismiss'), {
          duration: 5000,
        });
        this.timelineVersion.update((version) => version + 1);
      },
      error: (error: ApiError) => {
        this.actionError.set(error);
        const id = this.employerId();
        if (id !== null) this.loadFollowUps(id);
      },
    });
  }

  private changeArchived(employer: EmployerDto, archive: boolean): void {
    this.busy.set(true);
    this.actionError.set(null);
    const request = archive
      ? this.api.archive(employer.id, employer.version)
      : this.api.restore(employer.id, employer.version);
    request.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.employer.set(saved);
        this.editing.set(false);
        this.timelineVersion.update((version) => version + 1);
        this.snackBar.open(
          this.i18n.t(archive ? 'employers.page.archivedDone' : 'employers.page.restoredDone'),
          this.i18n.t('common.dismiss'),
          {
            duration: 5000,
          },
        );
      },
      error: (error: ApiError) => {
        this.busy.set(false);
        this.actionError.set(error);
      },
    });
  }

  private load(id: number): void {
    this.loadError.set(null);
    this.employer.set(null);
    this.editing.set(false);
    this.api.get(id).subscribe({
      next: (employer) => {
        this.employer.set(employer);
        this.loadFollowUps(id);
        this.loadOpportunities(id);
      },
      error: (error: ApiError) => this.loadError.set(error),
    });
  }

  // Last contact and next follow-up change when a contact is logged elsewhere.
  private refreshEmployer(id: number): void {
    if (this.editing()) return;
    this.api.get(id).subscribe({
      next: (employer) => this.employer.set(employer),
      error: (error: ApiError) => this.actionError.set(error),
    });
  }

  private loadFollowUps(id: number): void {
    this.followUpsApi
      .list({ employerId: id, status: 'open', limit: 100 })
      .subscribe({ next: (page) => this.followUps.set(page.items), error: () => this.followUps.set([]) });
  }

  private loadOpportunities(id: number): void {
    this.api
      .opportunities(id)
      .subscribe({ next: (page) => this.opportunities.set(page.items), error: () => this.opportunities.set([]) });
  }
}
