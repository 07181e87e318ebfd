import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.logLevel).toBe('log');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('reads the database roles and the server-side limits', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://crm_app:a@db/tyoelama',
      DATABASE_OWNER_URL: 'postgres://crm_owner:b@db/tyoelama',
      DATABASE_STATEMENT_TIMEOUT_MS: '20000',
      DATABASE_LOCK_TIMEOUT_MS: '3000',
    });
    expect(config.databaseOwnerUrl).toBe('postgres://crm_owner:b@db/tyoelama');
    expect(config.databaseTimeouts).toEqual({ statementMs: 20000, lockMs: 3000, idleInTransactionMs: 60000 });
    expect(() => loadConfig({ DATABASE_OWNER_URL: 'postgres://crm_owner:b@db/tyoelama' })).toThrow(
      /DATABASE_OWNER_URL/,
    );
    expect(() => loadConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });
});
