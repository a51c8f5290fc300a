/**
 * The playground page (playground/server.ts) in chromium for the end-to-end browser tests: a
 * server on a free port, the page loaded with its grid shown, page and console errors collected,
 * and every request that would leave the machine aborted and noted.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { type RunningServer, startServer } from '../../../playground/server';
import { type Browser, launchChromium } from './chromium';

export interface PlaygroundPage {
  readonly server: RunningServer;
  readonly page: Page;
  /** Uncaught page errors and console errors, in order. A test expects none. */
  readonly errors: string[];
  /** URLs the page tried to reach beyond the playground server (all aborted). */
  readonly offMachine: string[];
  /** The sidebar panel's iframe. */
  sidebar(): FrameLocator;
  /**
   * 拡張機能 (Extensions, in English) → `menuItem` (e.g. `請求書`); returns once the sidebar
   * panel shows.
   */
  openSidebar(menuItem: string): Promise<FrameLocator>;
  close(): Promise<void>;
}

/** Starts the playground server and chromium and opens the page at a desktop size. */
export async function openPlayground(
  viewport: { width: number; height: number } = { width: 1440, height: 900 },
): Promise<PlaygroundPage> {
  const server = await startServer({ port: 0 });
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    return await load(server, browser, viewport);
  } catch (e) {
    await browser?.close();
    await server.close();
    throw e;
  }
}

async function load(
  server: RunningServer,
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<PlaygroundPage> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const offMachine: string[] = [];
  await page.setViewportSize(viewport);
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

  const sidebar = () => page.frameLocator('#sidebar-frame');
  return {
    server,
    page,
    errors,
    offMachine,
    sidebar,
    async openSidebar(menuItem) {
      // The whole caption, in one language: '請求書', never '請求書 / Invoices'.
      await clickMenuItem(page, page.getByRole('menuitem', { name: menuItem, exact: true }));
      await page.locator('#sidebar').waitFor();
      return sidebar();
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The text a person sees (of the playground page or a sidebar): the playground holds both
 * languages in its DOM and hides the other one with CSS, so `textContent` would read both.
 */
export async function shownText(locator: Locator): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: what is visible is what is checked
  return locator.innerText();
}

/** Reads until the value is `want` (or 10 s pass) and returns the last value read. */
export async function eventually<T>(read: () => Promise<T>, want: T | RegExp): Promise<T> {
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

/** A sheet of the playground's grid as rows of objects keyed by its header row (displayed values). */
export async function gridRecords(page: Page, sheet: string): Promise<Record<string, string>[]> {
  await page.getByRole('tab', { name: sheet, exact: true }).click();
  await page.locator(`table.grid[data-sheet="${sheet}"]`).waitFor();
  // Each cell's displayed value (the grid adds a ▾ after it for a dropdown).
  const rows = (await page.evaluate(`Array.from(
    document.querySelectorAll('table.grid[data-sheet="${sheet}"] tbody tr[data-row]'),
    (tr) => Array.from(tr.querySelectorAll('td'), (td) => td.querySelector('.v')?.textContent ?? ''),
  )`)) as string[][];
  const [header = [], ...body] = rows;
  return body
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * Clicks an item of the Sheets menu bar's first menu, opening the menu first. The page may render
 * the menu bar again (a state refresh after switching panes or firing triggers) and close a menu
 * just opened: it is opened again until the item can be clicked.
 */
export async function clickMenuItem(page: Page, item: Locator): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    if (!(await item.isVisible())) await page.locator('.menu-top').first().click();
    try {
      await item.click({ timeout: 2000 });
      return;
    } catch (e) {
      if (attempt >= 4) throw e;
    }
  }
}
