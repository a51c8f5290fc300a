import type { DateKey } from '../dates';
import type { Text } from '../text';

/**
 * Why a reading deserves a second look. Each flag that the user should act on comes with a
 * note in `DueDateReading.notes`.
 * - `weekday-mismatch`: a written weekday does not match the date (`11/30(土)` on a Monday).
 * - `past`: the date is before the mail's date.
 * - `holiday`: the date is a national holiday or a bank closure (12/31–1/3).
 * - `urgent`: the mail says 至急 / なる早 / ASAP.
 * - `vague-time`: a time of day without a clock time (夕方, EOD…); `time` stays unset.
 * - `ambiguous`: a phrase people read in more than one way (来週まで, by next week…).
 * - `time-only`: only a clock time was written (「14時までに」); the date is the mail's day.
 * - `moved`: the mail's words stand for a day banks are closed (今月末 in a month ending on a
 *   Saturday); the date is the business day before (or, for 週明け, after) and `writtenDate`
 *   is the day the mail meant.
 */
export type DueFlag =
  | 'weekday-mismatch'
  | 'past'
  | 'holiday'
  | 'urgent'
  | 'vague-time'
  | 'ambiguous'
  | 'time-only'
  | 'moved';

export type DueConfidence = 'high' | 'medium' | 'low';

export interface DueDateReading {
  /** The due date on a wall calendar in Japan. */
  date: DateKey;
  /** The day the mail's words stand for, when `date` was moved from it to a business day. */
  writtenDate?: DateKey;
  /** `HH:MM` (24-hour) when a clock time was written. */
  time?: string;
  /** The exact text of the mail that decided the date, to show on the card. */
  matched: string;
  confidence: DueConfidence;
  flags: DueFlag[];
  /** Notes for the flags the user should check. */
  notes: Text[];
}

export interface ReadOptions {
  /** The mail's subject, read before the body (「【12/5締切】見積のお願い」). */
  subject?: string;
}

/** The mail's date in Japan, and the wall-clock minutes since midnight it was sent. */
export interface MailContext {
  mail: DateKey;
  minutes: number;
}

/** A date expression found in the normalised text (internal). */
export interface Candidate {
  /** Span in the normalised text. */
  start: number;
  end: number;
  date: DateKey;
  /** The calendar day the phrase stands for, when `date` was moved to a business day. */
  movedFrom?: DateKey;
  time?: string;
  vagueTime?: string;
  /** The expression is a deadline by itself (本日中, 3営業日以内, within 3 days). */
  tied: boolean;
  /** Kept only when tied to a deadline word or followed by a time (明日, 金曜日, tomorrow). */
  needsAnchor: boolean;
  /** A written calendar date: may carry a weekday, take part in a range, be flagged past. */
  absolute: boolean;
  /** Month and day as written, for the weekday note and a `12/1〜5` range end. */
  written?: { year: number; month: number; day: number; yearGiven: boolean };
  /** A weekday written before the date (`Friday, December 5`): 0 = Sunday … 6 = Saturday. */
  writtenWeekday?: number;
  /** Dates whose written weekday did not match, with their actual weekday (0 = Sunday). */
  mismatch?: { month: number; day: number; actual: number }[];
  /** A day of the month written alone (「5日」): a range end takes the start's month. */
  dayOnly?: boolean;
  /** Start of a period only (12/1から, 12/1以降). */
  isStart?: boolean;
  /** A closure (12/29〜1/3休業, 不在): never a due date. */
  closure?: boolean;
  timeOnly?: boolean;
  flags: DueFlag[];
  /** Span of the deadline word before or after, included in `matched`. */
  matchStart?: number;
  matchEnd?: number;
}
