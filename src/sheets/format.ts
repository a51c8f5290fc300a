import { inLang, type Lang } from '../core/text';
import { newDropdown } from '../services/workbook';
import { type ColumnSpec, NUMBER_FORMAT, type SheetSpec } from './columns';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface PlacedColumn {
  readonly spec: ColumnSpec;
  /** 1-based sheet column. */
  readonly position: number;
}

/**
 * Writes headers and applies the look of a Pokke sheet to the given columns: bold coloured
 * header with notes (in `lang`, the language of whoever sets up), frozen header row, number formats and dropdowns for the data rows, widths.
 * Calls grow with the number of columns formatted, never with rows.
 */
export function formatColumns(
  sheet: Sheet,
  spec: SheetSpec,
  columns: readonly PlacedColumn[],
  lang: Lang,
): void {
  if (columns.length === 0) return;
  const dataRows = Math.max(sheet.getMaxRows() - 1, 1);
  for (const run of contiguousRuns(columns)) {
    const first = run[0]!.position;
    const header = sheet.getRange(1, first, 1, run.length);
    header
      .setValues([run.map((c) => c.spec.header)])
      .setNotes([run.map((c) => (c.spec.note ? inLang(c.spec.note, lang) : ''))])
      .setFontWeight('bold')
      .setBackground(spec.color)
      .setNumberFormat('@');
    const body = sheet.getRange(2, first, dataRows, run.length);
    const formats = run.map((c) => NUMBER_FORMAT[c.spec.kind]);
    body.setNumberFormats(Array.from({ length: dataRows }, () => formats));
    if (run.some((c) => c.spec.choices)) {
      const rules = run.map((c) => (c.spec.choices ? newDropdown(c.spec.choices) : null));
      body.setDataValidations(Array.from({ length: dataRows }, () => rules));
    }
  }
  for (const run of sameWidthRuns(columns)) {
    sheet.setColumnWidths(run.position, run.count, run.width);
  }
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
}

function contiguousRuns(columns: readonly PlacedColumn[]): PlacedColumn[][] {
  const sorted = [...columns].sort((a, b) => a.position - b.position);
  const runs: PlacedColumn[][] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1]!.position === c.position - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** Neighbouring columns of the same width, so each run is sized with one call. */
function sameWidthRuns(
  columns: readonly PlacedColumn[],
): { position: number; count: number; width: number }[] {
  const runs: { position: number; count: number; width: number }[] = [];
  for (const c of [...columns].sort((a, b) => a.position - b.position)) {
    if (!c.spec.width) continue;
    const last = runs[runs.length - 1];
    if (last && last.width === c.spec.width && last.position + last.count === c.position)
      last.count += 1;
    else runs.push({ position: c.position, count: 1, width: c.spec.width });
  }
  return runs;
}
