/**
 * Bank business days (銀行営業日) in Japan.
 *
 * Banks close on Saturdays, Sundays, national holidays and 12/31–1/3 (銀行法施行令5条1項).
 * National holidays (国民の祝日に関する法律, including 振替休日, 国民の休日 and one-off days such as
 * the 2019 accession) come from `japanese-holidays`, which works from the year alone (no Date,
 * no time zone). Its dates were checked against holiday-jp/holiday_jp for 1970–2050: identical.
 */
import { getHolidaysOf } from 'japanese-holidays';
import {
  addDays,
  compareDateKeys,
  type DateKey,
  dateKey,
  dateParts,
  daysInMonth,
  isWeekend,
} from './dates';

/** How a date that is not a business day moves: 前営業日 or 翌営業日. */
export type HolidayRule = 'previous' | 'next';

/** The name shown for 12/31, 1/2 and 1/3, which are bank holidays but not national ones. */
export const BANK_HOLIDAY_NAME = '銀行休業日';

const holidaysByYear = new Map<number, ReadonlyMap<string, string>>();

function nationalHolidays(year: number): ReadonlyMap<string, string> {
  let map = holidaysByYear.get(year);
  if (!map) {
    map = new Map(getHolidaysOf(year).map((h) => [`${h.month}-${h.date}`, h.name] as const));
    holidaysByYear.set(year, map);
  }
  return map;
}

/** The national holiday on `key` (元日, 振替休日, 国民の休日 …), or null. */
export function nationalHolidayName(key: DateKey): string | null {
  const { year, month, day } = dateParts(key);
  return nationalHolidays(year).get(`${month}-${day}`) ?? null;
}

function isYearEndClosure(key: DateKey): boolean {
  const { month, day } = dateParts(key);
  return (month === 12 && day === 31) || (month === 1 && day <= 3);
}

/**
 * Why banks are closed on `key` apart from the weekend: the national holiday's name, or
 * 銀行休業日 for 12/31–1/3 when no national holiday falls there. Null on other days (a plain
 * Saturday or Sunday is null too: use isBankBusinessDay to ask whether banks are open).
 */
export function holidayName(key: DateKey): string | null {
  return nationalHolidayName(key) ?? (isYearEndClosure(key) ? BANK_HOLIDAY_NAME : null);
}

export function isBankBusinessDay(key: DateKey): boolean {
  return !isWeekend(key) && !isYearEndClosure(key) && nationalHolidayName(key) === null;
}

/** The first business day strictly after `key`. */
export function nextBusinessDay(key: DateKey): DateKey {
  return step(key, 1);
}

/** The last business day strictly before `key`. */
export function previousBusinessDay(key: DateKey): DateKey {
  return step(key, -1);
}

function step(key: DateKey, direction: 1 | -1): DateKey {
  let d = addDays(key, direction);
  // Longest closure in practice: Golden Week or the year end, about a week.
  while (!isBankBusinessDay(d)) d = addDays(d, direction);
  return d;
}

/** `key` itself when banks are open, else the previous or next business day. */
export function adjust(key: DateKey, rule: HolidayRule): DateKey {
  if (isBankBusinessDay(key)) return key;
  return rule === 'next' ? nextBusinessDay(key) : previousBusinessDay(key);
}

/**
 * Moves `n` business days: n > 0 forward, n < 0 back, counting only business days after (or
 * before) `key`; `key` itself need not be one. n = 0 returns `key` unchanged (use `adjust` to
 * land on a business day). Example: Friday + 1 → Monday; Saturday + 1 → Monday.
 */
export function addBusinessDays(key: DateKey, n: number): DateKey {
  if (!Number.isInteger(n)) throw new RangeError(`addBusinessDays: not an integer: ${n}`);
  let d = key;
  for (let i = 0; i < Math.abs(n); i++) d = step(d, n > 0 ? 1 : -1);
  return d;
}

/** The business days of month `month` (1–12) of `year`, in order. */
export function businessDaysOfMonth(year: number, month: number): DateKey[] {
  const days: DateKey[] = [];
  const length = daysInMonth(year, month);
  for (let day = 1; day <= length; day++) {
    const d = dateKey(year, month, day);
    if (isBankBusinessDay(d)) days.push(d);
  }
  return days;
}

/**
 * The n-th business day of the month (n = 1 is the first); negative n counts from the end
 * (−1 is the last). Null when the month has fewer business days than |n|.
 */
export function nthBusinessDayOfMonth(year: number, month: number, n: number): DateKey | null {
  if (!Number.isInteger(n) || n === 0)
    throw new RangeError(`nthBusinessDayOfMonth: n must be a non-zero integer, got ${n}`);
  const days = businessDaysOfMonth(year, month);
  return (n > 0 ? days[n - 1] : days[days.length + n]) ?? null;
}

export function lastBusinessDayOfMonth(year: number, month: number): DateKey {
  const last = nthBusinessDayOfMonth(year, month, -1);
  if (last === null) throw new RangeError(`No business day in ${year}-${month}`);
  return last;
}

/**
 * Business days from `from` to `to`: those after `from` up to and including `to`; negative
 * when `to` is earlier (then those from `to` up to but excluding `from`). It is the inverse of
 * addBusinessDays: addBusinessDays(from, businessDaysBetween(from, to)) === to whenever `to`
 * is a business day.
 */
export function businessDaysBetween(from: DateKey, to: DateKey): number {
  const order = compareDateKeys(from, to);
  if (order === 0) return 0;
  let count = 0;
  if (order < 0) {
    for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBankBusinessDay(d)) count++;
    return count;
  }
  for (let d = to; d < from; d = addDays(d, 1)) if (isBankBusinessDay(d)) count++;
  return -count;
}
