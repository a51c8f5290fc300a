/**
 * Wall-clock time in a spreadsheet's time zone (an IANA id), and Sheets' serial numbers. The zone
 * arithmetic is `core/timezone.ts`'s; offsets are looked up once per zone and hour, which is
 * what makes reading and writing many dates cheap.
 */
import {
  DAY_MS,
  HOUR_MS,
  instantOfWall,
  type WallClock,
  wallClockAt,
  zoneOffsetMs,
} from '../../core/timezone';

export { DAY_MS, type WallClock };

const offsets = new Map<string, number>();

/** The zone's offset from UTC (ms) at instant `ms`, as it stands at the start of that hour. */
export function offsetAt(ms: number, timeZone: string): number {
  const hour = Math.floor(ms / HOUR_MS);
  const key = `${timeZone}|${hour}`;
  const cached = offsets.get(key);
  if (cached !== undefined) return cached;
  const offset = zoneOffsetMs(timeZone, hour * HOUR_MS);
  if (offsets.size > 100_000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The wall clock of instant `ms` in `timeZone`. */
export function wallClock(ms: number, timeZone: string): WallClock {
  return wallClockAt(ms, offsetAt(ms, timeZone));
}

/** The instant at which the wall clock in `timeZone` reads the given time. */
export function fromWallClock(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  return instantOfWall(Date.UTC(year, month - 1, day, hour, minute, second), (ms) =>
    offsetAt(ms, timeZone),
  );
}

/** Whether year/month/day names a real calendar day. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Sheets' serial number (days since 1899-12-30, wall clock of `timeZone`) of an instant. */
export function toSerial(ms: number, timeZone: string): number {
  return (ms + offsetAt(ms, timeZone) - Date.UTC(1899, 11, 30)) / DAY_MS;
}

/** The instant of a Sheets serial number read as wall-clock time in `timeZone`. */
export function fromSerial(serial: number, timeZone: string): number {
  return instantOfWall(Date.UTC(1899, 11, 30) + Math.round(serial * DAY_MS), (ms) =>
    offsetAt(ms, timeZone),
  );
}
