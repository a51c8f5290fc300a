/**
 * The expense log through the built bundle with the demo company: the month's view, checking the
 * rows where they stand (messages, computed tax, credit rate, learned suggestions), the 電帳法
 * search, Sheets calls flat in the number of rows, the monthly summary from the log, and an older
 * workbook brought up to date by the setup.
 */
import { advanceWithTriggers } from '../../emulator/trigger-runner';
import type {
  ExpensesCheckReport,
  ExpensesMonthView,
  ExpensesSearchResult,
} from '../../src/core/contracts/expenses';
import type { SetupReport } from '../../src/core/contracts/settings';
import { book, demoAt, records, tokyo } from './automations-support';
import { openBundle } from './support';

const DEMO_NOW = '2026-11-24T09:00:00+09:00';

const expenseSheet = (bundle: ReturnType<typeof demoAt>) => book(bundle).getSheetByName('経費')!;

/** The demo's 経費 rows by their 取引先 and メモ (rows 2–8 of the sheet). */
function rowOf(bundle: ReturnType<typeof demoAt>, memo: string): Record<string, string> {
  const row = records(bundle, '経費').find((r) => r['メモ'] === memo);
  if (!row) throw new Error(`no 経費 row ${memo}`);
  return row;
}

describe('expenses: the month and the rows needing attention', () => {
  it('totals the rows that check by account and by rate; lists the bad row and the one to suggest', () => {
    const bundle = demoAt(DEMO_NOW);
    const view = bundle.runJson('expensesMonth', [{}]) as ExpensesMonthView;
    expect(view).toMatchObject({ lang: 'ja', today: '2026-11-24', month: '2026-11' });
    // The five demo rows that check; the text amount and the row without an account are out.
    expect(view).toMatchObject({ total: 15_156, count: 5, tax: 180 + 480 + 320 + 96 + 280 });
    expect(view.byAccount[0]).toEqual({ account: '通信費', amount: 5280, count: 1 });
    expect(view.byRate).toEqual([
      { rate: '10%', amount: 13_860, tax: 1260, count: 4 },
      { rate: '8%', amount: 1296, tax: 96, count: 1 },
    ]);
    expect(view.attention.map((a) => [a.row, a.payee, a.status])).toEqual([
      [7, '東都交通', '要確認'],
      [8, '文具のまるや', '科目提案'],
    ]);
    expect(view.attention[0]!.message.ja).toBe(
      '金額(税込)「千五百円」: 金額として読み取れません(例: 3980、¥3,980、3,980円)',
    );
    expect(view.attention[1]!.message.ja).toMatch(/^勘定科目「消耗品費」を提案しました/);
    // Reading wrote nothing.
    expect(rowOf(bundle, 'ボールペン・付箋')['勘定科目']).toBe('');
  });

  it('checking writes messages, the tax, the credit rate and the learned suggestion, nothing else', () => {
    const bundle = demoAt(DEMO_NOW);
    const sheet = expenseSheet(bundle);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const owners = [
      '日付',
      '取引先',
      '金額(税込)',
      '税率',
      '支払方法',
      '登録番号',
      'メモ',
      '領収書',
    ];
    const ownerCells = () =>
      sheet
        .getDataRange()
        .getValues()
        .map((r) => owners.map((h) => r[headers.indexOf(h)]));
    const before = ownerCells();

    const report = bundle.runJson('expensesCheck', [{}]) as ExpensesCheckReport;
    expect(report).toMatchObject({ checked: 7, updated: 7, suggested: 1 });
    expect(ownerCells()).toEqual(before);

    expect(rowOf(bundle, '光回線 11月分')).toMatchObject({
      消費税: '480',
      控除割合: '100%控除',
      状態: '',
      メッセージ: '',
    });
    // No registration number, paid after 2026-10-01: the transition rate of the day.
    expect(rowOf(bundle, 'デザイン参考書')).toMatchObject({
      消費税: '280',
      控除割合: '70%控除対象',
    });
    expect(rowOf(bundle, 'タクシー(金額を文字で入力)')).toMatchObject({
      消費税: '',
      状態: '要確認',
      メッセージ: '金額(税込)「千五百円」: 金額として読み取れません(例: 3980、¥3,980、3,980円)',
    });
    const suggested = rowOf(bundle, 'ボールペン・付箋');
    expect(suggested).toMatchObject({
      勘定科目: '消耗品費',
      提案科目: '消耗品費',
      状態: '科目提案',
      消費税: '150',
    });
    expect(suggested['メッセージ']).toContain('前回(2026-11-12)「文具のまるや」に選んだ科目です');
    // The view after the check counts the suggested row under its account.
    expect(report.view).toMatchObject({ total: 16_806, count: 6 });

    // Checking again changes nothing.
    const again = bundle.runJson('expensesCheck', [{}]) as ExpensesCheckReport;
    expect(again.updated).toBe(0);

    // The owner accepts the suggestion: its message goes, and the account teaches later rows.
    const statusCol = headers.indexOf('状態') + 1;
    sheet.getRange(8, statusCol).setValue('確認済');
    bundle.runJson('expensesCheck', [{}]);
    expect(rowOf(bundle, 'ボールペン・付箋')).toMatchObject({ 状態: '確認済', メッセージ: '' });
  });

  it('writes the messages in the language of whoever checks', () => {
    const bundle = demoAt(DEMO_NOW);
    bundle.workspace.user.locale = 'en';
    bundle.runJson('expensesCheck', [{}]);
    expect(rowOf(bundle, 'タクシー(金額を文字で入力)')['メッセージ']).toBe(
      'Amount (incl. tax) "千五百円": Not an amount (e.g. 3980, ¥3,980, 3,980円)',
    );
    // The workbook's own words stay Japanese.
    expect(rowOf(bundle, 'タクシー(金額を文字で入力)')['状態']).toBe('要確認');
  });
});

describe('expenses: the 電帳法 search', () => {
  it('by amount range and payee, alone and combined, with the receipt links', () => {
    const bundle = demoAt(DEMO_NOW);
    const sheet = expenseSheet(bundle);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const link = 'https://drive.google.com/file/d/receipt-maruya/view';
    sheet.getRange(4, headers.indexOf('領収書') + 1).setValue(link);
    const search = (q: object) => bundle.runJson('expensesSearch', [q]) as ExpensesSearchResult;

    const byAmount = search({ minAmount: 1500, maxAmount: 3520 });
    expect(byAmount.hits.map((h) => [h.date, h.payee, h.amount])).toEqual([
      ['2026-11-04', '東都交通', 1980],
      ['2026-11-12', '文具のまるや', 3520],
      ['2026-11-20', '書店あおば', 3080],
      ['2026-11-21', '文具のまるや', 1650],
    ]);
    expect(search({ payee: 'まるや' }).total).toBe(2);
    const both = search({ payee: 'まるや', minAmount: 2000 });
    expect(both.hits).toEqual([
      expect.objectContaining({ row: 4, payee: '文具のまるや', amount: 3520, receipt: link }),
    ]);
    expect(search({ from: '2026-11-18', to: '2026-11-19' }).hits.map((h) => h.payee)).toEqual([
      '喫茶こもれび',
      '東都交通',
    ]);
    expect(() => bundle.runJson('expensesSearch', [{}])).toThrow(/検索条件/);
    expect(() => bundle.runJson('expensesSearch', [{ minAmount: '1,000' }])).toThrow(
      /金額\(下限\)/,
    );
  });
});

describe('expenses: cost', () => {
  /** Sheets calls of one call of `name` with `extra` rows added to the demo's log. */
  function sheetsCalls(name: string, args: unknown[], extra: number): number {
    const bundle = demoAt(DEMO_NOW);
    const sheet = expenseSheet(bundle);
    const width = sheet.getLastColumn();
    const headers = sheet.getRange(1, 1, 1, width).getValues()[0]!.map(String);
    // Rows as an owner types them: no tax, half without an account (suggested), one in ten with a
    // text amount.
    const rows = Array.from({ length: extra }, (_, i) =>
      headers.map((h) => {
        if (h === '日付') return new Date(tokyo('2026-11-02T00:00:00'));
        if (h === '取引先') return i % 2 ? '文具のまるや' : `取引先${i}`;
        if (h === '金額(税込)') return i % 10 === 0 ? '千円' : 1000 + i;
        if (h === '税率') return '10%';
        if (h === '勘定科目') return i % 2 ? '' : '雑費';
        return '';
      }),
    );
    sheet.insertRowsAfter(sheet.getMaxRows(), extra + 100);
    sheet.getRange(sheet.getLastRow() + 1, 1, extra, width).setValues(rows);
    bundle.workspace.meter.resetCounts();
    bundle.runJson(name, args);
    const { meter } = bundle.workspace;
    return meter.total('SpreadsheetApp') + meter.total('Sheets');
  }

  it('checking the log costs the same Sheets calls at 10 rows as at 5,000', () => {
    const few = sheetsCalls('expensesCheck', [{}], 10);
    expect(few).toBeLessThanOrEqual(20);
    expect(sheetsCalls('expensesCheck', [{}], 5000)).toBe(few);
  });

  it('the month view and the search cost the same at 10 rows as at 5,000', () => {
    const view = sheetsCalls('expensesMonth', [{}], 10);
    expect(sheetsCalls('expensesMonth', [{}], 5000)).toBe(view);
    const search = sheetsCalls('expensesSearch', [{ payee: 'まるや', maxAmount: 5000 }], 10);
    expect(sheetsCalls('expensesSearch', [{ payee: 'まるや', maxAmount: 5000 }], 5000)).toBe(
      search,
    );
  });
});

describe('expenses: the monthly summary reads the log', () => {
  it('counts the rows that check, under the accounts the check filled in', () => {
    const bundle = demoAt(DEMO_NOW);
    bundle.runJson('expensesCheck', [{}]);
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-30T23:00:00'));
    expect(fired.every((f) => f.ok)).toBe(true);
    const expenses = records(bundle, '月次集計').filter((r) => r['区分'] === '経費(科目別)');
    expect(expenses.map((r) => [r['項目'], r['金額'], r['件数']])).toEqual([
      ['通信費', '5,280', '1'],
      ['消耗品費', '5,170', '2'],
      ['新聞図書費', '3,080', '1'],
      ['旅費交通費', '1,980', '1'],
      ['会議費', '1,296', '1'],
    ]);
    // The tax the log's rows hold: 180 + 480 + 320 + 150 + 280.
    const tax = records(bundle, '月次集計').find((r) => r['項目'] === '経費 10%');
    expect(tax).toMatchObject({ 金額: '1,410', 件数: '5' });
  });
});

describe('expenses: an older workbook', () => {
  it('the setup adds the new columns; the old 支払先 and 摘要 headers are still read', () => {
    const bundle = openBundle({ now: DEMO_NOW });
    const ss = bundle.workspace.SpreadsheetApp.active!;
    const old = ss.insertSheet('経費');
    old.getRange(1, 1, 2, 7).setValues([
      ['日付', '支払先', '勘定科目', '金額(税込)', '税率', '摘要', 'メッセージ'],
      [new Date(tokyo('2026-11-10T00:00:00')), '喫茶こもれび', '', 1296, '8%', '打ち合わせ', ''],
    ]);
    expect(() => bundle.runJson('expensesCheck', [{}])).toThrow(/ワークブックを準備/);
    const report = bundle.runJson('setupWorkbook') as SetupReport;
    expect(report.updated).toContain('経費');
    const headers = old.getRange(1, 1, 1, old.getLastColumn()).getValues()[0];
    expect(headers).toEqual([
      '日付',
      '支払先',
      '勘定科目',
      '金額(税込)',
      '税率',
      '摘要',
      'メッセージ',
      '消費税',
      '支払方法',
      '登録番号',
      '控除割合',
      '領収書',
      '取込元',
      '状態',
      '提案科目',
    ]);
    bundle.runJson('expensesCheck', [{}]);
    const [row] = records(bundle, '経費');
    // A meal whose 摘要 names a meeting: suggested from the old memo column.
    expect(row).toMatchObject({
      支払先: '喫茶こもれび',
      消費税: '96',
      勘定科目: '接待交際費',
      状態: '科目提案',
    });
    expect(row!['メッセージ']).toContain('人数をメモに書くと');
  });
});
