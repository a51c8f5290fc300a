/**
 * The figures of one invoice from its lines: tax once per rate (core/tax.ts), withholding, the
 * amount billed. Pure and free of Apps Script, so the 請求書 sidebar imports it to recompute an
 * invoice when the owner unticks lines, by the same rules as issuing.
 */
import type { RoundingMethod } from '../money';
import { summarizeByRate, type TaxMode, type TaxRate, type TaxSummary } from '../tax';
import { withholdingTax } from '../withholding';

/** What the figures need of a line (a `SaleLine`, or a line of the sidebar's preview). */
export interface AmountLine {
  /** Whole yen, in the line's tax mode. */
  readonly amount: number;
  readonly taxRate: TaxRate;
  readonly taxMode: TaxMode;
}

export interface AmountRules {
  /** The issuer's tax rounding (SettingsForm.rounding). */
  readonly rounding: RoundingMethod;
  /** How a rate group mixing 税込 and 税抜 lines is stated. Default 'exclusive'. */
  readonly taxMode?: TaxMode;
  /** The client withholds income tax from the fee. */
  readonly withholds: boolean;
  /** The withholding base: the fee without tax (default) or with it. */
  readonly withholdingBase?: 'excludingTax' | 'includingTax';
}

/** The figures the 請求書 sheet records for an invoice. */
export interface InvoiceFigures {
  readonly base10: number;
  readonly tax10: number;
  readonly base8: number;
  readonly tax8: number;
  /** 0% and 非課税 lines together. */
  readonly base0: number;
  /** Total including tax. */
  readonly total: number;
  readonly withholding: number;
  readonly billed: number;
}

export interface InvoiceAmounts {
  readonly summary: TaxSummary;
  /** The amount withholding is computed on (0 when the client does not withhold). */
  readonly withholdingBase: number;
  readonly withholding: number;
  /** What the client pays: total − withholding. */
  readonly billed: number;
  readonly figures: InvoiceFigures;
}

export function invoiceAmounts(lines: readonly AmountLine[], rules: AmountRules): InvoiceAmounts {
  const summary = summarizeByRate(
    lines.map((l) => ({ amount: l.amount, rate: l.taxRate, taxMode: l.taxMode })),
    { rounding: rules.rounding, taxMode: rules.taxMode ?? 'exclusive' },
  );
  let withholdingBase = 0;
  let withholding = 0;
  if (rules.withholds) {
    const base = rules.withholdingBase === 'includingTax' ? summary.total : summary.base;
    withholdingBase = Math.max(0, base);
    withholding = withholdingTax(withholdingBase);
  }
  const billed = summary.total - withholding;
  const rate = (r: 10 | 8) => summary.byRate.find((t) => t.rate === r);
  const figures: InvoiceFigures = {
    base10: rate(10)?.base ?? 0,
    tax10: rate(10)?.tax ?? 0,
    base8: rate(8)?.base ?? 0,
    tax8: rate(8)?.tax ?? 0,
    base0: summary.byRate
      .filter((t) => t.rate === 0 || t.rate === 'exempt')
      .reduce((acc, t) => acc + t.total, 0),
    total: summary.total,
    withholding,
    billed,
  };
  return { summary, withholdingBase, withholding, billed, figures };
}
