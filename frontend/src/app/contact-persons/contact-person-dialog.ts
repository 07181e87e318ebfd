import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import {
  CONTACT_ROLES,
  createContactPersonSchema,
  isApiError,
  updateContactPersonSchema,
  type ContactPersonDto,
  type ContactRole,
} from '@tyoelama/shared';
import type { Observable } from 'rxjs';

import { FormStatus } from '../core/form-status';
import { FORM_FIELDS } from '../ui/form-fields';
import { DialogActions } from '../ui/form/dialog-actions';
import { formSubmission } from '../ui/form/form-submission';
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
  imports: [FORM_FIELDS, MatDialogTitle, MatDialogContent, DialogActions, FormStatus],
  templateUrl: './contact-person-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactPersonDialog {
  private readonly api = inject(ContactPersonsApi);
  private readonly dialogRef = inject<MatDialogRef<ContactPersonDialog, ContactPersonDto>>(MatDialogRef);
  protected readonly data = inject<ContactPersonDialogData>(MAT_DIALOG_DATA);
  protected readonly roles = CONTACT_ROLES;

  private person = this.data.person;

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true }),
    title: new FormControl('', { nonNullable: true }),
    email: new FormControl('', { nonNullable: true }),
    phone: new FormControl('', { nonNullable: true }),
    roles: new FormControl<ContactRole[]>([], { nonNullable: true }),
    notes: new FormControl('', { nonNullable: true }),
  });
  protected readonly submission = formSubmission(this.form);

  constructor() {
    if (this.person) this.showPerson(this.person);
  }

  protected checkField(name: string): void {
    if (this.person)
      this.submission.checkField(
        updateContactPersonSchema,
        { ...this.form.getRawValue(), version: this.person.version },
        name,
      );
    else this.submission.checkField(createContactPersonSchema, this.form.getRawValue(), name);
  }

  protected savePerson(): void {
    const person = this.person;
    let request: Observable<ContactPersonDto>;
    if (person) {
      const body = this.submission.validate(updateContactPersonSchema, {
        ...this.form.getRawValue(),
        version: person.version,
      });
      if (!body) return;
      request = this.api.update(person.id, body);
    } else {
      const body = this.submission.validate(createContactPersonSchema, this.form.getRawValue());
      if (!body) return;
      request = this.api.create(this.data.employerId, body);
    }
    this.submission.send(request, (saved) => this.dialogRef.close(saved));
  }

  /** After a conflict: start again from the saved person. */
  protected reloadPerson(): void {
    const current = this.submission.error()?.current;
    this.submission.error.set(null);
    if (isPerson(current)) this.showPerson(current);
  }

  protected cancel(): void {
    this.dialogRef.close();
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
