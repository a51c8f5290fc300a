/**
 * 源泉徴収 on fees paid to individuals (所得税法204条1項; 復興特別所得税 included, hence 10.21% / 20.42%;
 * 国税庁 タックスアンサー No.2795):
 * - up to 1,000,000 yen: floor(X × 1021 / 10000)
 * - above:               floor((X − 1,000,000) × 2042 / 10000) + 102,100
 * Truncated below one yen, computed in integers.
 *
 * When the invoice shows the fee and the consumption tax separately, the base may be the fee
 * without tax (平成元年直法6-1); otherwise it is the amount including tax.
 * Amount billed = total including tax − withholding.
 */
import { assertYen, divideRounded, formatYen, type RoundingMethod } from './money';
import { type Text, text } from './text';

const THRESHOLD = 1_000_000;
const TAX_AT_THRESHOLD = 102_100;

/** The withholding on a fee of `base` yen (the base as chosen per the rule above). */
export function withholdingTax(base: number): number {
  assertYen(base, 'withholdingTax');
  if (base < 0) throw new RangeError(`withholdingTax: negative base ${base}`);
  if (base <= THRESHOLD) return Math.floor((base * 1021) / 10000);
  return Math.floor(((base - THRESHOLD) * 2042) / 10000) + TAX_AT_THRESHOLD;
}

export interface FeeOptions {
  /** Consumption tax on the fee; omit (or 0) when the payee charges none (免税事業者). */
  consumptionTaxRate?: 10 | 8 | 0;
  /** Rounding of the consumption tax; floor by default. */
  rounding?: RoundingMethod;
  /** Whether the invoice shows the fee and the tax separately (then the base is the fee alone). Default true. */
  taxShownSeparately?: boolean;
}

export interface FeeBreakdown {
  /** The fee excluding consumption tax. */
  fee: number;
  consumptionTax: number;
  /** The amount withholding is computed on. */
  withholdingBase: number;
  withholding: number;
  /** fee + consumption tax */
  totalIncludingTax: number;
  /** What the payer transfers: total including tax − withholding. */
  billed: number;
}

/** The invoice figures for a fee to an individual. */
export function feeBreakdown(fee: number, options: FeeOptions = {}): FeeBreakdown {
  assertYen(fee, 'feeBreakdown');
  if (fee < 0) throw new RangeError(`feeBreakdown: negative fee ${fee}`);
  const rate = options.consumptionTaxRate ?? 0;
  const consumptionTax = divideRounded(fee * rate, 100, options.rounding ?? 'floor');
  const totalIncludingTax = fee + consumptionTax;
  const withholdingBase = (options.taxShownSeparately ?? true) ? fee : totalIncludingTax;
  const withholding = withholdingTax(withholdingBase);
  return {
    fee,
    consumptionTax,
    withholdingBase,
    withholding,
    totalIncludingTax,
    billed: totalIncludingTax - withholding,
  };
}

export type GrossUp =
  | ({ exact: true } & FeeBreakdown)
  | {
      exact: false;
      /** The candidate closest to the net asked for; on a tie, the one paying at least the net. */
      nearest: FeeBreakdown;
      /** The largest fee paying less than the net. */
      below: FeeBreakdown;
      /** The smallest fee paying more than the net. */
      above: FeeBreakdown;
      message: Text;
    };

/**
 * The fee whose amount billed (after withholding, with consumption tax if any) is exactly `net`.
 *
 * Without consumption tax an exact fee always exists: raising the fee by one yen raises the
 * withholding by at most one yen, so the net takes every value. Some nets are reached by two
 * fees; the larger is returned, which is what 国税庁's "手取額 ÷ 0.8979" (and
 * "(手取額 − 897,900) ÷ 0.7958 + 1,000,000" above the threshold) gives.
 * With consumption tax the net can jump by two yen; then no fee is exact and the two neighbours
 * come back with a message.
 */
export function grossUpForNet(net: number, options: FeeOptions = {}): GrossUp {
  assertYen(net, 'grossUpForNet');
  if (net < 0) throw new RangeError(`grossUpForNet: negative net ${net}`);
  const billed = (fee: number) => feeBreakdown(fee, options).billed;
  // billed() is non-decreasing and billed(f) >= 0.7958·f − 1 under every option, so 2·net + 2 is above.
  let lo = 0; // billed(lo) <= net
  let hi = 2 * net + 2; // billed(hi) > net
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (billed(mid) <= net) lo = mid;
    else hi = mid;
  }
  const below = feeBreakdown(lo, options);
  if (below.billed === net) return { exact: true, ...below };
  const above = feeBreakdown(lo + 1, options);
  const nearest = net - below.billed < above.billed - net ? below : above;
  return {
    exact: false,
    nearest,
    below,
    above,
    message: text(
      `手取り${formatYen(net)}円ちょうどになる報酬額はありません。` +
        `報酬${formatYen(below.fee)}円で${formatYen(below.billed)}円、` +
        `報酬${formatYen(above.fee)}円で${formatYen(above.billed)}円になります`,
      `No fee gives exactly ${formatYen(net)} yen after withholding: ` +
        `a fee of ${formatYen(below.fee)} yen gives ${formatYen(below.billed)} yen, ` +
        `${formatYen(above.fee)} yen gives ${formatYen(above.billed)} yen`,
    ),
  };
}
