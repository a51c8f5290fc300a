import type { CardJson } from '../../emulator/services/card';
import { advanceWithTriggers } from '../../emulator/trigger-runner';
import {
  callsOf,
  click,
  deliver,
  demoMail,
  type GmailBundle,
  ioCalls,
  linkButtons,
  openGmailBundle,
  openHomepage,
  openMail,
  responseOf,
  selectionItems,
  taskRecords,
} from './gmail-support';

const text = (card: CardJson) => JSON.stringify(card);
const OPEN_IN_TASKS = 'Google ToDo で開く';
const OPEN_ROW = 'シートの行を開く';

function tasksSheet(g: GmailBundle) {
  return g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('タスク')!;
}

describe('Gmail: the Google Tasks list', () => {
  it('creates the task in the list picked on the card, and the next mail preselects it', () => {
    const g = openGmailBundle();
    const work = g.tasks.Tasklists.insert({ title: '仕事' });
    const first = deliver(g.ws, demoMail('estimate'));
    const card = openMail(g, first).cards[0]!;
    const items = selectionItems(card, 'listId');
    expect(items.map((i) => [i.text, i.value])).toEqual([
      ['マイタスク', g.tasks.defaultListId],
      ['仕事', work.id],
    ]);
    expect(items.find((i) => i.selected)?.value).toBe(g.tasks.defaultListId);

    const { value } = click(g, card, /タスクを作成/, {
      messageId: first,
      edits: { listId: work.id! },
    });
    const created = responseOf(value).card!;
    const [task, ...others] = g.tasks.allTasks();
    expect(others).toHaveLength(0);
    expect(task!.tasklistId).toBe(work.id);
    const [row] = taskRecords(g);
    expect(row!['GoogleタスクID']).toBe(task!.id);
    expect(row!['GoogleリストID']).toBe(work.id);
    // The created card's buttons open the task and the sheet row.
    const gid = tasksSheet(g).getSheetId();
    expect(linkButtons(created)).toEqual({
      [OPEN_IN_TASKS]: task!.webViewLink,
      [OPEN_ROW]: `https://docs.google.com/spreadsheets/d/${g.workbookId}/edit#gid=${gid}&range=A2`,
    });
    expect(task!.webViewLink).toMatch(/^https:\/\/tasks\.google\.com\//);

    // The next mail's card preselects the list chosen last time.
    const second = deliver(g.ws, demoMail('review'));
    const next = openMail(g, second).cards[0]!;
    expect(selectionItems(next, 'listId').find((i) => i.selected)?.value).toBe(work.id);
    click(g, next, /タスクを作成/, { messageId: second });
    expect(g.tasks.allTasks().map((t) => t.tasklistId)).toEqual([work.id, work.id]);

    // Reopening the first mail shows its links too.
    const again = openMail(g, first).cards[0]!;
    expect(linkButtons(again)[OPEN_IN_TASKS]).toBe(task!.webViewLink);
  });

  it('reopening a mail whose task was completed in Google Tasks shows it completed', () => {
    const g = openGmailBundle();
    const id = deliver(g.ws, demoMail('contract'));
    click(g, openMail(g, id).cards[0]!, /タスクを作成/, { messageId: id });
    const before = ioCalls(g);
    const open = openMail(g, id).cards[0]!;
    expect(text(open)).toContain('作成済み');
    expect(text(open)).not.toContain('完了');
    g.tasks.complete(g.tasks.allTasks()[0]!.id!);
    const mid = ioCalls(g);
    const done = openMail(g, id).cards[0]!;
    const reopenCalls = ioCalls(g) - mid;
    expect(text(done)).toContain('"✓ 完了"');
    expect(text(done)).not.toContain('mailTaskCreate');
    // The user's choice of language (2), the user properties (2) and one Tasks.get: the same as
    // before completion.
    expect(reopenCalls).toBe(mid - before);
    expect(reopenCalls).toBeLessThanOrEqual(5);

    // Someone whose Google account is in English sees the same card in English only.
    g.ws.user.locale = 'en';
    const english = openMail(g, id).cards[0]!;
    expect(text(english)).toContain('"✓ Completed"');
    expect(text(english)).not.toContain('完了');
    expect(Object.keys(linkButtons(english))).toEqual([
      'Open in Google Tasks',
      'Open the sheet row',
    ]);
  });

  it('with Google Tasks unreachable and no workbook, no create button: a clear message', () => {
    const g = openGmailBundle({ remember: false });
    g.tasks.Tasklists.list = () => {
      throw new Error('API call to tasks.tasklists.list failed with error: Forbidden');
    };
    const id = deliver(g.ws, demoMail('estimate'));
    const card = openMail(g, id).cards[0]!;
    expect(text(card)).toContain(
      '<b>作成できません</b>: Google ToDo リストに接続できず、ワークブックも接続されていません',
    );
    expect(text(card)).not.toContain('mailTaskCreate');
    expect(selectionItems(card, 'targets')).toEqual([]);
    g.ws.user.locale = 'en';
    const english = text(openMail(g, id).cards[0]!);
    expect(english).toContain('Google Tasks could not be reached and no workbook is connected');
    expect(english).not.toContain('作成できません');
    g.ws.user.locale = 'ja';
    // The way out is on the card: connect the workbook.
    const ok = responseOf(
      click(g, card, /接続/, {
        messageId: id,
        edits: { workbookUrl: `https://docs.google.com/spreadsheets/d/${g.workbookId}/edit` },
      }).value,
    );
    expect(text(ok.card!)).toContain('mailTaskCreate');
    expect(selectionItems(ok.card!, 'targets').map((i) => i.value)).toEqual(['sheet']);
  });
});

describe('Gmail homepage: completion in Google Tasks', () => {
  /** Two lists, three due tasks linked to Google Tasks (one per row), one plain row. */
  function seed() {
    const g = openGmailBundle();
    const my = g.tasks.defaultListId;
    const work = g.tasks.Tasklists.insert({ title: '仕事' }).id!;
    const due = (d: string) => `${d}T00:00:00.000Z`;
    const a = g.tasks.Tasks.insert({ title: '見積', due: due('2026-11-24') }, my).id!;
    const b = g.tasks.Tasks.insert({ title: '原稿', due: due('2026-11-20') }, work).id!;
    const c = g.tasks.Tasks.insert({ title: '契約', due: due('2026-11-10') }, work).id!;
    // Not due yet: never read from the sheet nor from Google.
    g.tasks.Tasks.insert({ title: '先の仕事', due: due('2026-12-20') }, work);
    const sheet = tasksSheet(g);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const row = (values: Record<string, unknown>) => headers.map((h) => values[h] ?? '');
    const tokyo = (d: string) => new Date(`${d}T00:00:00+09:00`);
    const rows = [
      ['見積を送る', '2026-11-24', a, my],
      ['原稿を確認', '2026-11-20', b, work],
      ['契約書を返送', '2026-11-10', c, work],
      ['手書きの仕事', '2026-11-20', '', ''],
    ].map(([title, d, id, list]) =>
      row({
        タイトル: title,
        期限: tokyo(d!),
        状態: '未完了',
        GoogleタスクID: id,
        GoogleリストID: list,
        タスクキー: `k:${title}`,
      }),
    );
    sheet.getRange(2, 1, rows.length, headers.length).setValues(rows);
    return { g, ids: { a, b, c } };
  }

  function home(g: GmailBundle) {
    const before = ioCalls(g);
    const lists = callsOf(g, 'Tasks.Tasks.list');
    const r = openHomepage(g);
    return {
      text: text(r.cards[0]!),
      calls: ioCalls(g) - before,
      listCalls: callsOf(g, 'Tasks.Tasks.list') - lists,
      ms: r.execution!.elapsedMs,
    };
  }

  it('a task ticked in Google Tasks no longer shows as due, at one listing per list', () => {
    const { g, ids } = seed();
    const first = home(g);
    for (const t of ['見積を送る', '原稿を確認', '契約書を返送', '手書きの仕事']) {
      expect(first.text).toContain(t);
    }
    expect(first.listCalls).toBe(2);

    g.tasks.complete(ids.b);
    g.tasks.complete(ids.a);
    const after = home(g);
    expect(after.text).not.toContain('原稿を確認');
    expect(after.text).not.toContain('見積を送る');
    expect(after.text).toContain('契約書を返送');
    expect(after.text).toContain('手書きの仕事');
    expect(after.text).toContain('(2)');
    // The same calls whatever was completed: one listing per list, never one per task.
    expect(after.listCalls).toBe(2);
    expect(after.calls).toBe(first.calls);
    // The user's choice of language (2 calls), the workbook's id (2), the workbook and its two
    // sheets, one listing per list.
    expect(after.calls).toBeLessThanOrEqual(16);
    expect(after.ms).toBeLessThan(5_000);
    console.log(`homepage: ${after.calls} calls ${after.ms} ms (2 Tasks lists)`);
  });

  it('a list that cannot be read leaves its tasks shown', () => {
    const { g } = seed();
    g.tasks.Tasks.list = () => {
      throw new Error('API call to tasks.tasks.list failed with error: Invalid task list ID');
    };
    const r = home(g);
    for (const t of ['見積を送る', '原稿を確認', '契約書を返送']) expect(r.text).toContain(t);
  });
});

describe('the daily dispatcher syncs tasks made from mails, whoever runs it', () => {
  it('Google → sheet and sheet → Google after the daily run, with no list ids in the runner’s properties', () => {
    const g = openGmailBundle();
    g.bundle.runJson('automationsInstall', [{ hour: 6 }]);
    const work = g.tasks.Tasklists.insert({ title: '仕事' }).id!;
    const one = deliver(g.ws, demoMail('estimate'));
    const two = deliver(g.ws, demoMail('review'));
    click(g, openMail(g, one).cards[0]!, /タスクを作成/, {
      messageId: one,
      edits: { listId: work },
    });
    // The card now preselects 仕事 (the last choice): pick the default list again.
    click(g, openMail(g, two).cards[0]!, /タスクを作成/, {
      messageId: two,
      edits: { listId: g.tasks.defaultListId },
    });
    const all = g.tasks.allTasks();
    const t1 = all.find((t) => t.tasklistId === work);
    const t2 = all.find((t) => t.tasklistId !== work);
    expect(t1!.tasklistId).toBe(work);
    expect(t2!.tasklistId).toBe(g.tasks.defaultListId);

    // Ticked in Google Tasks, and 完了 typed in the sheet.
    g.tasks.complete(t1!.id!);
    const sheet = tasksSheet(g);
    const rows = taskRecords(g);
    const rowOf = (id: string) => rows.findIndex((r) => r['GoogleタスクID'] === id) + 2;
    const statusCol =
      sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String).indexOf('状態') +
      1;
    sheet.getRange(rowOf(t2!.id!), statusCol).setValue('完了');
    // A row whose list belongs to someone else.
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    sheet.getRange(rows.length + 2, 1, 1, headers.length).setValues([
      headers.map(
        (h) =>
          ({
            タイトル: '他人のタスク',
            状態: '未完了',
            GoogleタスクID: 'other-task',
            GoogleリストID: 'other-list',
            タスクキー: 'mail:other',
          })[h] ?? '',
      ),
    ]);
    // Another runner: nothing about these lists in the user's properties.
    const props = g.ws.PropertiesService.getUserProperties();
    props.deleteProperty('pokke.tasks.lists');
    props.deleteProperty('pokke.tasks.syncedAt');

    const fired = advanceWithTriggers(g.bundle, Date.parse('2026-11-25T07:00:00+09:00'));
    expect(fired.map((f) => [f.handler, f.ok])).toEqual([['dailyDispatch', true]]);
    const after = taskRecords(g);
    const status = (id: string) => after.find((r) => r['GoogleタスクID'] === id)!['状態'];
    expect(status(t1!.id!)).toBe('完了');
    expect(status(t2!.id!)).toBe('完了');
    expect(status('other-task')).toBe('未完了');
    expect(g.tasks.Tasks.get(g.tasks.defaultListId, t2!.id!).status).toBe('completed');

    const log = g.ws.SpreadsheetApp.openById(g.workbookId)
      .getSheetByName('実行ログ')!
      .getDataRange()
      .getDisplayValues()
      .map((r) => r.join(' | '))
      .filter((l) => l.includes('| タスク同期 |'));
    expect(log).toHaveLength(1);
    expect(log[0]).toContain('シート 1件、Google ToDo 1件');
    expect(log[0]).toContain('other-list');
    expect(log[0]).toContain('一部エラー');
  });
});
