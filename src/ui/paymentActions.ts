/**
 * The 入金確認 sidebar's server side (google.script.run) and the `reconcile` CLI job: import a bank
 * statement, list the lines still to confirm with their proposals, confirm or correct them. Every
 * write holds the workbook lock.
 */
import * as z from 'zod/mini';
import type {
  PaymentsConfirmReport,
  PaymentsImportReport,
  PaymentsPickerSetup,
  PaymentsReconcileReport,
  PaymentsView,
} from '../core/contracts/payments';
import { formatYen } from '../core/money';
import { assignBest, DATE_FORMATS, type DateFormat, type OwnerLayout } from '../core/payments';
import { joinWith, type Lang, type Text, text, UserError } from '../core/text';
import { saveBankLayout } from '../features/payments/bankLayouts';
import { confirmPayments } from '../features/payments/confirmPayments';
import { importStatement } from '../features/payments/importStatement';
import { PAYMENT_SHEETS, readPaymentBook } from '../features/payments/paymentBook';
import { noteProposals, paymentsView, proposeMatches } from '../features/payments/proposals';
import { userLang } from '../services/language';
import { withWorkbookLock } from '../services/lock';
import { pickerSetup } from '../services/picker';
import {
  decodeStatementByteArray,
  decodeStatementBytes,
  readPickedStatement,
} from '../services/statementFile';
import { activeWorkbook } from '../services/workbook';
import { rememberActiveWorkbook } from '../services/workbookLink';
import { SETTINGS_SHEET, STATEMENT_SHEET } from '../sheets/schema';
import { type WorkbookTables, workbookTables } from '../sheets/workbookTables';
import { noRequest, rpc } from './rpc';
import { openSidebar } from './sheetsActions';

/** base64 of at most MAX_STATEMENT_BYTES (10 MB) bytes, with room for the padding. */
const base64 = z.string().check(z.minLength(1), z.maxLength(14_000_000));
const importRequest = z.strictObject({
  fileName: z.string().check(z.maxLength(500)),
  base64,
});
/** A Drive file id (letters, digits, `-` and `_`). */
const fileId = z.string().check(z.minLength(10), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/));
const driveImportRequest = z.strictObject({ fileId });
const column = z.string().check(z.maxLength(200));
const source = z.union([
  z.strictObject({ fileName: z.string().check(z.maxLength(500)), base64 }),
  z.strictObject({ fileId }),
]);
const layoutRequest = z.strictObject({
  source,
  layout: z.strictObject({
    name: z.string().check(z.maxLength(60)),
    date: z.strictObject({
      kind: z.literal('column'),
      column,
      format: z.enum(DATE_FORMATS as [DateFormat, ...DateFormat[]]),
    }),
    amount: z.union([
      z.strictObject({ kind: z.literal('signed'), column }),
      z.strictObject({ kind: z.literal('inOut'), in: column, out: column }),
    ]),
    description: z.array(column).check(z.minLength(1), z.maxLength(3)),
    balance: z.optional(column),
  }),
});
const lineKey = z.string().check(z.minLength(1), z.maxLength(2000));
const decision = z.union([
  z.strictObject({
    lineKey,
    action: z.literal('match'),
    invoices: z
      .array(z.string().check(z.minLength(1), z.maxLength(200)))
      .check(z.minLength(1), z.maxLength(20)),
  }),
  z.strictObject({ lineKey, action: z.literal('ignore') }),
]);
const confirmRequest = z.strictObject({
  decisions: z.array(decision).check(z.minLength(1), z.maxLength(5000)),
});
const reconcileRequest = z.strictObject({
  fileName: z.string().check(z.maxLength(500)),
  base64,
  confirmAbove: z.optional(z.int().check(z.gte(0), z.lte(100))),
});

const FIELD_NAMES = {
  fileName: text('ファイル名', 'File name'),
  base64: text('ファイル', 'File'),
  decisions: text('確認する明細', 'Lines to confirm'),
  confirmAbove: text('自動で確定する確度', 'Confidence to confirm at'),
  fileId: text('Driveのファイル', 'Drive file'),
  source: text('ファイル', 'File'),
  layout: text('列の対応', 'Columns'),
};

export function openPayments(): void {
  rememberActiveWorkbook();
  openSidebar('payments', text('入金確認', 'Payments in'));
}

const tablesOf = (): WorkbookTables => workbookTables(activeWorkbook(), { tables: PAYMENT_SHEETS });

const viewOf = (tables: WorkbookTables, lang: Lang): PaymentsView =>
  paymentsView(readPaymentBook(tables), lang);

/** google.script.run: the lines still to confirm and their proposals. Reads only. */
export const paymentsLoadRpc = rpc(noRequest, (): PaymentsView => viewOf(tablesOf(), userLang()));

function runImport(tables: WorkbookTables, decoded: string, lang: Lang): PaymentsImportReport {
  const result = importStatement(tables, decoded);
  if ('layoutNeeded' in result) {
    const { header, samples, message } = result;
    return {
      layoutNeeded: { header, samples, dateFormats: DATE_FORMATS },
      added: 0,
      alreadyThere: 0,
      bank: text('', ''),
      message,
      view: viewOf(tables, lang),
    };
  }
  if (noteProposals(readPaymentBook(tables), lang)) tables.forget(STATEMENT_SHEET);
  return {
    added: result.added,
    alreadyThere: result.alreadyThere,
    bank: result.bank,
    message: result.message,
    view: viewOf(tables, lang),
  };
}

/** google.script.run: a statement the owner uploaded (its bytes as base64). */
export const paymentsImportRpc = rpc(
  importRequest,
  (req): PaymentsImportReport => {
    const lang = userLang();
    const decoded = decodeStatementBytes(req.base64);
    return withWorkbookLock(() => runImport(tablesOf(), decoded, lang));
  },
  FIELD_NAMES,
);

/** google.script.run: what the sidebar needs to open the Google Picker (reads script properties). */
export const paymentsPickerRpc = rpc(noRequest, (): PaymentsPickerSetup => pickerSetup());

const pickedText = (id: string): string => decodeStatementByteArray(readPickedStatement(id).bytes);

/** google.script.run: a statement the owner picked in Drive, imported exactly like an upload. */
export const paymentsImportDriveRpc = rpc(
  driveImportRequest,
  (req): PaymentsImportReport => {
    const lang = userLang();
    const decoded = pickedText(req.fileId);
    return withWorkbookLock(() => runImport(tablesOf(), decoded, lang));
  },
  FIELD_NAMES,
);

/**
 * google.script.run: the owner's mapping for a bank Pokke does not know, with the file it was made
 * from: checked, kept in 設定, and the file imported with it.
 */
export const paymentsSaveLayoutRpc = rpc(
  layoutRequest,
  (req): PaymentsImportReport => {
    const lang = userLang();
    const decoded =
      'fileId' in req.source
        ? pickedText(req.source.fileId)
        : decodeStatementBytes(req.source.base64);
    const { balance, ...rest } = req.layout;
    const layout: OwnerLayout = {
      ...rest,
      name: rest.name.trim(),
      ...(balance?.trim() ? { balance } : {}),
    };
    return withWorkbookLock(() => {
      const tables = tablesOf();
      saveBankLayout(tables, layout, decoded, lang);
      tables.forget(SETTINGS_SHEET);
      return runImport(tables, decoded, lang);
    });
  },
  FIELD_NAMES,
);

function runConfirm(
  tables: WorkbookTables,
  decisions: z.infer<typeof confirmRequest>['decisions'],
  lang: Lang,
): PaymentsConfirmReport {
  const outcome = confirmPayments(tables, decisions, lang);
  return { ...outcome, message: confirmMessage(outcome), view: viewOf(tables, lang) };
}

/** google.script.run: the owner's decisions (confirm a proposal, choose other invoices, 対象外). */
export const paymentsConfirmRpc = rpc(
  confirmRequest,
  (req): PaymentsConfirmReport => {
    const lang = userLang();
    return withWorkbookLock(() => runConfirm(tablesOf(), req.decisions, lang));
  },
  FIELD_NAMES,
);

/**
 * `simulate reconcile`: import, then confirm the best proposal of each line whose confidence is at
 * least `confirmAbove` (no line or invoice twice: core's assignBest).
 */
export const paymentsReconcileRpc = rpc(
  reconcileRequest,
  (req): PaymentsReconcileReport => {
    const lang = userLang();
    return withWorkbookLock(() => {
      const tables = tablesOf();
      const imported = runImport(tables, decodeStatementBytes(req.base64), lang);
      if (imported.layoutNeeded) throw UserError.of([imported.message]);
      const only = { imported, confirmed: null, message: imported.message };
      if (req.confirmAbove === undefined) return only;
      const best = assignBest(proposeMatches(readPaymentBook(tables)), req.confirmAbove);
      if (best.length === 0) return only;
      const confirmed = runConfirm(
        tables,
        best.map((p) => ({
          lineKey: p.lineId,
          action: 'match' as const,
          invoices: p.invoices.map((i) => i.id),
        })),
        lang,
      );
      return {
        imported,
        confirmed,
        message: joinWith([imported.message, confirmed.message], text('。', '. ')),
      };
    });
  },
  FIELD_NAMES,
);

function confirmMessage(o: ReturnType<typeof confirmPayments>): Text {
  const paid = o.confirmed.flatMap((c) => c.invoices.filter((i) => i.paid).map((i) => i.number));
  const fees = o.confirmed.reduce((sum, c) => sum + c.fee, 0);
  const ja: string[] = [];
  const en: string[] = [];
  if (o.confirmed.length > 0) {
    ja.push(`${o.confirmed.length}件の入金を照合しました`);
    en.push(`${o.confirmed.length} payment(s) confirmed`);
  }
  if (paid.length > 0) {
    ja.push(`入金済: ${paid.join('、')}`);
    en.push(`paid: ${paid.join(', ')}`);
  }
  if (fees > 0) {
    const where =
      o.feesIn === 'expenses'
        ? text('経費に支払手数料として記録', 'recorded in 経費 as 支払手数料')
        : text('入出金明細の振込手数料列に記録', 'kept in the 振込手数料 column of 入出金明細');
    ja.push(`振込手数料 ${formatYen(fees)}円を${where.ja}`);
    en.push(`transfer fees of ${formatYen(fees)} yen ${where.en}`);
  }
  if (o.ignored > 0) {
    ja.push(`${o.ignored}件を対象外にしました`);
    en.push(`${o.ignored} marked 対象外`);
  }
  if (o.unchanged > 0) {
    ja.push(`${o.unchanged}件は処理済みでした`);
    en.push(`${o.unchanged} already handled`);
  }
  if (o.problems.length > 0) {
    ja.push(`${o.problems.length}件は照合できませんでした`);
    en.push(`${o.problems.length} could not be confirmed`);
  }
  if (ja.length === 0) return text('変更はありません', 'Nothing changed');
  return text(`${ja.join('。')}`, en.join('; '));
}
