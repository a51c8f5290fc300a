/**
 * Working hours per weekday, in Japan time: for each weekday (0 = Sunday … 6 = Saturday) the
 * windows in which a meeting may take place, as minutes from midnight (a lunch break is two
 * windows). A weekday with no window is a day off.
 */
import type { Weekday } from '../dates';
import { type Text, text } from '../text';

export interface TimeWindow {
  /** Minutes from midnight, Japan time (540 = 9:00). */
  readonly start: number;
  /** Minutes from midnight, exclusive; at most 1440. */
  readonly end: number;
}

/** Seven entries, Sunday first, as `Date.prototype.getDay` counts. */
export type WorkingHours = readonly (readonly TimeWindow[])[];

const DAY_MINUTES = 24 * 60;

const WEEKDAY_NAMES: readonly Text[] = [
  text('日曜日', 'Sunday'),
  text('月曜日', 'Monday'),
  text('火曜日', 'Tuesday'),
  text('水曜日', 'Wednesday'),
  text('木曜日', 'Thursday'),
  text('金曜日', 'Friday'),
  text('土曜日', 'Saturday'),
];

const OFFICE_DAY: readonly TimeWindow[] = [
  { start: 9 * 60, end: 12 * 60 },
  { start: 13 * 60, end: 18 * 60 },
];

/** Monday to Friday, 9:00–12:00 and 13:00–18:00 (the lunch hour left out). */
export const DEFAULT_WORKING_HOURS: WorkingHours = [
  [],
  OFFICE_DAY,
  OFFICE_DAY,
  OFFICE_DAY,
  OFFICE_DAY,
  OFFICE_DAY,
  [],
];

/** `9:00`, `13:30`, `24:00`. */
export function clockTime(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

function isValidWindow(w: TimeWindow): boolean {
  return (
    Number.isInteger(w.start) &&
    Number.isInteger(w.end) &&
    w.start >= 0 &&
    w.start < w.end &&
    w.end <= DAY_MINUTES
  );
}

/** What is wrong with `hours`, as messages; empty when every window is a real time span. */
export function workingHoursProblems(hours: WorkingHours): Text[] {
  if (hours.length !== 7) {
    return [
      text('勤務時間は曜日ごとに7日分を指定してください', 'Working hours need all 7 weekdays'),
    ];
  }
  const problems: Text[] = [];
  hours.forEach((windows, day) => {
    for (const w of windows) {
      if (isValidWindow(w)) continue;
      const name = WEEKDAY_NAMES[day]!;
      const shown = `${clockTime(w.start)}-${clockTime(w.end)}`;
      problems.push(
        text(
          `勤務時間(${name.ja})の「${shown}」は0:00〜24:00の中で、開始を終了より前にしてください`,
          `Working hours on ${name.en} "${shown}" must start before they end, between 0:00 and 24:00`,
        ),
      );
    }
  });
  if (problems.length === 0 && hours.every((windows) => windows.length === 0)) {
    problems.push(text('勤務時間が1日も設定されていません', 'No working hours are set on any day'));
  }
  return problems;
}

/** The windows of `day`, sorted, with overlapping or touching ones joined (12:00–13:00 + 13:00–14:00). */
export function windowsOf(hours: WorkingHours, day: Weekday): TimeWindow[] {
  const sorted = [...(hours[day] ?? [])].sort((a, b) => a.start - b.start);
  const joined: { start: number; end: number }[] = [];
  for (const w of sorted) {
    const last = joined[joined.length - 1];
    if (last && w.start <= last.end) last.end = Math.max(last.end, w.end);
    else joined.push({ start: w.start, end: w.end });
  }
  return joined;
}
