import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/test-database';
import { dataSourceOptions } from './data-source';

describe('migrations', () => {
  it('leave no difference between the entities and the database schema', async () => {
    const database = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(database.ownerUrl));
    await dataSource.initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
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
