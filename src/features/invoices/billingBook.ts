import type { SettingsForm } from '../../core/contracts/settings';
import {
  type Client,
  type ClientsValidation,
  indexClients,
  type SalesValidation,
  validateClientRows,
  validateSaleRows,
} from '../../core/invoice';
import { UserError } from '../../core/text';
import { cellText } from '../../sheets/cells';
import type { SheetSpec } from '../../sheets/columns';
import {
  CLIENTS_SHEET,
  INVOICES_SHEET,
  RECURRING_SHEET,
  SALES_SHEET,
  SETTINGS_SHEET,
} from '../../sheets/schema';
import { type Table, writeColumn } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { readSettings } from '../settings/settings';

/** 状態 of an invoice the owner cancelled. */
export const VOIDED = '取消';

/**
 * Written before a sales line's invoice number while its invoice row is being recorded
 * (`発行中:2026-12-0001`). A run cut off at that point leaves it behind: the line belongs to that
 * invoice when the invoice's row was written, and is unbilled when it was not.
 */
export const PROVISIONAL_MARK = '発行中:';

export type ClientKey = (typeof CLIENTS_SHEET.columns)[number]['key'];
export type SalesKey = (typeof SALES_SHEET.columns)[number]['key'];
export type InvoiceKey = (typeof INVOICES_SHEET.columns)[number]['key'];
export type RecurringKey = (typeof RECURRING_SHEET.columns)[number]['key'];

/** Everything an invoice run reads: one batched read per sheet, whatever the number of rows. */
export interface BillingBook {
  readonly settings: SettingsForm;
  readonly clientTable: Table<ClientKey>;
  readonly clients: ClientsValidation;
  readonly clientIndex: ReadonlyMap<string, Client>;
  readonly sales: Table<SalesKey>;
  readonly salesCheck: SalesValidation;
  readonly invoices: Table<InvoiceKey>;
  /** The 定期請求 sheet, whose lines due by a closing are part of it (null when there is none). */
  readonly recurring: Table<RecurringKey> | null;
  /** Sales lines still carrying a provisional mark, with what the mark settles to. */
  readonly unsettledMarks: ReadonlyMap<number, string>;
}

/**
 * Columns a run does without: メッセージ is only written to, and 摘要 came later (a workbook set
 * up before it bills as before until the setup adds it).
 */
const OPTIONAL_COLUMNS: ReadonlySet<string> = new Set([
  'message',
  'detail',
  // Payments in (入金確認) came later still: billing does without them.
  'payerKana',
  'usualFee',
  'paidAmount',
  'balance',
]);

function requiredTable<K extends string>(tables: WorkbookTables, spec: SheetSpec<K>): Table<K> {
  const table = tables.table(spec);
  if (!table) {
    throw new UserError(
      `「${spec.name}」シートがありません。メニューの「ワークブックを準備」を実行してください`,
      `The ${spec.name} sheet is missing; run "Set up workbook" from the menu`,
    );
  }
  const missing = table.headers.missing.filter((k) => !OPTIONAL_COLUMNS.has(k));
  if (missing.length > 0) {
    const headers = spec.columns.filter((c) => missing.includes(c.key)).map((c) => c.header);
    throw new UserError(
      `「${spec.name}」シートに列がありません: ${headers.join('、')}。「ワークブックを準備」で追加できます`,
      `The ${spec.name} sheet lacks columns: ${headers.join(', ')}; "Set up workbook" adds them`,
    );
  }
  return table;
}

/** Numbers of invoices the owner voided (状態 取消): their PDFs and rows stay as they are. */
function voidedNumbers(invoices: Table<InvoiceKey>): Set<string> {
  return new Set(
    invoices.rows
      .filter((r) => cellText(r.values.status) === VOIDED)
      .map((r) => cellText(r.values.number))
      .filter(Boolean),
  );
}

/** Lines of a voided invoice are billable again: a re-issue gives them a new number. */
function billableAgain(sales: Table<SalesKey>, voided: ReadonlySet<string>) {
  return sales.rows.map((row) =>
    voided.has(cellText(row.values.invoiceNumber))
      ? { ...row, values: { ...row.values, invoiceNumber: '' } }
      : row,
  );
}

/**
 * The sales table with provisional marks settled: the invoice's number when its row exists in
 * 請求書, empty (unbilled) when the run that wrote the mark died before writing the row.
 */
function settleProvisional(
  sales: Table<SalesKey>,
  invoices: Table<InvoiceKey>,
): { sales: Table<SalesKey>; unsettledMarks: Map<number, string> } {
  const unsettledMarks = new Map<number, string>();
  const recorded = new Set(invoices.rows.map((r) => cellText(r.values.number)).filter(Boolean));
  const rows = sales.rows.map((row) => {
    const mark = cellText(row.values.invoiceNumber);
    if (!mark.startsWith(PROVISIONAL_MARK)) return row;
    const number = mark.slice(PROVISIONAL_MARK.length);
    const settled = recorded.has(number) ? number : '';
    unsettledMarks.set(row.rowNumber, settled);
    return { ...row, values: { ...row.values, invoiceNumber: settled } };
  });
  return { sales: unsettledMarks.size > 0 ? { ...sales, rows } : sales, unsettledMarks };
}

/** Writes the settled value of every provisional mark a cut-off run left (one batched write). */
export function settleLineMarks(book: BillingBook): void {
  writeColumn(book.sales, 'invoiceNumber', book.unsettledMarks);
}

/** The sheets `readBillingBook` reads, for a run to read them at once. */
export const BILLING_SHEETS: readonly SheetSpec[] = [
  SETTINGS_SHEET,
  CLIENTS_SHEET,
  INVOICES_SHEET,
  SALES_SHEET,
  RECURRING_SHEET,
];

/** Read through the run's tables: a sheet another step of the run has read is not read again. */
export function readBillingBook(tables: WorkbookTables): BillingBook {
  const { settings } = readSettings(tables);
  const clientTable = requiredTable(tables, CLIENTS_SHEET);
  const clients = validateClientRows(clientTable.rows, { defaultTerms: settings.defaultTerms });
  const clientIndex = indexClients(clients.clients);
  const invoices = requiredTable(tables, INVOICES_SHEET);
  const { sales, unsettledMarks } = settleProvisional(requiredTable(tables, SALES_SHEET), invoices);
  const salesCheck = validateSaleRows(billableAgain(sales, voidedNumbers(invoices)), {
    clients: clientIndex,
  });
  return {
    settings,
    clientTable,
    clients,
    clientIndex,
    sales,
    salesCheck,
    invoices,
    recurring: tables.table(RECURRING_SHEET),
    unsettledMarks,
  };
}
