/**
 * Offsets and wall-clock fields of an instant in an IANA time zone, computed with Intl so that
 * nothing depends on the Node process's own zone (tests run with TZ=UTC; Pokke lives in
 * Asia/Tokyo). Every emulated service that reads a zone's clock comes here: Utilities and the
 * trigger scheduler through `services/timezone.ts` (Java's zone ids), spreadsheets through
 * `services/spreadsheet/time.ts`, card events through `card-render.ts`.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface WallClock {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws a RangeError for an id Intl does not know. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The offset from UTC of the IANA zone `timeZone` at instant `ms`, in milliseconds. Intl shows
 * whole seconds, so the result is too (local mean times such as Tokyo's +9:18:59 keep their
 * seconds).
 */
export function zoneOffsetMs(timeZone: string, ms: number): number {
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const wall = Date.UTC(
    p.year ?? 1970,
    (p.month ?? 1) - 1,
    p.day ?? 1,
    p.hour ?? 0,
    p.minute ?? 0,
    p.second ?? 0,
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The wall-clock fields of instant `ms` in a zone that is `offsetMs` ahead of UTC then. */
export function wallClockAt(ms: number, offsetMs: number): WallClock {
  const d = new Date(ms + offsetMs);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * The instant at which a zone's clock shows `wall` (the wall time read as if it were UTC), given
 * the zone's offset (ms) at any instant. Two passes settle it; in a DST gap the later offset wins.
 */
export function instantOfWall(wall: number, offsetAt: (ms: number) => number): number {
  const guess = wall - offsetAt(wall);
  return wall - offsetAt(guess);
}
