/**
 * A receipt mail in Gmail: what its card shows (read once: the mail, its first PDF or photo
 * through Drive, the 経費 log for the owner's history and for this mail's row), and logging it:
 * the received file kept in Drive under its 電帳法 name, then the row linking to it, once.
 *
 * What is kept: the first PDF or photo attached; for a mail with none (a taxi app's text
 * receipt), the mail itself as received, an `.eml` file (RFC 5322, headers and body unaltered):
 * the electronic transaction's data as it arrived, which is what 電子帳簿保存法 asks to keep.
 */
import { cellString } from '../../core/cells';
import type { DateKey } from '../../core/dates';
import type { PaymentMethod } from '../../core/expenses/accounts';
import { receiptFileName, receiptFolderPath } from '../../core/expenses/fileName';
import { dateCell } from '../../core/expenses/logRow';
import { looksLikeReceipt, mentionsReceipt } from '../../core/expenses/receiptMail';
import type { PastExpense } from '../../core/expenses/suggestAccount';
import { parseYen } from '../../core/money';
import type { TaxRate } from '../../core/tax';
import { type Lang, type Text, text, UserError } from '../../core/text';
import { ensureFolderPath, saveFileOnce } from '../../services/drive';
import {
  MAX_READABLE_BYTES,
  READABLE_FILE_TYPES,
  readableType,
  readFileText,
} from '../../services/fileText';
import { type MailFile, type OpenMail, openMailFiles } from '../../services/gmailMessage';
import { withWorkbookLock } from '../../services/lock';
import { openWorkbookById } from '../../services/workbookLink';
import { EXPENSES_SHEET, SETTINGS_SHEET } from '../../sheets/schema';
import { workbookTables } from '../../sheets/workbookTables';
import { readSettingsSheet } from '../settings/settingsSheet';
import { type ExpenseTable, expenseTable, historyOf } from './expenseLog';
import { type ExpenseRecord, logExpenseLines } from './logExpense';
import { type AttachmentText, type ReceiptPrefill, receiptPrefill } from './receiptPrefill';

/** The row this mail was logged as. */
export interface LoggedReceipt {
  readonly row: number;
  readonly sheetId: number;
  readonly workbookId: string;
  readonly date: string;
  readonly payee: string;
  readonly amount: string;
  readonly account: string;
  readonly receipt: string;
}

export type ReceiptCardData =
  | { readonly kind: 'logged'; readonly messageId: string; readonly logged: LoggedReceipt }
  | {
      readonly kind: 'new';
      readonly messageId: string;
      readonly prefill: ReceiptPrefill;
      /** The file that will be kept: the attachment's name, or the mail (`.eml`). */
      readonly keep: { readonly name: string; readonly kind: 'pdf' | 'image' | 'mail' };
      /** Why the attachment could not be read (the card shows what the mail says). */
      readonly fileProblem?: Text;
      /** Why this receipt cannot be logged as it is (an attachment too large to keep). */
      readonly blocked?: Text;
      /** No workbook connected: the card asks for it instead of offering to log. */
      readonly workbookId: string | null;
    };

/** The first PDF or photo attached: the receipt. */
function receiptFile(files: readonly MailFile[]): (MailFile & { type: string }) | undefined {
  for (const f of files) {
    const type = readableType(f.contentType, f.name);
    if (type) return { ...f, type };
  }
  return undefined;
}

const kindOf = (type: string): 'pdf' | 'image' => (type === 'application/pdf' ? 'pdf' : 'image');

function tooLarge(file: MailFile): Text | undefined {
  if (file.size <= MAX_READABLE_BYTES) return undefined;
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return {
    ja: `${file.name} は ${mb(file.size)} MB あり、読み取りも保存もできません(${mb(MAX_READABLE_BYTES)} MB まで)。小さくした写真を送り直してから記録してください`,
    en: `${file.name} is ${mb(file.size)} MB: too large to read or keep (up to ${mb(MAX_READABLE_BYTES)} MB). Send a smaller photo again, then log it`,
  };
}

/**
 * The receipt card's data for an open mail already read (openMailTask's), or null when the mail
 * does not look like a receipt. The attachments are looked at only when the subject or body
 * mentions a receipt, so other mails cost nothing more.
 */
export function openReceipt(
  mail: OpenMail,
  workbookId: string | null,
  today: DateKey,
): ReceiptCardData | null {
  if (!mentionsReceipt(mail)) return null;
  const opened = openMailFiles(mail.messageId);
  if (!opened) return null;
  const file = receiptFile(opened.files);
  if (!looksLikeReceipt({ ...mail, attachmentTypes: opened.files.map((f) => f.contentType) }))
    return null;

  let history: (payee: string) => readonly PastExpense[] = () => [];
  let ownNames: string[] = [];
  if (workbookId) {
    const tables = workbookTables(openWorkbookById(workbookId), {
      tables: [EXPENSES_SHEET, SETTINGS_SHEET],
    });
    const table = expenseTable(tables);
    const logged = loggedRow(table, mail.messageId, workbookId);
    if (logged) return { kind: 'logged', messageId: mail.messageId, logged };
    history = historyOf(table.rows).of;
    const settings = readSettingsSheet(tables).values;
    ownNames = [settings.companyName, settings.companyNameEn ?? ''].filter((n) => n.trim() !== '');
  }

  let attachment: AttachmentText | undefined;
  let fileProblem: Text | undefined;
  const blocked = file ? tooLarge(file) : undefined;
  if (file && !blocked) {
    try {
      const read = readFileText(
        // A Gmail attachment is a Blob with its size (readFileText refuses a large one unread).
        opened.attachment(file.index) as unknown as GoogleAppsScript.Base.Blob,
        { ocrLanguage: 'ja' },
      );
      attachment = { name: file.name, kind: kindOf(file.type), text: read };
    } catch (e) {
      // The card still opens with what the mail says, whatever stopped the reading.
      console.warn(`Receipt file unread: ${e instanceof Error ? e.message : e}`);
      fileProblem =
        e instanceof UserError
          ? e.text
          : text(
              `${file.name} を読み取れませんでした。メールの内容から入力しています`,
              `Pokke could not read ${file.name}; the card shows what the mail says`,
            );
    }
  }
  const prefill = receiptPrefill(
    {
      subject: mail.subject,
      body: mail.body,
      html: mail.html,
      ...(attachment ? { attachment } : {}),
    },
    { today, ownNames, history },
  );
  return {
    kind: 'new',
    messageId: mail.messageId,
    prefill,
    keep: file
      ? { name: file.name, kind: kindOf(file.type) }
      : { name: `${mail.subject || mail.messageId}.eml`, kind: 'mail' },
    ...(fileProblem ? { fileProblem } : {}),
    ...(blocked ? { blocked: blocked } : {}),
    workbookId,
  };
}

function loggedRow(
  table: ExpenseTable,
  messageId: string,
  workbookId: string,
): LoggedReceipt | undefined {
  const row = table.rows.find((r) => cellString(r.values.source) === messageId);
  if (!row) return undefined;
  const v = row.values;
  const amount = parseYen(v.amount);
  return {
    row: row.rowNumber,
    sheetId: table.sheet.getSheetId(),
    workbookId,
    date: dateCell(v.date) ?? cellString(v.date),
    payee: cellString(v.payee),
    amount: amount.ok ? String(amount.yen) : cellString(v.amount),
    account: cellString(v.account),
    receipt: cellString(v.receipt),
  };
}

/** What the owner confirmed on the card, validated by the card action. */
export interface ReceiptLogRequest {
  readonly messageId: string;
  readonly date: DateKey;
  readonly payee: string;
  /** Tax included, the whole receipt. */
  readonly amount: number;
  readonly taxRate: TaxRate;
  /** With taxRate 10: the 8% part of `amount` (a second row). */
  readonly reduced?: number;
  readonly account?: string;
  readonly paymentMethod?: PaymentMethod;
  readonly registrationNumber?: string;
  readonly memo?: string;
}

export interface ReceiptLogResult {
  readonly created: boolean;
  readonly logged: LoggedReceipt;
  readonly fileName: string;
  readonly message: Text;
}

/** The rows of a receipt: one, or the 10% part and the 8% part. */
export function receiptRecords(req: ReceiptLogRequest, receipt: string): ExpenseRecord[] {
  const base = {
    date: req.date,
    payee: req.payee,
    ...(req.account ? { account: req.account } : {}),
    ...(req.paymentMethod ? { paymentMethod: req.paymentMethod } : {}),
    ...(req.registrationNumber ? { registrationNumber: req.registrationNumber } : {}),
    ...(req.memo ? { memo: req.memo } : {}),
    receipt,
  };
  if (req.reduced === undefined || req.taxRate !== 10)
    return [{ ...base, amount: req.amount, taxRate: req.taxRate }];
  return [
    { ...base, amount: req.amount - req.reduced, taxRate: 10 },
    { ...base, amount: req.reduced, taxRate: 8 },
  ];
}

/**
 * Logs the receipt once, under the workbook lock: a mail already in the log is answered with its
 * row (no file, no row). Otherwise the received file is saved in Pokke/経費/YYYY/MM under its
 * name (found by name when a run before saved it), then the row(s) are written in one write with
 * the file's link. Everything that can be refused is refused before the first write.
 */
export function logReceipt(
  req: ReceiptLogRequest,
  workbookId: string,
  ctx: { readonly today: DateKey; readonly lang: Lang; readonly accessToken?: string },
): ReceiptLogResult {
  const { today, lang, accessToken } = ctx;
  return withWorkbookLock(() => {
    const tables = workbookTables(openWorkbookById(workbookId), { tables: [EXPENSES_SHEET] });
    const table = expenseTable(tables);
    const before = loggedRow(table, req.messageId, workbookId);
    if (before)
      return {
        created: false,
        logged: before,
        fileName: '',
        message: {
          ja: 'このメールは経費に記録済みです(重複して記録しません)',
          en: 'This mail is already in the expense log (Pokke will not log it twice)',
        },
      };
    const opened = openMailFiles(req.messageId, accessToken);
    if (!opened)
      throw new UserError(
        'メールを読み取れませんでした。メールを開き直してください',
        'Pokke could not read this mail. Open it again',
      );
    const file = receiptFile(opened.files);
    const blocked = file ? tooLarge(file) : undefined;
    if (blocked) throw UserError.of([blocked]);
    const extension = file ? (READABLE_FILE_TYPES[file.type] ?? 'pdf') : 'eml';
    const mimeType = file ? file.type : 'message/rfc822';
    const name = receiptFileName({
      date: req.date,
      payee: req.payee,
      amount: req.amount,
      extension,
    });
    const folder = ensureFolderPath(receiptFolderPath(req.date));
    const saved = saveFileOnce(folder, name, mimeType, () =>
      file
        ? opened.attachment(file.index).copyBlob().setContentType(mimeType).setName(name)
        : Utilities.newBlob(opened.raw(), mimeType, name),
    );
    const result = logExpenseLines(tables, receiptRecords(req, saved.url), req.messageId, {
      today,
      lang,
    });
    return {
      created: result.created,
      fileName: name,
      message: result.message,
      logged: {
        row: result.row,
        sheetId: table.sheet.getSheetId(),
        workbookId,
        date: req.date,
        payee: req.payee,
        amount: String(req.amount),
        account: result.account,
        receipt: saved.url,
      },
    };
  });
}
