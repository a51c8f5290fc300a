/**
 * What one bank line settles of the invoices the owner chose for it (their own pick, or a
 * proposal): the invoices oldest first, each cleared in full while the money lasts, the last one
 * perhaps in part. A shortfall within the fee tolerance is the transfer fee (支払手数料); a
 * shortfall equal to the invoices' declared withholding (plus perhaps a fee) is the withholding.
 * A line larger than what the invoices still owe is refused: the owner chose the wrong invoices.
 */
import { formatYen } from '../money';
import { type Text, text } from '../text';
import type { ProposalKind } from './match';

export interface DueInvoice {
  readonly id: string;
  /** What is still due on it. */
  readonly balance: number;
  /** Withholding the client may deduct from it (0 when none). */
  readonly withholding: number;
}

export interface SettledInvoice {
  readonly id: string;
  /** What the line clears of its balance (fee and withholding included). */
  readonly settled: number;
  /** What is still due after it. */
  readonly remaining: number;
}

export type Settlement =
  | {
      readonly ok: true;
      readonly kind: ProposalKind;
      readonly invoices: readonly SettledInvoice[];
      readonly fee: number;
      readonly withholding: number;
    }
  | { readonly ok: false; readonly problem: Text };

/** `invoices` oldest first (the order they are cleared in). */
export function settleLine(
  amount: number,
  invoices: readonly DueInvoice[],
  feeTolerance: number,
): Settlement {
  const open = invoices.filter((i) => i.balance > 0);
  if (open.length === 0) {
    return {
      ok: false,
      problem: text('選んだ請求書はすでに入金済みです', 'The invoices chosen are already paid'),
    };
  }
  const due = open.reduce((sum, i) => sum + i.balance, 0);
  const withholding = open.reduce((sum, i) => sum + i.withholding, 0);
  if (amount > due) {
    return {
      ok: false,
      problem: text(
        `入金額 ${formatYen(amount)}円 が選んだ請求書の未入金額 ${formatYen(due)}円 を超えています`,
        `The payment (${formatYen(amount)} yen) is more than the invoices chosen still owe (${formatYen(due)} yen)`,
      ),
    };
  }
  const whole = (fee: number, net: number) => ({
    ok: true as const,
    kind: kindOf(open.length, fee, net),
    invoices: open.map((i) => ({ id: i.id, settled: i.balance, remaining: 0 })),
    fee,
    withholding: net,
  });
  const short = due - amount;
  if (short <= feeTolerance) return whole(short, 0);
  if (withholding > 0 && short >= withholding && short - withholding <= feeTolerance) {
    return whole(short - withholding, withholding);
  }
  // A part payment: the oldest first, the money runs out on one of them.
  let left = amount;
  const settled: SettledInvoice[] = [];
  for (const invoice of open) {
    if (left <= 0) break;
    const paid = Math.min(left, invoice.balance);
    settled.push({ id: invoice.id, settled: paid, remaining: invoice.balance - paid });
    left -= paid;
  }
  return { ok: true, kind: 'partial', invoices: settled, fee: 0, withholding: 0 };
}

function kindOf(count: number, fee: number, withholding: number): ProposalKind {
  if (count > 1) return 'combination';
  if (fee > 0) return 'fee';
  return withholding > 0 ? 'withholding' : 'exact';
}
