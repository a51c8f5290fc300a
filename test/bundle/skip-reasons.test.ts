/**
 * Every スキップ line of 実行ログ says why the job or the run did nothing, so the owner reading
 * the log knows whether to act (turn a setting on, run setup) or wait for the next run.
 */
import { advanceWithTriggers } from '../../emulator/trigger-runner';
import { book, demoAt, records, setSetting, tokyo } from './automations-support';

const skips = (bundle: ReturnType<typeof demoAt>) =>
  records(bundle, '実行ログ').filter((r) => r['結果'] === 'スキップ');

/** The owner's account locale: the run log follows the person who turned automations on. */
const LOCALES = [
  ['Japanese', 'ja'],
  ['English', 'en'],
] as const;

describe.each(LOCALES)('スキップ lines of 実行ログ, in %s', (_, locale) => {
  const say = (ja: string, en: string) => (locale === 'en' ? en : ja);

  /** The demo workbook at the month end, its owner's Google account in `locale`. */
  const monthEnd = () => {
    const bundle = demoAt('2026-11-30T05:00:00+09:00');
    bundle.workspace.user.locale = locale;
    return bundle;
  };

  it('a job with nothing it can run names the setting or the sheet that stops it', () => {
    const bundle = monthEnd();
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
          say('定期業務', 'Routines'),
          say(
            '「定期業務」シートがないためスキップしました',
            'Skipped: no 定期業務 sheet in the workbook (run Set up workbook)',
          ),
        ],
        [
          say('定期請求', 'Recurring invoices'),
          say(
            '「定期請求」シートに行がないためスキップしました',
            'Skipped: no rows in the 定期請求 sheet',
          ),
        ],
        [
          say('督促', 'Payment reminders'),
          say(
            '設定「督促メールの下書き」が「しない」のためスキップしました',
            'Skipped: reminders are turned off (設定 督促メールの下書き: しない)',
          ),
        ],
        [
          say('月次集計', 'Monthly summary'),
          say(
            '「月次集計」シートがないためスキップしました',
            'Skipped: no 月次集計 sheet in the workbook (run Set up workbook)',
          ),
        ],
      ]),
    );
  });

  it('a second firing on the same day says the day has already run', () => {
    const bundle = monthEnd();
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    advanceWithTriggers(bundle, tokyo('2026-11-30T23:00:00'), { before: () => 'twice' });
    expect(skips(bundle)).toEqual([
      expect.objectContaining({
        処理: say('自動化', 'Automations'),
        メッセージ: say(
          '本日分は実行済みのためスキップしました(重複した起動)',
          "Skipped: today's jobs have already run (duplicate firing)",
        ),
      }),
    ]);
  });

  it('a firing while another task holds the workbook says so and that the next run catches up', () => {
    const bundle = monthEnd();
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    bundle.workspace.LockService.holdByOtherExecution('script', Number.POSITIVE_INFINITY);
    advanceWithTriggers(bundle, tokyo('2026-11-30T07:00:00'));
    expect(skips(bundle)).toEqual([
      expect.objectContaining({
        処理: say('自動化', 'Automations'),
        メッセージ: say(
          '他の処理(請求書の発行など)がワークブックを更新中だったためスキップしました。次回の実行でこの日の分も行います',
          'Skipped: another Pokke task (invoicing…) was updating the workbook; the next run catches up on this day',
        ),
      }),
    ]);
  });
});
