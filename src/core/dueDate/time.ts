/**
 * Clock times after a date (「17時」「午後2時」「14:30」「5pm」「正午」) and vague times of day
 * (夕方, EOD), which leave the time unset. All patterns are linear: no nested quantifiers.
 */

export interface TimeToken {
  start: number;
  end: number;
  /** `HH:MM`, unset for a vague time. */
  time?: string;
  /** The vague phrase as written (夕方, EOD…). */
  vague?: string;
}

const MERIDIEM = 'am|pm|a\\.m\\.|p\\.m\\.';
const CLOCK =
  `(?:(午前|午後|${MERIDIEM})\\s?)?(\\d{1,2})(?:\\s?時\\s?(?:(\\d{1,2})\\s?分|(半))?|:(\\d{2}))` +
  `(?:\\s?(${MERIDIEM})(?![a-z]))?` +
  `|(\\d{1,2})\\s?(${MERIDIEM})(?![a-z])`;
const NOON = '(正午|noon|midday|午前中)';
const VAGUE =
  '(夕方|夕刻|夜|朝一番|朝一|朝イチ|朝|終業時?|定時|業務終了時?|営業時間内|eod|cob|eob|' +
  'end of (?:the )?(?:business |working )?day|close of business)';
const TIME_SOURCE = `(?:${CLOCK})|${NOON}|${VAGUE}(?![a-z])`;

/** Sticky: a time exactly at `lastIndex`. */
const TIME_AT = new RegExp(TIME_SOURCE, 'iy');
/** Global: clock times anywhere (for 「14時までに」 without a date). */
export const CLOCK_ANYWHERE = new RegExp(TIME_SOURCE, 'gi');
/** Between a date and its time: spaces, 、 , の, at, by, @. */
const GAP = /[\s、,]{0,3}(?:の|at\s|by\s|@|ごろ)?\s{0,2}/iy;
const RANGE_MARK = /\s{0,2}(?:~|-|から|より)\s{0,2}/y;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function clock(hour: number, minute: number, meridiem: string | undefined): string | null {
  let h = hour;
  const m = meridiem?.toLowerCase().replace(/\./g, '');
  if (m === '午後' || m === 'pm') {
    if (h > 12) return null;
    if (h < 12) h += 12;
  } else if (m === '午前' || m === 'am') {
    if (h > 12) return null;
    if (h === 12) h = 0;
  }
  if (minute > 59) return null;
  if (h === 24 && minute === 0) return '23:59';
  if (h > 23) return null;
  return `${pad2(h)}:${pad2(minute)}`;
}

/** Reads the groups of a CLOCK/NOON/VAGUE match. */
function fromMatch(m: RegExpExecArray): Omit<TimeToken, 'start' | 'end'> | null {
  if (m[2] !== undefined) {
    const minute = m[4] !== undefined ? 30 : Number(m[3] ?? m[5] ?? '0');
    const time = clock(Number(m[2]), minute, m[1] ?? m[6]);
    return time === null ? null : { time };
  }
  if (m[7] !== undefined) {
    const time = clock(Number(m[7]), 0, m[8]);
    return time === null ? null : { time };
  }
  if (m[9] !== undefined) return { time: '12:00' };
  if (m[10] !== undefined) return { vague: m[10] };
  return null;
}

function timeAt(text: string, pos: number): TimeToken | null {
  TIME_AT.lastIndex = pos;
  const m = TIME_AT.exec(text);
  if (!m) return null;
  const end = pos + m[0].length;
  if (/[\d:/]/.test(text.charAt(end))) return null;
  const read = fromMatch(m);
  return read === null ? null : { start: pos, end, ...read };
}

/**
 * A time right after a date (at `pos`, after a short gap). A time range (`10:00〜17:00`) gives
 * its end, like a date range.
 */
export function timeAfter(text: string, pos: number): TimeToken | null {
  GAP.lastIndex = pos;
  const gap = GAP.exec(text);
  const at = pos + (gap ? gap[0].length : 0);
  const first = timeAt(text, at);
  if (first === null) return null;
  return extendRange(text, first);
}

function extendRange(text: string, token: TimeToken): TimeToken {
  if (token.time === undefined) return token;
  RANGE_MARK.lastIndex = token.end;
  const mark = RANGE_MARK.exec(text);
  if (!mark) return token;
  const second = timeAt(text, token.end + mark[0].length);
  if (second === null || second.time === undefined) return token;
  return { ...second, start: token.start };
}

/** A clock time ending right before `pos`, then an optional までに: 「5 pm tomorrow」「17時までに明日」. */
const TIME_BEFORE = new RegExp(
  `(?:${CLOCK})[\\s、,]{0,2}(まで(?:に)?|迄(?:に)?)?[\\s、,]{0,2}$`,
  'i',
);
const BEFORE_WINDOW = 24;

/**
 * A clock time written before a date word (`by 5 pm tomorrow`, 「17時までに明日」): its token (start
 * at the time) and whether a deadline word sat between. Vague times are left out.
 */
export function timeBefore(text: string, pos: number): (TimeToken & { tied: boolean }) | null {
  const from = Math.max(0, pos - BEFORE_WINDOW);
  const m = TIME_BEFORE.exec(text.slice(from, pos));
  if (!m) return null;
  const start = from + m.index;
  if (/[\d:/.a-z]/i.test(text.charAt(start - 1))) return null;
  const read = fromMatch(m);
  if (read === null || read.time === undefined) return null;
  return { start, end: pos, time: read.time, tied: m[9] !== undefined };
}

/** Every clock time in `text` (for times written without a date). */
export function allTimes(text: string): TimeToken[] {
  const out: TimeToken[] = [];
  CLOCK_ANYWHERE.lastIndex = 0;
  for (let m = CLOCK_ANYWHERE.exec(text); m !== null; m = CLOCK_ANYWHERE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text.charAt(start - 1);
    if (/[\d:/.a-z]/i.test(before) || /[\d:/]/.test(text.charAt(end))) continue;
    const read = fromMatch(m);
    if (read !== null) out.push(extendRange(text, { start, end, ...read }));
  }
  return out;
}
