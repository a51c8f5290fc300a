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
import { fullYear, resolveDate } from './calendar';
import type { Candidate, MailContext } from './types';

export function candidate(
  start: number,
  end: number,
  date: DateKey,
  extra: Partial<Candidate> = {},
): Candidate {
  return {
    start,
    end,
    date,
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
