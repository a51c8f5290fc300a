/** Dates, amounts and errors as the sidebars show them. Asia/Tokyo has no DST: a fixed +9 h. */

/** A calendar day as the server sends it: YYYY-MM-DD. */
export const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** Add to a UTC instant to read Tokyo's wall clock off the UTC fields. */
export const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Today in Asia/Tokyo, as YYYY-MM-DD. */
export function tokyoToday(now: Date = new Date()): string {
  return new Date(now.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2026-11-30 → 2026/11/30. Anything else is shown as it is. */
export function slashDate(key: string): string {
  return DATE_KEY.test(key) ? key.replace(/-/g, '/') : key;
}

/** Integer yen with thousands separators: ¥1,234,567 (−¥10,210 for a deduction). */
export function yen(amount: number): string {
  const digits = String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '−' : ''}¥${digits}`;
}

/** The text of anything a failed call threw. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
