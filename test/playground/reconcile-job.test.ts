/**
 * `npm run simulate -- reconcile`: the demo month's workbook (invoices issued on 11/30, month end
 * run on 12/30) exported as .xlsx, the demo bank CSV (Shift_JIS) imported; `--confirm-above 90`
 * confirms only the proposals that sure. Needs dist/.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelFromSpreadsheet } from '../../playground/sheets';
import { readXlsxFile, writeXlsxFile } from '../../playground/xlsx';
import { book, demoAt, tokyo } from '../bundle/automations-support';
import { cli } from './support/cli';

const dir = mkdtempSync(join(tmpdir(), 'pokke-reconcile-job-'));
const monthXlsx = join(dir, 'month.xlsx');
const CSV = 'playground/demo/bank-2026-12.csv';

beforeAll(async () => {
  const bundle = demoAt('2026-11-30T18:00:00+09:00');
  bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
  bundle.workspace.clock.set(tokyo('2026-12-30T10:00:00'));
  bundle.runJson('automationsRunNow', []);
  await writeXlsxFile(modelFromSpreadsheet(book(bundle)), monthXlsx);
}, 60000);

/** A sheet of the written workbook as objects keyed by header (cell values as read back). */
async function sheetRows(file: string, name: string): Promise<Record<string, unknown>[]> {
  const { workbook } = await readXlsxFile(file, 'Asia/Tokyo');
  const sheet = workbook.sheets.find((s) => s.name === name)!;
  const [header = [], ...rows] = sheet.values.filter((r): r is NonNullable<typeof r> => !!r);
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? ''])));
}

describe('the reconcile job', () => {
  it('imports and proposes; --confirm-above 90 confirms the two sure ones only', async () => {
    const proposed = await cli(
      'reconcile',
      '--workbook',
      monthXlsx,
      '--csv',
      CSV,
      '--now',
      '2027-01-08T18:00',
      '--out',
      join(dir, 'proposed'),
    );
    expect(proposed.err).toEqual([]);
    expect(proposed.out[0]).toBe('三井住友銀行の明細を6行取り込みました(うち入金4件)');
    const lines = await sheetRows(join(dir, 'proposed', 'workbook.xlsx'), '入出金明細');
    expect(lines.map((l) => l['メッセージ'])).toContain(
      '照合案: 2026-11-0004(確度 91%: 振込手数料 440円差・名義一致)',
    );

    const sure = await cli(
      'reconcile',
      '--workbook',
      monthXlsx,
      '--csv',
      CSV,
      '--now',
      '2027-01-08T18:00',
      '--confirm-above',
      '90',
      '--out',
      join(dir, 'sure'),
      '--lang',
      'en',
    );
    expect(sure.err).toEqual([]);
    expect(sure.out[0]).toBe(
      '6 line(s) of the Sumitomo Mitsui Banking Corporation statement imported (4 money in). 2 payment(s) confirmed; paid: 2026-11-0002, 2027-01-0001, 2026-11-0004; transfer fees of 440 yen recorded in 経費 as 支払手数料',
    );
    const invoices = await sheetRows(join(dir, 'sure', 'workbook.xlsx'), '請求書');
    expect(invoices.map((r) => [r['請求書番号'], r['状態']])).toEqual([
      ['2026-11-0001', '下書き'],
      ['2026-11-0002', '入金済'],
      ['2026-11-0003', '下書き'],
      ['2026-11-0004', '入金済'],
      ['2027-01-0001', '入金済'],
    ]);
  });

  it('needs --csv, and refuses --confirm-above outside 0–100', async () => {
    const out = join(dir, 'x');
    const none = await cli('reconcile', '--workbook', monthXlsx, '--out', out);
    expect(none.err).toEqual(['reconcile には --csv で銀行の明細CSVを指定してください']);
    const bad = await cli(
      'reconcile',
      '--workbook',
      monthXlsx,
      '--csv',
      CSV,
      '--confirm-above',
      '120',
      '--out',
      out,
    );
    expect(bad.err[0]).toMatch(/^--confirm-above には 0〜100 の整数/);
  });
});
