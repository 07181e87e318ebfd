import { ChangeDetectionStrategy, Component, booleanAttribute, computed, inject, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatSelect } from '@angular/material/select';

import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate-pipe';
import { FieldErrorPipe } from '../field-error';
import { FormFieldBase, PARENT_FORM_GROUP } from './form-field-base';

/** A choice with its text as shown (names of records, already formatted). */
export interface SelectOption {
  value: unknown;
  label: string;
}

/**
 * A Material select of a reactive form with its translated label and field error. The choices are
 * `values` labelled by translation keys (`labels` + value, for the shared enums), or `options`
 * that carry their own text; `none` adds a first choice for "no value" (null).
 *
 * `<app-select-field name="status" label="employers.fields.status" [values]="statuses" labels="employers.statuses." required />`
 */
@Component({
  selector: 'app-select-field',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatSelect, MatOption, TranslatePipe, FieldErrorPipe],
  viewProviders: [PARENT_FORM_GROUP],
  template: `
    <mat-form-field appearance="outline">
      <mat-label>{{ label() | t }}</mat-label>
      <mat-select
        [formControlName]="name()"
        [attr.formcontrolname]="name()"
        [required]="required()"
        [multiple]="multiple()"
      >
        @if (none(); as none) {
          <mat-option [value]="null">{{ none | t }}</mat-option>
        }
        @for (choice of choices(); track choice.value) {
          <mat-option [value]="choice.value">{{ choice.label }}</mat-option>
        }
      </mat-select>
      @if (control | fieldError; as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>
  `,
  styleUrl: './form-field.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SelectField extends FormFieldBase {
  private readonly i18n = inject(I18n);
  readonly values = input<readonly string[]>([]);
  /** Translation key prefix of the `values`' labels. */
  readonly labels = input('');
  readonly options = input<readonly SelectOption[]>([]);
  /** Translation key of the "no value" choice; without it there is none. */
  readonly none = input<string | null>(null);
  readonly multiple = input(false, { transform: booleanAttribute });

  // The translation is read inside the computed, so a language switch relabels the choices.
  protected readonly choices = computed<readonly SelectOption[]>(() => [
    ...this.values().map((value) => ({ value, label: this.i18n.t(this.labels() + value) })),
    ...this.options(),
  ]);
}
