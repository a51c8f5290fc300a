/**
 * The 経費 sidebar through the playground page with the real bundle and the demo company:
 * 拡張機能 → 経費 opens it; this month's totals by account and rate; the row with a text amount
 * and the row whose account Pokke suggests, with their messages; 行を確認 writes them into the
 * sheet; the 電帳法 search by amount range and by payee.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { tempFile } from './support/chromium';
import { gridRecords, openPlayground, type PlaygroundPage } from './support/playground-page';

jest.setTimeout(120_000);

let playground: PlaygroundPage;
let page: Page;
let frame: FrameLocator;

beforeAll(async () => {
  playground = await openPlayground();
  page = playground.page;
});

afterAll(async () => {
  await playground?.close();
});

afterEach(() => {
  expect(playground.errors).toEqual([]);
  expect(playground.offMachine).toEqual([]);
});

test('拡張機能 → 経費 opens the sidebar with November’s totals by account and rate', async () => {
  const menuItem = page.getByRole('button', { name: /拡張機能/ });
  await menuItem.click();
  const item = page.getByRole('menuitem', { name: /経費/ });
  await item.click();
  await page.locator('#sidebar').waitFor();
  frame = playground.sidebar();
  await frame.locator('[data-total]').waitFor();
  expect(await frame.locator('[data-section="totals"] h2').textContent()).toBe('今月の経費');
  expect(await frame.locator('#month').inputValue()).toBe('2026-11');
  expect(await frame.locator('[data-total] .amount').textContent()).toBe('¥15,156');
  expect(await frame.locator('tr[data-account="通信費"]').textContent()).toBe('通信費(1件)¥5,280');
  expect(await frame.locator('tr[data-rate="8%"]').textContent()).toBe('8%(1件)¥1,296¥96');
});

test('the rows needing attention: the text amount and the suggested account', async () => {
  const rows = frame.locator('ul.attention li');
  expect(await rows.count()).toBe(2);
  const bad = frame.locator('ul.attention li[data-row="7"]');
  expect(await bad.locator('.badge').textContent()).toBe('要確認');
  expect(await bad.locator('.message').textContent()).toBe(
    '金額(税込)「千五百円」: 金額として読み取れません(例: 3980、¥3,980、3,980円)',
  );
  const suggested = frame.locator('ul.attention li[data-row="8"]');
  expect(await suggested.locator('.badge').textContent()).toBe('科目提案');
  expect(await suggested.locator('.message').textContent()).toContain('勘定科目「消耗品費」');
});

test('行を確認 writes the messages and the suggestion into the 経費 sheet', async () => {
  await frame.locator('button[data-action="check"]').click();
  await frame.locator('.status .notice.success').waitFor();
  expect(await frame.locator('[data-total] .amount').textContent()).toBe('¥16,806');
  const rows = await gridRecords(page, '経費');
  expect(rows.find((r) => r['メモ'] === 'ボールペン・付箋')).toMatchObject({
    勘定科目: '消耗品費',
    状態: '科目提案',
  });
  expect(rows.find((r) => r['メモ'] === 'タクシー(金額を文字で入力)')?.['メッセージ']).toContain(
    '金額として読み取れません',
  );
});

test('the search by amount range, then by payee combined with it', async () => {
  await frame.locator('#search-min').fill('1,500');
  await frame.locator('#search-max').fill('3000');
  await frame.locator('button[data-action="search"]').click();
  await frame.locator('#hits .count').waitFor();
  const payees = () => frame.locator('ul.hits li .payee').allTextContents();
  expect(await payees()).toEqual(['東都交通', '文具のまるや']);
  await frame.locator('#search-payee').fill('まるや');
  await frame.locator('button[data-action="search"]').click();
  await frame.locator('#hits .count', { hasText: '1件' }).waitFor();
  expect(await payees()).toEqual(['文具のまるや']);
  expect(await frame.locator('ul.hits li .amount').allTextContents()).toEqual(['¥1,650']);
  await frame.locator('body').screenshot({ path: tempFile('expenses-sidebar.png') });
});
