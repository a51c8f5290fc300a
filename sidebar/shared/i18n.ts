/**
 * Bilingual text. Every string the sidebars show is a pair; the reader's language comes first and
 * the other one follows in small print (labels, headings, messages) or in a tooltip (buttons,
 * choices). Japanese unless the server's `lang` — or, before the server has answered, the
 * browser's language — says English.
 */
import type { Lang } from '../../src/ui/contracts';

export type { Lang };

export interface Text {
  ja: string;
  en: string;
}

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
export function primary(t: Text): string {
  return t[current];
}

/** The text in the other language. */
export function secondary(t: Text): string {
  return t[current === 'ja' ? 'en' : 'ja'];
}

/** Both, reader's language first: for places that take plain text only (title, aria-label). */
export function both(t: Text): string {
  return t.ja === t.en ? t.ja : `${primary(t)} / ${secondary(t)}`;
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]/;

/**
 * Server messages are written `日本語 / English`. Splits one into a pair when it clearly is one
 * (Japanese on the left, none on the right); otherwise returns null and the caller shows it as is.
 */
export function splitBilingual(message: string): Text | null {
  const at = message.indexOf(' / ');
  if (at < 0) return null;
  const ja = message.slice(0, at).trim();
  const en = message.slice(at + 3).trim();
  if (!ja || !en || !JAPANESE.test(ja) || JAPANESE.test(en)) return null;
  return { ja, en };
}
