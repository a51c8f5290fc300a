/**
 * Helpers shared by the Japanese and English extractors, and the patterns both languages use:
 * numeric dates (`12/5`, `2026/12/5`, `2026-12-05`, US `12/5/2026`) and urgency words.
 *
 * Every pattern here and in the extractors is linear: alternatives of fixed words, bounded
 * repetitions (`\s{0,2}`, `\d{1,2}`) and no quantified group that contains another quantifier,
 * so no input can make the engine backtrack catastrophically.
 */
import { WEEKDAY_CHARS_JA, WEEKDAY_NAMES_EN, weekdayFromName } from '../calendarNames';
import type { DateKey } from '../dates';
import { type BusinessDay, fullYear, resolveDate } from './calendar';
import type { Candidate, MailContext } from './types';

/** A candidate for `day`: a date, or a business day with the calendar day it was moved from. */
export function candidate(
  start: number,
  end: number,
  day: DateKey | BusinessDay,
  extra: Partial<Candidate> = {},
): Candidate {
  const { date, movedFrom }: BusinessDay = typeof day === 'string' ? { date: day } : day;
  return {
    start,
    end,
    date,
    ...(movedFrom === undefined ? {} : { movedFrom }),
    tied: false,
    needsAnchor: false,
    absolute: false,
    flags: [],
    ...extra,
  };
}

/** Runs a global regex over `text`, collecting what `read` makes of each match. */
export function scan(
  re: RegExp,
  text: string,
  read: (m: RegExpExecArray) => Candidate | null,
  out: Candidate[],
): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const c = read(m);
    if (c !== null) out.push(c);
  }
}

export { WEEKDAY_CHARS_JA as WEEKDAYS_JA, WEEKDAY_NAMES_EN as WEEKDAYS_EN };

/** 0 = Sunday … 6 = Saturday from 「金」 or `Fri`/`friday`; null otherwise. */
export function weekdayIndex(text: string): number | null {
  const index = weekdayFromName(text);
  return index >= 0 ? index : null;
}

const NUM_DATE = /(\d{4})([/.-])(\d{1,2})\2(\d{1,2})|(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?/g;

/**
 * A bare `1/3` read as a quantity rather than a date: followed by a measure word (ほど, 程度, サイズ,
 * 以上, size…) or preceded by a ratio word (率は, 割合, 全体の, A4…). A weekday right after wins:
 * `1/3(土)` is a date whatever precedes it.
 */
const QUANTITY_AFTER =
  /^\s?(?:ほど|程度|くらい|ぐらい|位|以上|以下|未満|超|強|弱|倍|ずつ|づつ|サイズ|判|スケール|縮尺|の確率|の割合|の量|of\s|size|scale)/i;
const RATIO_BEFORE =
  /(?:率|割合|比率?|確率|全体の|およそ|約|縮尺|分数|[ABab]\d{1,2}\s?|(?<![a-z])(?:ratio|rate|approx\.?|roughly|scale))\s?(?:は|が|で|の|を|:|=|\sis|\sof)?\s?$/i;
const WEEKDAY_NEXT = /^\s?[(（]\s?(?:[月火水木金土日]|sun|mon|tue|wed|thu|fri|sat)/i;

function looksLikeFraction(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 12);
  if (WEEKDAY_NEXT.test(after)) return false;
  return (
    QUANTITY_AFTER.test(after) || RATIO_BEFORE.test(text.slice(Math.max(0, start - 12), start))
  );
}

export function numericCandidates(text: string, ctx: MailContext): Candidate[] {
  const out: Candidate[] = [];
  scan(
    NUM_DATE,
    text,
    (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (/[\d/.]/.test(text.charAt(start - 1)) || /[\d/]/.test(text.charAt(end))) return null;
      const yearGiven = m[1] !== undefined || m[7] !== undefined;
      if (!yearGiven && looksLikeFraction(text, start, end)) return null;
      const year = m[1] !== undefined ? Number(m[1]) : m[7] !== undefined ? fullYear(m[7]) : null;
      const month = Number(m[3] ?? m[5]);
      const day = Number(m[4] ?? m[6]);
      const date = resolveDate(year, month, day, ctx);
      if (date === null) return null;
      return candidate(start, end, date, {
        absolute: true,
        written: { year: year ?? 0, month, day, yearGiven },
      });
    },
    out,
  );
  return out;
}

export const URGENT =
  /至急|なる早|なるはや|ナルハヤ|早急|緊急|(?<![a-z])(?:asap|urgent(?:ly)?|as soon as possible)(?![a-z])/i;
