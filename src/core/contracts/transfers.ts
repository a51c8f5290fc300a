/**
 * What the 振込 sidebar and the transfers feature exchange (JSON values only). Dates are
 * YYYY-MM-DD civil dates in Japan; amounts are whole yen.
 */
import type { Lang, Text } from '../text';

/** What the sidebar starts from, by the script's clock (never the browser's). */
export interface TransferDefaults {
  lang: Lang;
  /** Today in Japan. */
  today: string;
  /** The first bank business day after today: the date the sidebar proposes. */
  transferDate: string;
}

export interface TransferPreviewRequest {
  transferDate: string;
}

/** The bank and branch as the directory names them, for the owner to confirm. */
export interface BankNames {
  /** e.g. みずほ / 東京営業部; null when the directory has no such code. */
  bank: string | null;
  branch: string | null;
}

/** One 未払 row as it would go into the file. */
export interface TransferPreviewLine {
  row: number;
  payee: string;
  bankCode: string;
  branchCode: string;
  names: BankNames;
  accountType: string;
  accountNumber: string;
  /** 口座名義 as the file writes it (half-width kana). */
  holder: string;
  /** 支払期日, or '' when the row has none. */
  dueDate: string;
  amount: number;
  withholding: number;
  /** amount − withholding: what the payee receives. */
  transfer: number;
}

/** A problem that refuses the whole file: a payables row, or (row null) the settings or the date. */
export interface TransferProblem {
  row: number | null;
  message: Text;
}

/** 源泉所得税 withheld on the month's transfers (those already made and this file), and its due date. */
export interface MonthWithholding {
  /** YYYY-MM of the transfer date. */
  month: string;
  total: number;
  /** The 10th of the next month, or the next business day. */
  dueDate: string;
}

/** A transfer file made earlier whose rows are still marked: the owner may undo the mark. */
export interface MadeTransferFile {
  fileName: string;
  transferDate: string;
  count: number;
  total: number;
}

export interface TransferPreview {
  transferDate: string;
  /** A transfer date banks cannot use, with the business day to use instead. */
  dateProblem: { message: Text; suggestion: string } | null;
  /** The rows to pay, in sheet order (empty when the file is refused). */
  lines: TransferPreviewLine[];
  /** Rows 未払 that the file would carry, as sent back to create it. */
  rows: number[];
  count: number;
  total: number;
  withholdingTotal: number;
  month: MonthWithholding;
  /** Things to look at that do not stop the file (unknown bank codes, an account paid twice). */
  warnings: Text[];
  /** Why no file can be made; empty when it can. */
  problems: TransferProblem[];
  /** The owner's own account as the bank directory names it. */
  requester: BankNames;
  /** The bank directory's data date (YYYYMMDD), or '' when it could not be read. */
  directoryDate: string;
  made: MadeTransferFile[];
}

export interface TransferCreateRequest {
  transferDate: string;
  /**
   * The rows reviewed in the preview: the file is refused when the 未払 rows changed since.
   * Without them (the CLI), the 未払 rows as they are.
   */
  rows?: number[];
}

export interface TransferReport {
  fileName: string;
  /** The file in Drive. */
  url: string;
  count: number;
  total: number;
  withholdingTotal: number;
  month: MonthWithholding;
  message: Text;
}

export interface TransferUndoRequest {
  fileName: string;
}

export interface TransferUndoReport {
  fileName: string;
  count: number;
  message: Text;
}
