/**
 * Every スキップ line of 実行ログ says why the job or the run did nothing, so the owner reading
 * the log knows whether to act (turn a setting on, run setup) or wait for the next run.
 */
import { advanceWithTriggers } from '../../emulator/trigger-runner';
import { book, demoAt, records, setSetting, tokyo } from './automations-support';

const skips = (bundle: ReturnType<typeof demoAt>) =>
  records(bundle, '実行ログ').filter((r) => r['結果'] === 'スキップ');

describe('スキップ lines of 実行ログ', () => {
  it('a job with nothing it can run names the setting or the sheet that stops it', () => {
    const bundle = demoAt('2026-11-30T05:00:00+09:00');
    setSetting(bundle, 'reminders', 'しない');
    const ss = book(bundle);
    ss.deleteSheet(ss.getSheetByName('定期業務')!);
    ss.deleteSheet(ss.getSheetByName('月次集計')!);
    const recurring = ss.getSheetByName('定期請求')!;
    recurring.deleteRows(2, recurring.getLastRow() - 1);
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    advanceWithTriggers(bundle, tokyo('2026-11-30T07:00:00'));

    const byJob = new Map(skips(bundle).map((r) => [r['処理'], r['メッセージ']]));
    expect(byJob).toEqual(
      new Map([
        [
          '定期業務 / Routines',
          '「定期業務」シートがないためスキップしました / Skipped: no 定期業務 sheet in the workbook (run セットアップ / setup)',
        ],
        [
          '定期請求 / Recurring invoices',
          '「定期請求」シートに行がないためスキップしました / Skipped: no rows in the 定期請求 sheet',
        ],
        [
          '督促 / Payment reminders',
          '設定「督促メールの下書き」が「しない」のためスキップしました / Skipped: reminders are turned off (設定 督促メールの下書き: しない)',
        ],
        [
          '月次集計 / Monthly summary',
          '「月次集計」シートがないためスキップしました / Skipped: no 月次集計 sheet in the workbook (run セットアップ / setup)',
        ],
      ]),
    );
  });

  it('a second firing on the same day says the day has already run', () => {
    const bundle = demoAt('2026-11-30T05:00:00+09:00');
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    advanceWithTriggers(bundle, tokyo('2026-11-30T23:00:00'), { before: () => 'twice' });
    expect(skips(bundle)).toEqual([
      expect.objectContaining({
        処理: '自動化 / Automations',
        メッセージ:
          "本日分は実行済みのためスキップしました(重複した起動) / Skipped: today's jobs have already run (duplicate firing)",
      }),
    ]);
  });

  it('a firing while another task holds the workbook says so and that the next run catches up', () => {
    const bundle = demoAt('2026-11-30T05:00:00+09:00');
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    bundle.workspace.LockService.holdByOtherExecution('script', Number.POSITIVE_INFINITY);
    advanceWithTriggers(bundle, tokyo('2026-11-30T07:00:00'));
    expect(skips(bundle)).toEqual([
      expect.objectContaining({
        処理: '自動化 / Automations',
        メッセージ:
          '他の処理(請求書の発行など)がワークブックを更新中だったためスキップしました。次回の実行でこの日の分も行います / Skipped: another Pokke task (invoicing…) was updating the workbook; the next run catches up on this day',
      }),
    ]);
  });
});
