/**
 * The playground page in chromium, driven as a person would: the demo workbook in the grid, the
 * Pokke menu under 拡張機能, the real settings sidebar saving through google.script.run into the
 * 設定 sheet, the clock, the run log, reset. A screenshot goes to the OS temp folder.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../playground/server';
import { type Browser, launchChromium, tempFile } from './support/chromium';

let server: RunningServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const offMachine: string[] = [];

/** The grid cell under `header` in the row whose first column reads `key`. */
async function cellByKey(key: string, header: string): Promise<string> {
  const headers = await page.locator('table.grid tbody tr[data-row="1"] td').allTextContents();
  const column = headers.findIndex((h) => h.trim() === header);
  const row = page.locator('table.grid tbody tr', {
    has: page.locator('td:first-of-type', { hasText: key }),
  });
  return (await row.first().locator('td').nth(column).textContent()) ?? '';
}

/** Reads until the value is `want` (or 10 s pass) and returns the last value read. */
async function eventually<T>(read: () => Promise<T>, want: T | RegExp): Promise<T> {
  const ok = (v: T) =>
    want instanceof RegExp ? want.test(String(v)) : JSON.stringify(v) === JSON.stringify(want);
  const until = Date.now() + 10_000;
  let value = await read();
  while (!ok(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

const sidebar = (): FrameLocator => page.frameLocator('#sidebar-frame');
const sidebarInput = (key: string) =>
  sidebar().locator(`[data-field="${key}"]`).locator('input, select');

beforeAll(async () => {
  server = await startServer({ port: 0 });
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1440, height: 900 });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Nothing may leave the machine: no CDN, no fonts, no analytics.
  await page.context().route(/^(https?|wss?):/, (route) => {
    const url = route.request().url();
    if (url.startsWith(server.url)) return route.continue();
    offMachine.push(url);
    return route.abort();
  });
  await page.goto(server.url);
  await page.locator('table.grid').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the demo workbook shows as Sheets would: tabs, bold frozen header, display values, dropdowns', async () => {
  expect(await page.locator('#doc-title').textContent()).toBe(
    'ぽっけ商店 業務ブック / Pokke demo workbook',
  );
  expect(await page.locator('.sheet-tab').allTextContents()).toEqual([
    '設定',
    '取引先',
    '売上明細',
    '請求書',
    '実行ログ',
  ]);
  await page.getByRole('tab', { name: '売上明細' }).click();
  const grid = page.locator('table.grid[data-sheet="売上明細"]');
  await grid.waitFor();
  const header = grid.locator('tr[data-row="1"]');
  expect(await header.getAttribute('class')).toContain('frozen');
  expect(await header.locator('td').first().textContent()).toBe('日付');
  expect(await header.locator('td.bold').count()).toBeGreaterThan(5);
  expect(await grid.locator('td[data-cell="A2"]').textContent()).toBe('2026/11/02');
  expect(await grid.locator('td[data-cell="F2"]').textContent()).toBe('55,000');
  expect(await grid.locator('td[data-cell="F2"]').getAttribute('class')).toContain('num');
  expect(await grid.locator('td[data-cell="G3"]').textContent()).toBe('8%▾');
  expect(await grid.locator('td[data-cell="G3"]').getAttribute('class')).toContain('dropdown');
  // The log starts with the spreadsheet opening; the calls panel counts onOpen's calls.
  expect(await page.locator('#runs tr.run td:nth-child(2)').allTextContents()).toEqual(['onOpen']);
  expect(Number(await page.locator('#calls-total').textContent())).toBeGreaterThan(0);
});

test('Pokke menu → Settings opens the real sidebar; saving changes the 設定 sheet', async () => {
  await page.getByRole('button', { name: /拡張機能/ }).click();
  await page.getByRole('menuitem', { name: '設定 / Settings' }).click();
  await page.locator('#sidebar').waitFor();
  expect(await page.locator('#sidebar-title').textContent()).toBe('設定 / Settings');
  const box = await page.locator('#sidebar-frame').boundingBox();
  expect(box?.width).toBe(300);
  const company = sidebarInput('companyName');
  await company.waitFor();
  expect(await company.inputValue()).toBe('株式会社ぽっけ商店');
  expect(await sidebarInput('postalCode').inputValue()).toBe('150-0001');

  await company.fill('株式会社ぽっけ商店 東京本店');
  await sidebar().locator('footer button[type="submit"]').click();
  await sidebar().locator('footer .status').getByText('保存しました').waitFor();

  await page.getByRole('tab', { name: '設定' }).click();
  await page.locator('table.grid[data-sheet="設定"]').waitFor();
  expect(
    await eventually(() => cellByKey('companyName', '値'), '株式会社ぽっけ商店 東京本店'),
  ).toBe('株式会社ぽっけ商店 東京本店');
  const names = await page.locator('#runs tr.run td:nth-child(2)').allTextContents();
  expect(names.slice(0, 3)).toEqual(['settingsSave', 'settingsLoad', 'showSettingsSidebar']);
  expect(await page.locator('#runs tr.run.failed').count()).toBe(0);

  // Closing it with its X, then opening it again from the menu.
  await page.getByRole('button', { name: '閉じる / Close' }).click();
  expect(await page.locator('#sidebar').isHidden()).toBe(true);
  await page.getByRole('button', { name: /拡張機能/ }).click();
  await page.getByRole('menuitem', { name: '設定 / Settings' }).click();
  await sidebarInput('companyName').waitFor();
  expect(await sidebarInput('companyName').inputValue()).toBe('株式会社ぽっけ商店 東京本店');
});

test('the clock moves to month end in Tokyo time', async () => {
  expect(await page.locator('#clock-now').textContent()).toMatch(/^2026\/11\/24\(火\) 09:00$/);
  await page.getByRole('button', { name: /月末へ/ }).click();
  expect(
    await eventually(() => page.locator('#clock-now').textContent(), /^2026\/11\/30\(月\) 09:00$/),
  ).toMatch(/^2026\/11\/30\(月\) 09:00$/);
  await page.getByRole('button', { name: /\+1日/ }).click();
  expect(
    await eventually(() => page.locator('#clock-now').textContent(), /^2026\/12\/01\(火\) 09:00$/),
  ).toMatch(/^2026\/12\/01\(火\) 09:00$/);
  await page.getByRole('button', { name: /トリガーを実行/ }).click();
  await page.locator('.toast').getByText('実行するトリガーはありませんでした').first().waitFor();
  await page.locator('#clock-input').fill('2026-12-25T18:30');
  await page.getByRole('button', { name: /^設定 Set$/ }).click();
  expect(
    await eventually(() => page.locator('#clock-now').textContent(), '2026/12/25(金) 18:30'),
  ).toBe('2026/12/25(金) 18:30');
});

test('Gmail, Calendar and the outbox say honestly that there is nothing yet', async () => {
  for (const pane of ['gmail', 'calendar', 'outbox']) {
    await page.locator(`.app-tab[data-app="${pane}"]`).click();
    const shown = page.locator(`[data-app-pane="${pane}"]`);
    expect(await shown.isVisible()).toBe(true);
    expect(await shown.textContent()).toContain('まだありません');
    expect(await shown.textContent()).toContain('Nothing yet');
  }
  await page.locator('.app-tab[data-app="sheets"]').click();
});

test('a screenshot shows the page with Japanese text rendered', async () => {
  await page.getByRole('tab', { name: '売上明細' }).click();
  const path = tempFile('playground.png');
  await page.screenshot({ path });
  console.log(`playground screenshot: ${path}`);
  // Japanese renders as glyphs, not as boxes: two different kanji draw differently in the
  // page's font (without fonts-noto-cjk both would be the same "tofu" box).
  const glyphs = await page.evaluate(`(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 48;
    canvas.height = 48;
    const g = canvas.getContext('2d');
    g.font = '32px ' + getComputedStyle(document.body).fontFamily;
    const draw = (ch) => {
      g.clearRect(0, 0, 48, 48);
      g.fillText(ch, 4, 38);
      return Array.from(g.getImageData(0, 0, 48, 48).data).join(',');
    };
    const a = draw('請');
    return { differ: a !== draw('求'), inked: /[1-9]/.test(a) };
  })()`);
  expect(glyphs).toEqual({ differ: true, inked: true });
});

test('reset brings the demo back', async () => {
  await page.getByRole('button', { name: /デモに戻す/ }).click();
  expect(
    await eventually(
      () => page.locator('#runs tr.run td:nth-child(2)').allTextContents(),
      ['onOpen'],
    ),
  ).toEqual(['onOpen']);
  expect(await page.locator('#sidebar').isHidden()).toBe(true);
  await page.getByRole('tab', { name: '設定' }).click();
  expect(await eventually(() => cellByKey('companyName', '値'), '株式会社ぽっけ商店')).toBe(
    '株式会社ぽっけ商店',
  );
  expect(await page.locator('#clock-now').textContent()).toBe('2026/11/24(火) 09:00');
});

test('no page errors, nothing fetched from the network', () => {
  expect(errors).toEqual([]);
  expect(offMachine).toEqual([]);
});
