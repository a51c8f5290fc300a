/**
 * Dates as receipts write them, on normalised text (see `receiptLines`): 2026/11/28,
 * 2026-11-28, 2026.11.28, 2026年11月28日, 令和8年11月28日, 令和元年5月1日, R8.11.28, R8/11/28,
 * 平成31年4月30日, and in English Nov 28, 2026, November 28th, 2026, 28 Nov 2026.
 * Two-digit years and dates without a year are not read: they need a guess.
 */
import { type DateKey, dateKey } from '../../dates';

export interface DateMention {
  readonly date: DateKey;
  readonly start: number;
  readonly end: number;
}

// First years of the eras a receipt kept for seven years may carry.
const ERA_START: Readonly<Record<string, number>> = { 令和: 2019, r: 2019, 平成: 1989, h: 1989 };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

const PATTERNS: ReadonlyArray<{
  readonly re: RegExp;
  readonly parts: (m: RegExpExecArray) => [number, number, number] | null;
}> = [
  {
    re: /(?<![\d.])(\d{4}) ?[/.\-年] ?(\d{1,2}) ?[/.\-月] ?(\d{1,2})(?!\d) ?日?/g,
    parts: (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
  },
  {
    re: /(?<![a-z])(令和|平成|r|h) ?(元|\d{1,2}) ?[年./-] ?(\d{1,2}) ?[月./-] ?(\d{1,2})(?!\d) ?日?/gi,
    parts: (m) => {
      const start = ERA_START[m[1]!.toLowerCase()];
      if (start === undefined) return null;
      const n = m[2] === '元' ? 1 : Number(m[2]);
      return n < 1 ? null : [start + n - 1, Number(m[3]), Number(m[4])];
    },
  },
  {
    re: new RegExp(`(?<![a-z])${MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})(?!\\d)`, 'gi'),
    parts: (m) => [Number(m[3]), monthIndex(m[1]!), Number(m[2])],
  },
  {
    re: new RegExp(`(?<![\\d])(\\d{1,2}) ${MONTH},? (\\d{4})(?!\\d)`, 'gi'),
    parts: (m) => [Number(m[3]), monthIndex(m[2]!), Number(m[1])],
  },
];

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** Every real date written in `line`, in order. */
export function dateMentions(line: string): DateMention[] {
  const found: DateMention[] = [];
  for (const { re, parts } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      const p = parts(m);
      const date = p && safeDateKey(...p);
      const start = m.index;
      const end = start + m[0].length;
      if (date && !found.some((f) => f.start < end && start < f.end))
        found.push({ date, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function safeDateKey(year: number, month: number, day: number): DateKey | null {
  try {
    return dateKey(year, month, day);
  } catch {
    return null;
  }
}

/** The date a whole cell holds in one of the forms above (`R8.11.28`), or null. */
export function wholeDate(cell: string): DateKey | null {
  const s = cell.normalize('NFKC').trim();
  const found = dateMentions(s);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === s.length
    ? found[0]!.date
    : null;
}
