import { joinWith, type Text, text } from '../../core/text';
import { completeTask, listTasks, tasksAvailable } from '../../services/tasks';
import { readUserProperties, writeUserProperties } from '../../services/userProperties';
import { cellText } from '../../sheets/cells';
import { TASK_STATUSES, TASKS_SHEET } from '../../sheets/schema';
import { type TableRow, writeColumn } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { readUsedLists, SYNCED_AT_KEY } from './records';

type TaskKey = (typeof TASKS_SHEET.columns)[number]['key'];

const [OPEN, DONE] = TASK_STATUSES;
/** Completions this close before the last sync are read again (clock skew, a slow run). */
const OVERLAP_MS = 60 * 60 * 1000;

export interface SyncReport {
  /** Rows set to 完了 because their Google task was completed. */
  readonly completedInSheet: number;
  /** Google tasks completed because their row says 完了. */
  readonly completedInTasks: number;
  readonly message: Text | null;
  /** Lists named in the sheet that could not be read (another account's, deleted). */
  readonly unreadableLists?: number;
}

/**
 * The Google Tasks list of each linked row of the タスク sheet: its GoogleリストID cell, which any
 * runner reads (the daily trigger may belong to someone else than the user who made the task).
 * Rows written before that column existed fall back to `legacyLists`, the lists Pokke wrote to
 * as recorded in the running user's properties.
 */
export function rowLists(
  rows: readonly TableRow<TaskKey>[],
  legacyLists: () => readonly string[],
): Map<number, readonly string[]> {
  const out = new Map<number, readonly string[]>();
  let legacy: readonly string[] | null = null;
  for (const row of rows) {
    if (cellText(row.values.googleTaskId) === '') continue;
    const listId = cellText(row.values.listId);
    if (listId !== '') out.set(row.rowNumber, [listId]);
    else {
      legacy ??= legacyLists();
      out.set(row.rowNumber, legacy);
    }
  }
  return out;
}

/**
 * Reconciles completion between the タスク sheet and Google Tasks, by the sheet's GoogleタスクID
 * and GoogleリストID: completed on either side → completed on both. Never reopens anything. For
 * each list named in the sheet (usually one): one listing of the open tasks and one of the tasks
 * completed since the last sync (the first sync makes one listing of all tasks instead), each
 * following every page of up to 100 tasks (250 open tasks: 3 calls); then one batched write of the 状態
 * column and one patch per task the sheet completed. A list that cannot be read (another
 * account's, deleted) leaves its rows as they are and is named in the message, for the run log.
 * The caller holds the workbook lock (the daily dispatcher).
 */
export function syncTasks(tables: WorkbookTables, now: Date): SyncReport {
  const empty = (message: Text | null): SyncReport => ({
    completedInSheet: 0,
    completedInTasks: 0,
    message,
  });
  if (!tasksAvailable()) return empty(null);
  const table = tables.table(TASKS_SHEET);
  if (!table) return empty(null);
  const props = readUserProperties();
  const listsOf = rowLists(table.rows, () => readUsedLists(props));
  const lists = [...new Set([...listsOf.values()].flat())];
  if (listsOf.size === 0 || lists.length === 0) {
    writeUserProperties({ [SYNCED_AT_KEY]: now.toISOString() });
    return empty(null);
  }
  const lastSync = Date.parse(props[SYNCED_AT_KEY] ?? '');
  const completedMin = Number.isNaN(lastSync)
    ? undefined
    : new Date(lastSync - OVERLAP_MS).toISOString();

  const openIn = new Map<string, string>();
  const completed = new Set<string>();
  const unreadable: { listId: string; reason: string }[] = [];
  for (const listId of lists) {
    try {
      // The first sync reads every task at once (open and completed); later ones read the open
      // tasks and those completed since the last sync.
      const open = completedMin ? listTasks(listId, { showCompleted: false }) : [];
      const rest = listTasks(listId, {
        showCompleted: true,
        ...(completedMin ? { completedMin } : {}),
      });
      for (const t of [...open, ...rest]) {
        if (t.completed) completed.add(t.id);
        else if (!t.deleted) openIn.set(t.id, listId);
      }
    } catch (e) {
      unreadable.push({ listId, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  const failed = new Set(unreadable.map((u) => u.listId));

  const statusUpdates = new Map<number, unknown>();
  let completedInTasks = 0;
  let skipped = 0;
  const byRow = new Map(table.rows.map((r) => [r.rowNumber, r]));
  for (const [rowNumber, rowListIds] of listsOf) {
    const row = byRow.get(rowNumber);
    if (!row) continue;
    const id = cellText(row.values.googleTaskId);
    const status = cellText(row.values.status);
    if (status !== DONE && completed.has(id)) statusUpdates.set(row.rowNumber, DONE);
    else if (status === DONE && openIn.has(id)) {
      completeTask(openIn.get(id) ?? '', id);
      completedInTasks += 1;
    } else if (rowListIds.every((l) => failed.has(l))) skipped += 1;
  }
  writeColumn(table, 'status', statusUpdates);
  if (statusUpdates.size > 0) tables.forget(TASKS_SHEET);
  writeUserProperties({ [SYNCED_AT_KEY]: now.toISOString() });
  const completedInSheet = statusUpdates.size;
  const parts: Text[] = [];
  if (completedInSheet + completedInTasks > 0) {
    parts.push(
      text(
        `タスクの完了を同期しました(シート ${completedInSheet}件、Google ToDo ${completedInTasks}件)`,
        `Synced completed tasks (sheet ${completedInSheet}, Google Tasks ${completedInTasks})`,
      ),
    );
  }
  if (unreadable.length > 0) {
    const names = unreadable.map((u) => `${u.listId} (${u.reason})`).join(', ');
    parts.push(
      text(
        `Google ToDo のリストを読めませんでした: ${names}。${skipped}件のタスクは同期していません(自動化を有効にした人がリストの持ち主か確認してください)`,
        `Could not read Google Tasks list(s): ${names}; ${skipped} task(s) not synced (check that whoever turned on automations owns the list)`,
      ),
    );
  }
  return {
    completedInSheet,
    completedInTasks,
    message: parts.length > 0 ? joinWith(parts, '\n') : null,
    ...(unreadable.length > 0 ? { unreadableLists: unreadable.length } : {}),
  };
}

export { OPEN as OPEN_TASK_STATUS };
