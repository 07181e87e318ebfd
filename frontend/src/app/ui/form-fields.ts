import { ReactiveFormsModule } from '@angular/forms';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';

import { TranslatePipe } from '../core/i18n/translate-pipe';
import { FieldErrorPipe } from './field-error';
import { FieldLeave } from './form/field-leave';
import { FieldRow } from './form/field-row';
import { SelectField } from './form/select-field';
import { SubmitButton } from './form/submit-button';
import { TextField } from './form/text-field';

/**
 * What a reactive form's fields use in a template: the field components (text, select) and
 * their row, the submit button and the form's `(fieldLeave)`, Material inputs and selects with their labels, hints and errors for fields of
 * their own kind, the field-error and translate pipes. A component lists `FORM_FIELDS` in its
 * imports instead of the fifteen names.
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
  TextField,
  SelectField,
  SubmitButton,
  FieldLeave,
  FieldRow,
] as const;
