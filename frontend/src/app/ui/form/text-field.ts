import { ChangeDetectionStrategy, Component, booleanAttribute, inject, input, numberAttribute } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';

import type { TranslationParams } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate-pipe';
import { FieldErrorPipe } from '../field-error';
import { FieldLeave } from './field-leave';
import { FormFieldBase, PARENT_FORM_GROUP } from './form-field-base';

/**
 * A text input (or, with `rows`, a text area) of a reactive form in an outlined Material field,
 * with its translated label, hint and field error. The field error is announced through the
 * field's aria-describedby like any Material error. Content given to the component is shown
 * after the error message (a link that helps fix it).
 *
 * `<app-text-field name="email" label="users.email" type="email" autocomplete="off" required />`; leaving
 * it is reported to the form's `(fieldLeave)`.
 */
@Component({
  selector: 'app-text-field',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, TranslatePipe, FieldErrorPipe],
  viewProviders: [PARENT_FORM_GROUP],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() | t }}</mat-label>
      @if (rows(); as rows) {
        <textarea
          matInput
          [formControlName]="name()"
          [attr.formcontrolname]="name()"
          [id]="inputId()"
          [rows]="rows"
          [required]="required()"
          [attr.maxlength]="maxlength()"
          (blur)="left()"
        ></textarea>
      } @else {
        <input
          matInput
          [formControlName]="name()"
          [attr.formcontrolname]="name()"
          [id]="inputId()"
          [type]="type()"
          [required]="required()"
          [attr.autocomplete]="autocomplete()"
          [attr.inputmode]="inputmode()"
          [aria-describedby]="describedBy()"
          [attr.cdkFocusInitial]="initialFocus() ? '' : null"
          (blur)="left()"
        />
      }
      @if (hint(); as hint) {
        <mat-hint [align]="hintAlign()">{{ hint | t: hintParams() }}</mat-hint>
      }
      @if (control | fieldError; as message) {
        <mat-error>{{ message }} <ng-content /></mat-error>
      }
    </mat-form-field>
  `,
  styleUrl: './form-field.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TextField extends FormFieldBase {
  private readonly form = inject(FieldLeave, { optional: true });
  readonly type = input('text');
  /** Shows a text area of this many rows instead of a one-line input. */
  readonly rows = input(0, { transform: numberAttribute });
  readonly maxlength = input<number | null>(null);
  readonly autocomplete = input<string | null>(null);
  readonly inputmode = input<string | null>(null);
  readonly inputId = input<string>('');
  /** Ids of text elsewhere on the page that describes the field (kept next to the hint and error). */
  readonly describedBy = input<string>('');
  /** The input a dialog focuses first (`cdkFocusInitial`). */
  readonly initialFocus = input(false, { transform: booleanAttribute });
  /** Translation key of the hint under the field. */
  readonly hint = input<string | null>(null);
  readonly hintParams = input<TranslationParams | undefined>(undefined);
  /** `end` puts the hint at the right edge (a character count). */
  readonly hintAlign = input<'start' | 'end'>('start');

  protected left(): void {
    this.form?.fieldLeave.emit(this.name());
  }
}
