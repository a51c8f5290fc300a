/**
 * Transfer fees a payer deducted, recorded as 支払手数料 in the expense log — the one place payments
 * in writes to 経費, through the log's own `logExpense`, keyed by the bank line (`fee:<line key>`)
 * so a fee is never logged twice, whoever confirms again.
 *
 * When 経費 lacks a column the log needs (an old workbook not set up again), nothing is written
 * there: the fee stays in the 振込手数料 column of its 入出金明細 line, which is always filled.
 */
import type { DateKey } from '../../core/dates';
import type { Lang } from '../../core/text';
import { EXPENSES_SHEET } from '../../sheets/schema';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { CHECK_COLUMNS } from '../expenses/checkLog';
import { logExpenses } from '../expenses/logExpense';

export interface TransferFee {
  readonly date: DateKey;
  /** The 入出金明細 line's key: the fee's identity in the log. */
  readonly lineKey: string;
  /** The client who deducted it. */
  readonly payee: string;
  readonly amount: number;
  /** Names the payment: 「振込手数料(2026-11-0004 入金分)」. */
  readonly note: string;
}

export const FEE_ACCOUNT = '支払手数料';

/** Where the fees are: 'expenses' when 経費 takes them, else 'statement' (nothing written). */
export function recordTransferFees(
  tables: WorkbookTables,
  fees: readonly TransferFee[],
  ctx: { readonly today: DateKey; readonly lang: Lang },
): 'expenses' | 'statement' {
  const table = tables.table(EXPENSES_SHEET);
  const needed = [...CHECK_COLUMNS, 'source'] as const;
  if (!table || needed.some((k) => table.headers.index[k] === undefined)) return 'statement';
  // One read, one write and one flush for all the fees, however many lines were confirmed.
  logExpenses(
    tables,
    fees
      .filter((f) => f.amount > 0)
      .map((fee) => ({
        key: `fee:${fee.lineKey}`,
        records: [
          {
            date: fee.date,
            payee: fee.payee,
            amount: fee.amount,
            // A bank's transfer fee is a taxable purchase at the standard rate.
            taxRate: 10 as const,
            account: FEE_ACCOUNT,
            paymentMethod: '振込' as const,
            memo: fee.note,
          },
        ],
      })),
    ctx,
  );
  return 'expenses';
}
