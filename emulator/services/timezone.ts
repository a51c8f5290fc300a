/**
 * Time zones as Utilities.formatDate and the trigger scheduler see them. Apps Script runs on
 * Java, whose `TimeZone.getTimeZone(id)` accepts IANA ids, `GMT+9`-style offsets and a few legacy
 * three-letter ids, and silently falls back to GMT for anything it does not know. The emulator
 * does the same, so a typo in a zone gives GMT output here exactly as on Apps Script. The
 * arithmetic itself is `core/timezone.ts`'s.
 */
import {
  DAY_MS,
  instantOfWall,
  MINUTE_MS,
  type WallClock,
  wallClockAt,
  zoneOffsetMs,
} from '../core/timezone';

export interface Zone {
  /** The id as resolved: an IANA id, or `GMT` / `GMT+09:00` for fixed offsets. */
  readonly id: string;
  /** Set for fixed-offset zones (minutes east of UTC). */
  readonly fixedOffsetMin?: number;
}

export interface WallTime extends WallClock {
  /** Minutes east of UTC at that instant. */
  readonly offsetMin: number;
}

/** Java's legacy three-letter ids that Apps Script scripts still use. */
const LEGACY_IDS: Record<string, string> = {
  JST: 'Asia/Tokyo',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  CST: 'America/Chicago',
  IST: 'Asia/Kolkata',
  ECT: 'Europe/Paris',
  CTT: 'Asia/Shanghai',
  AET: 'Australia/Sydney',
};
/** Java treats these as fixed offsets, not as regions. */
const LEGACY_FIXED: Record<string, number> = { EST: -300, MST: -420, HST: -600 };

/** Java's id of a fixed-offset zone: `GMT`, or `GMT+09:00`. */
export function gmtId(offsetMin: number): string {
  if (offsetMin === 0) return 'GMT';
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `GMT${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const resolved = new Map<string, Zone>();

/** Resolves a zone id the way java.util.TimeZone does (unknown ids become GMT). */
export function resolveZone(id: string): Zone {
  const key = String(id);
  const cached = resolved.get(key);
  if (cached) return cached;
  const zone = resolveUncached(key.trim());
  resolved.set(key, zone);
  return zone;
}

function resolveUncached(id: string): Zone {
  const offset = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(id);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? '0');
    if (hours <= 23 && minutes <= 59) {
      const total = (offset[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
      return { id: gmtId(total), fixedOffsetMin: total };
    }
  }
  if (/^(GMT|UTC|Z)$/i.test(id))
    return { id: id.toUpperCase() === 'UTC' ? 'UTC' : 'GMT', fixedOffsetMin: 0 };
  const fixed = LEGACY_FIXED[id];
  if (fixed !== undefined) return { id: gmtId(fixed), fixedOffsetMin: fixed };
  const iana = LEGACY_IDS[id] ?? id;
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone: iana }).resolvedOptions()
      .timeZone;
    return { id: canonical === 'Etc/UTC' ? 'UTC' : canonical };
  } catch {
    return { id: 'GMT', fixedOffsetMin: 0 };
  }
}

/** Offset of the zone from UTC at an instant, in minutes. */
export function offsetMinutes(zone: Zone, ms: number): number {
  if (zone.fixedOffsetMin !== undefined) return zone.fixedOffsetMin;
  return Math.round(zoneOffsetMs(zone.id, ms) / MINUTE_MS);
}

/** The wall-clock fields of an instant in a zone. */
export function wallTime(zone: Zone, ms: number): WallTime {
  const offsetMin = offsetMinutes(zone, ms);
  return { ...wallClockAt(ms, offsetMin * MINUTE_MS), offsetMin };
}

/**
 * The instant at which the zone's clock shows the given wall time. Fields may overflow
 * (`day: 32`, `minute: -10`), as with Date.UTC. In a DST gap the later offset wins.
 */
export function wallToUtc(
  zone: Zone,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return instantOfWall(
    Date.UTC(year, month - 1, day, hour, minute, second),
    (ms) => offsetMinutes(zone, ms) * MINUTE_MS,
  );
}

/** Days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Week of the year as java.util.Calendar counts it in the en-US locale that Apps Script uses:
 * weeks start on Sunday and week 1 is the week that contains January 1.
 */
export function usWeekOfYear(
  year: number,
  month: number,
  day: number,
): { week: number; weekYear: number } {
  const dayIndex = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
  const weekStart = (y: number, m: number, d: number) => {
    const idx = dayIndex(y, m, d);
    return idx - new Date(idx * DAY_MS).getUTCDay();
  };
  const start = weekStart(year, month, day);
  const nextYearWeek1 = weekStart(year + 1, 1, 1);
  if (start >= nextYearWeek1) return { week: 1, weekYear: year + 1 };
  return { week: Math.floor((start - weekStart(year, 1, 1)) / 7) + 1, weekYear: year };
}
