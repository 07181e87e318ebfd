import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { passwordField, toFieldErrors } from '@tyoelama/shared';
import * as z from 'zod/mini';
import { passwordPolicyBroken } from '../passwords';

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;

/**
 * Connections of each worker's PostgreSQL pool. PostgreSQL does most for two cores with a few busy
 * backends: on the 2-core reference machine, at 50 concurrent users, 4 per worker (8 in all) gave a
 * lower p99 than 10 in two alternated pairs for every read but one tie (list first page 339–390 ms
 * against 604–672, the write 310–392 against 493–623; bench README, 2026-12-01), as 10 had against 20.
 */
export const DEFAULT_DATABASE_POOL_SIZE = 4;

/** Server-side limits every pooled connection of the app starts with (PostgreSQL settings of the same names). */
export interface DatabaseTimeouts {
  /** statement_timeout: a statement running longer is cancelled by the server itself. */
  statementMs: number;
  /** lock_timeout: how long a statement may wait for a row or table lock. */
  lockMs: number;
  /** idle_in_transaction_session_timeout: a transaction left open by a stuck request is ended by the server. */
  idleInTransactionMs: number;
}

/**
 * The slowest request of the app (an employer list with a fuzzy search on the scale data set) takes
 * well under a second on the reference machine; 10 s leaves a wide margin on a busy one. Lock waits
 * are shorter: rows are held only for a single save.
 */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementMs: 10_000,
  lockMs: 5_000,
  idleInTransactionMs: 60_000,
};

/** The limit for the jobs that legitimately run long (exports, imports): raised inside their own transaction only. */
export const LONG_JOB_TIMEOUT_MS = 15 * 60_000;

/**
 * How long an export or import waits for a free long-job slot (database/long-job-slots.ts) before
 * it answers 503. Long enough to ride out a short download finishing, short enough that the user
 * gets an answer to act on instead of a spinner (and well inside a proxy's usual 30-60 s timeout).
 */
export const LONG_JOB_SLOT_WAIT_MS = 10_000;
export type LogLevel = (typeof LOG_LEVELS)[number];

const environmentSchema = z.object({
  PORT: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(65535)), 3000),
  DATA_DIR: z._default(z.string().check(z.minLength(1)), './data'),
  DATABASE_URL: z.optional(
    z.string().check(z.regex(/^postgres(ql)?:\/\/.+/, { error: 'must be a postgres:// or postgresql:// URL' })),
  ),
  ADMIN_EMAIL: z._default(z.string().check(z.trim(), z.toLowerCase(), z.email()), 'admin@example.fi'),
  ADMIN_PASSWORD: z.optional(passwordField),
  LOG_LEVEL: z._default(z.enum(LOG_LEVELS), 'log'),
  DATABASE_OWNER_URL: z.optional(
    z.string().check(z.regex(/^postgres(ql)?:\/\/.+/, { error: 'must be a postgres:// or postgresql:// URL' })),
  ),
  DATABASE_STATEMENT_TIMEOUT_MS: z._default(
    z.coerce.number().check(z.int(), z.minimum(100), z.maximum(LONG_JOB_TIMEOUT_MS)),
    DEFAULT_DATABASE_TIMEOUTS.statementMs,
  ),
  DATABASE_LOCK_TIMEOUT_MS: z._default(
    z.coerce.number().check(z.int(), z.minimum(100), z.maximum(LONG_JOB_TIMEOUT_MS)),
    DEFAULT_DATABASE_TIMEOUTS.lockMs,
  ),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z._default(
    z.coerce.number().check(z.int(), z.minimum(1000), z.maximum(LONG_JOB_TIMEOUT_MS)),
    DEFAULT_DATABASE_TIMEOUTS.idleInTransactionMs,
  ),
  WEB_CONCURRENCY: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(64))),
  DATABASE_POOL_SIZE: z._default(
    z.coerce.number().check(z.int(), z.minimum(2), z.maximum(200)),
    DEFAULT_DATABASE_POOL_SIZE,
  ),
  SESSION_IDLE_MINUTES: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(7 * 24 * 60)), 120),
  SESSION_MAX_HOURS: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(24 * 30)), 12),
  TRUST_PROXY: z._default(z.enum(['true', 'false']), 'false'),
  PRH_API_URL: z._default(
    z.string().check(z.regex(/^https?:\/\/.+/, { error: 'must be an http:// or https:// URL' })),
    'https://avoindata.prh.fi/opendata-ytj-api/v3',
  ),
  PRH_TIMEOUT_MS: z._default(z.coerce.number().check(z.int(), z.minimum(100), z.maximum(60000)), 4000),
  // PRH asks open data users to keep the pace modest (public notes speak of 300 queries a minute for all users).
  PRH_REQUESTS_PER_SECOND: z._default(z.coerce.number().check(z.minimum(0.1), z.maximum(50)), 5),
  REGISTER_REFRESH_POLL_MS: z._default(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(600_000)), 2000),
  // A secret of at least 32 characters; it keys the hashes that stand for students in national data.
  PSEUDONYMISATION_KEY: z.optional(z.string().check(z.minLength(32, { error: 'must be at least 32 characters' }))),
});

export interface AppConfig {
  port: number;
  dataDir: string;
  /** The app's own (least-privilege) role. */
  databaseUrl: string | undefined;
  /** The role that owns the schema and runs the migrations; DATABASE_URL's when unset. */
  databaseOwnerUrl: string | undefined;
  databaseTimeouts: DatabaseTimeouts;
  /** Connections of the app's PostgreSQL pool, in each worker process. */
  databasePoolSize: number;
  /** LONG_JOB_SLOT_WAIT_MS; not an environment setting, tests shorten it. */
  longJobWaitMs: number;
  /**
   * Worker processes serving the one port (Node's cluster; main.ts). Each has its own pool of
   * `databasePoolSize` connections plus one that reads the shared change counters.
   */
  webConcurrency: number;
  adminEmail: string;
  adminPassword: string | undefined;
  logLevel: LogLevel;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  trustProxy: boolean;
  /** Base URL of the PRH YTJ open data API v3 (business register lookups). */
  prhApiUrl: string;
  /** How long a business register lookup may take before it answers 503. */
  prhTimeoutMs: number;
  /** The "refresh from YTJ" job's pace, over all app instances together. */
  prhRequestsPerSecond: number;
  /** How often each instance looks for a refresh job to carry on; 0 = never on its own (tests drive it). */
  registerRefreshPollMs: number;
  /**
   * The key of the HMAC that stands for students and periods read from national exports; when
   * unset, a random key stored in the database once (pseudonymisation_keys) is used.
   */
  pseudonymisationKey: string | undefined;
}

export class ConfigError extends Error {}

/** The name the first admin (created from ADMIN_EMAIL and ADMIN_PASSWORD) gets. */
export const FIRST_ADMIN_DISPLAY_NAME = 'Pääkäyttäjä';

/** Reads the environment once; a bad value stops the start with the variable's name. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): AppConfig {
  // Empty variables count as unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== ''));
  const result = environmentSchema.safeParse(present);
  if (!result.success) {
    const lines = toFieldErrors(result.error.issues, present).map(
      (error) => `  ${error.path}: ${error.message}${error.code === 'invalid_value' ? '' : ` (${error.code})`}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.DATABASE_OWNER_URL && !env.DATABASE_URL) {
    throw new ConfigError(
      "Invalid configuration:\n  DATABASE_OWNER_URL: set DATABASE_URL (the app's own role) as well",
    );
  }
  // The first admin's password meets the same policy as one set in the app, or the start stops here.
  const weakAdminPassword = env.ADMIN_PASSWORD
    ? passwordPolicyBroken(env.ADMIN_PASSWORD, { email: env.ADMIN_EMAIL, displayName: FIRST_ADMIN_DISPLAY_NAME })
    : null;
  if (weakAdminPassword) {
    throw new ConfigError(
      `Invalid configuration:\n  ADMIN_PASSWORD: ${weakAdminPassword.message} (${weakAdminPassword.code})`,
    );
  }
  return {
    port: env.PORT,
    dataDir: resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    databaseOwnerUrl: env.DATABASE_OWNER_URL,
    databaseTimeouts: {
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      lockMs: env.DATABASE_LOCK_TIMEOUT_MS,
      idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    databasePoolSize: env.DATABASE_POOL_SIZE,
    longJobWaitMs: LONG_JOB_SLOT_WAIT_MS,
    // One worker per core by default: a Node process uses one.
    webConcurrency: env.WEB_CONCURRENCY ?? availableParallelism(),
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    logLevel: env.LOG_LEVEL,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
    sessionMaxHours: env.SESSION_MAX_HOURS,
    trustProxy: env.TRUST_PROXY === 'true',
    prhApiUrl: env.PRH_API_URL.replace(/\/+$/, ''),
    prhTimeoutMs: env.PRH_TIMEOUT_MS,
    prhRequestsPerSecond: env.PRH_REQUESTS_PER_SECOND,
    registerRefreshPollMs: env.REGISTER_REFRESH_POLL_MS,
    pseudonymisationKey: env.PSEUDONYMISATION_KEY,
  };
}

/** A password for the first admin when none is configured: 24 random characters, printed once. */
export function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

export const APP_CONFIG = Symbol('APP_CONFIG');
