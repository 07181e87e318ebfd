import { IMPORT_LIMITS, type ImportFileErrorCode } from '@tyoelama/shared';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';

/**
 * A file refused as a whole, thrown where it is read (in the parse worker, which has no Nest): the
 * request thread turns it into the API's envelope with a field error on `file`.
 */
export class FileRefused extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: ImportFileErrorCode,
    message: string,
    readonly limit?: number,
  ) {
    super(message);
  }
}

const MB = 1024 * 1024;

export const refusals = {
  fileTooLarge: () =>
    new FileRefused(
      413,
      'file_too_large',
      `The file is larger than ${IMPORT_LIMITS.fileBytes / MB} MB`,
      IMPORT_LIMITS.fileBytes,
    ),
  entryTooLarge: () =>
    new FileRefused(
      413,
      'entry_too_large',
      `A part of the .xlsx file unpacks to more than ${IMPORT_LIMITS.entryBytes / MB} MB`,
      IMPORT_LIMITS.entryBytes,
    ),
  inflatedTooLarge: () =>
    new FileRefused(
      413,
      'inflated_too_large',
      `The .xlsx file unpacks to more than ${IMPORT_LIMITS.inflatedBytes / MB} MB`,
      IMPORT_LIMITS.inflatedBytes,
    ),
  tooComplex: () => new FileRefused(413, 'too_complex', 'The file needs more memory to read than an import may use'),
  tooManyRows: () =>
    new FileRefused(400, 'too_many_rows', `The file has more than ${IMPORT_LIMITS.rows} data rows`, IMPORT_LIMITS.rows),
  tooManyColumns: () =>
    new FileRefused(
      400,
      'too_many_columns',
      `A row has a value past column ${IMPORT_LIMITS.columns}`,
      IMPORT_LIMITS.columns,
    ),
  cellTooLong: () =>
    new FileRefused(
      400,
      'cell_too_long',
      `A cell has more than ${IMPORT_LIMITS.cellChars} characters`,
      IMPORT_LIMITS.cellChars,
    ),
  unsafe: (why: string) => new FileRefused(400, 'unsafe_file', `The file is refused: ${why}`),
  unsupported: (message = 'Not a readable .xlsx file') => new FileRefused(400, 'unsupported_file', message),
};

/** Counts a sheet's rows, columns and cell lengths as they stream past; throws at the first limit passed. */
export class SheetShape {
  private rows = 0;

  /** `lastColumn`: 1-based column of the row's last cell holding a value (0: a row with no values, not counted). */
  row(lastColumn: number): void {
    if (lastColumn === 0) return;
    if (lastColumn > IMPORT_LIMITS.columns) throw refusals.tooManyColumns();
    this.rows += 1;
    // The first row with values is the header.
    if (this.rows > IMPORT_LIMITS.rows + 1) throw refusals.tooManyRows();
  }

  cell(chars: number): void {
    if (chars > IMPORT_LIMITS.cellChars) throw refusals.cellTooLong();
  }
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS = /^xl\/sharedstrings\.xml$/i;
// A DTD is where XML entity tricks (XXE, "billion laughs") live; no spreadsheet needs one.
const DTD = /<!(doctype|entity)/i;
const DTD_OVERLAP = '<!DOCTYPE'.length - 1;

/**
 * Reads every entry of an .xlsx once, without keeping it: refuses unsafe entry names, DTDs, entries
 * and totals past the inflated-size limits (by the declared sizes first, then by the bytes actually
 * inflated, since headers can lie), and worksheets or shared strings past the row/column/cell limits.
 * After this, ExcelJS only ever sees a file whose every part is known to be small.
 */
export async function inspectXlsx(buffer: Buffer): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    // Sizes are checked here against the bytes counted, so that a lying header gets the size refusal.
    zip = await yauzl.fromBufferPromise(buffer, { decodeStrings: false, validateEntrySizes: false });
  } catch {
    throw refusals.unsupported();
  }
  const inflated = { total: 0 };
  try {
    for await (const entry of zip.eachEntry()) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
      const unsafeName = yauzl.validateFileName(name);
      if (unsafeName) throw refusals.unsafe(unsafeName);
      if (entry.uncompressedSize > IMPORT_LIMITS.entryBytes) throw refusals.entryTooLarge();
      if (inflated.total + entry.uncompressedSize > IMPORT_LIMITS.inflatedBytes) throw refusals.inflatedTooLarge();
      await inspectEntry(await zip.openReadStreamPromise(entry), name, inflated);
    }
  } catch (error) {
    throw error instanceof FileRefused ? error : refusals.unsupported();
  } finally {
    zip.close();
  }
}

async function inspectEntry(stream: Readable, name: string, inflated: { total: number }): Promise<void> {
  const xml = WORKSHEET.test(name) ? worksheetScanner() : SHARED_STRINGS.test(name) ? sharedStringsScanner() : null;
  const utf8 = new StringDecoder('utf8');
  let entryBytes = 0;
  let tail = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      entryBytes += chunk.length;
      inflated.total += chunk.length;
      if (entryBytes > IMPORT_LIMITS.entryBytes) throw refusals.entryTooLarge();
      if (inflated.total > IMPORT_LIMITS.inflatedBytes) throw refusals.inflatedTooLarge();
      const text = tail + chunk.toString('latin1');
      if (DTD.test(text)) throw refusals.unsafe('an XML part declares a DTD');
      tail = text.slice(-DTD_OVERLAP);
      xml?.write(utf8.write(chunk));
    }
    xml?.write(utf8.end());
    xml?.close();
  } finally {
    stream.destroy();
  }
}

function localName(tag: { name: string }): string {
  return tag.name.slice(tag.name.indexOf(':') + 1);
}

/** `AB12` → 28. */
function columnOf(reference: string): number {
  let column = 0;
  for (const character of reference) {
    const code = character.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

/** Rows, the last column with a value on each row, and the length of inline values. */
function worksheetScanner(): SaxesParser {
  const shape = new SheetShape();
  const parser = new SaxesParser();
  let lastColumn = 0;
  let column = 0;
  let valueChars: number | null = null;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    switch (localName(tag)) {
      case 'row':
        lastColumn = 0;
        column = 0;
        break;
      case 'c': {
        const reference = tag.attributes.r;
        column = typeof reference === 'string' && reference ? columnOf(reference) : column + 1;
        break;
      }
      case 'v':
      case 't':
        valueChars = 0;
        lastColumn = Math.max(lastColumn, column);
        break;
    }
  });
  parser.on('text', (text) => {
    if (valueChars === null) return;
    valueChars += text.length;
    shape.cell(valueChars);
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag);
    if (name === 'v' || name === 't') valueChars = null;
    else if (name === 'row') shape.row(lastColumn);
  });
  return parser;
}

/** The length of every shared string (the runs of a rich text string added up). */
function sharedStringsScanner(): SaxesParser {
  const shape = new SheetShape();
  const parser = new SaxesParser();
  let stringChars = 0;
  let inText = false;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag);
    if (name === 'si') stringChars = 0;
    else if (name === 't') inText = true;
  });
  parser.on('text', (text) => {
    if (!inText) return;
    stringChars += text.length;
    shape.cell(stringChars);
  });
  parser.on('closetag', (tag) => {
    if (localName(tag) === 't') inText = false;
  });
  return parser;
}
