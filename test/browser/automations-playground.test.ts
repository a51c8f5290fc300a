/**
 * The month-end of the demo company through the playground page, driven as a person would with
 * the real bundle: 拡張機能 → 自動化 opens the automations sidebar, a dry run of the last
 * business day, 自動化をオンにする, the clock jumps to the last business day, the due triggers
 * fire — then the 実行ログ sheet, the 請求書, タスク and 月次集計 sheets, the Outbox and the sidebar's
 * recent runs all show what the daily runs did. Screenshots go to the OS temp folder.
 */
import type { Page } from 'playwright-core';
import { tempFile } from './support/chromium';
import {
  eventually,
  gridRecords,
  openPlayground,
  type PlaygroundPage,
} from './support/playground-page';

jest.setTimeout(120_000);

let playground: PlaygroundPage;
let page: Page;

beforeAll(async () => {
  playground = await openPlayground();
  page = playground.page;
});

afterAll(async () => {
  await playground?.close();
});

const records = (sheet: string) => gridRecords(page, sheet);

afterEach(() => {
  expect(playground.errors).toEqual([]);
  expect(playground.offMachine).toEqual([]);
});

test('拡張機能 → 自動化 opens the automations sidebar: off, 6時台 preselected', async () => {
  await playground.openSidebar('自動化');
  expect(await page.locator('#sidebar-title').textContent()).toBe('自動化');
  expect((await page.locator('#sidebar-frame').boundingBox())?.width).toBe(300);
  const frame = playground.sidebar();
  await frame.locator('[data-state]').waitFor();
  expect(await frame.locator('[data-state]').textContent()).toBe('オフ');
  expect(await frame.locator('#hour').inputValue()).toBe('6');
  expect(await frame.locator('[data-section="recent"]').textContent()).toContain(
    '実行ログはまだありません',
  );
});

test('a dry run of the last business day lists the jobs and writes nothing', async () => {
  const frame = playground.sidebar();
  const callsBefore = await page.locator('#runs tr.run').count();
  await frame.locator('#dry-run-date').fill('2026-11-30');
  await frame.locator('button[data-action="dry-run"]').click();
  await frame.locator('.day-line[data-day="2026-11-30"]').waitFor();
  expect(await frame.locator('.day-line').textContent()).toBe('2026/11/30(月)営業日');
  expect(await frame.locator('[data-job="recurring"]').textContent()).toContain(
    'SNS運用代行(月額)',
  );
  expect(await frame.locator('[data-job="routines"]').textContent()).toContain(
    '請求書の下書きを確認して送信',
  );
  expect(await eventually(() => page.locator('#runs tr.run').count(), callsBefore + 1)).toBe(
    callsBefore + 1,
  );
  expect(await records('請求書')).toEqual([]);
});

test('自動化をオンにする: on at 6時台 under the demo owner', async () => {
  const frame = playground.sidebar();
  await frame.locator('button[data-action="install"]').click();
  await frame.locator('[data-state="on"]').waitFor();
  expect(await frame.locator('[data-fact="hour"] dd').textContent()).toBe('毎日 6時台');
  expect(await frame.locator('[data-owner]').textContent()).toBe(
    'このトリガーは owner@example.com のアカウントで動きます',
  );
  expect(await frame.locator('[data-fact="next-run"] dd').textContent()).toBe(
    '2026/11/25(水) 6時台',
  );
  // The playground lists the trigger the bundle created.
  expect(
    await eventually(() => page.locator('#trigger-summary').textContent(), /トリガー 1 件/),
  ).toMatch(/トリガー 1 件/);
});

test('月末営業日へ, then トリガーを実行: a run per day up to the month end', async () => {
  await page.getByRole('button', { name: /月末営業日へ/ }).click();
  expect(
    await eventually(() => page.locator('#clock-now').textContent(), /^2026\/11\/30\(月\) 09:00$/),
  ).toMatch(/^2026\/11\/30\(月\) 09:00$/);
  await page.getByRole('button', { name: /トリガーを実行/ }).click();
  await page.locator('.toast').getByText('トリガーを 6 回実行しました').first().waitFor();
  const names = await page.locator('#runs tr.run td:nth-child(2)').allTextContents();
  expect(names.slice(0, 6)).toEqual(Array(6).fill('dailyDispatch'));
  expect(await page.locator('#runs tr.run.failed').count()).toBe(0);
});

test('the 実行ログ sheet has a row per job of each day, all 成功', async () => {
  const log = await records('実行ログ');
  expect(log.length).toBeGreaterThanOrEqual(6);
  expect(log.every((r) => r['結果'] === '成功')).toBe(true);
  expect(new Set(log.map((r) => r['対象日']))).toEqual(
    new Set(['2026/11/25', '2026/11/26', '2026/11/27', '2026/11/28', '2026/11/29', '2026/11/30']),
  );
  const monthEnd = log.filter((r) => r['対象日'] === '2026/11/30').map((r) => r['処理']);
  expect(monthEnd).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^定期請求/),
      expect.stringMatching(/^定期業務/),
      expect.stringMatching(/^月次集計/),
    ]),
  );
});

test('the recurring invoices, the routine tasks and the Outbox show the month end', async () => {
  const invoices = await records('請求書');
  expect(invoices.map((i) => i['取引先']).sort()).toEqual(
    ['Blue Harbor Studio', '合同会社みなと企画'].sort(),
  );
  for (const i of invoices) {
    expect(i['請求書番号']).toMatch(/^2026-11-\d{4}$/);
    expect(i['発行日']).toBe('2026/11/30');
  }
  const tasks = await records('タスク');
  expect(tasks.map((t) => [t['タイトル'], t['期限']])).toEqual(
    expect.arrayContaining([['請求書の下書きを確認して送信', '2026/11/30']]),
  );

  await page.locator('.app-tab[data-app="outbox"]').click();
  const outbox = page.locator('[data-app-pane="outbox"]');
  expect(await eventually(() => outbox.locator('article.mail.draft').count(), 2)).toBe(2);
  expect(await outbox.locator('article.mail.sent .mail-subject').allTextContents()).toEqual([
    '【Pokke】2026-11 月次集計',
  ]);
  expect(await outbox.locator('tr.drive-file').count()).toBe(2);
  await page.locator('.app-tab[data-app="sheets"]').click();
});

test('the 月次集計 sheet tab shows the summary of November, written once', async () => {
  const rows = await records('月次集計');
  expect(
    await page.getByRole('tab', { name: '月次集計', exact: true }).getAttribute('aria-selected'),
  ).toBe('true');
  expect(rows.length).toBeGreaterThan(5);
  expect(new Set(rows.map((r) => r['月']))).toEqual(new Set(['2026-11']));
  const keys = rows.map((r) => `${r['区分']}|${r['項目']}`);
  expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  expect(rows.find((r) => r['区分'] === '経費(科目別)' && r['項目'] === '通信費')).toMatchObject({
    金額: '5,280',
    件数: '1',
  });
  // The owner's mail is recorded with the figures (so a retry never mails twice).
  expect(rows.find((r) => r['区分'] === '通知')).toMatchObject({ 項目: 'メール送信', 件数: '1' });
});

test('the sidebar’s 更新 shows the runs; screenshots of the page and the sidebar', async () => {
  const frame = playground.sidebar();
  await frame.locator('button[data-action="refresh"]').click();
  const runs = frame.locator('[data-section="recent"] li.run');
  await runs.first().waitFor();
  expect(await runs.first().locator('.run-day').textContent()).toBe('2026/11/30(月)');
  expect(await runs.locator('.badge.result').allTextContents()).toContain('成功');
  expect(await frame.locator('[data-fact="last-success"] dd').textContent()).toMatch(
    /^2026\/11\/30\(月\) 06:\d\d$/,
  );
  expect(await frame.locator('[data-health]').textContent()).toContain(
    '自動化は正常に動いています',
  );

  await page.getByRole('tab', { name: '実行ログ', exact: true }).click();
  await page.setViewportSize({ width: 1440, height: 1200 });
  const shot = tempFile('playground-automations.png');
  await page.screenshot({ path: shot });
  const side = tempFile('playground-automations-sidebar.png');
  await page.locator('#sidebar').screenshot({ path: side });
  console.log(`screenshots: ${shot} ${side}`);
  await page.setViewportSize({ width: 1440, height: 900 });
});
