import { UserError } from '../core/text';

/**
 * Google Tasks through the Tasks advanced service (`Tasks`, v1, enabled in appsscript.json).
 * Thin: one API call per function, except `listTasks`, which follows every page (100 tasks each).
 */

export interface TaskListRef {
  readonly id: string;
  readonly title: string;
}

export interface GoogleTask {
  readonly id: string;
  readonly title: string;
  readonly completed: boolean;
  readonly deleted: boolean;
  /** The Tasks web app's address for the task, when the API gives one. */
  readonly url: string;
  /** The list the task is in (from its `selfLink`), or '' when the API does not say. */
  readonly listId: string;
  /** `YYYY-MM-DDT00:00:00.000Z`, or '' without a due date. */
  readonly due: string;
}

type TaskResource = GoogleAppsScript.Tasks.Schema.Task & { webViewLink?: string };

/** False when the advanced service is not enabled in this project. */
export function tasksAvailable(): boolean {
  return typeof Tasks !== 'undefined' && Tasks !== null;
}

function service(): GoogleAppsScript.Tasks {
  if (typeof Tasks === 'undefined' || !Tasks) {
    throw new UserError(
      'Google ToDo リスト(Tasks)が有効になっていません',
      'The Google Tasks service is not enabled for Pokke',
    );
  }
  return Tasks;
}

function toTask(r: TaskResource): GoogleTask {
  return {
    id: String(r.id ?? ''),
    title: String(r.title ?? ''),
    completed: r.status === 'completed',
    deleted: r.deleted === true,
    url: typeof r.webViewLink === 'string' ? r.webViewLink : '',
    listId: listIdOf(r.selfLink),
    due: typeof r.due === 'string' ? r.due : '',
  };
}

/** `…/tasks/v1/lists/{list}/tasks/{task}` → `{list}`. */
function listIdOf(selfLink: unknown): string {
  if (typeof selfLink !== 'string') return '';
  const m = /\/lists\/([^/?#]+)\/tasks\//.exec(selfLink);
  return m?.[1] ? decodeURIComponent(m[1]) : '';
}

/** The user's task lists (one call; a user has few). */
export function listTaskLists(): TaskListRef[] {
  const page = service().Tasklists.list({ maxResults: 100 });
  return (page.items ?? []).map((l) => ({ id: String(l.id ?? ''), title: String(l.title ?? '') }));
}

/** Creates a task (one call). `due` is `YYYY-MM-DDT00:00:00.000Z`. */
export function insertTask(
  listId: string,
  task: { title: string; notes: string; due?: string },
): GoogleTask {
  const resource: GoogleAppsScript.Tasks.Schema.Task = { title: task.title, notes: task.notes };
  if (task.due) resource.due = task.due;
  return toTask(service().Tasks.insert(resource, listId) as TaskResource);
}

/** One task (one call). */
export function getTask(listId: string, taskId: string): GoogleTask {
  return toTask(service().Tasks.get(listId, taskId) as TaskResource);
}

/**
 * Tasks of a list matching the API's filters, every page of up to 100 (one call per page;
 * `showHidden` so that tasks ticked in Google Tasks' own apps, which hide them at once, are seen).
 * `dueMin` is inclusive, `dueMax` exclusive.
 */
export function listTasks(
  listId: string,
  filters: { showCompleted: boolean; completedMin?: string; dueMin?: string; dueMax?: string },
): GoogleTask[] {
  const out: GoogleTask[] = [];
  let pageToken: string | undefined;
  do {
    const args: Record<string, unknown> = {
      showCompleted: filters.showCompleted,
      showHidden: filters.showCompleted,
      showDeleted: false,
      maxResults: 100,
    };
    if (filters.completedMin) args.completedMin = filters.completedMin;
    if (filters.dueMin) args.dueMin = filters.dueMin;
    if (filters.dueMax) args.dueMax = filters.dueMax;
    if (pageToken) args.pageToken = pageToken;
    const page = service().Tasks.list(listId, args);
    for (const item of page.items ?? []) out.push(toTask(item as TaskResource));
    pageToken = page.nextPageToken || undefined;
  } while (pageToken);
  return out;
}

/** Marks a task completed (one call). */
export function completeTask(listId: string, taskId: string): void {
  service().Tasks.patch({ status: 'completed' }, listId, taskId);
}
