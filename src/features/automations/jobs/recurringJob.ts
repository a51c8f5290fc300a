import { bilingual } from '../../../core/bilingual';
import { tokyoInstant } from '../../../core/dates';
import { type InvoiceDraft, joinProblems, validateSaleRow } from '../../../core/invoice';
import {
  parseRecurring,
  type RecurringPeriod,
  recurringPeriodKey,
  recurringSchedule,
} from '../../../core/schedule';
import { flushWorkbook } from '../../../services/workbook';
import { cellText, textCell } from '../../../sheets/cells';
import {
  CLIENTS_SHEET,
  INVOICES_SHEET,
  RECURRING_SHEET,
  SALES_SHEET,
} from '../../../sheets/schema';
import { appendRecords, type Table, writeColumn } from '../../../sheets/table';
import type { PlannedJob } from '../../../ui/automationContracts';
import { BILLING_SHEETS, type BillingBook, readBillingBook } from '../../invoices/billingBook';
import { issueInvoices } from '../../invoices/issue';
import { type Job, type JobContext, type JobOutcome, skipped } from '../job';

type RecurringKey = (typeof RECURRING_SHEET.columns)[number]['key'];

const LABEL = bilingual('定期請求', 'Recurring invoices');
const NOTE = '定期請求';

/** Marks the sales line of one recurring row for one period; the same key is never added twice. */
export const recurringLineKey = (client: string, item: string, period: string) =>
  recurringPeriodKey(`${client}:${item}`, period);

interface NewLine {
  readonly row: number;
  readonly period: RecurringPeriod;
  readonly cells: {
    readonly client: string;
    readonly item: string;
    readonly quantity: unknown;
    readonly unit: string;
    readonly unitPrice: unknown;
    readonly taxRate: string;
    readonly taxMode: string;
  };
  readonly key: string;
}

interface RecurringPlan {
  readonly lines: NewLine[];
  /** Some row has more periods due than one run catches up. */
  more: boolean;
  readonly lastPeriod: Map<number, unknown>;
  readonly messages: Map<number, unknown>;
  readonly problems: string[];
}

/**
 * Each 定期請求 row yields one sales line per period due up to the horizon, after the last
 * period it recorded (最終計上) and never when a line with its key exists. The lines are then
 * billed by the invoice feature like any other, each closing period once.
 */
function planRecurring(
  table: Table<RecurringKey>,
  book: BillingBook,
  ctx: JobContext,
): RecurringPlan {
  const existing = new Set(book.sales.rows.map((r) => cellText(r.values.recurringKey)));
  const plan: RecurringPlan = {
    lines: [],
    more: false,
    lastPeriod: new Map(),
    messages: new Map(),
    problems: [],
  };
  for (const row of table.rows) {
    const v = row.values;
    const setMessage = (text: string) => {
      if (cellText(v.message) !== text) plan.messages.set(row.rowNumber, textCell(text));
    };
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
    const line = validateSaleRow({ ...cells, date: ctx.today, note: NOTE }, row.rowNumber, {
      clients: book.clientIndex,
    });
    const problems = [
      ...(spec.ok ? [] : [spec.message]),
      ...(line.ok ? [] : [joinProblems(line.problems)]),
    ];
    if (problems.length > 0) {
      setMessage(problems.join('\n'));
      plan.problems.push(`${RECURRING_SHEET.name} ${row.rowNumber}: ${problems.join(' ')}`);
      continue;
    }
    if (!spec.ok) continue;
    setMessage('');
    const last = cellText(v.lastPeriod) || null;
    let latest: string | null = null;
    const due = recurringSchedule(spec.value, last, ctx.horizon);
    plan.more ||= due.more;
    for (const period of due.periods) {
      latest = period.month;
      const key = recurringLineKey(cells.client, cells.item, period.month);
      if (existing.has(key)) continue;
      existing.add(key);
      plan.lines.push({ row: row.rowNumber, period, cells, key });
    }
    if (latest && latest !== last) plan.lastPeriod.set(row.rowNumber, textCell(latest));
  }
  return plan;
}

const recurringRowsOf = new WeakMap<BillingBook, Set<number>>();

/**
 * Automations issue only the periods that hold a recurring line; the owner's other sales wait
 * for the owner, who issues them from the 請求書 sidebar.
 */
function billsRecurringLine(draft: InvoiceDraft, book: BillingBook): boolean {
  let rows = recurringRowsOf.get(book);
  if (!rows) {
    rows = new Set(
      book.sales.rows.filter((r) => cellText(r.values.recurringKey) !== '').map((r) => r.rowNumber),
    );
    recurringRowsOf.set(book, rows);
  }
  const recurring = rows;
  return draft.lines.some((l) => recurring.has(l.row));
}

function periodLabel(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月分`;
}

function readRecurring(ctx: JobContext): Table<RecurringKey> | null {
  return ctx.tables.table(RECURRING_SHEET);
}

export const recurringJob: Job = {
  id: 'recurring',
  label: LABEL,
  reads: [RECURRING_SHEET, ...BILLING_SHEETS],
  plan(ctx): PlannedJob {
    const table = readRecurring(ctx);
    if (!table || table.rows.length === 0) {
      return { job: 'recurring', label: LABEL, actions: [], problems: [] };
    }
    const plan = planRecurring(table, readBillingBook(ctx.tables), ctx);
    return {
      job: 'recurring',
      label: LABEL,
      actions: plan.lines.map((l) =>
        bilingual(
          `${l.cells.client}: 「${l.cells.item}」${periodLabel(l.period.month)}を売上明細に追加(${l.period.lineDate})`,
          `${l.cells.client}: add "${l.cells.item}" for ${l.period.month}`,
        ),
      ),
      problems: plan.problems,
    };
  },
  run(ctx): JobOutcome {
    const table = readRecurring(ctx);
    if (!table || table.rows.length === 0) {
      return skipped('「定期請求」シートに行がないため', 'no rows in the 定期請求 sheet');
    }
    const book = readBillingBook(ctx.tables);
    const plan = planRecurring(table, book, ctx);
    appendRecords(
      book.sales,
      plan.lines.map((l) => ({
        date: tokyoInstant(l.period.lineDate),
        client: textCell(l.cells.client),
        item: textCell(`${l.cells.item}(${periodLabel(l.period.month)})`),
        quantity: l.cells.quantity,
        unit: textCell(l.cells.unit),
        unitPrice: l.cells.unitPrice,
        taxRate: l.cells.taxRate,
        taxMode: l.cells.taxMode,
        note: NOTE,
        recurringKey: textCell(l.key),
      })),
    );
    // The lines (and their keys) are saved before 最終計上 moves on: a crash in between only
    // means the next run finds the keys and skips them. 最終計上 needs no flush of its own: lost
    // with a crash, it is worked out again from the keys; the next flush (issuing's, with its
    // records) saves it.
    flushWorkbook();
    writeColumn(table, 'lastPeriod', plan.lastPeriod);
    writeColumn(table, 'message', plan.messages);
    ctx.tables.forget(SALES_SHEET, RECURRING_SHEET);
    const report = issueInvoices(ctx.tables.ss, ctx.horizon, {
      only: billsRecurringLine,
      deadline: ctx.deadline,
      tables: ctx.tables,
    });
    // Issuing may have written any of its sheets: the jobs after this one read them again.
    ctx.tables.forget(INVOICES_SHEET, SALES_SHEET, CLIENTS_SHEET);
    const issued = report.issued.length;
    return {
      result: plan.problems.length > 0 || report.problems.length > 0 ? 'partial' : 'ok',
      count: plan.lines.length + issued,
      message: [
        plan.lines.length > 0
          ? bilingual(
              `売上明細に${plan.lines.length}行を追加しました`,
              `Added ${plan.lines.length} sales line(s)`,
            )
          : '',
        issued > 0 ? report.message : '',
        ...plan.problems,
      ]
        .filter(Boolean)
        .join('\n'),
      more: plan.more || report.unfinished > 0,
    };
  },
};
