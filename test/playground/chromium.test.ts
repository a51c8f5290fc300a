/**
 * Where PDF rendering finds a browser on each platform (a fake file system: nothing here depends
 * on this machine), and the one-line hint when there is none.
 */
import { type ChromiumPlace, chromiumMissingHint, findChromium } from '../../playground/chromium';

function place(
  platform: NodeJS.Platform,
  files: string[],
  env: Record<string, string> = {},
): ChromiumPlace {
  const present = new Set(files);
  return {
    platform,
    env,
    home: platform === 'win32' ? 'C:\\Users\\aiko' : '/Users/aiko',
    exists: (p) => present.has(p),
  };
}

test('macOS: Chromium, else Google Chrome, in /Applications or the user’s own Applications', () => {
  const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
  const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
  const own = '/Users/aiko/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
  expect(findChromium(place('darwin', [chrome]))).toBe(chrome);
  expect(findChromium(place('darwin', [chrome, chromium]))).toBe(chromium);
  expect(findChromium(place('darwin', [own]))).toBe(own);
  expect(findChromium(place('darwin', ['/usr/bin/chromium']))).toBeNull();
});

test('Windows: Chrome under Program Files, Program Files (x86) or the user’s AppData', () => {
  const env = {
    PROGRAMFILES: 'C:\\Program Files',
    'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
    LOCALAPPDATA: 'C:\\Users\\aiko\\AppData\\Local',
  };
  const x86 = 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe';
  const user = 'C:\\Users\\aiko\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
  expect(findChromium(place('win32', [x86], env))).toBe(x86);
  expect(findChromium(place('win32', [user], env))).toBe(user);
  expect(findChromium(place('win32', [user], {}))).toBeNull();
});

test('Linux: Debian’s chromium first, then other distributions’ Chromium and Chrome', () => {
  expect(findChromium(place('linux', ['/usr/bin/google-chrome', '/usr/bin/chromium']))).toBe(
    '/usr/bin/chromium',
  );
  expect(findChromium(place('linux', ['/usr/bin/google-chrome']))).toBe('/usr/bin/google-chrome');
  expect(findChromium(place('linux', ['/snap/bin/chromium']))).toBe('/snap/bin/chromium');
  expect(findChromium(place('linux', []))).toBeNull();
});

test('CHROMIUM_PATH comes first when it names a file, and is named in the hint when it does not', () => {
  const mine = '/opt/browsers/chrome';
  expect(findChromium(place('linux', [mine, '/usr/bin/chromium'], { CHROMIUM_PATH: mine }))).toBe(
    mine,
  );
  expect(findChromium(place('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: mine }))).toBe(
    '/usr/bin/chromium',
  );
  const named = chromiumMissingHint({ env: { CHROMIUM_PATH: mine } });
  expect(named.ja).toContain(mine);
  expect(named.en).toContain(mine);
  const hint = chromiumMissingHint({ env: {} });
  expect(`${hint.ja}${hint.en}`).not.toContain('\n');
  expect(hint.ja).toMatch(/^PDF を作る Chromium \/ Google Chrome が見つからない.*CHROMIUM_PATH/);
  expect(hint.en).toMatch(/^No Chromium or Google Chrome found.*CHROMIUM_PATH$/);
});
