/**
 * `npm run simulate -- month-end`: the daily dispatcher on the demo company's workbook on the
 * last business day of November 2026 — routine tasks, the recurring invoices with their PDFs and
 * drafts, the month's summary and the mail to the owner, written to the output folder, and what
 * it did printed in one language (Japanese, or English with `--lang en`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { loadBundleFromDist } from '../../emulator/runtime';
import type { TasksAdvancedEmulator } from '../../emulator/services/advanced/tasks';
import { Playground } from '../../playground/session';
import { modelFromSpreadsheet } from '../../playground/sheets';
import { writeXlsxFile } from '../../playground/xlsx';
import { createdRecords } from '../../scripts/simulate';
import { cli } from './support/cli';

const dir = mkdtempSync(join(tmpdir(), 'pokke-month-end-'));
const demoXlsx = join(dir, 'demo.xlsx');

beforeAll(async () => {
  if (!existsSync(resolve('dist/Code.js')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  const demo = new Playground();
  await writeXlsxFile(modelFromSpreadsheet(demo.workspace.SpreadsheetApp.active!), demoXlsx);
}, 60000);

async function column(path: string, sheet: string, header: string): Promise<unknown[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.getWorksheet(sheet)!;
  let col = 0;
  ws.getRow(1).eachCell((cell, i) => {
    if (cell.value === header) col = i;
  });
  const values: unknown[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) values.push(row.getCell(col).value);
  });
  return values;
}

describe('the month-end job', () => {
  it('runs the day’s automations and writes the invoices, mails, summary and log', async () => {
    const out = join(dir, 'out');
    const r = await cli(
      'month-end',
      '--workbook',
      demoXlsx,
      '--now',
      '2026-11-30T09:00+09:00',
      '--out',
      out,
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);

    const mails = readdirSync(join(out, 'mail')).sort();
    expect(mails.filter((m) => m.includes('-draft-'))).toHaveLength(2);
    expect(mails.filter((m) => m.includes('-sent-'))).toHaveLength(1);
    const pdfs = readdirSync(join(out, 'drive'), { recursive: true, encoding: 'utf8' }).filter(
      (p) => p.endsWith('.pdf'),
    );
    expect(pdfs).toHaveLength(2);

    const workbook = join(out, 'workbook.xlsx');
    expect((await column(workbook, '請求書', '取引先')).sort()).toEqual(
      ['Blue Harbor Studio', '合同会社みなと企画'].sort(),
    );
    expect(await column(workbook, 'タスク', 'タイトル')).toContain('請求書の下書きを確認して送信');
    expect(new Set(await column(workbook, '月次集計', '月'))).toEqual(new Set(['2026-11']));
    expect(await column(workbook, '実行ログ', '結果')).toContain('成功');

    const log = JSON.parse(readFileSync(join(out, 'run-log.json'), 'utf8'));
    expect(log.executions).toEqual([expect.objectContaining({ name: 'dailyDispatch', ok: true })]);

    // Monday 30 November: the day's routine is a task of the タスク sheet (方法 タスク); no
    // routine goes to Google Tasks and the calendar routine falls on Fridays: both files say so.
    expect(JSON.parse(readFileSync(join(out, 'tasks.json'), 'utf8'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(out, 'events.json'), 'utf8'))).toEqual([]);
    expect(r.out.at(-1)).toMatch(/tasks\.json \(0件\)、events\.json \(0件\)/);

    // It prints what it did: the day, each run-log line, the invoices, the mails and the tasks.
    expect(r.out[0]).toBe('2026年11月30日(月) 営業日');
    expect(r.out).toEqual(
      expect.arrayContaining([
        '実行ログ:',
        '  定期業務: 成功 1件',
        '    タスクを1件作成しました: 請求書の下書きを確認して送信',
        '  定期請求: 成功 4件',
        '    2件の請求書を作成しました',
        '発行した請求書 2件',
        'メール 3通(下書き 2・送信 1)',
        'タスク 1件(タスクシート 1・Google ToDo 0)・カレンダーの予定 0件',
      ]),
    );
    expect(r.out.filter((l) => l.includes(' / '))).toEqual([]);
    const invoiceLines = r.out.filter((l) => /^ {2}2026-11-\d{4} /.test(l));
    expect(invoiceLines.map((l) => l.replace(/ ¥[\d,]+/, ''))).toEqual([
      '  2026-11-0001 Blue Harbor Studio(下書き)',
      '  2026-11-0002 合同会社みなと企画(下書き)',
    ]);
  }, 120000);

  it('--lang en: the run speaks English, its 実行ログ lines and what it prints', async () => {
    const out = join(dir, 'english');
    const r = await cli(
      'month-end',
      '--workbook',
      demoXlsx,
      '--now',
      '2026-11-30T09:00+09:00',
      '--out',
      out,
      '--lang',
      'en',
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('Mon, Nov 30, 2026: a business day');
    expect(r.out).toEqual(
      expect.arrayContaining([
        'Run log (実行ログ):',
        '  Routines: succeeded (1)',
        '    Created 1 task(s): 請求書の下書きを確認して送信',
        '  Recurring invoices: succeeded (4)',
        '    Issued 2 invoice(s)',
        'Invoices issued: 2',
        'Mails: 3 (2 draft(s), 1 sent)',
        'Tasks: 1 (タスク sheet 1, Google Tasks 0), calendar events: 0',
      ]),
    );
    const invoiceLines = r.out.filter((l) => /^ {2}2026-11-\d{4} /.test(l));
    expect(invoiceLines.map((l) => l.replace(/ ¥[\d,]+/, ''))).toEqual([
      '  2026-11-0001 Blue Harbor Studio (draft)',
      '  2026-11-0002 合同会社みなと企画 (draft)',
    ]);
    expect(r.out.at(-1)).toMatch(
      /^Output: .+ \(workbook\.xlsx, run-log\.json, calls\.json, tasks\.json \(0\), events\.json \(0\), mail\/ \(3 \.eml\), drive\/ \(2 files\)\)$/,
    );
    // The workbook's 実行ログ is in English too (the account's language), one language a cell.
    const jobs = await column(join(out, 'workbook.xlsx'), '実行ログ', '処理');
    expect(jobs).toEqual(expect.arrayContaining(['Routines', 'Recurring invoices']));
    const messages = (await column(join(out, 'workbook.xlsx'), '実行ログ', 'メッセージ')).map(
      String,
    );
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Issued 2 invoice\(s\)\n/)]),
    );
    expect(messages.filter((m) => m.includes(' / '))).toEqual([]);
  }, 120000);

  it.each([
    [
      'ja',
      [
        '2026年11月23日(月) 休業日(勤労感謝の日)',
        '実行ログ:',
        '  定期業務: 成功 0件',
        '  定期請求: 成功 0件',
        '  自動化: 成功 0件',
        '    本日の処理はありませんでした',
        '発行した請求書 0件',
        'メール 0通(下書き 0・送信 0)',
        'タスク 0件(タスクシート 0・Google ToDo 0)・カレンダーの予定 0件',
        // The demo's expense log has a row typed wrong on purpose: named, and the run went on.
        '次のセルは列の種類と合いません(その行は実行時にメッセージ列で知らせます):',
        '  - 経費!C7: 金額の列「金額(税込)」に「千五百円」があります。金額を入力してください',
      ],
    ],
    [
      'en',
      [
        'Mon, Nov 23, 2026: not a business day (Labour Thanksgiving Day)',
        'Run log (実行ログ):',
        '  Routines: succeeded (0)',
        '  Recurring invoices: succeeded (0)',
        '  Automations: succeeded (0)',
        '    Nothing to do today',
        'Invoices issued: 0',
        'Mails: 0 (0 draft(s), 0 sent)',
        'Tasks: 0 (タスク sheet 0, Google Tasks 0), calendar events: 0',
        'These cells do not match their column (their rows get a message when the job runs):',
        '  - 経費!C7: column "金額(税込)" expects an amount, found "千五百円"',
      ],
    ],
  ])(
    'on a holiday (--lang %s) says it is not a business day and what the run did',
    async (lang, lines) => {
      const out = join(dir, `holiday-${lang}`);
      const r = await cli(
        'month-end',
        '--workbook',
        demoXlsx,
        '--now',
        '2026-11-23T09:00+09:00',
        '--out',
        out,
        '--lang',
        lang,
      );
      expect(r.err).toEqual([]);
      expect(r.code).toBe(0);
      expect(r.out.slice(0, -1)).toEqual(lines);
    },
    120000,
  );

  it('on a Friday writes the calendar routine’s block to events.json', async () => {
    const out = join(dir, 'friday');
    const r = await cli(
      'month-end',
      '--workbook',
      demoXlsx,
      '--now',
      '2026-11-27T09:00+09:00',
      '--out',
      out,
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const events = JSON.parse(readFileSync(join(out, 'events.json'), 'utf8'));
    expect(events).toEqual([
      expect.objectContaining({
        calendarId: 'owner@example.com',
        status: 'confirmed',
        summary: '経費の入力',
        start: { dateTime: '2026-11-27T17:00:00+09:00', timeZone: 'Asia/Tokyo' },
        end: { dateTime: '2026-11-27T17:30:00+09:00', timeZone: 'Asia/Tokyo' },
        extendedProperties: {
          private: { pokke: '1', pokkeKey: '定期業務:経費の入力:2026-11-27' },
        },
      }),
    ]);
    expect(events[0]).not.toHaveProperty('seeded');
    expect(JSON.parse(readFileSync(join(out, 'tasks.json'), 'utf8'))).toEqual([]);
  }, 120000);
});

describe('tasks.json', () => {
  it('lists each task the bundle made in Google Tasks with its list, deleted ones left out', () => {
    const bundle = loadBundleFromDist(resolve('dist'), {
      now: Date.parse('2026-11-30T00:00:00Z'),
      timeZone: 'Asia/Tokyo',
    });
    const api = bundle.workspace.advanced<TasksAdvancedEmulator>('tasks');
    const list = api.Tasklists.insert({ title: 'Pokke' });
    api.Tasks.insert({ title: '見積書を送る', due: '2026-12-01T00:00:00.000Z' }, list.id ?? '');
    const gone = api.Tasks.insert({ title: '消したタスク' }, list.id ?? '');
    api.Tasks.remove(list.id ?? '', gone.id ?? '');
    const { tasks, events } = createdRecords(bundle);
    expect(tasks).toEqual([
      expect.objectContaining({
        tasklistId: list.id,
        tasklist: 'Pokke',
        title: '見積書を送る',
        due: '2026-12-01T00:00:00.000Z',
        status: 'needsAction',
      }),
    ]);
    expect(events).toEqual([]);
  });
});
