/**
 * One place for how Pokke starts Chromium: Debian's /usr/bin/chromium through playwright-core,
 * headless, no sandbox (containers), nothing talking to Google in the background. The playground
 * renders PDFs with it (pdf.ts) and the browser tests drive pages with it
 * (test/browser/support/chromium.ts).
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Throws (never skips) with the install command when chromium is not there. */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing. Run: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`,
    );
  }
  return CHROMIUM;
}

/** Options for chromium.launch / launchPersistentContext. */
export function chromiumLaunchOptions(): {
  executablePath: string;
  headless: true;
  args: string[];
} {
  return { executablePath: requireChromium(), headless: true, args: [...CHROMIUM_ARGS] };
}

/** A headless browser without a profile (for rendering, not for tests that need storage). */
export function launchHeadless(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions());
}
