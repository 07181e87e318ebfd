import { addDays } from '../core/dates';

/** My work's sections, in the order they are shown. */
export const FOLLOW_UP_GROUPS = ['overdue', 'today', 'week', 'later'] as const;
export type FollowUpGroup = (typeof FOLLOW_UP_GROUPS)[number];

/** Days after today that still count as "this week" (the API's `due=week` uses the same 7). */
export const WEEK_DAYS = 7;

/** Which section a due date (`YYYY-MM-DD`) falls in, seen from `today` in Helsinki. */
export function dueGroup(dueDate: string, today: string): FollowUpGroup {
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'today';
  if (dueDate <= addDays(today, WEEK_DAYS)) return 'week';
  return 'later';
}

/** Sorts follow-ups into the sections, each by due date and then title. */
export function groupFollowUps<T extends { dueDate: string; title: string }>(
  items: readonly T[],
  today: string,
): Record<FollowUpGroup, T[]> {
  const groups: Record<FollowUpGroup, T[]> = { overdue: [], today: [], week: [], later: [] };
  // ISO dates sort as plain strings; only titles need Finnish collation (which costs a collator).
  const sorted = [...items].sort((a, b) =>
    a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.title.localeCompare(b.title, 'fi'),
  );
  for (const item of sorted) groups[dueGroup(item.dueDate, today)].push(item);
  return groups;
}
