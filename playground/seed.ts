/**
 * The demo company: a workbook set up by the bundle's own `setupWorkbook`, settings saved through
 * its own `settingsSave` (so they pass the same validation as the sidebar's), and demo rows typed
 * into the sheets that exist, found by header as Pokke finds them. The data is in playground/demo/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '../emulator/runtime';
import type { Sheet, Spreadsheet } from '../emulator/services/spreadsheet/app';
import { fromWallClock } from '../emulator/services/spreadsheet/time';
import type { Workspace } from '../emulator/workspace';
import { normalizeHeader } from '../src/sheets/columns';
import { WORKBOOK } from '../src/sheets/schema';
import type { DemoCompany, ExecutionLog } from './session';

type DemoRows = Record<string, Record<string, string | number | boolean>[]>;

export function seedDemo(
  bundle: Bundle,
  log: ExecutionLog,
  demo: DemoCompany,
  demoDir: string,
): void {
  const ws = bundle.workspace;
  const ss = ws.SpreadsheetApp.createSpreadsheet(demo.spreadsheetName);
  const blank = ss.getSheets()[0];
  const setup = log.run('setupWorkbook', 'seed', () => bundle.runJson('setupWorkbook', []));
  if (!setup.ok)
    throw new Error(`The demo could not be set up: setupWorkbook failed: ${setup.message}`);
  const saved = log.run('settingsSave', 'seed', () =>
    bundle.runJson('settingsSave', [demo.settings]),
  );
  if (!saved.ok)
    throw new Error(`The demo could not be set up: settingsSave failed: ${saved.message}`);
  const result = saved.value as { ok: boolean; issues?: { message: string }[] };
  if (!result.ok) {
    const issues = (result.issues ?? []).map((i) => i.message).join('; ');
    throw new Error(`The demo settings in playground/demo/company.json are invalid: ${issues}`);
  }
  setSheetSettings(ss, demo.sheetSettings ?? {});
  // The owner of the demo company removed the empty first sheet a new spreadsheet comes with.
  if (blank && ss.getNumSheets() > 1 && blank.getLastRow() === 0 && blank.getLastColumn() === 0)
    ss.deleteSheet(blank);
  const rows = JSON.parse(readFileSync(join(demoDir, 'sheets.json'), 'utf8')) as DemoRows;
  for (const [sheetName, records] of Object.entries(rows)) {
    if (sheetName.startsWith('$')) continue;
    const sheet = ss.getSheetByName(sheetName);
    // Sheets that this version of Pokke does not create yet are left out of the demo.
    if (!sheet || records.length === 0) continue;
    appendRecords(sheet, sheetName, records, ws.timeZone);
  }
}

/** Types the 値 of 設定 rows the sidebar does not edit, found by their キー. */
function setSheetSettings(ss: Spreadsheet, values: Record<string, string>): void {
  const entries = Object.entries(values).filter(([key]) => !key.startsWith('$'));
  if (entries.length === 0) return;
  const sheet = ss.getSheetByName('設定');
  if (!sheet) throw new Error('The demo could not be set up: no 設定 sheet');
  const grid = sheet.getDataRange().getValues();
  const header = (grid[0] ?? []).map((h) => normalizeHeader(h));
  const keyAt = header.indexOf(normalizeHeader('キー'));
  const valueAt = header.indexOf(normalizeHeader('値'));
  for (const [key, value] of entries) {
    const row = grid.findIndex((r, i) => i > 0 && r[keyAt] === key);
    if (row < 1) throw new Error(`playground/demo/company.json: 設定 has no row ${key}`);
    sheet.getRange(row + 1, valueAt + 1).setValue(value);
  }
}

function appendRecords(
  sheet: Sheet,
  sheetName: string,
  records: Record<string, string | number | boolean>[],
  timeZone: string,
): void {
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  const position = new Map(headers.map((h, i) => [normalizeHeader(h), i]));
  const spec = WORKBOOK.find((s) => s.name === sheetName);
  const kindOf = (header: string) =>
    spec?.columns.find((c) => normalizeHeader(c.header) === normalizeHeader(header))?.kind;
  const first = sheet.getLastRow() + 1;
  const formats = sheet.getRange(first, 1, records.length, width).getNumberFormats();
  const values = records.map((record, r) => {
    const row: unknown[] = new Array(width).fill('');
    for (const [header, value] of Object.entries(record)) {
      const i = position.get(normalizeHeader(header));
      if (i === undefined) {
        throw new Error(`playground/demo/sheets.json: ${sheetName} has no column "${header}"`);
      }
      const kind = kindOf(header);
      if ((kind === 'date' || kind === 'datetime') && typeof value === 'string' && value !== '') {
        row[i] = civilDate(value, timeZone);
      } else if (typeof value === 'string' && value !== '' && formats[r]?.[i] !== '@') {
        row[i] = `'${value}`; // typed text stays text
      } else {
        row[i] = value;
      }
    }
    return row;
  });
  sheet.getRange(first, 1, values.length, width).setValues(values);
}

function civilDate(text: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(text);
  if (!m) throw new Error(`playground/demo/sheets.json: not a date: ${text}`);
  return new Date(
    fromWallClock(
      timeZone,
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
    ),
  );
}

/** The demo bank statement, saved in My Drive by the owner (not by Pokke): for 「Driveから選ぶ」. */
export const DEMO_BANK_CSV = 'bank-2026-12.csv';

export function seedDemoDrive(ws: Workspace, demoDir: string): void {
  const bytes = readFileSync(join(demoDir, DEMO_BANK_CSV));
  const blob = ws.Utilities.newBlob([...bytes], 'text/csv', DEMO_BANK_CSV);
  ws.DriveApp.store.upload(DEMO_BANK_CSV, 'text/csv', blob);
}
