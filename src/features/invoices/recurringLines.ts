import { MONTH_NAMES_EN } from '../../core/calendarNames';
import type { RowProblem } from '../../core/contracts/invoices';
import type { DateKey } from '../../core/dates';
import { tokyoInstant } from '../../core/dates';
import { clientKey, type SaleLine, validateSaleRow } from '../../core/invoice';
import {
  parseRecurring,
  type RecurringPeriod,
  recurringPeriodKey,
  recurringSchedule,
} from '../../core/schedule';
import { inLang, joinWith, type Lang, type Text } from '../../core/text';
import { flushWorkbook } from '../../services/workbook';
import { cellText, textCell } from '../../sheets/cells';
import { RECURRING_SHEET, SALES_SHEET } from '../../sheets/schema';
import { appendRecords, writeColumn } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import type { BillingBook, SalesKey } from './billingBook';

/**
 * The 定期請求 lines due by a closing date are part of that closing: whoever issues it — the
 * owner from the 請求書 sidebar or the daily trigger — first adds them to 売上明細 here, and a
 * preview or dry run shows them as lines to be added. One place, so both give the same invoices.
 */

/** メモ of the sales lines made from 定期請求, and the mark the preview shows on them. */
export const RECURRING_NOTE = '定期請求';

/** Marks the sales line of one recurring row for one period; the same key is never added twice. */
export const recurringLineKey = (client: string, item: string, period: string) =>
  recurringPeriodKey(`${client}:${item}`, period);

/** One period of a 定期請求 row whose sales line is due and not in 売上明細 yet. */
export interface DueRecurringLine {
  /** The 定期請求 row. */
  readonly sourceRow: number;
  readonly client: string;
  /** The item as the 定期請求 row names it (the sales line adds its period). */
  readonly item: string;
  readonly period: RecurringPeriod;
  /** The 売上明細 record to append. */
  readonly record: Partial<Record<SalesKey, unknown>>;
  /** The line as it will read once added, at the row it will get. */
  readonly line: SaleLine;
}

export interface DueRecurring {
  readonly lines: readonly DueRecurringLine[];
  /** Some row has more periods due than one run catches up. */
  readonly more: boolean;
  /** 最終計上 of the rows whose latest due period moves on. */
  readonly lastPeriod: ReadonlyMap<number, unknown>;
  /** メッセージ cells of 定期請求 rows that change (a reason, or cleared once fixed). */
  readonly messages: ReadonlyMap<number, Text | null>;
  /** Rows that cannot be read, with the reason. */
  readonly problems: readonly RowProblem[];
}

/**
 * `2026年11月分` / `November 2026`, added to the item of a period's sales line: the item is
 * printed on the client's invoice, so it is in the client's language.
 */
export function periodLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-');
  return lang === 'en' ? `${MONTH_NAMES_EN[Number(m) - 1]} ${y}` : `${y}年${Number(m)}月分`;
}

/** `SNS運用代行(2026年11月分)` / `Localisation retainer (November 2026)`. */
function withPeriod(item: string, month: string, lang: Lang): string {
  const label = periodLabel(month, lang);
  return lang === 'en' ? `${item} (${label})` : `${item}(${label})`;
}

/**
 * Each 定期請求 row yields one sales line per period whose line date is on or before `dueBy`,
 * after the last period it recorded (最終計上) and never when a line with its key exists. Reads
 * nothing itself; writes nothing.
 */
export function dueRecurringLines(book: BillingBook, dueBy: DateKey): DueRecurring {
  const due = {
    lines: [] as DueRecurringLine[],
    more: false,
    lastPeriod: new Map<number, unknown>(),
    messages: new Map<number, Text | null>(),
    problems: [] as RowProblem[],
  };
  if (!book.recurring) return due;
  const existing = new Set(book.sales.rows.map((r) => cellText(r.values.recurringKey)));
  const ctx = { clients: book.clientIndex };
  // appendRecords puts the block right below the table: these are the rows the lines will get.
  const firstRow = Math.max(book.sales.height, 1) + 1;
  for (const row of book.recurring.rows) {
    const v = row.values;
    const setMessage = (message: Text | null) => due.messages.set(row.rowNumber, message);
    const spec = parseRecurring({
      interval: cellText(v.interval),
      start: cellText(v.start),
      end: cellText(v.end),
      billingDay: cellText(v.billingDay),
    });
    const cells = {
      client: cellText(v.client),
      item: cellText(v.item),
      quantity: v.quantity === '' ? 1 : v.quantity,
      unit: cellText(v.unit),
      unitPrice: v.unitPrice,
      taxRate: cellText(v.taxRate),
      taxMode: cellText(v.taxMode),
    };
    const check = validateSaleRow({ ...cells, date: dueBy }, row.rowNumber, ctx);
    const problems = [
      ...(spec.ok ? [] : [spec.message]),
      ...(check.ok ? [] : check.problems.map((p) => p.message)),
    ];
    if (!spec.ok || problems.length > 0) {
      setMessage(joinWith(problems, '\n'));
      due.problems.push({
        sheet: RECURRING_SHEET.name,
        row: row.rowNumber,
        message: joinWith(problems, ' '),
      });
      continue;
    }
    setMessage(null);
    const language = book.clientIndex.get(clientKey(cells.client))?.language ?? 'ja';
    const last = cellText(v.lastPeriod) || null;
    let latest: string | null = null;
    const schedule = recurringSchedule(spec.value, last, dueBy);
    due.more ||= schedule.more;
    for (const period of schedule.periods) {
      latest = period.month;
      const key = recurringLineKey(cells.client, cells.item, period.month);
      if (existing.has(key)) continue;
      existing.add(key);
      const record = {
        date: tokyoInstant(period.lineDate),
        client: textCell(cells.client),
        item: textCell(withPeriod(cells.item, period.month, language)),
        quantity: cells.quantity,
        unit: textCell(cells.unit),
        unitPrice: cells.unitPrice,
        taxRate: cells.taxRate,
        taxMode: cells.taxMode,
        note: RECURRING_NOTE,
        recurringKey: textCell(key),
      };
      const line = validateSaleRow(record, firstRow + due.lines.length, ctx);
      if (!line.ok) continue;
      due.lines.push({
        sourceRow: row.rowNumber,
        client: cells.client,
        item: cells.item,
        period,
        record,
        line: line.line,
      });
    }
    if (latest && latest !== last) due.lastPeriod.set(row.rowNumber, textCell(latest));
  }
  return due;
}

/**
 * Adds the due lines to 売上明細 (one block) and records 最終計上 and the rows' メッセージ. The
 * lines and their keys are saved before 最終計上 moves on: a crash in between only means the next
 * run finds the keys and skips them; 最終計上 lost with a crash is worked out again from the keys.
 * Returns the 売上明細 rows the lines got; the tables it wrote are read again when next asked for.
 */
export function addRecurringLines(
  tables: WorkbookTables,
  book: BillingBook,
  due: DueRecurring,
  lang: Lang,
): number[] {
  const first = appendRecords(
    book.sales,
    due.lines.map((l) => l.record),
  );
  if (due.lines.length > 0) flushWorkbook();
  if (book.recurring) {
    writeColumn(book.recurring, 'lastPeriod', due.lastPeriod);
    const cells = new Map(
      book.recurring.rows.map((r) => [r.rowNumber, cellText(r.values.message)]),
    );
    const messages = new Map<number, unknown>();
    for (const [row, message] of due.messages) {
      const shown = message ? inLang(message, lang) : '';
      if (cells.get(row) !== shown) messages.set(row, textCell(shown));
    }
    writeColumn(book.recurring, 'message', messages);
    if (due.lastPeriod.size + messages.size > 0) tables.forget(RECURRING_SHEET);
  }
  if (due.lines.length > 0) tables.forget(SALES_SHEET);
  return due.lines.map((_, i) => first + i);
}
