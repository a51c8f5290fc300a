/**
 * Text normalisation shared by the cell parsers in core/. No dependencies: the settings sidebar
 * bundles this file into the browser too.
 */

/** Full-width ASCII (U+FF01–U+FF5E) to ASCII, and the ideographic space (U+3000) to a space. */
export function toHalfWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * Characters people type where they mean a hyphen or a minus: ASCII hyphen-minus, the Unicode
 * hyphens and dashes, the minus sign, and the katakana long vowel marks that Japanese IMEs produce
 * for `-` (ー U+30FC, ｰ U+FF70). Full-width `－` is covered after toHalfWidth.
 */
export const HYPHEN_CLASS = '\\-\\u2010-\\u2015\\u2212\\u30fc\\uff70\\ufe63';

const SPACES_AND_HYPHENS = new RegExp(`[\\s${HYPHEN_CLASS}]`, 'g');

/** Removes every kind of white space (including U+3000) and every hyphen-like character. */
export function stripSpacesAndHyphens(text: string): string {
  return text.replace(SPACES_AND_HYPHENS, '');
}

/** Removes white space of every kind, including U+3000 and no-break spaces. */
export function stripSpaces(text: string): string {
  return text.replace(/\s/g, '');
}
