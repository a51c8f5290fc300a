/**
 * dailyDispatch, continueDispatch and continueInvoices are top-level functions, so any page can
 * call them through google.script.run. Only a firing of one of the user's own triggers for that
 * handler (the event's triggerUid) runs them; anything else is refused before anything is touched.
 */
import type { Bundle } from '../../emulator/runtime';
import { advanceWithTriggers } from '../../emulator/trigger-runner';
import { book, demoAt, handlers, records, tokyo } from './automations-support';

/** The refusal, whole and in Japanese only (the demo owner's locale): nothing else joined to it. */
const REFUSED =
  /^「(dailyDispatch|continueDispatch|continueInvoices)」は Pokke のトリガーだけが実行できます。今すぐ実行するにはサイドバーを使ってください$/;
const TRIGGER_ONLY = ['dailyDispatch', 'continueDispatch', 'continueInvoices'] as const;

/** Everything a run could change: the workbook, the properties, the triggers, the mail. */
function state(bundle: Bundle) {
  const ws = bundle.workspace;
  return {
    workbook: book(bundle)
      .getSheets()
      .map((s) => s.snapshot()),
    document: ws.PropertiesService.getDocumentProperties().getProperties(),
    user: ws.PropertiesService.getUserProperties().getProperties(),
    script: ws.PropertiesService.getScriptProperties().getProperties(),
    triggers: ws.ScriptApp.triggers.map((t) => [t.getUniqueId(), t.getHandlerFunction()]),
    outbox: ws.GmailApp.outbox().length,
  };
}

/** Month end, automations on, and a continuation of each kind pending (so each has a trigger). */
function monthEnd(): Bundle {
  const bundle = demoAt('2026-11-30T05:00:00+09:00');
  bundle.runJson('automationsInstall', [{ hour: 6 }]);
  const app = bundle.workspace.ScriptApp;
  app
    .newTrigger('continueDispatch')
    .timeBased()
    .after(3 * 3_600_000)
    .create();
  app
    .newTrigger('continueInvoices')
    .timeBased()
    .after(3 * 3_600_000)
    .create();
  return bundle;
}

const uidOf = (bundle: Bundle, handler: string) =>
  bundle.workspace.ScriptApp.triggers.find((t) => t.getHandlerFunction() === handler)!.id;

describe('functions only a trigger may run', () => {
  it.each(TRIGGER_ONLY)('%s refuses google.script.run calls and changes nothing', (handler) => {
    const bundle = monthEnd();
    const ws = bundle.workspace;
    const other = TRIGGER_ONLY.find((h) => h !== handler)!;
    const forged = [
      [],
      [{}],
      [null],
      ['x'],
      [{ triggerUid: 'x' }],
      [{ triggerUid: '' }],
      // A real trigger's ID, but of another handler.
      [{ authMode: 'FULL', triggerUid: uidOf(bundle, other) }],
    ];
    const before = state(bundle);
    ws.meter.resetCounts();
    for (const args of forged) {
      expect(() => bundle.runJson(handler, args)).toThrow(REFUSED);
      expect(state(bundle)).toEqual(before);
    }
    expect(() => bundle.run(handler, [{ triggerUid: 'x' }], { triggered: true })).toThrow(REFUSED);
    expect(state(bundle)).toEqual(before);
    // No lock was taken and nothing was read from the workbook: only the trigger list, and the
    // user's language for the refusal.
    expect(
      Object.keys(ws.meter.counts()).filter(
        (k) =>
          !k.startsWith('ScriptApp.') &&
          !k.startsWith('PropertiesService.') &&
          !k.startsWith('Session.'),
      ),
    ).toEqual([]);
    expect(ws.LockService.holder('script')).toBe('none');
  });

  it.each(TRIGGER_ONLY)('%s refuses an English user in English only', (handler) => {
    const bundle = monthEnd();
    bundle.workspace.user.locale = 'en';
    expect(() => bundle.runJson(handler, [{}])).toThrow(
      new RegExp(
        `^${handler} runs only from Pokke's own trigger\\. Use the sidebar to run it now$`,
      ),
    );
  });

  it('a real firing of each still runs', () => {
    const bundle = monthEnd();
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-30T09:00:00'));
    // The dispatcher's issuing run took over the pending continueInvoices trigger (it sets one
    // before recording invoices) and removed it once every invoice was made.
    expect(fired.map((f) => [f.handler, f.ok])).toEqual([
      ['dailyDispatch', true],
      ['continueDispatch', true],
    ]);
    bundle.workspace.ScriptApp.newTrigger('continueInvoices').timeBased().after(60_000).create();
    const again = advanceWithTriggers(bundle, tokyo('2026-11-30T10:00:00'));
    expect(again.map((f) => [f.handler, f.ok])).toEqual([['continueInvoices', true]]);
    // The dispatcher did the day; each continuation found nothing left and removed its trigger.
    expect(records(bundle, 'タスク').map((r) => r['タイトル'])).toContain(
      '請求書の下書きを確認して送信',
    );
    expect(records(bundle, '実行ログ').map((r) => [r['処理'], r['結果']])).toContainEqual([
      '自動化',
      '成功',
    ]);
    expect(handlers(bundle)).toEqual(['dailyDispatch']);
  });
});
