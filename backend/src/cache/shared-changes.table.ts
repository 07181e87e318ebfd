import { bigint, defineTable, integer } from '../database/table';

/**
 * Counters of committed changes, moved by triggers in the writing transaction (migration
 * SharedChanges) and summed by every app instance (shared-changes.ts). Only the sums mean anything.
 */
export const sharedChangesTable = defineTable('shared_changes', {
  slot: integer(),
  data_changes: bigint(),
  session_changes: bigint(),
});
