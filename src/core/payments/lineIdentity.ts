/**
 * Which statement lines are already in 入出金明細. Banks give no transaction id in their CSVs, so a
 * line is known by its date, amount and description, and by its order among the lines of that day
 * with the same three: the second identical 10,000 yen transfer from the same payer on one day is
 * `#2`. Counting only among identical lines (not among all the lines of the day) keeps the key
 * stable when a day comes partly in one file and whole in the next (a statement downloaded at noon,
 * then at month end), and whichever way the bank sorts its lines.
 */
import type { DateKey } from '../dates';

export interface LineFacts {
  readonly date: DateKey;
  readonly amount: number;
  readonly description: string;
  readonly balance?: number | null;
}

/** The description as compared: NFKC, runs of white space as one space, trimmed. */
function descriptionKey(description: string): string {
  return description.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Each line's identity, in the order given: `2026-05-12|33000|フリコミ ヤマダ(カ|1` (NFKC). */
export function lineKeys(lines: readonly LineFacts[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const base = `${line.date}|${line.amount}|${descriptionKey(line.description)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}|${n}`;
  });
}

/**
 * The lines oldest first. Files run one way or the other: by their first and last dates when they
 * span several days; within a single day, by the balance chain when the bank gives balances.
 */
export function chronological<T extends LineFacts>(lines: readonly T[]): T[] {
  const first = lines[0];
  const last = lines[lines.length - 1];
  if (!first || !last) return [];
  if (first.date !== last.date) return first.date > last.date ? [...lines].reverse() : [...lines];
  return newestFirstByBalance(lines) ? [...lines].reverse() : [...lines];
}

/** Whether each line's balance is the next line's balance plus this line's amount. */
function newestFirstByBalance(lines: readonly LineFacts[]): boolean {
  if (lines.length < 2) return false;
  for (let i = 1; i < lines.length; i++) {
    const newer = lines[i - 1];
    const older = lines[i];
    if (newer?.balance == null || older?.balance == null) return false;
    if (newer.balance !== older.balance + newer.amount) return false;
  }
  return true;
}

/**
 * The lines of a new file that are not stored yet, oldest first, each with its key (to store next
 * to it). Re-importing the same file, or a file whose period overlaps the stored ones, adds only
 * what is new: a day stored in part gets only its missing lines.
 */
export function newLinesOnly<T extends LineFacts>(
  stored: readonly LineFacts[],
  incoming: readonly T[],
): (T & { readonly key: string })[] {
  const known = new Set(lineKeys(stored));
  const ordered = chronological(incoming);
  const keys = lineKeys(ordered);
  const fresh: (T & { readonly key: string })[] = [];
  ordered.forEach((line, i) => {
    const key = keys[i] ?? '';
    if (!known.has(key)) fresh.push({ ...line, key });
  });
  return fresh;
}
