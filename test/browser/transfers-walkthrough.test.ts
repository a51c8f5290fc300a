/**
 * Issue 16's Done-when, walked through the playground as the owner would: the 振込 sidebar
 * reviews the demo payables (bank and branch names, withholding, total), refuses a holiday with
 * the next business day, creates the file, the outbox shows it in Drive with its records
 * readable, the rows are marked, and a second run offers nothing to pay.
 */
import type { FrameLocator, Page } from 'playwright-core';
import {
  clickMenuItem,
  gridRecords,
  openPlayground,
  type PlaygroundPage,
} from './support/playground-page';

jest.setTimeout(120_000);

let playground: PlaygroundPage;
let page: Page;
let frame: FrameLocator;

beforeAll(async () => {
  playground = await openPlayground();
  page = playground.page;
});

afterAll(async () => {
  expect(playground.errors).toEqual([]);
  expect(playground.offMachine).toEqual([]);
  await playground?.close();
});

const review = async () => {
  await frame.locator('button[data-action="preview"]').click();
  await frame.locator('[data-section="to-pay"]').waitFor();
};

describe('paying the demo payables by a transfer file', () => {
  test('the sidebar proposes the next business day and refuses a holiday', async () => {
    // 拡張機能 → Pokke → 振込.
    const item = page.locator('.menu-item[data-function="showTransfersSidebar"]');
    expect(await item.textContent()).toBe('振込');
    await clickMenuItem(page, item);
    await page.locator('#sidebar').waitFor();
    frame = playground.sidebar();
    await frame.locator('#transfer-date').waitFor();
    // The demo's clock is Tuesday 2026-11-24: the next business day is the 25th.
    expect(await frame.locator('#transfer-date').inputValue()).toBe('2026-11-25');
    await frame.locator('#transfer-date').fill('2026-11-29');
    await review();
    const problem = frame.locator('[data-date-problem]');
    expect(await problem.textContent()).toContain('日曜日で銀行が休みです');
    expect(await frame.locator('button[data-action="create"]').isHidden()).toBe(true);
    await problem.locator('button[data-action="use-suggestion"]').click();
    await frame.locator('[data-section="to-pay"]').waitFor();
    expect(await frame.locator('#transfer-date').inputValue()).toBe('2026-11-30');
    await frame.locator('#transfer-date').fill('2026-11-25');
    await review();
  });

  test('the review shows each payee with the bank names, the withholding and the total', async () => {
    const payees = frame.locator('.payee');
    expect(await payees.count()).toBe(3);
    expect(await payees.locator('[data-bank]').allTextContents()).toEqual([
      '三井住友 新宿 (0009-221) 普通 1111111',
      'みずほ 大阪 (0001-440) 当座 2222222',
      'りそな 横浜 (0010-709) 普通 3333333',
    ]);
    const designer = payees.first();
    expect(await designer.locator('.figure.withholding dd').textContent()).toBe('−¥11,231');
    expect(await designer.locator('[data-transfer]').textContent()).toBe('¥98,769');
    expect(await frame.locator('[data-total]').textContent()).toBe('¥496,569');
    expect(await frame.locator('[data-month-withholding]').textContent()).toBe(
      '2026年11月の源泉所得税 ¥11,231(納付期限 2026/12/10)',
    );
    expect(await frame.locator('[data-from]').textContent()).toBe('振込元: 三菱ＵＦＪ 渋谷');
  });

  test('creating makes the file in Drive and marks the rows', async () => {
    await frame.locator('button[data-action="create"]').click();
    const created = frame.locator('[data-created="furikomi_20261125.txt"]');
    await created.waitFor();
    expect(await created.textContent()).toContain('3件 496,569円、源泉所得税 11,231円');
    const rows = await gridRecords(page, '支払予定');
    expect(rows.map((r) => [r.状態, r.振込ファイル])).toEqual(
      Array(3).fill(['振込データ作成済', 'furikomi_20261125.txt']),
    );
  });

  test('the outbox shows the file with its records readable', async () => {
    await page.locator('.app-tab[data-app="outbox"]').click();
    const outbox = page.locator('[data-app-pane="outbox"]');
    const file = outbox.locator('tr.drive-file', { hasText: 'furikomi_20261125.txt' });
    expect(await file.locator('.path').textContent()).toBe(
      'Pokke/振込/2026/11/furikomi_20261125.txt',
    );
    expect(await file.locator('.num').textContent()).toBe(`${6 * 122} B`);
    const lines = (await outbox.locator('pre.file-lines').textContent())!.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.length === 120)).toBe(true);
    expect(lines[0]!.startsWith('12101234567890ｶ)ﾎﾟﾂｹｼﾖｳﾃﾝ')).toBe(true);
    expect(lines[1]!.slice(50, 80).trim()).toBe('ｻｻｷ ﾐｻｷ');
    expect(lines[1]!.slice(80, 90)).toBe('0000098769');
    expect(lines[4]!.slice(0, 19)).toBe('8000003000000496569');
  });

  test('a second run offers nothing to pay, and lists the file with its undo', async () => {
    // The sidebar reviewed again after creating: nothing is left.
    await frame.locator('[data-nothing]').waitFor();
    expect(await frame.locator('.payee').count()).toBe(0);
    expect(await frame.locator('button[data-action="create"]').isHidden()).toBe(true);
    await review();
    expect(await frame.locator('[data-nothing]').textContent()).toBe('振込する支払はありません');
    expect(await frame.locator('[data-made="furikomi_20261125.txt"]').textContent()).toContain(
      '3件',
    );
  });
});
