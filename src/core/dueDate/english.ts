/**
 * English due-date expressions: `by Friday`, `next Tuesday`, `Dec 5`, `December 5th`, `5 Dec`,
 * `by EOD`, `by tomorrow`, `end of (the) month`, `by the end of next week`,
 * `within 3 business days`, `in two weeks`. Numeric dates (`12/5`, US order) are in common.ts.
 */

import { addBusinessDays, nthBusinessDayOfMonth } from '../businessDays';
import { monthFromName } from '../calendarNames';
import { addDays, addMonths, dateKey, dateParts } from '../dates';
import {
  endOfMonthAhead,
  endOfWeek,
  endOfYear,
  fullYear,
  inferYear,
  partOfMonth,
  periodEnd,
  resolveDate,
  startOfWeek,
  upcomingWeekday,
  weekdayInWeek,
} from './calendar';
import { candidate, scan, weekdayIndex } from './common';
import type { Candidate, MailContext } from './types';

const MONTH_NAMES =
  'january|february|march|april|may|june|july|august|september|october|november|december|' +
  'jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const WEEKDAY_NAMES =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|' +
  'mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun';

/** `Dec 5`, `December 5th, 2026`, `Friday, December 5`. */
const MONTH_DAY = new RegExp(
  `(?:(${WEEKDAY_NAMES})\\.?,?\\s{1,3})?(${MONTH_NAMES})(?![a-z])\\.?\\s{0,2}(\\d{1,2})` +
    `(?:st|nd|rd|th)?(?![\\d:a-z])(?:,?\\s{1,2}(\\d{4})(?!\\d))?`,
  'gi',
);
/** `5 Dec`, `5th December`, `the 5th of December 2026`. */
const DAY_MONTH = new RegExp(
  `(?:(${WEEKDAY_NAMES})\\.?,?\\s{1,3})?(?:the\\s)?(\\d{1,2})(?:st|nd|rd|th)?\\s{1,2}(?:of\\s)?` +
    `(${MONTH_NAMES})(?![a-z])\\.?(?:,?\\s{1,2}(\\d{4})(?!\\d))?`,
  'gi',
);
const RELATIVE_DAY = /(?<![a-z])(the day after tomorrow|today|tonight|tomorrow|tmrw)(?![a-z])/gi;
const END_OF_DAY =
  /(?<![a-z])(eod|cob|eob|end of (?:the )?(?:business |working )?day|close of business)(?![a-z])/gi;
const WEEKDAY = new RegExp(
  `(?<![a-z])(?:(this|next|coming|following|on)\\s{1,2})?(${WEEKDAY_NAMES})(?![a-z])`,
  'gi',
);
const PERIOD_END = new RegExp(
  `(?<![a-z])(?:end\\sof\\s(?:the\\s|this\\s)?(next\\s)?(week|month|year)|(eow|eom|eoy)` +
    `|(week|month|year)[-\\s]end|end\\sof\\s(${MONTH_NAMES}))(?![a-z])`,
  'gi',
);
const THIS_NEXT = /(?<![a-z])(early\s)?(this|next)\s(week|month)(?![a-z])/gi;
const WITHIN =
  /(?<![a-z])(within|in)\s{1,2}(?:the\s(?:next\s)?)?(\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\scouple\sof)\s{1,2}(business\s|working\s)?(days?|weeks?|months?)(?![a-z])/gi;

const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

function monthIndex(name: string): number {
  return monthFromName(name);
}

function numberWord(text: string): number {
  const t = text.toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  if (t === 'a' || t === 'an') return 1;
  if (t.startsWith('a couple')) return 2;
  return NUMBER_WORDS.indexOf(t);
}

/** `may` and `mar` in lower case are more often words than months. */
function plausibleMonth(name: string): boolean {
  const lower = name.toLowerCase();
  return !((lower === 'may' || lower === 'mar') && name === lower);
}

/** Abbreviated weekdays count only capitalised (`Fri`, not `sat` or `wed`). */
function plausibleWeekday(name: string): boolean {
  return name.length >= 6 || /^[A-Z]/.test(name);
}

export function englishCandidates(text: string, ctx: MailContext): Candidate[] {
  const out: Candidate[] = [];
  const span = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];
  const letterBefore = (i: number) => /[a-z\d]/i.test(text.charAt(i - 1));

  const monthDay = (
    m: RegExpExecArray,
    wdText: string | undefined,
    monthText: string,
    dayText: string,
    yearText: string | undefined,
  ): Candidate | null => {
    const [start, end] = span(m);
    if (letterBefore(start) || !plausibleMonth(monthText)) return null;
    if (wdText !== undefined && !plausibleWeekday(wdText)) return null;
    const month = monthIndex(monthText);
    const day = Number(dayText);
    const year = yearText !== undefined ? fullYear(yearText) : null;
    const date = resolveDate(year, month, day, ctx);
    if (date === null) return null;
    const c = candidate(start, end, date, {
      absolute: true,
      written: { year: year ?? 0, month, day, yearGiven: year !== null },
    });
    const wd = wdText !== undefined ? weekdayIndex(wdText) : null;
    if (wd !== null) c.writtenWeekday = wd;
    return c;
  };

  scan(MONTH_DAY, text, (m) => monthDay(m, m[1], m[2] ?? '', m[3] ?? '', m[4]), out);
  scan(DAY_MONTH, text, (m) => monthDay(m, m[1], m[3] ?? '', m[2] ?? '', m[4]), out);

  scan(
    RELATIVE_DAY,
    text,
    (m) => {
      const [start, end] = span(m);
      const word = (m[1] ?? '').toLowerCase();
      const offset = word === 'today' || word === 'tonight' ? 0 : word.startsWith('the') ? 2 : 1;
      const c = candidate(start, end, addDays(ctx.mail, offset), { needsAnchor: true });
      if (word === 'tonight') c.vagueTime = m[1];
      return c;
    },
    out,
  );

  scan(
    END_OF_DAY,
    text,
    (m) => {
      const [start, end] = span(m);
      return candidate(start, end, ctx.mail, { tied: true, vagueTime: m[1] });
    },
    out,
  );

  scan(
    WEEKDAY,
    text,
    (m) => {
      const [start, end] = span(m);
      const name = m[2] ?? '';
      if (!plausibleWeekday(name)) return null;
      const wd = weekdayIndex(name);
      if (wd === null) return null;
      const prefix = (m[1] ?? '').toLowerCase();
      if (prefix === 'next' || prefix === 'following') {
        return candidate(start, end, weekdayInWeek(ctx.mail, 1, wd));
      }
      return candidate(start, end, upcomingWeekday(ctx.mail, wd), { needsAnchor: prefix === '' });
    },
    out,
  );

  scan(
    PERIOD_END,
    text,
    (m) => {
      const [start, end] = span(m);
      const ahead = m[1] !== undefined ? 1 : 0;
      const unit = (m[2] ?? m[4] ?? m[3] ?? '').toLowerCase();
      if (m[5] !== undefined) {
        const month = monthIndex(m[5]);
        const inferred = inferYear(month, 28, ctx);
        if (inferred === null) return null;
        return candidate(start, end, partOfMonth(dateParts(inferred).year, month, 'end'), {
          absolute: true,
        });
      }
      if (unit === 'week' || unit === 'eow') return candidate(start, end, endOfWeek(ctx, ahead));
      if (unit === 'month' || unit === 'eom') {
        return candidate(start, end, endOfMonthAhead(ctx, ahead));
      }
      if (ahead === 0) return candidate(start, end, endOfYear(ctx));
      const year = dateParts(ctx.mail).year + 1;
      return candidate(start, end, periodEnd(dateKey(year, 12, 31), ctx));
    },
    out,
  );

  scan(
    THIS_NEXT,
    text,
    (m) => {
      const [start, end] = span(m);
      const early = m[1] !== undefined;
      const next = (m[2] ?? '').toLowerCase() === 'next';
      const unit = (m[3] ?? '').toLowerCase();
      if (unit === 'week') {
        if (!next) return candidate(start, end, endOfWeek(ctx, 0), { needsAnchor: !early });
        if (early) return candidate(start, end, startOfWeek(ctx, 1));
        // "by next week": read as the start of next week.
        return candidate(start, end, startOfWeek(ctx, 1), {
          needsAnchor: true,
          flags: ['ambiguous'],
        });
      }
      if (!next) return candidate(start, end, endOfMonthAhead(ctx, 0), { needsAnchor: true });
      const { year, month } = dateParts(addMonths(ctx.mail, 1));
      const first = nthBusinessDayOfMonth(year, month, 1) ?? dateKey(year, month, 1);
      return candidate(start, end, first, {
        needsAnchor: !early,
        flags: early ? [] : ['ambiguous'],
      });
    },
    out,
  );

  scan(
    WITHIN,
    text,
    (m) => {
      const [start, end] = span(m);
      const n = numberWord(m[2] ?? '');
      if (!Number.isInteger(n) || n < 1 || n > 366) return null;
      const unit = (m[4] ?? '').toLowerCase();
      const business = m[3] !== undefined;
      const date = unit.startsWith('day')
        ? business
          ? addBusinessDays(ctx.mail, n)
          : addDays(ctx.mail, n)
        : unit.startsWith('week')
          ? addDays(ctx.mail, 7 * n)
          : addMonths(ctx.mail, n);
      return candidate(start, end, date, { tied: (m[1] ?? '').toLowerCase() === 'within' });
    },
    out,
  );

  return out;
}
