import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Fields side by side (a postcode and its town, a date and a time), wrapping on a narrow screen. */
@Component({
  selector: 'app-field-row',
  template: '<ng-content />',
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: flex-start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldRow {}
