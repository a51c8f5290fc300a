/**
 * The accounting services Pokke exports expenses to, and the name and folder of an export file.
 */
import { EXPENSE_FOLDER_ROOT } from '../fileName';
import type { CsvDocument } from './csv';
import type { ExportExpense } from './exportRow';
import { type FreeeOptions, freeeCsv } from './freee';
import { type MoneyForwardOptions, moneyForwardCsv } from './moneyForward';

export const EXPORT_VENDORS = ['freee', 'moneyForward'] as const;
export type ExportVendor = (typeof EXPORT_VENDORS)[number];

export type VendorOptions = FreeeOptions & MoneyForwardOptions;

/** How a vendor is named in file names and messages. */
export const VENDOR_LABELS: Readonly<
  Record<ExportVendor, { ja: string; en: string; file: string }>
> = {
  freee: { ja: 'freee会計', en: 'freee', file: 'freee' },
  moneyForward: { ja: 'マネーフォワード クラウド会計', en: 'Money Forward', file: 'MF' },
};

export function vendorCsv(
  vendor: ExportVendor,
  expenses: readonly ExportExpense[],
  options: VendorOptions = {},
): CsvDocument {
  return vendor === 'freee' ? freeeCsv(expenses, options) : moneyForwardCsv(expenses, options);
}

/** A month, `YYYY-MM`. */
export type MonthKey = string & { readonly __brand: 'MonthKey' };

/** The month `text` names (`2026-11`, `2026/11`), or null. */
export function parseMonthKey(text: string): MonthKey | null {
  const m = /^(\d{4})[-/](\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}` as MonthKey;
}

/** Exports are kept together, beside the receipts' year folders. */
export const EXPENSE_EXPORT_FOLDER: readonly string[] = [...EXPENSE_FOLDER_ROOT, 'エクスポート'];

/**
 * `経費_2026-11_freee_20261207-0930.csv`: the month exported, the vendor, and when (Japan time),
 * so a second export of the same month (rows corrected since) is a new file beside the first.
 */
export function exportFileName(month: MonthKey, vendor: ExportVendor, at: Date): string {
  const tokyo = new Date(at.getTime() + 9 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${tokyo.getUTCFullYear()}${pad(tokyo.getUTCMonth() + 1)}${pad(tokyo.getUTCDate())}-${pad(tokyo.getUTCHours())}${pad(tokyo.getUTCMinutes())}`;
  return `経費_${month}_${VENDOR_LABELS[vendor].file}_${stamp}.csv`;
}
