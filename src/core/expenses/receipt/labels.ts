/**
 * What the words before an amount say it is. The classes, strongest first as a total:
 * - `billed`: what was paid or is to be paid (ご請求金額, お支払い金額, 領収金額, Amount paid);
 * - `total`: 合計, 総額, お会計, Total (not 小計, not 10%対象合計);
 * - `amount`: a generic money word (金額, 料金, 運賃, Amount);
 * and, never a total: `target` (10%対象, 軽減税率対象: the amount subject to one rate), `tax`
 * (消費税, うち消費税, 内税, JCT, Tax), `subtotal` (小計), `excluded` (お預り, お釣り, 割引, ポイント,
 * 単価…: money that is not what the purchase cost), and `none` (an item, or no words).
 */
import { foldLabel } from './normalize';

export type LabelKind =
  | 'billed'
  | 'total'
  | 'amount'
  | 'target'
  | 'tax'
  | 'subtotal'
  | 'excluded'
  | 'none';

export type TaxedRate = 10 | 8;

export interface LabelMeaning {
  readonly kind: LabelKind;
  /** The rate the label names (10%, 8%, 標準, 軽減). */
  readonly rate?: TaxedRate;
  /** What the label says of tax: 税込 (true), 税抜・税別 (false), or nothing. */
  readonly taxIncluded?: boolean;
}

const EXCLUDED =
  /預り|預かり|釣|ポイント|point|割引|値引|クーポン|coupon|discount|単価|数量|unitprice|qty|限度|以上|未満|残高|前回|received|change|tendered/;
const TARGET = /対象|taxable|subjectto/;
const TAX_JA = /消費税|内税|税額|うち税|^[(（]?税等?[)）]?[:：]?$/;
const TAX_EN = /(?:^|[^a-z])(?:tax|jct|vat|gst)(?:[^a-z]|$)/;
// 「Total (incl. tax)」 is a total, 「Total tax」 is tax.
const TOTAL_OR_INCLUDED = /total|incl/;
const SUBTOTAL = /小計|subtotal|sub-total/;
const BILLED_JA =
  /ご?請求金?額|お?支払い?(?:金額|合計|額)|お支払い?$|領収金?額|ご?利用金額|お?買い?上げ?金額|現計|決済金額/;
const BILLED_EN = /amount(?:paid|due|charged)|total(?:due|paid|charged)|balancedue|paid/;
const TOTAL = /合計|総額|お会計|総計|total/;
const AMOUNT = /金額|料金|代金|運賃|amount|price|fare|charge/;

/** The meaning of the words before an amount. */
export function labelMeaning(label: string): LabelMeaning {
  const folded = foldLabel(label);
  const spaced = label.toLowerCase();
  const rate = rateOf(folded);
  const taxIncluded = /税込|込み|incl/.test(folded)
    ? true
    : /税抜|税別|excl|before tax/.test(folded)
      ? false
      : undefined;
  const meaning = (kind: LabelKind): LabelMeaning => ({ kind, rate, taxIncluded });

  if (folded === '') return meaning('none');
  if (EXCLUDED.test(folded)) return meaning('excluded');
  if (TARGET.test(folded)) return meaning('target');
  if (TAX_JA.test(folded)) return meaning('tax');
  if (
    TAX_EN.test(spaced) &&
    (/^total(?:tax|jct|vat)/.test(folded) || !TOTAL_OR_INCLUDED.test(folded))
  )
    return meaning('tax');
  if (SUBTOTAL.test(folded)) return meaning('subtotal');
  if (BILLED_JA.test(folded) || BILLED_EN.test(folded)) return meaning('billed');
  if (TOTAL.test(folded)) return meaning('total');
  if (AMOUNT.test(folded)) return meaning('amount');
  return meaning('none');
}

function rateOf(folded: string): TaxedRate | undefined {
  const percent = /(?<![\d.])(10|8)(?:\.0+)?%/.exec(folded);
  if (percent) return percent[1] === '10' ? 10 : 8;
  if (/軽減|reduced/.test(folded)) return 8;
  if (/標準|standard/.test(folded)) return 10;
  return undefined;
}
