import iconv from 'iconv-lite';
import { type Bundle, loadBundleFromDist } from '../../emulator/runtime';
import { seedDemo } from '../../playground/seed';
import { DEMO_DIR, ExecutionLog, readDemoCompany } from '../../playground/session';
import type { ExpenseExportReport } from '../../src/core/contracts/expenseExport';
import { FREEE_HEADER, MONEY_FORWARD_HEADER } from '../../src/core/expenses/export';
import { readCsv } from '../fixtures/readCsv';

/** A 経費 row by header (the sheet's own headers, whatever their order). */
interface Row {
  日付: Date | string;
  取引先: string;
  勘定科目: string;
  '金額(税込)': number | string;
  税率: string;
  メモ?: string;
}

const day = (key: string) => new Date(`${key}T00:00:00+09:00`);

function demoBundle(): Bundle {
  const bundle = loadBundleFromDist('dist', { now: '2026-11-30T18:00:00+09:00' });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  return bundle;
}

/** Replaces the demo's 経費 rows with these. */
function setExpenses(bundle: Bundle, rows: readonly Row[]): void {
  const sheet = bundle.workspace.SpreadsheetApp.active!.getSheetByName('経費')!;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
  if (sheet.getLastRow() > 1)
    sheet.getRange(2, 1, sheet.getLastRow() - 1, headers.length).clearContent();
  if (sheet.getMaxRows() < rows.length + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length + 1 - sheet.getMaxRows());
  const grid = rows.map((r) =>
    headers.map((h) => (r as unknown as Record<string, unknown>)[h] ?? ''),
  );
  if (grid.length > 0) sheet.getRange(2, 1, grid.length, headers.length).setValues(grid);
}

const HOSTILE = '=HYPERLINK("http://evil.example","領収書")\n"株式会社"';

const ROWS: Row[] = [
  {
    日付: day('2026-11-20'),
    取引先: 'ぽっけネット回線',
    勘定科目: '通信費',
    '金額(税込)': 5500,
    税率: '10%',
    メモ: '11月分',
  },
  {
    日付: day('2026-11-04'),
    取引先: '東都交通',
    勘定科目: '旅費交通費',
    '金額(税込)': 1980,
    税率: '10%',
  },
  {
    日付: day('2026-11-08'),
    取引先: 'まちの八百屋',
    勘定科目: '会議費',
    '金額(税込)': 1080,
    税率: '8%',
    メモ: '-打ち合わせ用',
  },
  {
    日付: day('2026-11-09'),
    取引先: HOSTILE,
    勘定科目: '接待交際費',
    '金額(税込)': 22000,
    税率: '10%',
  },
  {
    日付: day('2026-11-10'),
    取引先: '文具のポッケ',
    勘定科目: '消耗品費',
    '金額(税込)': -550,
    税率: '10%',
    メモ: '返品',
  },
  { 日付: day('2026-10-31'), 取引先: '先月の店', 勘定科目: '雑費', '金額(税込)': 300, 税率: '10%' },
  {
    日付: day('2026-11-12'),
    取引先: '読めない店',
    勘定科目: '雑費',
    '金額(税込)': 'たくさん',
    税率: '10%',
  },
];

/** The month's good rows in date order, as the files must carry them. */
const EXPECTED = [
  ['2026/11/04', '東都交通', 1980],
  ['2026/11/08', 'まちの八百屋', 1080],
  ['2026/11/09', `'=HYPERLINK("http://evil.example","領収書") "株式会社"`, 22000],
  ['2026/11/10', '文具のポッケ', -550],
  ['2026/11/20', 'ぽっけネット回線', 5500],
] as const;

function exported(bundle: Bundle) {
  const files = bundle.workspace.DriveApp.allFiles();
  const find = (pattern: RegExp) => {
    const f = files.find((file) => pattern.test(file.name));
    if (!f) throw new Error(`no file ${pattern}`);
    return { file: f, bytes: new Uint8Array(f.blob.raw()) };
  };
  return { freee: find(/_freee_/), mf: find(/_MF_/), count: files.length };
}

describe('expense export through the bundle (demo company, 2026-11-30)', () => {
  it('saves both files in Pokke/経費/エクスポート and they read back with their encodings', () => {
    const bundle = demoBundle();
    setExpenses(bundle, ROWS);
    const report = bundle.runJson('expensesExport', [{ month: '2026-11' }]) as ExpenseExportReport;

    expect(report.files.map((f) => [f.vendor, f.exported, f.skippedCount])).toEqual([
      ['freee', 5, 1],
      ['moneyForward', 5, 1],
    ]);
    // The unreadable amount in row 8 (header + 7 rows) is listed, not exported.
    expect(report.files[0]!.skipped).toEqual([
      {
        row: 8,
        message: expect.objectContaining({
          ja: expect.stringMatching(/^金額\(税込\)「たくさん」/),
        }),
      },
    ]);
    const { freee, mf, count } = exported(bundle);
    expect(count).toBe(2);
    for (const { file } of [freee, mf]) {
      expect(file.folderPath).toBe('Pokke/経費/エクスポート');
      expect(file.mimeType).toBe('text/csv');
    }
    expect(freee.file.name).toBe('経費_2026-11_freee_20261130-1800.csv');
    expect(report.files[0]!.file?.name).toBe(freee.file.name);
    expect(report.message.ja).toBe(
      '2026-11 の経費 5件を freee会計 用に書き出しました: 経費_2026-11_freee_20261130-1800.csv。' +
        '入力に問題のある 1行は含めていません。' +
        '2026-11 の経費 5件を マネーフォワード クラウド会計 用に書き出しました: 経費_2026-11_MF_20261130-1800.csv。' +
        '入力に問題のある 1行は含めていません',
    );

    // freee: UTF-8 with a byte-order mark.
    expect([...freee.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const freeeText = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(
      freee.bytes.slice(3),
    );
    const [freeeHeader, ...freeeRows] = readCsv(freeeText);
    expect(freeeHeader).toEqual([...FREEE_HEADER]);
    const f = (name: (typeof FREEE_HEADER)[number]) => FREEE_HEADER.indexOf(name);
    expect(freeeRows.map((r) => [r[f('発生日')], r[f('取引先')], Number(r[f('金額')])])).toEqual(
      EXPECTED.map((e) => [...e]),
    );
    expect(freeeRows[2]![f('勘定科目')]).toBe('交際費');
    expect(freeeRows[1]![f('備考')]).toBe("'-打ち合わせ用");

    // MF: Shift_JIS, no byte-order mark; the bytes are what a Shift_JIS encoder makes of the text.
    expect(mf.bytes[0]).not.toBe(0xef);
    const mfText = new TextDecoder('shift_jis', { fatal: true }).decode(mf.bytes);
    expect(new Uint8Array(iconv.encode(mfText, 'Shift_JIS'))).toEqual(mf.bytes);
    const [mfHeader, ...mfRows] = readCsv(mfText);
    expect(mfHeader).toEqual([...MONEY_FORWARD_HEADER]);
    const m = (name: (typeof MONEY_FORWARD_HEADER)[number]) => MONEY_FORWARD_HEADER.indexOf(name);
    // The refund is the reversed entry: its expense is on the 貸方, the amount positive.
    expect(
      mfRows.map((r) => [
        r[m('取引日')],
        r[m('借方取引先')] || r[m('貸方取引先')],
        Number(r[m('借方金額(円)')]) * (r[m('借方取引先')] ? 1 : -1),
      ]),
    ).toEqual(EXPECTED.map((e) => [...e]));
    expect(mfRows.map((r) => r[m('取引No')])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('refuses a character Shift_JIS lacks, naming its row, and saves neither file', () => {
    const bundle = demoBundle();
    setExpenses(bundle, [
      ROWS[1]!,
      {
        日付: day('2026-11-15'),
        取引先: '𠮷野家',
        勘定科目: '会議費',
        '金額(税込)': 880,
        税率: '10%',
      },
    ]);
    expect(() => bundle.runJson('expensesExport', [{ month: '2026-11' }])).toThrow(
      /^経費シート 3行目: 「𠮷」は マネーフォワード クラウド会計 用のファイル\(Shift_JIS\)に書けない文字です/,
    );
    expect(bundle.workspace.DriveApp.allFiles()).toEqual([]);
    // freee's file is UTF-8: the same row exports there.
    const report = bundle.runJson('expensesExport', [
      { month: '2026-11', vendors: ['freee'] },
    ]) as ExpenseExportReport;
    expect(report.files.map((f) => f.exported)).toEqual([2]);
  });

  it('makes no file for a month without expenses, and refuses a malformed month', () => {
    const bundle = demoBundle();
    const report = bundle.runJson('expensesExport', [{ month: '2027-01' }]) as ExpenseExportReport;
    expect(report.files.map((f) => f.file)).toEqual([null, null]);
    expect(report.files[0]!.message.ja).toMatch(/^2027-01 の経費はありません/);
    expect(bundle.workspace.DriveApp.allFiles()).toEqual([]);
    expect(() => bundle.runJson('expensesExport', [{ month: '2026-13' }])).toThrow(/入力内容/);
  });
});

describe('cost of an export', () => {
  function run(rowCount: number) {
    const bundle = demoBundle();
    const rows = Array.from(
      { length: rowCount },
      (_, i): Row => ({
        日付: day(`2026-11-${String((i % 28) + 1).padStart(2, '0')}`),
        取引先: `取引先${i + 1}`,
        勘定科目: '消耗品費',
        '金額(税込)': 1000 + i,
        税率: i % 2 === 0 ? '10%' : '8%',
        メモ: `品目 ${i + 1}`,
      }),
    );
    setExpenses(bundle, rows);
    bundle.workspace.meter.resetCounts();
    const modelledStart = bundle.workspace.clock.now();
    const started = performance.now();
    const report = bundle.runJson('expensesExport', [{ month: '2026-11' }]) as ExpenseExportReport;
    const ms = performance.now() - started;
    const modelled = bundle.workspace.clock.now() - modelledStart;
    expect(report.files.map((f) => f.exported)).toEqual([rowCount, rowCount]);
    const counts = bundle.workspace.meter.counts();
    const byService: Record<string, number> = {};
    for (const [key, n] of Object.entries(counts)) {
      const service = key.slice(0, key.indexOf('.'));
      byService[service] = (byService[service] ?? 0) + n;
    }
    return {
      byService,
      ms,
      modelled,
      bytes: bundle.workspace.DriveApp.allFiles().map((f) => f.blob.raw().length),
    };
  }

  it('makes the same service calls for 10 and 5,000 rows (figures printed for the README)', () => {
    const small = run(10);
    const large = run(5000);
    expect(large.byService).toEqual(small.byService);
    // Sheets: the sheets' names, then the 経費 sheet in one batched read.
    expect(small.byService.Sheets).toBe(2);
    expect(small.byService.SpreadsheetApp ?? 0).toBeLessThanOrEqual(2);
    console.log(
      `expenses-export calls (10 and 5,000 rows): ${JSON.stringify(small.byService)}; ` +
        `node time 10 rows ${small.ms.toFixed(0)} ms, 5,000 rows ${large.ms.toFixed(0)} ms; ` +
        `modelled Apps Script time 10 rows ${small.modelled} ms, 5,000 rows ${large.modelled} ms; ` +
        `file sizes at 5,000 rows ${large.bytes.join(' / ')} bytes`,
    );
  });
});
