/**
 * The shapes of the 請求書 sidebar that cross google.script.run. Types only, below both the
 * features and the sidebars; the server validates every incoming value with zod (src/ui/rpc.ts).
 */
import type { Lang, Text } from '../text';
import type { RoundingMethod } from './settings';

/**
 * The 請求書 sidebar asks what a closing run would issue, then issues it. Dates are YYYY-MM-DD.
 * With `rows`, only those 売上明細 rows are issued: one invoice per client, whatever their period.
 */
export interface InvoiceRunRequest {
  closingDate: string;
  /** Sheet rows of 売上明細 the owner selected; absent for a whole closing run. */
  rows?: number[];
}

/** What the 請求書 sidebar starts from, by the server's clock (never the browser's). */
export interface InvoiceDefaults {
  lang: Lang;
  /** The last day of the current month in Asia/Tokyo, YYYY-MM-DD. */
  closingDate: string;
}

/** Opens one invoice of the preview as it will look (a modal dialog); nothing is written. */
export interface InvoiceShowPreviewRequest {
  closingDate: string;
  /** The preview item's periodKey (which client's invoice). */
  periodKey: string;
  /** When the owner selected lines: the selected rows (only that client's are used). */
  rows?: number[];
}

/** One unbilled line of a preview item, for the owner to select. */
export interface InvoicePreviewLine {
  /** Its 売上明細 row; for a pending line, the row it will get. */
  row: number;
  date: string;
  item: string;
  /** Whole yen, in the line's tax mode. */
  amount: number;
  /** Made from a 定期請求 row. */
  recurring: boolean;
  /**
   * A 定期請求 line due by the closing date and not in 売上明細 yet: issuing adds it first. It
   * cannot be unticked; it goes with its client's invoice.
   */
  pending: boolean;
  taxRate: 10 | 8 | 0 | 'exempt';
  /** Whether `amount` is 税抜 (exclusive) or 税込 (inclusive). */
  taxMode: 'exclusive' | 'inclusive';
}

export interface InvoicePreviewItem {
  /** Identifies what the invoice bills; the same period is never issued twice. */
  periodKey: string;
  client: string;
  lineCount: number;
  periodStart: string;
  periodEnd: string;
  issueDate: string;
  dueDate: string;
  base10: number;
  tax10: number;
  base8: number;
  tax8: number;
  base0: number;
  total: number;
  withholding: number;
  billed: number;
  /** The client withholds income tax (the sidebar recomputes `withholding` from the lines). */
  withholds: boolean;
  /** Notes (carried-over lines, mixed tax modes…). */
  warnings: Text[];
  /** The lines the invoice bills, by date then row. */
  lines: InvoicePreviewLine[];
}

export interface RowProblem {
  sheet: string;
  row: number;
  message: Text;
}

export interface InvoicePreview {
  closingDate: string;
  invoices: InvoicePreviewItem[];
  /** Clients whose period for this closing date is already issued. */
  alreadyIssued: string[];
  /** Rows that cannot be billed, with the reason (also written to their メッセージ cell on issue). */
  problems: RowProblem[];
  /** Unbilled lines that belong to a later closing. */
  laterLines: number;
  /** 設定「請求書を直接送信」する: issuing sends the mails instead of making drafts. */
  sendDirectly: boolean;
  /** 設定「消費税の端数処理」: the sidebar recomputes a partly ticked invoice with it. */
  rounding: RoundingMethod;
  /** What the settings leave out of every invoice (no 登録番号, no 振込先…). */
  settingsWarnings: Text[];
}

export interface IssuedInvoice {
  number: string;
  client: string;
  billed: number;
  pdfUrl: string;
  /** The Gmail draft; '' when the invoice was sent directly or has no recipient. */
  draftUrl: string;
  /** Sent directly (設定「請求書を直接送信」する). */
  sent: boolean;
  /** A note for this invoice (no recipient, mail limit reached…), or null. */
  message: Text | null;
}

export interface IssueReport {
  issued: IssuedInvoice[];
  alreadyIssued: string[];
  problems: RowProblem[];
  /** Selected rows that could not be issued (then nothing of the selection was issued). */
  refused: RowProblem[];
  /**
   * Invoices recorded (numbered, lines marked) whose PDF and mail did not fit in this execution:
   * `invoicesContinue`, or the one-off trigger scheduled for them, makes them.
   */
  unfinished: number;
  /** 定期請求 lines this run added to 売上明細 (due by the closing date) before issuing. */
  addedLines: number;
  /**
   * What the settings left out of the invoices just made (no 登録番号, no 振込先…), also in
   * `message`. Empty when nothing was made.
   */
  settingsWarnings: Text[];
  message: Text;
}
