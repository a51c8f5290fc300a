import { cellString } from '../core/cells';
import { type DateKey, parseDateKey, tokyoDateKey } from '../core/dates';

/**
 * A string written to a cell as text, never as a formula: a value starting with = + - @ gets a
 * leading apostrophe (Sheets' own "this is text" mark, the usual defence against formula
 * injection). Digit strings such as account numbers stay text because Pokke formats text columns
 * as plain text (`@`).
 */
export function textCell(value: string): string {
  return /^[=+\-@]/.test(value) ? `'${value}` : value;
}

/**
 * A cell read back as text. Sheets hides the apostrophe `textCell` adds; should a cell show it
 * (it may in a plain-text cell), it is removed so the round trip is exact either way.
 */
export const cellText: (value: unknown) => string = cellString;

/** A date cell as a Tokyo calendar date: a Date, or text like 2026/11/30; null otherwise. */
export function cellDateKey(value: unknown): DateKey | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : tokyoDateKey(value);
  return parseDateKey(cellText(value));
}

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 24 * 60 * 60 * 1000;
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * A date or date-time cell of a spreadsheet in Asia/Tokyo read as Sheets' serial number (days
 * since 1899-12-30 on the spreadsheet's wall clock, the time as the fraction), as the Date
 * SpreadsheetApp's getValues gives for it. Japan keeps +09:00 all year (since 1951).
 */
export function tokyoSerialDate(serial: number): Date {
  return new Date(SERIAL_EPOCH_MS + Math.round(serial * DAY_MS) - TOKYO_OFFSET_MS);
}
