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

  it('stops the start when ADMIN_PASSWORD breaks the password policy, saying which rule', () => {
    expect(() => loadConfig({ ADMIN_PASSWORD: 'aaaaaaaaaaaa' })).toThrow(/ADMIN_PASSWORD.*password_repetitive/);
    expect(() => loadConfig({ ADMIN_PASSWORD: 'password1234' })).toThrow(
      /ADMIN_PASSWORD: Is one of the most common passwords/,
    );
    expect(() => loadConfig({ ADMIN_EMAIL: 'hanna.virtanen@example.fi', ADMIN_PASSWORD: 'Virtanen-2026-xyz' })).toThrow(
      /ADMIN_PASSWORD.*password_personal/,
    );
    expect(() => loadConfig({ ADMIN_PASSWORD: 'pääkäyttäjä-salasana' })).toThrow(/password_personal/);
    expect(loadConfig({ ADMIN_PASSWORD: 'vihreä-kivi-kahvikuppi' }).adminPassword).toBe('vihreä-kivi-kahvikuppi');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).port).toBe(3000);
  });
});
