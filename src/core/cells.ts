/** Reading raw cell values (as `Range.getValues()` returns them) into text and dates. */
import { type DateKey, parseDateKey } from './dates';

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

/**
 * A date cell: a Date as Sheets gives it (its day by `dateOf`), a whole number like 20261130, or
 * text `parseText` reads (YYYY-MM-DD by default). 'empty' for a blank cell, null when unreadable.
 */
export function readDateCell(
  cell: unknown,
  dateOf: (d: Date) => DateKey,
  parseText: (text: string) => DateKey | null = parseDateKey,
): DateKey | 'empty' | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    try {
      return dateOf(cell);
    } catch {
      return null;
    }
  }
  if (typeof cell === 'number') return Number.isInteger(cell) ? parseDateKey(String(cell)) : null;
  const text = cellString(cell);
  if (text === '') return 'empty';
  return typeof cell === 'string' ? parseText(text) : null;
}
