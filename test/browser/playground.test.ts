/**
 * The playground page in chromium, driven as a person would: the demo workbook in the grid, the
 * Pokke menu under 拡張機能, the real settings sidebar saving through google.script.run into the
 * 設定 sheet, the clock, the run log, reset; then the month's invoices issued from the 請求書
 * sidebar, seen in the Outbox as drafts and PDFs (rendered for real) and downloaded as .eml.
 * Screenshots go to the OS temp folder.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { WORKBOOK } from '../../src/sheets/schema';
import { MENU_ITEMS } from '../../src/ui/menu';
import { header, isRealPdf, leafParts } from '../playground/support/mime';
import { DIST, tempFile } from './support/chromium';
import {
  eventually,
  openPlayground,
  type PlaygroundPage,
  shownText,
} from './support/playground-page';

let playground: PlaygroundPage;
let page: Page;

beforeAll(async () => {
  playground = await openPlayground();
  page = playground.page;
});

afterAll(async () => {
  await playground?.close();
});

/** The grid cell under `header` in the row whose first column reads `key`. */
async function cellByKey(key: string, header: string): Promise<string> {
  const headers = await page.locator('table.grid tbody tr[data-row="1"] td').allTextContents();
  const column = headers.findIndex((h) => h.trim() === header);
  const row = page.locator('table.grid tbody tr', {
    has: page.locator('td:first-of-type', { hasText: key }),
  });
  return (await row.first().locator('td').nth(column).textContent()) ?? '';
}

const sidebarInput = (key: string) =>
  playground.sidebar().locator(`[data-field="${key}"]`).locator('input, select');

test('the demo workbook shows as Sheets would: tabs, bold frozen header, display values, dropdowns', async () => {
  expect(await page.locator('#doc-title').textContent()).toBe(
    'ぽっけ商店 業務ブック / Pokke demo workbook',
  );
  expect(await page.locator('.sheet-tab').allTextContents()).toEqual(
    WORKBOOK.map((spec) => spec.name),
  );
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
  await page.getByRole('button', { name: '拡張機能', exact: true }).click();
  // The menu speaks the account's language only.
  expect(await page.getByRole('menuitem').allInnerTexts()).toEqual(
    MENU_ITEMS.map((item) => item.caption.ja),
  );
  await page.getByRole('button', { name: '拡張機能', exact: true }).click();
  await playground.openSidebar('設定');
  expect(await page.locator('#sidebar-title').textContent()).toBe('設定');
  const box = await page.locator('#sidebar-frame').boundingBox();
  expect(box?.width).toBe(300);
  const company = sidebarInput('companyName');
  await company.waitFor();
  expect(await company.inputValue()).toBe('株式会社ぽっけ商店');
  expect(await sidebarInput('postalCode').inputValue()).toBe('150-0001');

  await company.fill('株式会社ぽっけ商店 東京本店');
  await playground.sidebar().locator('footer button[type="submit"]').click();
  await playground.sidebar().locator('footer .status').getByText('保存しました').waitFor();

  await page.getByRole('tab', { name: '設定' }).click();
  await page.locator('table.grid[data-sheet="設定"]').waitFor();
  expect(
    await eventually(() => cellByKey('companyName', '値'), '株式会社ぽっけ商店 東京本店'),
  ).toBe('株式会社ぽっけ商店 東京本店');
  const names = await page.locator('#runs tr.run td:nth-child(2)').allTextContents();
  expect(names.slice(0, 3)).toEqual(['settingsSave', 'settingsLoad', 'showSettingsSidebar']);
  expect(await page.locator('#runs tr.run.failed').count()).toBe(0);

  // Closing it with its X, then opening it again from the menu.
  await page.getByRole('button', { name: '閉じる', exact: true }).click();
  expect(await page.locator('#sidebar').isHidden()).toBe(true);
  await playground.openSidebar('設定');
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
  await page.getByRole('button', { name: '設定', exact: true }).click();
  expect(
    await eventually(() => page.locator('#clock-now').textContent(), '2026/12/25(金) 18:30'),
  ).toBe('2026/12/25(金) 18:30');
});

test('the outbox says honestly that there is nothing yet; Gmail and Calendar show the demo', async () => {
  await page.locator('.app-tab[data-app="gmail"]').click();
  await page.locator('.gmail-item').first().waitFor();
  await page.locator('.app-tab[data-app="calendar"]').click();
  // The clock's week (the clock test above moved it to Fri 12/25).
  await page.locator('.cal-day.today[data-date="2026-12-25"]').waitFor();
  expect(await page.locator('.cal-day').count()).toBe(7);
  for (const pane of ['outbox']) {
    await page.locator(`.app-tab[data-app="${pane}"]`).click();
    const shown = page.locator(`[data-app-pane="${pane}"]`);
    expect(await shown.isVisible()).toBe(true);
    // Japanese only, as the account speaks: no English twin beside it.
    expect(await shownText(shown)).toContain('まだありません');
    expect(await shownText(shown)).not.toContain('Nothing yet');
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

test('reset brings the demo back, once confirmed', async () => {
  await page.getByRole('button', { name: /デモに戻す/ }).click();
  await page
    .locator('#confirm-layer')
    .getByRole('button', { name: /デモに戻す/ })
    .click();
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

/** 拡張機能 → 請求書, then a preview for `closingDate`; returns the sidebar once it shows. */
async function previewInvoicesInSidebar(closingDate: string): Promise<FrameLocator> {
  const frame = await playground.openSidebar('請求書');
  await frame.locator('#closing-date').waitFor();
  await frame.locator('#closing-date').fill(closingDate);
  await frame.locator('button[data-action="preview"]').click();
  await frame.locator('[data-section="to-issue"]').waitFor();
  return frame;
}

test('請求書を表示 in the 請求書 sidebar opens the invoice in a dialog over the page', async () => {
  const frame = await previewInvoicesInSidebar('2026-11-30');
  const sakura = frame.locator('article.invoice', { hasText: '株式会社さくら食品' });
  await sakura.locator('button[data-action="show-preview"]').click();
  const dialog = page.locator('.dialog.html-dialog');
  await dialog.waitFor();
  expect(await dialog.locator('h3').textContent()).toMatch(/^プレビュー: 株式会社さくら食品/);
  const invoice = page.frameLocator('.dialog.html-dialog iframe');
  await invoice.locator('[data-preview]').waitFor();
  expect(await invoice.locator('.title').textContent()).toBe('請求書');
  // The preview speaks the owner's language only.
  expect(await invoice.locator('.watermark').textContent()).toBe('プレビュー');
  expect(await invoice.locator('body').textContent()).toContain('(発行時に採番)');
  const shot = tempFile('playground-invoice-preview.png');
  await page.screenshot({ path: shot });
  console.log(`preview dialog screenshot: ${shot}`);
  await dialog.getByRole('button', { name: '閉じる', exact: true }).click();
  expect(await page.locator('#dialog-layer').isHidden()).toBe(true);
  // Nothing was issued: no PDF, no mail.
  await page.locator('.app-tab[data-app="outbox"]').click();
  expect(await page.locator('[data-app-pane="outbox"] article.mail').count()).toBe(0);
  await page.locator('.app-tab[data-app="sheets"]').click();
});

/** Issues the demo month's invoices the way a person would: 請求書 sidebar, preview, issue. */
async function issueInvoicesFromSidebar(): Promise<void> {
  if (!existsSync(join(DIST, 'sidebar-invoices.html'))) {
    // Before the sidebar existed: the same google.script.run path the sidebar's call takes.
    const reply = await page.evaluate(async () => {
      const res = await fetch('/api/run', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'invoicesIssue',
          argsJson: JSON.stringify([{ closingDate: '2026-11-30' }]),
        }),
      });
      return (await res.json()) as { ok: boolean };
    });
    expect(reply.ok).toBe(true);
    return;
  }
  const frame = await previewInvoicesInSidebar('2026-11-30');
  expect(await frame.locator('article.invoice').count()).toBe(4);
  await frame.locator('footer button[data-action="issue"]').click();
  await frame.locator('footer button[data-action="confirm"]').click();
  await frame.locator('[data-report]').waitFor({ timeout: 30_000 });
  expect(await frame.locator('[data-report]').textContent()).toMatch(/^4件の請求書を作成しました/);
}

test('invoices issued from the 請求書 sidebar: the Outbox shows 4 drafts and 4 PDFs', async () => {
  await page.locator('#clock-input').fill('2026-11-30T18:00');
  await page.getByRole('button', { name: '設定', exact: true }).click();
  expect(
    await eventually(() => page.locator('#clock-now').textContent(), '2026/11/30(月) 18:00'),
  ).toBe('2026/11/30(月) 18:00');
  await issueInvoicesFromSidebar();

  await page.locator('.app-tab[data-app="outbox"]').click();
  const outbox = page.locator('[data-app-pane="outbox"]');
  const mails = outbox.locator('article.mail');
  expect(await eventually(() => mails.count(), 4)).toBe(4);
  expect(await outbox.locator('article.mail .badge.draft').count()).toBe(4);
  expect(await outbox.textContent()).not.toContain('まだありません');
  const subjects = await outbox.locator('.mail-subject').allTextContents();
  for (const s of subjects) expect(s).toMatch(/2026-11-000\d/);
  expect(subjects.some((s) => s.includes('請求書送付のご案内'))).toBe(true);
  const sakura = mails.filter({ hasText: 'sakura-foods' });
  expect(await sakura.locator('.mail-to').textContent()).toBe('keiri@sakura-foods.example.com');
  expect(await sakura.locator('.mail-preview').textContent()).toContain('株式会社さくら食品');
  expect(await sakura.locator('.attachments a.pdf-link').textContent()).toMatch(
    /^20261130_株式会社さくら食品_.+\.pdf \(/,
  );
  const files = outbox.locator('tr.drive-file');
  expect(await files.count()).toBe(4);
  for (const path of await files.locator('td.path').allTextContents())
    expect(path).toMatch(/^Pokke\/請求書\/2026\/11\/20261130_.+\.pdf$/);

  await page.setViewportSize({ width: 1440, height: 1400 });
  const shot = tempFile('playground-outbox.png');
  await page.screenshot({ path: shot });
  console.log(`outbox screenshot: ${shot}`);
  await page.setViewportSize({ width: 1440, height: 900 });

  // Clicking a PDF in Drive opens the real PDF, rendered by Chromium from the invoice's HTML.
  const link = files.filter({ hasText: '株式会社さくら食品' }).locator('a.pdf-link');
  const started = Date.now();
  const responded = page.context().waitForEvent('response', {
    predicate: (r) => r.url().includes('/api/files/'),
    timeout: 30_000,
  });
  const [popup] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  const response = await responded;
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^\/api\/files\/.+\.pdf$/);
  // Headless Chromium may hand a PDF to its viewer or to a download: read the bytes directly.
  const bytes = Buffer.from(
    await page.evaluate(async (u) => {
      const res = await fetch(u);
      return Array.from(new Uint8Array(await res.arrayBuffer()));
    }, href),
  );
  await popup.close();
  expect(isRealPdf(bytes)).toBe(true);
  const pdfPath = tempFile('invoice-sakura.pdf');
  writeFileSync(pdfPath, bytes);
  console.log(`invoice PDF: ${pdfPath} (${bytes.length} bytes, ${Date.now() - started} ms)`);

  // A mail downloads as an .eml with the real PDF attached.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    sakura.locator('a.eml-link').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.eml$/);
  const eml = readFileSync((await download.path()) ?? '', 'utf8');
  expect(header(eml, 'Subject')).toBe(await sakura.locator('.mail-subject').textContent());
  const pdfParts = leafParts(eml).filter((p) => p.contentType === 'application/pdf');
  expect(pdfParts).toHaveLength(1);
  expect(isRealPdf(pdfParts[0]?.body ?? Buffer.alloc(0))).toBe(true);
  await page.locator('.app-tab[data-app="sheets"]').click();
}, 120_000);

test('no page errors, nothing fetched from the network', () => {
  expect(playground.errors).toEqual([]);
  expect(playground.offMachine).toEqual([]);
});
