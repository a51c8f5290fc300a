/**
 * Checks a workbook from a file against Pokke's sheets (src/sheets/schema.ts) before a dry run:
 * every problem gets a message that names the sheet, the cell and what to do, in both languages;
 * the report is printed in one.
 */
import { columnLetter } from '../emulator/services/spreadsheet/a1';
import { inLang, type Lang, sayIn, type Text, text } from '../src/core/text';
import { type ColumnKind, normalizeHeader, type SheetSpec } from '../src/sheets/columns';
import { WORKBOOK } from '../src/sheets/schema';
import { getCell, lastColumnOf, lastRowOf, type SheetModel, type WorkbookModel } from './model';

export type IssueKind = 'missingSheet' | 'missingColumn' | 'renamedHeader' | 'badValue';

export interface WorkbookIssue {
  kind: IssueKind;
  sheet: string;
  message: Text;
}

/** Bad cells reported per sheet before "and N more". */
const MAX_CELL_ISSUES = 10;

const NUMERIC: readonly ColumnKind[] = ['yen', 'int', 'number', 'percent'];
const DATES: readonly ColumnKind[] = ['date', 'datetime'];

const KIND_NAMES: Partial<Record<ColumnKind, Text>> = {
  yen: text('金額', 'an amount'),
  int: text('整数', 'a whole number'),
  number: text('数値', 'a number'),
  percent: text('割合', 'a percentage'),
  date: text('日付', 'a date'),
  datetime: text('日時', 'a date and time'),
};

export function checkWorkbook(
  model: WorkbookModel,
  specs: readonly SheetSpec[] = WORKBOOK,
): WorkbookIssue[] {
  const issues: WorkbookIssue[] = [];
  for (const spec of specs) {
    const sheet = findSheet(model, spec);
    if (!sheet) {
      issues.push({
        kind: 'missingSheet',
        sheet: spec.name,
        message: text(
          `シート「${spec.name}」がありません`,
          `The sheet "${spec.name}" (${spec.aliases?.[0] ?? spec.name}) is missing`,
        ),
      });
      continue;
    }
    issues.push(...checkSheet(sheet, spec));
  }
  return issues;
}

function findSheet(model: WorkbookModel, spec: SheetSpec): SheetModel | undefined {
  for (const name of [spec.name, ...(spec.aliases ?? [])]) {
    const found = model.sheets.find((s) => s.name === name);
    if (found) return found;
  }
  return undefined;
}

function checkSheet(sheet: SheetModel, spec: SheetSpec): WorkbookIssue[] {
  const issues: WorkbookIssue[] = [];
  const width = lastColumnOf(sheet);
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers.push(String(getCell(sheet.values, 0, c) ?? '').trim());
  const known = new Set(
    spec.columns.flatMap((col) =>
      [col.header, ...(col.aliases ?? [])].map((h) => normalizeHeader(h)),
    ),
  );
  const position = new Map<string, number>();
  headers.forEach((h, i) => {
    const n = normalizeHeader(h);
    if (n && !position.has(n)) position.set(n, i);
  });
  const foreign = headers.filter((h) => h !== '' && !known.has(normalizeHeader(h)));
  const columns = new Map<number, (typeof spec.columns)[number]>();
  for (const col of spec.columns) {
    const at = [col.header, ...(col.aliases ?? [])]
      .map((h) => position.get(normalizeHeader(h)))
      .find((i) => i !== undefined);
    if (at !== undefined) {
      columns.set(at, col);
      continue;
    }
    if (lastRowOf(sheet) === 0) continue; // an empty sheet: setup writes the headers
    if (foreign.length > 0) {
      const list = foreign.map((h) => `「${h}」`).join('');
      issues.push({
        kind: 'renamedHeader',
        sheet: sheet.name,
        message: text(
          `シート「${sheet.name}」に列「${col.header}」が見つかりません。見出し${list}を「${col.header}」に戻してください`,
          `Sheet "${sheet.name}" has no column "${col.header}" (${col.aliases?.[0] ?? col.key}); rename the header ${foreign.map((h) => `"${h}"`).join(', ')} back to "${col.header}"`,
        ),
      });
    } else {
      issues.push({
        kind: 'missingColumn',
        sheet: sheet.name,
        message: text(
          `シート「${sheet.name}」に列「${col.header}」がありません`,
          `Sheet "${sheet.name}" has no column "${col.header}" (${col.aliases?.[0] ?? col.key})`,
        ),
      });
    }
  }
  const bad: Text[] = [];
  let badCount = 0;
  const rows = lastRowOf(sheet);
  for (const [c, col] of columns) {
    const numeric = NUMERIC.includes(col.kind);
    const date = DATES.includes(col.kind);
    if (!numeric && !date) continue;
    for (let r = 1; r < rows; r++) {
      const v = getCell(sheet.values, r, c);
      if (v === undefined || v === '') continue;
      const ok = numeric ? typeof v === 'number' : v instanceof Date;
      if (ok) continue;
      badCount++;
      if (bad.length < MAX_CELL_ISSUES) {
        const address = `${sheet.name}!${columnLetter(c + 1)}${r + 1}`;
        const kind = KIND_NAMES[col.kind] ?? text('値', 'a value');
        const shown = typeof v === 'string' ? v : String(v);
        bad.push(
          text(
            `${address}: ${kind.ja}の列「${col.header}」に「${shown}」があります。${kind.ja}を入力してください`,
            `${address}: column "${col.header}" expects ${kind.en}, found "${shown}"`,
          ),
        );
      }
    }
  }
  for (const message of bad) issues.push({ kind: 'badValue', sheet: sheet.name, message });
  if (badCount > bad.length) {
    const more = badCount - bad.length;
    issues.push({
      kind: 'badValue',
      sheet: sheet.name,
      message: text(
        `シート「${sheet.name}」: ほかに ${more} 件`,
        `Sheet "${sheet.name}": ${more} more`,
      ),
    });
  }
  return issues;
}

/**
 * The problems that stop a run: renamed headers and bad values always; missing sheets and
 * columns only when the job needs a workbook already set up (setup adds what is missing, and the
 * playground's menu can run it).
 */
export function blockingIssues(
  issues: readonly WorkbookIssue[],
  needsSetup: boolean,
): WorkbookIssue[] {
  return issues.filter(
    (i) =>
      i.kind !== 'badValue' &&
      (needsSetup || (i.kind !== 'missingSheet' && i.kind !== 'missingColumn')),
  );
}

/**
 * Cells that do not hold what their column expects do not stop a run: Pokke leaves such a row
 * out and writes why in its メッセージ cell, as it does on Google. They are listed first, in
 * `lang`, so the owner knows before reading the workbook.
 */
export function cellWarnings(issues: readonly WorkbookIssue[], lang: Lang = 'ja'): string[] {
  const bad = issues.filter((i) => i.kind === 'badValue');
  if (bad.length === 0) return [];
  return [
    sayIn(lang)(
      '次のセルは列の種類と合いません(その行は実行時にメッセージ列で知らせます):',
      'These cells do not match their column (their rows get a message when the job runs):',
    ),
    ...bad.map((i) => `  - ${inLang(i.message, lang)}`),
  ];
}

/**
 * What the CLI and the playground print for blocking problems, one line each, in `lang` (Japanese
 * when the caller does not say): a heading, the problems, and, when parts are missing, what to run
 * first.
 */
export function preflightReport(
  blocking: readonly WorkbookIssue[],
  lang: Lang = 'ja',
  setupHint?: Text,
): string[] {
  if (blocking.length === 0) return [];
  const say = sayIn(lang);
  const lines = [
    say(
      'ワークブックに問題があるため、何も実行しませんでした:',
      'The workbook has problems; nothing was run:',
    ),
    ...blocking.map((i) => `  - ${inLang(i.message, lang)}`),
  ];
  if (setupHint && blocking.some((i) => i.kind === 'missingSheet' || i.kind === 'missingColumn')) {
    lines.push(inLang(setupHint, lang));
  }
  return lines;
}
