import { Transform } from 'node:stream';
import { formatFinnishDate } from '@tyoelama/shared';
import ExcelJS from 'exceljs';
import type { Response } from 'express';

export type Cell = string | number | null;

/** One column of an export: its Finnish header and how a database row becomes the cell. */
export interface ExportColumn<R> {
  header: string;
  value: (row: R) => Cell;
}

/** `2026-11-24` (a SQL date as text) → `24.11.2026`, without a time zone round trip. */
export function finnishDay(date: string | null): string | null {
  if (!date) return null;
  const [year, month, day] = date.slice(0, 10).split('-');
  return `${Number(day)}.${Number(month)}.${year}`;
}

/** An instant → its Helsinki calendar date, `24.11.2026`. */
export function finnishInstant(value: Date | null): string | null {
  return value ? formatFinnishDate(value) : null;
}

/**
 * A spreadsheet program runs a cell starting with = + - @ (or tab/CR) as a formula: prefix an
 * apostrophe so it stays text (OWASP "CSV injection").
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell as both formats write it: numbers as numbers, text with formulas neutralised. */
export function safeCell(cell: Cell): Cell {
  return typeof cell === 'string' ? neutraliseFormula(cell) : cell;
}

/** A CSV field for Finnish Excel: `;`-separated, quoted when needed, quotes doubled. */
export function csvField(cell: Cell): string {
  const safe = safeCell(cell);
  if (safe === null) return '';
  const text = String(safe);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: Cell[]): string {
  return `${cells.map(csvField).join(';')}\r\n`;
}

/** Database rows in, CSV lines out; the BOM and header go first so Excel detects UTF-8. */
export function csvTransform<R>(columns: ExportColumn<R>[]): Transform {
  return new Transform({
    writableObjectMode: true,
    construct(callback) {
      this.push(`\uFEFF${csvLine(columns.map((column) => column.header))}`);
      callback();
    },
    transform(row: R, _encoding, callback) {
      callback(null, csvLine(columns.map((column) => column.value(row))));
    },
  });
}

/**
 * Streams rows into an .xlsx written straight to the response (exceljs' streaming writer keeps
 * only the current rows in memory). Cells are written as text or numbers, never as formulas, and
 * formula-looking text is neutralised as in the CSV: a user may save the sheet as CSV, or edit a
 * cell and have the spreadsheet re-read it as a formula.
 */
export async function writeXlsx<R>(
  rows: AsyncIterable<R>,
  columns: ExportColumn<R>[],
  sheetName: string,
  response: Response,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: response,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(columns.map((column) => safeCell(column.header))).commit();
  for await (const row of rows) {
    sheet.addRow(columns.map((column) => safeCell(column.value(row)))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ExportFormat = keyof typeof CONTENT_TYPES;
