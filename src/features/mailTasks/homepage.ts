import { addDays, compareDateKeys, type DateKey, tokyoDateKey } from '../../core/dates';
import { tasksDue, workbookUrl } from '../../core/mailTask';
import { listTasks, tasksAvailable } from '../../services/tasks';
import { readUserProperty } from '../../services/userProperties';
import { openWorkbookById, WORKBOOK_ID_KEY } from '../../services/workbookLink';
import { cellDateKey, cellText } from '../../sheets/cells';
import { INVOICES_SHEET, TASK_STATUSES, TASKS_SHEET } from '../../sheets/schema';
import { findSheet, readTable, type TableRow } from '../../sheets/table';
import { LISTS_KEY, readUsedLists } from './records';
import { rowLists } from './sync';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type TaskKey = (typeof TASKS_SHEET.columns)[number]['key'];

export interface DueTask {
  readonly title: string;
  readonly due: DateKey;
  readonly overdue: boolean;
  readonly url: string;
}

export interface OverdueInvoice {
  readonly number: string;
  readonly client: string;
  readonly billed: number | null;
  readonly due: DateKey;
  readonly url: string;
}

export interface HomepageData {
  readonly today: DateKey;
  readonly workbookName: string;
  readonly workbookUrl: string;
  /** Open tasks due today or earlier, oldest first (at most `LIST_LIMIT`). */
  readonly tasks: readonly DueTask[];
  readonly taskCount: number;
  /** Invoices past their 支払期限 that are neither paid nor cancelled. */
  readonly invoices: readonly OverdueInvoice[];
  readonly invoiceCount: number;
  /** Sheets that are missing (the workbook was not set up). */
  readonly missing: readonly string[];
}

export const LIST_LIMIT = 10;
const CLOSED_INVOICE = new Set(['入金済', '取消']);
const DONE = TASK_STATUSES[1];

/** The workbook remembered for this user, or null when none is (the card then asks for it). */
export function rememberedWorkbookId(): string | null {
  return readUserProperty(WORKBOOK_ID_KEY);
}

/**
 * What Gmail's homepage shows: tasks due today and overdue (タスク, not 完了, and not completed in
 * Google Tasks) and overdue invoices (請求書: 支払期限 past, 状態 not 入金済 / 取消). One read per
 * sheet, and for the due tasks linked to Google Tasks one listing per list they are in (the
 * tasks due from the oldest of them to today, every page), never one call per task.
 */
export function homepageData(ss: Spreadsheet, workbookId: string, now: Date): HomepageData {
  const today = tokyoDateKey(now);
  const missing: string[] = [];
  const tasks: DueTask[] = [];
  const invoices: OverdueInvoice[] = [];
  const tasksSheet = findSheet(ss, TASKS_SHEET);
  if (tasksSheet) {
    const gid = tasksSheet.getSheetId();
    const open: { row: TableRow<TaskKey>; due: DateKey }[] = [];
    for (const r of readTable<TaskKey>(tasksSheet, TASKS_SHEET).rows) {
      if (cellText(r.values.status) === DONE) continue;
      const d = cellDateKey(r.values.due);
      if (d && compareDateKeys(d, today) <= 0) open.push({ row: r, due: d });
    }
    const doneInGoogle = completedInGoogle(open, today);
    for (const { row: r, due } of open) {
      if (doneInGoogle.has(r.rowNumber)) continue;
      tasks.push({
        title: cellText(r.values.title),
        due,
        overdue: compareDateKeys(due, today) < 0,
        url: workbookUrl(workbookId, { sheetId: gid, row: r.rowNumber }),
      });
    }
  } else missing.push(TASKS_SHEET.name);
  const invoicesSheet = findSheet(ss, INVOICES_SHEET);
  if (invoicesSheet) {
    const gid = invoicesSheet.getSheetId();
    for (const r of readTable(invoicesSheet, INVOICES_SHEET).rows) {
      if (CLOSED_INVOICE.has(cellText(r.values.status))) continue;
      const due = cellDateKey(r.values.dueDate);
      if (!due || compareDateKeys(due, today) >= 0) continue;
      const billed = r.values.billed === '' ? r.values.total : r.values.billed;
      invoices.push({
        number: cellText(r.values.number),
        client: cellText(r.values.client),
        billed: typeof billed === 'number' ? billed : null,
        due,
        url: workbookUrl(workbookId, { sheetId: gid, row: r.rowNumber }),
      });
    }
  } else missing.push(INVOICES_SHEET.name);
  tasks.sort((a, b) => compareDateKeys(a.due, b.due));
  invoices.sort((a, b) => compareDateKeys(a.due, b.due));
  return {
    today,
    workbookName: ss.getName(),
    workbookUrl: workbookUrl(workbookId),
    tasks: tasks.slice(0, LIST_LIMIT),
    taskCount: tasks.length,
    invoices: invoices.slice(0, LIST_LIMIT),
    invoiceCount: invoices.length,
    missing,
  };
}

/**
 * Rows among `due` whose Google task is completed. Per list: one listing of its tasks due from
 * the oldest row's date to today, completed and hidden ones included, so a task is taken as done
 * only when Google says `completed`. A list that cannot be read changes nothing.
 */
function completedInGoogle(
  due: readonly { row: TableRow<TaskKey>; due: DateKey }[],
  today: DateKey,
): Set<number> {
  const done = new Set<number>();
  if (!tasksAvailable()) return done;
  const rows = due.map((d) => d.row);
  const listsOf = rowLists(rows, () =>
    readUsedLists({ [LISTS_KEY]: readUserProperty(LISTS_KEY) ?? '' }),
  );
  if (listsOf.size === 0) return done;
  const dueOf = new Map(due.map((d) => [d.row.rowNumber, d.due]));
  const oldest = new Map<string, DateKey>();
  for (const [rowNumber, lists] of listsOf) {
    const d = dueOf.get(rowNumber) ?? today;
    for (const l of lists) {
      const o = oldest.get(l);
      if (!o || compareDateKeys(d, o) < 0) oldest.set(l, d);
    }
  }
  const completed = new Set<string>();
  for (const [listId, from] of oldest) {
    try {
      for (const t of listTasks(listId, {
        showCompleted: true,
        dueMin: tasksDue(from),
        dueMax: tasksDue(addDays(today, 1)),
      })) {
        if (t.completed) completed.add(t.id);
      }
    } catch (e) {
      console.warn(`Tasks list ${listId} unavailable: ${e instanceof Error ? e.message : e}`);
    }
  }
  for (const row of rows) {
    if (completed.has(cellText(row.values.googleTaskId))) done.add(row.rowNumber);
  }
  return done;
}

/** The homepage for the remembered workbook; null when none is remembered. */
export function loadHomepage(now: Date): HomepageData | null {
  const id = rememberedWorkbookId();
  if (!id) return null;
  return homepageData(openWorkbookById(id), id, now);
}
