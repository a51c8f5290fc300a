/**
 * Issue 12, item 3: the playground switched to English (the header's language select sets the
 * emulated Google account's locale), then each surface walked as an English-speaking owner would:
 * the Sheets menu and grid, the 設定 sidebar, the 請求書 sidebar (preview the demo closing, an
 * invoice's preview dialog, issue), the 自動化 sidebar (dry run, run now, recent runs), an alert,
 * a toast, the confirm dialog of Reset, a Gmail mail card (create a task), and the Gmail and
 * Calendar homepage cards. On each, no visible text, aria-label, title, placeholder or input value
 * may hold Japanese other than client data and the workbook's own vocabulary
 * (support/one-language.ts builds that allow-list from the schema and the demo data). Each test
 * lists every offending string and where it was.
 *
 * Then: switching back to 日本語 shows Japanese again, and the 表示言語 chosen in the 設定 sidebar
 * (the person's own choice, over the account's locale) changes the next card and sidebar.
 */

import type { Frame, Locator, Page } from 'playwright-core';
import { MENU_ITEMS } from '../../src/ui/menu';
import {
  type Allowed,
  allowedJapanese,
  describeLeftovers,
  hasJapanese,
  leftovers,
  type Shown,
  shownJapanese,
} from './support/one-language';
import {
  clickMenuItem,
  eventually,
  openPlayground,
  type PlaygroundPage,
} from './support/playground-page';

jest.setTimeout(120_000);

let playground: PlaygroundPage;
let page: Page;
let allowed: Allowed;

beforeAll(async () => {
  playground = await openPlayground({ width: 1440, height: 960 });
  page = playground.page;
  allowed = allowedJapanese();
});

afterAll(async () => {
  await playground?.close();
});

/** The frame of the sidebar, or of the HTML dialog, once it has loaded. */
async function frameAt(path: RegExp): Promise<Frame> {
  const found = await eventually(async () => page.frames().some((f) => path.test(f.url())), true);
  if (!found) throw new Error(`no frame at ${path}`);
  const frame = page.frames().find((f) => path.test(f.url()));
  if (!frame) throw new Error(`no frame at ${path}`);
  return frame;
}

/** The text as shown: both languages are in the page's DOM, the other one hidden by CSS. */
const shownText = (locator: Locator) =>
  // biome-ignore lint/performance/useDomNodeTextContent: what is visible is what is checked
  locator.innerText();

const sidebarFrame = () => frameAt(/\/sidebar\/\d+$/);

/** The sidebar has loaded and speaks `lang` (it sets <html lang> from the server's answer). */
async function sidebarIn(lang: 'ja' | 'en', ready: string): Promise<Frame> {
  const frame = await sidebarFrame();
  await frame.locator(`html[lang="${lang}"]`).waitFor();
  await frame.locator(ready).first().waitFor();
  return frame;
}

async function openSidebar(functionName: string): Promise<void> {
  await clickMenuItem(page, page.locator(`.menu-item[data-function="${functionName}"]`));
  await page.locator('#sidebar').waitFor();
}

/** What the page (its chrome, open panes, dialogs, toasts) and the open sidebar show. */
async function everythingShown(surface: string): Promise<Shown[]> {
  const shown = await shownJapanese(page, `${surface} (page)`);
  if (await page.locator('#sidebar').isVisible()) {
    shown.push(...(await shownJapanese(await sidebarFrame(), `${surface} (sidebar)`)));
  }
  return shown;
}

function expectEnglish(shown: Shown[]): void {
  expect(describeLeftovers(leftovers(shown, allowed))).toEqual([]);
}

async function chooseLanguage(lang: 'ja' | 'en'): Promise<void> {
  await page.locator('#language').selectOption(lang);
  await page.locator(`html[lang="${lang}"]`).waitFor();
  expect(await eventually(async () => playground.server.playground.language, lang)).toBe(lang);
}

describe('the playground in English', () => {
  test('the header switch sets the account locale; the Sheets menu is built again in English', async () => {
    await chooseLanguage('en');
    expect(playground.server.playground.workspace.user.locale).toBe('en');
    const top = page.locator('.menu-top').first();
    expect(await shownText(top)).toBe('Extensions');
    await top.click();
    const items = await page.locator('.menu-item').allInnerTexts();
    expect(items).toEqual(MENU_ITEMS.map((m) => m.caption.en));
    for (const item of items) expect(hasJapanese(item)).toBe(false);
    // The page's chrome; the grid shows what was set up in Japanese before the switch.
    const shown: Shown[] = [];
    for (const part of ['.topbar', '.clockbar', '.docbar', '.formula-bar', '.dock']) {
      shown.push(...(await shownJapanese(page, `Sheets menu and chrome ${part}`, part)));
    }
    await top.click();
    expectEnglish(shown);
  });

  // Fails until fixed: the example placeholders of sidebar/settings/main.ts (ぽっけ銀行, 本店,
  // カ）ポッケ, いつもありがとうございます) are Japanese in English.
  test('設定 sidebar', async () => {
    await openSidebar('showSettingsSidebar');
    const frame = await sidebarIn('en', '[data-section="language"]');
    expect(await frame.locator('[data-language]').inputValue()).toBe('auto');
    // The sidebar and its panel (the grid still shows the 説明 written at set-up, in Japanese).
    expectEnglish([
      ...(await shownJapanese(page, '設定 sidebar (panel)', '#sidebar')),
      ...(await shownJapanese(frame, '設定 sidebar')),
    ]);
  });

  test('Reset asks in English, keeps English, and sets the demo up in English', async () => {
    await page.locator('#reset').click();
    const confirm = page.locator('#confirm-layer [role="alertdialog"]');
    await confirm.waitFor();
    const shown = await shownJapanese(page, 'Reset confirmation', '#confirm-layer');
    await confirm.locator('button[data-action="reset"]').click();
    await page.locator('#sidebar').waitFor({ state: 'hidden' });
    expect(playground.server.playground.language).toBe('en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await shownText(page.locator('.menu-top').first())).toBe('Extensions');
    // The 設定 sheet's 説明 column is written in the language of whoever set the workbook up.
    await page.getByRole('tab', { name: '設定', exact: true }).click();
    await page.locator('table.grid[data-sheet="設定"]').waitFor();
    shown.push(...(await everythingShown('Sheets grid 設定')));
    expectEnglish(shown);
  });

  test('an alert: Set up workbook on a workbook that is set up', async () => {
    await page.locator('.menu-top').first().click();
    await page.locator('.menu-item[data-function="menuSetupWorkbook"]').click();
    const alert = page.locator('#dialog-layer [role="alertdialog"]');
    await alert.waitFor();
    const shown = await shownJapanese(page, 'alert', '#dialog-layer');
    await alert.getByRole('button', { name: 'OK' }).click();
    expectEnglish(shown);
  });

  // Fails until fixed: the period's 〜 (sidebar/invoices/main.ts); an English client's recurring
  // line labelled 「(2026年11月分)」 (periodLabel, src/features/invoices/recurringLines.ts); in the
  // preview dialog the プレビュー watermark and the bilingual banner (src/core/invoice/render.ts),
  // and 〒 before the issuer's postal code on an English invoice (render.ts).
  test('請求書 sidebar: preview the demo closing, an invoice in its dialog, issue', async () => {
    await openSidebar('showInvoicesSidebar');
    const frame = await sidebarIn('en', 'button[data-action="preview"]');
    const shown = await everythingShown('請求書 sidebar');
    await frame.locator('#closing-date').fill('2026-11-30');
    await frame.locator('button[data-action="preview"]').click();
    await frame.locator('[data-section="to-issue"]').waitFor();
    shown.push(...(await everythingShown('請求書 sidebar, preview')));

    // An English client's invoice as it will look, in the modal dialog.
    await frame
      .locator('article.invoice', { hasText: 'Blue Harbor Studio' })
      .locator('button[data-action="show-preview"]')
      .click();
    await page.locator('#dialog-layer .html-dialog').waitFor();
    const dialog = await frameAt(/\/dialog\/\d+\/\d+$/);
    await dialog.locator('body').waitFor();
    shown.push(...(await shownJapanese(page, 'invoice dialog (head)', '#dialog-layer')));
    shown.push(...(await shownJapanese(dialog, 'invoice dialog (Blue Harbor Studio)')));
    await page.locator('#dialog-layer .html-dialog-head button').click();

    await frame.locator('footer button[data-action="issue"]').click();
    await frame.locator('footer button[data-action="confirm"]').waitFor();
    shown.push(...(await everythingShown('請求書 sidebar, confirm')));
    await frame.locator('footer button[data-action="confirm"]').click();
    await frame.locator('[data-report]').waitFor({ timeout: 30_000 });
    shown.push(...(await everythingShown('請求書 sidebar, issued')));
    expectEnglish(shown);
  });

  test('自動化 sidebar: status, dry run, run now, recent runs', async () => {
    await openSidebar('showAutomationsSidebar');
    const frame = await sidebarIn('en', '[data-state]');
    const shown = await everythingShown('自動化 sidebar');
    await frame.locator('#dry-run-date').fill('2026-11-30');
    await frame.locator('button[data-action="dry-run"]').click();
    await frame.locator('.day-line[data-day="2026-11-30"]').waitFor();
    shown.push(...(await everythingShown('自動化 sidebar, dry run')));
    await frame.locator('button[data-action="run-now"]').click();
    await frame.locator('button[data-action="confirm-run-now"]').waitFor();
    shown.push(...(await everythingShown('自動化 sidebar, run now?')));
    await frame.locator('button[data-action="confirm-run-now"]').click();
    await frame.locator('[data-output="run-now"] [data-report]').waitFor({ timeout: 30_000 });
    shown.push(...(await everythingShown('自動化 sidebar, run now')));
    await frame.locator('button[data-action="refresh"]').click();
    await frame.locator('[data-section="recent"] li.run').first().waitFor();
    shown.push(...(await everythingShown('自動化 sidebar, recent runs')));
    expectEnglish(shown);
  });

  test('a toast: firing the due triggers', async () => {
    await page.locator('#fire-triggers').click();
    await page.locator('.toast').first().waitFor();
    expectEnglish(await shownJapanese(page, 'toast', '#toasts'));
  });

  // Fails until fixed: the mail's words quoted in 「」 in English (src/ui/cards/mailTaskCard.ts,
  // and the task's notes, src/core/mailTask.ts).
  test('Gmail: a mail card, creating a task, the homepage card', async () => {
    await page.locator('.app-tab[data-app="gmail"]').click();
    await page.locator('.gmail-item', { hasText: 'お見積りのお願い' }).click();
    const card = page.locator('.gmail-card');
    await card.locator('[data-field="title"]').waitFor();
    const shown = await everythingShown('Gmail mail card');
    await card.locator('button[data-action="mailTaskCreate"]').click();
    await page.locator('.gmail-notification').waitFor();
    shown.push(...(await everythingShown('Gmail card, task created')));
    await page.locator('#gmail-home').click();
    await eventually(() => card.locator('[data-field="title"]').count(), 0);
    shown.push(...(await everythingShown('Gmail homepage card')));
    expectEnglish(shown);
  });

  test('Calendar: the week and the homepage card', async () => {
    await page.locator('.app-tab[data-app="calendar"]').click();
    await page.locator('.cal-card .pk-card').waitFor();
    expectEnglish(await everythingShown('Calendar'));
  });
});

describe('switching language', () => {
  test('back to 日本語: the page, the menu, the open sidebar and the open card speak Japanese', async () => {
    await page.locator('.app-tab[data-app="gmail"]').click();
    await page.locator('.gmail-item', { hasText: 'Contract for the Tokyo' }).click();
    const card = page.locator('.gmail-card');
    await card.locator('[data-field="title"]').waitFor();
    const englishCard = await card.locator('button[data-action]').allInnerTexts();
    await chooseLanguage('ja');
    expect(playground.server.playground.workspace.user.locale).toBe('ja');
    expect(await shownText(page.locator('#reset'))).toBe('デモに戻す');
    // The open card ran again in Japanese.
    const japaneseCard = await eventually(
      () => card.locator('button[data-action]').allInnerTexts(),
      /[ぁ-んァ-ン一-龠]/,
    );
    expect(japaneseCard).not.toEqual(englishCard);
    expect(japaneseCard.some(hasJapanese)).toBe(true);
    // The open sidebar (自動化) loaded again, in Japanese.
    await sidebarIn('ja', '[data-state]');
    await page.locator('.app-tab[data-app="sheets"]').click();
    expect(await shownText(page.locator('.menu-top').first())).toBe('拡張機能');
    await page.locator('.menu-top').first().click();
    const items = await page.locator('.menu-item').allInnerTexts();
    expect(items).toContain('設定');
    await page.locator('.menu-top').first().click();
  });

  test('表示言語 in the 設定 sidebar wins over the account: the next card and sidebar follow it', async () => {
    await page.locator('.app-tab[data-app="sheets"]').click();
    await openSidebar('showSettingsSidebar');
    let frame = await sidebarIn('ja', '[data-language]');
    await frame.locator('[data-language]').selectOption('en');
    await frame.locator('html[lang="en"]').waitFor();
    // The account is still Japanese; the person chose English.
    expect(playground.server.playground.language).toBe('ja');

    await openSidebar('showInvoicesSidebar');
    frame = await sidebarIn('en', 'button[data-action="preview"]');
    expect(hasJapanese(await shownText(frame.locator('button[data-action="preview"]')))).toBe(
      false,
    );

    await page.locator('.app-tab[data-app="gmail"]').click();
    // A mail with no task yet (the one of the walk-through has its task now).
    await page.locator('.gmail-item', { hasText: 'Contract for the Tokyo' }).click();
    const create = page.locator('.gmail-card button[data-action="mailTaskCreate"]');
    const label = await eventually(() => shownText(create), /^[^ぁ-んァ-ン一-龠]+$/);
    expect(hasJapanese(label)).toBe(false);

    // Back to the account's language.
    await page.locator('.app-tab[data-app="sheets"]').click();
    await openSidebar('showSettingsSidebar');
    frame = await sidebarIn('en', '[data-language]');
    await frame.locator('[data-language]').selectOption('auto');
    await frame.locator('html[lang="ja"]').waitFor();
    expect(playground.errors).toEqual([]);
    expect(playground.offMachine).toEqual([]);
  });
});
