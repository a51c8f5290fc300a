/**
 * What a transfer run reads: the 支払予定 sheet and the owner's 依頼人 settings, one batched read.
 * A row is to pay when its 状態 is 未払 and it carries no file; a row whose 振込ファイル holds
 * `作成中:<file>` was taken by a run that may have been cut off (see createTransfer.ts).
 */
import type { DateKey } from '../../core/dates';
import { UserError } from '../../core/text';
import type { Payable, Requester } from '../../core/transfers/transferFile';
import { cellDateKey, cellText } from '../../sheets/cells';
import type { SheetSpec } from '../../sheets/columns';
import { PAYABLES_SHEET, SETTINGS_SHEET } from '../../sheets/schema';
import type { Table, TableRow } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { TRANSFER_SETTING_ROWS } from '../settings/settingsRows';

export type PayableKey = (typeof PAYABLES_SHEET.columns)[number]['key'];
type TransferSettingKey = (typeof TRANSFER_SETTING_ROWS)[number]['key'];

/** Written to 振込ファイル before the file is made, and settled by the next run. */
export const PROVISIONAL_FILE_MARK = '作成中:';
export const UNPAID = '未払';
export const FILE_MADE = '振込データ作成済';
export const PAID = '支払済';

/** The sheets a transfer run reads, together. */
export const TRANSFER_SHEETS: readonly SheetSpec[] = [SETTINGS_SHEET, PAYABLES_SHEET];

export interface PayableRow {
  readonly rowNumber: number;
  readonly payable: Payable;
  readonly dueDate: DateKey | null;
}

export interface PayablesBook {
  readonly table: Table<PayableKey>;
  readonly requester: Requester;
  /** Rows 未払 with no file, in sheet order. */
  readonly toPay: readonly PayableRow[];
  /** Rows a run marked provisionally: row → the file name it was to go into. */
  readonly provisional: ReadonlyMap<number, string>;
}

function requesterOf(tables: WorkbookTables): Requester {
  const values: Partial<Record<TransferSettingKey, string>> = {};
  const keys = new Set<string>(TRANSFER_SETTING_ROWS.map((r) => r.key));
  for (const row of tables.table(SETTINGS_SHEET)?.rows ?? []) {
    const key = cellText(row.values.key);
    if (keys.has(key)) values[key as TransferSettingKey] = cellText(row.values.value);
  }
  return {
    code: values.transferRequesterCode ?? '',
    name: values.transferRequesterName ?? '',
    bankCode: values.transferBankCode ?? '',
    branchCode: values.transferBranchCode ?? '',
    accountType: values.transferAccountType || '普通',
    accountNumber: values.transferAccountNumber ?? '',
  };
}

/** A 支払額 cell: a number, or text such as `1,500` (anything else is refused by core). */
function amountOf(cell: unknown): number {
  if (typeof cell === 'number') return cell;
  const s = cellText(cell).replace(/[,\s円¥]/g, '');
  return s === '' ? 0 : Number(s);
}

export function payableOf(row: TableRow<PayableKey>): PayableRow {
  const v = row.values;
  return {
    rowNumber: row.rowNumber,
    dueDate: cellDateKey(v.dueDate),
    payable: {
      row: row.rowNumber,
      payee: cellText(v.payee),
      bankCode: cellText(v.bankCode),
      branchCode: cellText(v.branchCode),
      accountType: cellText(v.accountType),
      accountNumber: cellText(v.accountNumber),
      holder: cellText(v.holder),
      amount: amountOf(v.amount),
      withholding: cellText(v.withholding) === 'する',
    },
  };
}

export function readPayablesBook(tables: WorkbookTables): PayablesBook {
  const table = tables.table(PAYABLES_SHEET);
  if (!table) {
    throw new UserError(
      '支払予定シートがありません。先に「ワークブックを準備」を実行してください',
      'The 支払予定 sheet is missing; run "Set up workbook" first',
    );
  }
  const missing = table.headers.missing.filter((k) => k !== 'message');
  if (missing.length > 0) {
    throw new UserError(
      '支払予定シートに列が足りません。「ワークブックを準備」を実行してください',
      'The 支払予定 sheet lacks columns; run "Set up workbook"',
    );
  }
  return payablesBookOf(table, requesterOf(tables));
}

/** The book of a table as read, or as a run sees it once marks are settled (rows replaced). */
export function payablesBookOf(table: Table<PayableKey>, requester: Requester): PayablesBook {
  const toPay: PayableRow[] = [];
  const provisional = new Map<number, string>();
  for (const row of table.rows) {
    const file = cellText(row.values.file);
    if (file.startsWith(PROVISIONAL_FILE_MARK)) {
      provisional.set(row.rowNumber, file.slice(PROVISIONAL_FILE_MARK.length));
    } else if (cellText(row.values.status) === UNPAID && file === '') {
      toPay.push(payableOf(row));
    }
  }
  return { table, requester, toPay, provisional };
}
