/** The columns every versioned table has, as its row arrives from PostgreSQL. */
export interface VersionedRow {
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** The DTO fields of a versioned record: when it was created and last saved, and the version a save must name. */
export function versionedRecordFields(row: VersionedRow): { createdAt: string; updatedAt: string; version: number } {
  return { createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(), version: row.version };
}
