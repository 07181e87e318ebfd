import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  type ApiError,
  type BusinessRegisterCompanyDto,
  businessIdSearchTerm,
  type IndustryClassification,
  isValidBusinessId,
} from '@tyoelama/shared';
import { of, startWith, switchMap } from 'rxjs';

import { BusinessRegisterApi } from '../business-register/business-register-api';
import { toApiError } from '../core/api-error';
import { ApiErrorPipe } from '../core/i18n/api-error-pipe';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { applyYtj, type YtjChange, ytjChanges, type YtjField } from './ytj-proposal';

/** The employer form's controls that "fill from YTJ" reads and writes. */
export interface YtjControls {
  businessId: FormControl<string>;
  name: FormControl<string>;
  companyForm: FormControl<string>;
  streetAddress: FormControl<string>;
  postcode: FormControl<string>;
  municipality: FormControl<string>;
  website: FormControl<string>;
  industryClassification: FormControl<IndustryClassification>;
  industrySection: FormControl<string | null>;
  industryCode: FormControl<string>;
}

type Lookup =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'found'; company: BusinessRegisterCompanyDto; changes: YtjChange[] }
  | { state: 'error'; error: ApiError };

/**
 * "Fill from YTJ" beside the Y-tunnus: offered once the id is valid (with or without its hyphen),
 * it shows what the register would change and fills only what the user accepts.
 */
@Component({
  selector: 'app-employer-ytj',
  imports: [MatButton, TranslatePipe, ApiErrorPipe],
  templateUrl: './employer-ytj.html',
  styleUrl: './employer-ytj.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerYtj {
  private readonly api = inject(BusinessRegisterApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly i18n = inject(I18n);

  readonly controls = input.required<YtjControls>();

  private readonly businessId = toSignal(
    toObservable(this.controls).pipe(
      switchMap((controls) =>
        controls ? controls.businessId.valueChanges.pipe(startWith(controls.businessId.value)) : of(''),
      ),
    ),
    { initialValue: '' },
  );
  /** The id to look up, in its stored form; null while what is typed is no valid Y-tunnus. */
  protected readonly lookupId = computed(() => {
    const id = businessIdSearchTerm(this.businessId() ?? '');
    return isValidBusinessId(id) ? id : null;
  });
  protected readonly lookup = signal<Lookup>({ state: 'idle' });
  protected readonly chosen = signal<ReadonlySet<YtjField>>(new Set());
  protected readonly applied = signal(false);

  protected fetchFromRegister(): void {
    const id = this.lookupId();
    if (!id) return;
    this.applied.set(false);
    this.lookup.set({ state: 'loading' });
    this.api
      .lookup(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (company) => {
          const changes = ytjChanges(this.formValues(), company);
          this.chosen.set(new Set(changes.filter((change) => change.selectedByDefault).map((change) => change.field)));
          this.lookup.set({ state: 'found', company, changes });
        },
        error: (error: unknown) => this.lookup.set({ state: 'error', error: toApiError(error) }),
      });
  }

  protected toggle(field: YtjField, checked: boolean): void {
    const next = new Set(this.chosen());
    if (checked) next.add(field);
    else next.delete(field);
    this.chosen.set(next);
  }

  protected applyChosen(): void {
    const lookup = this.lookup();
    if (lookup.state !== 'found') return;
    const controls = this.controls();
    const values = applyYtj(lookup.company, this.chosen());
    // The version first: changing it clears a section that does not exist in it.
    if (values.industryClassification) controls.industryClassification.setValue(values.industryClassification);
    for (const [field, value] of Object.entries(values)) {
      if (field === 'industryClassification') continue;
      const control = controls[field as keyof YtjControls] as FormControl<unknown>;
      control.setValue(value);
      control.markAsDirty();
    }
    controls.businessId.setValue(lookup.company.businessId);
    this.lookup.set({ state: 'idle' });
    this.applied.set(true);
  }

  protected dismiss(): void {
    this.lookup.set({ state: 'idle' });
  }

  protected fieldLabel(field: YtjField): string {
    return this.i18n.t(field === 'industry' ? 'employers.ytj.industry' : `employers.fields.${field}`);
  }

  protected notFound(error: ApiError): boolean {
    return error.statusCode === 404;
  }

  private formValues() {
    const controls = this.controls();
    return {
      name: controls.name.value,
      companyForm: controls.companyForm.value,
      streetAddress: controls.streetAddress.value,
      postcode: controls.postcode.value,
      municipality: controls.municipality.value,
      website: controls.website.value,
      industryClassification: controls.industryClassification.value,
      industrySection: controls.industrySection.value,
      industryCode: controls.industryCode.value,
    };
  }
}
