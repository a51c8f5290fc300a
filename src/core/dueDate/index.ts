/**
 * The due-date reader for "mail → task" (pure: no Apps Script globals).
 *
 * Decisions on phrases people read differently (the tests pin each):
 * - 本日中 / 今日中 / by EOD: the mail's date, time unset (EOD and 夕方 flag `vague-time`).
 * - 今週中 / 来週中 / 今週末 / end of (next) week: the last business day of that Monday–Sunday
 *   week (Friday unless closed), never before the mail's date.
 * - 今月末 / 月内 / 今月中 / 来月末 / 12月末 / end of month: the last business day of the month
 *   (a deadline on a closed day is kept as the business day before). 上旬 / 中旬 / 下旬: the 10th,
 *   20th and month end, likewise.
 * - 年内 / by year end: the last business day of the year (banks close 12/31–1/3).
 * - 年度内 / 年度末: 3/31 of the April–March fiscal year (the business day before if closed).
 * - 週明け / 来週頭 / early next week: next Monday after the mail, or the next business day when
 *   that Monday is a holiday.
 * - Whenever the day such a phrase stands for (the month end, 12/31, 3/31, the 10th or 20th, the
 *   week's Friday or Monday) is moved to a business day, the reading keeps it as `writtenDate`,
 *   flags `moved` and says so in a note (「メールの期限は11/30(土)です。前営業日にしています」),
 *   so the card can show both. Not when the mail was sent on that day or after the business day.
 * - 来週まで / by next week: the start of next week (Monday or the next business day), flagged
 *   `ambiguous` (some read it as the end of next week).
 * - 金曜日までに / by Friday / this Friday: the first Friday on or after the mail's date.
 *   来週金曜 / next Friday: Friday of next week (not the first Friday to come).
 * - N営業日以内 / N営業日後 / within N business days: N bank business days after the mail's date.
 *   N日以内 / N日後 / in N days: N calendar days after it; N週間 = 7N days; Nか月 = N months.
 * - 至急 / なる早 / ASAP: flag `urgent` on whatever date is found; alone, the mail's date with
 *   low confidence (a task wanted now is due today).
 * - 正午 / noon and 午前中: 12:00. 夕方, 夜, 朝, 終業, EOD: time unset, flag `vague-time`.
 * - Ranges (〜 ～ - から, `12/1〜12/5`, `12/1〜5`): the end. A date followed only by から/以降 is a
 *   start and is chosen last.
 * - Closures (12/29〜1/3休業, 年末年始, 不在) are never due dates.
 * - Dates without a year: the nearest year that puts them at most 60 days before the mail
 *   (mail of 12/20, "1/10" → next year); a kept past date is flagged `past`.
 * - A written weekday that does not match is kept as written and flagged `weekday-mismatch`,
 *   with a bilingual note; the date is never "corrected".
 * - Numeric dates are month/day in both languages (US order in English mail).
 * - A clock time alone with a deadline word (「14時までに」): the mail's date, or the next day if
 *   that time has passed when the mail was sent; flagged `time-only`.
 */
export { htmlToText } from './htmlText';
export { readDueDate } from './read';
export { suggestTaskTitle } from './title';
export type { DueConfidence, DueDateReading, DueFlag, ReadOptions } from './types';
