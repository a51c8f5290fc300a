/**
 * Browser test support: Debian's chromium through playwright-core, and a built sidebar opened the
 * way Apps Script shows it (300 px wide) with the google.script.run stand-in wired to a handler.
 * `npm test` runs scripts/ensure-test-tools.mjs first, so a missing browser fails loudly.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Bundle } from '../../../emulator/runtime';
import { chromiumLaunchOptions } from '../../../playground/chromium';
import { GOOGLE_PICKER_STANDIN } from '../../../playground/pickerStandin';
import { GOOGLE_SCRIPT_RUN_STANDIN } from '../../../playground/standin';

export { CHROMIUM } from '../../../playground/chromium';
export const SIDEBAR_WIDTH = 300;
export const ROOT = resolve(__dirname, '../../..');
export const DIST = join(ROOT, 'dist');

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Starts chromium with a throw-away profile. Throws (never skips) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  const launch = chromiumLaunchOptions();
  const profile = mkdtempSync(join(tmpdir(), 'pokke-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...launch,
    viewport: { width: SIDEBAR_WIDTH, height: 800 },
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One google.script.run call as the server sees it: name and JSON-parsed arguments. */
export interface ServerCall {
  name: string;
  args: unknown[];
}

/** Answers a call; a throw (or rejection) reaches the sidebar's withFailureHandler. */
export type ServerHandler = (name: string, args: unknown[]) => unknown;

export interface SidebarPage {
  page: Page;
  /** Every call the sidebar made, in order. */
  calls: ServerCall[];
  /** Uncaught errors and console errors in the page. */
  errors: string[];
  /** Requests that tried to leave the machine (all are blocked). */
  network: string[];
  /** google.script.host actions (close, setHeight...). */
  hostActions: unknown[][];
}

export interface OpenOptions {
  width?: number;
  height?: number;
  /** The Google Picker stand-in's transport ('list' the Drive's files, 'pick' one): with it, the
   * page gets playground/pickerStandin.ts as `google.picker`. */
  picker?: (action: string, value: unknown) => unknown;
}

/**
 * Opens `dist/sidebar-<name>.html` in a new page with the stand-in injected before the page's own
 * script, its transport going to `handler`.
 */
export async function openSidebar(
  browser: Browser,
  name: string,
  handler: ServerHandler,
  options: OpenOptions = {},
): Promise<SidebarPage> {
  const file = join(DIST, `sidebar-${name}.html`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  const page = await browser.context.newPage();
  await page.setViewportSize({
    width: options.width ?? SIDEBAR_WIDTH,
    height: options.height ?? 800,
  });
  const result: SidebarPage = { page, calls: [], errors: [], network: [], hostActions: [] };
  page.on('pageerror', (e) => result.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') result.errors.push(m.text());
  });
  await page.route(/^(https?|wss?):/, (route) => {
    result.network.push(route.request().url());
    return route.abort();
  });
  await page.exposeFunction('__pokkeCall', async (callName: string, argsJson: string) => {
    const args = JSON.parse(argsJson) as unknown[];
    result.calls.push({ name: callName, args });
    try {
      const value = await handler(callName, args);
      return { ok: true, json: JSON.stringify(value ?? null) };
    } catch (e) {
      // Errors from the bundle come from the vm's realm: not `instanceof` this realm's Error.
      const message =
        e !== null && typeof e === 'object' && 'message' in e ? String(e.message) : String(e);
      return { ok: false, message };
    }
  });
  await page.exposeFunction('__pokkeHost', (...action: unknown[]) => {
    result.hostActions.push(action);
  });
  const picker = options.picker;
  if (picker) {
    await page.exposeFunction('__pokkePicker', (action: string, value: unknown) =>
      picker(action, value),
    );
  }
  await page.addInitScript({ content: GOOGLE_SCRIPT_RUN_STANDIN });
  if (picker) await page.addInitScript({ content: GOOGLE_PICKER_STANDIN });
  await page.goto(pathToFileURL(file).href);
  return result;
}

/** A handler that runs calls in the built bundle, the way Apps Script would. */
export function bundleHandler(bundle: Bundle): ServerHandler {
  return (name, args) => bundle.runJson(name, args);
}

/** A fresh path in the OS temp directory (screenshots never go into the repository). */
export function tempFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'pokke-shot-')), name);
}
