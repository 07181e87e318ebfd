import { type ApiError, IMPORT_LIMITS } from '@tyoelama/shared';
import ExcelJS from 'exceljs';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';
import { ApiException } from '../http/api-exception';
import { IMPORT_COLUMNS } from '../../tools/seed/vocabulary';
import { type SignedIn, useTestApp } from '../../test/test-app';
import { parseFileOffThread } from './import-file-reader';

/** One part of a hand-built zip; `declaredSize` lets a test write a header that lies. */
interface ZipPart {
  name: string;
  deflated: Buffer;
  size: number;
  crc: number;
  declaredSize?: number;
}

function part(name: string, content: string | Buffer): ZipPart {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { name, deflated: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/** A part whose content is `head`, then `unit` `count` times, then `tail`, deflated as a stream (never held whole). */
async function repeatedPart(name: string, head: string, unit: string, count: number, tail: string): Promise<ZipPart> {
  const deflate = createDeflateRaw({ level: 1 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const finished = new Promise((resolve) => deflate.on('end', resolve));
  const perChunk = Math.max(1, Math.floor((1024 * 1024) / unit.length));
  const chunk = Buffer.from(unit.repeat(perChunk));
  let crc = 0;
  let size = 0;
  const write = async (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(head));
  for (let written = 0; written < count; written += perChunk) {
    await write(written + perChunk <= count ? chunk : Buffer.from(unit.repeat(count - written)));
  }
  await write(Buffer.from(tail));
  deflate.end();
  await finished;
  return { name, deflated: Buffer.concat(out), size, crc };
}

/** A little-endian record of `length` bytes holding `fields`: [offset, 16 or 32 bits, value]. */
function littleEndian(length: number, fields: [offset: number, bits: 16 | 32, value: number][]): Buffer {
  const record = Buffer.alloc(length);
  for (const [offset, bits, value] of fields) {
    if (bits === 16) record.writeUInt16LE(value, offset);
    else record.writeUInt32LE(value, offset);
  }
  return record;
}

/** A zip as Excel writes one: local headers, deflated data, central directory. */
function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, deflated, size, crc, declaredSize } of parts) {
    const fileName = Buffer.from(name, 'utf8');
    // The fields a local header and its central directory record share, from `at` on: version 2.0,
    // UTF-8 names, deflated; then CRC-32, compressed and uncompressed size, name length.
    const described = (at: number): [number, 16 | 32, number][] => [
      [at - 10, 16, 20],
      [at - 8, 16, 0x0800],
      [at - 6, 16, 8],
      [at, 32, crc],
      [at + 4, 32, deflated.length],
      [at + 8, 32, declaredSize ?? size],
      [at + 12, 16, fileName.length],
    ];
    const header = littleEndian(30, [[0, 32, 0x04034b50], ...described(14)]);
    locals.push(header, fileName, deflated);
    const record = littleEndian(46, [[0, 32, 0x02014b50], [4, 16, 20], ...described(16), [42, 32, offset]]);
    central.push(record, fileName);
    offset += header.length + fileName.length + deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = littleEndian(22, [
    [0, 32, 0x06054b50],
    [8, 16, parts.length],
    [10, 16, parts.length],
    [12, 32, directory.length],
    [16, 32, offset],
  ]);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts of a minimal workbook besides its first worksheet. */
function workbookParts(sharedStrings?: ZipPart): ZipPart[] {
  return [
    part(
      '[Content_Types].xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ),
    part(
      '_rels/.rels',
      `<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    part(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN_NS}" xmlns:r="${DOC_RELS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${RELS_NS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    ...(sharedStrings ? [sharedStrings] : []),
  ];
}

function inlineCell(reference: string, text: string): string {
  return `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

const HEADER_ROW = `<row r="1">${inlineCell('A1', 'Nimi')}${inlineCell('B1', 'Kunta')}</row>`;

function dataRow(rowNumber: number, name: string, municipality = 'Espoo'): string {
  return `<row r="${rowNumber}">${inlineCell(`A${rowNumber}`, name)}${inlineCell(`B${rowNumber}`, municipality)}</row>`;
}

function sheetPart(rows: string, head = SHEET_HEAD): ZipPart {
  return part('xl/worksheets/sheet1.xml', `${head}${rows}${SHEET_TAIL}`);
}

/** A legal import file of `rows` employers over 15 columns, as Excel would save it. */
async function legalXlsx(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Työnantajat');
  sheet.addRow(IMPORT_COLUMNS);
  for (let row = 1; row <= rows; row += 1) {
    sheet.addRow([
      `Yritys ${row} Oy`,
      '',
      '62010',
      'Jyväskylä',
      `Teollisuustie ${row}`,
      '40320',
      `www.yritys${row}.fi`,
      '10-49',
      'prospekti',
      'it, ohjelmistot',
      'Ohjelmistotalo, jonka kanssa on tehty yhteistyötä.',
      `Henkilö ${row}`,
      'Toimitusjohtaja',
      `henkilo${row}@yritys${row}.fi`,
      '+358 40 123 4567',
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Each case streams tens of megabytes through the parsing worker: 5–15 s on a quiet machine, up to
// 30 s and more on a busy CI machine, which is no failure of the limits under test.
jest.setTimeout(180_000);

describe('import file limits', () => {
  const context = useTestApp();
  let manager: SignedIn;
  let group: number;

  beforeAll(async () => {
    manager = await context.signedIn('account_manager');
    group = await context.createCampusGroup('Tekniikka');
  });

  function parseFile(content: Buffer, fileName: string, heapMb?: number) {
    return parseFileOffThread(content, fileName, { ownerCampusGroupId: group, accountManagerId: null }, heapMb);
  }

  async function stored(): Promise<{ batches: number; employers: number }> {
    const [counts]: { batches: number; employers: number }[] = await context.dataSource.query(
      `SELECT (SELECT count(*)::int FROM import_batches) AS batches, (SELECT count(*)::int FROM employers) AS employers`,
    );
    return counts;
  }

  function upload(content: Buffer, fileName: string) {
    return manager.upload('/api/imports').field('ownerCampusGroupId', String(group)).attach('file', content, fileName);
  }

  /** Uploads the file and expects it refused with `status` and `code` on `file`, and nothing stored. */
  async function expectRefused(content: Buffer, fileName: string, status: number, code: string, limit?: number) {
    const before = await stored();
    const response = await upload(content, fileName);
    const body = response.body as ApiError;
    expect({ status: response.status, fieldErrors: body.fieldErrors }).toEqual({
      status,
      fieldErrors: [expect.objectContaining({ path: 'file', code, ...(limit === undefined ? {} : { limit }) })],
    });
    expect(body.code).toBe(status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED');
    expect(await stored()).toEqual(before);
  }

  it('reads the hand-built workbook the hostile files below are variations of', async () => {
    const file = zip([...workbookParts(), sheetPart(HEADER_ROW + dataRow(2, 'Konepaja Oy'))]);
    const response = await upload(file, 'tyonantajat.xlsx');
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      totalRows: 1,
      rows: [{ employer: { name: 'Konepaja Oy', municipality: 'Espoo' } }],
    });
  });

  it('refuses an upload over the size limit with 413 file_too_large', async () => {
    const file = Buffer.alloc(IMPORT_LIMITS.fileBytes + 1, 'a;');
    await expectRefused(file, 'iso.csv', 413, 'file_too_large', IMPORT_LIMITS.fileBytes);
  });

  it('refuses a zip bomb whose sheet inflates to 300 MB with 413 entry_too_large', async () => {
    // Rows of styled empty cells: no values, so only the inflated bytes can stop it.
    const emptyRow = '<row r="2"><c r="A2" s="1"/><c r="B2" s="1"/></row>';
    const bomb = await repeatedPart(
      'xl/worksheets/sheet1.xml',
      SHEET_HEAD + HEADER_ROW,
      emptyRow,
      6_000_000,
      SHEET_TAIL,
    );
    expect(bomb.size).toBeGreaterThan(300_000_000);
    const file = zip([...workbookParts(), bomb]);
    expect(file.length).toBeLessThan(IMPORT_LIMITS.fileBytes);
    await expectRefused(file, 'pommi.xlsx', 413, 'entry_too_large', IMPORT_LIMITS.entryBytes);
    // The same bomb with a header that claims a small size: the bytes actually inflated are counted.
    const lying = zip([...workbookParts(), { ...bomb, declaredSize: 1000 }]);
    await expectRefused(lying, 'valehtelija.xlsx', 413, 'entry_too_large', IMPORT_LIMITS.entryBytes);
  });

  it('refuses parts that together inflate past the total limit with 413 inflated_too_large', async () => {
    const filler = await repeatedPart('xl/media/image1.png', '', 'x', 40 * 1024 * 1024, '');
    const fillers = [1, 2, 3].map((n) => ({ ...filler, name: `xl/media/image${n}.png` }));
    const sheet = sheetPart(HEADER_ROW + dataRow(2, 'Konepaja Oy'));
    await expectRefused(zip([...workbookParts(), sheet, ...fillers]), 'kuvat.xlsx', 413, 'inflated_too_large');
    const lying = fillers.map((filler) => ({ ...filler, declaredSize: 10 }));
    await expectRefused(zip([...workbookParts(), sheet, ...lying]), 'kuvat.xlsx', 413, 'inflated_too_large');
  });

  it('refuses a 300 000-row sheet and a 300 000-row CSV with 400 too_many_rows', async () => {
    const rows = Array.from({ length: 300_000 }, (_, index) => dataRow(index + 2, `Yritys ${index}`)).join('');
    await expectRefused(
      zip([...workbookParts(), sheetPart(HEADER_ROW + rows)]),
      'rivit.xlsx',
      400,
      'too_many_rows',
      IMPORT_LIMITS.rows,
    );
    const csv = `Nimi;Kunta\n${'Yritys;Espoo\n'.repeat(300_000)}`;
    await expectRefused(Buffer.from(csv), 'rivit.csv', 400, 'too_many_rows', IMPORT_LIMITS.rows);
  });

  it('refuses a huge shared string and a huge CSV cell with 400 cell_too_long', async () => {
    const strings = await repeatedPart(
      'xl/sharedStrings.xml',
      `<sst xmlns="${MAIN_NS}"><si><t>`,
      'a',
      20_000_000,
      '</t></si></sst>',
    );
    const sheet = sheetPart(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`);
    await expectRefused(
      zip([...workbookParts(strings), sheet]),
      'jaettu.xlsx',
      400,
      'cell_too_long',
      IMPORT_LIMITS.cellChars,
    );
    const csv = `Nimi;Kuvaus\nYritys;${'a'.repeat(IMPORT_LIMITS.cellChars + 1)}\n`;
    await expectRefused(Buffer.from(csv), 'solu.csv', 400, 'cell_too_long', IMPORT_LIMITS.cellChars);
  });

  it('refuses a value past the column limit with 400 too_many_columns, but not styled empty cells', async () => {
    const wide = `<row r="2">${inlineCell('A2', 'Yritys')}${inlineCell('AY2', 'kaukana')}</row>`;
    await expectRefused(
      zip([...workbookParts(), sheetPart(HEADER_ROW + wide)]),
      'leveä.xlsx',
      400,
      'too_many_columns',
      50,
    );
    const csv = `Nimi;Kunta\nYritys;${Array.from({ length: 50 }, () => 'x').join(';')}\n`;
    await expectRefused(Buffer.from(csv), 'leveä.csv', 400, 'too_many_columns', IMPORT_LIMITS.columns);
    const styledEmpty = `<row r="2">${inlineCell('A2', 'Konepaja Oy')}<c r="XFD2" s="1"/></row>`;
    const rows = await parseFile(zip([...workbookParts(), sheetPart(HEADER_ROW + styledEmpty)]), 'tyylit.xlsx');
    expect(rows).toMatchObject([{ rowNumber: 2, employer: { name: 'Konepaja Oy' }, errors: [] }]);
  });

  it('refuses XML with a DTD (XXE, entity expansion) with 400 unsafe_file', async () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<worksheet xmlns="${MAIN_NS}"><sheetData>`;
    const file = zip([...workbookParts(), sheetPart(HEADER_ROW + dataRow(2, '&xxe;'), xxe)]);
    await expectRefused(file, 'xxe.xlsx', 400, 'unsafe_file');
    const laughs = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<worksheet xmlns="${MAIN_NS}"><sheetData>`;
    await expectRefused(
      zip([...workbookParts(), sheetPart(HEADER_ROW + dataRow(2, '&lol2;'), laughs)]),
      'lol.xlsx',
      400,
      'unsafe_file',
    );
  });

  it.each(['../../evil.txt', '/etc/evil.txt', '..\\..\\evil.txt'])(
    'refuses a zip entry named %s with 400 unsafe_file',
    async (name) => {
      const file = zip([...workbookParts(), sheetPart(HEADER_ROW + dataRow(2, 'Konepaja Oy')), part(name, 'pwned')]);
      await expectRefused(file, 'polku.xlsx', 400, 'unsafe_file');
    },
  );

  it('accepts exactly the row limit and refuses one row more', async () => {
    const csv = (rows: number) => Buffer.from(`Nimi;Kunta\n${'Yritys;Espoo\n'.repeat(rows)}`);
    expect(await parseFile(csv(IMPORT_LIMITS.rows), 'raja.csv')).toHaveLength(IMPORT_LIMITS.rows);
    await expect(parseFile(csv(IMPORT_LIMITS.rows + 1), 'raja.csv')).rejects.toMatchObject({
      statusCode: 400,
      extra: { fieldErrors: [expect.objectContaining({ code: 'too_many_rows', limit: IMPORT_LIMITS.rows })] },
    });
  });

  describe('a large legal file', () => {
    let large: Buffer;

    beforeAll(async () => {
      large = await legalXlsx(10_000);
    });

    it('is parsed off the request thread: health requests sent during the parse are answered before it ends', async () => {
      let parsed = false;
      const parse = parseFile(large, 'suuri.xlsx').then((rows) => {
        parsed = true;
        return rows;
      });
      const latencies: number[] = [];
      // Five requests in a row, each while the parse is still running: a blocked event loop could answer none of them.
      for (let request = 0; request < 5; request += 1) {
        const started = performance.now();
        const health = await manager.get('/api/health');
        latencies.push(performance.now() - started);
        expect({ status: health.status, parsed }).toEqual({ status: 200, parsed: false });
      }
      expect(Math.max(...latencies)).toBeLessThan(1000);
      expect(await parse).toHaveLength(10_000);
    });

    it('takes only its worker down when the parse outgrows its heap (413 too_complex), and the next parse works', async () => {
      const error = (await parseFile(large, 'suuri.xlsx', 16).catch((caught: unknown) => caught)) as ApiException;
      expect(error).toBeInstanceOf(ApiException);
      expect(error.toBody()).toMatchObject({ statusCode: 413, fieldErrors: [{ path: 'file', code: 'too_complex' }] });
      const rows = await parseFile(
        zip([...workbookParts(), sheetPart(HEADER_ROW + dataRow(2, 'Konepaja Oy'))]),
        'pieni.xlsx',
      );
      expect(rows).toMatchObject([{ rowNumber: 2, employer: { name: 'Konepaja Oy', municipality: 'Espoo' } }]);
    });
  });
});
