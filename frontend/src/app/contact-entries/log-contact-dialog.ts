import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  CONTACT_TOPICS,
  CONTACT_TYPES,
  canRead,
  createContactEntrySchema,
  updateContactEntrySchema,
  rightOf,
  type ApiError,
  type CampusGroupDto,
  type ContactEntryDto,
  type ContactPersonDto,
  type UserDto,
} from '@tyoelama/shared';
import { catchError, map, of } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { ContactPersonsApi } from '../contact-persons/contact-persons-api';
import { Auth } from '../core/auth';
import type { LogContactPreset } from '../core/contact-log';
import { FormStatus } from '../core/form-status';
import { I18n } from '../core/i18n/i18n';
import { EmployerField, pickedEmployer } from '../employers/employer-field';
import { EmployersApi } from '../employers/employers-api';
import { UsersApi } from '../users/users-api';
import { FORM_FIELDS } from '../ui/form-fields';
import { DialogActions } from '../ui/form/dialog-actions';
import { formSubmission } from '../ui/form/form-submission';
import { InlineFieldError } from '../ui/form/inline-field-error';
import { ContactEntriesApi } from './contact-entries-api';
import { FollowUpFields } from './follow-up-fields';
import { createBody, entryFormValue, logContactForm, placeFieldErrors, updateBody } from './log-contact-form';

const SUMMARY_MAX = 300;

/** What the dialog opens on: a new entry (with an employer chosen or not) or a logged entry to edit. */
export type LogContactData = LogContactPreset & { entry?: ContactEntryDto };
/** One page of active users covers the assignee choice. */
const ASSIGNEE_LIMIT = 200;

/** One short form for a contact with an employer, opened from anywhere by LogContactLauncher. */
@Component({
  selector: 'app-log-contact-dialog',
  imports: [
    FORM_FIELDS,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    DialogActions,
    InlineFieldError,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatCheckbox,
    MatChipListbox,
    MatChipOption,
    EmployerField,
    FollowUpFields,
    FormStatus,
  ],
  templateUrl: './log-contact-dialog.html',
  styleUrl: './log-contact-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LogContactDialog {
  private readonly api = inject(ContactEntriesApi);
  private readonly auth = inject(Auth);
  private readonly dialogRef = inject<MatDialogRef<LogContactDialog, ContactEntryDto>>(MatDialogRef);
  private readonly campusGroupsApi = inject(CampusGroupsApi);
  private readonly employersApi = inject(EmployersApi);
  private readonly contactPersonsApi = inject(ContactPersonsApi);
  private readonly usersApi = inject(UsersApi);
  protected readonly preset = inject<LogContactData | null>(MAT_DIALOG_DATA, { optional: true }) ?? {};
  /** The logged entry being edited; null when logging a new one. */
  protected readonly entry = signal(this.preset.entry ?? null);
  protected readonly editing = this.preset.entry !== undefined;
  protected readonly i18n = inject(I18n);
  protected readonly types = CONTACT_TYPES;
  protected readonly topics = CONTACT_TOPICS;
  protected readonly summaryMax = SUMMARY_MAX;

  protected readonly me = this.auth.me;
  /** Campus members log for themselves only; staff may hand the follow-up to someone else. */
  protected readonly canAssignOthers = computed(() => {
    const me = this.me();
    return !!me && rightOf(me.role, 'followUps').write === 'all';
  });

  protected readonly form = logContactForm(this.auth.me()?.id ?? null);
  protected readonly addFollowUp = new FormControl(false, { nonNullable: true });
  protected readonly followUpOn = toSignal(this.addFollowUp.valueChanges, { initialValue: false });

  private readonly employerValue = toSignal(this.form.controls.employerId.valueChanges, { initialValue: null });
  protected readonly employerId = computed(() => pickedEmployer(this.employerValue())?.id ?? null);
  private readonly summaryValue = toSignal(this.form.controls.summary.valueChanges, { initialValue: '' });
  protected readonly summaryLength = computed(() => this.summaryValue().length);

  protected readonly persons = signal<ContactPersonDto[]>([]);
  protected readonly personsLoading = signal(false);
  /** The caller's own groups linked to the chosen employer, when there is a choice to make. */
  protected readonly groupChoices = signal<CampusGroupDto[]>([]);
  protected readonly groupOptions = computed(() =>
    this.groupChoices().map((group) => ({ value: group.id, label: group.name })),
  );
  protected readonly users = signal<UserDto[]>([]);
  protected readonly notesOpen = signal(false);
  /** A changed form asks before it closes: this shows the question in place of the actions. */
  protected readonly confirmingClose = signal(false);
  private readonly status = viewChild.required<ElementRef<HTMLElement>>('status');
  private readonly keepEditingButton = viewChild('keepEditingButton', { read: ElementRef<HTMLButtonElement> });
  private readonly injector = inject(Injector);
  protected readonly submission = formSubmission(this.form, {
    // A refused save puts focus on its message instead (see `showRefusal`).
    focusOnRefusal: false,
    place: (form, errors) => {
      placeFieldErrors(form, errors);
      // A problem in the notes must not hide behind their toggle.
      if (this.form.controls.notes.invalid) this.notesOpen.set(true);
    },
  });

  private allGroups: CampusGroupDto[] | null = null;
  private usersRequested = false;

  constructor() {
    const entry = this.preset.entry;
    if (entry) {
      this.fillFrom(entry);
      this.form.controls.employerId.disable();
    }
    const presetId = entry ? null : this.preset.employerId;
    if (presetId) {
      if (this.preset.employerName)
        this.form.controls.employerId.setValue({ id: presetId, name: this.preset.employerName });
      else
        this.employersApi.get(presetId).subscribe({
          next: (employer) => this.form.controls.employerId.setValue({ id: employer.id, name: employer.name }),
          error: (error: ApiError) => this.submission.error.set(error),
        });
    }

    effect(() => {
      const id = this.employerId();
      untracked(() => this.employerChanged(id));
    });

    effect(() => {
      if (this.followUpOn() && this.canAssignOthers() && !this.usersRequested) {
        this.usersRequested = true;
        untracked(() =>
          this.usersApi
            .list({ active: true, limit: ASSIGNEE_LIMIT })
            .pipe(
              map((page) => page.items),
              catchError(() => of([] as UserDto[])),
            )
            // Leadership only reads; the API would refuse them as assignees.
            .subscribe((users) => this.users.set(users.filter((user) => user.role !== 'leadership'))),
        );
      }
    });
  }

  protected togglePerson(id: number, checked: boolean): void {
    const control = this.form.controls.contactPersonIds;
    const ids = control.value.filter((existing) => existing !== id);
    control.setValue(checked ? [...ids, id] : ids);
    control.markAsDirty();
  }

  protected toggleNotes(): void {
    this.notesOpen.update((open) => !open);
  }

  protected saveEntry(): void {
    if (this.submission.pending()) return;
    const entry = this.entry();
    const refused = (error: ApiError) => this.showRefusal(error);
    if (entry) {
      const body = this.submission.validate(updateContactEntrySchema, updateBody(this.form, entry));
      if (body)
        this.submission.send(this.api.update(entry.id, body), (saved) => this.dialogRef.close(saved), { refused });
    } else {
      const body = this.submission.validate(
        createContactEntrySchema,
        createBody(this.form, {
          pickedGroup: this.groupChoices().length > 1,
          followUp: this.followUpOn(),
          canAssignOthers: this.canAssignOthers(),
        }),
      );
      if (body) this.submission.send(this.api.create(body), (saved) => this.dialogRef.close(saved), { refused });
    }
  }

  /** Escape, the backdrop and Cancel: a changed form asks first, an unchanged one closes at once. */
  requestClose(): void {
    if (this.confirmingClose()) {
      this.keepEditing();
      return;
    }
    if (!this.form.dirty && !this.addFollowUp.dirty) {
      this.dialogRef.close();
      return;
    }
    this.confirmingClose.set(true);
    afterNextRender(() => this.keepEditingButton()?.nativeElement.focus(), { injector: this.injector });
  }

  protected keepEditing(): void {
    this.confirmingClose.set(false);
    afterNextRender(() => this.focusFirstField(), { injector: this.injector });
  }

  protected discard(): void {
    this.dialogRef.close();
  }

  /** After a stale save: the entry as it is now, the user's changes given up. */
  protected reloadEntry(): void {
    const entry = this.entry();
    if (!entry) return;
    this.api.get(entry.id).subscribe({
      next: (current) => {
        this.submission.error.set(null);
        this.fillFrom(current);
      },
      error: (error: ApiError) => this.showRefusal(error),
    });
  }

  /**
   * The refusal's message gets focus and comes into view wherever the user had scrolled (the
   * follow-up section can push it out of sight); the message is in a live region as well.
   */
  private showRefusal(error: ApiError): boolean {
    this.submission.showRefusal(error);
    afterNextRender(
      () => {
        const status = this.status().nativeElement;
        status.focus();
        status.scrollIntoView?.({ block: 'nearest' });
      },
      { injector: this.injector },
    );
    return true;
  }

  private focusFirstField(): void {
    const id = this.editing || this.preset.employerId ? 'log-contact-summary' : 'log-contact-employer';
    this.dialogRef.componentRef?.location.nativeElement.querySelector(`#${id}`)?.focus();
  }

  private fillFrom(entry: ContactEntryDto): void {
    this.entry.set(entry);
    this.form.patchValue(entryFormValue(entry));
    if (entry.notes) this.notesOpen.set(true);
    this.form.markAsPristine();
  }

  private employerChanged(id: number | null): void {
    this.persons.set([]);
    this.groupChoices.set([]);
    // An edited entry keeps its persons (its employer cannot change).
    if (!this.editing) this.form.controls.contactPersonIds.setValue([]);
    this.form.controls.campusGroupId.setValue(null);
    if (id === null) return;
    this.personsLoading.set(true);
    this.contactPersonsApi.list(id).subscribe({
      next: (persons) => {
        if (this.employerId() !== id) return;
        this.personsLoading.set(false);
        this.persons.set(persons.filter((person) => !person.erased));
      },
      error: () => this.personsLoading.set(false),
    });
    if (!this.editing) this.loadGroupChoices(id);
  }

  /** Only a campus member in several groups linked to the employer picks one; everyone else gets the server's default. */
  private loadGroupChoices(employerId: number): void {
    const me = this.me();
    if (!me || me.role !== 'campus_member' || me.campusGroupIds.length < 2 || !canRead(me.role, 'employers')) return;
    this.employersApi.get(employerId).subscribe({
      next: (employer) => {
        const linked = new Set([employer.ownerCampusGroupId, ...employer.campusGroupIds]);
        const own = me.campusGroupIds.filter((groupId) => linked.has(groupId));
        if (own.length < 2 || this.employerId() !== employerId) return;
        const show = (groups: CampusGroupDto[]) => {
          const byId = new Map(groups.map((group) => [group.id, group]));
          this.groupChoices.set(
            own.map(
              (groupId) =>
                byId.get(groupId) ?? {
                  id: groupId,
                  name: `#${groupId}`,
                  campus: '',
                  memberCount: 0,
                  createdAt: '',
                  updatedAt: '',
                  version: 0,
                },
            ),
          );
          this.form.controls.campusGroupId.setValue(own[0] ?? null);
        };
        if (this.allGroups) show(this.allGroups);
        else
          this.campusGroupsApi
            .listAll()
            .pipe(catchError(() => of([] as CampusGroupDto[])))
            .subscribe((groups) => {
              this.allGroups = groups;
              show(groups);
            });
      },
      error: () => undefined,
    });
  }
}
