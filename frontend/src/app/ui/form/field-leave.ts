import { Directive, output } from '@angular/core';

/**
 * `<form [formGroup]="form" (fieldLeave)="checkField($event)">`: the form's text fields report
 * when the user leaves one (blur), with its control's name, so the form can check that field alone.
 */
@Directive({ selector: 'form[fieldLeave]' })
export class FieldLeave {
  readonly fieldLeave = output<string>();
}
