// npm run bench: the cost of an invoice run on the built bundle as the sales sheet grows.
// Prints service calls (deterministic) and the emulator's modelled Apps Script time; the wall
// time on this machine is shown for information only.
import { loadBundleFromDist } from '../emulator/runtime';
import { seedDemo } from '../playground/seed';
import { DEMO_DIR, ExecutionLog, readDemoCompany } from '../playground/session';

const SIZES = [10, 100, 1000, 5000];

function run(lineCount: number) {
  const bundle = loadBundleFromDist('dist', { now: '2026-11-30T18:00:00+09:00' });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  const sheet = bundle.workspace.SpreadsheetApp.active!.getSheetByName('売上明細')!;
  const width = sheet.getLastColumn();
  const demoRows = sheet.getRange(2, 1, sheet.getLastRow() - 1, width).getValues();
  const rows = Array.from({ length: lineCount }, (_, i) => demoRows[i % demoRows.length]!);
  if (sheet.getMaxRows() < lineCount + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), lineCount + 1 - sheet.getMaxRows());
  sheet.getRange(2, 1, lineCount, width).setValues(rows);

  const { meter, clock } = bundle.workspace;
  meter.resetCounts();
  const startedAt = clock.now();
  const wall = process.hrtime.bigint();
  bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
  return {
    lines: lineCount,
    sheetsCalls: meter.total('SpreadsheetApp'),
    allCalls: meter.total(),
    modelledSeconds: (clock.now() - startedAt) / 1000,
    wallMs: Number(process.hrtime.bigint() - wall) / 1e6,
  };
}

const results = SIZES.map(run);
console.log('lines | Sheets calls | all calls | modelled Apps Script time | wall time here');
for (const r of results) {
  console.log(
    `${r.lines} | ${r.sheetsCalls} | ${r.allCalls} | ${r.modelledSeconds.toFixed(1)} s | ${r.wallMs.toFixed(0)} ms`,
  );
}
if (new Set(results.map((r) => r.sheetsCalls)).size !== 1) {
  console.error('Sheets calls grew with the number of lines');
  process.exit(1);
}

// The daily dispatcher on the demo company: an ordinary day (routines only) and the last
// business day of the month (tasks, 2 recurring invoices, the summary and its mail), as the
// sales sheet grows. Its Sheets calls must not grow with the rows either.
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
  bundle.run('dailyDispatch', [], { triggered: true });
  return {
    day,
    lines: lineCount,
    sheetsCalls: meter.total('SpreadsheetApp'),
    allCalls: meter.total(),
    modelledSeconds: (clock.now() - startedAt) / 1000,
    wallMs: Number(process.hrtime.bigint() - wall) / 1e6,
  };
}

console.log(
  '\ndispatcher day | sales lines | Sheets calls | all calls | modelled time | wall time here',
);
const days = ['2026-11-26', '2026-11-30'].flatMap((day) =>
  [10, 1000, 5000].map((n) => dispatch(day, n)),
);
for (const r of days) {
  console.log(
    `${r.day} | ${r.lines} | ${r.sheetsCalls} | ${r.allCalls} | ${r.modelledSeconds.toFixed(1)} s | ${r.wallMs.toFixed(0)} ms`,
  );
}
for (const day of ['2026-11-26', '2026-11-30']) {
  if (new Set(days.filter((r) => r.day === day).map((r) => r.sheetsCalls)).size !== 1) {
    console.error(`Dispatcher Sheets calls grew with the number of lines on ${day}`);
    process.exit(1);
  }
}
