import { type Bundle, loadBundleFromDist } from '../../emulator/runtime';
import { seedDemo } from '../../playground/seed';
import { DEMO_DIR, ExecutionLog, readDemoCompany } from '../../playground/session';

/** The demo company's workbook, as the playground seeds it, at `now`. */
export function demoAt(now: string): Bundle {
  const bundle = loadBundleFromDist('dist', { now });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  return bundle;
}

export const book = (bundle: Bundle) => bundle.workspace.SpreadsheetApp.active!;

/** A sheet's displayed rows below the header, as objects keyed by header. */
export function records(bundle: Bundle, sheetName: string): Record<string, string>[] {
  const grid = book(bundle).getSheetByName(sheetName)!.getDataRange().getDisplayValues();
  const [header = [], ...rows] = grid;
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export const handlers = (bundle: Bundle) =>
  bundle.workspace.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction());

/** Epoch ms of a Tokyo wall-clock time. */
export const tokyo = (iso: string) => Date.parse(`${iso}+09:00`);

/** A small deterministic PRNG (mulberry32) so random crash points are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface EventView {
  summary?: string;
  start?: { date?: string; dateTime?: string };
  end?: { date?: string; dateTime?: string };
  extendedProperties?: { private?: Record<string, string> };
}

/** Every event in the emulated calendars (uncounted). */
export const calendarEvents = (bundle: Bundle): EventView[] =>
  bundle.workspace.advanced<{ allEvents(): EventView[] }>('calendar').allEvents();

/** Sets a row of the 設定 sheet by its キー, as the owner edits its 値. */
export function setSetting(bundle: Bundle, key: string, value: string): void {
  const sheet = book(bundle).getSheetByName('設定')!;
  const grid = sheet.getDataRange().getValues();
  const header = grid[0]!.map(String);
  const row = grid.findIndex((r) => r[header.indexOf('キー')] === key);
  if (row < 1) throw new Error(`no setting ${key}`);
  sheet.getRange(row + 1, header.indexOf('値') + 1).setValue(value);
}
