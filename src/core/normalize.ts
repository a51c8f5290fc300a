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

/**
 * Characters that are invisible yet change how a text reads: bidirectional controls (U+202A–
 * U+202E, U+2066–U+2069, U+200E, U+200F, U+061C; U+202E makes `invoice\u202Efdp.exe` display as
 * `invoiceexe.pdf`), zero-width characters (U+200B–U+200D, U+2060–U+2064, U+FEFF) and lone
 * surrogates (half of a character: Drive, Gmail and Tasks show them as � or refuse them). A
 * zero-width joiner between two pictographs is kept: it is part of an emoji (👨‍👩‍👧).
 */
const INVISIBLE =
  /\p{Extended_Pictographic}[\ufe0f\u{1f3fb}-\u{1f3ff}]?\u200d(?=\p{Extended_Pictographic})|[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]|[\ud800-\udfff]/gu;

/** The text without bidirectional controls, zero-width characters or lone surrogates. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, (m) => (m.length > 1 ? m : ''));
}

// C0 and C1 controls, and the line and paragraph separators: never meaningful on one line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing them is the point
const LINE_BREAKING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * One line of text for whatever Pokke names with it: a Drive file, a task or calendar event
 * title, a mail subject or a From display name. Invisible characters (see `stripInvisible`) are
 * removed, control characters and line breaks become spaces (so a header can never be split),
 * runs of white space one space, and the ends trimmed.
 */
export function oneLine(text: string): string {
  return stripInvisible(String(text)).replace(LINE_BREAKING, ' ').replace(/\s+/g, ' ').trim();
}
