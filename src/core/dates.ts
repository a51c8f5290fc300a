/**
 * Civil dates in Japan.
 *
 * A civil date is a `DateKey`, the string `'YYYY-MM-DD'` (branded so that an arbitrary string
 * cannot pass for one). Strings compare in calendar order, survive JSON, sheets and
 * google.script.run unchanged, and carry no time zone.
 *
 * The only place where a time zone enters is `tokyoDateKey` / `tokyoInstant`, which convert
 * between an instant and the date on a wall calendar in Japan. Japan has used UTC+9 without
 * daylight saving since 1952, so the offset is fixed and the process time zone (UTC in tests,
 * the script's zone in Apps Script) is never consulted.
 *
 * Calendar arithmetic is done by date-fns on a carrier `Date` set to local noon of the civil
 * date, and read back through the same local fields: the process zone cancels out, and noon is
 * never inside a daylight-saving gap. test/core/dates.test.ts runs it under several zones.
 */

import { addDays as addDaysFns } from 'date-fns/addDays';
import { addMonths as addMonthsFns } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { getDay } from 'date-fns/getDay';
import { getDaysInMonth } from 'date-fns/getDaysInMonth';
import { WEEKDAY_CHARS_JA } from './calendarNames';

export type DateKey = string & { readonly __brand: 'DateKey' };

/** 0 = Sunday … 6 = Saturday, as in `Date.prototype.getDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface DateParts {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function isValidParts(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function unsafeKey(year: number, month: number, day: number): DateKey {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as DateKey;
}

/** The civil date `year-month-day`; throws RangeError when no such date exists (e.g. 2026-02-30). */
export function dateKey(year: number, month: number, day: number): DateKey {
  if (!isValidParts(year, month, day)) {
    throw new RangeError(`No such date: ${year}-${month}-${day}`);
  }
  return unsafeKey(year, month, day);
}

/**
 * The date in month `month` of `year` on day `day`, or the month's last day when the month is
 * shorter (day 31 in November is 11-30; day 29 in February 2026 is 02-28). `month` may run past
 * 12 or below 1 and rolls the year (month 13 of 2026 is January 2027).
 */
export function clampedDateKey(year: number, month: number, day: number): DateKey {
  if (![year, month, day].every(Number.isInteger) || day < 1) {
    throw new RangeError(`Invalid date parts: ${year}-${month}-${day}`);
  }
  const index = year * 12 + (month - 1);
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dateKey(y, m, Math.min(day, daysInMonth(y, m)));
}

export function isDateKey(value: unknown): value is DateKey {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isValidParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Reads a date as people write it in cells and CSVs: `2026-11-30`, `2026/11/30`, `2026/1/5`,
 * `2026.1.5`, `20261130`, `2026年11月30日`, with full-width digits too. Null when it is not a real
 * date. Two-digit years and dates without a year are refused: they need a reference date.
 */
export function parseDateKey(text: string): DateKey | null {
  const s = text
    .replace(/[\uff10-\uff19\uff0f\uff0d\uff0e]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .trim();
  const m =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(s) ??
    /^(\d{4})()(\d{2})(\d{2})$/.exec(s) ??
    /^(\d{4})年()\s*(\d{1,2})月\s*(\d{1,2})日$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  return isValidParts(year, month, day) ? unsafeKey(year, month, day) : null;
}

export function dateParts(key: DateKey): DateParts {
  return {
    year: Number(key.slice(0, 4)),
    month: Number(key.slice(5, 7)),
    day: Number(key.slice(8, 10)),
  };
}

/** The date on a wall calendar in Japan at `instant`. */
export function tokyoDateKey(instant: Date): DateKey {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  const shifted = new Date(t + TOKYO_OFFSET_MS);
  return dateKey(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** The instant at `hours:minutes` Japan time on `key` (00:00 by default). */
export function tokyoInstant(key: DateKey, hours = 0, minutes = 0): Date {
  const { year, month, day } = dateParts(key);
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hours, minutes, 0, 0);
  return new Date(utc.getTime() - TOKYO_OFFSET_MS);
}

function toCarrier(key: DateKey): Date {
  const { year, month, day } = dateParts(key);
  const d = new Date(2000, 0, 1, 12, 0, 0, 0);
  d.setFullYear(year, month - 1, day);
  return d;
}

function fromCarrier(d: Date): DateKey {
  return dateKey(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

export function addDays(key: DateKey, days: number): DateKey {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: not an integer: ${days}`);
  return fromCarrier(addDaysFns(toCarrier(key), days));
}

/** Adds calendar months; the day is clamped to the target month's length (01-31 + 1 → 02-28). */
export function addMonths(key: DateKey, months: number): DateKey {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths: not an integer: ${months}`);
  return fromCarrier(addMonthsFns(toCarrier(key), months));
}

export function weekday(key: DateKey): Weekday {
  return getDay(toCarrier(key)) as Weekday;
}

export function isWeekend(key: DateKey): boolean {
  const w = weekday(key);
  return w === 0 || w === 6;
}

/** Calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: DateKey, to: DateKey): number {
  return differenceInCalendarDays(toCarrier(to), toCarrier(from));
}

export function compareDateKeys(a: DateKey, b: DateKey): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  const d = new Date(2000, 0, 1, 12, 0, 0, 0);
  d.setFullYear(year, month - 1, 1);
  return getDaysInMonth(d);
}

export function startOfMonth(key: DateKey): DateKey {
  return unsafeKey(...yearMonth(key), 1);
}

export function endOfMonth(key: DateKey): DateKey {
  const [y, m] = yearMonth(key);
  return unsafeKey(y, m, daysInMonth(y, m));
}

function yearMonth(key: DateKey): [number, number] {
  const { year, month } = dateParts(key);
  return [year, month];
}

/** `2026年11月30日`, or `2026年11月30日(月)` with the weekday. */
export function formatDateJa(key: DateKey, options: { weekday?: boolean } = {}): string {
  const { year, month, day } = dateParts(key);
  const text = `${year}年${month}月${day}日`;
  return options.weekday ? `${text}(${WEEKDAY_CHARS_JA.charAt(weekday(key))})` : text;
}

/** The one-character Japanese weekday: 日 月 火 水 木 金 土. */
export function weekdayJa(key: DateKey): string {
  return WEEKDAY_CHARS_JA.charAt(weekday(key));
}
