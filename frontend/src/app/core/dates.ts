import { helsinkiWallClock } from '@tyoelama/shared';

// One home for calendar-date arithmetic: the backend and the tools use the same function.
export { addDays } from '@tyoelama/shared';

/** `HH:MM` on the Helsinki clock at the given instant (the time input's format). */
export function helsinkiTime(at: Date = new Date()): string {
  const { hour, minute } = helsinkiWallClock(at);
  return `${hour}:${minute}`;
}

/** How far Helsinki's wall clock is ahead of UTC at an instant, in milliseconds (2 or 3 hours). */
function helsinkiOffset(instant: number): number {
  const clock = helsinkiWallClock(new Date(instant));
  const asUtc = Date.UTC(
    Number(clock.year),
    Number(clock.month) - 1,
    Number(clock.day),
    Number(clock.hour),
    Number(clock.minute),
    Number(clock.second),
  );
  return asUtc - (instant - (instant % 1000));
}

/**
 * The instant (ISO string) of a Helsinki wall-clock date `YYYY-MM-DD` and time `HH:MM`, whatever the
 * browser's own zone. Undefined when either is empty; the raw text when malformed, so the shared
 * schema reports it.
 */
export function helsinkiToIso(date: string, time: string): string | undefined {
  if (!date || !time) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clockMatch = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clockMatch) return `${date}T${time}`;
  const guess = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    Number(clockMatch[1]),
    Number(clockMatch[2]),
  );
  // Check the offset again at the result: near a DST switch the first guess can be an hour off.
  let instant = guess - helsinkiOffset(guess);
  instant = guess - helsinkiOffset(instant);
  return new Date(instant).toISOString();
}

/** A calendar date `YYYY-MM-DD` moved by whole months; a day the month lacks rolls over (31.3. − 1 month = 3.3.). */
export function addMonths(date: string, months: number): string {
  const at = new Date(`${date}T12:00:00Z`);
  at.setUTCMonth(at.getUTCMonth() + months);
  return at.toISOString().slice(0, 10);
}
