/**
 * File names and folders for issued invoices (電子帳簿保存法).
 *
 * Records must be searchable by 取引年月日, 取引金額 and 取引先; the NTA's example file name is
 * `YYYYMMDD_取引先_金額` (amount without commas). Pokke names a PDF
 * `20261130_株式会社ポッケ_110000.pdf`: the issue date, the client, the amount billed (what the
 * client pays, after withholding). When the invoice number is given it is appended
 * (`…_110000_2026-11-0001.pdf`): the three searchable fields stay first, and an invoice voided and
 * re-issued on the same day for the same amount gets its own file instead of being mistaken for
 * the old one (Drive saves are made idempotent by looking the name up).
 *
 * Folders: `Pokke/請求書/2026/11` (year, then zero-padded month of the issue date), so the
 * months sort in order and a tax audit's "show me November 2026" is one folder.
 */
import { type DateKey, dateParts } from '../dates';
import { assertYen } from '../money';
import { stripInvisible } from '../normalize';

/** Longest client part, in characters (Drive allows far more; a name stays readable in lists). */
export const MAX_CLIENT_CHARS = 40;
const MAX_NUMBER_CHARS = 40;

// Characters Drive, Windows or macOS refuse or misread in a name, and the field separator `_`
// (replaced, so the three fields stay separable). Control characters are dropped here;
// invisible characters that could disguise a name go with core/normalize's `stripInvisible`.
const FORBIDDEN = /[/\\:*?"<>|]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * A text made safe as part of a Drive file name: forbidden characters, controls and invisible
 * characters (bidirectional controls, zero-width characters, lone surrogates) removed, `_`
 * turned into a space, spaces collapsed, leading and trailing spaces and dots removed, capped at
 * `maxChars` characters (never splitting a surrogate pair). '' when nothing is left.
 */
export function safeFileNamePart(text: string, maxChars = MAX_CLIENT_CHARS): string {
  const cleaned = stripInvisible(text)
    .normalize('NFC')
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(CONTROL, '')
    .replace(FORBIDDEN, '')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = Array.from(cleaned);
  return chars.length > maxChars ? chars.slice(0, maxChars).join('').trimEnd() : cleaned;
}

export interface InvoiceFileNameInput {
  /** 取引年月日: the issue date. */
  readonly date: DateKey;
  readonly clientName: string;
  /** The amount billed, whole yen. */
  readonly amount: number;
  /** Appended when given (recommended). */
  readonly invoiceNumber?: string;
}

/** `YYYYMMDD_取引先_金額.pdf`, or `YYYYMMDD_取引先_金額_番号.pdf` with the invoice number. */
export function invoiceFileName(input: InvoiceFileNameInput): string {
  assertYen(input.amount, 'invoiceFileName');
  const client = safeFileNamePart(input.clientName) || '取引先';
  const compactDate = input.date.replace(/-/g, '');
  const number =
    input.invoiceNumber === undefined
      ? ''
      : safeFileNamePart(input.invoiceNumber.replace(/[/\\]/g, '-'), MAX_NUMBER_CHARS);
  return `${compactDate}_${client}_${input.amount}${number ? `_${number}` : ''}.pdf`;
}

/** The default root of invoice folders below My Drive. */
export const INVOICE_FOLDER_ROOT: readonly string[] = ['Pokke', '請求書'];

/** `['Pokke', '請求書', '2026', '11']` for an invoice issued in November 2026. */
export function invoiceFolderPath(
  issueDate: DateKey,
  root: readonly string[] = INVOICE_FOLDER_ROOT,
): string[] {
  const { year, month } = dateParts(issueDate);
  return [...root, String(year), String(month).padStart(2, '0')];
}
