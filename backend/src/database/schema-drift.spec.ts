import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/test-database';
import { dataSourceOptions } from './data-source';
import { ENTITIES } from './entities';
import { TABLES } from '../tables';

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

// Until the last entity classes give way to table declarations (entities.ts then goes), the tables
// still described by an entity are compared through TypeORM's metadata of that entity.
async function entityColumns(ownerUrl: string): Promise<Map<string, ColumnLines>> {
  const dataSource = new DataSource({ ...dataSourceOptions(ownerUrl), entities: ENTITIES });
  await dataSource.initialize();
  await dataSource.destroy();
  return new Map(
    dataSource.entityMetadatas.map((entity) => [
      entity.tableName,
      entity.columns
        .map((column) => {
          const base = dataSource.driver.normalizeType(column);
          const sqlType = column.length ? `${base}(${column.length})` : base;
          return line(
            entity.tableName,
            column.databaseName,
            column.isArray ? `${sqlType}[]` : sqlType,
            column.isNullable,
          );
        })
        .sort(),
    ]),
  );
}

describe('migrations', () => {
  it('leave the tables and columns the code declares: names, types and nullability', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(database.ownerUrl));
    await dataSource.initialize();
    try {
      const migrated = await migratedColumns(dataSource);
      const declared = declaredColumns();
      const entities = await entityColumns(database.ownerUrl);
      expect([...declared.keys()].filter((table) => entities.has(table))).toEqual([]);
      const described = new Map([...declared, ...entities]);
      const everyLine = (tables: Map<string, ColumnLines>) => [...tables.values()].flat().sort();
      // A table on one side only shows as all its columns missing on the other.
      expect(everyLine(described)).toEqual(everyLine(migrated));
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('can be undone and applied again', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(database.ownerUrl));
    await dataSource.initialize();
    try {
      const migrations = dataSource.migrations.length;
      for (let step = 0; step < migrations; step += 1) await dataSource.undoLastMigration();
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(count).toBe(0);
      expect((await dataSource.runMigrations()).length).toBe(migrations);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });

  it('keeps the audit trail append-only in the database', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(database.ownerUrl));
    await dataSource.initialize();
    try {
      await dataSource.query(
        `INSERT INTO audit_events (action, entity_type, entity_id, changes) VALUES ('create', 'test', 1, '{}')`,
      );
      await expect(dataSource.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
      await expect(dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
