/**
 * Calendar rules of the due-date reader, on DateKeys (Asia/Tokyo civil dates). Weeks run Monday
 * to Sunday, as on Japanese business calendars. Business days are bank business days from
 * core/businessDays (national holidays and 12/31–1/3 closed).
 */
import { adjust, nextBusinessDay, nthBusinessDayOfMonth } from '../businessDays';
import {
  addDays,
  addMonths,
  compareDateKeys,
  type DateKey,
  dateKey,
  dateParts,
  daysBetween,
  daysInMonth,
  endOfMonth,
  tokyoDateKey,
  weekday,
} from '../dates';
import type { MailContext } from './types';

/** How far back a date written without a year may lie before it is read as next year's. */
export const PAST_WINDOW_DAYS = 60;

export function mailContext(mailDate: Date): MailContext {
  const mail = tokyoDateKey(mailDate);
  const minutes = Math.floor(((mailDate.getTime() + 9 * 3600_000) % 86_400_000) / 60_000);
  return { mail, minutes: (minutes + 1440) % 1440 };
}

/** Monday of the week of `key`. */
export function mondayOf(key: DateKey): DateKey {
  return addDays(key, -((weekday(key) + 6) % 7));
}

/** Weekday `wd` (0 = Sunday) in the week `weeksAhead` weeks after the week of `key`. */
export function weekdayInWeek(key: DateKey, weeksAhead: number, wd: number): DateKey {
  return addDays(mondayOf(key), weeksAhead * 7 + ((wd + 6) % 7));
}

/** The first day with weekday `wd` on or after `key`. */
export function upcomingWeekday(key: DateKey, wd: number): DateKey {
  return addDays(key, (wd - weekday(key) + 7) % 7);
}

/**
 * A due day on a bank business day. `movedFrom` is the calendar day the mail's words stand for
 * (11/30 for 今月末 in a November ending on a Saturday) when `date` is another day because banks
 * are closed on it, so the card can show both.
 */
export interface BusinessDay {
  readonly date: DateKey;
  readonly movedFrom?: DateKey;
}

/** `day` itself when banks are open, else the business day before or after, remembering `day`. */
function onBusinessDay(day: DateKey, direction: 'previous' | 'next'): BusinessDay {
  const date = adjust(day, direction);
  return date === day ? { date } : { date, movedFrom: day };
}

/**
 * The last business day on or before `end`, but never before the mail's date (then the mail's
 * date itself, not a move to a business day).
 */
export function periodEnd(end: DateKey, ctx: MailContext): BusinessDay {
  const day = onBusinessDay(end, 'previous');
  return compareDateKeys(day.date, ctx.mail) >= 0 ? day : { date: ctx.mail };
}

/** Last business day of the week `weeksAhead` weeks after the mail's week (今週中, 来週中). */
export function endOfWeek(ctx: MailContext, weeksAhead: number): BusinessDay {
  return periodEnd(weekdayInWeek(ctx.mail, weeksAhead, 5), ctx);
}

/** Monday of a later week, moved to the next business day when banks are closed (週明け). */
export function startOfWeek(ctx: MailContext, weeksAhead: number): BusinessDay {
  return onBusinessDay(weekdayInWeek(ctx.mail, weeksAhead, 1), 'next');
}

/** Last business day of the month `monthsAhead` months after the mail's month (今月末, 来月末). */
export function endOfMonthAhead(ctx: MailContext, monthsAhead: number): BusinessDay {
  return periodEnd(endOfMonth(addMonths(ctx.mail, monthsAhead)), ctx);
}

/** The day 上旬 (10th), 中旬 (20th) and 下旬 (month end) of a month end on. */
export function partEnd(year: number, month: number, part: 'early' | 'mid' | 'end'): DateKey {
  const day = part === 'early' ? 10 : part === 'mid' ? 20 : daysInMonth(year, month);
  return dateKey(year, month, day);
}

/** 上旬, 中旬, 下旬 of a month, on the business day on or before the day they end on. */
export function partOfMonth(
  year: number,
  month: number,
  part: 'early' | 'mid' | 'end',
): BusinessDay {
  return onBusinessDay(partEnd(year, month, part), 'previous');
}

/** 年内: the last business day of the mail's year (banks close on 12/31). */
export function endOfYear(ctx: MailContext): BusinessDay {
  return periodEnd(dateKey(dateParts(ctx.mail).year, 12, 31), ctx);
}

/** 年度内: 3/31 of the fiscal year (April–March) of the mail, on a business day. */
export function endOfFiscalYear(ctx: MailContext, yearsAhead = 0): BusinessDay {
  const { year, month } = dateParts(ctx.mail);
  return periodEnd(dateKey((month >= 4 ? year + 1 : year) + yearsAhead, 3, 31), ctx);
}

/** 年明け: the first business day of January after the mail (this January if still ahead). */
export function startOfYear(ctx: MailContext): DateKey {
  const { year } = dateParts(ctx.mail);
  const thisYear = nthBusinessDayOfMonth(year, 1, 1);
  if (thisYear !== null && compareDateKeys(thisYear, ctx.mail) >= 0) return thisYear;
  return nthBusinessDayOfMonth(year + 1, 1, 1) ?? nextBusinessDay(dateKey(year + 1, 1, 1));
}

function validKey(year: number, month: number, day: number): DateKey | null {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return null;
  return day <= daysInMonth(year, month) ? dateKey(year, month, day) : null;
}

/**
 * A month and day written without a year: the first of last year's, this year's and next
 * year's dates that is no more than PAST_WINDOW_DAYS before the mail. So a mail of 12/20 saying
 * 1/10 means next January, and one of 12/28 saying 12/5 means the 12/5 just gone (flagged
 * past). Null when no such day exists (11/31).
 */
export function inferYear(month: number, day: number, ctx: MailContext): DateKey | null {
  const { year } = dateParts(ctx.mail);
  for (const y of [year - 1, year, year + 1, year + 2]) {
    const key = validKey(y, month, day);
    if (key !== null && daysBetween(ctx.mail, key) >= -PAST_WINDOW_DAYS) return key;
  }
  return null;
}

/** A written date, with or without its year; null when the day does not exist. */
export function resolveDate(
  year: number | null,
  month: number,
  day: number,
  ctx: MailContext,
): DateKey | null {
  return year === null ? inferYear(month, day, ctx) : validKey(year, month, day);
}

/** A day of the month written alone (「5日まで」): this month's, or next month's if gone. */
export function resolveDayOnly(day: number, ctx: MailContext, monthsAhead = 0): DateKey | null {
  const { year, month } = dateParts(addMonths(ctx.mail, monthsAhead));
  const key = validKey(year, month, day);
  if (monthsAhead !== 0 || (key !== null && compareDateKeys(key, ctx.mail) >= 0)) return key;
  const next = dateParts(addMonths(ctx.mail, 1));
  return validKey(next.year, next.month, day);
}

/** 令和 year → Western year (令和元年 = 2019). */
export function reiwaYear(text: string): number {
  return 2018 + (text === '元' ? 1 : Number(text));
}

/** Two-digit years are read in the 2000s. */
export function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}
