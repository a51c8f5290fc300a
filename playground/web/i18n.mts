/**
 * The page speaks one language at a time: the emulated account's (the state's `language`).
 * Texts built here carry both languages in `<span class="ja">` and `<span class="en">`, and the
 * stylesheet shows only the one of `<html lang>`, so a switch needs no re-render; attributes
 * (aria-label, title, placeholder) hold one language and are set again on a switch: static ones
 * from `data-ja-<attr>` / `data-en-<attr>` (listed in `data-i18n`), dynamic ones by `t`.
 */
export type Lang = 'ja' | 'en';

let current: Lang = document.documentElement.lang === 'en' ? 'en' : 'ja';

export function lang(): Lang {
  return current;
}

/** The text in the page's language (for attributes and other plain strings). */
export function t(ja: string, en: string): string {
  return current === 'en' ? en : ja;
}

/** Both languages, the page's shown (see the stylesheet's `html[lang]` rules). */
export function bi(ja: string, en: string): DocumentFragment {
  const f = document.createDocumentFragment();
  const span = (l: Lang, text: string) => {
    const el = document.createElement('span');
    el.className = l;
    el.textContent = text;
    return el;
  };
  f.append(span('ja', ja), span('en', en));
  return f;
}

/** Switches the page to `next`: `<html lang>`, the document's title and the static attributes. */
export function applyLang(next: Lang): boolean {
  const changed = next !== current;
  current = next;
  document.documentElement.lang = next;
  for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
    for (const attr of (el.dataset['i18n'] ?? '').split(/\s+/).filter(Boolean)) {
      const value = el.getAttribute(`data-${next}-${attr}`);
      if (value !== null) el.setAttribute(attr, value);
    }
  }
  const title = document.querySelector<HTMLElement>('title');
  const titled = title?.getAttribute(`data-${next}`);
  if (titled) document.title = titled;
  return changed;
}
