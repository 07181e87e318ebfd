import { expect } from '@jest/globals';
import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';

/** Where a helper looks: a fixture's element, or another root such as an open dialog. */
export type Root = ComponentFixture<unknown> | ParentNode;

function element(root: Root, selector: string): HTMLElement {
  const parent = 'nativeElement' in root ? (root.nativeElement as HTMLElement) : root;
  const found = parent.querySelector(selector);
  if (!found) throw new Error(`No ${selector}`);
  return found as HTMLElement;
}

/** The text a person reads in the element `selector` matches, white space folded (`''`: none matches). */
export function textOf(root: Root, selector: string): string {
  const parent = 'nativeElement' in root ? (root.nativeElement as HTMLElement) : root;
  return parent.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

export function typeInto(root: Root, selector: string, value: string): void {
  const input = element(root, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  input.dispatchEvent(new Event('blur'));
}

/** The error text shown under the field whose control matches `selector`. */
export function errorUnder(root: Root, selector: string): string {
  const field = element(root, selector).closest('mat-form-field');
  return field?.querySelector('mat-error')?.textContent?.trim() ?? '';
}

/** Each field's error text, by the selector of its control (`''`: the field shows none). */
export function expectFieldErrors(root: Root, expected: Record<string, string>): void {
  const shown = Object.fromEntries(Object.keys(expected).map((selector) => [selector, errorUnder(root, selector)]));
  expect(shown).toEqual(expected);
}

export async function submit(fixture: ComponentFixture<unknown>, formSelector = 'form'): Promise<void> {
  element(fixture, formSelector).dispatchEvent(new Event('submit'));
  await fixture.whenStable();
}

/**
 * Submits the form and expects the shared schema to refuse it in the browser: these field errors
 * shown, and nothing sent to `url`.
 */
export async function expectRefusedBeforeSending(
  { fixture, http }: { fixture: ComponentFixture<unknown>; http: HttpTestingController },
  url: string,
  fieldErrors: Record<string, string>,
): Promise<void> {
  await submit(fixture);
  expectFieldErrors(fixture, fieldErrors);
  http.expectNone(url);
}
