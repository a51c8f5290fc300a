/**
 * One language at a time, checked on what a surface shows: a Japanese reader sees no English words
 * and an English reader no Japanese, apart from the data named (client names, mail addresses,
 * the workbook's own vocabulary).
 */
import { hasJapanese } from './one-language';

/** `text` without each of `data` (longest first, so a name inside a longer one goes with it). */
function withoutData(text: string, data: readonly string[]): string {
  let rest = text;
  for (const d of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(d).join(' ');
  return rest;
}

/** The English (Latin words of two letters or more) in `text` once `data` is taken out. */
export function englishWords(text: string, data: readonly string[] = []): string[] {
  return withoutData(text, data).match(/[A-Za-z]{2,}/g) ?? [];
}

/** The lines of `text` that still hold Japanese once `data` is taken out. */
export function japaneseLines(text: string, data: readonly string[] = []): string[] {
  return withoutData(text, data)
    .split('\n')
    .map((l) => l.trim())
    .filter(hasJapanese);
}
