/**
 * Everything payments in (入金確認) reads, one batched read for the run: the fee tolerance in 設定,
 * the clients with their payer names, the invoices with what is still due, and 入出金明細.
 */
import type { DateKey } from '../../core/dates';
import { clientKey } from '../../core/invoice';
import { parseYen } from '../../core/money';
import {
  type ClientPayers,
  clientPayerNames,
  type OpenInvoice,
  type OwnerLayout,
  parseOwnerLayouts,
  splitPayerNames,
} from '../../core/payments';
import { type Text, text, UserError } from '../../core/text';
import { cellDateKey, cellText } from '../../sheets/cells';
import type { SheetSpec } from '../../sheets/columns';
import {
  CLIENTS_SHEET,
  EXPENSES_SHEET,
  INVOICES_SHEET,
  SETTINGS_SHEET,
  STATEMENT_SHEET,
} from '../../sheets/schema';
import type { Table, TableRow } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { PAYMENT_SETTING_ROWS } from '../settings/settingsRows';

export type ClientKey = (typeof CLIENTS_SHEET.columns)[number]['key'];
export type InvoiceKey = (typeof INVOICES_SHEET.columns)[number]['key'];
export type StatementKey = (typeof STATEMENT_SHEET.columns)[number]['key'];

/** The sheets a payments run reads, for one batched read. */
export const PAYMENT_SHEETS: readonly SheetSpec[] = [
  SETTINGS_SHEET,
  CLIENTS_SHEET,
  INVOICES_SHEET,
  STATEMENT_SHEET,
  EXPENSES_SHEET,
];

export const PAID = '入金済';
const VOIDED = '取消';
export const UNMATCHED = '未照合';
export const MATCHED = '照合済';
export const IGNORED = '対象外';

const FEE_TOLERANCE_ROW = PAYMENT_SETTING_ROWS[0];
export const BANK_LAYOUTS_ROW = PAYMENT_SETTING_ROWS[1];
export type SettingKey = (typeof SETTINGS_SHEET.columns)[number]['key'];

export interface InvoiceRecord extends OpenInvoice {
  readonly row: number;
  readonly client: string;
  readonly billed: number;
}

export interface ClientRecord {
  readonly row: number;
  readonly name: string;
  readonly key: string;
  /** The 振込名義カナ cell as written. */
  readonly payerKana: string;
}

export interface StatementRecord {
  readonly row: number;
  readonly date: DateKey;
  readonly amount: number;
  readonly description: string;
  readonly balance: number | null;
  readonly key: string;
  readonly status: string;
  readonly settledCell: string;
  readonly fee: number;
}

export interface PaymentBook {
  readonly feeTolerance: number;
  /** The owner's mappings for banks Pokke does not know (設定「銀行CSVの列の対応」). */
  readonly ownerLayouts: readonly OwnerLayout[];
  readonly notices: Text[];
  readonly clientTable: Table<ClientKey>;
  readonly clients: readonly ClientRecord[];
  readonly payers: readonly ClientPayers[];
  readonly invoices: Table<InvoiceKey>;
  /** Invoices with a number that are not void, by number (paid ones included). */
  readonly invoiceByNumber: ReadonlyMap<string, InvoiceRecord>;
  /** Invoices still owed (balance > 0), oldest due first. */
  readonly open: readonly InvoiceRecord[];
  readonly statement: Table<StatementKey>;
  readonly lines: readonly StatementRecord[];
}

function required<K extends string>(
  tables: WorkbookTables,
  spec: SheetSpec<K>,
  needed: readonly K[],
): Table<K> {
  const table = tables.table(spec);
  const missing = table ? table.headers.missing.filter((k) => needed.includes(k)) : [];
  if (!table || missing.length > 0) {
    throw new UserError(
      `「${spec.name}」シート(または列)がありません。メニューの「ワークブックを準備」を実行してください`,
      `The ${spec.name} sheet (or some of its columns) is missing; run "Set up workbook" from the menu`,
    );
  }
  return table;
}

const yen = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  if (cellText(v) === '') return null;
  const p = parseYen(cellText(v));
  return p.ok ? p.yen : null;
};

/** The 設定 row 振込手数料の許容額 (its initial value when empty or unreadable, with a notice). */
function feeTolerance(tables: WorkbookTables): { value: number; notices: Text[] } {
  const initial = Number(FEE_TOLERANCE_ROW.initial);
  const row = tables
    .table(SETTINGS_SHEET)
    ?.rows.find((r) => cellText(r.values.key) === FEE_TOLERANCE_ROW.key);
  const raw = row ? cellText(row.values.value) : '';
  if (raw === '') return { value: initial, notices: [] };
  const v = yen(raw);
  if (v !== null && v >= 0 && v <= 10_000) return { value: v, notices: [] };
  return {
    value: initial,
    notices: [
      text(
        `設定「${FEE_TOLERANCE_ROW.label}」の「${raw}」を読み取れません。${initial}円として照合します`,
        `The setting ${FEE_TOLERANCE_ROW.label} ("${raw}") cannot be read; ${initial} yen is used`,
      ),
    ],
  };
}

/** The 設定 row of the owner's bank mappings (none is fine: nothing mapped yet). */
function ownerLayouts(tables: WorkbookTables): { layouts: OwnerLayout[]; notices: Text[] } {
  const row = tables
    .table(SETTINGS_SHEET)
    ?.rows.find((r) => cellText(r.values.key) === BANK_LAYOUTS_ROW.key);
  const stored = parseOwnerLayouts(row ? cellText(row.values.value) : '');
  return { layouts: stored.layouts, notices: stored.problem ? [stored.problem] : [] };
}

function invoiceRecord(row: TableRow<InvoiceKey>, row0: number): InvoiceRecord | null {
  const v = row.values;
  const number = cellText(v.number);
  const client = cellText(v.client);
  if (!number || !client || cellText(v.status) === VOIDED) return null;
  const billed = yen(v.billed) ?? yen(v.total) ?? 0;
  const total = yen(v.total) ?? billed;
  const declared = yen(v.withholding) ?? 0;
  // 請求額 is usually already net of the withholding; only a gross 請求額 leaves it to deduct.
  const withholding = declared > 0 && billed >= total ? declared : 0;
  const paid = cellText(v.status) === PAID || cellDateKey(v.paidDate) !== null;
  const kept = yen(v.balance);
  const paidSoFar = yen(v.paidAmount) ?? 0;
  const balance = paid ? 0 : kept !== null && paidSoFar > 0 ? kept : billed;
  const issueDate = cellDateKey(v.issueDate);
  const dueDate = cellDateKey(v.dueDate) ?? issueDate;
  if (!issueDate || !dueDate) return null;
  return {
    row: row0,
    id: number,
    client,
    clientKey: clientKey(client),
    billed,
    balance,
    withholding: balance === billed ? withholding : 0,
    issueDate,
    dueDate,
  };
}

function statementRecord(row: TableRow<StatementKey>): StatementRecord | null {
  const v = row.values;
  const date = cellDateKey(v.date);
  const amount = yen(v.amount);
  if (!date || amount === null) return null;
  return {
    row: row.rowNumber,
    date,
    amount,
    description: cellText(v.description),
    balance: yen(v.bankBalance),
    key: cellText(v.lineKey),
    status: cellText(v.status),
    settledCell: cellText(v.invoices),
    fee: yen(v.fee) ?? 0,
  };
}

export function readPaymentBook(tables: WorkbookTables): PaymentBook {
  const fee = feeTolerance(tables);
  const mapped = ownerLayouts(tables);
  const clientTable = required(tables, CLIENTS_SHEET, ['name', 'payerKana']);
  const invoices = required(tables, INVOICES_SHEET, [
    'number',
    'client',
    'billed',
    'status',
    'paidDate',
    'paidAmount',
    'balance',
  ]);
  const statement = required(tables, STATEMENT_SHEET, [
    'date',
    'amount',
    'description',
    'status',
    'invoices',
    'lineKey',
  ]);
  const clients: ClientRecord[] = [];
  const seen = new Set<string>();
  for (const row of clientTable.rows) {
    const name = cellText(row.values.name);
    const key = clientKey(name);
    if (!name || seen.has(key)) continue;
    seen.add(key);
    clients.push({ row: row.rowNumber, name, key, payerKana: cellText(row.values.payerKana) });
  }
  const usualFee = new Map(
    clientTable.rows.map((r) => [clientKey(cellText(r.values.name)), yen(r.values.usualFee)]),
  );
  const payers = clients.map((c) => ({
    key: c.key,
    payerNames: clientPayerNames(c.name, splitPayerNames(c.payerKana)),
    usualFee: usualFee.get(c.key) ?? null,
  }));
  const invoiceByNumber = new Map<string, InvoiceRecord>();
  for (const row of invoices.rows) {
    const record = invoiceRecord(row, row.rowNumber);
    if (record && !invoiceByNumber.has(record.id)) invoiceByNumber.set(record.id, record);
  }
  const open = [...invoiceByNumber.values()]
    .filter((i) => i.balance > 0)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  const lines = statement.rows.map(statementRecord).filter((l): l is StatementRecord => l !== null);
  return {
    feeTolerance: fee.value,
    ownerLayouts: mapped.layouts,
    notices: [...fee.notices, ...mapped.notices],
    clientTable,
    clients,
    payers,
    invoices,
    invoiceByNumber,
    open,
    statement,
    lines,
  };
}
