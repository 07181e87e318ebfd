import { Directive, booleanAttribute, inject, input } from '@angular/core';
import { ControlContainer, type AbstractControl } from '@angular/forms';

/**
 * Lets the `formControlName` inside a field component join the form group of the template that
 * uses the component, as if the field were written there.
 */
export const PARENT_FORM_GROUP = {
  provide: ControlContainer,
  useFactory: () => inject(ControlContainer, { skipSelf: true }),
};

/**
 * What every field component shares: the control it edits (by name, in the surrounding form
 * group), its label and whether it is required.
 */
@Directive()
export abstract class FormFieldBase {
  private readonly container = inject(ControlContainer, { skipSelf: true });

  /** The control's name in the surrounding form group; also the field's `formcontrolname` attribute. */
  readonly name = input.required<string>();
  /** Translation key of the label. */
  readonly label = input.required<string>();
  readonly required = input(false, { transform: booleanAttribute });

  protected get control(): AbstractControl {
    const control = this.container.control?.get(this.name());
    // The same mistake `formControlName` reports, said before the template trips over it.
    if (!control) throw new Error(`No form control named "${this.name()}" around this field`);
    return control;
  }
}
