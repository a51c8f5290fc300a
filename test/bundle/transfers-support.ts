import type { Bundle } from '../../emulator/runtime';
import { book, demoAt } from './automations-support';

/** The demo company on Tuesday 2026-11-24, with its three payables (designer, supplier, utility). */
export const demoPayables = () => demoAt('2026-11-24T09:00:00+09:00');

/** Wednesday: the next bank business day, the date the sidebar proposes. */
export const TRANSFER_DATE = '2026-11-25';

/** Appends 支払予定 rows by header, as the owner types them. */
export function addPayables(bundle: Bundle, records: readonly Record<string, unknown>[]): void {
  const sheet = book(bundle).getSheetByName('支払予定')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const first = sheet.getLastRow() + 1;
  const room = first + records.length - 1 - sheet.getMaxRows();
  if (room > 0) sheet.insertRowsAfter(sheet.getMaxRows(), room);
  sheet
    .getRange(first, 1, records.length, header.length)
    .setValues(records.map((r) => header.map((h) => r[h] ?? '')));
}

/** `n` more suppliers to pay, each a valid row. */
export function addSuppliers(bundle: Bundle, n: number): void {
  addPayables(
    bundle,
    Array.from({ length: n }, (_, i) => ({
      支払先: `仕入先 ${i + 1}`,
      銀行コード: '0001',
      支店コード: '440',
      預金種目: '普通',
      口座番号: String(1_000_000 + i),
      '口座名義(カナ)': 'カ)シイレサキ',
      支払額: 10_000 + i,
      源泉徴収: 'しない',
      状態: '未払',
    })),
  );
}

export interface Preview {
  rows: number[];
  lines: { row: number; transfer: number; withholding: number; names: { bank: string | null } }[];
  problems: { row: number | null; message: { ja: string } }[];
  dateProblem: { message: { ja: string }; suggestion: string } | null;
  total: number;
  withholdingTotal: number;
  month: { month: string; total: number; dueDate: string };
  warnings: { ja: string }[];
  made: { fileName: string; count: number; total: number }[];
}

export const preview = (bundle: Bundle, transferDate = TRANSFER_DATE) =>
  bundle.runJson('transfersPreview', [{ transferDate }]) as Preview;

/** Reviews, then creates the file of what the review showed: the sidebar's two calls. */
export function reviewAndCreate(bundle: Bundle, transferDate = TRANSFER_DATE) {
  const p = preview(bundle, transferDate);
  return bundle.runJson('transfersCreate', [{ transferDate, rows: p.rows }]) as {
    fileName: string;
    url: string;
    count: number;
    total: number;
    withholdingTotal: number;
    month: { month: string; total: number; dueDate: string };
  };
}

/** Transfer files in Drive: path → bytes. */
export function transferFiles(bundle: Bundle): Map<string, Buffer> {
  return new Map(
    bundle.workspace.DriveApp.allFiles()
      .filter((f) => f.path.startsWith('Pokke/振込/'))
      .map((f) => [f.path, Buffer.from(f.blob.raw())]),
  );
}
