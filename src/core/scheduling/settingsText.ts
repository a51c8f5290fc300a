/**
 * The scheduling rows of the 設定 sheet as the owner types them: working hours such as
 * `平日 9:00-12:00, 13:00-18:00` (several groups separated by `;` or a new line:
 * `月-金 9:00-18:00; 土 10:00-12:00`; English day names too: `weekdays 9:00-18:00; Sat
 * 10:00-12:00`, `Mon-Thu`, `Mon, Wed`), and buffers as `15` (before and after) or `10, 15`.
 */
import { weekdayFromName } from '../calendarNames';
import { toHalfWidth } from '../normalize';
import { type Text, text } from '../text';
import type { TimeWindow, WorkingHours } from './workingHours';
import { workingHoursProblems } from './workingHours';

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: Text };

const DAY_CHARS = '日月火水木金土';
const WEEKDAYS = [1, 2, 3, 4, 5];
const WINDOW = /^(\d{1,2})(?::(\d{2}))?\s*(?:-|〜|~|から)\s*(\d{1,2})(?::(\d{2}))?$/;

/** A day written 「金」 or `Fri` / `friday` (any case): 0 (Sunday) – 6, or -1. */
function dayOf(word: string): number {
  if (word.length === 1) return DAY_CHARS.indexOf(word);
  return /^[a-z]{3,9}$/i.test(word) ? weekdayFromName(word) : -1;
}

function daysOf(spec: string): number[] | null {
  const s = spec.replace(/曜日?/g, '').replace(/\s+/g, '');
  const word = s.toLowerCase();
  if (s === '平日' || word === 'weekdays') return WEEKDAYS;
  if (s === '毎日' || word === 'daily' || word === 'everyday') return [0, 1, 2, 3, 4, 5, 6];
  if (s === '土日' || word === 'weekends') return [0, 6];
  const range = /^([^-〜~]+)[-〜~]([^-〜~]+)$/.exec(s);
  if (range) {
    const from = dayOf(range[1]!);
    const to = dayOf(range[2]!);
    if (from < 0 || to < 0) return null;
    const days: number[] = [];
    for (let d = from; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === to) break;
    }
    return days;
  }
  const list = s
    .split(/[・、,]/)
    .filter(Boolean)
    .map(dayOf);
  return list.length > 0 && list.every((d) => d >= 0) ? list : null;
}

function windowOf(spec: string): TimeWindow | null {
  const m = WINDOW.exec(spec.trim());
  if (!m) return null;
  const start = Number(m[1]) * 60 + Number(m[2] ?? 0);
  const end = Number(m[3]) * 60 + Number(m[4] ?? 0);
  return { start, end };
}

const HOURS_EXAMPLE = text('平日 9:00-12:00, 13:00-18:00', 'weekdays 9:00-12:00, 13:00-18:00');

/** The working hours written in 設定, or what is wrong with them (naming the part not read). */
export function parseWorkingHoursText(input: string): Parsed<WorkingHours> {
  const hours: TimeWindow[][] = [[], [], [], [], [], [], []];
  const groups = toHalfWidth(input)
    .split(/[;\n]/)
    .map((g) => g.trim())
    .filter(Boolean);
  const unreadable = (part: string): Parsed<WorkingHours> => ({
    ok: false,
    message: text(
      `勤務時間の「${part}」を読み取れません。例: ${HOURS_EXAMPLE.ja}`,
      `Cannot read "${part}" in the working hours. Example: ${HOURS_EXAMPLE.en}`,
    ),
  });
  if (groups.length === 0) return unreadable(input);
  for (const group of groups) {
    // The days run up to the first time: `Mon, Wed 10:00-11:00`, `平日 9:00-12:00`.
    const m = /^(.+?)\s+(\d.*)$/.exec(group);
    const days = m ? daysOf(m[1]!) : null;
    if (!m || !days) return unreadable(group);
    for (const part of m[2]!.split(/[,、]/)) {
      const w = windowOf(part);
      if (!w) return unreadable(part.trim());
      for (const d of days) hours[d]!.push(w);
    }
  }
  const problems = workingHoursProblems(hours);
  if (problems.length > 0) return { ok: false, message: problems[0]! };
  return { ok: true, value: hours };
}

/** `15` (both sides) or `10, 15` (before, after), minutes. Range checks are the slot finder's. */
export function parseBuffersText(
  input: string,
): Parsed<{ bufferBeforeMinutes: number; bufferAfterMinutes: number }> {
  const parts = toHalfWidth(input)
    .split(/[,、]/)
    .map((p) => p.replace(/分/g, '').trim());
  const nums = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN));
  if ((nums.length === 1 || nums.length === 2) && nums.every((n) => n <= 180)) {
    const [before, after = before] = nums as [number, number?];
    return { ok: true, value: { bufferBeforeMinutes: before, bufferAfterMinutes: after } };
  }
  return {
    ok: false,
    message: text(
      `前後の空き時間「${input}」は0〜180の分数で書いてください(例: 15 または 10, 15)`,
      `Buffers "${input}" must be minutes from 0 to 180 (e.g. 15, or 10, 15)`,
    ),
  };
}

/** A whole number of minutes within [min, max], e.g. the default meeting length. */
export function parseMinutesText(
  input: string,
  min: number,
  max: number,
  name: Text,
): Parsed<number> {
  const s = toHalfWidth(input).replace(/分/g, '').trim();
  const n = /^\d{1,4}$/.test(s) ? Number(s) : Number.NaN;
  if (n >= min && n <= max) return { ok: true, value: n };
  return {
    ok: false,
    message: text(
      `${name.ja}「${input}」は${min}〜${max}の分数で書いてください`,
      `${name.en} "${input}" must be ${min}–${max} minutes`,
    ),
  };
}
