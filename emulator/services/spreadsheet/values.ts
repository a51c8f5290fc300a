import { fromWallClock, isCalendarDate } from './time';

/**
 * What a cell holds, as `Range.getValues()` returns it: `''` for an empty cell, a number, a
 * boolean, a string, or a `Date`.
 */
export type CellValue = string | number | boolean | Date;

/** The number format of a cell nobody formatted, as `Range.getNumberFormat()` reports it. */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
/** The plain-text number format: strings written to such a cell are kept as typed. */
export const PLAIN_TEXT_FORMAT = '@';

export interface WriteContext {
  readonly timeZone: string;
  readonly locale: string;
}

/** One value ready to store. */
export interface CellInput {
  readonly value: CellValue;
  /** The formula text (`=SUM(A1:A3)`), or `''`. */
  readonly formula: string;
  /** A number format Sheets applies by itself when the cell has none (`10%` → `0%`). */
  readonly autoFormat?: string;
}

const EMPTY: CellInput = { value: '', formula: '' };

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** `123`, `-5`, `+1.5`, `1,234`, `1,234.5`, `.5`, `1e3`: half-width only, grouping by threes. */
const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** Only strings starting like this can be anything but text (a cheap first test). */
const MAY_CONVERT = /^\s*[0-9+\-.tTfF]/;
const ISO_DATE = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const JA_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseNumber(text: string): number | undefined {
  if (!NUMBER.test(text) || !/\d/.test(text)) return undefined;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

const dateCache = new Map<string, number | null>();

function parseDate(text: string, ctx: WriteContext): Date | undefined {
  const key = `${ctx.timeZone}|${ctx.locale}|${text}`;
  let ms = dateCache.get(key);
  if (ms === undefined) {
    ms = parseDateUncached(text, ctx);
    if (dateCache.size > 10_000) dateCache.clear();
    dateCache.set(key, ms);
  }
  return ms === null ? undefined : new Date(ms);
}

function parseDateUncached(text: string, ctx: WriteContext): number | null {
  let y: number;
  let mo: number;
  let d: number;
  let h = 0;
  let mi = 0;
  let s = 0;
  const iso = ISO_DATE.exec(text);
  const ja = iso ? null : JA_DATE.exec(text);
  const us = iso || ja || !ctx.locale.startsWith('en_US') ? null : US_DATE.exec(text);
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined) [h, mi, s] = [Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)];
  } else if (ja) {
    [y, mo, d] = [Number(ja[1]), Number(ja[2]), Number(ja[3])];
  } else if (us) {
    [mo, d, y] = [Number(us[1]), Number(us[2]), Number(us[3])];
    if (us[4] !== undefined) [h, mi, s] = [Number(us[4]), Number(us[5]), Number(us[6] ?? 0)];
  } else {
    return null;
  }
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  return fromWallClock(ctx.timeZone, y, mo, d, h, mi, s);
}

/**
 * Coerces one value written by `setValue(s)`/`appendRow` the way Sheets reads a user's entry:
 *
 * - `null`/`undefined` → `''` (the cell is cleared); numbers, booleans and `Date`s are kept
 *   (a `Date` keeps its instant).
 * - Strings: a leading apostrophe keeps the rest as text (the apostrophe is not stored); `=…` is a
 *   formula; `TRUE`/`FALSE` (any case) are booleans; `123`, `-5`, `1,234`, `1.5e3` are numbers
 *   (exact; `1,234` also gets `#,##0`); `10%` is 0.1 (formatted `0%`, or `0.00%` with decimals);
 *   `2026/11/24`, `2026-11-24`, `2026年11月24日` and `2026/11/24 9:30` are Dates read as wall-clock
 *   time in the spreadsheet's time zone (plus `11/24/2026` in en_US). Full-width digits, times
 *   alone, currency signs and every other text stay text, as typed (not trimmed).
 * - In a cell formatted `@` (plain text) a string is stored as is, formulas included.
 * - Anything else is stored as its `String()`.
 */
export function coerceInput(input: unknown, plainText: boolean, ctx: WriteContext): CellInput {
  if (input === null || input === undefined) return EMPTY;
  if (typeof input === 'number')
    return { value: Number.isFinite(input) ? input : String(input), formula: '' };
  if (typeof input === 'boolean') return { value: input, formula: '' };
  if (isDate(input)) {
    const ms = input.getTime();
    return { value: Number.isNaN(ms) ? String(input) : new Date(ms), formula: '' };
  }
  if (typeof input !== 'string') return { value: String(input), formula: '' };
  if (input === '') return EMPTY;
  if (plainText) return { value: input, formula: '' };
  if (input.startsWith("'")) return { value: input.slice(1), formula: '' };
  if (input.startsWith('=') && input.length > 1) {
    return { value: evaluateFormula(input), formula: input };
  }
  if (!MAY_CONVERT.test(input)) return { value: input, formula: '' };
  const text = input.trim();
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { value: upper === 'TRUE', formula: '' };
  const n = parseNumber(text);
  if (n !== undefined) {
    return GROUPED.test(text)
      ? { value: n, formula: '', autoFormat: '#,##0' }
      : { value: n, formula: '' };
  }
  if (text.endsWith('%')) {
    const p = parseNumber(text.slice(0, -1).trim());
    if (p !== undefined) {
      const value = Number((p / 100).toPrecision(15));
      return { value, formula: '', autoFormat: text.includes('.') ? '0.00%' : '0%' };
    }
  }
  const date = parseDate(text, ctx);
  if (date) return { value: date, formula: '' };
  return { value: input, formula: '' };
}

const STRING_LITERAL = /^"((?:[^"]|"")*)"$/;
const HYPERLINK = /^HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:[,;]\s*"((?:[^"]|"")*)"\s*)?\)$/i;

/**
 * The value of a formula cell. The emulator has no calculation engine: it evaluates only
 * constants (`="text"`, `=42`, `=TRUE`) and `=HYPERLINK("url", "label")` (→ the label, or the
 * url). Every other formula's value is `''`; the formula text itself is kept for `getFormula(s)`.
 */
export function evaluateFormula(formula: string): CellValue {
  const body = formula.slice(1).trim();
  let m = STRING_LITERAL.exec(body);
  if (m) return (m[1] ?? '').replace(/""/g, '"');
  const n = parseNumber(body);
  if (n !== undefined && !body.includes(',')) return n;
  const upper = body.toUpperCase();
  if (upper === 'TRUE' || upper === 'TRUE()') return true;
  if (upper === 'FALSE' || upper === 'FALSE()') return false;
  m = HYPERLINK.exec(body);
  if (m) return (m[2] ?? m[1] ?? '').replace(/""/g, '"');
  return '';
}

/** A copy safe to hand out (Dates are mutable). */
export function copyValue(v: CellValue): CellValue {
  return v instanceof Date ? new Date(v.getTime()) : v;
}
