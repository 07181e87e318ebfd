import { ReactiveFormsModule } from '@angular/forms';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import { FieldErrorPipe } from './field-error';

/**
 * What a reactive form's fields use in a template: Material inputs and selects with their labels,
 * hints and errors, the field-error and translate pipes. A component lists `FORM_FIELDS` in its
 * imports instead of the ten names.
 */
export const FORM_FIELDS = [
  ReactiveFormsModule,
  MatFormField,
  MatLabel,
  MatHint,
  MatError,
  MatInput,
  MatSelect,
  MatOption,
  TranslatePipe,
  FieldErrorPipe,
] as const;
