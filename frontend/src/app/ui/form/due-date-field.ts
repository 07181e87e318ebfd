import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { ControlContainer, type FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { addDays, helsinkiDate } from '@tyoelama/shared';

import { TranslatePipe } from '../../core/i18n/translate-pipe';
import { FieldRow } from './field-row';
import { PARENT_FORM_GROUP } from './form-field-base';
import { TextField } from './text-field';

/**
 * A required due date (`YYYY-MM-DD`) of the surrounding form group, with "tomorrow" and "in a
 * week" beside it: the two dates people pick most, one tap each.
 *
 * `<app-due-date-field name="dueDate" label="…" tomorrow="…" nextWeek="…" />`
 */
@Component({
  selector: 'app-due-date-field',
  imports: [FieldRow, TextField, MatButton, TranslatePipe],
  viewProviders: [PARENT_FORM_GROUP],
  template: `
    <app-field-row>
      <app-text-field [name]="name()" [label]="label()" type="date" required />
      <div class="picks">
        <button mat-stroked-button type="button" (click)="pickDue(1)">{{ tomorrow() | t }}</button>
        <button mat-stroked-button type="button" (click)="pickDue(7)">{{ nextWeek() | t }}</button>
      </div>
    </app-field-row>
  `,
  styles: `
    :host {
      display: block;
    }
    .picks {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      padding-top: 0.5rem;
    }
    button {
      min-height: 44px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DueDateField {
  private readonly container = inject(ControlContainer, { skipSelf: true });
  readonly name = input.required<string>();
  /** Translation keys of the field's label and of the two buttons' texts. */
  readonly label = input.required<string>();
  readonly tomorrow = input.required<string>();
  readonly nextWeek = input.required<string>();

  protected pickDue(days: number): void {
    const control = (this.container.control as FormGroup).get(this.name());
    control?.setValue(addDays(helsinkiDate(), days));
    control?.markAsDirty();
  }
}
