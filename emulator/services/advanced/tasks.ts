import { createHash } from 'node:crypto';
import { API_NAME } from '../../core/instrument';
import type { Workspace } from '../../workspace';
import type { Emulates } from '../drive/types';

/**
 * The Google Tasks advanced service (`Tasks`, Tasks API v1), in memory.
 *
 * Resources follow developers.google.com/tasks/reference/rest/v1: `kind`, `id`, `etag`, `title`,
 * `updated`, `selfLink`, `position`, `notes`, `status` (`needsAction` | `completed`), `due`,
 * `completed`, `deleted`, `hidden`, `links` (read-only), `webViewLink` (read-only, newer than
 * @types/google-apps-script). Documented behaviour modelled here:
 * - `due` keeps the date only ("the time portion of the timestamp is discarded"): it is stored as
 *   `YYYY-MM-DDT00:00:00.000Z`. Which date a timestamp with an offset lands on is unconfirmed: the
 *   emulator takes the UTC date of the instant, so `2026-12-01T00:00:00+09:00` becomes 11-30.
 * - `completed` is set when the status becomes `completed` and dropped when it goes back.
 * - `list` shows completed tasks by default but not hidden ones; a task the user ticks in Google
 *   Tasks' own apps is hidden at once (`showHidden` must be true to see it), as the reference says.
 * - Read-only fields in a request body (`id`, `links`, `parent`, `position`...) are ignored.
 * - An empty page has no `items` (Google's JSON omits empty lists): callers must write `items || []`.
 * - At most 100 results per `tasks.list` page (default 20), `nextPageToken` is opaque.
 *
 * Errors are thrown as Apps Script reports advanced-service failures:
 * `API call to tasks.tasks.insert failed with error: Invalid task list ID` (name
 * `GoogleJsonResponseException`). The reasons are those the API is reported to give ("Invalid
 * task list ID", "Not Found", "Missing task ID", "Invalid Value"); which reason each case gets is
 * unconfirmed.
 *
 * Emulator-only (uncounted, on the raw object): `allTasks()`, `complete(taskId)`, `lists()`,
 * `defaultListId`.
 */

type GTask = GoogleAppsScript.Tasks.Schema.Task;
type GTaskList = GoogleAppsScript.Tasks.Schema.TaskList;
type GTaskLinks = GoogleAppsScript.Tasks.Schema.TaskLinks;

/** A task as the API returns it (`webViewLink` is newer than @types/google-apps-script). */
export interface TaskResource extends GTask {
  webViewLink?: string;
}

export interface TaskListOptions {
  showCompleted?: boolean;
  showHidden?: boolean;
  showDeleted?: boolean;
  dueMin?: string;
  dueMax?: string;
  completedMin?: string;
  completedMax?: string;
  updatedMin?: string;
  maxResults?: number;
  pageToken?: string;
}

/** Tasks API v1 limits (reference: title 1,024 characters, notes 8,192; list pages). */
export const TASKS_LIMITS = {
  title: 1024,
  notes: 8192,
  tasksPageDefault: 20,
  tasksPageMax: 100,
  // The reference gives 1,000 for task lists; unconfirmed.
  listsPageDefault: 1000,
  listsPageMax: 1000,
} as const;

export const TASKS_ERRORS = {
  invalidList: 'Invalid task list ID',
  notFound: 'Not Found',
  missingTask: 'Missing task ID',
  invalidValue: 'Invalid Value',
} as const;

const API_ROOT = 'https://www.googleapis.com/tasks/v1';

/** The error Apps Script throws when an advanced-service call fails. */
function apiError(method: string, reason: string): Error {
  const e = new Error(`API call to tasks.${method} failed with error: ${reason}`);
  e.name = 'GoogleJsonResponseException';
  return e;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** RFC 3339 date-time (with a time and an offset or Z), as the API requires. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parseTimestamp(method: string, value: unknown): number {
  if (typeof value !== 'string' || !RFC3339.test(value)) {
    throw apiError(method, TASKS_ERRORS.invalidValue);
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw apiError(method, TASKS_ERRORS.invalidValue);
  return ms;
}

/** Only the date of `due` is kept. */
function dueDate(method: string, value: unknown): string {
  const d = new Date(parseTimestamp(method, value));
  return `${d.toISOString().slice(0, 10)}T00:00:00.000Z`;
}

function shortId(seed: string): string {
  return createHash('sha256').update(seed).digest('base64url').slice(0, 22);
}

interface StoredList {
  id: string;
  title: string;
  updated: number;
  /** Task ids in list order: parents first, each followed by its subtasks. */
  order: string[];
}

interface StoredTask {
  id: string;
  listId: string;
  title: string;
  notes?: string;
  status: 'needsAction' | 'completed';
  due?: string;
  completed?: number;
  deleted: boolean;
  hidden: boolean;
  parent?: string;
  links: GTaskLinks[];
  updated: number;
}

/** Holds the user's lists and tasks; both collections and the emulator-only helpers share it. */
class TaskStore {
  readonly lists = new Map<string, StoredList>();
  readonly tasks = new Map<string, StoredTask>();
  readonly defaultListId: string;
  private seq = 0;

  constructor(
    readonly ws: Workspace,
    defaultTitle: string,
  ) {
    this.defaultListId = this.newId('list');
    this.lists.set(this.defaultListId, {
      id: this.defaultListId,
      title: defaultTitle,
      updated: ws.clock.now(),
      order: [],
    });
  }

  newId(kind: 'list' | 'task'): string {
    this.seq += 1;
    return shortId(`${this.ws.user.email}:${kind}:${this.seq}`);
  }

  now(): number {
    return this.ws.clock.now();
  }

  list(method: string, id: unknown): StoredList {
    const key = id === '@default' ? this.defaultListId : String(id ?? '');
    const list = this.lists.get(key);
    if (!list) throw apiError(method, TASKS_ERRORS.invalidList);
    return list;
  }

  task(method: string, listId: unknown, taskId: unknown): StoredTask {
    const list = this.list(method, listId);
    if (taskId === undefined || taskId === null || taskId === '') {
      throw apiError(method, TASKS_ERRORS.missingTask);
    }
    const task = this.tasks.get(String(taskId));
    if (!task || task.listId !== list.id) throw apiError(method, TASKS_ERRORS.notFound);
    return task;
  }

  /** Subtask ids of `parent` (undefined: top level), in order. */
  siblings(list: StoredList, parent: string | undefined): string[] {
    return list.order.filter((id) => this.tasks.get(id)?.parent === parent);
  }

  /**
   * Puts `task` under `parent` right after `previous` (first when absent), keeping each parent's
   * subtasks right behind it in `list.order`.
   */
  place(
    method: string,
    list: StoredList,
    task: StoredTask,
    parent?: string,
    previous?: string,
  ): void {
    if (parent !== undefined) {
      const p = this.tasks.get(parent);
      if (!p || p.listId !== list.id || p.id === task.id || p.parent !== undefined) {
        throw apiError(method, TASKS_ERRORS.invalidValue);
      }
    }
    if (previous !== undefined) {
      const p = this.tasks.get(previous);
      if (!p || p.listId !== list.id || p.parent !== parent || p.id === task.id) {
        throw apiError(method, TASKS_ERRORS.invalidValue);
      }
    }
    const block = [task.id, ...list.order.filter((id) => this.tasks.get(id)?.parent === task.id)];
    const rest = list.order.filter((id) => !block.includes(id));
    task.parent = parent;
    let at: number;
    if (previous !== undefined) {
      // After `previous` and its own subtasks.
      at = rest.indexOf(previous) + 1;
      while (at < rest.length && this.tasks.get(rest[at] ?? '')?.parent === previous) at += 1;
    } else if (parent !== undefined) {
      at = rest.indexOf(parent) + 1;
    } else {
      at = 0;
    }
    rest.splice(at, 0, ...block);
    list.order = rest;
  }

  position(list: StoredList, task: StoredTask): string {
    const index = this.siblings(list, task.parent).indexOf(task.id);
    return String(Math.max(0, index)).padStart(20, '0');
  }

  listResource(list: StoredList): GTaskList {
    const body = {
      kind: 'tasks#taskList',
      id: list.id,
      title: list.title,
      updated: iso(list.updated),
      selfLink: `${API_ROOT}/users/@me/lists/${list.id}`,
    };
    return { ...body, etag: etag(body) };
  }

  taskResource(task: StoredTask): TaskResource {
    const list = this.list('tasks.get', task.listId);
    const body: TaskResource = {
      kind: 'tasks#task',
      id: task.id,
      title: task.title,
      updated: iso(task.updated),
      selfLink: `${API_ROOT}/lists/${list.id}/tasks/${task.id}`,
      ...(task.parent === undefined ? {} : { parent: task.parent }),
      position: this.position(list, task),
      ...(task.notes === undefined ? {} : { notes: task.notes }),
      status: task.status,
      ...(task.due === undefined ? {} : { due: task.due }),
      ...(task.completed === undefined ? {} : { completed: iso(task.completed) }),
      ...(task.deleted ? { deleted: true } : {}),
      ...(task.hidden ? { hidden: true } : {}),
      links: task.links.map((l) => ({ ...l })),
      // The Tasks web UI's address for a task; the exact form is unconfirmed.
      webViewLink: `https://tasks.google.com/task/${task.id}`,
    };
    return { ...body, etag: etag(body) };
  }

  /** Applies the writable fields of a request body (`replace`: update, else patch). */
  write(method: string, task: StoredTask, resource: unknown, replace: boolean): void {
    if (resource === null || typeof resource !== 'object' || Array.isArray(resource)) {
      throw apiError(method, TASKS_ERRORS.invalidValue);
    }
    const r = resource as Record<string, unknown>;
    const has = (k: string) => (replace ? true : k in r);
    const text = (k: 'title' | 'notes', max: number): string | undefined => {
      const v = r[k];
      if (v === undefined || v === null) return undefined;
      const s = String(v);
      if (s.length > max) throw apiError(method, TASKS_ERRORS.invalidValue);
      return s;
    };
    if (has('title')) task.title = text('title', TASKS_LIMITS.title) ?? '';
    if (has('notes')) task.notes = text('notes', TASKS_LIMITS.notes);
    if (has('due'))
      task.due = r.due === undefined || r.due === null ? undefined : dueDate(method, r.due);
    if (has('deleted')) task.deleted = r.deleted === true;
    if (has('status') || has('completed')) {
      const status = r.status ?? (replace ? 'needsAction' : task.status);
      if (status !== 'needsAction' && status !== 'completed') {
        throw apiError(method, TASKS_ERRORS.invalidValue);
      }
      if (status === 'completed') {
        const given = r.completed;
        task.completed =
          given === undefined || given === null
            ? task.status === 'completed' && task.completed !== undefined && !replace
              ? task.completed
              : this.now()
            : parseTimestamp(method, given);
      } else {
        task.completed = undefined;
        task.hidden = false;
      }
      task.status = status;
    }
    task.updated = this.now();
  }
}

function etag(body: object): string {
  return `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 16)}"`;
}

function pageToken(offset: number, scope: string): string {
  return Buffer.from(`${offset}:${shortId(scope)}`).toString('base64url');
}

function readPageToken(method: string, token: unknown, scope: string): number {
  if (token === undefined || token === null || token === '') return 0;
  const [n, check] = Buffer.from(String(token), 'base64url').toString().split(':');
  const offset = Number(n);
  if (!Number.isInteger(offset) || offset < 0 || check !== shortId(scope)) {
    throw apiError(method, TASKS_ERRORS.invalidValue);
  }
  return offset;
}

function pageSize(method: string, value: unknown, def: number, max: number): number {
  if (value === undefined || value === null) return def;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw apiError(method, TASKS_ERRORS.invalidValue);
  // Larger values are cut to the maximum (unconfirmed: the API may refuse them instead).
  return n === 0 ? def : Math.min(n, max);
}

function options(method: string, value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw apiError(method, TASKS_ERRORS.invalidValue);
  }
  return value as Record<string, unknown>;
}

type TasklistsMethods = 'get' | 'insert' | 'list' | 'patch' | 'remove' | 'update';

/** `Tasks.Tasklists`. */
export class TasklistsCollection
  implements Emulates<GoogleAppsScript.Tasks.Collection.TasklistsCollection, TasklistsMethods>
{
  readonly [API_NAME] = 'Tasklists';

  constructor(private readonly store: TaskStore) {}

  get(tasklist: string): GTaskList {
    return this.store.listResource(this.store.list('tasklists.get', tasklist));
  }

  insert(resource: GTaskList): GTaskList {
    const title = this.title('tasklists.insert', resource, '');
    const list: StoredList = {
      id: this.store.newId('list'),
      title,
      updated: this.store.now(),
      order: [],
    };
    this.store.lists.set(list.id, list);
    return this.store.listResource(list);
  }

  list(optionalArgs?: object): GoogleAppsScript.Tasks.Schema.TaskLists {
    const method = 'tasklists.list';
    const o = options(method, optionalArgs);
    const all = [...this.store.lists.values()];
    const size = pageSize(
      method,
      o.maxResults,
      TASKS_LIMITS.listsPageDefault,
      TASKS_LIMITS.listsPageMax,
    );
    const from = readPageToken(method, o.pageToken, 'lists');
    const items = all.slice(from, from + size).map((l) => this.store.listResource(l));
    const body: GoogleAppsScript.Tasks.Schema.TaskLists = { kind: 'tasks#taskLists' };
    if (items.length) body.items = items;
    if (from + size < all.length) body.nextPageToken = pageToken(from + size, 'lists');
    return { ...body, etag: etag(body) };
  }

  patch(resource: GTaskList, tasklist: string): GTaskList {
    const list = this.store.list('tasklists.patch', tasklist);
    if (resource && typeof resource === 'object' && 'title' in resource) {
      list.title = this.title('tasklists.patch', resource, list.title);
    }
    list.updated = this.store.now();
    return this.store.listResource(list);
  }

  update(resource: GTaskList, tasklist: string): GTaskList {
    const list = this.store.list('tasklists.update', tasklist);
    list.title = this.title('tasklists.update', resource, '');
    list.updated = this.store.now();
    return this.store.listResource(list);
  }

  /** Deletes the list and its tasks. The default list cannot be deleted ("Invalid Value"). */
  remove(tasklist: string): void {
    const list = this.store.list('tasklists.delete', tasklist);
    if (list.id === this.store.defaultListId) {
      throw apiError('tasklists.delete', TASKS_ERRORS.invalidValue);
    }
    for (const id of list.order) this.store.tasks.delete(id);
    this.store.lists.delete(list.id);
  }

  private title(method: string, resource: unknown, fallback: string): string {
    if (resource === null || typeof resource !== 'object') {
      throw apiError(method, TASKS_ERRORS.invalidValue);
    }
    const t = (resource as GTaskList).title;
    const title = t === undefined || t === null ? fallback : String(t);
    if (title.length > TASKS_LIMITS.title) throw apiError(method, TASKS_ERRORS.invalidValue);
    return title;
  }
}

type TasksMethods = 'clear' | 'get' | 'insert' | 'list' | 'move' | 'patch' | 'remove' | 'update';

/** `Tasks.Tasks`. */
export class TasksCollection
  implements Emulates<GoogleAppsScript.Tasks.Collection.TasksCollection, TasksMethods>
{
  readonly [API_NAME] = 'Tasks';

  constructor(private readonly store: TaskStore) {}

  /** Hides every completed task of the list (they stay readable with `showHidden`). */
  clear(tasklist: string): void {
    const list = this.store.list('tasks.clear', tasklist);
    for (const id of list.order) {
      const t = this.store.tasks.get(id);
      if (t && t.status === 'completed' && !t.hidden) {
        t.hidden = true;
        t.updated = this.store.now();
      }
    }
  }

  get(tasklist: string, task: string): TaskResource {
    return this.store.taskResource(this.store.task('tasks.get', tasklist, task));
  }

  insert(resource: GTask, tasklist: string, optionalArgs?: object): TaskResource {
    const method = 'tasks.insert';
    const list = this.store.list(method, tasklist);
    const o = options(method, optionalArgs);
    const task: StoredTask = {
      id: this.store.newId('task'),
      listId: list.id,
      title: '',
      status: 'needsAction',
      deleted: false,
      hidden: false,
      links: [],
      updated: this.store.now(),
    };
    this.store.write(method, task, resource, false);
    this.store.tasks.set(task.id, task);
    try {
      this.store.place(method, list, task, optId(o.parent), optId(o.previous));
    } catch (e) {
      this.store.tasks.delete(task.id);
      throw e;
    }
    return this.store.taskResource(task);
  }

  list(tasklist: string, optionalArgs?: object): GoogleAppsScript.Tasks.Schema.Tasks {
    const method = 'tasks.list';
    const list = this.store.list(method, tasklist);
    const o = options(method, optionalArgs);
    const flag = (k: string, def: boolean) => (o[k] === undefined ? def : o[k] === true);
    const showCompleted = flag('showCompleted', true);
    const showHidden = flag('showHidden', false);
    const showDeleted = flag('showDeleted', false);
    const bound = (k: string) => (o[k] === undefined ? undefined : parseTimestamp(method, o[k]));
    const dueMin = bound('dueMin');
    const dueMax = bound('dueMax');
    const completedMin = bound('completedMin');
    const completedMax = bound('completedMax');
    const updatedMin = bound('updatedMin');
    const size = pageSize(
      method,
      o.maxResults,
      TASKS_LIMITS.tasksPageDefault,
      TASKS_LIMITS.tasksPageMax,
    );
    const scope = `tasks:${list.id}`;
    const from = readPageToken(method, o.pageToken, scope);
    const matching = list.order
      .map((id) => this.store.tasks.get(id))
      .filter((t): t is StoredTask => {
        if (!t) return false;
        if (t.deleted && !showDeleted) return false;
        if (t.hidden && !showHidden) return false;
        if (t.status === 'completed' && !showCompleted) return false;
        const due = t.due === undefined ? undefined : Date.parse(t.due);
        // dueMin is inclusive, dueMax exclusive (reference); tasks without a due date drop out.
        if (dueMin !== undefined && (due === undefined || due < dueMin)) return false;
        if (dueMax !== undefined && (due === undefined || due >= dueMax)) return false;
        if (completedMin !== undefined && (t.completed === undefined || t.completed < completedMin))
          return false;
        if (
          completedMax !== undefined &&
          (t.completed === undefined || t.completed >= completedMax)
        )
          return false;
        if (updatedMin !== undefined && t.updated < updatedMin) return false;
        return true;
      });
    const items = matching.slice(from, from + size).map((t) => this.store.taskResource(t));
    const body: GoogleAppsScript.Tasks.Schema.Tasks = { kind: 'tasks#tasks' };
    if (items.length) body.items = items;
    if (from + size < matching.length) body.nextPageToken = pageToken(from + size, scope);
    return { ...body, etag: etag(body) };
  }

  move(tasklist: string, task: string, optionalArgs?: object): TaskResource {
    const method = 'tasks.move';
    const t = this.store.task(method, tasklist, task);
    const o = options(method, optionalArgs);
    const list = this.store.list(method, tasklist);
    this.store.place(method, list, t, optId(o.parent), optId(o.previous));
    t.updated = this.store.now();
    return this.store.taskResource(t);
  }

  patch(resource: GTask, tasklist: string, task: string): TaskResource {
    const t = this.store.task('tasks.patch', tasklist, task);
    this.store.write('tasks.patch', t, resource, false);
    return this.store.taskResource(t);
  }

  update(resource: GTask, tasklist: string, task: string): TaskResource {
    const t = this.store.task('tasks.update', tasklist, task);
    this.store.write('tasks.update', t, resource, true);
    return this.store.taskResource(t);
  }

  /** Deletes the task (and its subtasks); a deleted task is still readable with `showDeleted`. */
  remove(tasklist: string, task: string): void {
    const t = this.store.task('tasks.delete', tasklist, task);
    for (const x of this.store.tasks.values()) {
      if (x.id === t.id || x.parent === t.id) {
        x.deleted = true;
        x.updated = this.store.now();
      }
    }
  }
}

function optId(v: unknown): string | undefined {
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

/**
 * `Tasks`: the advanced service's root, with the `Tasklists` and `Tasks` collections and the
 * `new*` resource constructors (plain objects). Construct it with the workspace; the user's
 * default list is "マイタスク" for a Japanese user, else "My Tasks", reachable as `@default`.
 */
export class TasksAdvancedEmulator
  implements
    Emulates<GoogleAppsScript.Tasks, 'newTask' | 'newTaskList' | 'newTaskLinks'>,
    Pick<GoogleAppsScript.Tasks, 'Tasklists' | 'Tasks'>
{
  readonly [API_NAME] = 'Tasks';
  readonly Tasklists: TasklistsCollection;
  readonly Tasks: TasksCollection;
  private readonly store: TaskStore;

  constructor(ws: Workspace) {
    this.store = new TaskStore(ws, ws.user.locale.startsWith('ja') ? 'マイタスク' : 'My Tasks');
    this.Tasklists = new TasklistsCollection(this.store);
    this.Tasks = new TasksCollection(this.store);
  }

  toString(): string {
    return 'AdvancedServiceIdentifier{name=tasks, version=v1}';
  }

  newTask(): GTask {
    return {};
  }

  newTaskList(): GTaskList {
    return {};
  }

  newTaskLinks(): GTaskLinks {
    return {};
  }

  // ---- emulator-only (not counted) -----------------------------------------------------------

  /** Emulator-only: the id `@default` stands for. */
  get defaultListId(): string {
    return this.store.defaultListId;
  }

  /** Emulator-only: every list as the API returns it. */
  lists(): GTaskList[] {
    return [...this.store.lists.values()].map((l) => this.store.listResource(l));
  }

  /**
   * Emulator-only: every task of every list (deleted and hidden ones included), in list order,
   * each with the id of its list.
   */
  allTasks(): (TaskResource & { tasklistId: string })[] {
    const out: (TaskResource & { tasklistId: string })[] = [];
    for (const list of this.store.lists.values()) {
      for (const id of list.order) {
        const t = this.store.tasks.get(id);
        if (t) out.push({ ...this.store.taskResource(t), tasklistId: list.id });
      }
    }
    return out;
  }

  /**
   * Emulator-only: the user ticks the task in Google Tasks (web or mobile). First-party clients
   * hide what they complete, so the API lists it only with `showHidden: true`.
   */
  complete(taskId: string): TaskResource {
    const t = this.store.tasks.get(taskId);
    if (!t || t.deleted) throw new Error(`complete: no task ${taskId}`);
    t.status = 'completed';
    t.completed = this.store.now();
    t.hidden = true;
    t.updated = this.store.now();
    return this.store.taskResource(t);
  }

  /**
   * Emulator-only: a task as Gmail's "Add to Tasks" makes it, with a link to the mail (the API
   * cannot set `links`).
   */
  addFromGmail(
    tasklistId: string,
    resource: GTask,
    link: { link: string; description: string },
  ): TaskResource {
    const created = this.Tasks.insert(resource, tasklistId);
    const t = this.store.tasks.get(created.id ?? '');
    if (t) t.links = [{ type: 'email', ...link }];
    return t ? this.store.taskResource(t) : created;
  }
}
