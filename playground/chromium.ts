/**
 * One place for how Pokke starts Chromium: through playwright-core, headless, no sandbox
 * (containers), nothing talking to Google in the background. The playground and the CLI render
 * invoice PDFs with it (pdf.ts), finding Chromium or Google Chrome where the platform keeps it
 * (`findChromium`); the browser tests drive pages with Debian's /usr/bin/chromium
 * (test/browser/support/chromium.ts), which `npm test` installs.
 */

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type Text, text } from '../src/core/text';

export const CHROMIUM = '/usr/bin/chromium';

/** The variable that names a Chromium or Chrome executable, checked before any usual place. */
export const CHROMIUM_PATH_VARIABLE = 'CHROMIUM_PATH';

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

/** Where a lookup looks: the platform, the environment and the file system (fakes in tests). */
export interface ChromiumPlace {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  exists(path: string): boolean;
}

const HERE: ChromiumPlace = {
  platform: process.platform,
  env: process.env,
  home: homedir(),
  exists: existsSync,
};

/** The usual places of Chromium and Google Chrome on each platform, in the order tried. */
export function chromiumCandidates(
  where: Pick<ChromiumPlace, 'platform' | 'env' | 'home'>,
): string[] {
  const { platform, env, home } = where;
  if (platform === 'darwin') {
    const apps = [
      'Chromium.app/Contents/MacOS/Chromium',
      'Google Chrome.app/Contents/MacOS/Google Chrome',
    ];
    return [
      ...apps.map((a) => posix.join('/Applications', a)),
      ...apps.map((a) => posix.join(home, 'Applications', a)),
    ];
  }
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']].filter(
      (r): r is string => typeof r === 'string' && r !== '',
    );
    const apps = [
      ['Chromium', 'Application', 'chrome.exe'],
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
    ];
    return roots.flatMap((root) => apps.map((a) => win32.join(root, ...a)));
  }
  return [
    CHROMIUM,
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
  ];
}

/**
 * The Chromium (or Chrome) to render PDFs with: `CHROMIUM_PATH` when it names a file, else the
 * first usual place that exists, else null.
 */
export function findChromium(where: ChromiumPlace = HERE): string | null {
  const named = where.env[CHROMIUM_PATH_VARIABLE];
  if (named && where.exists(named)) return named;
  return chromiumCandidates(where).find((p) => where.exists(p)) ?? null;
}

/** What to tell the person when no browser was found (one line, Japanese first). */
export function chromiumMissingHint(where: Pick<ChromiumPlace, 'env'> = HERE): Text {
  const named = where.env[CHROMIUM_PATH_VARIABLE];
  const ja = named
    ? `CHROMIUM_PATH(${named})にブラウザーがありません。請求書は PDF の代わりに HTML で表示しています`
    : 'PDF を作る Chromium / Google Chrome が見つからないため、請求書は HTML で表示しています。インストールするか CHROMIUM_PATH で場所を指定してください';
  const en = named
    ? `No browser at CHROMIUM_PATH (${named}); invoices are shown as HTML instead of PDF`
    : 'No Chromium or Google Chrome found to make PDFs, so invoices are shown as HTML; install one or set CHROMIUM_PATH';
  return text(ja, en);
}

/** Throws (never skips) with the install command when Debian's chromium is not there (tests). */
export function requireChromium(): string {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing. Run: apt-get install -y --no-install-recommends chromium fonts-noto-cjk`,
    );
  }
  return CHROMIUM;
}

/** Options for chromium.launch / launchPersistentContext (the browser tests). */
export function chromiumLaunchOptions(): {
  executablePath: string;
  headless: true;
  args: string[];
} {
  return { executablePath: requireChromium(), headless: true, args: [...CHROMIUM_ARGS] };
}

/** A headless browser without a profile (for rendering, not for tests that need storage). */
export function launchHeadless(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}
