/** Reading raw cell values (as `Range.getValues()` returns them) into text. */

/**
 * A cell as trimmed text. A leading apostrophe before `= + - @` (Sheets' "this is text" mark,
 * which Pokke adds when it writes such text) is dropped, (see `sheets/cells.ts`).
 */
export function cellString(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  const text = String(value).trim();
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** For comparing words people type: NFKC (full-width → half-width), no spaces, lower case. */
export function foldWord(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Whether the cell holds nothing (blank, or only spaces). */
export function isBlank(value: unknown): boolean {
  return cellString(value) === '';
}
