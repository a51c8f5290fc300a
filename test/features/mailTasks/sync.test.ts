import { hostRealm } from '../../../emulator/core/realm';
import type { TasksAdvancedEmulator } from '../../../emulator/services/advanced/tasks';
import { Workspace } from '../../../emulator/workspace';
import { LISTS_KEY, SYNCED_AT_KEY } from '../../../src/features/mailTasks/records';
import { syncTasks } from '../../../src/features/mailTasks/sync';
import { TASKS_SHEET } from '../../../src/sheets/schema';

/** The feature runs against the emulator's services installed as globals (counted). */
function setup() {
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
  sheet.getRange(1, 1, 1, 8).setValues([TASKS_SHEET.columns.map((c) => c.header)]);
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
  const restore = () => {
    for (const [k, v] of saved) g[k] = v;
  };
  return { ws, tasks, ss, sheet, ids: { a: a.id!, b: b.id!, c: c.id! }, list, restore };
}

describe('syncTasks: completion flows both ways between the タスク sheet and Google Tasks', () => {
  it('completed in Google Tasks → 完了 in the sheet; 完了 in the sheet → completed in Google', () => {
    const t = setup();
    try {
      t.tasks.complete(t.ids.a); // ticked in Google Tasks (hidden at once)
      const before = t.ws.meter.total();
      const report = syncTasks(t.ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
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
      const again = syncTasks(t.ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
      expect(again).toEqual({ completedInSheet: 0, completedInTasks: 0, message: '' });

      // Completed later in Google: found through completedMin.
      t.tasks.complete(t.ids.c);
      const third = syncTasks(t.ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
      expect(third.completedInSheet).toBe(1);
      expect(t.sheet.getRange(4, 3).getValue()).toBe('完了');
    } finally {
      t.restore();
    }
  });
});
