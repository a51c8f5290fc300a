import type { Bundle } from '../../emulator/runtime';
import { advanceWithTriggers } from '../../emulator/trigger-runner';
import type { AutomationStatus } from '../../src/core/contracts/automations';
import { calendarEvents, demoAt, records, tokyo } from './automations-support';

/**
 * A job that throws is retried by the next run, with the days it missed, and nothing is done
 * twice; the trigger's health says so while it fails, and the next expected run is right.
 */

/** Makes `obj[method]` throw once (the next call), then behave as before. */
function failOnce(obj: Record<string, unknown>, method: string, message: string): void {
  const original = obj[method] as (...args: unknown[]) => unknown;
  obj[method] = () => {
    obj[method] = original;
    throw new Error(message);
  };
}

const status = (bundle: Bundle) => bundle.runJson('automationsStatus', []) as AutomationStatus;
const log = (bundle: Bundle, day: string) =>
  records(bundle, '実行ログ').filter((r) => r['対象日'] === day);
const expenseTasks = (bundle: Bundle) =>
  records(bundle, 'タスク')
    .filter((t) => t['タイトル'] === '経費の入力')
    .map((t) => t['期限']);
const expenseBlocks = (bundle: Bundle) =>
  calendarEvents(bundle)
    .filter((e) => e.summary === '経費の入力')
    .map((e) => e.start?.dateTime);

describe('automations: a failing job is retried by the next run', () => {
  let bundle: Bundle;
  beforeAll(() => {
    bundle = demoAt('2026-11-26T09:00:00+09:00');
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
  });

  it('the calendar failing on Friday: the block is made on Saturday, once; health says so meanwhile', () => {
    const events = bundle.workspace.advanced<{ Events: Record<string, unknown> }>(
      'calendar',
    ).Events;
    failOnce(
      events,
      'insert',
      'API call to calendar.events.insert failed with error: Backend Error',
    );
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-27T12:00:00'));
    expect(fired.map((f) => [f.handler, f.ok])).toEqual([['dailyDispatch', true]]);
    expect(expenseTasks(bundle)).toEqual(['2026/11/27']);
    expect(expenseBlocks(bundle)).toEqual([]);
    const friday = log(bundle, '2026/11/27');
    expect(friday.find((r) => r['処理']!.startsWith('定期業務'))).toMatchObject({
      結果: 'エラー',
      メッセージ: expect.stringContaining('次回の実行で再試行します'),
    });
    expect(friday.at(-1)).toMatchObject({ 処理: '自動化', 結果: 'エラー' });

    const failing = status(bundle);
    // No run without a failure yet: no last success; the health names the failing job.
    expect(failing.lastSuccessAt).toBeNull();
    expect(failing.healthy).toBe(false);
    expect(failing.health.ja).toMatch(/2026-11-27 から「定期業務」が失敗しています/);
    expect(failing.health.en).toMatch(/^Routines failing since 2026-11-27/);
    // Today's run happened (with the failure): the next is tomorrow's.
    expect(failing.nextRunAt).toBe(new Date(tokyo('2026-11-28T06:00:00')).toISOString());

    // Reinstalling (a new installedAt) does not hide the failure.
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    expect(status(bundle)).toMatchObject({ healthy: false });

    advanceWithTriggers(bundle, tokyo('2026-11-28T12:00:00'));
    expect(expenseTasks(bundle)).toEqual(['2026/11/27']);
    expect(expenseBlocks(bundle)).toEqual(['2026-11-27T17:00:00+09:00']);
    expect(log(bundle, '2026/11/28').find((r) => r['処理']!.startsWith('定期業務'))).toMatchObject({
      結果: '成功',
      メッセージ: expect.stringContaining('カレンダーに1件の予定を入れました'),
    });
    const healthy = status(bundle);
    expect(healthy.healthy).toBe(true);
    expect(Date.parse(healthy.lastSuccessAt!)).toBeGreaterThan(tokyo('2026-11-28T06:00:00'));

    // A third day changes nothing more.
    advanceWithTriggers(bundle, tokyo('2026-11-29T12:00:00'));
    expect(expenseBlocks(bundle)).toHaveLength(1);
  });

  it('the summary failing on its day (11/30) is written the next day, once, and mailed once', () => {
    const session = bundle.workspace.Session as unknown as Record<string, unknown>;
    // In a dispatcher run only the summary asks who the owner is (to mail them).
    failOnce(session, 'getEffectiveUser', 'We are sorry, a server error occurred.');
    advanceWithTriggers(bundle, tokyo('2026-11-30T12:00:00'));
    expect(records(bundle, '月次集計')).toEqual([]);
    expect(log(bundle, '2026/11/30').find((r) => r['処理']!.startsWith('月次集計'))).toMatchObject({
      結果: 'エラー',
    });
    const lastSuccess = status(bundle).lastSuccessAt;
    expect(Date.parse(lastSuccess!)).toBeLessThan(tokyo('2026-11-30T00:00:00'));
    expect(status(bundle).health.ja).toMatch(/「月次集計」が失敗しています/);
    expect(status(bundle).health.en).toMatch(/^Monthly summary failing since 2026-11-30/);

    advanceWithTriggers(bundle, tokyo('2026-12-02T12:00:00'));
    const rows = records(bundle, '月次集計');
    expect(new Set(rows.map((r) => r['月']))).toEqual(new Set(['2026-11']));
    const keys = rows.map((r) => `${r['区分']}|${r['項目']}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const summaries = bundle.workspace.GmailApp.outbox().filter(
      (m) => m.kind === 'sent' && m.subject === '【Pokke】2026-11 月次集計',
    );
    expect(summaries).toHaveLength(1);
    expect(log(bundle, '2026/12/01').find((r) => r['処理']!.startsWith('月次集計'))).toMatchObject({
      結果: '成功',
      メッセージ: expect.stringContaining('2026-11 の月次集計を作成しました'),
    });
    expect(status(bundle)).toMatchObject({ healthy: true });
  });
});

describe('automations: health and the next run', () => {
  it('a run that dies is reported once its time has passed, even after a reinstall', () => {
    const bundle = demoAt('2026-11-26T09:00:00+09:00');
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    // Installed after today's hour: no run was due yet.
    expect(status(bundle)).toMatchObject({ healthy: true });
    advanceWithTriggers(bundle, tokyo('2026-11-27T12:00:00'), {
      before: () => ({ killAfter: 5 }),
    });
    const dead = status(bundle);
    expect(dead.healthy).toBe(false);
    expect(dead.health.ja).toMatch(/2026-11-27 の実行が正常に完了していません/);
    expect(dead.health.en).toBe('The run of 2026-11-27 did not complete; please check the run log');
    // The day was not done: the next run is today's hour… which has passed, so tomorrow's.
    expect(dead.nextRunAt).toBe(new Date(tokyo('2026-11-28T06:00:00')).toISOString());

    // Reinstalling excuses only the runs due before it.
    bundle.runJson('automationsInstall', [{ hour: 7 }]);
    expect(status(bundle)).toMatchObject({ healthy: true });
    advanceWithTriggers(bundle, tokyo('2026-11-28T12:00:00'), {
      before: () => ({ killAfter: 5 }),
    });
    expect(status(bundle)).toMatchObject({ healthy: false });
    advanceWithTriggers(bundle, tokyo('2026-11-29T12:00:00'));
    expect(status(bundle)).toMatchObject({ healthy: true });
  });

  it('before the hour the next run is today; once today ran (even by hand) it is tomorrow', () => {
    const bundle = demoAt('2026-11-26T05:00:00+09:00');
    const on = bundle.runJson('automationsInstall', [{ hour: 6 }]) as AutomationStatus;
    expect(on.nextRunAt).toBe(new Date(tokyo('2026-11-26T06:00:00')).toISOString());
    bundle.runJson('automationsRunNow', []);
    expect(status(bundle).nextRunAt).toBe(new Date(tokyo('2026-11-27T06:00:00')).toISOString());
    // Still within the trigger's hour, after it fired.
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-27T06:59:59'));
    // 11/26 (finds the day done by hand) and 11/27.
    expect(fired.map((f) => f.handler)).toEqual(['dailyDispatch', 'dailyDispatch']);
    expect(fired.at(-1)!.at).toBeGreaterThan(tokyo('2026-11-27T06:00:00'));
    expect(status(bundle).nextRunAt).toBe(new Date(tokyo('2026-11-28T06:00:00')).toISOString());
  });
});
