// npm run bench: what Pokke's runs cost on the built bundle, in service calls (deterministic)
// and the emulator's modelled Apps Script time; the wall time on this machine is for information.
// 1. An issuing run as the sales sheet grows, next to a naive per-row script doing the same work.
// 2. How many invoices one execution makes, and 1,000 invoices across executions.
// 3. The daily dispatcher as the sales sheet grows.
// 4. Expenses: checking and exporting the 経費 log as it grows, and the Gmail receipt card.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { LatencyOptions } from '../../emulator/core/latency';
import { type Bundle, loadBundle, loadBundleFromDist } from '../../emulator/runtime';
import { advanceWithTriggers, fireNow } from '../../emulator/trigger-runner';
import { addBulkClients } from '../../playground/bulk';
import { incomingDemoMail, readDemoMails } from '../../playground/gmail';
import {
  connectActiveWorkbook,
  logFromCard,
  openReceiptCard,
} from '../../playground/receiptImport';
import { seedDemo } from '../../playground/seed';
import { DEMO_DIR, ExecutionLog, readDemoCompany } from '../../playground/session';
import type { IssueReport } from '../../src/core/contracts/invoices';
import { printLatencySensitivity } from './latency-sensitivity';
import { matchBenchLines, runMatchBench } from './match-bench';
import { runSlotsBench } from './slots-bench';

const NAIVE_SCRIPT = readFileSync(join(__dirname, 'naive-invoices.js'), 'utf8');

interface Measured {
  readonly sheetsCalls: number;
  readonly allCalls: number;
  readonly modelledSeconds: number;
  readonly wallMs: number;
  /** Apps Script's error when the execution died (the 6-minute limit). */
  readonly error?: string;
}

/** Calls to Google Sheets: SpreadsheetApp, and the Sheets API's batched reads. */
const sheetsTotal = (meter: Bundle['workspace']['meter']) =>
  meter.total('SpreadsheetApp') + meter.total('Sheets');

/** Runs one execution and measures it from a zeroed meter. */
function measure(bundle: Bundle, execute: () => unknown): Measured {
  const { meter, clock } = bundle.workspace;
  meter.resetCounts();
  const startedAt = clock.now();
  const wall = process.hrtime.bigint();
  let error: string | undefined;
  try {
    execute();
  } catch (e) {
    error = e instanceof Error ? e.message : String((e as { message?: unknown }).message ?? e);
  }
  return {
    sheetsCalls: sheetsTotal(meter),
    allCalls: meter.total(),
    modelledSeconds: (clock.now() - startedAt) / 1000,
    wallMs: Number(process.hrtime.bigint() - wall) / 1e6,
    error,
  };
}

const modelled = (m: Measured) =>
  m.error
    ? `died at ${m.modelledSeconds.toFixed(0)} s (${m.error})`
    : `${m.modelledSeconds.toFixed(1)} s`;

/** The naive script, loaded into the same workspace with the broad scopes it needs. */
function loadNaive(bundle: Bundle): Bundle {
  const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));
  return loadBundle(NAIVE_SCRIPT, {
    workspace: bundle.workspace,
    manifest: {
      ...manifest,
      oauthScopes: [
        ...manifest.oauthScopes,
        'https://www.googleapis.com/auth/drive',
        'https://mail.google.com/',
      ],
    },
  });
}

function demoWithLines(lineCount: number): Bundle {
  const bundle = loadBundleFromDist('dist', { now: '2026-11-30T18:00:00+09:00' });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  const sheet = bundle.workspace.SpreadsheetApp.active!.getSheetByName('売上明細')!;
  const width = sheet.getLastColumn();
  const demoRows = sheet.getRange(2, 1, sheet.getLastRow() - 1, width).getValues();
  const rows = Array.from({ length: lineCount }, (_, i) => demoRows[i % demoRows.length]!);
  // Room below the data for the 定期請求 lines the run adds (a full sheet costs a call to grow).
  const room = lineCount + 100;
  if (sheet.getMaxRows() < room)
    sheet.insertRowsAfter(sheet.getMaxRows(), room - sheet.getMaxRows());
  sheet.getRange(2, 1, lineCount, width).setValues(rows);
  return bundle;
}

// 0. The README's table: one run of each kind on the built bundle (demo company where it has data).
function row(label: string, m: Measured): void {
  console.log(`| ${label} | ${m.allCalls} | ${m.sheetsCalls} | ${modelled(m)} |`);
}

function emptyBook(): Bundle {
  const bundle = loadBundleFromDist('dist', { now: '2026-11-24T09:00:00+09:00' });
  bundle.workspace.SpreadsheetApp.createSpreadsheet('ぽっけ商店 帳簿', {
    locale: 'ja_JP',
    timeZone: 'Asia/Tokyo',
  });
  return bundle;
}

function demoAt(now: string): Bundle {
  const bundle = loadBundleFromDist('dist', { now });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  return bundle;
}

console.log('0. One run of each kind | service calls | of which Sheets | modelled time');
{
  const b = emptyBook();
  row(
    'onOpen',
    measure(b, () => b.run('onOpen', [{ authMode: 'LIMITED' }])),
  );
  row(
    'set up workbook, first run',
    measure(b, () => b.runJson('setupWorkbook')),
  );
  row(
    'set up workbook, again',
    measure(b, () => b.runJson('setupWorkbook')),
  );
  let view: { settings: Record<string, unknown> } | undefined;
  row(
    'settings: load',
    measure(b, () => {
      view = b.runJson('settingsLoad') as typeof view;
    }),
  );
  row(
    'settings: save',
    measure(b, () => b.runJson('settingsSave', [{ ...view!.settings, companyName: 'ぽっけ商店' }])),
  );
}
{
  const closing = { closingDate: '2026-11-30' };
  const b = demoAt('2026-11-30T18:00:00+09:00');
  let preview: { invoices: { periodKey: string }[] } | undefined;
  row(
    'invoices: preview',
    measure(b, () => {
      preview = b.runJson('invoicesPreview', [closing]) as typeof preview;
    }),
  );
  row(
    'invoices: show one preview dialog',
    measure(b, () =>
      b.runJson('invoicesShowPreview', [
        { ...closing, periodKey: preview!.invoices[0]!.periodKey },
      ]),
    ),
  );
  row(
    'invoices: issue 4 (drafts)',
    measure(b, () => b.runJson('invoicesIssue', [closing])),
  );
  row(
    'invoices: issue again',
    measure(b, () => b.runJson('invoicesIssue', [closing])),
  );
  const direct = demoAt('2026-11-30T18:00:00+09:00');
  const settings = (direct.runJson('settingsLoad') as { settings: Record<string, unknown> })
    .settings;
  direct.runJson('settingsSave', [{ ...settings, sendDirectly: 'する' }]);
  row(
    'invoices: issue 4, sent directly',
    measure(direct, () => direct.runJson('invoicesIssue', [closing])),
  );
}
{
  const b = demoAt('2026-11-24T09:00:00+09:00');
  row(
    'automations: status',
    measure(b, () => b.runJson('automationsStatus', [])),
  );
  row(
    'automations: turn on',
    measure(b, () => b.runJson('automationsInstall', [{ hour: 6 }])),
  );
  row(
    'automations: dry run of 2026-11-30',
    measure(b, () => b.runJson('automationsDryRun', [{ date: '2026-11-30' }])),
  );
}
console.log('');

const SIZES = [10, 100, 1000, 5000];

function run(lineCount: number) {
  const bundle = demoWithLines(lineCount);
  const pokke = measure(bundle, () =>
    bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]),
  );
  const naiveBundle = demoWithLines(lineCount);
  const naive = loadNaive(naiveBundle);
  const naiveRun = measure(naiveBundle, () => naive.run('issueInvoicesNaive'));
  return { lines: lineCount, pokke, naive: naiveRun };
}

console.log('1. Issuing the demo month (4 invoices) as the sales sheet grows');
console.log(
  'lines | Pokke: Sheets / all calls, modelled | naive per-row: Sheets / all calls, modelled | Pokke wall time here',
);
const results = SIZES.map(run);
for (const r of results) {
  console.log(
    `${r.lines} | ${r.pokke.sheetsCalls} / ${r.pokke.allCalls}, ${modelled(r.pokke)} | ${r.naive.sheetsCalls} / ${r.naive.allCalls}, ${modelled(r.naive)} | ${r.pokke.wallMs.toFixed(0)} ms`,
  );
}
if (new Set(results.map((r) => r.pokke.sheetsCalls)).size !== 1) {
  console.error('Sheets calls grew with the number of lines');
  process.exit(1);
}

// 2. 1,000 clients with one line each (plus the demo's 4): one execution, then the rest.
function bulk(latency?: LatencyOptions): Bundle {
  const bundle = loadBundleFromDist('dist', { now: '2026-11-30T18:00:00+09:00', latency });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  addBulkClients(bundle, 1000, { date: new Date('2026-11-10T00:00:00+09:00') });
  return bundle;
}

console.log('\n2. 1,004 invoices (1,000 clients + the demo)');
{
  const bundle = bulk();
  let first: IssueReport | undefined;
  const firstRun = measure(bundle, () => {
    first = bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]) as IssueReport;
  });
  const executions: { invoices: number; run: Measured }[] = [];
  const before = () => bundle.workspace.DriveApp.allFiles().length;
  advanceWithTriggers(bundle, Date.parse('2026-12-01T09:00:00+09:00'), {
    execute: (_handler, go) => {
      const made = before();
      const m = measure(bundle, go);
      executions.push({ invoices: before() - made, run: m });
    },
  });
  const files = bundle.workspace.DriveApp.allFiles();
  const drafts = bundle.workspace.GmailApp.outbox();
  const seconds =
    firstRun.modelledSeconds + executions.reduce((t, e) => t + e.run.modelledSeconds, 0);
  console.log(
    `Pokke, sidebar run: ${first?.issued.length} invoices with PDF and draft in the first execution (${firstRun.allCalls} calls, ${firstRun.sheetsCalls} Sheets, ${modelled(firstRun)}), all 1,004 recorded`,
  );
  console.log(
    `Pokke, continuation triggers: ${executions.length} executions of ${executions.map((e) => e.invoices).join(', ')} invoices (longest ${Math.max(...executions.map((e) => e.run.modelledSeconds)).toFixed(0)} s, ${Math.max(...executions.map((e) => e.run.allCalls))} calls)`,
  );
  console.log(
    `Pokke, in all: ${files.length} PDFs (${new Set(files.map((f) => f.name)).size} distinct), ${drafts.length} drafts (${new Set(drafts.map((d) => d.subject)).size} distinct), ${(seconds / 60).toFixed(1)} modelled minutes`,
  );
  if (files.length !== 1004 || drafts.length !== 1004) {
    console.error('1,004 invoices did not each get exactly one PDF and one draft');
    process.exit(1);
  }
}
{
  const bundle = bulk();
  const naive = loadNaive(bundle);
  const m = measure(bundle, () => naive.run('issueInvoicesNaive'));
  console.log(
    `naive per-row script: ${bundle.workspace.GmailApp.outbox().length} invoices in its execution, ${m.sheetsCalls} Sheets / ${m.allCalls} calls, ${modelled(m)}`,
  );
}
printLatencySensitivity(bulk);

// The daily dispatcher on the demo company: an ordinary day (routines only) and the last
// business day of the month (tasks, 2 recurring invoices, the summary and its mail), as the
// sales sheet grows. Its Sheets calls must not grow with the rows either, and the month end
// reads all its tables in one Sheets API call, and those a job wrote again in one call (123
// Sheets calls when each job read its own, 79 when each sheet was read once with SpreadsheetApp).
console.log('\n3. The daily dispatcher');
function dispatch(day: string, lineCount: number) {
  const bundle = loadBundleFromDist('dist', { now: `${day}T05:00:00+09:00` });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  const sheet = bundle.workspace.SpreadsheetApp.active!.getSheetByName('売上明細')!;
  const width = sheet.getLastColumn();
  const demoRows = sheet.getRange(2, 1, sheet.getLastRow() - 1, width).getValues();
  // Old lines, already billed: they are read every day but never billed again.
  const billed = demoRows.map((r) => r.map((v, i) => (i === 9 ? '2025-01-0001' : v)));
  const rows = Array.from({ length: lineCount }, (_, i) => billed[i % billed.length]!);
  // Room below the data, as a sheet in use has (adding rows costs one call when it has none).
  const room = lineCount + 100;
  if (sheet.getMaxRows() < room)
    sheet.insertRowsAfter(sheet.getMaxRows(), room - sheet.getMaxRows());
  sheet.getRange(2, 1, lineCount, width).setValues(rows);
  const { meter, clock } = bundle.workspace;
  meter.resetCounts();
  const startedAt = clock.now();
  const wall = process.hrtime.bigint();
  fireNow(bundle, 'dailyDispatch');
  const counts = meter.counts();
  return {
    day,
    lines: lineCount,
    sheetsCalls: sheetsTotal(meter),
    reads: READS.map((k) => counts[k] ?? 0),
    allCalls: meter.total(),
    modelledSeconds: (clock.now() - startedAt) / 1000,
    wallMs: Number(process.hrtime.bigint() - wall) / 1e6,
  };
}

const READS = [
  'SpreadsheetApp.Spreadsheet.getSheetByName',
  'SpreadsheetApp.Range.getValues',
  'Sheets.Spreadsheets.Values.batchGet',
];
/** The month end's bound, as the bundle test asserts it. */
const MONTH_END_SHEETS_CALLS = 40;
/** The month end's Sheets calls before the reads were batched (each job reading its own sheets). */
const MONTH_END_BEFORE = 123;

console.log(
  '\ndispatcher day | sales lines | Sheets calls (getSheetByName / getValues / batchGet) | all calls | modelled time | wall time here',
);
const days = ['2026-11-26', '2026-11-30'].flatMap((day) =>
  [10, 1000, 5000].map((n) => dispatch(day, n)),
);
for (const r of days) {
  console.log(
    `${r.day} | ${r.lines} | ${r.sheetsCalls} (${r.reads.join(' / ')}) | ${r.allCalls} | ${r.modelledSeconds.toFixed(1)} s | ${r.wallMs.toFixed(0)} ms`,
  );
}
const monthEnd = days.filter((r) => r.day === '2026-11-30');
console.log(
  `month end Sheets calls: before ${MONTH_END_BEFORE} (each job read its own sheets), after ${monthEnd.map((r) => `${r.sheetsCalls} at ${r.lines} lines`).join(', ')} (bound ${MONTH_END_SHEETS_CALLS})`,
);
for (const day of ['2026-11-26', '2026-11-30']) {
  if (new Set(days.filter((r) => r.day === day).map((r) => r.sheetsCalls)).size !== 1) {
    console.error(`Dispatcher Sheets calls grew with the number of lines on ${day}`);
    process.exit(1);
  }
}
if (days.some((r) => r.day === '2026-11-30' && r.sheetsCalls > MONTH_END_SHEETS_CALLS)) {
  console.error(`The month end made more than ${MONTH_END_SHEETS_CALLS} Sheets calls`);
  process.exit(1);
}

// 5. Payments in (入金確認): the matcher on 10,000 lines × 10,000 open invoices, indexed and naive
// in one run (wall time here), and a statement import's Sheets calls at 10 and 5,000 lines.
console.log('\n5. Payments in: matching bank lines to open invoices (wall time here)');
for (const line of matchBenchLines(runMatchBench())) console.log(line);

const IMPORT_HEADER = '年月日,お引出し,お預入れ,お取り扱い内容,残高';
function importCalls(lines: number): { sheetsCalls: number; allCalls: number } {
  const b = loadBundleFromDist('dist', { now: '2027-03-01T10:00:00+09:00' });
  seedDemo(b, new ExecutionLog(b), readDemoCompany(), DEMO_DIR);
  const rows = Array.from(
    { length: lines },
    (_, i) => `2027/2/${1 + (i % 28)},,${1000 + i},ﾌﾘｺﾐ ﾃｽﾄ${i},${2_000_000 + i}`,
  );
  const csv = iconv.encode(`${IMPORT_HEADER}\r\n${rows.join('\r\n')}\r\n`, 'Shift_JIS');
  b.workspace.meter.resetCounts();
  b.runJson('paymentsImport', [{ fileName: 'bench.csv', base64: csv.toString('base64') }]);
  const m = b.workspace.meter;
  return {
    sheetsCalls: m.total('SpreadsheetApp') + m.total('Sheets'),
    allCalls: m.total(),
  };
}
console.log('statement lines imported | Sheets calls | all calls');
const imports = [10, 5000].map((n) => ({ n, ...importCalls(n) }));
for (const r of imports) console.log(`${r.n} | ${r.sheetsCalls} | ${r.allCalls}`);
if (new Set(imports.map((r) => r.sheetsCalls)).size !== 1) {
  console.error('A statement import made more Sheets calls for more lines');
  process.exit(1);
}
console.log('\n4. The scheduling slot finder (pure, in Node; the card adds one Freebusy call)');
runSlotsBench();

// 6. Expenses on the demo company with its 経費 log grown by rows: `typed` as an owner types them
// (no tax, half without an account, one in ten with a text amount: the bundle test's mix) for
// the check; `clean` (every row with its account and a number) for the export, so all of them
// go into the CSVs. Then the receipt card on each demo receipt mail. Sheets calls must not grow
// with the rows.
console.log('\n6. Expenses');
function demoWithExpenses(now: string, extra: number, rows: 'typed' | 'clean'): Bundle {
  const bundle = demoAt(now);
  const sheet = bundle.workspace.SpreadsheetApp.active!.getSheetByName('経費')!;
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0]!.map(String);
  const typed = rows === 'typed';
  const block = Array.from({ length: extra }, (_, i) =>
    headers.map((h) => {
      if (h === '日付')
        return new Date(`2026-11-${String((i % 20) + 1).padStart(2, '0')}T00:00:00+09:00`);
      if (h === '取引先') return i % 2 ? '文具のまるや' : `取引先${i}`;
      if (h === '金額(税込)') return typed && i % 10 === 0 ? '千円' : 1000 + i;
      if (h === '税率') return i % 3 ? '10%' : '8%';
      if (h === '勘定科目') return typed && i % 2 ? '' : '雑費';
      return '';
    }),
  );
  sheet.insertRowsAfter(sheet.getMaxRows(), extra + 100);
  sheet.getRange(sheet.getLastRow() + 1, 1, extra, width).setValues(block);
  return bundle;
}

const EXPENSE_SIZES = [10, 5000];
const expenseRuns = [
  { label: 'check the log (行を確認)', name: 'expensesCheck', args: [{}], rows: 'typed' },
  {
    label: 'export the month (freee + MF CSV)',
    name: 'expensesExport',
    args: [{ month: '2026-11' }],
    rows: 'clean',
  },
] as const;
console.log(
  'expense job | log rows added | Sheets / all calls | modelled time | node time here | rows exported',
);
for (const job of expenseRuns) {
  const measured = EXPENSE_SIZES.map((n) => {
    const b = demoWithExpenses('2026-11-30T18:00:00+09:00', n, job.rows);
    let result: { files?: { exported: number }[] } | undefined;
    const m = measure(b, () => {
      result = b.runJson(job.name, [...job.args]) as typeof result;
    });
    return { n, m, exported: result?.files?.map((f) => f.exported).join(' + ') ?? '' };
  });
  for (const { n, m, exported } of measured)
    console.log(
      `${job.label} | ${n} | ${m.sheetsCalls} / ${m.allCalls} | ${modelled(m)} | ${m.wallMs.toFixed(0)} ms | ${exported || '-'}`,
    );
  if (measured.some((r) => r.m.error) || new Set(measured.map((r) => r.m.sheetsCalls)).size !== 1) {
    console.error(`${job.label}: failed, or its Sheets calls grew with the number of rows`);
    process.exit(1);
  }
}

/** The card's limit: an add-on's card action must answer within 30 seconds. */
const CARD_LIMIT_SECONDS = 30;
const RECEIPT_MAILS = ['receipt-taxi', 'receipt-invoice-pdf', 'receipt-photo'];
const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8'));
/** Service calls that do I/O: CardService builders run locally and cost nothing. */
const ioCalls = (m: Measured, builders: number) => m.allCalls - builders;
console.log(
  '\nreceipt card | log rows | open: I/O calls (Sheets; OCR: Drive API + its text export), modelled | log it: I/O calls, modelled',
);
for (const mailId of RECEIPT_MAILS) {
  const opens: number[] = [];
  const logs: number[] = [];
  for (const n of EXPENSE_SIZES) {
    const b = demoWithExpenses('2026-11-24T09:00:00+09:00', n, 'typed');
    const { meter } = b.workspace;
    connectActiveWorkbook(b);
    const demo = readDemoMails(DEMO_DIR).find((m) => m.id === mailId)!;
    const id = b.workspace.GmailApp.deliver(incomingDemoMail(demo, DEMO_DIR)).getId();
    let card: ReturnType<typeof openReceiptCard>;
    let ocr = 0;
    let builders = 0;
    const open = measure(b, () => {
      card = openReceiptCard(b, manifest, id);
      ocr = meter.total('Drive') + meter.total('UrlFetchApp');
      builders = meter.total('CardService');
    });
    const opened = ioCalls(open, builders);
    const log = measure(b, () => {
      logFromCard(b, card!, id);
      builders = meter.total('CardService');
    });
    const logged = ioCalls(log, builders);
    opens.push(opened);
    logs.push(logged);
    console.log(
      `${mailId} | ${n} | ${opened} (${open.sheetsCalls} Sheets; OCR ${ocr}), ${modelled(open)} | ${logged} (${log.sheetsCalls} Sheets), ${modelled(log)}`,
    );
    if (open.error || log.error || open.modelledSeconds >= CARD_LIMIT_SECONDS) {
      console.error(`${mailId}: the card failed or took ${modelled(open)}`);
      process.exit(1);
    }
  }
  if (new Set(opens).size !== 1 || new Set(logs).size !== 1) {
    console.error(`${mailId}: the card made more calls with more log rows`);
    process.exit(1);
  }
}
