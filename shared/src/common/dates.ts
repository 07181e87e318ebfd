/** Everything user-facing is in Finnish time, whatever the server's zone. */
export const APP_TIME_ZONE = 'Europe/Helsinki';

/**
 * A formatter made on first use: the first Intl.DateTimeFormat of a locale and time zone loads their
 * data, tens of milliseconds on a phone, which should not be paid at start-up by a page without dates.
 */
function lazyFormat(locale: string, options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat(locale, { timeZone: APP_TIME_ZONE, ...options }));
}

const finnishDate = lazyFormat('fi-FI', { day: 'numeric', month: 'numeric', year: 'numeric' });
const finnishDateTime = lazyFormat('fi-FI', {
  day: 'numeric',
  month: 'numeric',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `24.11.2026`, the date format used in both languages. */
export function formatFinnishDate(value: Date | string): string {
  // A calendar date (a due date) is the same day everywhere: no formatter, no time zone data.
  const calendar = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  if (calendar) return `${Number(calendar[3])}.${Number(calendar[2])}.${calendar[1]}`;
  return finnishDate().format(typeof value === 'string' ? new Date(value) : value);
}

/** `24.11.2026 klo 14.05` in Finnish; English readers get the same numeric form. */
export function formatFinnishDateTime(value: Date | string): string {
  return finnishDateTime().format(typeof value === 'string' ? new Date(value) : value);
}

// en-GB's short forms are zero-padded and run the clock 00–23: 05/03/2026, 00:05:09.
const wallClock = lazyFormat('en-GB', { dateStyle: 'short', timeStyle: 'medium' });

/**
 * Builds the formatters ahead of use, each in a task of its own (`schedule`), so that the page that
 * later shows dates does not pay for them in its render.
 */
export function prepareDateFormats(schedule: (work: () => void) => void): void {
  for (const format of [finnishDate, finnishDateTime, wallClock]) schedule(format);
}

const WALL_CLOCK_PARTS = ['year', 'month', 'day', 'hour', 'minute', 'second'] as const;

export type WallClock = Record<(typeof WALL_CLOCK_PARTS)[number], string>;

/** Helsinki's wall clock at the given instant, as zero-padded text (`hour` 00–23). */
export function helsinkiWallClock(at: Date = new Date()): WallClock {
  const parts = wallClock().formatToParts(at);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return Object.fromEntries(WALL_CLOCK_PARTS.map((type) => [type, get(type)])) as WallClock;
}

/** The calendar date (YYYY-MM-DD) in Helsinki at the given instant. */
export function helsinkiDate(at: Date = new Date()): string {
  const { year, month, day } = helsinkiWallClock(at);
  return `${year}-${month}-${day}`;
}

/** A calendar date `YYYY-MM-DD` moved by whole days (no time zone involved: a day is a day). */
export function addDays(date: string, days: number): string {
  // Parsed as an ISO string, not through Date.UTC(year, …), which reads years 0–99 as 1900–1999.
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
