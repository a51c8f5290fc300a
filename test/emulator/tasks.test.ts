import { instrument } from '../../emulator/core/instrument';
import { hostRealm, type Realm } from '../../emulator/core/realm';
import { loadBundle } from '../../emulator/runtime';
import { TASKS_ERRORS, TasksAdvancedEmulator } from '../../emulator/services/advanced/tasks';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';

type GTasks = GoogleAppsScript.Tasks;

/** A workspace whose globals carry the Tasks advanced service (the lead wires it in for real). */
class TasksWorkspace extends Workspace {
  readonly Tasks: TasksAdvancedEmulator;
  constructor(options: WorkspaceOptions = {}) {
    super({ now: '2026-11-24T09:00:00+09:00', ...options });
    this.Tasks = new TasksAdvancedEmulator(this);
  }
  override globals(realm: Realm = hostRealm): Record<string, unknown> {
    const g = super.globals(realm);
    g.Tasks = instrument('Tasks', this.Tasks, { meter: this.meter, realm });
    return g;
  }
}

function setup(options: WorkspaceOptions = {}) {
  const ws = new TasksWorkspace(options);
  const Tasks = ws.globals().Tasks as GTasks;
  return { ws, Tasks };
}

const apiError = (method: string, reason: string) =>
  `API call to tasks.${method} failed with error: ${reason}`;

describe('Tasks advanced service: resources', () => {
  it('has a default list, "マイタスク" for a Japanese user, reachable as @default', () => {
    const { ws, Tasks } = setup();
    const lists = Tasks.Tasklists.list();
    expect(lists.kind).toBe('tasks#taskLists');
    expect(lists.items).toHaveLength(1);
    const def = Tasks.Tasklists.get('@default');
    expect(def).toEqual({
      kind: 'tasks#taskList',
      id: ws.Tasks.defaultListId,
      etag: expect.stringMatching(/^".+"$/),
      title: 'マイタスク',
      updated: '2026-11-24T00:00:00.000Z',
      selfLink: `https://www.googleapis.com/tasks/v1/users/@me/lists/${ws.Tasks.defaultListId}`,
    });
    expect(lists.items?.[0]).toEqual(def);
    expect(
      setup({ user: { email: 'a@example.com', locale: 'en' } }).Tasks.Tasklists.get('@default')
        .title,
    ).toBe('My Tasks');
  });

  it('inserts a task with the fields the API returns', () => {
    const { ws, Tasks } = setup();
    const task = Tasks.Tasks.insert(
      {
        title: '見積書を送る',
        notes: 'https://mail.google.com/mail/#all/abc',
        due: '2026-11-30T15:45:00.000Z',
        id: 'ignored',
        links: [{ type: 'email', link: 'x' }],
      },
      '@default',
    );
    const listId = ws.Tasks.defaultListId;
    expect(task).toEqual({
      kind: 'tasks#task',
      id: expect.stringMatching(/^[\w-]{22}$/),
      etag: expect.stringMatching(/^".+"$/),
      title: '見積書を送る',
      // The clock has moved by the call's modelled latency (200 ms).
      updated: '2026-11-24T00:00:00.200Z',
      selfLink: `https://www.googleapis.com/tasks/v1/lists/${listId}/tasks/${task.id}`,
      position: '00000000000000000000',
      notes: 'https://mail.google.com/mail/#all/abc',
      status: 'needsAction',
      due: '2026-11-30T00:00:00.000Z',
      links: [],
      webViewLink: `https://tasks.google.com/task/${task.id}`,
    });
    expect(task.id).not.toBe('ignored');
    expect(Tasks.Tasks.get('@default', task.id!)).toEqual(task);
    expect(Tasks.Tasks.get(listId, task.id!)).toEqual(task);
    // A new task goes first.
    const second = Tasks.Tasks.insert({ title: '二件目' }, '@default');
    expect(second.position).toBe('00000000000000000000');
    expect(Tasks.Tasks.get('@default', task.id!).position).toBe('00000000000000000001');
    expect(Tasks.Tasks.list('@default').items?.map((t) => t.title)).toEqual([
      '二件目',
      '見積書を送る',
    ]);
  });

  it('keeps only the date of due (UTC date of the instant)', () => {
    const { Tasks } = setup();
    const due = (d: string) => Tasks.Tasks.insert({ title: 't', due: d }, '@default').due;
    expect(due('2026-12-01T23:59:59Z')).toBe('2026-12-01T00:00:00.000Z');
    expect(due('2026-12-01T00:00:00.000Z')).toBe('2026-12-01T00:00:00.000Z');
    expect(due('2026-12-01T00:00:00+09:00')).toBe('2026-11-30T00:00:00.000Z');
    expect(() => due('2026-12-01')).toThrow(apiError('tasks.insert', TASKS_ERRORS.invalidValue));
    expect(() => due('tomorrow')).toThrow(apiError('tasks.insert', TASKS_ERRORS.invalidValue));
    const t = Tasks.Tasks.insert({ title: 't', due: '2026-12-01T00:00:00Z' }, '@default');
    expect(Tasks.Tasks.patch({ due: null } as never, '@default', t.id!).due).toBeUndefined();
  });

  it('sets completed when the status becomes completed and drops it when it goes back', () => {
    const { ws, Tasks } = setup();
    const t = Tasks.Tasks.insert({ title: '請求書' }, '@default');
    expect(t.completed).toBeUndefined();
    ws.clock.set('2026-11-25T10:00:00+09:00');
    const done = Tasks.Tasks.patch({ status: 'completed' }, '@default', t.id!);
    expect(done.status).toBe('completed');
    expect(done.completed).toBe('2026-11-25T01:00:00.200Z');
    expect(done.updated).toBe(done.completed);
    expect(done.title).toBe('請求書');
    expect(done.etag).not.toBe(t.etag);
    const again = Tasks.Tasks.patch({ status: 'needsAction' }, '@default', t.id!);
    expect(again.status).toBe('needsAction');
    expect(again.completed).toBeUndefined();
    expect(() => Tasks.Tasks.patch({ status: 'done' }, '@default', t.id!)).toThrow(
      apiError('tasks.patch', TASKS_ERRORS.invalidValue),
    );
    // update replaces: fields left out are cleared.
    const replaced = Tasks.Tasks.update({ title: '新しい件名' }, '@default', t.id!);
    expect(replaced).toMatchObject({ title: '新しい件名', status: 'needsAction' });
    expect(replaced.notes).toBeUndefined();
  });

  it('lists completed tasks, but not those hidden by the user ticking them in Google Tasks', () => {
    const { ws, Tasks } = setup();
    const a = Tasks.Tasks.insert({ title: 'A' }, '@default');
    const b = Tasks.Tasks.insert({ title: 'B' }, '@default');
    const c = Tasks.Tasks.insert({ title: 'C' }, '@default');
    Tasks.Tasks.patch({ status: 'completed' }, '@default', a.id!);
    ws.Tasks.complete(b.id!);
    const titles = (o: object = {}) =>
      (Tasks.Tasks.list('@default', o).items ?? []).map((t) => t.title);
    expect(titles()).toEqual(['C', 'A']);
    expect(titles({ showHidden: true })).toEqual(['C', 'B', 'A']);
    expect(titles({ showCompleted: false, showHidden: true })).toEqual(['C']);
    Tasks.Tasks.clear('@default');
    expect(titles()).toEqual(['C']);
    Tasks.Tasks.remove('@default', c.id!);
    expect(Tasks.Tasks.list('@default').items).toBeUndefined();
    expect(titles({ showDeleted: true })).toEqual(['C']);
    expect(ws.Tasks.allTasks().map((t) => [t.title, t.status, !!t.hidden, !!t.deleted])).toEqual([
      ['C', 'needsAction', false, true],
      ['B', 'completed', true, false],
      ['A', 'completed', true, false],
    ]);
  });

  it('filters by due date (dueMin inclusive, dueMax exclusive)', () => {
    const { Tasks } = setup();
    for (const d of ['2026-11-28', '2026-11-30', '2026-12-02']) {
      Tasks.Tasks.insert({ title: d, due: `${d}T00:00:00Z` }, '@default');
    }
    Tasks.Tasks.insert({ title: 'no due' }, '@default');
    const titles = (o: object) =>
      (Tasks.Tasks.list('@default', o).items ?? []).map((t) => t.title).sort();
    expect(titles({ dueMin: '2026-11-30T00:00:00Z', dueMax: '2026-12-02T00:00:00Z' })).toEqual([
      '2026-11-30',
    ]);
    expect(titles({ dueMax: '2026-12-01T00:00:00Z' })).toEqual(['2026-11-28', '2026-11-30']);
  });

  it('pages 20 tasks at a time by default, at most 100', () => {
    const { Tasks } = setup();
    for (let i = 0; i < 125; i++) Tasks.Tasks.insert({ title: `t${i}` }, '@default');
    const first = Tasks.Tasks.list('@default');
    expect(first.items).toHaveLength(20);
    expect(first.nextPageToken).toEqual(expect.any(String));
    const big = Tasks.Tasks.list('@default', { maxResults: 500 });
    expect(big.items).toHaveLength(100);
    const rest = Tasks.Tasks.list('@default', { maxResults: 500, pageToken: big.nextPageToken });
    expect(rest.items).toHaveLength(25);
    expect(rest.nextPageToken).toBeUndefined();
    const seen = [...(big.items ?? []), ...(rest.items ?? [])].map((t) => t.title);
    expect(new Set(seen).size).toBe(125);
    expect(() => Tasks.Tasks.list('@default', { pageToken: 'bogus' })).toThrow(
      apiError('tasks.list', TASKS_ERRORS.invalidValue),
    );
  });

  it('manages task lists', () => {
    const { Tasks } = setup();
    const list = Tasks.Tasklists.insert({ title: 'Pokke' });
    expect(list.title).toBe('Pokke');
    expect(Tasks.Tasklists.patch({ title: 'ぽっけ' }, list.id!).title).toBe('ぽっけ');
    const t = Tasks.Tasks.insert({ title: 'x' }, list.id!);
    expect(() => Tasks.Tasks.get('@default', t.id!)).toThrow(
      apiError('tasks.get', TASKS_ERRORS.notFound),
    );
    expect(Tasks.Tasklists.list().items?.map((l) => l.title)).toEqual(['マイタスク', 'ぽっけ']);
    Tasks.Tasklists.remove(list.id!);
    expect(() => Tasks.Tasklists.get(list.id!)).toThrow(
      apiError('tasklists.get', TASKS_ERRORS.invalidList),
    );
    expect(() => Tasks.Tasklists.remove('@default')).toThrow(
      apiError('tasklists.delete', TASKS_ERRORS.invalidValue),
    );
  });

  it('keeps links read-only: only Gmail’s own "Add to Tasks" (emulator helper) sets them', () => {
    const { ws, Tasks } = setup();
    const t = ws.Tasks.addFromGmail(
      '@default',
      { title: 'メールから' },
      { link: 'https://mail.google.com/mail/#all/abc', description: 'お見積りのお願い' },
    );
    expect(Tasks.Tasks.get('@default', t.id!).links).toEqual([
      {
        type: 'email',
        link: 'https://mail.google.com/mail/#all/abc',
        description: 'お見積りのお願い',
      },
    ]);
    const patched = Tasks.Tasks.patch({ links: [] }, '@default', t.id!);
    expect(patched.links).toHaveLength(1);
  });

  it('moves tasks under a parent', () => {
    const { Tasks } = setup();
    const a = Tasks.Tasks.insert({ title: 'A' }, '@default');
    const b = Tasks.Tasks.insert({ title: 'B' }, '@default');
    const sub = Tasks.Tasks.insert({ title: 'sub' }, '@default', { parent: a.id });
    expect(sub.parent).toBe(a.id);
    expect(Tasks.Tasks.list('@default').items?.map((t) => t.title)).toEqual(['B', 'A', 'sub']);
    Tasks.Tasks.move('@default', a.id!);
    expect(Tasks.Tasks.list('@default').items?.map((t) => t.title)).toEqual(['A', 'sub', 'B']);
    Tasks.Tasks.move('@default', a.id!, { previous: b.id });
    expect(Tasks.Tasks.list('@default').items?.map((t) => t.title)).toEqual(['B', 'A', 'sub']);
  });
});

describe('Tasks advanced service in the bundle', () => {
  it('counts each call under Tasks.Tasks / Tasks.Tasklists and models its latency', () => {
    const ws = new TasksWorkspace();
    const b = loadBundle(
      `function addTask(title) {
         var t = Tasks.newTask();
         t.title = title;
         t.due = new Date(Date.UTC(2026, 10, 30, 12)).toISOString();
         var created = Tasks.Tasks.insert(t, '@default');
         var lists = Tasks.Tasklists.list();
         var got = Tasks.Tasks.get('@default', created.id);
         return JSON.stringify({ created: created, lists: lists.items.length, same: got.id === created.id });
       }`,
      { workspace: ws },
    );
    const before = ws.clock.now();
    const out = JSON.parse(b.run('addTask', ['電話する']) as string);
    expect(out.created).toMatchObject({ title: '電話する', due: '2026-11-30T00:00:00.000Z' });
    expect(out).toMatchObject({ lists: 1, same: true });
    expect(ws.meter.counts()).toEqual({
      'Tasks.newTask': 1,
      'Tasks.Tasks.insert': 1,
      'Tasks.Tasklists.list': 1,
      'Tasks.Tasks.get': 1,
    });
    expect(ws.clock.now() - before).toBe(0 + 200 + 250 + 150);
    expect(ws.meter.total('Tasks')).toBe(4);
    expect(ws.Tasks.allTasks()).toHaveLength(1);
  });

  it('throws the API error in the bundle’s realm, catchable like Apps Script’s', () => {
    const ws = new TasksWorkspace();
    const b = loadBundle(
      `function bad() {
         try { Tasks.Tasks.insert({ title: 'x' }, 'no-such-list'); }
         catch (e) { return [e instanceof Error, e.name, e.message]; }
       }`,
      { workspace: ws },
    );
    expect(b.run('bad')).toEqual([
      true,
      'GoogleJsonResponseException',
      apiError('tasks.insert', TASKS_ERRORS.invalidList),
    ]);
    expect(ws.meter.counts()).toEqual({ 'Tasks.Tasks.insert': 1 });
  });

  it('keeps the other services’ names unchanged', () => {
    const ws = new TasksWorkspace();
    const b = loadBundle(
      `function f() { SpreadsheetApp.getActive(); PropertiesService.getScriptProperties().getKeys(); }`,
      { workspace: ws },
    );
    b.run('f');
    expect(Object.keys(ws.meter.counts())).toEqual([
      'PropertiesService.getScriptProperties',
      'PropertiesService.Properties.getKeys',
      'SpreadsheetApp.getActive',
    ]);
  });
});
