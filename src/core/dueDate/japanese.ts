/**
 * Japanese due-date expressions, read on NFKC-normalised text (full-width digits are ASCII, ～
 * and 〜 are `~`). Decisions on phrases people read differently are documented in index.ts.
 */
import { addBusinessDays, nextBusinessDay } from '../businessDays';
import { addDays, addMonths, dateKey, dateParts, daysInMonth } from '../dates';
import {
  endOfFiscalYear,
  endOfMonthAhead,
  endOfWeek,
  endOfYear,
  inferYear,
  partEnd,
  partOfMonth,
  periodEnd,
  reiwaYear,
  resolveDate,
  resolveDayOnly,
  startOfWeek,
  startOfYear,
  upcomingWeekday,
  weekdayInWeek,
} from './calendar';
import { candidate, scan, WEEKDAYS_JA } from './common';
import type { Candidate, MailContext } from './types';

/** 2026年12月5日, 12月5日, 令和8年12月5日, 平成31年4月30日. */
const JA_DATE =
  /(?:(令和|平成)\s?(元|\d{1,2})\s?年\s?|(\d{4})\s?年\s?)?(\d{1,2})\s?月\s?(\d{1,2})\s?日/g;
/** 12月末, 12月中, 来月末, 今月中旬, 2026年12月下旬. */
const MONTH_PART =
  /(?:(\d{4})\s?年\s?|令和\s?(元|\d{1,2})\s?年\s?)?(今月|来月|翌月|再来月|(\d{1,2})\s?月)\s?(末日?|上旬|初旬|中旬|下旬|中|内|いっぱい)/g;
/** 月末, 月内 and 末日 alone: this month. */
const MONTH_END_BARE = /(?<![\d今来翌年月])月(?:末|内)|(?<![\d月])末日/g;
/** 来月5日, 今月20日. */
const MONTH_DAY_REL = /(今月|来月|翌月|再来月)\s?(\d{1,2})\s?日/g;
/** 5日まで (a day of this or next month; kept only with a deadline word). */
const DAY_ONLY = /(?<![\d月/.])(\d{1,2})\s?日(?!\s?(?:間|以内|後|前|程度|ほど|分|付|目))/g;
const REL_DAY = /(本日|今日|明後日|あさって|明日|あした|翌々営業日|翌営業日)(中)?/g;
const WEEK =
  /(今週|来週|翌週|再来週)\s?(?:の\s?)?(?:([月火水木金土日])曜日?|(中|内|いっぱい|末|頭|初め|早々|明け))?/g;
const WEEK_BARE = /週明け?|(?<![今来翌週])週末/g;
const WEEKDAY_BARE = /(?<![週毎])([月火水木金土日])曜(?:日)?/g;
const YEAR =
  /(?:今年|本年)(?:中|内|末)|(?<![\d来昨毎])年(?:内|末(?!年始))|(今|本|来)?年度(?:内|中|末)|年明け|(?<!年末)年始/g;
const OFFSET =
  /(?<![\d月/.])(\d{1,3}|[一二三四五六七八九十]{1,3})\s?(営業日|日|週間|か月|ヶ月|カ月|ケ月|ヵ月|箇月)\s?(以内|内|後|程度|ほど|を?目[処途]|めど|まで|中|で)/g;

const KANJI_DIGITS = '〇一二三四五六七八九';

/** 3, 三, 十, 十五, 二十 → number (up to 99); NaN otherwise. */
export function kanjiNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? KANJI_DIGITS.indexOf(text) : Number.NaN;
  const tens = ten === 0 ? 1 : KANJI_DIGITS.indexOf(text.slice(0, ten));
  const rest = text.slice(ten + 1);
  const ones = rest === '' ? 0 : KANJI_DIGITS.indexOf(rest);
  return tens < 0 || ones < 0 || rest.length > 1 ? Number.NaN : tens * 10 + ones;
}

function monthsAheadOf(word: string): number {
  return word === '今月' ? 0 : word === '再来月' ? 2 : 1;
}

function weeksAheadOf(word: string): number {
  return word === '今週' ? 0 : word === '再来週' ? 2 : 1;
}

export function japaneseCandidates(text: string, ctx: MailContext): Candidate[] {
  const out: Candidate[] = [];
  const span = (m: RegExpExecArray): [number, number] => [m.index, m.index + m[0].length];

  scan(
    JA_DATE,
    text,
    (m) => {
      const [start, end] = span(m);
      if (/\d/.test(text.charAt(start - 1))) return null;
      let year: number | null = null;
      if (m[1] !== undefined && m[2] !== undefined) {
        year = m[1] === '令和' ? reiwaYear(m[2]) : 1988 + (m[2] === '元' ? 1 : Number(m[2]));
      } else if (m[3] !== undefined) year = Number(m[3]);
      const month = Number(m[4]);
      const day = Number(m[5]);
      const date = resolveDate(year, month, day, ctx);
      if (date === null) return null;
      return candidate(start, end, date, {
        absolute: true,
        written: { year: year ?? 0, month, day, yearGiven: year !== null },
      });
    },
    out,
  );

  scan(
    MONTH_PART,
    text,
    (m) => {
      const [start, end] = span(m);
      if (/\d/.test(text.charAt(start - 1))) return null;
      const part = m[5] ?? '';
      const kind =
        part === '上旬' || part === '初旬' ? 'early' : part === '中旬' ? 'mid' : ('end' as const);
      const tied = part === '中' || part === '内' || part === 'いっぱい';
      let year: number;
      let month: number;
      if (m[4] !== undefined) {
        month = Number(m[4]);
        if (month < 1 || month > 12) return null;
        const given = m[1] ?? (m[2] !== undefined ? String(reiwaYear(m[2])) : undefined);
        const inferred = inferYear(month, 28, ctx);
        if (given === undefined && inferred === null) return null;
        year = given !== undefined ? Number(given) : dateParts(inferred!).year;
        if (year < 1000 || year > 9998) return null;
        return candidate(start, end, partOfMonth(year, month, kind), { tied, absolute: true });
      }
      const first = dateParts(addMonths(ctx.mail, monthsAheadOf(m[3] ?? '')));
      year = first.year;
      month = first.month;
      const date =
        kind === 'end'
          ? endOfMonthAhead(ctx, monthsAheadOf(m[3] ?? ''))
          : periodEnd(partEnd(year, month, kind), ctx);
      return candidate(start, end, date, { tied });
    },
    out,
  );

  scan(
    MONTH_END_BARE,
    text,
    (m) => {
      const [start, end] = span(m);
      return candidate(start, end, endOfMonthAhead(ctx, 0), { tied: m[0] === '月内' });
    },
    out,
  );

  scan(
    MONTH_DAY_REL,
    text,
    (m) => {
      const [start, end] = span(m);
      const { year, month } = dateParts(addMonths(ctx.mail, monthsAheadOf(m[1] ?? '')));
      const day = Number(m[2]);
      if (day < 1 || day > daysInMonth(year, month)) return null;
      return candidate(start, end, dateKey(year, month, day), {
        absolute: true,
        written: { year, month, day, yearGiven: true },
      });
    },
    out,
  );

  scan(
    DAY_ONLY,
    text,
    (m) => {
      const [start, end] = span(m);
      const day = Number(m[1]);
      const date = resolveDayOnly(day, ctx);
      if (date === null) return null;
      const { year, month } = dateParts(date);
      return candidate(start, end, date, {
        needsAnchor: true,
        absolute: true,
        written: { year, month, day, yearGiven: false },
        dayOnly: true,
      });
    },
    out,
  );

  scan(
    REL_DAY,
    text,
    (m) => {
      const [start, end] = span(m);
      const word = m[1] ?? '';
      const tied = m[2] !== undefined;
      if (word === '翌営業日') return candidate(start, end, nextBusinessDay(ctx.mail), { tied });
      if (word === '翌々営業日')
        return candidate(start, end, addBusinessDays(ctx.mail, 2), { tied });
      const offset =
        word === '本日' || word === '今日' ? 0 : word === '明日' || word === 'あした' ? 1 : 2;
      return candidate(start, end, addDays(ctx.mail, offset), { tied, needsAnchor: !tied });
    },
    out,
  );

  scan(
    WEEK,
    text,
    (m) => {
      const [start, end] = span(m);
      const ahead = weeksAheadOf(m[1] ?? '');
      if (m[2] !== undefined) {
        const wd = WEEKDAYS_JA.indexOf(m[2]);
        return candidate(start, end, weekdayInWeek(ctx.mail, ahead, wd));
      }
      const part = m[3];
      if (part === undefined) {
        // 「来週までに」: read as the start of that week (今週まで: the end of this week).
        if (ahead === 0) return candidate(start, end, endOfWeek(ctx, 0), { needsAnchor: true });
        return candidate(start, end, startOfWeek(ctx, ahead), {
          needsAnchor: true,
          flags: ['ambiguous'],
        });
      }
      if (part === '頭' || part === '初め' || part === '早々' || part === '明け') {
        return candidate(start, end, startOfWeek(ctx, ahead));
      }
      const tied = part !== '末';
      return candidate(start, end, endOfWeek(ctx, ahead), { tied });
    },
    out,
  );

  scan(
    WEEK_BARE,
    text,
    (m) => {
      const [start, end] = span(m);
      if (m[0] === '週末') return candidate(start, end, endOfWeek(ctx, 0));
      return candidate(start, end, startOfWeek(ctx, 1));
    },
    out,
  );

  scan(
    WEEKDAY_BARE,
    text,
    (m) => {
      const [start, end] = span(m);
      const wd = WEEKDAYS_JA.indexOf(m[1] ?? '');
      return candidate(start, end, upcomingWeekday(ctx.mail, wd), { needsAnchor: true });
    },
    out,
  );

  scan(
    YEAR,
    text,
    (m) => {
      const [start, end] = span(m);
      const word = m[0];
      if (word === '年明け' || word === '年始') return candidate(start, end, startOfYear(ctx));
      const tied = word.endsWith('内') || word.endsWith('中');
      if (word.includes('年度')) {
        return candidate(start, end, endOfFiscalYear(ctx, m[1] === '来' ? 1 : 0), { tied });
      }
      return candidate(start, end, endOfYear(ctx), { tied });
    },
    out,
  );

  scan(
    OFFSET,
    text,
    (m) => {
      const [start, end] = span(m);
      const n = kanjiNumber(m[1] ?? '');
      const unit = m[2] ?? '';
      const suffix = m[3] ?? '';
      if (!Number.isInteger(n) || n < 1 || n > 366) return null;
      if (unit !== '営業日' && (suffix === 'まで' || suffix === '中' || suffix === 'で')) {
        return null;
      }
      const date =
        unit === '営業日'
          ? addBusinessDays(ctx.mail, n)
          : unit === '日'
            ? addDays(ctx.mail, n)
            : unit === '週間'
              ? addDays(ctx.mail, 7 * n)
              : addMonths(ctx.mail, n);
      return candidate(start, end, date, { tied: suffix !== '後' && suffix !== 'で' });
    },
    out,
  );

  return out;
}
