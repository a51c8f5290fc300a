/**
 * A string written to a cell as text, never as a formula or a number: Sheets would otherwise read
 * `=HYPERLINK(...)` as a formula and `0123` as 123. The leading apostrophe is not stored.
 */
export function textCell(value: string): string {
  return /^[=+\-@']|^\d/.test(value) ? `'${value}` : value;
}

/** A cell read back as text: Sheets returns numbers for digit-only text in non-text columns. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}
