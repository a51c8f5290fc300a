/**
 * Payments out (issue 16) through the built bundle: the transfer file from the demo payables, byte
 * for byte against a file built by hand from the 全銀協 layout, refused as a whole when a row is
 * bad, the rows marked so a second run offers nothing, the explicit undo, a holiday refused with
 * the next business day, and Sheets calls that do not grow with the rows.
 */
import { readFileSync } from 'node:fs';
import { records, setSetting } from './automations-support';
import {
  addPayables,
  addSuppliers,
  demoPayables,
  preview,
  reviewAndCreate,
  TRANSFER_DATE,
  transferFiles,
} from './transfers-support';

type Field = [name: string, position: number, width: number, content: string];

// 全銀協 総合振込 (see test/core/transfers/transferFile.test.ts for the sources): N fields
// right-aligned zero-filled, C fields left-aligned space-filled, names in half-width kana.
const HEADER: Field[] = [
  ['データ区分', 1, 1, '1'],
  ['種別コード', 2, 2, '21'],
  ['コード区分', 4, 1, '0'],
  ['依頼人コード', 5, 10, '1234567890'],
  ['依頼人名 カ)ポツケシヨウテン', 15, 40, 'ｶ)ﾎﾟﾂｹｼﾖｳﾃﾝ'.padEnd(40)],
  ['振込指定日 11/25', 55, 4, '1125'],
  ['仕向銀行番号', 59, 4, '0005'],
  ['仕向銀行名 (directory kana)', 63, 15, 'ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ'.padEnd(15)],
  ['仕向支店番号', 78, 3, '135'],
  ['仕向支店名', 81, 15, 'ｼﾌﾞﾔ'.padEnd(15)],
  ['預金種目 普通', 96, 1, '1'],
  ['口座番号', 97, 7, '7654321'],
  ['ダミー', 104, 17, ' '.repeat(17)],
];
const data = (
  bank: string,
  bankName: string,
  branch: string,
  branchName: string,
  type: string,
  account: string,
  holder: string,
  amount: string,
): Field[] => [
  ['データ区分', 1, 1, '2'],
  ['被仕向銀行番号', 2, 4, bank],
  ['被仕向銀行名', 6, 15, bankName.padEnd(15)],
  ['被仕向支店番号', 21, 3, branch],
  ['被仕向支店名', 24, 15, branchName.padEnd(15)],
  ['手形交換所番号', 39, 4, '0000'],
  ['預金種目', 43, 1, type],
  ['口座番号', 44, 7, account],
  ['受取人名', 51, 30, holder.padEnd(30)],
  ['振込金額', 81, 10, amount],
  ['新規コード', 91, 1, '0'],
  ['顧客コード1', 92, 10, '0000000000'],
  ['顧客コード2', 102, 10, '0000000000'],
  ['振込指定区分', 112, 1, '0'],
  ['識別表示', 113, 1, ' '],
  ['ダミー', 114, 7, ' '.repeat(7)],
];
// The designer: 110,000 yen less 11,231 withheld (10.21%); the supplier, 当座; the utility.
const DESIGNER = data('0009', 'ﾐﾂｲｽﾐﾄﾓ', '221', 'ｼﾝｼﾞﾕｸ', '1', '1111111', 'ｻｻｷ ﾐｻｷ', '0000098769');
const SUPPLIER = data('0001', 'ﾐｽﾞﾎ', '440', 'ｵｵｻｶ', '2', '2222222', 'ｶ)ｻｸﾗｼｻﾞｲ', '0000385000');
const UTILITY = data('0010', 'ﾘｿﾅ', '709', 'ﾖｺﾊﾏ', '1', '3333333', 'ﾐﾅﾄﾃﾞﾝﾘﾖｸ(ｶ', '0000012800');
const TRAILER: Field[] = [
  ['データ区分', 1, 1, '8'],
  ['合計件数', 2, 6, '000003'],
  ['合計金額 98,769 + 385,000 + 12,800', 8, 12, '000000496569'],
  ['ダミー', 20, 101, ' '.repeat(101)],
];
const END: Field[] = [
  ['データ区分', 1, 1, '9'],
  ['ダミー', 2, 119, ' '.repeat(119)],
];
const BY_HAND = [HEADER, DESIGNER, SUPPLIER, UTILITY, TRAILER, END];

const FILE_PATH = 'Pokke/振込/2026/11/furikomi_20261125.txt';

describe('the transfer file from the demo payables', () => {
  it('is the file built by hand: 120 bytes a record, each field in place, Shift_JIS, CRLF', () => {
    const bundle = demoPayables();
    const report = reviewAndCreate(bundle);
    expect(report).toMatchObject({ fileName: 'furikomi_20261125.txt', count: 3, total: 496_569 });
    const bytes = transferFiles(bundle).get(FILE_PATH)!;
    expect(bytes).toBeDefined();
    // Every record is 120 bytes and ends with CR LF.
    expect(bytes.length).toBe(BY_HAND.length * 122);
    for (let r = 0; r < BY_HAND.length; r++) {
      expect([bytes[r * 122 + 120], bytes[r * 122 + 121]]).toEqual([0x0d, 0x0a]);
    }
    // Half-width kana are single bytes 0xA1–0xDF (JIS X 0201): ｶ is 0xB6.
    expect(bytes[14]).toBe(0xb6); // ｶ of ｶ)ﾎﾟﾂｹ…
    const decoded = new TextDecoder('shift_jis').decode(bytes).split('\r\n');
    expect(decoded.pop()).toBe('');
    BY_HAND.forEach((fields, r) => {
      const record = decoded[r]!;
      expect(record).toHaveLength(120);
      for (const [name, position, width, content] of fields) {
        expect({ name, value: record.slice(position - 1, position - 1 + width) }).toEqual({
          name,
          value: content,
        });
      }
    });
  });

  it('shows the bank and branch names, the total, the withholding and its due date', () => {
    const p = preview(demoPayables());
    expect(p.lines.map((l) => l.names.bank)).toEqual(['三井住友', 'みずほ', 'りそな']);
    expect(p.total).toBe(496_569);
    expect(p.withholdingTotal).toBe(11_231);
    expect(p.month).toEqual({ month: '2026-11', total: 11_231, dueDate: '2026-12-10' });
    expect(p.problems).toEqual([]);
    expect(p.warnings).toEqual([]);
  });

  it('marks the rows, records the withholding, and a second run offers nothing to pay', () => {
    const bundle = demoPayables();
    reviewAndCreate(bundle);
    const rows = records(bundle, '支払予定');
    expect(rows.map((r) => [r.状態, r.振込日, r.源泉徴収税額, r.振込額, r.振込ファイル])).toEqual([
      ['振込データ作成済', '2026/11/25', '11,231', '98,769', 'furikomi_20261125.txt'],
      ['振込データ作成済', '2026/11/25', '0', '385,000', 'furikomi_20261125.txt'],
      ['振込データ作成済', '2026/11/25', '0', '12,800', 'furikomi_20261125.txt'],
    ]);
    const log = records(bundle, '実行ログ').at(-1)!;
    expect(log.処理).toBe('振込データの作成');
    expect(log.メッセージ).toContain('源泉所得税 11,231円');
    expect(log.メッセージ).toContain('納付期限 2026-12-10');

    const again = preview(bundle);
    expect(again.rows).toEqual([]);
    expect(again.made).toEqual([
      { fileName: 'furikomi_20261125.txt', transferDate: TRANSFER_DATE, count: 3, total: 496_569 },
    ]);
    // The month's withholding stays recorded on the next review.
    expect(again.month.total).toBe(11_231);
    expect(() =>
      bundle.runJson('transfersCreate', [{ transferDate: TRANSFER_DATE, rows: [2, 3, 4] }]),
    ).toThrow('振込する支払がありません');
    expect(transferFiles(bundle).size).toBe(1);
  });

  it('undoes the mark only when asked: the rows are paid again in a new file, the old one kept', () => {
    const bundle = demoPayables();
    reviewAndCreate(bundle);
    const undone = bundle.runJson('transfersUndo', [{ fileName: 'furikomi_20261125.txt' }]) as {
      count: number;
    };
    expect(undone.count).toBe(3);
    expect(records(bundle, '支払予定').map((r) => [r.状態, r.振込ファイル, r.振込額])).toEqual([
      ['未払', '', ''],
      ['未払', '', ''],
      ['未払', '', ''],
    ]);
    expect(preview(bundle).rows).toEqual([2, 3, 4]);
    const second = reviewAndCreate(bundle);
    expect(second.fileName).toBe('furikomi_20261125_2.txt');
    expect([...transferFiles(bundle).keys()].sort()).toEqual([
      FILE_PATH,
      'Pokke/振込/2026/11/furikomi_20261125_2.txt',
    ]);
    expect(() => bundle.runJson('transfersUndo', [{ fileName: 'nothing.txt' }])).toThrow(
      /nothing\.txt/,
    );
  });
});

describe('a file that cannot be made', () => {
  it('is refused as a whole, naming the bad rows: no file, no row marked', () => {
    const bundle = demoPayables();
    addPayables(bundle, [
      {
        支払先: '漢字の名義',
        銀行コード: '0001',
        支店コード: '440',
        預金種目: '普通',
        口座番号: '1234567',
        '口座名義(カナ)': '山田花子',
        支払額: 5000,
        源泉徴収: 'しない',
        状態: '未払',
      },
      {
        支払先: '口座番号なし',
        銀行コード: '0001',
        支店コード: '440',
        預金種目: '普通',
        '口座名義(カナ)': 'ヤマダ',
        支払額: 5000,
        状態: '未払',
      },
    ]);
    const p = preview(bundle);
    expect(p.lines).toEqual([]);
    expect(p.problems.map((x) => x.row)).toEqual([5, 6]);
    expect(p.problems[0]!.message.ja).toMatch(/^5行目\(漢字の名義\): .*口座名義/);
    expect(p.problems[1]!.message.ja).toMatch(
      /^6行目\(口座番号なし\): 口座番号が入力されていません/,
    );
    expect(() =>
      bundle.runJson('transfersCreate', [{ transferDate: TRANSFER_DATE, rows: p.rows }]),
    ).toThrow(/振込データを作成できませんでした[\s\S]*5行目[\s\S]*6行目/);
    expect(transferFiles(bundle).size).toBe(0);
    expect(records(bundle, '支払予定').map((r) => r.状態)).toEqual(Array(5).fill('未払'));
    expect(records(bundle, '支払予定').every((r) => r.振込ファイル === '')).toBe(true);
  });

  it('refuses a holiday with the next business day, and unset settings with what is missing', () => {
    const bundle = demoPayables();
    // Monday 2026-11-23 is 勤労感謝の日 — and past; Sunday 11/29 is closed.
    const sunday = preview(bundle, '2026-11-29');
    expect(sunday.dateProblem?.suggestion).toBe('2026-11-30');
    expect(sunday.dateProblem?.message.ja).toContain('日曜日');
    expect(() =>
      bundle.runJson('transfersCreate', [{ transferDate: '2026-11-29', rows: sunday.rows }]),
    ).toThrow(/銀行が休み/);
    setSetting(bundle, 'transferRequesterCode', '');
    const unset = preview(bundle);
    expect(unset.problems.map((x) => x.message.ja)).toEqual([
      expect.stringContaining('依頼人コードが入力されていません'),
    ]);
  });

  it('is refused when the payables changed since the review', () => {
    const bundle = demoPayables();
    const p = preview(bundle);
    addSuppliers(bundle, 1);
    expect(() =>
      bundle.runJson('transfersCreate', [{ transferDate: TRANSFER_DATE, rows: p.rows }]),
    ).toThrow('確認した後に支払予定が変わりました');
    expect(transferFiles(bundle).size).toBe(0);
  });

  it('names a bank or branch the directory lacks, as a warning', () => {
    const bundle = demoPayables();
    addPayables(bundle, [
      {
        支払先: '支店違い',
        銀行コード: '0001',
        支店コード: '999',
        預金種目: '普通',
        口座番号: '1234567',
        '口座名義(カナ)': 'シテンチガイ',
        支払額: 1000,
        状態: '未払',
      },
    ]);
    const p = preview(bundle);
    expect(p.warnings.map((w) => w.ja)).toEqual([
      '5行目(支店違い): みずほ(0001)に支店コード999の支店はありません',
    ]);
    expect(p.lines.at(-1)!.names.bank).toBeNull();
  });
});

describe('costs', () => {
  function sheetsCallsFor(extra: number): number {
    const bundle = demoPayables();
    addSuppliers(bundle, extra);
    bundle.workspace.meter.resetCounts();
    const report = reviewAndCreate(bundle);
    expect(report.count).toBe(3 + extra);
    return bundle.workspace.meter.total('SpreadsheetApp') + bundle.workspace.meter.total('Sheets');
  }

  it('makes the same number of Sheets calls for 10 and 5,000 payables', () => {
    expect(sheetsCallsFor(5_000 - 3)).toBe(sheetsCallsFor(10 - 3));
  });

  it('keeps the bank directory out of Code.js: a project file read only to check codes', () => {
    const code = readFileSync('dist/Code.js', 'utf8');
    const directory = readFileSync('dist/zengin-data.html', 'utf8');
    expect(directory).toContain('ミツイスミトモ');
    expect(code).not.toContain('ミツイスミトモ');
    const bundle = demoPayables();
    bundle.workspace.meter.resetCounts();
    bundle.runJson('transfersDefaults', []);
    expect(bundle.workspace.meter.counts()['HtmlService.createHtmlOutputFromFile'] ?? 0).toBe(0);
    preview(bundle);
    expect(bundle.workspace.meter.counts()['HtmlService.createHtmlOutputFromFile']).toBe(1);
  });
});
