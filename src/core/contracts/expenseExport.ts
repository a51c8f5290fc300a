/** What the expense export (経費 → freee / マネーフォワード CSV) answers the sidebar and the CLI. */
import type { ExportVendor } from '../expenses/export';
import type { Lang, Text } from '../text';

/** A row left out of the export, with what is wrong in it. */
export interface SkippedExpenseRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly message: Text;
}

export interface ExpenseExportFile {
  readonly vendor: ExportVendor;
  /** `YYYY-MM`. */
  readonly month: string;
  /** The Drive file, or null when the month has no expense to export. */
  readonly file: { readonly name: string; readonly url: string } | null;
  /** Expenses written to the file. */
  readonly exported: number;
  /** Rows of the month left out (at most MAX_SKIPPED_LISTED of them listed). */
  readonly skipped: readonly SkippedExpenseRow[];
  readonly skippedCount: number;
  readonly message: Text;
}

export interface ExpenseExportReport {
  readonly lang: Lang;
  readonly files: readonly ExpenseExportFile[];
  /** Every file's message, one after the other. */
  readonly message: Text;
}
