import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatChipListbox, MatChipOption } from '@angular/material/chips';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  CONTACT_TOPICS,
  CONTACT_TYPES,
  canRead,
  createContactEntrySchema,
  helsinkiDate,
  rightOf,
  type ApiError,
  type CampusGroupDto,
  type ContactEntryDto,
  type ContactPersonDto,
  type ContactTopic,
  type ContactType,
  type FieldError,
  type UserDto,
} from '@tyoelama/shared';
import { catchError, map, of } from 'rxjs';

import { CampusGroupsApi } from '../campus-groups/campus-groups-api';
import { ContactPersonsApi } from '../contact-persons/contact-persons-api';
import { Auth } from '../core/auth';
import type { LogContactPreset } from '../core/contact-log';
import { FormStatus } from '../core/form-status';
import { focusFirstInvalid, showFieldErrors, validateForm } from '../core/forms';
import { I18n } from '../core/i18n/i18n';
import { EmployerField, pickedEmployer, type EmployerFieldValue } from '../employers/employer-field';
import { EmployersApi } from '../employers/employers-api';
import { UsersApi } from '../users/users-api';
import { helsinkiTime, helsinkiToIso } from '../core/dates';
import { FORM_FIELDS } from '../ui/form-fields';
import { ContactEntriesApi } from './contact-entries-api';
import { FollowUpFields } from './follow-up-fields';

const SUMMARY_MAX = 300;
/** One page of active users covers the assignee choice. */
const ASSIGNEE_LIMIT = 200;

/**
 * Puts field errors on the controls they name, nested ones too (`followUp.title` on the follow-up's
 * title); the rest go by their first segment like every other form.
 */
function placeFieldErrors(form: FormGroup, errors: readonly FieldError[]): void {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const [group, field] = error.path.split('.');
    const nested = field !== undefined ? form.get([group ?? '', field]) : null;
    if (nested && !(nested instanceof FormGroup)) {
      nested.setErrors({ field: error });
      nested.markAsTouched();
    } else flat.push(error);
  }
  showFieldErrors(form, flat);
}

/** One short form for a contact with an employer, opened from anywhere by LogContactLauncher. */
@Component({
  selector: 'app-log-contact-dialog',
  imports: [
    FORM_FIELDS,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
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
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly campusGroupsApi = inject(CampusGroupsApi);
  private readonly employersApi = inject(EmployersApi);
  private readonly contactPersonsApi = inject(ContactPersonsApi);
  private readonly usersApi = inject(UsersApi);
  protected readonly preset = inject<LogContactPreset | null>(MAT_DIALOG_DATA, { optional: true }) ?? {};
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

  protected readonly form = new FormGroup({
    employerId: new FormControl<EmployerFieldValue>(null),
    type: new FormControl<ContactType>('phone', { nonNullable: true }),
    // The date part of occurredAt: the API's errors for occurredAt show here.
    occurredAt: new FormControl(helsinkiDate(), { nonNullable: true }),
    occurredTime: new FormControl(helsinkiTime(), { nonNullable: true }),
    summary: new FormControl('', { nonNullable: true }),
    notes: new FormControl('', { nonNullable: true }),
    contactPersonIds: new FormControl<number[]>([], { nonNullable: true }),
    topics: new FormControl<ContactTopic[]>([], { nonNullable: true }),
    campusGroupId: new FormControl<number | null>(null),
    followUp: new FormGroup({
      title: new FormControl('', { nonNullable: true }),
      dueDate: new FormControl('', { nonNullable: true }),
      assigneeId: new FormControl<number | null>(this.auth.me()?.id ?? null),
    }),
  });
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
  protected readonly users = signal<UserDto[]>([]);
  protected readonly saving = signal(false);
  protected readonly formError = signal<ApiError | null>(null);
  protected readonly notesOpen = signal(false);

  private allGroups: CampusGroupDto[] | null = null;
  private usersRequested = false;

  constructor() {
    const presetId = this.preset.employerId;
    if (presetId) {
      if (this.preset.employerName)
        this.form.controls.employerId.setValue({ id: presetId, name: this.preset.employerName });
      else
        this.employersApi.get(presetId).subscribe({
          next: (employer) => this.form.controls.employerId.setValue({ id: employer.id, name: employer.name }),
          error: (error: ApiError) => this.formError.set(error),
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
  }

  protected toggleNotes(): void {
    this.notesOpen.update((open) => !open);
  }

  protected saveEntry(): void {
    if (this.saving()) return;
    this.formError.set(null);
    const result = validateForm(createContactEntrySchema, this.requestBody(), this.form);
    if (!result.ok) {
      placeFieldErrors(this.form, result.fieldErrors);
      this.revealNotesOnError();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    this.saving.set(true);
    this.api.create(result.value).subscribe({
      next: (entry) => {
        this.saving.set(false);
        this.dialogRef.close(entry);
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.fieldErrors?.length) placeFieldErrors(this.form, error.fieldErrors);
        this.revealNotesOnError();
        this.formError.set(error);
        focusFirstInvalid(this.host, this.injector);
      },
    });
  }

  protected close(): void {
    this.dialogRef.close();
  }

  private revealNotesOnError(): void {
    if (this.form.controls.notes.invalid) this.notesOpen.set(true);
  }

  private requestBody(): Record<string, unknown> {
    const value = this.form.getRawValue();
    const employer = pickedEmployer(value.employerId);
    const followUp = value.followUp;
    return {
      employerId: employer?.id,
      type: value.type,
      occurredAt: helsinkiToIso(value.occurredAt, value.occurredTime),
      summary: value.summary,
      notes: value.notes,
      contactPersonIds: value.contactPersonIds,
      topics: value.topics,
      campusGroupId: this.groupChoices().length > 1 ? (value.campusGroupId ?? undefined) : undefined,
      followUp: this.followUpOn()
        ? {
            title: followUp.title,
            dueDate: followUp.dueDate || undefined,
            assigneeId: this.canAssignOthers() ? (followUp.assigneeId ?? undefined) : undefined,
          }
        : undefined,
    };
  }

  private employerChanged(id: number | null): void {
    this.persons.set([]);
    this.groupChoices.set([]);
    this.form.controls.contactPersonIds.setValue([]);
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
    this.loadGroupChoices(id);
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

/**
 * Opens the dialog; lives here so MatDialog and the form stay in this lazy chunk. The launcher
 * calls it after `import()`.
 */
export function openLogContactDialog(
  injector: Injector,
  preset: LogContactPreset,
  logged: (entry: ContactEntryDto) => void,
  closed: () => void,
): MatDialogRef<LogContactDialog, ContactEntryDto> {
  const dialog = injector.get(MatDialog);
  const snackBar = injector.get(MatSnackBar);
  const i18n = injector.get(I18n);
  const ref = dialog.open<LogContactDialog, LogContactPreset, ContactEntryDto>(LogContactDialog, {
    data: preset,
    width: '42rem',
    maxWidth: '100vw',
    // Focus the first field still to fill in; MatDialog returns focus to the opener on close.
    autoFocus: preset.employerId ? '#log-contact-summary' : '#log-contact-employer',
    restoreFocus: true,
  });
  ref.afterClosed().subscribe((entry) => {
    closed();
    if (!entry) return;
    const message = i18n.t(entry.followUpIds.length ? 'logContact.loggedWithFollowUp' : 'logContact.logged');
    snackBar.open(message, i18n.t('common.dismiss'), { duration: 6000, politeness: 'polite' });
    logged(entry);
  });
  return ref;
}
