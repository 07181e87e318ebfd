import { IMPORT_LIMITS } from '@tyoelama/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { FileRefused, inspectXlsx, refusals, SheetShape } from './import-file-limits';

/** A file's rows as text cells, with the row number a spreadsheet would show (header = row 1). */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Reads an uploaded CSV or .xlsx within IMPORT_LIMITS; throws FileRefused for a file of another kind,
 * with no header, or past a limit. CPU- and memory-heavy: the API runs it in a worker (import-file-reader.ts).
 */
export async function readSheet(buffer: Buffer, fileName: string): Promise<Sheet> {
  if (buffer.length > IMPORT_LIMITS.fileBytes) throw refusals.fileTooLarge();
  const isXlsx = buffer.subarray(0, 4).equals(ZIP_MAGIC);
  if (!isXlsx && /\.xlsx?$/i.test(fileName)) {
    throw refusals.unsupported('Not a readable .xlsx file (old .xls is not supported)');
  }
  const sheet = isXlsx ? await readXlsx(buffer) : readCsv(decodeText(buffer));
  if (sheet.header.every((cell) => cell.trim() === '')) {
    throw new FileRefused(400, 'empty_file', 'The file has no header row');
  }
  return sheet;
}

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252: what Finnish Excel
 * writes with "CSV (semicolon separated)". A cp1252 file with ä/ö is never valid UTF-8, so the test is safe.
 */
export function decodeText(buffer: Buffer): string {
  const body = buffer.subarray(0, 3).equals(UTF8_BOM) ? buffer.subarray(3) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return iconv.decode(body, 'win1252');
  }
}

/** `;` or `,`, whichever occurs more often outside quotes on the header line (`;` on a tie: Finnish Excel). */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && character === ';') semicolons += 1;
    else if (!quoted && character === ',') commas += 1;
  }
  return commas > semicolons ? ',' : ';';
}

/** How every CSV the imports read is parsed: its own delimiter, a BOM and ragged rows allowed. */
export function csvOptions(text: string) {
  return { delimiter: detectDelimiter(text), bom: true, relax_column_count: true, skip_empty_lines: true };
}

const NEWLINES = /\r\n|\n|\r/g;

export function readCsv(text: string): Sheet {
  const shape = new SheetShape();
  let records: string[][];
  // The line each record ends on, by record index.
  const endLines: number[] = [];
  try {
    records = parse(text, {
      ...csvOptions(text),
      // Counted record by record, so a file past a limit stops the parse where it passes it.
      on_record: (record, context) => {
        for (const cell of record) shape.cell(cell.length);
        shape.row(record.findLastIndex((cell) => cell !== '') + 1);
        endLines.push(context.lines);
        return record;
      },
    });
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(400, 'unreadable_csv', `The CSV file cannot be read: ${(error as Error).message}`);
  }
  const rows = records.map((record, index) => {
    // csv-parse reports the line a record ends on; a quoted field may span several lines.
    const innerLines = record.reduce((sum, cell) => sum + (cell.match(NEWLINES)?.length ?? 0), 0);
    return { rowNumber: endLines[index] - innerLines, cells: record };
  });
  return splitHeader(rows);
}

async function readXlsx(buffer: Buffer): Promise<Sheet> {
  // ExcelJS unpacks the whole file into memory: it gets only files whose every part is known to be small.
  await inspectXlsx(buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw refusals.unsupported();
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new FileRefused(400, 'empty_file', 'The workbook has no worksheet');
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // Only cells with values: a styled empty cell far to the right must not widen every row.
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return splitHeader(rows);
}

/** A cell as the text a person sees; formulas by their cached result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return value.result === undefined ? '' : cellText(value.result);
  if ('error' in value) return '';
  return '';
}

function splitHeader(rows: SheetRow[]): Sheet {
  const nonEmpty = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const [header, ...data] = nonEmpty;
  return { header: header?.cells ?? [], rows: data };
}
