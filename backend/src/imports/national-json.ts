import { NATIONAL_IMPORT_LIMITS } from '@tyoelama/shared';
import { decodeText } from './import-file';
import { NationalFileRefused } from './national-record';

/** Reading the JSON exports (KOSKI, eHOKS) and the values in them. */

export type Json = unknown;
export type JsonObject = Record<string, Json>;

export function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function list(value: Json): Json[] {
  return Array.isArray(value) ? value : [];
}

export function at(value: Json, ...path: string[]): Json {
  let current = value;
  for (const key of path) current = isObject(current) ? current[key] : undefined;
  return current;
}

export function text(value: Json, max = 300): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const trimmed = String(value).trim();
  return trimmed ? trimmed.slice(0, max) : null;
}

/** A LocalizedString `{fi, sv, en}`: Finnish first. */
export function localized(value: Json, max = 300): string | null {
  if (!isObject(value)) return text(value, max);
  return text(value['fi'], max) ?? text(value['sv'], max) ?? text(value['en'], max);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const FINNISH_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** `YYYY-MM-DD` (a timestamp's date part, or Finnish d.m.yyyy, read too), or null when it is no real date. */
export function isoDate(value: Json): string | null {
  const raw = text(value, 40);
  if (!raw) return null;
  const iso = ISO_DATE.exec(raw);
  const finnish = FINNISH_DATE.exec(raw);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : finnish
      ? [Number(finnish[3]), Number(finnish[2]), Number(finnish[1])]
      : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!year || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * Refuses JSON nested deeper than `maxDepth` before parsing it: one pass over the bytes, counting
 * brackets outside strings (a hostile file of a million `[` would otherwise cost the parse and the walk).
 */
export function assertJsonDepth(bytes: Uint8Array, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (inString) {
      if (byte === 0x5c) index += 1;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > maxDepth) {
        throw new NationalFileRefused(400, 'too_deep', `The file nests deeper than ${maxDepth} levels`, maxDepth);
      }
    } else if (byte === 0x7d || byte === 0x5d) depth -= 1;
  }
}

export function parseJson(bytes: Buffer): Json {
  if (bytes.length === 0) throw new NationalFileRefused(400, 'empty_file', 'The file is empty');
  assertJsonDepth(bytes, NATIONAL_IMPORT_LIMITS.jsonDepth);
  try {
    return JSON.parse(decodeText(bytes)) as Json;
  } catch {
    throw new NationalFileRefused(400, 'not_json', 'The file is not JSON');
  }
}
