/**
 * The monthly summary (月次集計): on which day which month is summarised.
 *
 * The 月次集計の日 setting is a monthly rule with an optional month word:
 * - 翌月第1営業日 / 翌月5日: summarises the month before the one the day falls in;
 * - 当月末 / 当月最終営業日: summarises the month the day falls in;
 * - without 翌月/当月, month-end rules (毎月末, 毎月最終営業日, 月末) summarise their own month
 *   (the month is closing); every other rule (毎月第1営業日, 毎月5日) the previous month, as the
 *   setting's description says (前月の集計を作る日).
 * With no holiday suffix a day on a closed day moves to the NEXT business day (a summary should
 * wait for the month's books, not run early). The target month comes from the month the rule
 * was computed for, not from where the holiday policy moved the day.
 *
 * summaryMonthDue answers with the latest month whose summary day has come, as long as that day
 * is within MAX_CATCH_UP_DAYS: a day the trigger missed is caught up by the next run. Callers
 * write a month once (the 月次集計 sheet's rows carry their month), so repeated answers are safe.
 */

import { addDays, type DateKey, dateParts } from '../dates';
import { type Text, text } from '../text';
import { MAX_CATCH_UP_DAYS } from './due';
import { parseRule } from './parseRule';
import type { MonthKey } from './recurring';
import { occurrenceInMonth, type ScheduleRule } from './rules';

export interface SummaryDay {
  readonly rule: ScheduleRule;
  /** previous: the month before the day's month; current: the day's own month. */
  readonly target: 'previous' | 'current';
}

export type SummaryDayParse =
  | { readonly ok: true; readonly value: SummaryDay }
  | { readonly ok: false; readonly message: Text };

export const DEFAULT_SUMMARY_DAY = '毎月第1営業日';

function isMonthEnd(rule: ScheduleRule): boolean {
  return (
    (rule.kind === 'monthlyDay' && rule.day === 'end') ||
    (rule.kind === 'monthlyBusinessDay' && rule.n < 0)
  );
}

export function parseSummaryDay(input: string): SummaryDayParse {
  const s = input.normalize('NFKC').replace(/\s+/g, '');
  const word = /^(翌月|当月|今月)/.exec(s)?.[1];
  const body = word ? `毎月${s.slice(word.length)}` : /^毎月|^月末/.test(s) ? s : `毎月${s}`;
  const parsed = parseRule(body, { defaultHoliday: 'next' });
  const monthly =
    parsed.ok && 'months' in parsed.rule && parsed.rule.months.length === 12 ? parsed.rule : null;
  if (!monthly) {
    return {
      ok: false,
      message: text(
        `月次集計の日「${input}」を読み取れません(例: 毎月第1営業日、翌月5日、毎月末)`,
        `Could not read the summary day "${input}" (e.g. 毎月第1営業日, 翌月5日, 毎月末)`,
      ),
    };
  }
  const target =
    word === '翌月' ? 'previous' : word ? 'current' : isMonthEnd(monthly) ? 'current' : 'previous';
  return { ok: true, value: { rule: monthly, target } };
}

function shiftMonth(year: number, month: number, by: number): [number, number] {
  const index = year * 12 + month - 1 + by;
  return [Math.floor(index / 12), (index % 12) + 1];
}

/** The day month `month` (YYYY-MM) is summarised, or null when the rule gives none. */
export function summaryDayFor(summary: SummaryDay, month: MonthKey): DateKey | null {
  const [y, m] = shiftMonth(
    Number(month.slice(0, 4)),
    Number(month.slice(5, 7)),
    summary.target === 'previous' ? 1 : 0,
  );
  return occurrenceInMonth(summary.rule, y, m);
}

/**
 * The month (YYYY-MM) to summarise as of `today`: the latest whose summary day is on or before
 * today and at most MAX_CATCH_UP_DAYS − 1 days ago; null otherwise or when `summaryDay` (text or
 * parsed) cannot be read — check the setting with parseSummaryDay to report that.
 */
export function summaryMonthDue(summaryDay: string | SummaryDay, today: DateKey): MonthKey | null {
  let summary: SummaryDay;
  if (typeof summaryDay === 'string') {
    const parsed = parseSummaryDay(summaryDay);
    if (!parsed.ok) return null;
    summary = parsed.value;
  } else {
    summary = summaryDay;
  }
  const { year, month } = dateParts(today);
  const oldest = addDays(today, -(MAX_CATCH_UP_DAYS - 1));
  for (let back = 0; back <= 3; back++) {
    const [y, m] = shiftMonth(year, month, -back);
    const key = `${y}-${String(m).padStart(2, '0')}`;
    const day = summaryDayFor(summary, key);
    if (day !== null && day <= today) return day >= oldest ? key : null;
  }
  return null;
}
