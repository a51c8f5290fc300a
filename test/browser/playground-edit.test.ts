/**
 * The README's flows tried in the playground page as a newcomer would: a sales line typed into
 * the grid, the month issued from the 請求書 sidebar, an invoice voided with 取消, a payment
 * recorded, the workbook downloaded as .xlsx and read back by `npm run simulate` (which bills
 * the voided invoice's lines again). Then: reset asks first; the automations sidebar refreshes
 * itself after the clock fires triggers; the page at 390 px. Screenshots go to the OS temp folder.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readXlsxFile } from '../../playground/xlsx';
import { cli } from '../playground/support/cli';
import { tempFile } from './support/chromium';
import {
  eventually,
  openPlayground,
  type PlaygroundPage,
  shownText,
} from './support/playground-page';

jest.setTimeout(120_000);

let playground: PlaygroundPage;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'pokke-playground-edit-'));
let downloaded = '';

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

async function showSheet(name: string): Promise<void> {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator(`table.grid[data-sheet="${name}"]`).waitFor();
}

/** The A1 address of the cell under `header` in `row`. */
async function address(header: string, row: number): Promise<string> {
  const headers = await page.locator('table.grid tbody tr[data-row="1"] td').allTextContents();
  const column = headers.findIndex((h) => h.replace('▾', '').trim() === header);
  if (column < 0) throw new Error(`no column ${header}`);
  return `${String.fromCharCode(65 + column)}${row}`;
}

const cellText = async (a1: string) =>
  (await page.locator(`td[data-cell="${a1}"] .v`).textContent()) ?? '';

/** Double-click, type into the cell's editor, Enter; waits for the grid to show `shown`. */
async function typeInto(a1: string, text: string, shown = text): Promise<void> {
  await page.locator(`td[data-cell="${a1}"]`).dblclick();
  const editor = page.locator(`td[data-cell="${a1}"] input.cell-editor`);
  await editor.fill(text);
  await editor.press('Enter');
  expect(await eventually(() => cellText(a1), shown)).toBe(shown);
}

/** The row (1-based) whose column `header` reads `value`. */
async function rowWhere(header: string, value: string): Promise<number> {
  const a1 = await address(header, 1);
  const column = a1.replace(/\d+$/, '');
  const cells = page.locator(`td[data-cell^="${column}"]`);
  const texts = await cells.allTextContents();
  const i = texts.findIndex((t) => t.replace('▾', '') === value);
  if (i < 0) throw new Error(`no ${header} = ${value}`);
  return Number((await cells.nth(i).getAttribute('data-cell'))?.slice(column.length));
}

test('a sales line typed into the grid: Sheets’ reading of typed input, the formula bar follows', async () => {
  await showSheet('売上明細');
  const row =
    (await page
      .locator('table.grid tbody tr[data-row]')
      .evaluateAll((trs) =>
        trs.findIndex(
          (tr, i) => i > 0 && [...tr.querySelectorAll('td .v')].every((v) => v.textContent === ''),
        ),
      )) + 1;
  expect(row).toBeGreaterThan(2);
  // Typing on a selected cell opens its editor (keys, as a person types a date).
  const date = await address('日付', row);
  await page.locator(`td[data-cell="${date}"]`).click();
  expect(await page.locator('#name-box').textContent()).toBe(date);
  await page.keyboard.type('2026-11-27');
  await page.keyboard.press('Enter');
  expect(await eventually(() => cellText(date), '2026/11/27')).toBe('2026/11/27');
  await typeInto(await address('取引先', row), '山田デザイン事務所');
  await typeInto(await address('品目', row), 'バナー追加制作');
  await typeInto(await address('数量', row), '2');
  await typeInto(await address('単位', row), '点');
  await typeInto(await address('単価', row), '15000', '15,000');
  await typeInto(await address('税率', row), '10%');
  await typeInto(await address('税込/税抜', row), '税抜');
  // The number is right-aligned; the formula bar shows what was typed, unformatted.
  const price = await address('単価', row);
  expect(await page.locator(`td[data-cell="${price}"]`).getAttribute('class')).toContain('num');
  await page.locator(`td[data-cell="${price}"]`).click();
  expect(await page.locator('#formula-input').inputValue()).toBe('15000');
  // A value the dropdown rejects is refused with the reason, and the cell keeps its value.
  const rate = await address('税率', row);
  await page.locator(`td[data-cell="${rate}"]`).dblclick();
  await page.locator(`td[data-cell="${rate}"] input.cell-editor`).fill('12%');
  await page.locator(`td[data-cell="${rate}"] input.cell-editor`).press('Enter');
  await page
    .locator('.toast.error')
    .getByText(new RegExp(`^${rate}: `))
    .first()
    .waitFor();
  expect(await cellText(rate)).toBe('10%');
  // Typing is the person's, not the script's: no execution in the run log.
  expect(await page.locator('#runs tr.run td:nth-child(2)').allTextContents()).toEqual(['onOpen']);
});

test('issued from the 請求書 sidebar, the typed line is billed on 山田デザイン事務所’s invoice', async () => {
  await page.locator('#clock-input').fill('2026-11-30T18:00');
  await page.getByRole('button', { name: '設定', exact: true }).click();
  expect(await eventually(() => page.locator('#clock-now').textContent(), /11\/30/)).toMatch(
    /11\/30/,
  );
  const frame = await playground.openSidebar('請求書');
  await frame.locator('#closing-date').fill('2026-11-30');
  await frame.locator('button[data-action="preview"]').click();
  await frame.locator('[data-section="to-issue"]').waitFor();
  expect(
    await frame.locator('article.invoice', { hasText: '山田デザイン事務所' }).textContent(),
  ).toContain('バナー追加制作');
  await frame.locator('footer button[data-action="issue"]').click();
  await frame.locator('footer button[data-action="confirm"]').click();
  await frame.locator('[data-report]').waitFor({ timeout: 30_000 });
  expect(await frame.locator('[data-report]').textContent()).toMatch(/^4件の請求書を作成しました/);
  await page.getByRole('button', { name: '閉じる', exact: true }).click();

  await showSheet('売上明細');
  const line = await rowWhere('品目', 'バナー追加制作');
  const number = await cellText(await address('請求書番号', line));
  expect(number).toMatch(/^2026-11-\d{4}$/);
  await showSheet('請求書');
  const invoice = await rowWhere('請求書番号', number);
  expect(await cellText(await address('取引先', invoice))).toBe('山田デザイン事務所');
});

test('voided with 取消 from the dropdown, a payment recorded with 入金日 and 入金済', async () => {
  await showSheet('請求書');
  const yamada = await rowWhere('取引先', '山田デザイン事務所');
  const status = await address('状態', yamada);
  // The ▾ opens the editor with the dropdown's choices.
  await page.locator(`td[data-cell="${status}"] .dd`).click();
  const editor = page.locator(`td[data-cell="${status}"] input.cell-editor`);
  const listId = await editor.getAttribute('list');
  expect(
    await page
      .locator(`datalist#${listId} option`)
      .evaluateAll((os) => os.map((o) => o.getAttribute('value'))),
  ).toEqual(['下書き', '送付済', '入金済', '取消']);
  await editor.fill('取消');
  await editor.press('Enter');
  expect(await eventually(() => cellText(status), '取消')).toBe('取消');

  const sakura = await rowWhere('取引先', '株式会社さくら食品');
  await typeInto(await address('入金日', sakura), '2026/12/10');
  await typeInto(await address('状態', sakura), '入金済');
});

test('the workbook downloads as .xlsx; simulate reads it and bills the voided lines again', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#download-xlsx').click(),
  ]);
  expect(download.suggestedFilename()).toBe('ぽっけ商店 業務ブック _ Pokke demo workbook.xlsx');
  downloaded = join(dir, 'playground.xlsx');
  await download.saveAs(downloaded);

  const out = join(dir, 'rebill');
  const run = await cli(
    'invoices',
    '--workbook',
    downloaded,
    '--now',
    '2026-11-30T18:30',
    '--out',
    out,
  );
  expect(run.err).toEqual([]);
  expect(run.code).toBe(0);
  const { workbook } = await readXlsxFile(join(out, 'workbook.xlsx'), 'Asia/Tokyo');
  const records = (name: string) => {
    const sheet = workbook.sheets.find((s) => s.name === name);
    const [head = [], ...rows] = (sheet?.values ?? []).map((r) => r ?? []);
    return rows
      .filter((r) => r.some((v) => v !== undefined && v !== ''))
      .map((r) => Object.fromEntries(head.map((h, i) => [String(h), r[i]])));
  };
  const invoices = records('請求書');
  const yamada = invoices.filter((i) => i['取引先'] === '山田デザイン事務所');
  expect(yamada.map((i) => i['状態'])).toEqual(['取消', '下書き']);
  const sakura = invoices.find((i) => i['取引先'] === '株式会社さくら食品');
  expect(sakura?.['状態']).toBe('入金済');
  expect(sakura?.['入金日']).toEqual(new Date('2026-12-09T15:00:00.000Z'));
  const line = records('売上明細').find((r) => r['品目'] === 'バナー追加制作');
  expect(line?.['請求書番号']).toBe(yamada[1]?.['請求書番号']);
  expect(line?.['単価']).toBe(15000);
});

test('reset asks first, naming what would be lost; Cancel keeps it, Reset brings the demo back', async () => {
  await page.getByRole('button', { name: /デモに戻す/ }).click();
  const dialog = page.locator('#confirm-layer [role="alertdialog"]');
  await dialog.waitFor();
  const question = await shownText(dialog);
  expect(question).toMatch(/実行 \d+ 件・セルの編集 11 件・時計の変更/);
  // In the account's language only.
  expect(question).not.toMatch(/Reset the playground|thrown away/);
  await dialog.getByRole('button', { name: /キャンセル/ }).click();
  expect(await page.locator('#confirm-layer').isHidden()).toBe(true);
  await showSheet('売上明細');
  expect(await page.locator('table.grid').textContent()).toContain('バナー追加制作');

  await page.getByRole('button', { name: /デモに戻す/ }).click();
  await dialog.getByRole('button', { name: /デモに戻す/ }).click();
  expect(
    await eventually(
      () => page.locator('#runs tr.run td:nth-child(2)').allTextContents(),
      ['onOpen'],
    ),
  ).toEqual(['onOpen']);
  expect(await page.locator('table.grid').textContent()).not.toContain('バナー追加制作');
  // Nothing done since: no question.
  await page.getByRole('button', { name: /デモに戻す/ }).click();
  expect(await page.locator('#confirm-layer').isHidden()).toBe(true);
});

test('the automations sidebar shows the runs the triggers made, without pressing 更新', async () => {
  const frame = await playground.openSidebar('自動化');
  await frame.locator('button[data-action="install"]').click();
  await frame.locator('[data-state="on"]').waitFor();
  expect(await frame.locator('[data-section="recent"]').textContent()).toContain(
    '実行ログはまだありません',
  );
  await page.getByRole('button', { name: /\+1日/ }).click();
  await page.getByRole('button', { name: /トリガーを実行/ }).click();
  await page.locator('.toast').getByText('トリガーを 1 回実行しました').first().waitFor();
  const runs = frame.locator('[data-section="recent"] li.run');
  await runs.first().waitFor();
  expect(await runs.first().locator('.run-day').textContent()).toBe('2026/11/25(水)');
  expect(await page.locator('#runs tr.run td:nth-child(2)').first().textContent()).toBe(
    'automationsStatus',
  );
});

test('at 390 px the header, the menu, the grid, the sidebar and the log do not overlap', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate('window.scrollTo(0, 0)');
  const box = async (selector: string) => {
    const b = await page.locator(selector).first().boundingBox();
    if (!b) throw new Error(`${selector} is not shown`);
    return b;
  };
  type Box = { x: number; y: number; width: number; height: number };
  const apart = (a: Box, b: Box) =>
    a.x + a.width <= b.x + 0.5 ||
    b.x + b.width <= a.x + 0.5 ||
    a.y + a.height <= b.y + 0.5 ||
    b.y + b.height <= a.y + 0.5;
  const within = (b: Box) => b.x >= 0 && b.x + b.width <= 390.5;
  // Nothing wider than the screen.
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  const pieces = [
    '.brand',
    '.apps',
    '#reset',
    '.clockbar',
    '.docbar',
    '#grid-scroll',
    '#sheet-tabs',
    '#sidebar',
    '.dock-panel.runs',
    '.dock-panel.calls',
  ];
  const boxes = await Promise.all(pieces.map(box));
  for (const [i, b] of boxes.entries()) expect([pieces[i], within(b)]).toEqual([pieces[i], true]);
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      expect([pieces[i], pieces[j], apart(boxes[i] as Box, boxes[j] as Box)]).toEqual([
        pieces[i],
        pieces[j],
        true,
      ]);
  for (const tab of await page.locator('.app-tab').all())
    expect(within((await tab.boundingBox()) as Box)).toBe(true);
  const top = tempFile('playground-390.png');
  await page.screenshot({ path: top });

  // The open menu drops below its button and stays on the screen.
  await page.getByRole('button', { name: /拡張機能/ }).click();
  const menu = await box('.menu-list:not([hidden])');
  const button = await box('.menu-top');
  expect(within(menu)).toBe(true);
  expect(menu.y).toBeGreaterThanOrEqual(button.y + button.height - 0.5);
  expect(apart(menu, button)).toBe(true);
  const withMenu = tempFile('playground-390-menu.png');
  await page.screenshot({ path: withMenu });
  await page.keyboard.press('Escape');
  await page.mouse.click(380, 5);

  await page.locator('#sidebar').scrollIntoViewIfNeeded();
  const sidebar = tempFile('playground-390-sidebar.png');
  await page.screenshot({ path: sidebar });
  console.log(`390 px screenshots: ${top} ${withMenu} ${sidebar}`);
  await page.setViewportSize({ width: 1440, height: 900 });
});
