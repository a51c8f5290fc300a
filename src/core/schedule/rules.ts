/**
 * Schedule rules (定期業務の頻度) as typed values, and the days they fall on.
 *
 * Every date is a civil `DateKey` in Japan; business days are bank business days from
 * ../businessDays (weekends, national holidays, 12/31–1/3). Nothing here reads a clock.
 *
 * Holiday policy (休日の扱い) for rules pinned to a calendar date or weekday, when that day is
 * not a business day:
 * - `previous` 前営業日, `next` 翌営業日, `keep` そのまま (the closed day itself).
 * - Defaults, per kind (DEFAULT_HOLIDAY_POLICY):
 *   - weekly and "Nth weekday" rules (毎週月曜, 毎月第2火曜): `next` — a Monday meeting that
 *     falls on a holiday happens on Tuesday (「休日なら翌営業日」).
 *   - day-of-month and yearly rules (毎月25日, 毎月末, 毎年3月15日): `previous` — these are
 *     mostly deadlines (payroll, transfers, filings); doing the work the business day before
 *     never misses one. Payroll on the 25th moving earlier is also the usual Japanese practice.
 * - 毎日 counts calendar days; 毎営業日, 第N営業日, 最終営業日 and 「N日の前営業日」 are business
 *   days by definition and take no policy.
 *
 * A date moved by its policy may leave its month (毎月1日 in January, 前営業日 → 12/30): the
 * occurrence still belongs to the month it was computed for (see `occurrenceInMonth`).
 */
import { addBusinessDays, adjust, businessDaysOfMonth, isBankBusinessDay } from '../businessDays';
import {
  addDays,
  clampedDateKey,
  type DateKey,
  dateKey,
  dateParts,
  daysBetween,
  daysInMonth,
  type Weekday,
  weekday,
} from '../dates';

export type HolidayPolicy = 'previous' | 'next' | 'keep';

/** A day of the month; 'end' is the last day. A day the month lacks (31 in April) is its last day. */
export type DayOfMonth = number | 'end';

/** Months (1–12) a monthly rule applies to: all twelve for 毎月, one for 毎年3月…, four for 四半期. */
export type Months = readonly number[];

export type ScheduleRule =
  /** 毎日: every calendar day. */
  | { readonly kind: 'daily' }
  /** 毎営業日: every bank business day. */
  | { readonly kind: 'businessDay' }
  /** 毎週月曜 / 毎週 月・木; 隔週 has `everyOtherWeekFrom` (the first occurrence's week, Monday-based). */
  | {
      readonly kind: 'weekly';
      readonly weekdays: readonly Weekday[];
      readonly holiday: HolidayPolicy;
      readonly everyOtherWeekFrom?: DateKey;
    }
  /** 毎月25日, 毎月末, 毎年3月15日, 四半期末. */
  | {
      readonly kind: 'monthlyDay';
      readonly months: Months;
      readonly day: DayOfMonth;
      readonly holiday: HolidayPolicy;
    }
  /** 毎月第3営業日 (n = 3), 毎月最終営業日 (n = −1). A month with fewer business days: its last one. */
  | { readonly kind: 'monthlyBusinessDay'; readonly months: Months; readonly n: number }
  /** 毎月第2火曜 (nth = 2), 毎月最終金曜 (nth = −1). A month without a 5th such weekday: none. */
  | {
      readonly kind: 'monthlyWeekday';
      readonly months: Months;
      readonly nth: number;
      readonly weekday: Weekday;
      readonly holiday: HolidayPolicy;
    }
  /**
   * 毎月10日の前営業日 (businessDays = −1): strictly the business day(s) before (or after, > 0)
   * day N, whether or not day N is itself a business day.
   */
  | {
      readonly kind: 'monthlyDayShift';
      readonly months: Months;
      readonly day: DayOfMonth;
      readonly businessDays: number;
    };

export type RuleKind = ScheduleRule['kind'];

export const ALL_MONTHS: Months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
export const QUARTER_END_MONTHS: Months = [3, 6, 9, 12];

/** The policy used when the rule text has no 休日は… suffix. */
export const DEFAULT_HOLIDAY_POLICY = {
  weekly: 'next',
  monthlyWeekday: 'next',
  monthlyDay: 'previous',
} as const satisfies Record<string, HolidayPolicy>;

/** How far nextOccurrence looks ahead before answering null (rules that never occur). */
const LOOKAHEAD_DAYS = 3660;
const WINDOW_DAYS = 62;

function applyPolicy(day: DateKey, policy: HolidayPolicy): DateKey {
  return policy === 'keep' ? day : adjust(day, policy);
}

function dayIn(year: number, month: number, day: DayOfMonth): DateKey {
  return clampedDateKey(year, month, day === 'end' ? 31 : day);
}

/** The nth `wd` of the month (nth −1: the last); null when the month has no such day. */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  nth: number,
  wd: Weekday,
): DateKey | null {
  const length = daysInMonth(year, month);
  if (nth > 0) {
    const first = weekday(dateKey(year, month, 1));
    const day = 1 + ((wd - first + 7) % 7) + (nth - 1) * 7;
    return day <= length ? dateKey(year, month, day) : null;
  }
  const last = weekday(dateKey(year, month, length));
  const day = length - ((last - wd + 7) % 7) + (nth + 1) * 7;
  return day >= 1 ? dateKey(year, month, day) : null;
}

function isMonthly(rule: ScheduleRule): rule is Extract<ScheduleRule, { months: Months }> {
  return 'months' in rule;
}

/**
 * The occurrence a monthly rule gives for month `month` of `year` (after its holiday policy),
 * whether or not the month is in the rule's `months`; null when the month has none (第5火曜) or
 * the rule is not monthly.
 */
export function occurrenceInMonth(rule: ScheduleRule, year: number, month: number): DateKey | null {
  switch (rule.kind) {
    case 'monthlyDay':
      return applyPolicy(dayIn(year, month, rule.day), rule.holiday);
    case 'monthlyBusinessDay': {
      const days = businessDaysOfMonth(year, month);
      const index =
        rule.n > 0 ? Math.min(rule.n, days.length) - 1 : Math.max(days.length + rule.n, 0);
      return days[index] ?? null;
    }
    case 'monthlyWeekday': {
      const d = nthWeekdayOfMonth(year, month, rule.nth, rule.weekday);
      return d === null ? null : applyPolicy(d, rule.holiday);
    }
    case 'monthlyDayShift':
      return addBusinessDays(dayIn(year, month, rule.day), rule.businessDays);
    default:
      return null;
  }
}

function monthIndex(key: DateKey): number {
  const { year, month } = dateParts(key);
  return year * 12 + month - 1;
}

function mondayOf(key: DateKey): DateKey {
  return addDays(key, -((weekday(key) + 6) % 7));
}

function weeklyBaseMatches(rule: Extract<ScheduleRule, { kind: 'weekly' }>, day: DateKey): boolean {
  if (!rule.weekdays.includes(weekday(day))) return false;
  const anchor = rule.everyOtherWeekFrom;
  if (anchor === undefined) return true;
  if (day < anchor) return false;
  return (daysBetween(mondayOf(anchor), mondayOf(day)) / 7) % 2 === 0;
}

/** Every occurrence from `from` to `to` (both included), in order, each once. */
export function occurrencesBetween(rule: ScheduleRule, from: DateKey, to: DateKey): DateKey[] {
  if (to < from) return [];
  const found = new Set<DateKey>();
  const keep = (d: DateKey | null) => {
    if (d !== null && d >= from && d <= to) found.add(d);
  };
  switch (rule.kind) {
    case 'daily':
    case 'businessDay':
      for (let d = from; d <= to; d = addDays(d, 1)) {
        if (rule.kind === 'daily' || isBankBusinessDay(d)) found.add(d);
      }
      break;
    case 'weekly':
      // A moved day stays within a closure's length (about a week) of its base day.
      for (let d = addDays(from, -10); d <= addDays(to, 10); d = addDays(d, 1)) {
        if (weeklyBaseMatches(rule, d)) keep(applyPolicy(d, rule.holiday));
      }
      break;
    default:
      if (!isMonthly(rule)) break;
      for (let i = monthIndex(from) - 1; i <= monthIndex(to) + 1; i++) {
        const year = Math.floor(i / 12);
        const month = (i % 12) + 1;
        if (rule.months.includes(month)) keep(occurrenceInMonth(rule, year, month));
      }
  }
  return [...found].sort();
}

/** Whether the rule falls on `day`. */
export function isDue(rule: ScheduleRule, day: DateKey): boolean {
  return occurrencesBetween(rule, day, day).length > 0;
}

/** The first occurrence on or after `from`; null when there is none in the next ten years. */
export function nextOccurrence(rule: ScheduleRule, from: DateKey): DateKey | null {
  for (let offset = 0; offset < LOOKAHEAD_DAYS; offset += WINDOW_DAYS) {
    const start = addDays(from, offset);
    const first = occurrencesBetween(rule, start, addDays(start, WINDOW_DAYS - 1))[0];
    if (first !== undefined) return first;
  }
  return null;
}
