import { validBusinessIdFrom } from '@tyoelama/shared';
import iconv from 'iconv-lite';
import type { Pool } from 'pg';
import {
  CONTACT_TITLES,
  FIRST_NAMES,
  INDUSTRY_CODES,
  INDUSTRY_CORES,
  LAST_NAMES,
  MUNICIPALITIES,
} from './scale-vocabulary';
import { IMPORT_COLUMNS } from '../seed/vocabulary';

/** Rows of the bench's import file, as in the issue that made the import hard: a 10 000-row Excel CSV. */
export const IMPORT_ROWS = 10_000;
/** Every fifth row is an employer the scale data already has. */
const EXISTING_EVERY = 5;

interface ExistingEmployer {
  name: string;
  business_id: string | null;
}

/** "Oy" → "Oy.j", another legal form → "O.y.": the spellings people type that name the same company. */
function legalFormVariant(name: string): string {
  return / Oy$/.test(name) ? `${name}.j` : `${name.replace(/ (Oyj|Ky|Tmi|Ay)$/, '')} O.y.`;
}

/** One typo in the first word: its third and fourth letters swapped. */
function misspelt(name: string): string {
  const [first, ...rest] = name.split(' ');
  const word = first.length < 5 ? first : `${first.slice(0, 2)}${first[3]}${first[2]}${first.slice(4)}`;
  return [word, ...rest].join(' ');
}

function csvCell(value: string): string {
  return /[;"\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface ImportFile {
  content: Buffer;
  /** Rows naming an employer of the scale data: by Y-tunnus, or by a variant of its name. */
  existing: number;
}

/**
 * The import file, Windows-1252 with `;` and CRLF as Finnish Excel writes it: every fifth row an
 * existing employer (by Y-tunnus with the name's legal form respelt, or without Y-tunnus and with a
 * typo in the name), the rest new employers ("Matti Virtanen Kampaamo Tmi"), half of them with a
 * Y-tunnus no employer has. Fixed picks, so every run imports the same file.
 */
export async function importFile(pool: Pool): Promise<ImportFile> {
  const existingCount = IMPORT_ROWS / EXISTING_EVERY;
  const { rows: existing } = await pool.query<ExistingEmployer>(
    `SELECT name, business_id FROM employers WHERE archived_at IS NULL ORDER BY hashint4(id + 3) LIMIT $1`,
    [existingCount],
  );
  const candidates = Array.from({ length: IMPORT_ROWS }, (_, index) => validBusinessIdFrom(9_100_000 + index * 7));
  const { rows: taken } = await pool.query<{ business_id: string }>(
    `SELECT business_id FROM employers WHERE business_id = ANY($1::text[])`,
    [candidates],
  );
  const takenIds = new Set(taken.map((row) => row.business_id));
  const freeIds = candidates.filter((id) => !takenIds.has(id));
  let nextFreeId = 0;

  const lines = [IMPORT_COLUMNS.join(';')];
  for (let index = 0; index < IMPORT_ROWS; index += 1) {
    const old = index % EXISTING_EVERY === 0 ? existing[index / EXISTING_EVERY] : undefined;
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length];
    const industry = Math.floor(index / (FIRST_NAMES.length * LAST_NAMES.length)) % INDUSTRY_CORES.length;
    const name = old
      ? old.business_id
        ? legalFormVariant(old.name)
        : misspelt(old.name)
      : `${first} ${last} ${INDUSTRY_CORES[industry]} Tmi`;
    const businessId = old ? (old.business_id ?? '') : index % 2 === 1 ? (freeIds[nextFreeId++] ?? '') : '';
    const municipality = MUNICIPALITIES[index % MUNICIPALITIES.length];
    const cells = [
      name,
      businessId,
      INDUSTRY_CODES[industry],
      municipality,
      `Teollisuustie ${1 + (index % 120)}`,
      String(10000 + ((index * 37) % 89999)).padStart(5, '0'),
      `www.tuonti-${index}.fi`,
      '10–49',
      index % 3 === 0 ? 'kumppani' : 'prospekti',
      'tuonti, työssäoppiminen',
      `Tuotu tiedostosta; rivi ${index + 2}`,
      `${FIRST_NAMES[(index + 7) % FIRST_NAMES.length]} ${LAST_NAMES[(index + 11) % LAST_NAMES.length]}`,
      CONTACT_TITLES[index % CONTACT_TITLES.length],
      `yhteys${index}@tuonti.example.fi`,
      `040 ${String(index).padStart(7, '0')}`,
    ];
    lines.push(cells.map(csvCell).join(';'));
  }
  return { content: iconv.encode(lines.join('\r\n'), 'win1252'), existing: existingCount };
}
