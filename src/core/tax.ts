/**
 * Consumption tax (消費税) on a qualified invoice (適格請求書).
 *
 * Tax is computed once per invoice per rate, never per line (消費税法施行令70条の10;
 * インボイス通達3-12), with the issuer's rounding method:
 * - tax-exclusive: tax = R(Σ base × r / 100)
 * - tax-inclusive: tax = R(Σ total × r / (100 + r))
 *
 * Rates: 10 (standard), 8 (reduced, 軽減税率: food and drink other than alcohol and eating in;
 * subscribed newspapers), 0 (免税, e.g. exports), and 'exempt' (非課税 / 不課税: no tax at all).
 */
import { assertYen, divideRounded, type RoundingMethod } from './money';
import { toHalfWidth } from './normalize';
import { type Text, text } from './text';

export type TaxRate = 10 | 8 | 0 | 'exempt';
export type TaxMode = 'exclusive' | 'inclusive';

/** The order rates appear in summaries and on invoices. */
export const TAX_RATES: readonly TaxRate[] = [10, 8, 0, 'exempt'];

export type TaxRateParse =
  | { ok: true; rate: TaxRate }
  | { ok: false; reason: 'empty' | 'unknown' | 'unsupported' | 'conflict'; message: Text };

const RATE_MESSAGES = {
  empty: text('税率が入力されていません', 'No tax rate entered'),
  unknown: text(
    '税率として読み取れません（10%、8%、軽減、0%、非課税 のいずれか）',
    'Not a tax rate (10%, 8%, reduced, 0% or exempt)',
  ),
  unsupported: text(
    '対応している税率は 10%、8%（軽減）、0%、非課税 です',
    'Supported rates are 10%, 8% (reduced), 0% and exempt',
  ),
  conflict: text(
    '税率の数字と種類が一致しません（軽減税率は8%、標準税率は10%）',
    'The rate and its kind disagree (reduced is 8%, standard is 10%)',
  ),
} as const;

function rateFail(reason: keyof typeof RATE_MESSAGES): TaxRateParse {
  return { ok: false, reason, message: RATE_MESSAGES[reason] };
}

const KEYWORDS: ReadonlyArray<readonly [string, TaxRate]> = [
  // Longest first: each match is removed before the next is tried.
  ['課税対象外', 'exempt'],
  ['非課税', 'exempt'],
  ['不課税', 'exempt'],
  ['対象外', 'exempt'],
  ['non-taxable', 'exempt'],
  ['nontaxable', 'exempt'],
  ['tax-exempt', 'exempt'],
  ['exempt', 'exempt'],
  ['輸出免税', 0],
  ['免税', 0],
  ['zero-rated', 0],
  ['軽減税率', 8],
  ['軽減', 8],
  ['reduced', 8],
  ['※', 8],
  ['標準税率', 10],
  ['標準', 10],
  ['standard', 10],
];
// Words that may surround a rate without changing it: 消費税10%, 税率 8%, (軽減), VAT 10%.
const FILLER = /消費税|税率|税|対象|率|tax|rate|vat|[()[\]/・:：、,]/g;

/**
 * Reads a tax rate from a cell: numbers `10`, `8`, `0`, `0.1`, `0.08` (a cell formatted as
 * percent holds 0.1), and text `10%`, `８％`, `8%(軽減)`, `※8%`, `軽減`, `標準`, `0%`, `免税`,
 * `非課税`, `不課税`, `対象外`, `exempt`, `reduced`… Other rates (5%, 3%) are `unsupported`.
 */
export function parseTaxRate(cell: unknown): TaxRateParse {
  if (cell === null || cell === undefined) return rateFail('empty');
  if (typeof cell === 'number') return rateFromNumber(cell, false);
  if (typeof cell !== 'string') return rateFail('unknown');

  let s = toHalfWidth(cell).toLowerCase().replace(/\s/g, '');
  if (s === '') return rateFail('empty');

  let kind: TaxRate | undefined;
  for (const [word, rate] of KEYWORDS) {
    if (!s.includes(word)) continue;
    if (kind !== undefined && kind !== rate) return rateFail('conflict');
    kind = rate;
    s = s.split(word).join('');
  }
  const numbers = s.match(/\d+(?:\.\d+)?%?/g) ?? [];
  const rest = s.replace(/\d+(?:\.\d+)?%?/g, '').replace(FILLER, '');
  if (rest !== '' || numbers.length > 1) return rateFail('unknown');

  const numberText = numbers[0];
  if (numberText === undefined)
    return kind === undefined ? rateFail('unknown') : { ok: true, rate: kind };
  const percent = numberText.endsWith('%');
  const parsed = rateFromNumber(Number(numberText.replace('%', '')), percent);
  if (!parsed.ok || kind === undefined) return parsed;
  // 非課税 written with 0%: the word says more than the number.
  if (kind === 'exempt' && parsed.rate === 0) return { ok: true, rate: 'exempt' };
  return parsed.rate === kind ? parsed : rateFail('conflict');
}

function rateFromNumber(n: number, percent: boolean): TaxRateParse {
  if (!Number.isFinite(n) || n < 0) return rateFail('unsupported');
  // Without a % sign a value below 1 is a fraction (0.1 = 10%). Compare in hundredths of a percent.
  const pct = percent || n >= 1 ? n : n * 100;
  const hundredths = Math.round(pct * 100);
  if (Math.abs(pct * 100 - hundredths) > 1e-6) return rateFail('unsupported');
  if (hundredths === 1000) return { ok: true, rate: 10 };
  if (hundredths === 800) return { ok: true, rate: 8 };
  if (hundredths === 0) return { ok: true, rate: 0 };
  return rateFail('unsupported');
}

/** `10%`, `8%`, `0%`, `非課税`. */
export function formatTaxRate(rate: TaxRate): string {
  return rate === 'exempt' ? '非課税' : `${rate}%`;
}

/** Reduced-rate items are marked on a qualified invoice, with a legend: ※は軽減税率対象. */
export function isReducedRate(rate: TaxRate): boolean {
  return rate === 8;
}
export const REDUCED_RATE_MARK = '※';
export const REDUCED_RATE_LEGEND = text(
  `${REDUCED_RATE_MARK}は軽減税率対象`,
  `Items marked ${REDUCED_RATE_MARK} are subject to the reduced tax rate (8%)`,
);

export interface TaxLine {
  /** The line amount in whole yen (quantity × unit price, already rounded by the caller); may be negative. */
  amount: number;
  rate: TaxRate;
  /** Whether `amount` includes tax; defaults to the invoice's mode. */
  taxMode?: TaxMode;
}

export interface SummaryOptions {
  rounding: RoundingMethod;
  /** The invoice's mode: the default for lines and the mode of a rate group whose lines disagree. Default exclusive. */
  taxMode?: TaxMode;
}

export interface RateTotal {
  rate: TaxRate;
  /** How this group's total is stated on the invoice (税抜 or 税込). */
  mode: TaxMode;
  /** Amount excluding tax (税抜価額). */
  base: number;
  /** Consumption tax for the rate, rounded once. */
  tax: number;
  /** Amount including tax (税込価額); always base + tax. */
  total: number;
  lineCount: number;
  /** True when lines written in the other mode were converted (a mixed group). */
  converted: boolean;
}

export interface TaxSummary {
  byRate: RateTotal[];
  base: number;
  tax: number;
  total: number;
}

/**
 * Totals per rate and for the invoice, the tax rounded once per rate.
 *
 * Lines may be written tax-exclusive or tax-inclusive. Per rate group:
 * - all lines in one mode: the group is stated in that mode and the formula above applies;
 * - mixed: the group is stated in the invoice's mode. The sum of the other-mode lines is converted
 *   once, the way it would be split or grossed up alone (inclusive → base: I − R(I × r/(100+r));
 *   exclusive → total: E + R(E × r/100)), then the group's tax is computed once from the group's
 *   total in its mode. `converted` is set so the caller can warn: the converted amount may differ
 *   by a yen from the figures written on the lines.
 * Rates 0 and 'exempt' carry no tax: base = total = the sum of their lines.
 */
export function summarizeByRate(lines: readonly TaxLine[], options: SummaryOptions): TaxSummary {
  const invoiceMode = options.taxMode ?? 'exclusive';
  const groups = new Map<
    TaxRate,
    { exclusive: number; inclusive: number; ex: number; inc: number }
  >();
  for (const line of lines) {
    assertYen(line.amount, 'summarizeByRate');
    if (!TAX_RATES.includes(line.rate))
      throw new RangeError(`summarizeByRate: unknown rate ${line.rate}`);
    const g = groups.get(line.rate) ?? { exclusive: 0, inclusive: 0, ex: 0, inc: 0 };
    if ((line.taxMode ?? invoiceMode) === 'inclusive') {
      g.inclusive += line.amount;
      g.inc += 1;
    } else {
      g.exclusive += line.amount;
      g.ex += 1;
    }
    groups.set(line.rate, g);
  }

  const byRate: RateTotal[] = [];
  for (const rate of TAX_RATES) {
    const g = groups.get(rate);
    if (!g) continue;
    assertYen(g.exclusive + g.inclusive, 'summarizeByRate (sum)');
    const lineCount = g.ex + g.inc;
    const mode: TaxMode = g.inc === 0 ? 'exclusive' : g.ex === 0 ? 'inclusive' : invoiceMode;
    const converted = g.ex > 0 && g.inc > 0;
    if (rate === 0 || rate === 'exempt') {
      const sum = g.exclusive + g.inclusive;
      byRate.push({ rate, mode, base: sum, tax: 0, total: sum, lineCount, converted: false });
      continue;
    }
    const r = rate;
    const R = (n: number, d: number) => divideRounded(n, d, options.rounding);
    if (mode === 'exclusive') {
      const base = g.exclusive + (g.inclusive - R(g.inclusive * r, 100 + r));
      const tax = R(base * r, 100);
      byRate.push({ rate, mode, base, tax, total: base + tax, lineCount, converted });
    } else {
      const total = g.inclusive + (g.exclusive + R(g.exclusive * r, 100));
      const tax = R(total * r, 100 + r);
      byRate.push({ rate, mode, base: total - tax, tax, total, lineCount, converted });
    }
  }

  const sum = (pick: (t: RateTotal) => number) => byRate.reduce((acc, t) => acc + pick(t), 0);
  return { byRate, base: sum((t) => t.base), tax: sum((t) => t.tax), total: sum((t) => t.total) };
}
