import { type FeedbackSurveyKind, NATIONAL_IMPORT_LIMITS } from '@tyoelama/shared';
import { parse } from 'csv-parse/sync';
import { csvOptions, decodeText } from './import-file';
import { text } from './national-json';
import { type NationalFile, NationalFileRefused, type SurveyRecord } from './national-record';
import { Collector, RecordCheck } from './national-record-check';

// Arvo's Työelämäpalaute CSVs: the workplace survey and the instructor survey.

const ARVO_COLUMNS: Record<FeedbackSurveyKind, string[]> = {
  workplace: [
    'tunnus',
    'voimassa_alkupvm',
    'voimassa_loppupvm',
    'vastausten_lkm',
    'tyonantaja',
    'tyopaikkajaksojen_lkm',
  ],
  instructor: [
    'tunnus',
    'voimassa_alkupvm',
    'voimassa_loppupvm',
    'vastausten_lkm',
    'tyonantaja',
    'tyopaikkajakson_alkupvm',
  ],
};

function readCsvRows(bytes: Buffer): { header: string[]; rows: { line: number; cells: string[] }[] } {
  if (bytes.length === 0) throw new NationalFileRefused(400, 'empty_file', 'The file is empty');
  const text = decodeText(bytes);
  const lines: number[] = [];
  let records: string[][];
  try {
    records = parse(text, {
      ...csvOptions(text),
      on_record: (record: string[], context: { lines: number }) => {
        lines.push(context.lines);
        if (lines.length > NATIONAL_IMPORT_LIMITS.records + 1) {
          throw new NationalFileRefused(
            400,
            'too_many_records',
            `The file has more than ${NATIONAL_IMPORT_LIMITS.records} surveys`,
            NATIONAL_IMPORT_LIMITS.records,
          );
        }
        return record;
      },
    });
  } catch (error) {
    if (error instanceof NationalFileRefused) throw error;
    throw new NationalFileRefused(400, 'unreadable_csv', `The CSV file cannot be read: ${(error as Error).message}`);
  }
  if (!records.length) throw new NationalFileRefused(400, 'empty_file', 'The file has no header row');
  const header = records[0].map((cell) => cell.trim().toLowerCase());
  return { header, rows: records.slice(1).map((cells, index) => ({ line: lines[index + 1], cells })) };
}

export function readArvo(bytes: Buffer, kind: FeedbackSurveyKind): NationalFile<SurveyRecord> {
  const { header, rows } = readCsvRows(bytes);
  const missing = ARVO_COLUMNS[kind].filter((column) => !header.includes(column));
  if (missing.length) {
    throw new NationalFileRefused(400, 'missing_columns', `The file has no column ${missing.join(', ')}`);
  }
  const collector = new Collector<SurveyRecord>((record) => record.code);
  for (const { line, cells } of rows) {
    collector.counted();
    const cell = (column: string): string | null => text(cells[header.indexOf(column)] ?? null, 500);
    const check = new RecordCheck(String(line));
    const code = cell('tunnus');
    if (!code) check.add('tunnus', 'required');
    const validFrom = check.requiredDate(cell('voimassa_alkupvm'), 'voimassa_alkupvm');
    const validUntil = check.requiredDate(cell('voimassa_loppupvm'), 'voimassa_loppupvm');
    check.ordered(validFrom, validUntil, 'voimassa_loppupvm');
    const periodStartsOn = check.optionalDate(cell('tyopaikkajakson_alkupvm'), 'tyopaikkajakson_alkupvm');
    const periodEndsOn = check.optionalDate(cell('tyopaikkajakson_loppupvm'), 'tyopaikkajakson_loppupvm');
    const url = cell('url');
    collector.add(check, {
      kind,
      code: (code ?? '').slice(0, 100),
      business_id: check.businessId(cell('tyonantaja'), 'tyonantaja'),
      workplace_name: text(cell('tyopaikka')),
      url: url && /^https:\/\/\S+$/.test(url) ? url.slice(0, 500) : null,
      valid_from: validFrom,
      valid_until: validUntil,
      answers: check.count(cell('vastausten_lkm'), 'vastausten_lkm', true) ?? 0,
      targets: check.count(cell('kohteiden_lkm'), 'kohteiden_lkm', false),
      period_count: check.count(cell('tyopaikkajaksojen_lkm'), 'tyopaikkajaksojen_lkm', false),
      period_days: check.count(cell('tyopaikkajaksojen_kesto'), 'tyopaikkajaksojen_kesto', false),
      qualification_code: text(cell('tutkinto'), 20),
      qualification_name: text(cell('tutkinto_selite')),
      campus_name: text(cell('toimipiste')),
      period_starts_on: periodStartsOn,
      period_ends_on: periodEndsOn,
      contract_type: text(cell('sopimustyyppi'), 30),
      state: text(cell('tila'), 30),
    });
  }
  return collector.file();
}
