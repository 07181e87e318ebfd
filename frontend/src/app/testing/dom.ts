import type { ComponentFixture } from '@angular/core/testing';

export function typeInto(fixture: ComponentFixture<unknown>, selector: string, value: string): void {
  const input = fixture.nativeElement.querySelector(selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

/** The error text shown under the field whose control matches `selector`. */
export function errorUnder(fixture: ComponentFixture<unknown>, selector: string): string {
  const control = fixture.nativeElement.querySelector(selector) as HTMLElement;
  const field = control.closest('mat-form-field');
  return field?.querySelector('mat-error')?.textContent?.trim() ?? '';
}

export async function submit(fixture: ComponentFixture<unknown>, formSelector = 'form'): Promise<void> {
  const form = fixture.nativeElement.querySelector(formSelector) as HTMLFormElement;
  form.dispatchEvent(new Event('submit'));
  await fixture.whenStable();
}
