/**
 * What is wrong with a row, field by field. Every message is Japanese first, then English
 * (`bilingual`), fit for the row's メッセージ cell; `joinProblems` makes that cell's text.
 */
import { bilingual } from '../bilingual';

export interface Problem<F extends string = string> {
  /** The column the problem is about (a key of the sheet's schema). */
  readonly field: F;
  /** `日付: 日付が入力されていません / Date: No date entered`. */
  readonly message: string;
}

export interface FieldLabel {
  readonly ja: string;
  readonly en: string;
}

const SEPARATOR = ' / ';

/**
 * Prefixes a bilingual message (`ja / en`, as core's parsers return them) with the field's label
 * on each side: `単価: 金額として読み取れません… / Unit price: Not an amount…`. When the value is
 * given it is quoted (cut to 30 characters) so the owner sees what was read.
 */
export function labelled(label: FieldLabel, message: string, value?: unknown): string {
  const at = message.indexOf(SEPARATOR);
  const ja = at < 0 ? message : message.slice(0, at);
  const en = at < 0 ? message : message.slice(at + SEPARATOR.length);
  const shown = value === undefined ? '' : quoteValue(value);
  return bilingual(
    `${label.ja}${shown ? `「${shown}」` : ''}: ${ja}`,
    `${label.en}${shown ? ` "${shown}"` : ''}: ${en}`,
  );
}

export function problem<F extends string>(
  field: F,
  label: FieldLabel,
  ja: string,
  en: string,
  value?: unknown,
): Problem<F> {
  return { field, message: labelled(label, bilingual(ja, en), value) };
}

function quoteValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = (value instanceof Date ? value.toISOString() : String(value))
    // biome-ignore lint/suspicious/noControlCharactersInRegex: shown in a cell, one line
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  const chars = Array.from(text);
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : text;
}

/** The messages of a row as one cell's text, one per line. */
export function joinProblems(problems: readonly Problem[]): string {
  return problems.map((p) => p.message).join('\n');
}
