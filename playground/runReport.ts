/**
 * What a run of the daily automations did, as `npm run simulate -- month-end` prints it: whether
 * the day is a business day, each line the run wrote to 実行ログ, the invoices it issued, the
 * mails it made and the tasks and calendar events it created. Read from the workbook before and
 * after the run, so it says what happened, not what was planned.
 */
import { holidayName, isBankBusinessDay } from '../src/core/businessDays';
import { type DateKey, formatDateJa } from '../src/core/dates';
import { formatYen } from '../src/core/money';
import { normalizeHeader, type SheetSpec } from '../src/sheets/columns';
import { INVOICES_SHEET, RUN_LOG_SHEET, TASKS_SHEET } from '../src/sheets/schema';
import { type Cell, getCell, lastColumnOf, lastRowOf, type WorkbookModel } from './model';

export interface RunOutputs {
  /** The mails in the outbox after the run (the CLI starts with an empty mailbox). */
  mails: readonly { kind: 'draft' | 'sent' }[];
  /** Tasks made in Google Tasks and events made in Google Calendar. */
  googleTasks: number;
  events: number;
}

/** The lines to print, Japanese first then English on each. */
export function runReport(
  day: DateKey,
  before: WorkbookModel,
  after: WorkbookModel,
  outputs: RunOutputs,
): string[] {
  const log = newRows(before, after, RUN_LOG_SHEET);
  const invoices = newRows(before, after, INVOICES_SHEET);
  const sheetTasks = newRows(before, after, TASKS_SHEET).length;
  const drafts = outputs.mails.filter((m) => m.kind === 'draft').length;
  const sent = outputs.mails.length - drafts;
  const tasks = sheetTasks + outputs.googleTasks;
  return [
    dayLine(day),
    ...(log.length === 0
      ? ['実行ログに記録はありません / Nothing was written to 実行ログ']
      : [
          '実行ログ / Run log:',
          ...log.flatMap((r) => [
            `  ${text(r.job)}: ${text(r.result)} ${countOf(r.count)}件`,
            ...text(r.message)
              .split('\n')
              .filter((l) => l !== '')
              .map((l) => `    ${l}`),
          ]),
        ]),
    `発行した請求書 ${invoices.length}件 / Invoices issued: ${invoices.length}`,
    ...invoices.map(
      (i) =>
        `  ${text(i.number)} ${text(i.client)} ¥${yen(i.billed)}${i.status ? `(${text(i.status)})` : ''}`,
    ),
    `メール ${outputs.mails.length}通(下書き ${drafts}・送信 ${sent}) / Mails: ${outputs.mails.length} (${drafts} draft(s), ${sent} sent)`,
    `タスク ${tasks}件(タスクシート ${sheetTasks}・Google ToDo ${outputs.googleTasks})・カレンダーの予定 ${outputs.events}件 / ` +
      `Tasks: ${tasks} (タスク sheet ${sheetTasks}, Google Tasks ${outputs.googleTasks}), calendar events: ${outputs.events}`,
  ];
}

/** `2026年11月30日(月) 営業日`, or 休業日 with the holiday's name. */
function dayLine(day: DateKey): string {
  const date = formatDateJa(day, { weekday: true });
  if (isBankBusinessDay(day)) return `${date} 営業日 / ${day}: a business day`;
  const holiday = holidayName(day);
  return `${date} 休業日${holiday ? `(${holiday})` : ''} / ${day}: not a business day`;
}

/** The rows `after` has below the ones `before` had, keyed by column key. */
function newRows<K extends string>(
  before: WorkbookModel,
  after: WorkbookModel,
  spec: SheetSpec<K>,
): Partial<Record<K, Cell>>[] {
  const from = rowsOf(before, spec).length;
  return rowsOf(after, spec).slice(from);
}

function rowsOf<K extends string>(
  model: WorkbookModel,
  spec: SheetSpec<K>,
): Partial<Record<K, Cell>>[] {
  const names = [spec.name, ...(spec.aliases ?? [])];
  const sheet = model.sheets.find((s) => names.includes(s.name));
  if (!sheet) return [];
  const width = lastColumnOf(sheet);
  const columnOf = new Map<string, number>();
  for (let c = 0; c < width; c++) {
    const header = normalizeHeader(String(getCell(sheet.values, 0, c) ?? ''));
    if (header && !columnOf.has(header)) columnOf.set(header, c);
  }
  const keyed = spec.columns.flatMap((col) => {
    const at = [col.header, ...(col.aliases ?? [])]
      .map((h) => columnOf.get(normalizeHeader(h)))
      .find((c) => c !== undefined);
    return at === undefined ? [] : [[col.key, at] as const];
  });
  const rows: Partial<Record<K, Cell>>[] = [];
  for (let r = 1; r < lastRowOf(sheet); r++) {
    const row: Partial<Record<K, Cell>> = {};
    for (const [key, c] of keyed) row[key] = getCell(sheet.values, r, c);
    rows.push(row);
  }
  return rows;
}

const text = (v: Cell | undefined) =>
  v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
const countOf = (v: Cell | undefined) => (typeof v === 'number' ? v : 0);
const yen = (v: Cell | undefined) =>
  typeof v === 'number' && Number.isSafeInteger(v) ? formatYen(v) : text(v);
