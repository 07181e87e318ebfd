/**
 * The caller's calendar feed. The secret token is stored only as a hash, so `url` is given once,
 * in the answer to the POST that creates or rotates it; afterwards GET says only whether a feed
 * exists (`active`, `createdAt`) with `url: null`.
 */
export interface CalendarFeedDto {
  active: boolean;
  /** The absolute feed URL `…/api/calendar/<token>.ics`; only right after creation or rotation. */
  url: string | null;
  createdAt: string | null;
}
