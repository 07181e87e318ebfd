import type { DataSource } from 'typeorm';
import { withOwnerDataSource } from './test-database';
import { TABLES } from './tables';

/** One line per column: `table.column: type [NOT NULL]`, in information_schema's words. */
type ColumnLines = string[];

const ARRAY_ELEMENTS: Record<string, string> = { _text: 'text', _int4: 'integer' };

interface InformationSchemaColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  character_maximum_length: number | null;
  is_nullable: 'YES' | 'NO';
}

function line(table: string, column: string, sqlType: string, nullable: boolean): string {
  return `${table}.${column}: ${sqlType}${nullable ? '' : ' NOT NULL'}`;
}

function sqlTypeOf(column: InformationSchemaColumn): string {
  if (column.data_type === 'ARRAY') return `${ARRAY_ELEMENTS[column.udt_name] ?? column.udt_name}[]`;
  if (column.data_type === 'USER-DEFINED') return column.udt_name;
  return column.character_maximum_length === null
    ? column.data_type
    : `${column.data_type}(${column.character_maximum_length})`;
}

async function migratedColumns(dataSource: DataSource): Promise<Map<string, ColumnLines>> {
  const columns: InformationSchemaColumn[] = await dataSource.query(
    `SELECT table_name, column_name, data_type, udt_name, character_maximum_length::int, is_nullable
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'migrations'
      ORDER BY table_name, column_name`,
  );
  const byTable = new Map<string, ColumnLines>();
  for (const column of columns) {
    const lines = byTable.get(column.table_name) ?? [];
    lines.push(line(column.table_name, column.column_name, sqlTypeOf(column), column.is_nullable === 'YES'));
    byTable.set(column.table_name, lines);
  }
  return byTable;
}

function declaredColumns(): Map<string, ColumnLines> {
  return new Map(
    TABLES.map((table) => [
      table.name,
      Object.entries(table.columns)
        .map(([name, column]) => line(table.name, name, column.sqlType, column.nullable))
        .sort(),
    ]),
  );
}

describe('migrations', () => {
  it('leave the tables and columns the code declares: names, types and nullability', () =>
    withOwnerDataSource(async (dataSource) => {
      const migrated = await migratedColumns(dataSource);
      const declared = declaredColumns();
      expect(new Set(TABLES.map((table) => table.name)).size).toBe(TABLES.length);
      const everyLine = (tables: Map<string, ColumnLines>) => [...tables.values()].flat().sort();
      // A table on one side only shows as all its columns missing on the other.
      expect(everyLine(declared)).toEqual(everyLine(migrated));
    }));

  it('can be undone and applied again', () =>
    withOwnerDataSource(async (dataSource) => {
      const migrations = dataSource.migrations.length;
      for (let step = 0; step < migrations; step += 1) await dataSource.undoLastMigration();
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(count).toBe(0);
      expect((await dataSource.runMigrations()).length).toBe(migrations);
    }));

  it('keeps the audit trail append-only in the database', () =>
    withOwnerDataSource(async (dataSource) => {
      await dataSource.query(
        `INSERT INTO audit_events (action, entity_type, entity_id, changes) VALUES ('create', 'test', 1, '{}')`,
      );
      await expect(dataSource.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    }));
});
