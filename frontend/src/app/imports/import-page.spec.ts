import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { FieldErrorCode, ImportPreviewDto, ImportRowDto, ImportStatusDto } from '@tyoelama/shared';

import { textOf } from '../testing/dom';
import { flushApiError, flushFieldErrors } from '../testing/http';
import { IMPORT_POLL_MS, type ImportPage } from './import-page';
import { chooseFile, renderImportPage } from './imports.testing';

const row = (rowNumber: number, extra: Partial<ImportRowDto> = {}): ImportRowDto => ({
  rowNumber,
  employer: { name: `Yritys ${rowNumber} Oy`, businessId: null, municipality: 'Tampere' },
  contacts: [],
  errors: [],
  duplicate: null,
  ...extra,
});

const preview: ImportPreviewDto = {
  id: 31,
  fileName: 'tyonantajat.xlsx',
  totalRows: 4,
  validRows: 3,
  duplicateRows: 2,
  rows: [
    row(2, { contacts: [{ name: 'Maija Meikäläinen' }, { name: 'Matti Meikäläinen' }] }),
    row(3, {
      employer: { name: 'Virhe Oy', businessId: '1234567-8', municipality: 'Oulu' },
      errors: [
        { path: 'businessId', code: 'business_id_checksum', message: 'x' },
        { path: 'contacts.0.email', code: 'invalid_email', message: 'x' },
      ],
    }),
    row(4, {
      employer: { name: 'Kesko Oyj', businessId: '0109862-8', municipality: 'Helsinki' },
      duplicate: { reason: 'business_id', employerId: 40, employerName: 'Kesko Oyj' },
    }),
    row(5, {
      duplicate: { reason: 'similar_name', employerId: 41, employerName: 'Yritys Viisi Oy', similarity: 0.82 },
      inFileDuplicateOf: 2,
    }),
  ],
};

describe('ImportPage', () => {
  let fixture: ComponentFixture<ImportPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, http } = await renderImportPage());
  });

  afterEach(() => {
    jest.useRealTimers();
    http.verify();
  });

  const element = () => fixture.nativeElement as HTMLElement;
  const text = (selector: string) => textOf(fixture, selector);
  /** Expects these figures shown, by their name (`data-count`). */
  function expectCounts(expected: Record<string, string>): void {
    const shown = Object.keys(expected).map((name) => [name, text(`[data-count=${name}]`)]);
    expect(Object.fromEntries(shown)).toEqual(expected);
  }

  const chooseSheet = (name: string, size = 100) => chooseFile(fixture, name, 'x'.repeat(size));

  async function chooseOwner(): Promise<void> {
    (element().querySelector('#import-owner .mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    (document.querySelector('mat-option') as HTMLElement).click();
    await fixture.whenStable();
  }

  async function upload(): Promise<void> {
    (element().querySelector('button.upload') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  /** Chooses the file and the owner group, and uploads: the request is then open. */
  async function send(fileName: string): Promise<void> {
    await chooseSheet(fileName);
    await chooseOwner();
    await upload();
  }

  async function toPreview(): Promise<void> {
    await send('tyonantajat.xlsx');
    const request = http.expectOne({ method: 'POST', url: '/api/imports' });
    const body = request.request.body as FormData;
    expect((body.get('file') as File).name).toBe('tyonantajat.xlsx');
    expect(body.get('ownerCampusGroupId')).toBe('1');
    expect(body.has('accountManagerId')).toBe(false);
    request.flush(preview);
    await fixture.whenStable();
  }

  it('refuses a file of the wrong kind and a missing owner group before sending anything', async () => {
    await chooseSheet('tyonantajat.pdf');
    expect(text('#import-file-error')).toBe('Tiedoston on oltava .csv tai .xlsx.');
    expect(element().querySelector('input[type=file]')?.getAttribute('aria-describedby')).toContain(
      'import-file-error',
    );
    await upload();
    expect(text('#import-owner-error')).toBe('Valitse omistava Campus-ryhmä.');
    http.expectNone('/api/imports');
  });

  it('explains a file the server cannot read', async () => {
    await send('vanha.xlsx');
    flushFieldErrors(http.expectOne('/api/imports'), [{ path: 'file', code: 'unsupported_file', message: 'x' }]);
    await fixture.whenStable();
    expect(text('#import-file-error')).toContain('Tiedostoa ei voi lukea.');
  });

  it.each<[number, FieldErrorCode, number, string]>([
    [
      400,
      'too_many_rows',
      20000,
      'Tiedostossa on liikaa rivejä (enintään 20 000 riviä otsikkorivin lisäksi). Jaa tiedosto osiin.',
    ],
    [413, 'entry_too_large', 50 * 1024 * 1024, 'Excel-tiedoston osa purkautuu liian suureksi (enintään 50 Mt).'],
    [400, 'cell_too_long', 10000, 'Tiedostossa on liian pitkä solu (enintään 10 000 merkkiä).'],
  ])('names the limit a refused file passed (%s %s)', async (status, code, limit, message) => {
    await send('iso.xlsx');
    flushApiError(http.expectOne('/api/imports'), status, {
      code: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED',
      fieldErrors: [{ path: 'file', code, message: 'x', limit }],
    });
    await fixture.whenStable();
    expect(text('#import-file-error').replace(/\s/g, ' ')).toContain(message);
  });

  it('refuses a file over the upload limit before sending it', async () => {
    await chooseSheet('iso.csv', 10 * 1024 * 1024 + 1);
    expect(text('#import-file-error')).toBe('Tiedosto on liian suuri (enintään 10 Mt).');
    expect(text('p')).toContain('enintään 10 Mt ja 20 000 riviä');
  });

  it('previews the rows with their errors, duplicate warnings and choices, and counts', async () => {
    await toPreview();
    expectCounts({ total: '4', valid: '3', invalid: '1', duplicates: '2' });
    expect(text('table caption')).toBe('Tiedoston rivit 1–4 / 4');

    expect(text('tr[data-row="2"]')).toContain('Kunnossa, luodaan uutena');
    expect(element().querySelector('tr[data-row="2"] td:nth-of-type(4)')?.textContent?.trim()).toBe('2');

    const errors = [...element().querySelectorAll('tr[data-row="3"] .row-errors li')].map((item) =>
      item.textContent?.trim(),
    );
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^Y-tunnus: /);
    expect(errors[1]).toBe('Yhteyshenkilö 1: sähköposti: Tarkista sähköpostiosoite.');
    expect(element().querySelector('tr[data-row="3"] select')).toBeNull();

    expect(text('tr[data-row="4"] .duplicate')).toContain('Samalla Y-tunnuksella on jo työnantaja');
    expect(element().querySelector('tr[data-row="4"] .duplicate a')?.getAttribute('href')).toBe('/employers/40');
    const select = element().querySelector('tr[data-row="4"] select') as HTMLSelectElement;
    expect(select.value).toBe('skip');
    expect(element().querySelector(`label[for=${select.id}]`)?.textContent?.trim()).toBe('Toimenpide rivillä 4');
    expect(text('tr[data-row="5"]')).toContain('(samankaltaisuus 82 %)');
    expect(text('tr[data-row="5"]')).toContain('Sama työnantaja kuin rivillä 2');
    expect(text('.page')).toContain('Tuodaan 1 riviä');
  });

  it('sends the row choices with the commit, shows progress while polling, then the report', async () => {
    await toPreview();
    const update = element().querySelector('tr[data-row="4"] select') as HTMLSelectElement;
    update.value = 'update';
    update.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(text('.page')).toContain('Tuodaan 2 riviä');

    jest.useFakeTimers();
    (element().querySelector('button.commit') as HTMLButtonElement).click();
    const commit = http.expectOne({ method: 'POST', url: '/api/imports/31/commit' });
    expect(commit.request.body).toEqual({ decisions: { '4': 'update', '5': 'skip' } });
    const committing = (progress: number): ImportStatusDto => ({
      id: 31,
      status: 'committing',
      progress,
      total: 2,
      report: null,
    });
    commit.flush(committing(0));
    fixture.detectChanges();

    const progress = () => element().querySelector('progress') as HTMLProgressElement;
    expect(element().querySelector('label[for=import-progress]')?.textContent?.trim()).toBe('Tuonnin edistyminen');
    expect(progress().getAttribute('aria-valuenow')).toBe('0');

    jest.advanceTimersByTime(IMPORT_POLL_MS);
    http.expectOne({ method: 'GET', url: '/api/imports/31' }).flush(committing(1));
    fixture.detectChanges();
    expect(progress().getAttribute('aria-valuenow')).toBe('1');
    expect(progress().getAttribute('aria-valuetext')).toBe('1 / 2 riviä');

    jest.advanceTimersByTime(IMPORT_POLL_MS - 1);
    http.expectNone('/api/imports/31');
    jest.advanceTimersByTime(1);
    http.expectOne({ method: 'GET', url: '/api/imports/31' }).flush({
      id: 31,
      status: 'done',
      progress: 2,
      total: 2,
      report: {
        created: 1,
        updated: 1,
        skipped: 1,
        failed: 1,
        merged: 0,
        contactsCreated: 2,
        rows: [{ rowNumber: 3, outcome: 'failed', reason: 'Virheellinen Y-tunnus' }],
      },
    });
    fixture.detectChanges();

    // Polling stops once the import is done.
    jest.advanceTimersByTime(IMPORT_POLL_MS * 3);
    http.expectNone('/api/imports/31');
    expect(element().querySelector('progress')).toBeNull();
    expect(text('h2')).toBe('Tuonti valmis');
    expectCounts({ created: '1', updated: '1', skipped: '1', failed: '1' });
    expect(text('.page')).toContain('Rivi 3: Virheellinen Y-tunnus');
  });

  it('pages through the rows, fetching those the preview did not carry', async () => {
    await send('iso.csv');
    const many = Array.from({ length: 50 }, (_, index) => row(index + 2));
    http.expectOne('/api/imports').flush({ ...preview, totalRows: 60, validRows: 60, duplicateRows: 0, rows: many });
    await fixture.whenStable();
    expect(text('table caption')).toBe('Tiedoston rivit 1–50 / 60');
    expect((element().querySelector('button.previous') as HTMLButtonElement).disabled).toBe(true);

    (element().querySelector('button.next') as HTMLButtonElement).click();
    const request = http.expectOne((candidate) => candidate.url === '/api/imports/31/rows');
    expect(request.request.params.get('offset')).toBe('50');
    expect(request.request.params.get('limit')).toBe('50');
    request.flush({ offset: 50, total: 60, rows: Array.from({ length: 10 }, (_, index) => row(index + 52)) });
    await fixture.whenStable();
    expect(text('table caption')).toBe('Tiedoston rivit 51–60 / 60');
    expect(element().querySelector('tr[data-row="52"]')).not.toBeNull();
    expect((element().querySelector('button.next') as HTMLButtonElement).disabled).toBe(true);

    (element().querySelector('button.previous') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(text('table caption')).toBe('Tiedoston rivit 1–50 / 60');
  });
});
