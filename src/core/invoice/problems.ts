/**
 * What is wrong with a row, field by field, in both languages; `joinProblems` makes one message of
 * a row's problems for its メッセージ cell.
 */
import { joinWith, type Text, text } from '../text';

export interface Problem<F extends string = string> {
  /** The column the problem is about (a key of the sheet's schema). */
  readonly field: F;
  /** `日付: 日付が入力されていません` / `Date: No date entered`. */
  readonly message: Text;
}

export interface FieldLabel {
  readonly ja: string;
  readonly en: string;
}

/**
 * Prefixes a message with the field's label: `単価: 金額として読み取れません…` /
 * `Unit price: Not an amount…`. When the value is given it is quoted (cut to 30 characters) so
 * the owner sees what was read.
 */
export function labelled(label: FieldLabel, message: Text, value?: unknown): Text {
  const shown = value === undefined ? '' : quoteValue(value);
  return text(
    `${label.ja}${shown ? `「${shown}」` : ''}: ${message.ja}`,
    `${label.en}${shown ? ` "${shown}"` : ''}: ${message.en}`,
  );
}

export function problem<F extends string>(
  field: F,
  label: FieldLabel,
  ja: string,
  en: string,
  value?: unknown,
): Problem<F> {
  return { field, message: labelled(label, text(ja, en), value) };
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
export function joinProblems(problems: readonly Problem[]): Text {
  return joinWith(
    problems.map((p) => p.message),
    '\n',
  );
}
