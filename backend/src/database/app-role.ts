import { Client, escapeIdentifier, escapeLiteral } from 'pg';
import type { DataSource } from 'typeorm';

/** The login role the app runs as on the embedded server; the superuser `postgres` owns the schema. */
export const EMBEDDED_APP_ROLE = 'tyoelama_app';

/** The user name of a postgres:// URL. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** The same URL signed in as another role. */
export function withCredentials(url: string, role: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

// duplicate_object, or unique_violation on pg_authid when two processes create the role at the same instant.
const ROLE_EXISTS = new Set(['42710', '23505']);

/**
 * Creates the app's login role, or resets an existing one to exactly these attributes: no superuser,
 * no role or database creation, no replication, no row-level-security bypass. Needs a superuser
 * (or CREATEROLE) connection; roles are cluster-wide, so callers pick names that cannot collide.
 */
export async function ensureAppRole(adminUrl: string, role: string, password: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const name = escapeIdentifier(role);
    const existing = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (existing.rowCount === 0) {
      await client.query(`CREATE ROLE ${name} LOGIN`).catch((error: { code?: string }) => {
        if (!ROLE_EXISTS.has(error.code ?? '')) throw error;
      });
    }
    await client.query(
      `ALTER ROLE ${name} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${escapeLiteral(password)}`,
    );
  } finally {
    await client.end();
  }
}

/**
 * The app role's rights, granted by the owner after every migration run so that tables added by
 * later migrations are covered: read and write on the CRM tables and their sequences, only read
 * and append on the audit trail (its one sanctioned change, GDPR scrubbing, goes through the
 * owner's SECURITY DEFINER function), nothing on the migration history, no CREATE in the schema.
 */
export async function grantAppRole(dataSource: DataSource, role: string): Promise<void> {
  const name = escapeIdentifier(role);
  await dataSource.transaction(async (manager) => {
    // PostgreSQL 15+ already withholds CREATE from PUBLIC; older or upgraded clusters do not. A
    // non-owner revoking gets only a warning, which leaves the check in least-privilege.spec.ts to tell.
    await manager.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await manager.query(`REVOKE CREATE ON SCHEMA public FROM ${name}`);
    await manager.query(`GRANT USAGE ON SCHEMA public TO ${name}`);
    await manager.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${name}`);
    await manager.query(`REVOKE ALL ON TABLE audit_events FROM ${name}`);
    await manager.query(`GRANT SELECT, INSERT ON TABLE audit_events TO ${name}`);
    await manager.query(`REVOKE ALL ON TABLE migrations FROM ${name}`);
    await manager.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${name}`);
    await manager.query(`GRANT EXECUTE ON FUNCTION crm_redact_contact_person_audit(integer) TO ${name}`);
  });
}
