/**
 * What the daily dispatcher does today for a rule, given the last day it finished.
 *
 * The window is (lastRunDay, today]: a day the trigger did not fire (weekend, holiday, an
 * error) is caught up by the next run, and a day already run is never in a later window, so
 * every occurrence is handled once. Catch-up is bounded: only occurrences in the last
 * MAX_CATCH_UP_DAYS days (today included) are executed; older ones are returned as `skipped`
 * for the run log. With no last run (first run) only today counts: no backlog from before.
 * lastRunDay on or after today (a second run the same day, a clock set back) gives nothing.
 */

import { addDays, type DateKey } from '../dates';
import { span, type Text, text } from '../text';
import { occurrencesBetween, type ScheduleRule } from './rules';

export const MAX_CATCH_UP_DAYS = 31;
/** How far back skipped occurrences are still listed (older ones are not even listed). */
const MAX_REPORTED_DAYS = 366;

export interface CatchUp {
  /** Occurrences to execute now, oldest first (today last when due). */
  readonly due: DateKey[];
  /** Missed occurrences too old to execute (at most a year back), oldest first. */
  readonly skipped: DateKey[];
}

/** The later of two dates (DateKeys compare as strings; Math.max would not). */
const later = (a: DateKey, b: DateKey): DateKey => (a > b ? a : b);

export function catchUp(rule: ScheduleRule, lastRunDay: DateKey | null, today: DateKey): CatchUp {
  if (lastRunDay === null) return { due: occurrencesBetween(rule, today, today), skipped: [] };
  if (lastRunDay >= today) return { due: [], skipped: [] };
  const windowStart = addDays(today, -(MAX_CATCH_UP_DAYS - 1));
  const first = addDays(lastRunDay, 1);
  const start = later(first, windowStart);
  const reportFrom = addDays(windowStart, -MAX_REPORTED_DAYS);
  const skipped =
    first < windowStart
      ? occurrencesBetween(rule, later(first, reportFrom), addDays(windowStart, -1))
      : [];
  return { due: occurrencesBetween(rule, start, today), skipped };
}

/** The occurrences to execute today: those after `lastRunDay` up to `today`, at most 31 days back. */
export function dueOccurrences(
  rule: ScheduleRule,
  lastRunDay: DateKey | null,
  today: DateKey,
): DateKey[] {
  return catchUp(rule, lastRunDay, today).due;
}

/** A run-log line for skipped occurrences, or null when there are none. */
export function describeSkipped(skipped: readonly DateKey[]): Text | null {
  if (skipped.length === 0) return null;
  const [first, last] = [skipped[0]!, skipped[skipped.length - 1]!];
  return text(
    `${MAX_CATCH_UP_DAYS}日より前の${skipped.length}回分(${span(first, last, 'ja')})は実行しませんでした`,
    `${skipped.length} occurrence(s) older than ${MAX_CATCH_UP_DAYS} days (${span(first, last, 'en')}) were not run`,
  );
}
