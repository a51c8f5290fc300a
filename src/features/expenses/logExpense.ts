/**
 * Logs one expense (from a receipt mail, a file, the CLI import) as a new row of the log, checked
 * the way a typed row is. Idempotent by its source key (取込元): logging the same mail or file
 * again finds its row and adds nothing. Crash-safe: the key goes in the same single write as the
 * row, flushed before returning, so a run cut off either left the whole row or nothing.
 * Call inside the workbook lock.
 */
import { cellString } from '../../core/cells';
import { type DateKey, tokyoInstant } from '../../core/dates';
import type { PaymentMethod } from '../../core/expenses/accounts';
import { reviewLogRow } from '../../core/expenses/logRow';
import { formatTaxRate, type TaxRate } from '../../core/tax';
import { inLang, type Lang, same, type Text, UserError } from '../../core/text';
import { flushWorkbook } from '../../services/workbook';
import { textCell } from '../../sheets/cells';
import { EXPENSES_SHEET } from '../../sheets/schema';
import { appendRecords } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { CHECK_COLUMNS } from './checkLog';
import { expenseTable, historyOf, requireLogColumns } from './expenseLog';

/** One expense to log, as read from a receipt (or typed in a card). */
export interface ExpenseRecord {
  readonly date: DateKey;
  readonly payee: string;
  /** Tax included, whole yen. */
  readonly amount: number;
  readonly taxRate: TaxRate;
  /** The tax the receipt states; computed from amount and rate when left out. */
  readonly tax?: number;
  /** The owner's choice; suggested (状態 科目提案) when left out. */
  readonly account?: string;
  readonly paymentMethod?: PaymentMethod;
  readonly registrationNumber?: string;
  readonly memo?: string;
  /** The receipt file's link in Drive. */
  readonly receipt?: string;
}

export interface LoggedExpense {
  /** 1-based sheet row of the expense. */
  readonly row: number;
  /** false: a row with this key was already there (nothing was written). */
  readonly created: boolean;
  /** The row's 勘定科目, 状態 and message after logging (the existing row's when not created). */
  readonly account: string;
  readonly status: string;
  readonly message: Text;
}

/** The longest source key kept (a Gmail message id or a Drive file id fits many times over). */
export const MAX_SOURCE_KEY = 200;

export function logExpense(
  tables: WorkbookTables,
  record: ExpenseRecord,
  key: string,
  ctx: { readonly today: DateKey; readonly lang: Lang },
): LoggedExpense {
  return logExpenseLines(tables, [record], key, ctx);
}

/** The source key of a receipt's further lines (its 8% part): `<key>#2`. */
export function lineKey(key: string, index: number): string {
  return index === 0 ? key : `${key}#${index + 1}`;
}

/**
 * Logs one receipt as several rows (one per tax rate) in one write: the first row takes `key`,
 * the next ones `<key>#2`…; when the first key is there already nothing is written, so the
 * receipt's rows are all there or none is. The result describes the first row.
 */
export function logExpenseLines(
  tables: WorkbookTables,
  records: readonly ExpenseRecord[],
  key: string,
  ctx: { readonly today: DateKey; readonly lang: Lang },
): LoggedExpense {
  return logExpenses(tables, [{ records, key }], ctx)[0]!;
}

/**
 * Logs several expenses, each with its own key, with one read of the log, one write and one
 * flush whatever their number (the fees of a payments confirmation). An entry whose key is in
 * the log already (or earlier in the batch) adds nothing and reports the row it found.
 */
export function logExpenses(
  tables: WorkbookTables,
  entries: readonly { readonly records: readonly ExpenseRecord[]; readonly key: string }[],
  ctx: { readonly today: DateKey; readonly lang: Lang },
): LoggedExpense[] {
  const keys = entries.map((e) => {
    const source = e.key.trim();
    if (source === '' || source.length > MAX_SOURCE_KEY)
      throw new UserError(
        `取込元のキーは1〜${MAX_SOURCE_KEY}文字です`,
        `The source key must have 1 to ${MAX_SOURCE_KEY} characters`,
      );
    if (e.records.length === 0) throw new Error('logExpenses: an entry without a record');
    return source;
  });
  if (entries.length === 0) return [];
  const table = expenseTable(tables);
  requireLogColumns(table, [...CHECK_COLUMNS, 'source']);
  const bySource = new Map(table.rows.map((r) => [cellString(r.values.source), r]));
  const history = historyOf(table.rows);
  const firstNew = Math.max(table.height, 1) + 1;
  const cells: Record<string, unknown>[] = [];
  const logged = new Map<string, LoggedExpense>();
  const results = entries.map((entry, e): LoggedExpense => {
    const source = keys[e]!;
    const existing = bySource.get(source);
    if (existing)
      return {
        row: existing.rowNumber,
        created: false,
        account: cellString(existing.values.account),
        status: cellString(existing.values.status),
        message: same(cellString(existing.values.message)),
      };
    const earlier = logged.get(source);
    if (earlier) return { ...earlier, created: false };
    const row = firstNew + cells.length;
    const lines = entry.records.map((record, i) => rowCells(record, lineKey(source, i)));
    cells.push(...lines.map((l) => l.cells));
    const first = lines[0]!;
    const result = {
      row,
      created: true,
      account: first.account,
      status: first.fill.status,
      message: first.fill.message,
    };
    logged.set(source, result);
    return result;
  });
  if (cells.length === 0) return results;
  appendRecords(table, cells);
  tables.forget(EXPENSES_SHEET);
  flushWorkbook();
  return results;

  function rowCells(record: ExpenseRecord, source: string) {
    const typed = {
      date: tokyoInstant(record.date),
      payee: record.payee,
      amount: record.amount,
      taxRate: formatTaxRate(record.taxRate),
      tax: record.tax ?? '',
      account: record.account ?? '',
      paymentMethod: record.paymentMethod ?? '',
      registrationNumber: record.registrationNumber ?? '',
      memo: record.memo ?? '',
      receipt: record.receipt ?? '',
    };
    const fill = reviewLogRow(typed, { today: ctx.today }, history.of(record.payee)).fill;
    const account = fill.account ?? typed.account;
    return {
      fill,
      account,
      cells: {
        ...typed,
        payee: textCell(typed.payee),
        memo: textCell(typed.memo),
        receipt: textCell(typed.receipt),
        registrationNumber: textCell(typed.registrationNumber),
        tax: fill.tax ?? typed.tax,
        account,
        suggested: fill.account ?? '',
        creditRate: fill.creditRate ?? '',
        status: fill.status,
        message: textCell(inLang(fill.message, ctx.lang)),
        source: textCell(source),
      },
    };
  }
}
