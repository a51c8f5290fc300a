/** Why a bank line was matched to invoices, in words the owner reads: 「金額一致・名義一致」. */
import { formatYen } from '../money';
import { type Text, text } from '../text';
import type { NameMatch } from './payerName';

export const REASONS = {
  amountMatches: text('金額一致', 'amount matches'),
  transferFee: (yen: number, usual: boolean): Text =>
    text(
      `振込手数料 ${formatYen(yen)}円差${usual ? '(いつもの額)' : ''}`,
      `transfer fee: ${formatYen(yen)} yen short${usual ? " (the client's usual fee)" : ''}`,
    ),
  withholding: (yen: number): Text =>
    text(`源泉徴収 ${formatYen(yen)}円差`, `withholding tax: ${formatYen(yen)} yen short`),
  invoicesTotal: (count: number): Text =>
    text(`${count}件の請求書の合計`, `total of ${count} invoices`),
  partPayment: (remaining: number): Text =>
    text(
      `一部入金(残り ${formatYen(remaining)}円)`,
      `part payment (${formatYen(remaining)} yen left)`,
    ),
  name: (match: NameMatch | null): Text => {
    switch (match) {
      case 'exact':
        return text('名義一致', 'payer name matches');
      case 'bankCut':
        return text(
          '名義一致(銀行の表示は途中まで)',
          'payer name matches as far as the bank shows it',
        );
      case 'bankLonger':
        return text('名義の先頭が一致', 'payer name begins with the known name');
      default:
        return text('名義不明', 'payer name not recognised');
    }
  },
  beforeIssue: text('請求書の発行日より前の入金', 'paid before the invoice was issued'),
  sameAmountElsewhere: text(
    '同じ金額の請求書がほかにもあります',
    'other invoices have the same amount',
  ),
} as const;

/** The reasons as one line: 「金額一致・名義一致」 / "amount matches, payer name matches". */
export function reasonLine(reasons: readonly Text[]): Text {
  return text(reasons.map((r) => r.ja).join('・'), reasons.map((r) => r.en).join(', '));
}
