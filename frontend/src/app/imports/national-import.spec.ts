import type { HttpTestingController } from '@angular/common/http/testing';
import type { ComponentFixture } from '@angular/core/testing';
import type { NationalImportPreviewDto, NationalImportStatusDto } from '@tyoelama/shared';

import { textOf } from '../testing/dom';
import { flushFieldErrors } from '../testing/http';
import type { ImportPage } from './import-page';
import { chooseFile, renderImportPage } from './imports.testing';

const preview: NationalImportPreviewDto = {
  id: 77,
  fileName: 'koski-massaluovutus.json',
  source: 'koski',
  records: 337,
  range: { from: '2024-08-05', to: '2026-05-31' },
  matched: 290,
  matchedEmployers: [
    { employerId: 5, name: 'Hervannan Konepaja Oy', count: 12 },
    { employerId: 6, name: 'Tampereen Hoiva Oy', count: 7 },
  ],
  matchedHidden: 4,
  unknown: [
    { businessId: '3310000-3', name: 'Näsijärven Putkityö Oy', count: 9 },
    { businessId: '3310017-8', name: null, count: 2 },
  ],
  withoutBusinessId: [
    { name: 'Kesäkioski Härmälä', count: 5 },
    { name: null, count: 1 },
  ],
  withoutBusinessIdCount: 6,
  instructors: 0,
  problems: [{ item: '3/1/k2', path: 'koulutussopimukset.1.alku', code: 'invalid_date' }],
  problemCount: 1,
};

describe('ImportPage with a national export', () => {
  let fixture: ComponentFixture<ImportPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, http } = await renderImportPage());
  });

  afterEach(() => http.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const text = (selector: string) => textOf(fixture, selector);
  const cells = (selector: string) =>
    [...element().querySelectorAll(`${selector} tbody tr`)].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim()),
    );
  const counts = () =>
    Object.fromEntries(
      [...element().querySelectorAll('[data-count]')].map((figure) => [
        figure.getAttribute('data-count'),
        figure.textContent?.trim(),
      ]),
    );

  async function choose(selectId: string, optionText: string): Promise<void> {
    (element().querySelector(`#${selectId} .mat-mdc-select-trigger`) as HTMLElement).click();
    await fixture.whenStable();
    const option = [...document.querySelectorAll('mat-option')].find((candidate) =>
      candidate.textContent?.includes(optionText),
    ) as HTMLElement;
    option.click();
    await fixture.whenStable();
  }

  const chooseExport = (name: string) => chooseFile(fixture, name, '[]');

  async function upload(fileName: string): Promise<void> {
    await choose('import-source', 'KOSKI');
    await chooseExport(fileName);
    await choose('import-owner', 'Tekniikka');
    (element().querySelector('button.upload') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  it('asks for a .json file for KOSKI, and names a refusal of the file in its own words', async () => {
    await choose('import-source', 'KOSKI');
    expect(element().querySelector('input[type=file]')?.getAttribute('accept')).toBe('.json,application/json');
    await chooseExport('kysely.csv');
    expect(text('#import-file-error')).toBe('Tiedoston on oltava .json.');
    await chooseExport('koski.json');
    await choose('import-owner', 'Tekniikka');
    (element().querySelector('button.upload') as HTMLButtonElement).click();
    await fixture.whenStable();
    flushFieldErrors(http.expectOne('/api/imports/national'), [{ path: 'file', code: 'not_an_export', message: 'x' }]);
    await fixture.whenStable();
    expect(text('#import-file-error')).toBe('Tiedosto ei ole valitun lähteen vienti. Tarkista lähde.');
  });

  it('previews what the file adds, creates the unknown employers, imports and reports', async () => {
    await upload('koski-massaluovutus.json');
    const request = http.expectOne({ method: 'POST', url: '/api/imports/national' });
    const body = request.request.body as FormData;
    expect(body.get('source')).toBe('koski');
    expect(body.get('ownerCampusGroupId')).toBe('1');
    request.flush(preview);
    await fixture.whenStable();

    expect(counts()).toEqual({ records: '337', matched: '290', unknown: '11', without: '6', problems: '1' });
    expect(cells('.national-matched')).toEqual([
      ['Hervannan Konepaja Oy', '12'],
      ['Tampereen Hoiva Oy', '7'],
    ]);
    expect(text('.hidden-count')).toBe('Lisäksi 4 liitetään työnantajiin, joita et näe.');
    expect(cells('.national-unknown')).toEqual([
      ['3310000-3', 'Näsijärven Putkityö Oy', '9'],
      ['3310017-8', '', '2'],
    ]);
    expect(cells('.national-without')).toEqual([
      ['Kesäkioski Härmälä', '5'],
      ['(ei nimeä)', '1'],
    ]);
    expect(cells('.national-problems')).toEqual([['3/1/k2', 'koulutussopimukset.1.alku', 'Virheellinen päivämäärä']]);

    (element().querySelector('button.create-employers') as HTMLButtonElement).click();
    await fixture.whenStable();
    const create = http.expectOne({ method: 'POST', url: '/api/imports/national/77/employers' });
    expect(create.request.body).toEqual({ businessIds: ['3310000-3', '3310017-8'] });
    create.flush({
      created: [
        { employerId: 90, businessId: '3310000-3', name: 'Näsijärven Putkityö Oy', fromRegister: true },
        { employerId: 91, businessId: '3310017-8', name: '3310017-8', fromRegister: false },
      ],
      skipped: [],
    });
    await fixture.whenStable();
    expect(text('.created-employers')).toBe(
      'Luotiin 2 työnantajaa (1 tiedot YTJ:stä). Niiden jaksot liitetään tuonnissa.',
    );

    (element().querySelector('button.commit') as HTMLButtonElement).click();
    await fixture.whenStable();
    const done: NationalImportStatusDto = {
      id: 77,
      source: 'koski',
      status: 'done',
      progress: 336,
      total: 336,
      report: {
        source: 'koski',
        inserted: 330,
        updated: 6,
        unchanged: 0,
        removed: 2,
        sourceRemoved: 1,
        failed: 1,
        instructorsCreated: 0,
        matched: 301,
      },
    };
    http.expectOne({ method: 'POST', url: '/api/imports/national/77/commit' }).flush(done);
    await fixture.whenStable();
    expect(text('#import-report')).toBe('Tuonti valmis');
    expect(counts()).toEqual({
      inserted: '330',
      updated: '6',
      unchanged: '0',
      removed: '2',
      sourceRemoved: '1',
      failed: '1',
      matched: '301',
    });
  });
});
