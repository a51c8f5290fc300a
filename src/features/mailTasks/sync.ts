import { bilingual } from '../../core/bilingual';
import { completeTask, listTasks, tasksAvailable } from '../../services/tasks';
import { readUserProperties, writeUserProperties } from '../../services/userProperties';
import { cellText } from '../../sheets/cells';
import { TASK_STATUSES, TASKS_SHEET } from '../../sheets/schema';
import { findSheet, readTable, writeColumn } from '../../sheets/table';
import { readUsedLists, SYNCED_AT_KEY } from './records';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type TaskKey = (typeof TASKS_SHEET.columns)[number]['key'];

const [OPEN, DONE] = TASK_STATUSES;
/** Completions this close before the last sync are read again (clock skew, a slow run). */
const OVERLAP_MS = 60 * 60 * 1000;

export interface SyncReport {
  /** Rows set to 完了 because their Google task was completed. */
  readonly completedInSheet: number;
  /** Google tasks completed because their row says 完了. */
  readonly completedInTasks: number;
  readonly message: string;
}

/**
 * Reconciles completion between the タスク sheet and Google Tasks, by the sheet's GoogleタスクID:
 * completed on either side → completed on both. Never reopens anything. For each Google Tasks
 * list Pokke wrote to (usually one): one list of the open tasks and one list of the tasks
 * completed since the last sync (the first sync reads all completed ones), each a single page up
 * to 100 tasks; then one batched write of the 状態 column and one patch per task the sheet
 * completed. The caller holds the document lock (the daily dispatcher).
 */
export function syncTasks(ss: Spreadsheet, now: Date = new Date()): SyncReport {
  const empty = (message: string): SyncReport => ({
    completedInSheet: 0,
    completedInTasks: 0,
    message,
  });
  if (!tasksAvailable()) return empty('');
  const sheet = findSheet(ss, TASKS_SHEET);
  if (!sheet) return empty('');
  const table = readTable<TaskKey>(sheet, TASKS_SHEET);
  const linked = table.rows.filter((r) => cellText(r.values.googleTaskId) !== '');
  const props = readUserProperties();
  const lists = readUsedLists(props);
  if (linked.length === 0 || lists.length === 0) {
    writeUserProperties({ [SYNCED_AT_KEY]: now.toISOString() });
    return empty('');
  }
  const lastSync = Date.parse(props[SYNCED_AT_KEY] ?? '');
  const completedMin = Number.isNaN(lastSync)
    ? undefined
    : new Date(lastSync - OVERLAP_MS).toISOString();

  const openIn = new Map<string, string>();
  const completed = new Set<string>();
  for (const listId of lists) {
    for (const t of listTasks(listId, { showCompleted: false })) {
      if (!t.deleted && !t.completed) openIn.set(t.id, listId);
    }
    for (const t of listTasks(listId, {
      showCompleted: true,
      ...(completedMin ? { completedMin } : {}),
    })) {
      if (t.completed) completed.add(t.id);
    }
  }

  const statusUpdates = new Map<number, unknown>();
  let completedInTasks = 0;
  for (const row of linked) {
    const id = cellText(row.values.googleTaskId);
    const status = cellText(row.values.status);
    if (status !== DONE && completed.has(id)) statusUpdates.set(row.rowNumber, DONE);
    else if (status === DONE && openIn.has(id)) {
      completeTask(openIn.get(id) ?? '', id);
      completedInTasks += 1;
    }
  }
  writeColumn(table, 'status', statusUpdates);
  writeUserProperties({ [SYNCED_AT_KEY]: now.toISOString() });
  const completedInSheet = statusUpdates.size;
  const message =
    completedInSheet + completedInTasks === 0
      ? ''
      : bilingual(
          `タスクの完了を同期しました(シート ${completedInSheet}件、Google ToDo ${completedInTasks}件)`,
          `Synced completed tasks (sheet ${completedInSheet}, Google Tasks ${completedInTasks})`,
        );
  return { completedInSheet, completedInTasks, message };
}

export { OPEN as OPEN_TASK_STATUS };
