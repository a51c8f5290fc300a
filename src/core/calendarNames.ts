/**
 * Names of weekdays and months, in the orders `Date` uses: weekdays from Sunday (0), months
 * from January (1).
 */

export const WEEKDAY_CHARS_JA = '日月火水木金土';

export const WEEKDAY_NAMES_EN = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

export const MONTH_NAMES_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const abbreviations = (names: readonly string[]) => names.map((n) => n.slice(0, 3).toLowerCase());
const WEEKDAY_ABBR = abbreviations(WEEKDAY_NAMES_EN);
const MONTH_ABBR = abbreviations(MONTH_NAMES_EN);

/** 0 (Sunday) – 6 from 「金」, `Fri`, `friday` (any case); -1 otherwise. */
export function weekdayFromName(text: string): number {
  const ja = WEEKDAY_CHARS_JA.indexOf(text.charAt(0));
  return ja >= 0 && text !== '' ? ja : WEEKDAY_ABBR.indexOf(text.slice(0, 3).toLowerCase());
}

/** 1–12 from `Dec`, `december` (any case); 0 otherwise. */
export function monthFromName(text: string): number {
  return MONTH_ABBR.indexOf(text.slice(0, 3).toLowerCase()) + 1;
}
