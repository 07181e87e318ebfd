import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import {
  EMPLOYER_STATUSES,
  INDUSTRY_CLASSIFICATIONS,
  INDUSTRY_SECTIONS,
  SIZE_CLASSES,
  businessIdProblem,
  createEmployerSchema,
  normaliseBusinessId,
  updateEmployerSchema,
  type ApiError,
  type BusinessIdTakenDetail,
  type CampusGroupDto,
  type EmployerDto,
  type EmployerStatus,
  type IndustryClassification,
  type SizeClass,
  type UpdateEmployerRequest,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { FormStatus } from '../core/form-status';
import { fieldErrorOf, showFieldErrors } from '../core/forms';
import { I18n, type TranslationParams } from '../core/i18n/i18n';
import { FORM_FIELDS } from '../ui/form-fields';
import { formSubmission } from '../ui/form/form-submission';
import type { SelectOption } from '../ui/form/select-field';
import { diffConflict, editableOf, reapplyMine, type EditableEmployer, type FieldConflict } from './conflict';
import { ConflictPanel } from './conflict-panel';
import { EmployerLookups } from './employer-lookups';
import { EmployerYtj } from './employer-ytj';
import { EmployersApi } from './employers-api';
import { industryCodeName } from './industry-name';

function isEmployerDto(value: unknown): value is EmployerDto {
  return (
    typeof value === 'object' && value !== null && 'id' in value && 'version' in value && 'ownerCampusGroupId' in value
  );
}

function isTakenDetail(value: unknown): value is BusinessIdTakenDetail {
  return typeof value === 'object' && value !== null && 'existingEmployerId' in value;
}

function groupOption(group: CampusGroupDto): SelectOption {
  return { value: group.id, label: `${group.name} (${group.campus})` };
}

function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The employer's details: creates one at /employers/new, edits one in place on its page. */
@Component({
  selector: 'app-employer-form',
  imports: [FORM_FIELDS, RouterLink, MatButton, FormStatus, ConflictPanel, EmployerYtj],
  templateUrl: './employer-form.html',
  styleUrl: './employer-form.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerForm {
  private readonly api = inject(EmployersApi);
  private readonly router = inject(Router);
  private readonly lookups = inject(EmployerLookups);
  protected readonly i18n = inject(I18n);
  protected readonly statuses = EMPLOYER_STATUSES;
  protected readonly sizeClasses = SIZE_CLASSES;
  protected readonly classifications = INDUSTRY_CLASSIFICATIONS;
  protected readonly fieldErrorOf = fieldErrorOf;

  /** The employer being edited; absent when creating one. */
  readonly employer = input<EmployerDto | null>(null);
  readonly saved = output<EmployerDto>();
  readonly cancelled = output<void>();

  protected readonly campusGroups = toSignal(this.lookups.campusGroups$, { initialValue: [] });
  protected readonly accountManagers = toSignal(this.lookups.accountManagers$, { initialValue: [] });
  protected readonly groupOptions = computed(() => this.campusGroups().map(groupOption));
  protected readonly accountManagerOptions = computed(() =>
    this.accountManagers().map((user) => ({ value: user.id, label: user.displayName })),
  );
  protected readonly groupNames = computed(() => new Map(this.campusGroups().map((group) => [group.id, group.name])));
  protected readonly userNames = computed(() => {
    const names = new Map(this.accountManagers().map((user) => [user.id, user.displayName]));
    const employer = this.loaded();
    if (employer?.accountManagerId && employer.accountManagerName)
      names.set(employer.accountManagerId, employer.accountManagerName);
    return names;
  });

  /** The version the user started from: the base of the conflict comparison. */
  protected readonly loaded = signal<EmployerDto | null>(null);
  protected readonly takenBy = signal<BusinessIdTakenDetail | null>(null);
  protected readonly conflict = signal<{ rows: FieldConflict[]; mine: EditableEmployer; current: EmployerDto } | null>(
    null,
  );

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true }),
    businessId: new FormControl('', { nonNullable: true }),
    companyForm: new FormControl('', { nonNullable: true }),
    industryClassification: new FormControl<IndustryClassification>('TOL2025', { nonNullable: true }),
    industrySection: new FormControl<string | null>(null),
    industryCode: new FormControl('', { nonNullable: true }),
    municipality: new FormControl('', { nonNullable: true }),
    streetAddress: new FormControl('', { nonNullable: true }),
    postcode: new FormControl('', { nonNullable: true }),
    website: new FormControl('', { nonNullable: true }),
    sizeClass: new FormControl<SizeClass | null>(null),
    ownerCampusGroupId: new FormControl<number | null>(null),
    campusGroupIds: new FormControl<number[]>([], { nonNullable: true }),
    accountManagerId: new FormControl<number | null>(null),
    status: new FormControl<EmployerStatus>('prospect', { nonNullable: true }),
    tags: new FormControl('', { nonNullable: true }),
    description: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form, {
    taken: { EMPLOYER_BUSINESS_ID_TAKEN: { path: 'businessId', code: 'business_id_taken' } },
  });

  private readonly classification = toSignal(this.form.controls.industryClassification.valueChanges, {
    initialValue: this.form.controls.industryClassification.value,
  });
  protected readonly sectionOptions = computed(() =>
    INDUSTRY_SECTIONS[this.classification()].map((section) => ({
      value: section,
      label: `${section} – ${this.sectionLabel(section)}`,
    })),
  );
  private readonly industryCode = toSignal(this.form.controls.industryCode.valueChanges, {
    initialValue: this.form.controls.industryCode.value,
  });
  /** Under the code: its division and section in the current language once it is one, else the format. */
  protected readonly industryCodeHint = computed((): { key: string; params?: TranslationParams } => {
    const code = this.industryCode().replace(/\s|\./g, '');
    if (!/^\d{2,5}$/.test(code)) return { key: 'employers.form.industryCodeHint' };
    const name = industryCodeName(this.classification(), code, this.i18n.locale());
    return name
      ? { key: 'employers.form.industryCodeName', params: { name } }
      : {
          key: 'employers.form.industryCodeUnknown',
          params: {
            classification: this.i18n.t(`employers.classifications.${this.classification()}`),
            division: code.slice(0, 2),
          },
        };
  });
  /** The owner group is not offered again among the other groups. */
  private readonly owner = toSignal(this.form.controls.ownerCampusGroupId.valueChanges, { initialValue: null });
  protected readonly otherGroupOptions = computed(() =>
    this.campusGroups()
      .filter((group) => group.id !== this.owner())
      .map(groupOption),
  );

  constructor() {
    effect(() => {
      const employer = this.employer();
      untracked(() => this.showEmployer(employer));
    });

    // A section letter means a different industry in the other classification: clear it when it does not exist there.
    this.form.controls.industryClassification.valueChanges.pipe(takeUntilDestroyed()).subscribe((classification) => {
      const section = this.form.controls.industrySection.value;
      if (section && !INDUSTRY_SECTIONS[classification].includes(section))
        this.form.controls.industrySection.setValue(null);
    });
    this.form.controls.ownerCampusGroupId.valueChanges.pipe(takeUntilDestroyed()).subscribe((owner) => {
      const others = this.form.controls.campusGroupIds;
      if (owner !== null && others.value.includes(owner)) others.setValue(others.value.filter((id) => id !== owner));
    });
    this.form.controls.businessId.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((value) => this.checkBusinessIdWhileTyping(value));
  }

  protected checkField(name: string): void {
    const existing = this.loaded();
    if (existing)
      this.submission.checkField(updateEmployerSchema, { ...this.editableValue(), version: existing.version }, name);
    else this.submission.checkField(createEmployerSchema, this.editableValue(), name);
    if (name === 'businessId') this.checkBusinessId(this.form.controls.businessId.value, true);
  }

  protected saveEmployer(): void {
    this.submission.error.set(null);
    this.takenBy.set(null);
    const existing = this.loaded();
    if (existing) this.sendUpdate(existing.id, { ...this.editableValue(), version: existing.version });
    else {
      const body = this.submission.validate(createEmployerSchema, this.editableValue());
      if (body) this.send(this.api.create(body), false);
    }
  }

  /** Conflict, "load the latest": my edits are dropped, the form shows what is saved now. */
  protected reloadLatest(): void {
    const current = this.conflict()?.current ?? this.submission.error()?.current;
    this.conflict.set(null);
    this.submission.error.set(null);
    if (isEmployerDto(current)) this.showEmployer(current);
    else {
      const existing = this.loaded();
      if (existing)
        this.api.get(existing.id).subscribe({
          next: (employer) => this.showEmployer(employer),
          error: (error: ApiError) => this.submission.error.set(error),
        });
    }
  }

  /** Conflict, "apply my changes to the latest": only the fields I changed go on top of the current record. */
  protected reapplyMine(): void {
    const conflict = this.conflict();
    const base = this.loaded();
    if (!conflict || !base) return;
    const request = reapplyMine(editableOf(base), conflict.mine, conflict.current);
    this.conflict.set(null);
    this.showEmployer(conflict.current, request);
    this.sendUpdate(conflict.current.id, request);
  }

  protected cancel(): void {
    this.cancelled.emit();
  }

  protected sectionLabel(section: string): string {
    return this.i18n.t(`employers.sections.${this.classification()}.${section}`);
  }

  private sendUpdate(id: number, body: UpdateEmployerRequest): void {
    const valid = this.submission.validate(updateEmployerSchema, body);
    if (valid) this.send(this.api.update(id, valid), true);
  }

  private send(request: Observable<EmployerDto>, editing: boolean): void {
    this.submission.send(
      request,
      (saved) => {
        this.submission.announce(editing ? 'common.saved' : 'employers.form.created');
        this.showEmployer(saved);
        this.saved.emit(saved);
        if (!editing) void this.router.navigate(['/employers', saved.id]);
      },
      { refused: (error) => this.refused(error) },
    );
  }

  /** A stale save shows the field-by-field comparison instead of a message; a taken business ID links to its holder. */
  private refused(error: ApiError): boolean {
    const base = this.loaded();
    if (error.code === 'STALE_VERSION' && base && isEmployerDto(error.current)) {
      const mine = this.editableValue();
      this.conflict.set({
        rows: diffConflict(editableOf(base), mine, editableOf(error.current)),
        mine,
        current: error.current,
      });
      return true;
    }
    if (error.code === 'EMPLOYER_BUSINESS_ID_TAKEN')
      this.takenBy.set(isTakenDetail(error.detail) ? error.detail : null);
    return false;
  }

  // While typing, a half-written ID is no error yet: only a complete-length one is checked.
  private checkBusinessIdWhileTyping(value: string): void {
    this.takenBy.set(null);
    this.checkBusinessId(value, value.trim().length >= 9);
  }

  private checkBusinessId(value: string, complete: boolean): void {
    const normalised = normaliseBusinessId(value);
    if (normalised === '') return;
    const problem = businessIdProblem(normalised);
    // A checksum problem is certain as soon as the shape is right; the format only once typing is done.
    if (problem === 'business_id_checksum' || (problem && complete)) {
      showFieldErrors(this.form, [{ path: 'businessId', code: problem, message: problem }]);
    }
  }

  /** The form as the API stores an employer (empty texts as null), also the "mine" side of a conflict. */
  private editableValue(): EditableEmployer {
    const value = this.form.getRawValue();
    const hasIndustry = !!value.industrySection || value.industryCode.trim() !== '';
    return {
      name: value.name,
      businessId: textOrNull(value.businessId),
      companyForm: textOrNull(value.companyForm),
      industryClassification: hasIndustry ? value.industryClassification : null,
      industrySection: value.industrySection,
      industryCode: textOrNull(value.industryCode),
      municipality: textOrNull(value.municipality),
      streetAddress: textOrNull(value.streetAddress),
      postcode: textOrNull(value.postcode),
      website: textOrNull(value.website),
      sizeClass: value.sizeClass,
      ownerCampusGroupId: value.ownerCampusGroupId as number,
      campusGroupIds: value.campusGroupIds,
      accountManagerId: value.accountManagerId,
      status: value.status,
      tags: value.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter((tag) => tag !== ''),
      description: textOrNull(value.description),
    };
  }

  /** Shows a record (or, after re-applying, the merged values) and makes it the base of the next save. */
  private showEmployer(employer: EmployerDto | null, values?: Partial<EditableEmployer>): void {
    this.loaded.set(employer);
    const source = { ...(employer ? editableOf(employer) : {}), ...values };
    this.form.reset({
      name: source.name ?? '',
      businessId: source.businessId ?? '',
      companyForm: source.companyForm ?? '',
      industryClassification: source.industryClassification ?? 'TOL2025',
      industrySection: source.industrySection ?? null,
      industryCode: source.industryCode ?? '',
      municipality: source.municipality ?? '',
      streetAddress: source.streetAddress ?? '',
      postcode: source.postcode ?? '',
      website: source.website ?? '',
      sizeClass: source.sizeClass ?? null,
      ownerCampusGroupId: source.ownerCampusGroupId ?? null,
      campusGroupIds: source.campusGroupIds ?? [],
      accountManagerId: source.accountManagerId ?? null,
      status: source.status ?? 'prospect',
      tags: (source.tags ?? []).join(', '),
      description: source.description ?? '',
    });
  }
}
