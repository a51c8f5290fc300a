/**
 * The 自動化 sidebar in chromium at 300 px against a fake server (front-end behaviour only):
 * status on/off, whose account the trigger runs under, turning on, changing the hour, turning
 * off, the dry run, 今すぐ実行, the recent runs, failures and hostile strings.
 * The real bundle is driven through the playground in automations-playground.test.ts.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type {
  AutomationStatus,
  DryRunReport,
  RunLogEntry,
  RunNowReport,
} from '../../src/core/contracts/automations';
import { same, text } from '../../src/core/text';
import { DIST, type ServerHandler, type SidebarPage, tempFile } from './support/chromium';
import { shownText } from './support/playground-page';
import { englishWords, japaneseLines } from './support/reader-language';
import { fakeHandler, sidebarSuite, waitFor } from './support/sidebar-suite';

const HOSTILE = '<img src=x onerror=alert(1)>';
const OWNER = 'owner@example.com';

/** One row of the 実行ログ sheet, written in one language (Japanese here). */
function run(over: Partial<RunLogEntry> = {}): RunLogEntry {
  return {
    startedAt: '2026-11-29T21:03:00.000Z',
    finishedAt: '2026-11-29T21:03:09.000Z',
    day: '2026-11-30',
    job: '定期請求',
    result: '成功',
    count: 2,
    message: '2件の請求書を作成しました',
    ...over,
  };
}

const RUNS: RunLogEntry[] = [
  run({ message: '売上明細に2行を追加しました\n2件の請求書を作成しました' }),
  run({ job: '督促', result: '一部エラー', count: 1, message: '1件失敗' }),
  run({ job: '月次集計', result: 'エラー', count: 0, message: 'シートがありません' }),
  run({ job: '定期業務', result: '中断', count: 3 }),
  run({
    job: '自動化',
    result: 'スキップ',
    count: 0,
    message: '本日分は実行済みのためスキップしました(重複した起動)',
  }),
];

const OFF: AutomationStatus = {
  lang: 'ja',
  today: '2026-11-24',
  installed: false,
  hour: null,
  owner: null,
  currentUser: OWNER,
  lastSuccessAt: null,
  nextRunAt: null,
  healthy: false,
  health: text('自動化はオフです', 'Automations are off'),
  continuing: false,
  recentRuns: [],
};

function on(hour: number, over: Partial<AutomationStatus> = {}): AutomationStatus {
  return {
    ...OFF,
    installed: true,
    hour,
    owner: OWNER,
    // 2026-11-25 06:12 and 2026-11-26 in Tokyo.
    lastSuccessAt: '2026-11-24T21:12:00.000Z',
    nextRunAt: new Date(Date.UTC(2026, 10, 26, hour - 9)).toISOString(),
    healthy: true,
    health: text('自動化は正常に動いています', 'Automations are running normally'),
    recentRuns: RUNS,
    ...over,
  };
}

const DRY_RUN: DryRunReport = {
  date: '2026-11-30',
  businessDay: true,
  holiday: null,
  jobs: [
    {
      job: 'recurring',
      label: text('定期請求', 'Recurring invoices'),
      actions: [
        text(
          '合同会社みなと企画: SNS運用代行(月額) を売上明細に追加',
          'Add a recurring line for 合同会社みなと企画',
        ),
        text('請求書を2件作成', 'Issue 2 invoices'),
      ],
      problems: [],
    },
    {
      job: 'reminders',
      label: text('督促', 'Payment reminders'),
      actions: [],
      problems: [],
    },
    {
      job: 'summary',
      label: text('月次集計', 'Monthly summary'),
      actions: [text('2026-11 の月次集計を作成', 'Summarise 2026-11')],
      problems: [],
    },
    {
      job: 'routines',
      label: text('定期業務', 'Routine tasks'),
      actions: [same('請求書の下書きを確認して送信')],
      problems: [
        text('定期業務 3行目: 繰り返しを読み取れません', '定期業務 row 3: cannot read the rule'),
      ],
    },
  ],
};

/** An in-memory server; each route can be replaced to misbehave or to hold its answer back. */
function fakeServer(initial: AutomationStatus = OFF) {
  const state = {
    status: initial,
    load: (): AutomationStatus | Promise<AutomationStatus> => state.status,
    install: (hour: number): AutomationStatus | Promise<AutomationStatus> => {
      state.status = on(hour, { recentRuns: state.status.recentRuns });
      return state.status;
    },
    uninstall: (): AutomationStatus | Promise<AutomationStatus> => {
      state.status = { ...OFF, recentRuns: state.status.recentRuns };
      return state.status;
    },
    dryRun: (date: string): DryRunReport | Promise<DryRunReport> => ({ ...DRY_RUN, date }),
    runNow: (): RunNowReport | Promise<RunNowReport> => {
      const runs = [run({ day: '2026-11-24', count: 1 })];
      state.status = { ...state.status, recentRuns: [...runs, ...state.status.recentRuns] };
      return {
        runs,
        message: text('2026-11-24 の処理を実行しました', 'Ran the jobs for 2026-11-24'),
      };
    },
  };
  const handler = fakeHandler({
    automationsStatus: () => state.load(),
    automationsInstall: (args) => state.install((args[0] as { hour: number }).hour),
    automationsUninstall: () => state.uninstall(),
    automationsDryRun: (args) => state.dryRun((args[0] as { date: string }).date),
    automationsRunNow: () => state.runNow(),
  });
  return { state, handler };
}

const suite = sidebarSuite();

async function open(handler: ServerHandler): Promise<SidebarPage> {
  const s = await suite.open('automations', handler);
  await s.page.locator('[data-section="status"], .notice.error').first().waitFor();
  return s;
}

const button = (page: Page, action: string) => page.locator(`button[data-action="${action}"]`);
const fact = (page: Page, key: string) => page.locator(`[data-fact="${key}"] dd`);
const named = (s: SidebarPage, name: string) => s.calls.filter((c) => c.name === name);

/** A promise the test resolves when it wants the server to answer. */
function held<T>(value: () => T) {
  let release: () => void = () => {};
  const promise = new Promise<T>((resolve) => {
    release = () => resolve(value());
  });
  return { promise, release: () => release() };
}

describe('automations sidebar against a fake server', () => {
  test('off: in Japanese only, 6時 preselected, today in Tokyo for the dry run', async () => {
    const s = await open(fakeServer().handler);
    const { page } = s;
    expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
    expect(await page.locator('h1').textContent()).toBe('自動化');
    // No English twin anywhere: not in small print, not in a tooltip.
    expect(englishWords(await shownText(page.locator('body')))).toEqual([]);
    expect(await page.locator('[title]').count()).toBe(0);
    expect(await page.locator('[data-state]').textContent()).toBe('オフ');
    expect(await page.locator('[data-health]').textContent()).toContain('自動化はオフです');
    expect(await page.locator('[data-owner]').count()).toBe(0);
    expect(await page.locator('#hour').inputValue()).toBe('6');
    expect(await page.locator('#hour option:checked').textContent()).toBe('6時台');
    expect(await button(page, 'install').textContent()).toBe('自動化をオンにする');
    expect(await button(page, 'install').isDisabled()).toBe(false);
    expect(await button(page, 'uninstall').count()).toBe(0);
    expect(await button(page, 'dry-run').textContent()).toBe('この日の処理を確認');
    // Today as the server sees it in Tokyo (the playground's clock may not be the real one).
    expect(await page.locator('#dry-run-date').inputValue()).toBe(OFF.today);
    expect(await page.getByText('実行ログはまだありません').isVisible()).toBe(true);
    // One word for the payment reminders: 督促, as in the 設定 sheet and the run log.
    const text = await page.locator('body').textContent();
    expect(text).toContain('定期請求・督促・月次集計・定期業務');
    expect(text).not.toContain('リマインダー');
    expect(s.calls).toEqual([{ name: 'automationsStatus', args: [] }]);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(300);
  });

  test('turn on at 7時: buttons wait for the answer, then on, the owner, next run and success', async () => {
    const { state, handler } = fakeServer();
    const answer = held(() => on(7));
    state.install = () => answer.promise;
    const s = await open(handler);
    const { page } = s;
    await page.locator('#hour').selectOption('7');
    await button(page, 'install').click();
    await waitFor(() => named(s, 'automationsInstall').length === 1, 'automationsInstall');
    expect(named(s, 'automationsInstall')[0]?.args).toEqual([{ hour: 7 }]);
    expect(await button(page, 'install').textContent()).toBe('オンにしています…');
    for (const action of ['install', 'dry-run', 'run-now', 'refresh']) {
      expect(await button(page, action).isDisabled()).toBe(true);
    }
    answer.release();
    await page.locator('[data-notice="status"] .notice.success').waitFor();
    expect(await page.locator('[data-notice="status"]').textContent()).toContain(
      '自動化をオンにしました',
    );
    expect(await page.locator('[data-state]').textContent()).toBe('オン');
    expect(await fact(page, 'hour').textContent()).toBe('毎日 7時台');
    expect(await fact(page, 'last-success').textContent()).toBe('2026/11/25(水) 06:12');
    expect(await fact(page, 'next-run').textContent()).toBe('2026/11/26(木) 7時台');
    expect(await page.locator('[data-owner]').textContent()).toBe(
      `このトリガーは ${OWNER} のアカウントで動きます`,
    );
    expect(await page.locator('[data-owner-only]').count()).toBe(0);
    expect(await page.locator('[data-health]').textContent()).toContain(
      '自動化は正常に動いています',
    );
    expect(await button(page, 'install').count()).toBe(0);
    expect(await button(page, 'uninstall').isDisabled()).toBe(false);
    // Same hour as installed: nothing to change yet.
    expect(await button(page, 'change-hour').isDisabled()).toBe(true);
    for (const action of ['dry-run', 'run-now', 'refresh']) {
      expect(await button(page, action).isDisabled()).toBe(false);
    }
  });

  test('another owner: only they can change it; no controls here', async () => {
    const other = on(6, {
      owner: 'keiri@example.com',
      currentUser: 'staff@example.com',
      health: text(
        '自動化は keiri@example.com さんのアカウントで動いています。変更はその方が行えます',
        'Automations run under keiri@example.com’s account',
      ),
    });
    const { page } = await open(fakeServer(other).handler);
    expect(await page.locator('[data-owner]').textContent()).toBe(
      'このトリガーは keiri@example.com のアカウントで動きます',
    );
    expect(await page.locator('[data-health]').textContent()).toBe(
      '自動化は keiri@example.com さんのアカウントで動いています。変更はその方が行えます',
    );
    expect(await page.locator('[data-owner-only]').textContent()).toBe(
      '設定を変更できるのは keiri@example.com さんだけです',
    );
    for (const action of ['install', 'change-hour', 'uninstall']) {
      expect(await button(page, action).count()).toBe(0);
    }
    expect(await page.locator('#hour').count()).toBe(0);
    expect(await button(page, 'dry-run').isDisabled()).toBe(false);
  });

  test('change the hour (re-install), then turn off after confirming', async () => {
    const { handler } = fakeServer(on(6));
    const s = await open(handler);
    const { page } = s;
    expect(await page.locator('#hour').inputValue()).toBe('6');
    await page.locator('#hour').selectOption('9');
    expect(await button(page, 'change-hour').isDisabled()).toBe(false);
    await button(page, 'change-hour').click();
    await page.locator('[data-notice="status"] .notice.success').waitFor();
    expect(named(s, 'automationsInstall').map((c) => c.args)).toEqual([[{ hour: 9 }]]);
    expect(await fact(page, 'hour').textContent()).toBe('毎日 9時台');
    expect(await page.locator('[data-notice="status"]').textContent()).toContain(
      '実行する時間を変更しました',
    );

    await button(page, 'uninstall').click();
    const confirm = page.locator('[data-confirm="uninstall"]');
    expect(await confirm.textContent()).toContain('自動化をオフにします');
    await button(page, 'cancel').click();
    expect(await confirm.count()).toBe(0);
    expect(named(s, 'automationsUninstall')).toEqual([]);
    await button(page, 'uninstall').click();
    await button(page, 'confirm-uninstall').click();
    await page.locator('[data-state="off"]').waitFor();
    expect(named(s, 'automationsUninstall')).toHaveLength(1);
    expect(await page.locator('[data-notice="status"]').textContent()).toContain(
      '自動化をオフにしました',
    );
    expect(await button(page, 'install').isDisabled()).toBe(false);
  });

  test('dry run: the day, business day or holiday, then each job with actions and problems', async () => {
    const { state, handler } = fakeServer();
    const s = await open(handler);
    const { page } = s;
    await page.locator('#dry-run-date').fill('2026-11-30');
    await button(page, 'dry-run').click();
    await page.locator('[data-output="dry-run"] .day-line').waitFor();
    expect(named(s, 'automationsDryRun').map((c) => c.args)).toEqual([[{ date: '2026-11-30' }]]);
    expect(await page.locator('.day-line').textContent()).toBe('2026/11/30(月)営業日');
    const jobs = page.locator('article.job');
    expect(await jobs.locator('.job-label').allTextContents()).toEqual([
      '定期請求',
      '督促',
      '月次集計',
      '定期業務',
    ]);
    const recurring = page.locator('[data-job="recurring"]');
    expect(await recurring.locator('.actions-list li').count()).toBe(2);
    expect(await recurring.textContent()).toContain('請求書を2件作成');
    expect(await page.locator('[data-job="reminders"]').textContent()).toContain(
      'この日に行う処理はありません',
    );
    const routines = page.locator('[data-job="routines"]');
    expect(await routines.locator('.job-problems').textContent()).toContain(
      '定期業務 3行目: 繰り返しを読み取れません',
    );

    state.dryRun = (date) => ({
      date,
      businessDay: false,
      holiday: '勤労感謝の日',
      jobs: DRY_RUN.jobs.map((j) => ({ ...j, actions: [], problems: [] })),
    });
    await page.locator('#dry-run-date').fill('2026-11-23');
    await button(page, 'dry-run').click();
    await page.locator('.day-line[data-day="2026-11-23"]').waitFor();
    expect(await page.locator('.day-line').textContent()).toBe(
      '2026/11/23(月)休業日(勤労感謝の日)',
    );
    expect(await page.locator('article.job').count()).toBe(0);
    expect(await page.locator('[data-output="dry-run"] [data-empty]').textContent()).toContain(
      'この日に行う処理はありません',
    );

    // A date that is not one is refused before any call.
    await page.locator('#dry-run-date').fill('');
    await button(page, 'dry-run').click();
    expect(await page.locator('#dry-run-issue').textContent()).toBe('日付を選んでください');
    expect(named(s, 'automationsDryRun')).toHaveLength(2);
  });

  test('今すぐ実行: confirm that it really runs, then the runs and the refreshed log', async () => {
    const { state, handler } = fakeServer(on(6));
    const answer = held(() => {
      state.status = { ...state.status, recentRuns: [run({ day: '2026-11-24' }), ...RUNS] };
      return {
        runs: [run({ day: '2026-11-24' }), run({ day: '2026-11-24', result: 'エラー', count: 0 })],
        message: text('2026-11-24 の処理を実行しました', 'Ran the jobs for 2026-11-24'),
      };
    });
    state.runNow = () => answer.promise;
    const s = await open(handler);
    const { page } = s;
    expect(await page.locator('[data-section="recent"] li.run').count()).toBe(5);
    await button(page, 'run-now').click();
    expect(await page.locator('[data-confirm="run-now"]').textContent()).toContain(
      'ドライランではありません',
    );
    await button(page, 'cancel-run-now').click();
    expect(named(s, 'automationsRunNow')).toEqual([]);
    expect(await button(page, 'run-now').isVisible()).toBe(true);

    await button(page, 'run-now').click();
    await button(page, 'confirm-run-now').click();
    await waitFor(() => named(s, 'automationsRunNow').length === 1, 'automationsRunNow');
    expect(await button(page, 'confirm-run-now').isDisabled()).toBe(true);
    expect(await button(page, 'dry-run').isDisabled()).toBe(true);
    answer.release();
    await page.locator('[data-output="run-now"] [data-report]').waitFor();
    expect(await page.locator('[data-output="run-now"] [data-report]').textContent()).toContain(
      '2026-11-24 の処理を実行しました',
    );
    const runs = page.locator('[data-output="run-now"] li.run');
    expect(await runs.count()).toBe(2);
    expect(await runs.nth(1).getAttribute('data-result')).toBe('エラー');
    // The log is read again after the run.
    await waitFor(() => named(s, 'automationsStatus').length === 2, 'the refresh');
    await page.locator('[data-section="recent"] li.run').nth(5).waitFor();
    expect(await page.locator('[data-confirm="run-now"]').textContent()).toBe('');
    expect(await button(page, 'run-now').isDisabled()).toBe(false);
  });

  test('recent runs: day, job, coloured result, count, message; refresh reads again', async () => {
    const { state, handler } = fakeServer(on(6));
    const s = await open(handler);
    const { page } = s;
    const rows = page.locator('[data-section="recent"] li.run');
    expect(await rows.count()).toBe(5);
    expect(await rows.nth(0).locator('.run-day').textContent()).toBe('2026/11/30(月)');
    expect(await rows.nth(0).locator('.run-job').textContent()).toBe('定期請求');
    expect(await rows.nth(0).locator('.run-count').textContent()).toBe('2件');
    // One line per line of the message.
    expect(await rows.nth(0).locator('.run-message .lines > div').allTextContents()).toEqual([
      '売上明細に2行を追加しました',
      '2件の請求書を作成しました',
    ]);
    expect(await rows.locator('.badge.result').allTextContents()).toEqual([
      '成功',
      '一部エラー',
      'エラー',
      '中断',
      'スキップ',
    ]);
    // A skip says why.
    expect(await rows.nth(4).locator('.run-message').textContent()).toBe(
      '本日分は実行済みのためスキップしました(重複した起動)',
    );
    const colours = await page.evaluate(
      `Array.from(document.querySelectorAll('[data-section="recent"] .badge.result'), (e) => getComputedStyle(e).color)`,
    );
    expect(colours).toEqual([
      'rgb(24, 128, 56)',
      'rgb(176, 96, 0)',
      'rgb(217, 48, 37)',
      'rgb(176, 96, 0)',
      'rgb(95, 99, 104)',
    ]);

    state.status = { ...state.status, recentRuns: [run({ day: '2026-12-01' })] };
    await button(page, 'refresh').click();
    await page.locator('[data-section="recent"] li.run .run-day').getByText('2026/12/01').waitFor();
    expect(await rows.count()).toBe(1);
  });

  test('failures show the server message, never a stack; the buttons come back', async () => {
    const { state, handler } = fakeServer();
    state.load = () => {
      throw new Error('スプレッドシートを開けませんでした');
    };
    const s = await open(handler);
    const { page } = s;
    const notice = page.locator('main .notice.error');
    expect(await notice.locator(':scope > div').allTextContents()).toEqual([
      '自動化の状態を読み込めませんでした',
      'スプレッドシートを開けませんでした',
    ]);
    expect(await notice.textContent()).not.toMatch(/\bat \w|Error:/);

    state.load = () => state.status;
    await button(page, 'retry').click();
    await page.locator('[data-section="status"]').waitFor();

    state.install = () => {
      throw new Error('入力内容が正しくありません');
    };
    await button(page, 'install').click();
    await page.locator('[data-notice="status"] .notice.error').waitFor();
    expect(
      await page.locator('[data-notice="status"] .notice.error > div').allTextContents(),
    ).toEqual(['自動化をオンにできませんでした', '入力内容が正しくありません']);
    expect(await button(page, 'install').isDisabled()).toBe(false);

    state.dryRun = () => {
      throw new Error('他の処理が実行中です');
    };
    await button(page, 'dry-run').click();
    await page.locator('[data-output="dry-run"] .notice.error').waitFor();
    expect(
      await page.locator('[data-output="dry-run"] .notice.error > div').allTextContents(),
    ).toEqual(['確認できませんでした', '他の処理が実行中です']);
    state.runNow = () => {
      throw new Error('Exceeded maximum execution time');
    };
    await button(page, 'run-now').click();
    await button(page, 'confirm-run-now').click();
    await page.locator('[data-output="run-now"] .notice.error').waitFor();
    expect(await page.locator('[data-output="run-now"]').textContent()).toContain(
      'Exceeded maximum execution time',
    );
    expect(await button(page, 'run-now').isDisabled()).toBe(false);
    expect(named(s, 'automationsStatus')).toHaveLength(2);
  });

  test('hostile strings from the workbook and the server stay text', async () => {
    const hostile = on(6, {
      owner: HOSTILE,
      currentUser: 'staff@example.com',
      health: same(HOSTILE),
      recentRuns: [run({ job: HOSTILE, message: HOSTILE, result: HOSTILE, day: HOSTILE })],
    });
    const { state, handler } = fakeServer(hostile);
    state.dryRun = (date) => ({
      date,
      businessDay: false,
      holiday: HOSTILE,
      jobs: [
        {
          job: 'routines',
          label: same(HOSTILE),
          actions: [same(HOSTILE)],
          problems: [same(HOSTILE)],
        },
      ],
    });
    const s = await open(handler);
    const { page } = s;
    expect(await page.locator('[data-owner]').textContent()).toContain(HOSTILE);
    const row = page.locator('[data-section="recent"] li.run');
    expect(await row.locator('.run-job').textContent()).toBe(HOSTILE);
    expect(await row.locator('.badge.result').textContent()).toBe(HOSTILE);
    await button(page, 'dry-run').click();
    await page.locator('article.job').waitFor();
    expect(await page.locator('article.job .job-label').textContent()).toBe(HOSTILE);
    expect(await page.locator('article.job .actions-list li').textContent()).toBe(HOSTILE);
    expect(await page.locator('.day-line').textContent()).toContain(HOSTILE);
    expect(await page.locator('img').count()).toBe(0);
    expect(s.errors).toEqual([]);
  });

  test('in English only when the server says English', async () => {
    // The 実行ログ written in English too; its 結果 column keeps the workbook's words.
    const english = on(6, {
      lang: 'en',
      recentRuns: [run({ job: 'Recurring invoices', message: 'Created 2 invoices' })],
    });
    const { page } = await open(fakeServer(english).handler);
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Automations');
    expect(await page.locator('[data-state]').textContent()).toBe('On');
    expect(await fact(page, 'hour').textContent()).toBe('Daily, 6:00–6:59');
    expect(await page.locator('[data-owner]').textContent()).toBe(
      `This trigger runs under ${OWNER}'s account`,
    );
    expect(await page.locator('[data-health]').textContent()).toBe(
      'Automations are running normally',
    );
    expect(await button(page, 'uninstall').textContent()).toBe('Turn automations off');
    expect(await page.locator('[data-section="recent"] .badge.result').first().textContent()).toBe(
      'Success',
    );
    // No Japanese twin anywhere, not even as a tooltip; the 設定 sheet keeps its name.
    expect(japaneseLines(await shownText(page.locator('body')), ['設定'])).toEqual([]);
    expect(await page.locator('[title]').count()).toBe(0);
  });

  test('English before the server answers when the browser prefers English', async () => {
    const page = await suite.browser.context.newPage();
    await page.addInitScript({
      content: "Object.defineProperty(navigator, 'languages', { get: () => ['en-US', 'en'] });",
    });
    await page.goto(pathToFileURL(`${DIST}/sidebar-automations.html`).href);
    // No google.script.run here: the loading failure is shown in English.
    await page.locator('.notice.error').waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    expect(await page.locator('.notice.error > div').first().textContent()).toBe(
      'Could not load the automations',
    );
    expect(japaneseLines(await shownText(page.locator('body')))).toEqual([]);
    await page.close();
  });

  test('screenshots at 300 px', async () => {
    const { page } = await open(fakeServer(on(6, { continuing: true })).handler);
    await page.locator('#dry-run-date').fill('2026-11-30');
    await button(page, 'dry-run').click();
    await page.locator('article.job').first().waitFor();
    await page.setViewportSize({ width: 300, height: 1700 });
    const shot = tempFile('automations-on.png');
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
  });
});
