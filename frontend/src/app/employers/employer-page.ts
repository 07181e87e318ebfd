import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { formatFinnishDate, type ApiError, type EmployerDto, type OpportunityDto } from '@tyoelama/shared';

import { campusGroupNames } from '../campus-groups/campus-groups-api';
import { injectCanWrite } from '../core/auth';
import { ContactLog } from '../core/contact-log';
import { HomeApi } from '../home/home-api';
import { FormStatus } from '../core/form-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { EmployerJourney } from '../employer-journey/employer-journey';
import { EmployerFollowUps } from '../follow-ups/employer-follow-ups';
import { injectConfirm } from '../ui/confirm-dialog';
import { DataTable, figureColumn } from '../ui/data-table';
import { FinnishDatePipe } from '../ui/finnish-date-pipe';
import { injectNotify } from '../ui/notify';
import { Skeleton } from '../ui/skeleton';
import { ContactPersons } from '../contact-persons/contact-persons';
import { EmployerForm } from './employer-form';
import { EmployerLookups } from './employer-lookups';
import { EmployerTimeline } from '../timeline/employer-timeline';
import { EmployerWorkplaceLearning } from '../workplace-learning/employer-workplace-learning';
import { EmployersApi } from './employers-api';
import { IndustryName } from './industry-name';
import { ApiErrorPipe } from '../core/i18n/api-error-pipe';

/** /employers/:id: the employer, its people, open follow-ups, opportunities and history. */
@Component({
  selector: 'app-employer-page',
  imports: [
    DataTable,
    ApiErrorPipe,
    RouterLink,
    MatButton,
    FormStatus,
    EmployerForm,
    ContactPersons,
    EmployerTimeline,
    EmployerFollowUps,
    EmployerJourney,
    EmployerWorkplaceLearning,
    TranslatePipe,
    FinnishDatePipe,
    Skeleton,
    IndustryName,
  ],
  templateUrl: './employer-page.html',
  styleUrl: './employer-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerPage {
  private readonly api = inject(EmployersApi);
  private readonly launcher = inject(ContactLog);
  private readonly confirm = injectConfirm();
  private readonly notify = injectNotify();
  private readonly homeApi = inject(HomeApi);
  protected readonly i18n = inject(I18n);

  protected readonly opportunityColumns = [
    'employers.opportunities.titleCol',
    'employers.opportunities.type',
    'employers.opportunities.stage',
    figureColumn('employers.opportunities.placesCol'),
  ];

  /** The `:id` route parameter. */
  readonly id = input.required<string>();

  protected readonly employerId = computed(() => {
    const raw = this.id();
    return /^[1-9][0-9]{0,15}$/.test(raw) ? Number(raw) : null;
  });
  protected readonly canEdit = injectCanWrite('employers');
  protected readonly canLogContact = injectCanWrite('contactEntries');

  protected readonly employer = signal<EmployerDto | null>(null);
  protected readonly loadError = signal<ApiError | null>(null);
  protected readonly actionError = signal<ApiError | null>(null);
  protected readonly editing = signal(false);
  protected readonly busy = signal(false);
  /** Bumped when a contact was logged here, so the follow-ups (it may have added one) reload. */
  protected readonly followUpsVersion = signal(0);
  protected readonly opportunities = signal<OpportunityDto[]>([]);
  /** Bumped when something new happened here, so the timeline reloads. */
  protected readonly timelineVersion = signal(0);

  private readonly campusGroups = toSignal(inject(EmployerLookups).campusGroups$, { initialValue: [] });
  /** The header's key facts: each one's label (a translation key) and its value as shown. */
  protected readonly summary = computed(() => {
    const employer = this.employer();
    if (!employer) return [];
    const none = this.i18n.t('employers.page.noValue');
    const lastContact = employer.lastContactAt
      ? formatFinnishDate(employer.lastContactAt)
      : this.i18n.t('common.never');
    return [
      { label: 'employers.fields.status', value: this.i18n.t(`employers.statuses.${employer.status}`) },
      { label: 'employers.fields.businessId', value: employer.businessId ?? none },
      { label: 'employers.page.owner', value: employer.ownerCampusGroupName },
      { label: 'employers.fields.accountManagerId', value: employer.accountManagerName ?? none },
      { label: 'employers.list.lastContact', value: lastContact },
    ];
  });
  protected readonly otherGroupNames = computed(() => {
    const employer = this.employer();
    if (!employer) return '';
    const names = new Map(this.campusGroups().map((group) => [group.id, group.name]));
    return campusGroupNames(employer.campusGroupIds, names, this.i18n);
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
      this.followUpsVersion.update((version) => version + 1);
      this.refreshEmployer(id);
      this.timelineVersion.update((version) => version + 1);
    });
  }

  /** A follow-up was added or changed: the next due date and the history follow. */
  protected followUpsChanged(): void {
    const id = this.employerId();
    if (id !== null) this.refreshEmployer(id);
    this.timelineVersion.update((version) => version + 1);
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
    this.confirm(
      {
        title: 'employers.page.archiveTitle',
        message: 'employers.page.archiveText',
        confirm: 'employers.page.archive',
      },
      () => this.changeArchived(employer, true),
    );
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
        this.notify(archive ? 'employers.page.archivedDone' : 'employers.page.restoredDone');
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
        // For the home page's "recently viewed"; a failure there must not disturb this page.
        this.homeApi.recordView(id).subscribe({ error: () => undefined });
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

  private loadOpportunities(id: number): void {
    this.api
      .opportunities(id)
      .subscribe({ next: (page) => this.opportunities.set(page.items), error: () => this.opportunities.set([]) });
  }
}
