import {
  createContactPersonSchema,
  createEmployerSchema,
  type CreateContactPersonRequest,
  type CreateEmployerRequest,
  type FieldError,
  type ImportRowDto,
  INDUSTRY_CLASSIFICATIONS,
  type IndustryClassification,
  industrySectionOf,
  normaliseBusinessId,
  validate,
} from '@tyoelama/shared';
import type { Sheet, SheetRow } from './import-file';

/** The column keys a header may map to. */
type EmployerColumn =
  | 'name'
  | 'businessId'
  | 'industry'
  | 'industryClassification'
  | 'industrySection'
  | 'industryCode'
  | 'municipality'
  | 'streetAddress'
  | 'postcode'
  | 'website'
  | 'sizeClass'
  | 'status'
  | 'tags'
  | 'description';
type Column = EmployerColumn | 'contactName' | 'contactTitle' | 'contactEmail' | 'contactPhone';

/** Header texts people write, Finnish and English, after `headerKey` (lower case, no accents, letters and digits). */
const HEADER_ALIASES: Record<Column, readonly string[]> = {
  name: ['nimi', 'name', 'tyonantaja', 'employer', 'organisaatio', 'organisation', 'organization', 'yritys', 'company'],
  businessId: ['ytunnus', 'businessid', 'yid'],
  /** A section letter or a code, whichever the file has. */
  industry: ['toimiala', 'industry'],
  industryClassification: ['toimialaluokitus', 'luokitus', 'tol', 'industryclassification', 'classification'],
  industrySection: ['toimialanpaaluokka', 'paaluokka', 'toimialaluokka', 'industrysection', 'section'],
  industryCode: ['toimialakoodi', 'industrycode', 'tolkoodi', 'nacecode'],
  municipality: ['kunta', 'municipality', 'kotikunta', 'paikkakunta'],
  streetAddress: ['katuosoite', 'streetaddress', 'osoite', 'address'],
  postcode: ['postinumero', 'postcode', 'postalcode', 'zip', 'zipcode'],
  website: ['verkkosivu', 'verkkosivut', 'website', 'www', 'kotisivu', 'kotisivut'],
  sizeClass: ['kokoluokka', 'sizeclass', 'size', 'koko', 'henkilostomaara'],
  status: ['tila', 'status'],
  tags: ['tunnisteet', 'tunniste', 'tags', 'tag', 'tagit'],
  description: ['kuvaus', 'description'],
  contactName: ['yhteyshenkilo', 'contactname', 'contact', 'contactperson', 'yhteyshenkilonnimi'],
  contactTitle: ['titteli', 'title', 'nimike', 'tehtavanimike', 'jobtitle'],
  contactEmail: ['sahkoposti', 'email', 'sposti', 'emailaddress', 'sahkopostiosoite'],
  contactPhone: ['puhelin', 'phone', 'puhelinnumero', 'phonenumber', 'gsm'],
};

const ALIAS_TO_COLUMN = new Map<string, Column>(
  (Object.entries(HEADER_ALIASES) as [Column, readonly string[]][]).flatMap(([column, aliases]) =>
    aliases.map((alias) => [alias, column] as const),
  ),
);

/** `Y-tunnus`, `y tunnus`, `Sähköposti ` → `ytunnus`, `sahkoposti`. */
export function headerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Column index per known column; unknown headers are ignored, the first of a repeated header wins. */
export function mapHeader(header: string[]): Partial<Record<Column, number>> {
  const indexes: Partial<Record<Column, number>> = {};
  header.forEach((text, index) => {
    const column = ALIAS_TO_COLUMN.get(headerKey(text));
    if (column && indexes[column] === undefined) indexes[column] = index;
  });
  return indexes;
}

const STATUS_WORDS: Record<string, string> = {
  prospect: 'prospect',
  prospekti: 'prospect',
  partner: 'partner',
  kumppani: 'partner',
  inactive: 'inactive',
  eiaktiivinen: 'inactive',
  passiivinen: 'inactive',
};

/** What the upload request decides for every row. */
export interface ImportTarget {
  ownerCampusGroupId: number;
  accountManagerId: number | null;
}

/** Empty cells become absent fields, so a blank column never fails a pattern check. */
function blankToUndefined(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** `TOL 2008`, `tol2008`, `2008` → TOL2008; anything else is given as is, for validation to name. */
function classificationOf(value: string | undefined): string {
  if (!value) return 'TOL2025';
  const year = /^(?:tol)?(2008|2025)$/.exec(headerKey(value))?.[1];
  return year ? `TOL${year}` : value;
}

/**
 * The industry of a row, from a combined column (a section letter or a code) or separate section
 * and code columns, in TOL 2025 unless a classification column says otherwise. A code without a
 * section gets its section from the code list; a code of another section than the one given, or
 * of no division of that version, is left for the employer schema to refuse.
 */
function industryFields(cell: (column: Column) => string | undefined): Partial<CreateEmployerRequest> {
  const combined = cell('industry')?.toUpperCase();
  const letter = /^[A-Z]$/.test(combined ?? '') ? combined : undefined;
  const section = cell('industrySection')?.toUpperCase() ?? letter;
  const rawCode = cell('industryCode') ?? (letter ? undefined : combined);
  if (!section && !rawCode) return {};
  const classification = classificationOf(cell('industryClassification')) as IndustryClassification;
  const code = rawCode?.replace(/\s|\./g, '');
  const derived =
    code && INDUSTRY_CLASSIFICATIONS.includes(classification) ? industrySectionOf(classification, code) : null;
  return {
    industryClassification: classification,
    industrySection: section ?? derived ?? undefined,
    industryCode: code,
  };
}

function sizeClass(value: string | undefined): string | undefined {
  return value?.replace(/\s/g, '').replace(/[‐‑‒–—]/g, '-');
}

function website(value: string | undefined): string | undefined {
  if (!value) return undefined;
  // People write "www.yritys.fi"; the schema wants a URL.
  return /^https?:\/\//i.test(value) ? value : `https://${value}`;
}

function postcode(value: string | undefined): string | undefined {
  // Excel drops the leading zeros of Helsinki's 00100 when the column is numeric.
  return value && /^\d{3,4}$/.test(value) ? value.padStart(5, '0') : value;
}

function tags(value: string | undefined): string[] | undefined {
  const list = value
    ?.split(/[,|]/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return list?.length ? list : undefined;
}

/** The employer a row describes, as the create request the API would receive. */
function employerInput(cell: (column: Column) => string | undefined, target: ImportTarget): CreateEmployerRequest {
  const status = cell('status');
  const input: Partial<CreateEmployerRequest> = {
    name: cell('name') ?? '',
    businessId: cell('businessId'),
    ...industryFields(cell),
    municipality: cell('municipality'),
    streetAddress: cell('streetAddress'),
    postcode: postcode(cell('postcode')),
    website: website(cell('website')),
    sizeClass: sizeClass(cell('sizeClass')) as CreateEmployerRequest['sizeClass'],
    status: (status ? (STATUS_WORDS[headerKey(status)] ?? status) : undefined) as CreateEmployerRequest['status'],
    tags: tags(cell('tags')),
    description: cell('description'),
    ownerCampusGroupId: target.ownerCampusGroupId,
    accountManagerId: target.accountManagerId,
  };
  return withoutUndefined(input as CreateEmployerRequest);
}

function contactInput(cell: (column: Column) => string | undefined): CreateContactPersonRequest | null {
  const input = {
    name: cell('contactName') ?? '',
    title: cell('contactTitle'),
    email: cell('contactEmail'),
    phone: cell('contactPhone'),
  };
  if (!input.name && !input.title && !input.email && !input.phone) return null;
  return withoutUndefined<CreateContactPersonRequest>(input);
}

/** Drops absent fields, so the preview JSON shows only what the file had. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

function pick<T extends object>(value: T, keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => keys.includes(key))) as Partial<T>;
}

function prefixed(errors: FieldError[], prefix: string): FieldError[] {
  return errors.map((error) => ({ ...error, path: `${prefix}${error.path}` }));
}

/** What the file holds for one employer once validated; `employer` is normalised when valid. */
export interface ParsedRow extends ImportRowDto {
  /** Whether the employer part is valid (contacts may still have errors). */
  employerValid: boolean;
}

function parseRow(row: SheetRow, columns: Partial<Record<Column, number>>, target: ImportTarget): ParsedRow {
  const cell = (column: Column) => {
    const index = columns[column];
    return index === undefined ? undefined : blankToUndefined(row.cells[index]);
  };
  const errors: FieldError[] = [];
  const rawEmployer = employerInput(cell, target);
  const employerResult = validate(createEmployerSchema, rawEmployer);
  if (!employerResult.ok) errors.push(...employerResult.fieldErrors);
  const rawContact = contactInput(cell);
  const contacts: CreateContactPersonRequest[] = [];
  if (rawContact) {
    const contactResult = validate(createContactPersonSchema, rawContact);
    if (contactResult.ok) contacts.push(contactResult.value);
    else {
      contacts.push(rawContact);
      errors.push(...prefixed(contactResult.fieldErrors, 'contacts.0.'));
    }
  }
  return {
    rowNumber: row.rowNumber,
    // Only what the file gave: an update must not reset a field to the create defaults (status, tags).
    employer: employerResult.ok ? pick(employerResult.value, Object.keys(rawEmployer)) : rawEmployer,
    contacts,
    errors,
    duplicate: null,
    employerValid: employerResult.ok,
  };
}

/** Lower case, no accents, single spaces: how two rows' names are compared inside the file. */
export function nameKey(name: string | undefined): string {
  return (name ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Validates every row, then folds rows about the same employer (same Y-tunnus, or same name when a
 * Y-tunnus is missing on either) into the first: its contact is added there and the later row is
 * kept as a warning with `inFileDuplicateOf`.
 */
export function parseRows(sheet: Sheet, target: ImportTarget): ParsedRow[] {
  const columns = mapHeader(sheet.header);
  const rows = sheet.rows.map((row) => parseRow(row, columns, target));
  const byBusinessId = new Map<string, ParsedRow>();
  const byName = new Map<string, ParsedRow>();
  for (const row of rows) {
    const businessId = row.employer.businessId ? normaliseBusinessId(row.employer.businessId) : null;
    const name = nameKey(row.employer.name);
    const sameName = name ? byName.get(name) : undefined;
    const first =
      (businessId ? byBusinessId.get(businessId) : undefined) ??
      (sameName && (!businessId || !sameName.employer.businessId) ? sameName : undefined);
    if (first) {
      row.inFileDuplicateOf = first.rowNumber;
      // A row with errors adds nothing; it is reported on its own.
      if (row.errors.length === 0) first.contacts.push(...row.contacts);
      continue;
    }
    if (businessId) byBusinessId.set(businessId, row);
    if (name && !byName.has(name)) byName.set(name, row);
  }
  return rows;
}
