import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  CONTACT_ROLES,
  createContactPersonSchema,
  isApiError,
  updateContactPersonSchema,
  type ApiError,
  type ContactPersonDto,
  type ContactRole,
  type FieldError,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { FormStatus } from '../core/form-status';
import { focusFirstInvalid, showFieldErrors, validateForm } from '../core/forms';
import { FORM_FIELDS } from '../ui/form-fields';
import { ContactPersonsApi } from './contact-persons-api';

export interface ContactPersonDialogData {
  employerId: number;
  /** The person to edit; null adds a new one. */
  person: ContactPersonDto | null;
}

function isPerson(value: unknown): value is ContactPersonDto {
  return isApiError(value)
    ? false
    : typeof value === 'object' && value !== null && 'employerId' in value && 'version' in value;
}

/** Adds or edits a contact person; closes with the saved person. */
@Component({
  selector: 'app-contact-person-dialog',
  imports: [FORM_FIELDS, MatButton, MatDialogTitle, MatDialogContent, MatDialogActions, FormStatus],
  templateUrl: './contact-person-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactPersonDialog {
  private readonly api = inject(ContactPersonsApi);
  private readonly dialogRef = inject<MatDialogRef<ContactPersonDialog, ContactPersonDto>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly data = inject<ContactPersonDialogData>(MAT_DIALOG_DATA);
  protected readonly roles = CONTACT_ROLES;

  private person = this.data.person;
  protected readonly saving = signal(false);
  protected readonly formError = signal<ApiError | null>(null);

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true }),
    title: new FormControl('', { nonNullable: true }),
    email: new FormControl('', { nonNullable: true }),
    phone: new FormControl('', { nonNullable: true }),
    roles: new FormControl<ContactRole[]>([], { nonNullable: true }),
    notes: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    if (this.person) this.showPerson(this.person);
  }

  protected checkField(name: keyof typeof this.form.controls): void {
    const result = this.person
      ? validateForm(updateContactPersonSchema, { ...this.form.getRawValue(), version: this.person.version }, this.form)
      : validateForm(createContactPersonSchema, this.form.getRawValue(), this.form);
    if (!result.ok) showFieldErrors(this.form, result.fieldErrors, name);
  }

  protected savePerson(): void {
    this.formError.set(null);
    const person = this.person;
    let request: Observable<ContactPersonDto>;
    if (person) {
      const result = validateForm(
        updateContactPersonSchema,
        { ...this.form.getRawValue(), version: person.version },
        this.form,
      );
      if (!result.ok) return this.showInvalid(result.fieldErrors);
      request = this.api.update(person.id, result.value);
    } else {
      const result = validateForm(createContactPersonSchema, this.form.getRawValue(), this.form);
      if (!result.ok) return this.showInvalid(result.fieldErrors);
      request = this.api.create(this.data.employerId, result.value);
    }
    this.saving.set(true);
    request.subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.dialogRef.close(saved);
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.fieldErrors?.length) showFieldErrors(this.form, error.fieldErrors);
        this.formError.set(error);
        focusFirstInvalid(this.host, this.injector);
      },
    });
  }

  /** After a conflict: start again from the saved person. */
  protected reloadPerson(): void {
    const current = this.formError()?.current;
    this.formError.set(null);
    if (isPerson(current)) this.showPerson(current);
  }

  protected cancel(): void {
    this.dialogRef.close();
  }

  private showInvalid(errors: FieldError[]): void {
    showFieldErrors(this.form, errors);
    focusFirstInvalid(this.host, this.injector);
  }

  private showPerson(person: ContactPersonDto): void {
    this.person = person;
    this.form.reset({
      name: person.name,
      title: person.title ?? '',
      email: person.email ?? '',
      phone: person.phone ?? '',
      roles: person.roles,
      notes: person.notes ?? '',
    });
  }
}
