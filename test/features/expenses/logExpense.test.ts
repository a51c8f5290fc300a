/**
 * logExpense, the way the Gmail card and the CLI import will log a receipt: one row, checked as a
 * typed row is, never twice for the same source key; against the emulator's services (counted).
 */
import { hostRealm } from '../../../emulator/core/realm';
import { Workspace } from '../../../emulator/workspace';
import type { DateKey } from '../../../src/core/dates';
import { UserError } from '../../../src/core/text';
import {
  type ExpenseRecord,
  logExpense,
  logExpenses,
} from '../../../src/features/expenses/logExpense';
import { EXPENSES_SHEET } from '../../../src/sheets/schema';
import { workbookTables } from '../../../src/sheets/workbookTables';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const HEADERS = EXPENSES_SHEET.columns.map((c) => c.header);
const today = '2026-11-24' as DateKey;

/** A workbook whose 経費 log holds the owner's row for 文具のまるや and `extra` other rows. */
function install(extra = 0) {
  const ws = new Workspace({ now: '2026-11-24T09:00:00+09:00' });
  const globals = ws.globals(hostRealm, [
    { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
  ]);
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(globals).map((k) => [k, g[k]] as const);
  Object.assign(g, globals);
  const raw = ws.SpreadsheetApp.createSpreadsheet('帳簿');
  const sheet = raw.insertSheet(EXPENSES_SHEET.name);
  const row = (cells: Record<string, unknown>) => HEADERS.map((h) => cells[h] ?? '');
  const rows = [
    HEADERS,
    row({
      日付: '2026/11/12',
      取引先: '文具のまるや',
      '金額(税込)': 3520,
      税率: '10%',
      勘定科目: '消耗品費',
    }),
    ...Array.from({ length: extra }, (_, i) =>
      row({
        日付: '2026/11/02',
        取引先: `取引先${i}`,
        '金額(税込)': 1000 + i,
        税率: '10%',
        勘定科目: '雑費',
        取込元: `file:${i}`,
      }),
    ),
  ];
  sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
  sheet.getRange(1, 1, rows.length, HEADERS.length).setValues(rows);
  const ss = (globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).openById(
    raw.getId(),
  ) as Ss;
  const restore = () => {
    for (const [k, v] of saved) g[k] = v;
  };
  const tables = () => workbookTables(ss, { tables: [EXPENSES_SHEET] });
  const values = () => sheet.getDataRange().getDisplayValues();
  const record = (r: number) => Object.fromEntries(HEADERS.map((h, i) => [h, values()[r - 1]![i]]));
  return { ws, sheet, tables, values, record, restore };
}

const receipt: ExpenseRecord = {
  date: '2026-11-22' as DateKey,
  payee: '文具のまるや',
  amount: 1650,
  taxRate: 10,
  paymentMethod: 'カード',
  registrationNumber: 'T4000000001234',
  memo: 'ボールペン',
  receipt: 'https://drive.google.com/file/d/abc/view',
};

let env: ReturnType<typeof install>;
afterEach(() => env?.restore());

it('appends one checked row: learned account as 科目提案, computed tax, credit rate, its key', () => {
  env = install();
  const logged = logExpense(env.tables(), receipt, 'gmail:msg-1', { today, lang: 'ja' });
  expect(logged).toMatchObject({ row: 3, created: true, account: '消耗品費', status: '科目提案' });
  expect(env.record(3)).toMatchObject({
    日付: '2026/11/22',
    取引先: '文具のまるや',
    '金額(税込)': '1650',
    消費税: '150',
    勘定科目: '消耗品費',
    提案科目: '消耗品費',
    支払方法: 'カード',
    登録番号: 'T4000000001234',
    控除割合: '100%控除',
    領収書: 'https://drive.google.com/file/d/abc/view',
    取込元: 'gmail:msg-1',
    状態: '科目提案',
  });
  expect(env.record(3)['メッセージ']).toMatch(/^勘定科目「消耗品費」を提案しました/);
});

it('logging the same source again adds nothing and returns the row already there', () => {
  env = install();
  logExpense(env.tables(), receipt, 'gmail:msg-1', { today, lang: 'ja' });
  const rows = env.values().length;
  const again = logExpense(env.tables(), { ...receipt, amount: 9999 }, 'gmail:msg-1', {
    today,
    lang: 'ja',
  });
  expect(again).toMatchObject({ row: 3, created: false, status: '科目提案' });
  expect(env.values()).toHaveLength(rows);
  expect(env.record(3)['金額(税込)']).toBe('1650');
  // Another mail is another row.
  expect(logExpense(env.tables(), receipt, 'gmail:msg-2', { today, lang: 'ja' }).row).toBe(4);
});

it('a hostile payee stays text; a problem is written in the caller’s language', () => {
  env = install();
  const logged = logExpense(
    env.tables(),
    {
      ...receipt,
      payee: '=IMPORTXML("https://evil.example/","//a")',
      date: '2026-12-01' as DateKey,
    },
    'file:x',
    { today, lang: 'en' },
  );
  expect(logged.status).toBe('要確認');
  const row = env.sheet.getRange(logged.row, 2).getValue();
  expect(String(row)).toMatch(/^'?=IMPORTXML/);
  expect(env.sheet.getRange(logged.row, 2).getFormula()).toBe('');
  expect(env.record(logged.row)['メッセージ']).toContain('The date is in the future');
});

it('refuses an empty key before writing anything', () => {
  env = install();
  expect(() => logExpense(env.tables(), receipt, '  ', { today, lang: 'ja' })).toThrow(UserError);
  expect(env.values()).toHaveLength(2);
});

it('costs the same Sheets calls with 10 rows in the log as with 5,000', () => {
  const calls = (extra: number) => {
    env = install(extra);
    env.ws.meter.resetCounts();
    logExpense(env.tables(), receipt, 'gmail:new', { today, lang: 'ja' });
    const n = env.ws.meter.total('SpreadsheetApp') + env.ws.meter.total('Sheets');
    env.restore();
    return n;
  };
  const few = calls(10);
  expect(few).toBeLessThanOrEqual(8);
  expect(calls(5000)).toBe(few);
});

it('logs several expenses with one read and one write, each key once, whatever their number', () => {
  const calls = (count: number) => {
    env = install();
    logExpense(env.tables(), receipt, 'fee:old', { today, lang: 'ja' });
    env.ws.meter.resetCounts();
    const entries = [
      ...Array.from({ length: count }, (_, i) => ({
        key: `fee:${i}`,
        records: [{ ...receipt, amount: 440 + i }],
      })),
      // Already in the log, and twice in the batch: neither adds a row.
      { key: 'fee:old', records: [receipt] },
      { key: 'fee:0', records: [receipt] },
    ];
    const logged = logExpenses(env.tables(), entries, { today, lang: 'ja' });
    const n = env.ws.meter.total('SpreadsheetApp') + env.ws.meter.total('Sheets');
    expect(logged.map((l) => [l.row, l.created])).toEqual([
      ...Array.from({ length: count }, (_, i) => [4 + i, true]),
      [3, false],
      [4, false],
    ]);
    expect(env.values()).toHaveLength(3 + count);
    expect(env.record(4 + count - 1)['金額(税込)']).toBe(String(440 + count - 1));
    env.restore();
    return n;
  };
  expect(calls(2)).toBe(calls(20));
});
