/**
 * Recurring invoices (定期請求): which billing periods of a row are due.
 *
 * A row bills every `interval` months (1, 2, 3, 6 or 12) counted from its start month, never
 * before the start month and never for a period starting after the end month (the last period
 * is not shortened: a 3-month period starting in the end month runs past it). A period is named
 * by its first month (`2026-11`); it covers `interval` months, and its sales line is dated by
 * the billing day in that first month (billing in advance, as for retainers and subscriptions).
 *
 * The billing day (計上日) is the sales-line date: 末日 / 月末 (default when empty), 25日 / 25,
 * or any monthly rule of parseRule (毎月第1営業日, 毎月最終営業日…). It is a transaction date,
 * not a bank date, so a plain day is kept even on a holiday unless the text asks otherwise
 * (25日(休日は前営業日)). A rule with no occurrence in a month (第5金曜) falls on its last day.
 *
 * A period is due once its line date is on or before `today` (the caller may pass its horizon)
 * and it is after the last period recorded. Missed periods are caught up oldest first, at most
 * MAX_RECURRING_CATCH_UP per call (`more` says others wait): nothing is dropped, and since each
 * call starts after the last recorded period, nothing is billed twice.
 */

import { type DateKey, dateKey, daysInMonth, parseDateKey } from '../dates';
import { type Text, text } from '../text';
import { parseRule } from './parseRule';
import { ALL_MONTHS, occurrenceInMonth, type ScheduleRule } from './rules';

/** `YYYY-MM`. */
export type MonthKey = string;

export const RECURRING_INTERVALS = [1, 2, 3, 6, 12] as const;
export type RecurringInterval = (typeof RECURRING_INTERVALS)[number];
export const MAX_RECURRING_CATCH_UP = 12;

export interface RecurringSpec {
  readonly interval: RecurringInterval;
  readonly start: MonthKey;
  readonly end: MonthKey | null;
  /** A monthly rule giving the line date within a period's first month. */
  readonly billingDay: ScheduleRule;
}

export interface RecurringInput {
  readonly interval: string | number;
  readonly start: string;
  readonly end?: string;
  readonly billingDay?: string;
}

export type RecurringParse =
  | { readonly ok: true; readonly value: RecurringSpec }
  | {
      readonly ok: false;
      readonly reason: 'interval' | 'start' | 'end' | 'billingDay';
      readonly message: Text;
    };

export interface RecurringPeriod {
  /** The period's first month, `YYYY-MM`: the period key. */
  readonly month: MonthKey;
  /** First day of the first month. */
  readonly start: DateKey;
  /** Last day of the period's last month. */
  readonly end: DateKey;
  /** The sales-line date. */
  readonly lineDate: DateKey;
}

/** The sales line's unique key for one row and period: `R:<rowKey>:2026-11`. */
export function recurringPeriodKey(rowKey: string, month: MonthKey): string {
  return `R:${rowKey}:${month}`;
}

function monthKey(index: number): MonthKey {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function indexOf(month: MonthKey): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** Reads `2026-04`, `2026/4`, `2026年4月`, `202604`, or a full date (its month). */
export function parseMonthKey(text: string): MonthKey | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-/.年](\d{1,2})月?|(\d{2}))$/.exec(s);
  if (m) {
    const month = Number(m[2] ?? m[3]);
    return month >= 1 && month <= 12 ? monthKey(Number(m[1]) * 12 + month - 1) : null;
  }
  const date = parseDateKey(s);
  return date === null ? null : date.slice(0, 7);
}

const INTERVAL_WORDS: Record<string, number> = {
  毎月: 1,
  月次: 1,
  隔月: 2,
  四半期: 3,
  半年: 6,
  毎年: 12,
  年次: 12,
  年1回: 12,
  monthly: 1,
  quarterly: 3,
  yearly: 12,
  annually: 12,
};

function parseInterval(value: string | number): RecurringInterval | null {
  const t = String(value).normalize('NFKC').toLowerCase().replace(/\s+/g, '');
  const s = t.replace(/(?:ヶ|か|カ|ヵ|ケ|箇)?月(?:ごと|毎)?$|months?$/, '');
  if (t === '') return 1;
  const n = INTERVAL_WORDS[t] ?? (/^\d{1,2}$/.test(s) ? Number(s) : Number.NaN);
  return (RECURRING_INTERVALS as readonly number[]).includes(n) ? (n as RecurringInterval) : null;
}

function parseBillingDay(text: string): ScheduleRule | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '');
  if (s === '' || /^(?:毎月)?(?:末日?|月末日?|最終日)$/.test(s)) {
    return { kind: 'monthlyDay', months: ALL_MONTHS, day: 'end', holiday: 'keep' };
  }
  const day = /^(?:毎月)?(\d{1,2})日?$/.exec(s);
  if (day) {
    const n = Number(day[1]);
    if (n < 1 || n > 31) return null;
    return { kind: 'monthlyDay', months: ALL_MONTHS, day: n === 31 ? 'end' : n, holiday: 'keep' };
  }
  const withPrefix = /^\d/.test(s) || /^末/.test(s) ? `毎月${s}` : s;
  const parsed = parseRule(withPrefix, { defaultHoliday: 'keep' });
  if (!parsed.ok || !('months' in parsed.rule) || parsed.rule.months.length !== 12) return null;
  return parsed.rule;
}

/** Reads the schedule cells of a 定期請求 row (the amounts are validated by the invoice code). */
export function parseRecurring(input: RecurringInput): RecurringParse {
  const interval = parseInterval(input.interval);
  if (interval === null) {
    return {
      ok: false,
      reason: 'interval',
      message: text(
        `間隔(月)「${input.interval}」は 1・2・3・6・12 のいずれかにしてください`,
        `Every (months) "${input.interval}" must be 1, 2, 3, 6 or 12`,
      ),
    };
  }
  const start = parseMonthKey(input.start);
  if (start === null) {
    return {
      ok: false,
      reason: 'start',
      message: text(
        input.start.trim() === ''
          ? '開始月を入力してください(例: 2026-04)'
          : `開始月「${input.start}」を読み取れません(例: 2026-04)`,
        input.start.trim() === ''
          ? 'Enter the start month (e.g. 2026-04)'
          : `Could not read the start month "${input.start}" (e.g. 2026-04)`,
      ),
    };
  }
  const endText = (input.end ?? '').trim();
  const end = endText === '' ? null : parseMonthKey(endText);
  if (endText !== '' && (end === null || end < start)) {
    return {
      ok: false,
      reason: 'end',
      message:
        end === null
          ? text(
              `終了月「${endText}」を読み取れません(例: 2027-03、空欄なら終了なし)`,
              `Could not read the end month "${endText}" (e.g. 2027-03; empty for no end)`,
            )
          : text(
              `終了月 ${end} が開始月 ${start} より前です`,
              `The end month ${end} is before the start month ${start}`,
            ),
    };
  }
  const billingDay = parseBillingDay(input.billingDay ?? '');
  if (billingDay === null) {
    return {
      ok: false,
      reason: 'billingDay',
      message: text(
        `計上日「${input.billingDay}」を読み取れません(例: 末日、25日、毎月第1営業日)`,
        `Could not read the billing day "${input.billingDay}" (e.g. 末日, 25日, 毎月第1営業日)`,
      ),
    };
  }
  return { ok: true, value: { interval, start, end, billingDay } };
}

function periodAt(spec: RecurringSpec, index: number): RecurringPeriod {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = index + spec.interval - 1;
  const lastYear = Math.floor(last / 12);
  const lastMonth = (last % 12) + 1;
  return {
    month: monthKey(index),
    start: dateKey(year, month, 1),
    end: dateKey(lastYear, lastMonth, daysInMonth(lastYear, lastMonth)),
    lineDate:
      occurrenceInMonth(spec.billingDay, year, month) ??
      dateKey(year, month, daysInMonth(year, month)),
  };
}

/**
 * The periods due by `today` after `lastPeriod` (the last period billed, `YYYY-MM`; null or
 * unreadable: none yet — the sales lines' own keys still guard against doubles), oldest first,
 * at most MAX_RECURRING_CATCH_UP; `more` when further due periods wait for the next call.
 */
export function recurringSchedule(
  spec: RecurringSpec,
  lastPeriod: string | null,
  today: DateKey,
): { periods: RecurringPeriod[]; more: boolean } {
  const startIndex = indexOf(spec.start);
  const endIndex = spec.end === null ? Number.POSITIVE_INFINITY : indexOf(spec.end);
  const last = lastPeriod === null ? null : parseMonthKey(lastPeriod);
  let k =
    last === null ? 0 : Math.max(0, Math.floor((indexOf(last) - startIndex) / spec.interval) + 1);
  const periods: RecurringPeriod[] = [];
  for (; ; k++) {
    const index = startIndex + k * spec.interval;
    if (index > endIndex) return { periods, more: false };
    const period = periodAt(spec, index);
    if (period.lineDate > today) return { periods, more: false };
    if (periods.length === MAX_RECURRING_CATCH_UP) return { periods, more: true };
    periods.push(period);
  }
}

/** The periods due by `today` after `lastPeriod`, oldest first (see recurringSchedule). */
export function recurringPeriodsDue(
  spec: RecurringSpec,
  lastPeriod: string | null,
  today: DateKey,
): RecurringPeriod[] {
  return recurringSchedule(spec, lastPeriod, today).periods;
}
