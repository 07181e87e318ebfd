import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { FormControl } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, startWith, switchMap, tap } from 'rxjs';

import { FORM_FIELDS } from '../ui/form-fields';
import { EmployersApi } from './employers-api';

/** A picked employer; while the user is still typing the control holds the text instead. */
export interface EmployerOption {
  id: number;
  name: string;
  municipality?: string | null;
}

export type EmployerFieldValue = EmployerOption | string | null;

export function pickedEmployer(value: EmployerFieldValue): EmployerOption | null {
  return value !== null && typeof value === 'object' ? value : null;
}

/** How many matches the list offers; a longer name narrows it. */
const EMPLOYER_OPTIONS = 10;

/** Search delay, so typing a name sends one request rather than one per key. */
export const EMPLOYER_SEARCH_DEBOUNCE_MS = 200;

/**
 * An employer picker: type part of a name, choose with arrow keys and Enter (Material's
 * autocomplete is a combobox with a listbox). Errors set on the control show under the field.
 */
@Component({
  selector: 'app-employer-field',
  imports: [FORM_FIELDS, MatAutocomplete, MatAutocompleteTrigger],
  template: `
    <mat-form-field appearance="outline" class="employer-field">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="text"
        [id]="inputId()"
        [formControl]="control()"
        [matAutocomplete]="auto"
        autocomplete="off"
        required
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="displayName" autoActiveFirstOption>
        @for (option of options(); track option.id) {
          <mat-option [value]="option">
            {{ option.name }}
            @if (option.municipality) {
              <span class="muted">, {{ option.municipality }}</span>
            }
          </mat-option>
        }
      </mat-autocomplete>
      <mat-hint aria-live="polite">{{ status() | t }}</mat-hint>
      @if (control() | fieldError; as message) {
        <mat-error>{{ message }}</mat-error>
      }
    </mat-form-field>
  `,
  styles: `
    .employer-field {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EmployerField {
  private readonly api = inject(EmployersApi);

  readonly control = input.required<FormControl<EmployerFieldValue>>();
  readonly label = input.required<string>();
  readonly inputId = input('employer-field');

  protected readonly options = signal<EmployerOption[]>([]);
  protected readonly status = signal('logContact.employerHint');

  constructor() {
    toObservable(this.control)
      .pipe(
        switchMap((control) => control.valueChanges.pipe(startWith(control.value))),
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(EMPLOYER_SEARCH_DEBOUNCE_MS),
        distinctUntilChanged(),
        tap((q) => this.status.set(q ? 'logContact.employerSearching' : 'logContact.employerHint')),
        switchMap((q) =>
          q
            ? this.api.list({ q, limit: EMPLOYER_OPTIONS }).pipe(
                map((page) => page.items),
                tap((items) =>
                  this.status.set(items.length ? 'logContact.employerHint' : 'logContact.employerNoMatches'),
                ),
                catchError(() => {
                  this.status.set('logContact.employerLoadFailed');
                  return of([]);
                }),
              )
            : of([]),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((items) =>
        this.options.set(items.map((item) => ({ id: item.id, name: item.name, municipality: item.municipality }))),
      );
  }

  protected displayName(value: EmployerFieldValue): string {
    return typeof value === 'string' ? value : (value?.name ?? '');
  }
}
