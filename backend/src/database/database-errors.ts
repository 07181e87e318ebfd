/**
 * PostgreSQL and driver errors that mean "the database cannot serve this right now; try again":
 * connection loss and shutdown, and a statement the server ended (57014 query_canceled: statement
 * timeout or an administrator's cancel; 55P03 lock_not_available: lock timeout).
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57014',
  '55P03',
]);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, driverError } = error as { code?: string; message?: string; driverError?: unknown };
  if (driverError && isDatabaseUnavailable(driverError)) return true;
  if (code && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Query read timeout/i.test(
      message,
    )
  );
}

/** Name of the unique constraint or index a statement violated, if that is what happened. */
export function uniqueViolation(error: unknown): string | null {
  const candidate = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? error;
  const { code, constraint } = (candidate ?? {}) as { code?: string; constraint?: string };
  return code === '23505' ? (constraint ?? 'unknown') : null;
}

export function foreignKeyViolation(error: unknown): string | null {
  const candidate = (error as { driverError?: { code?: string; constraint?: string } })?.driverError ?? error;
  const { code, constraint } = (candidate ?? {}) as { code?: string; constraint?: string };
  return code === '23503' ? (constraint ?? 'unknown') : null;
}

// numeric_value_out_of_range, invalid_text_representation, character_not_in_repertoire / untranslatable (NUL in text).
const UNSTORABLE_SQLSTATES = new Set(['22003', '22P02', '22021', '22P05']);

/** PostgreSQL refused a value the schemas let through: the request was bad, the server is fine. */
export function isUnstorableValue(error: unknown): boolean {
  const candidate = (error as { driverError?: { code?: string } })?.driverError ?? error;
  const code = (candidate as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNSTORABLE_SQLSTATES.has(code);
}
