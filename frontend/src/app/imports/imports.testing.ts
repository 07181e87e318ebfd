import type { ComponentFixture } from '@angular/core/testing';

import { renderComponent, type Rendered } from '../testing/app';
import { campusGroup, page } from '../testing/data';
import { ImportPage } from './import-page';

// Set-up shared by the import page's specs (not part of the app bundle: only specs import it).

/** The import page, stable, with its pickers answered: one campus group (1, Tekniikka), no users. */
export async function renderImportPage(): Promise<Rendered<ImportPage>> {
  const { fixture, http } = await renderComponent(ImportPage);
  http
    .expectOne((request) => request.url === '/api/campus-groups')
    .flush(page([campusGroup(1, 'Tekniikka', 'Keskusta')]));
  http.expectOne((request) => request.url === '/api/users').flush(page([]));
  await fixture.whenStable();
  return { fixture, http };
}

/** Picks a file named `name` with `content` in the page's file input, as the browser's file dialog would. */
export async function chooseFile(fixture: ComponentFixture<ImportPage>, name: string, content: string): Promise<void> {
  const input = (fixture.nativeElement as HTMLElement).querySelector('input[type=file]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([content], name)], configurable: true });
  input.dispatchEvent(new Event('change'));
  await fixture.whenStable();
}
