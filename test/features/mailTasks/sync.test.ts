import { hostRealm } from '../../../emulator/core/realm';
import type { TasksAdvancedEmulator } from '../../../emulator/services/advanced/tasks';
import { Workspace } from '../../../emulator/workspace';
import { LISTS_KEY, SYNCED_AT_KEY } from '../../../src/features/mailTasks/records';
import { syncTasks } from '../../../src/features/mailTasks/sync';
import { TASKS_SHEET } from '../../../src/sheets/schema';
import { workbookTables } from '../../../src/sheets/workbookTables';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;
const HEADERS = TASKS_SHEET.columns.map((c) => c.header);

/**
 * The emulator's services installed as globals (counted), and a タスク sheet with its first
 * `width` columns (all of them, or the 8 a workbook had before GoogleリストID).
 */
function install(width = HEADERS.length) {
  const ws = new Workspace({ now: '2026-11-24T09:00:00+09:00' });
  const tasks = ws.advanced<TasksAdvancedEmulator>('tasks');
  const globals = ws.globals(hostRealm, [
    { userSymbol: 'Tasks', serviceId: 'tasks', version: 'v1' },
  ]);
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(globals).map((k) => [k, g[k]] as const);
  Object.assign(g, globals);
  const ss = ws.SpreadsheetApp.createSpreadsheet('帳簿');
  const sheet = ss.insertSheet(TASKS_SHEET.name);
  sheet.getRange(1, 1, 1, width).setValues([HEADERS.slice(0, width)]);
  const restore = () => {
    for (const [k, v] of saved) g[k] = v;
  };
  /** Rows: title, status, Google task id, list id. */
  const rows = (data: [string, string, string, string][]) => {
    sheet
      .getRange(2, 1, data.length, HEADERS.length)
      .setValues(
        data.map(([title, status, id, list]) => [
          title,
          '',
          status,
          '',
          '',
          '',
          id,
          `mail:${title}`,
          list,
        ]),
      );
  };
  return { ws, tasks, ss: ss as unknown as Ss, sheet, restore, rows };
}

/** An older workbook (no GoogleリストID column): the lists come from the runner's properties. */
function setup() {
  const { ws, tasks, ss, sheet, restore } = install(8);
  const list = tasks.defaultListId;
  const a = tasks.Tasks.insert({ title: 'A' }, list);
  const b = tasks.Tasks.insert({ title: 'B' }, list);
  const c = tasks.Tasks.insert({ title: 'C' }, list);
  sheet.getRange(2, 1, 4, 8).setValues([
    ['A', '', '未完了', '', '', '', a.id, 'mail:a'],
    ['B', '', '完了', '', '', '', b.id, 'mail:b'],
    ['C', '', '未完了', '', '', '', c.id, 'mail:c'],
    ['定期', '', '未完了', '', '', '', '', '定期業務:x:2026-11-24'],
  ]);
  ws.PropertiesService.getUserProperties().setProperty(LISTS_KEY, JSON.stringify([list]));
  return { ws, tasks, ss, sheet, ids: { a: a.id!, b: b.id!, c: c.id! }, list, restore };
}

describe('syncTasks: completion flows both ways between the タスク sheet and Google Tasks', () => {
  it('completed in Google Tasks → 完了 in the sheet; 完了 in the sheet → completed in Google', () => {
    const t = setup();
    try {
      t.tasks.complete(t.ids.a); // ticked in Google Tasks (hidden at once)
      const before = t.ws.meter.total();
      const report = syncTasks(workbookTables(t.ss), new Date(t.ws.clock.now()));
      const calls = t.ws.meter.total() - before;
      expect(report.completedInSheet).toBe(1);
      expect(report.completedInTasks).toBe(1);
      const status = t.sheet
        .getRange(2, 3, 4, 1)
        .getValues()
        .map((r) => r[0]);
      expect(status).toEqual(['完了', '完了', '未完了', '未完了']);
      expect(t.tasks.Tasks.get(t.list, t.ids.b).status).toBe('completed');
      expect(t.tasks.Tasks.get(t.list, t.ids.c).status).toBe('needsAction');
      // Sheet: find + read (3), one write (2); Tasks: two lists and one patch; properties.
      expect(calls).toBeLessThanOrEqual(14);
      expect(t.ws.PropertiesService.getUserProperties().getProperty(SYNCED_AT_KEY)).toBeTruthy();

      // Nothing changed since: no write at all.
      t.ws.clock.advance(24 * 3600_000);
      const again = syncTasks(workbookTables(t.ss), new Date(t.ws.clock.now()));
      expect(again).toEqual({ completedInSheet: 0, completedInTasks: 0, message: null });

      // Completed later in Google: found through completedMin.
      t.tasks.complete(t.ids.c);
      const third = syncTasks(workbookTables(t.ss), new Date(t.ws.clock.now()));
      expect(third.completedInSheet).toBe(1);
      expect(t.sheet.getRange(4, 3).getValue()).toBe('完了');
    } finally {
      t.restore();
    }
  });
});

describe('syncTasks reads the lists from the workbook (GoogleリストID), whoever runs it', () => {
  it('syncs a task in a non-default list with nothing in the running user’s properties', () => {
    const t = install();
    try {
      const work = t.tasks.Tasklists.insert({ title: '仕事' });
      const a = t.tasks.Tasks.insert({ title: 'A' }, work.id!);
      const b = t.tasks.Tasks.insert({ title: 'B' }, work.id!);
      t.rows([
        ['A', '未完了', a.id!, work.id!],
        ['B', '完了', b.id!, work.id!],
      ]);
      t.tasks.complete(a.id!);
      expect(t.ws.PropertiesService.getUserProperties().getProperty(LISTS_KEY)).toBeNull();
      const report = syncTasks(workbookTables(t.ss), new Date(t.ws.clock.now()));
      expect(report).toMatchObject({ completedInSheet: 1, completedInTasks: 1 });
      expect(t.sheet.getRange(2, 3).getValue()).toBe('完了');
      expect(t.tasks.Tasks.get(work.id!, b.id!).status).toBe('completed');
    } finally {
      t.restore();
    }
  });

  it('names a list it cannot read in its message and still syncs the others', () => {
    const t = install();
    try {
      const list = t.tasks.defaultListId;
      const a = t.tasks.Tasks.insert({ title: 'A' }, list);
      t.rows([
        ['A', '未完了', a.id!, list],
        ['X', '未完了', 'someone-elses-task', 'someone-elses-list'],
      ]);
      t.tasks.complete(a.id!);
      const report = syncTasks(workbookTables(t.ss), new Date(t.ws.clock.now()));
      expect(report.completedInSheet).toBe(1);
      expect(report.unreadableLists).toBe(1);
      expect(report.message?.ja).toContain('someone-elses-list');
      expect(report.message?.ja).toContain('リストを読めませんでした');
      expect(report.message?.en).toContain('someone-elses-list');
      expect(report.message?.en).toContain('1 task(s) not synced');
      expect(t.sheet.getRange(3, 3).getValue()).toBe('未完了');
    } finally {
      t.restore();
    }
  });

  it('follows every page: 250 open tasks cost 3 list calls (4 after the first sync)', () => {
    const t = install();
    try {
      const list = t.tasks.defaultListId;
      const ids: string[] = [];
      for (let i = 0; i < 250; i++) ids.push(t.tasks.Tasks.insert({ title: `T${i}` }, list).id!);
      t.rows(ids.map((id, i) => [`T${i}`, i === 249 ? '完了' : '未完了', id, list]));
      t.tasks.complete(ids[0]!);
      const listCalls = (run: () => void) => {
        const before = t.ws.meter.counts()['Tasks.Tasks.list'] ?? 0;
        run();
        return (t.ws.meter.counts()['Tasks.Tasks.list'] ?? 0) - before;
      };
      let report: ReturnType<typeof syncTasks> | null = null;
      // First sync: one listing of every task, pages of 100, 100, 50. The last task, 完了 in the
      // sheet and open in Google (on the third page), is patched.
      const first = listCalls(() => {
        report = syncTasks(workbookTables(t.ss), new Date(t.ws.clock.now()));
      });
      expect(first).toBe(3);
      expect(report).toMatchObject({ completedInSheet: 1, completedInTasks: 1 });
      expect(t.tasks.Tasks.get(list, ids[249]!).status).toBe('completed');
      // Later: the 248 open tasks (3 pages) and those completed since the last sync (1 page).
      t.ws.clock.advance(24 * 3600_000);
      t.tasks.complete(ids[1]!);
      const later = listCalls(() => {
        report = syncTasks(workbookTables(t.ss), new Date(t.ws.clock.now()));
      });
      expect(later).toBe(4);
      expect(report).toMatchObject({ completedInSheet: 1, completedInTasks: 0 });
      expect(t.sheet.getRange(3, 3).getValue()).toBe('完了');
    } finally {
      t.restore();
    }
  });
});
