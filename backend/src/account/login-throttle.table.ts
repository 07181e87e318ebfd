import { char, defineTable, integer, timestamptz, varchar } from '../database/table';

export type ThrottleScope = 'pair' | 'address' | 'account';

/** Failed sign-ins counted per scope (login-throttle.ts); keys are hashes, so no email or address is stored. */
export const loginThrottleTable = defineTable('login_throttle', {
  scope: varchar(10).as<ThrottleScope>(),
  key_hash: char(64),
  failures: integer(),
  last_failure_at: timestamptz(),
  expires_at: timestamptz(),
});
