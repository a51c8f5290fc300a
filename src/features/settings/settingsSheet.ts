import type { SettingsForm } from '../../core/contracts/settings';
import { inLang, type Lang } from '../../core/text';
import { newDropdown } from '../../services/workbook';
import { cellText, textCell } from '../../sheets/cells';
import { SETTINGS_SHEET } from '../../sheets/schema';
import { type Table, writeColumn } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { SETTING_ROWS, SETTINGS_SHEET_ROWS, type SheetSettingRow } from './settingsRows';

export type SettingsTable = Table<(typeof SETTINGS_SHEET.columns)[number]['key']>;
export type SettingKey = keyof SettingsForm;

/** The settings whose row the sheet lacks (the owner may have deleted one). */
export function missingSettingRows(table: SettingsTable): SheetSettingRow[] {
  const present = new Set(table.rows.map((r) => cellText(r.values.key)));
  return SETTINGS_SHEET_ROWS.filter((row) => !present.has(row.key));
}

/** Adds the rows of settings the table lacks (with their initial values). True when it wrote. */
export function ensureSettingRows(table: SettingsTable, lang: Lang): boolean {
  const missing = missingSettingRows(table);
  if (missing.length === 0) return false;
  const { sheet } = table;
  const { index } = table.headers;
  const width = Math.max(table.headers.width, 4);
  const first = Math.max(table.height, 1) + 1;
  const block = missing.map((row) => {
    const line: unknown[] = new Array(width).fill('');
    line[index.key ?? 0] = row.key;
    line[index.label ?? 1] = row.label;
    line[index.value ?? 2] = textCell(row.initial);
    line[index.description ?? 3] = inLang(row.description, lang);
    return line;
  });
  const range = sheet.getRange(first, 1, block.length, width);
  // Rows below the table may keep dropdowns from rows the owner cleared: they would refuse the
  // new values.
  range.clearDataValidations();
  range.setValues(block);
  const valueColumn = (index.value ?? 2) + 1;
  missing.forEach((row, i) => {
    if (row.choices)
      sheet.getRange(first + i, valueColumn).setDataValidation(newDropdown(row.choices));
  });
  return true;
}

export interface StoredSettings {
  /** Raw text per key as the sheet holds it ('' when the row is missing). */
  readonly values: Readonly<Record<SettingKey, string>>;
  readonly table: SettingsTable | null;
}

export function readSettingsSheet(tables: WorkbookTables): StoredSettings {
  const table = tables.table(SETTINGS_SHEET);
  const values = Object.fromEntries(SETTING_ROWS.map((r) => [r.key, ''])) as Record<
    SettingKey,
    string
  >;
  if (!table) return { values, table: null };
  const known = new Set<string>(SETTING_ROWS.map((r) => r.key));
  for (const row of table.rows) {
    const key = cellText(row.values.key);
    if (known.has(key)) values[key as SettingKey] = cellText(row.values.value);
  }
  return { values, table };
}

/** Writes the given values into the value column: one batched write. */
export function writeSettingsSheet(
  table: SettingsTable,
  values: Readonly<Partial<Record<SettingKey, string>>>,
): void {
  const updates = new Map<number, unknown>();
  for (const row of table.rows) {
    const key = cellText(row.values.key) as SettingKey;
    const value = values[key];
    if (value !== undefined && cellText(row.values.value) !== value) {
      updates.set(row.rowNumber, textCell(value));
    }
  }
  writeColumn(table, 'value', updates);
}
