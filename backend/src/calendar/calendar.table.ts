import { char, defineTable, integer, timestamptz } from '../database/table';

/** A user's calendar subscription: one per user, found by the SHA-256 (hex) of the secret token in its URL. */
export const calendarFeedsTable = defineTable('calendar_feeds', {
  user_id: integer(),
  token_hash: char(64),
  created_at: timestamptz(),
});
