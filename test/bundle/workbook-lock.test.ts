/**
 * One lock for the workbook: the Gmail card, the sidebars and the triggers all take the script
 * lock, so a writer waits for (or is told about) any other — the daily dispatcher writing the
 * タスク sheet while a mail becomes a task, a trigger while the owner saves the settings. The
 * other execution is simulated by the emulator's LockService (`holdByOtherExecution`).
 */
import { advanceWithTriggers, fireNow } from '../../emulator/trigger-runner';
import type { SaveResult, SettingsForm } from '../../src/core/contracts/settings';
import { FILLED_SETTINGS_FORM } from '../fixtures/settings';
import { demoAt, records, tokyo } from './automations-support';
import {
  click,
  deliver,
  demoMail,
  type GmailBundle,
  openGmailBundle,
  openMail,
  responseOf,
  taskRecords,
} from './gmail-support';
import { openBundle } from './support';

/** The message of a writer that could not get the lock, in the user's one language. */
const BUSY = {
  ja: 'Pokke の別の処理(自動化・請求書の発行など)がワークブックを更新中です。少し待ってからもう一度お試しください',
  en: 'Another Pokke task (automations, invoicing…) is updating the workbook. Please try again in a moment',
};

const mailRows = (g: GmailBundle, messageId: string) =>
  taskRecords(g).filter((r) => r['タスクキー'] === `mail:${messageId}`);

describe('the Gmail card and the dispatcher share the workbook lock', () => {
  it('while the dispatcher holds it past the wait, the card says so and writes nothing', () => {
    const g = openGmailBundle();
    const messageId = deliver(g.ws, demoMail('estimate'));
    const card = openMail(g, messageId).cards[0]!;
    const userProps = g.ws.PropertiesService.getUserProperties().getProperties();

    // The daily dispatcher is mid-run (its task sync writes the タスク sheet).
    g.ws.LockService.holdByOtherExecution('script', Number.POSITIVE_INFINITY);
    const busy = responseOf(click(g, card, /タスクを作成/, { messageId }).value);
    expect(busy.notification).toBe(BUSY.ja);
    expect(taskRecords(g)).toEqual([]);
    expect(g.tasks.allTasks()).toEqual([]);
    expect(g.ws.PropertiesService.getUserProperties().getProperties()).toEqual(userProps);

    // The run ended: the same click now makes the task, once, and the next run keeps it once.
    g.ws.LockService.releaseOtherExecution('script');
    const made = responseOf(click(g, card, /タスクを作成/, { messageId }).value);
    expect(made.notification).toContain('タスクを作成しました');
    fireNow(g.bundle, 'dailyDispatch');
    const again = responseOf(click(g, card, /タスクを作成/, { messageId }).value);
    expect(again.notification).toContain('作成済み');
    expect(mailRows(g, messageId)).toHaveLength(1);
    expect(taskRecords(g)).toHaveLength(1);
    expect(g.tasks.allTasks()).toHaveLength(1);
  });

  it('an English-speaking user is told in English', () => {
    const g = openGmailBundle();
    g.ws.user.locale = 'en';
    const messageId = deliver(g.ws, demoMail('estimate'));
    const card = openMail(g, messageId).cards[0]!;
    g.ws.LockService.holdByOtherExecution('script', Number.POSITIVE_INFINITY);
    const busy = responseOf(click(g, card, /^Create task/, { messageId }).value);
    expect(busy.notification).toBe(BUSY.en);
    expect(taskRecords(g)).toEqual([]);
    expect(g.tasks.allTasks()).toEqual([]);
  });

  it('while the dispatcher finishes within the wait, the card waits and then writes its row', () => {
    const g = openGmailBundle();
    const messageId = deliver(g.ws, demoMail('estimate'));
    const card = openMail(g, messageId).cards[0]!;
    const dispatcherDone = g.ws.clock.now() + 20_000;
    g.ws.LockService.holdByOtherExecution('script', dispatcherDone);

    const made = responseOf(click(g, card, /タスクを作成/, { messageId }).value);
    expect(made.notification).toContain('タスクを作成しました');
    const [row] = mailRows(g, messageId);
    // Written after the dispatcher let go, not alongside it.
    expect((row!['作成日時'] as Date).getTime()).toBeGreaterThanOrEqual(dispatcherDone);
    expect(taskRecords(g)).toHaveLength(1);
    expect(g.tasks.allTasks()).toHaveLength(1);
  });
});

describe('sidebars and triggers share the workbook lock', () => {
  const form: SettingsForm = { ...FILLED_SETTINGS_FORM };

  it('settingsSave while a trigger holds it: refused with the message, the 設定 sheet untouched', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    const settings = bundle.workspace.SpreadsheetApp.active!.getSheetByName('設定')!;
    const before = settings.snapshot();

    bundle.workspace.LockService.holdByOtherExecution('script', Number.POSITIVE_INFINITY);
    expect(() => bundle.runJson('settingsSave', [form])).toThrow(new Error(BUSY.ja));
    expect(settings.snapshot()).toEqual(before);
    // Someone who chose English in the settings is refused in English.
    bundle.runJson('settingsLanguage', [{ language: 'en' }]);
    expect(() => bundle.runJson('settingsSave', [form])).toThrow(new Error(BUSY.en));
    expect(settings.snapshot()).toEqual(before);

    bundle.workspace.LockService.releaseOtherExecution('script');
    expect(bundle.runJson('settingsSave', [form]) as SaveResult).toMatchObject({ ok: true });
    expect(settings.snapshot()).not.toEqual(before);
  });

  it('settingsSave while a trigger finishes within the wait: saved after it', () => {
    const bundle = openBundle();
    bundle.runJson('setupWorkbook');
    const start = bundle.workspace.clock.now();
    bundle.workspace.LockService.holdByOtherExecution('script', start + 10_000);
    expect(bundle.runJson('settingsSave', [form]) as SaveResult).toMatchObject({ ok: true });
    expect(bundle.workspace.clock.now()).toBeGreaterThanOrEqual(start + 10_000);
  });

  it('the daily trigger while the owner issues invoices: it logs a skip, writes no task, catches up', () => {
    const bundle = demoAt('2026-11-29T05:00:00+09:00');
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    advanceWithTriggers(bundle, tokyo('2026-11-29T07:00:00'));
    const tasksBefore = records(bundle, 'タスク');

    // The invoices sidebar is issuing (a long run holding the workbook).
    bundle.workspace.LockService.holdByOtherExecution('script', Number.POSITIVE_INFINITY);
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-30T07:00:00'));
    expect(fired.map((f) => [f.handler, f.ok])).toEqual([['dailyDispatch', true]]);
    expect(records(bundle, 'タスク')).toEqual(tasksBefore);
    expect(records(bundle, '実行ログ').at(-1)).toMatchObject({ 結果: 'スキップ' });
    expect(records(bundle, '実行ログ').at(-1)?.['メッセージ']).toMatch(
      /ワークブックを更新中だったためスキップしました。次回の実行でこの日の分も行います/,
    );

    // The next run does the day it missed.
    bundle.workspace.LockService.releaseOtherExecution('script');
    advanceWithTriggers(bundle, tokyo('2026-12-01T07:00:00'));
    expect(records(bundle, 'タスク').map((r) => r['タイトル'])).toContain(
      '請求書の下書きを確認して送信',
    );
  });
});
