import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import type { ApiError, ContactPersonDto } from '@tyoelama/shared';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import { injectConfirm } from '../ui/confirm-dialog';
import { injectNotify } from '../ui/notify';
import { ContactPersonDialog, type ContactPersonDialogData } from './contact-person-dialog';
import { ContactPersonsApi } from './contact-persons-api';
import { ApiErrorPipe } from '../core/i18n/api-error-pipe';

/** The employer's contact persons, with adding, editing and the GDPR export and erasure for writers. */
@Component({
  selector: 'app-contact-persons',
  imports: [ApiErrorPipe, MatButton, TranslatePipe],
  templateUrl: './contact-persons.html',
  styleUrl: './contact-persons.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactPersons {
  private readonly api = inject(ContactPersonsApi);
  private readonly dialog = inject(MatDialog);
  private readonly confirm = injectConfirm();
  private readonly notify = injectNotify();

  readonly employerId = input.required<number>();
  readonly canEdit = input(false);

  protected readonly persons = signal<ContactPersonDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly error = signal<ApiError | null>(null);

  constructor() {
    effect(() => {
      const id = this.employerId();
      untracked(() => this.load(id));
    });
  }

  protected addPerson(): void {
    this.openDialog({ employerId: this.employerId(), person: null });
  }

  protected editPerson(person: ContactPersonDto): void {
    this.openDialog({ employerId: this.employerId(), person });
  }

  /** A GDPR access request: everything held about the person, as a JSON file. */
  protected exportPerson(person: ContactPersonDto): void {
    this.error.set(null);
    this.api.export(person.id).subscribe({
      next: (data) => {
        const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = `yhteyshenkilo-${person.id}.json`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 0);
        this.notify('contactPersons.exported');
      },
      error: (error: ApiError) => this.error.set(error),
    });
  }

  protected erasePerson(person: ContactPersonDto): void {
    const data = {
      title: 'contactPersons.eraseTitle',
      message: 'contactPersons.eraseText',
      confirm: 'contactPersons.erase',
      params: { name: person.name },
    };
    this.confirm(data, () => {
      this.error.set(null);
      this.api.erase(person.id).subscribe({
        next: (erased) => {
          this.replace(erased);
          this.notify('contactPersons.erased');
        },
        error: (error: ApiError) => this.error.set(error),
      });
    });
  }

  protected telHref(phone: string): string {
    return `tel:${phone.replace(/[^0-9+]/g, '')}`;
  }

  private openDialog(data: ContactPersonDialogData): void {
    this.dialog
      .open<ContactPersonDialog, ContactPersonDialogData, ContactPersonDto>(ContactPersonDialog, {
        data,
        width: '36rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        if (data.person) this.replace(saved);
        else this.persons.update((persons) => [...persons, saved]);
        this.notify('contactPersons.saved');
      });
  }

  private replace(person: ContactPersonDto): void {
    this.persons.update((persons) => persons.map((existing) => (existing.id === person.id ? person : existing)));
  }

  private load(employerId: number): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.list(employerId).subscribe({
      next: (persons) => {
        this.loading.set(false);
        this.persons.set(persons);
      },
      error: (error: ApiError) => {
        this.loading.set(false);
        this.error.set(error);
      },
    });
  }
}
