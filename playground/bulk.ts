// Many fictional clients with one unbilled sales line each, appended to a seeded workbook:
// the scale that benchmarks and the multi-execution tests issue (one invoice per client).
import type { Bundle } from '../emulator/runtime';

export interface BulkOptions {
  /** The sales line's date (a Date in the host realm). */
  readonly date: Date;
  /** Mail every client shares (the emulator's mailbox takes any address). */
  readonly email?: string;
}

/** Client names of the form 取引先0001株式会社 (fictional). */
export const bulkClientName = (i: number) => `取引先${String(i + 1).padStart(4, '0')}株式会社`;

export function addBulkClients(bundle: Bundle, count: number, options: BulkOptions): string[] {
  const ss = bundle.workspace.SpreadsheetApp.active!;
  const names = Array.from({ length: count }, (_, i) => bulkClientName(i));
  appendByHeader(
    ss.getSheetByName('取引先')!,
    names.map((name) => ({
      取引先名: name,
      敬称: '御中',
      メール: options.email ?? 'keiri@example.com',
      支払条件: '月末締め翌月末払い',
    })),
  );
  appendByHeader(
    ss.getSheetByName('売上明細')!,
    names.map((name, i) => ({
      日付: options.date,
      取引先: name,
      品目: '月次保守',
      数量: 1,
      単位: '式',
      単価: 10_000 + i,
      税率: '10%',
      '税込/税抜': '税抜',
    })),
  );
  return names;
}

type Sheet = NonNullable<
  ReturnType<NonNullable<Bundle['workspace']['SpreadsheetApp']['active']>['getSheetByName']>
>;

function appendByHeader(sheet: Sheet, records: readonly Record<string, unknown>[]): void {
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const first = sheet.getLastRow() + 1;
  const room = first + records.length - 1 - sheet.getMaxRows();
  if (room > 0) sheet.insertRowsAfter(sheet.getMaxRows(), room);
  sheet
    .getRange(first, 1, records.length, header.length)
    .setValues(records.map((r) => header.map((h) => r[h] ?? '')));
}
