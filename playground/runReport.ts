/**
 * What a run of the daily automations did, as `npm run simulate -- month-end` prints it: whether
 * the day is a business day, each line the run wrote to 実行ログ, the invoices it issued, the
 * mails it made and the tasks and calendar events it created. Read from the workbook before and
 * after the run, so it says what happened, not what was planned.
 */
import { holidayName, isBankBusinessDay } from '../src/core/businessDays';
import { WEEKDAY_NAMES_EN } from '../src/core/calendarNames';
import { type DateKey, formatDateJa, weekday } from '../src/core/dates';
import { formatDate } from '../src/core/invoice/issuer';
import { formatYen } from '../src/core/money';
import { type Lang, sayIn, type Text, text } from '../src/core/text';
import { RESULT, type RunResult } from '../src/features/automations/runLog';
import { normalizeHeader, type SheetSpec } from '../src/sheets/columns';
import { INVOICE_STATUSES, INVOICES_SHEET, RUN_LOG_SHEET, TASKS_SHEET } from '../src/sheets/schema';
import { holidayIn } from './language';
import { type Cell, getCell, lastColumnOf, lastRowOf, type WorkbookModel } from './model';

export interface RunOutputs {
  /** The mails in the outbox after the run (the CLI starts with an empty mailbox). */
  mails: readonly { kind: 'draft' | 'sent' }[];
  /** Tasks made in Google Tasks and events made in Google Calendar. */
  googleTasks: number;
  events: number;
}

/** The lines to print, in `lang`. */
export function runReport(
  day: DateKey,
  before: WorkbookModel,
  after: WorkbookModel,
  outputs: RunOutputs,
  lang: Lang,
): string[] {
  const say = sayIn(lang);
  const log = newRows(before, after, RUN_LOG_SHEET);
  const invoices = newRows(before, after, INVOICES_SHEET);
  const sheetTasks = newRows(before, after, TASKS_SHEET).length;
  const mails = outputs.mails.length;
  const drafts = outputs.mails.filter((m) => m.kind === 'draft').length;
  const sent = mails - drafts;
  const tasks = sheetTasks + outputs.googleTasks;
  const { events, googleTasks } = outputs;
  return [
    dayLine(day, lang),
    ...(log.length === 0
      ? [say('実行ログに記録はありません', 'Nothing was written to the run log (実行ログ)')]
      : [
          say('実行ログ:', 'Run log (実行ログ):'),
          ...log.flatMap((r) => {
            const result = resultIn(cellText(r.result), lang);
            const count = countOf(r.count);
            return [
              `  ${cellText(r.job)}: ${say(`${result} ${count}件`, `${result} (${count})`)}`,
              ...cellText(r.message)
                .split('\n')
                .filter((l) => l !== '')
                .map((l) => `    ${l}`),
            ];
          }),
        ]),
    say(`発行した請求書 ${invoices.length}件`, `Invoices issued: ${invoices.length}`),
    ...invoices.map((i) => {
      const status = cellText(i.status);
      const shown = status ? say(`(${status})`, ` (${statusIn(status, lang)})`) : '';
      return `  ${cellText(i.number)} ${cellText(i.client)} ¥${yen(i.billed)}${shown}`;
    }),
    say(
      `メール ${mails}通(下書き ${drafts}・送信 ${sent})`,
      `Mails: ${mails} (${drafts} draft(s), ${sent} sent)`,
    ),
    say(
      `タスク ${tasks}件(タスクシート ${sheetTasks}・Google ToDo ${googleTasks})・カレンダーの予定 ${events}件`,
      `Tasks: ${tasks} (タスク sheet ${sheetTasks}, Google Tasks ${googleTasks}), calendar events: ${events}`,
    ),
  ];
}

/** `2026年11月30日(月) 営業日` / `Mon, Nov 30, 2026: a business day`; a holiday with its name. */
function dayLine(day: DateKey, lang: Lang): string {
  const say = sayIn(lang);
  const date = say(
    formatDateJa(day, { weekday: true }),
    `${WEEKDAY_NAMES_EN[weekday(day)].slice(0, 3)}, ${formatDate(day, 'en')}`,
  );
  if (isBankBusinessDay(day)) return say(`${date} 営業日`, `${date}: a business day`);
  const holiday = holidayName(day);
  return say(
    `${date} 休業日${holiday ? `(${holiday})` : ''}`,
    `${date}: not a business day${holiday ? ` (${holidayIn(holiday, 'en')})` : ''}`,
  );
}

/** 実行ログ's 結果 column holds Japanese words (成功…): the reader's word for each. */
const RESULTS: Readonly<Record<RunResult, Text>> = {
  ok: text(RESULT.ok, 'succeeded'),
  partial: text(RESULT.partial, 'partly failed'),
  error: text(RESULT.error, 'failed'),
  paused: text(RESULT.paused, 'paused'),
  skipped: text(RESULT.skipped, 'skipped'),
};

/** 請求書's 状態 column holds Japanese words (下書き…): the reader's word for each. */
const STATUSES: Readonly<Record<(typeof INVOICE_STATUSES)[number], Text>> = {
  下書き: text('下書き', 'draft'),
  送付済: text('送付済', 'sent'),
  入金済: text('入金済', 'paid'),
  取消: text('取消', 'void'),
};

function resultIn(cell: string, lang: Lang): string {
  const known = Object.values(RESULTS).find((r) => r.ja === cell);
  return known ? known[lang] : cell;
}

function statusIn(cell: string, lang: Lang): string {
  const known = INVOICE_STATUSES.find((s) => s === cell);
  return known ? STATUSES[known][lang] : cell;
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

const cellText = (v: Cell | undefined) =>
  v === undefined ? '' : v instanceof Date ? v.toISOString() : String(v);
const countOf = (v: Cell | undefined) => (typeof v === 'number' ? v : 0);
const yen = (v: Cell | undefined) =>
  typeof v === 'number' && Number.isSafeInteger(v) ? formatYen(v) : cellText(v);
