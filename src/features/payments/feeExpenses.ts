/**
 * Transfer fees a payer deducted, recorded as 支払手数料 in 経費 — the one place payments in writes
 * to the expenses log, so that when 経費 changes only this module follows. A fee is written once:
 * a row with the same date, payee, account, amount and note is the one written before.
 *
 * When 経費 lacks a column this needs (日付, 支払先, 勘定科目, 金額(税込), 摘要), nothing is written
 * there: the fee stays in the 振込手数料 column of its 入出金明細 line, which is always filled.
 */
import type { DateKey } from '../../core/dates';
import { tokyoInstant } from '../../core/dates';
import { cellDateKey, cellText, textCell } from '../../sheets/cells';
import { EXPENSES_SHEET } from '../../sheets/schema';
import { appendRecords } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';

export interface TransferFee {
  readonly date: DateKey;
  /** The client who deducted it. */
  readonly payee: string;
  readonly amount: number;
  /** Names the payment: 「振込手数料(2026-11-0004 入金分)」. */
  readonly note: string;
}

export const FEE_ACCOUNT = '支払手数料';
/** Transfer fees carry the standard rate (銀行の振込手数料は課税仕入れ). */
const FEE_TAX_RATE = '10%';
const NEEDED = ['date', 'payee', 'account', 'amount', 'note'] as const;

/** Where the fees are: 'expenses' when 経費 takes them, else 'statement' (nothing written). */
export function recordTransferFees(
  tables: WorkbookTables,
  fees: readonly TransferFee[],
): 'expenses' | 'statement' {
  const table = tables.table(EXPENSES_SHEET);
  if (!table || NEEDED.some((k) => table.headers.index[k] === undefined)) return 'statement';
  const identity = (f: {
    date: DateKey | null;
    payee: string;
    account: string;
    amount: unknown;
    note: string;
  }) => [f.date, f.payee, f.account, Number(f.amount), f.note].join('|');
  const written = new Set(
    table.rows.map((r) =>
      identity({
        date: cellDateKey(r.values.date),
        payee: cellText(r.values.payee),
        account: cellText(r.values.account),
        amount: r.values.amount,
        note: cellText(r.values.note),
      }),
    ),
  );
  const missing = fees.filter(
    (f) => f.amount > 0 && !written.has(identity({ ...f, account: FEE_ACCOUNT })),
  );
  if (missing.length === 0) return 'expenses';
  appendRecords(
    table,
    missing.map((f) => ({
      date: tokyoInstant(f.date),
      payee: textCell(f.payee),
      account: FEE_ACCOUNT,
      amount: f.amount,
      taxRate: FEE_TAX_RATE,
      note: textCell(f.note),
    })),
  );
  tables.forget(EXPENSES_SHEET);
  return 'expenses';
}
