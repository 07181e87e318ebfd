import { char, defineTable, integer, timestamptz, varchar } from '../database/table';

/** Server-side sessions: only the SHA-256 of the cookie's token is stored. */
export const sessionsTable = defineTable('sessions', {
  token_hash: char(64),
  user_id: integer(),
  created_at: timestamptz(),
  last_seen_at: timestamptz(),
  expires_at: timestamptz(),
  user_agent: varchar(300).orNull(),
});
