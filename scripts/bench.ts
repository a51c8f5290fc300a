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
