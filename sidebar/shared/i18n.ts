/**
 * One language at a time. Every string the sidebars show is a pair ({ ja, en }); the sidebar shows
 * the reader's language only: the server's `lang` (the user's choice in 設定, else their account's
 * locale), or, for the moment before the server has answered, the browser's language.
 */
import type { Lang, Text } from '../../src/core/text';

export type { Lang, Text };

let current: Lang = detectLang();

/** The browser's preference: English when the first preferred language is English. */
export function detectLang(
  nav: { language?: string; languages?: readonly string[] } = navigator,
): Lang {
  const first = nav.languages?.[0] ?? nav.language ?? 'ja';
  return /^en\b/i.test(first) ? 'en' : 'ja';
}

export function setLang(lang: Lang): void {
  current = lang === 'en' ? 'en' : 'ja';
  document.documentElement.lang = current;
}

export function lang(): Lang {
  return current;
}

/** The text in the reader's language. */
export function tr(t: Text): string {
  return t[current];
}
