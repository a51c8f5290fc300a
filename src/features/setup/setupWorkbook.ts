import type { SetupReport } from '../../core/contracts/settings';
import { type Lang, same, type Text, text } from '../../core/text';
import type { SheetSpec } from '../../sheets/columns';
import { formatColumns } from '../../sheets/format';
import { SETTINGS_SHEET, WORKBOOK } from '../../sheets/schema';
import { findSheet, mapHeaders, readTable } from '../../sheets/table';
import { ensureSettingRows } from '../settings/settingsSheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * Creates every Pokke sheet that is missing and adds missing columns to the ones that exist,
 * leaving the owner's own columns, order and data alone. Running it again changes nothing.
 */
export function setupWorkbook(ss: Spreadsheet, lang: Lang): SetupReport {
  const report: SetupReport = { created: [], updated: [], unchanged: [], message: same('') };
  WORKBOOK.forEach((spec, position) => {
    const { outcome: columns, sheet } = ensureSheet(ss, spec, position, lang);
    let outcome = columns;
    if (spec.name === SETTINGS_SHEET.name) {
      const added = ensureSettingRows(readTable(sheet, SETTINGS_SHEET), lang);
      if (added && outcome === 'unchanged') outcome = 'updated';
    }
    report[outcome].push(spec.name);
  });
  report.message = summarize(report);
  return report;
}

function ensureSheet(
  ss: Spreadsheet,
  spec: SheetSpec,
  position: number,
  lang: Lang,
): { outcome: Outcome; sheet: Sheet } {
  const existing = findSheet(ss, spec);
  if (!existing) {
    const sheet = ss.insertSheet(spec.name, Math.min(position, ss.getNumSheets()));
    formatColumns(
      sheet,
      spec,
      spec.columns.map((c, i) => ({ spec: c, position: i + 1 })),
      lang,
    );
    return { outcome: 'created', sheet };
  }
  const headers = readHeaderRow(existing);
  const { missing } = mapHeaders(spec, headers);
  if (missing.length === 0) return { outcome: 'unchanged', sheet: existing };
  // Missing columns go after the owner's last column, in the spec's order.
  const start = lastFilledIndex(headers) + 2;
  formatColumns(
    existing,
    spec,
    spec.columns
      .filter((c) => missing.includes(c.key))
      .map((c, i) => ({ spec: c, position: start + i })),
    lang,
  );
  return { outcome: 'updated', sheet: existing };
}

function readHeaderRow(sheet: Sheet): unknown[] {
  const width = sheet.getLastColumn();
  if (width === 0) return [];
  return sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
}

function lastFilledIndex(row: readonly unknown[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (row[i] !== '') return i;
  return -1;
}

function summarize(r: SetupReport): Text {
  if (r.created.length === 0 && r.updated.length === 0) {
    return text(
      'ワークブックは準備済みです。変更はありません',
      'The workbook is already set up; nothing changed',
    );
  }
  const ja: string[] = [];
  const en: string[] = [];
  if (r.created.length) {
    ja.push(`作成: ${r.created.join('、')}`);
    en.push(`created ${r.created.length} sheet(s)`);
  }
  if (r.updated.length) {
    ja.push(`追加: ${r.updated.join('、')}`);
    en.push(`completed ${r.updated.length} sheet(s)`);
  }
  return text(`ワークブックを準備しました(${ja.join(' / ')})`, `Workbook set up: ${en.join(', ')}`);
}
