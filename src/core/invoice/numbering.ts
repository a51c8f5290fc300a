/**
 * Invoice numbers from a pattern such as `{YYYY}-{MM}-{SEQ4}` → `2026-11-0001`.
 *
 * Tokens: `{YYYY}` `{YY}` `{MM}` `{DD}` (of the issue date, zero-padded) and exactly one
 * `{SEQ}` or `{SEQn}` (the sequence, zero-padded to n digits, 1–9; `{SEQ}` is unpadded). Literal
 * characters: ASCII letters, digits and `- _ . / #`.
 *
 * The sequence runs per scope: the pattern with its date tokens filled in. With `{MM}` it starts
 * again each month, with only `{YYYY}` each year, with no date token never. The next number is
 * one more than the highest number of the scope among ALL existing numbers, voided (取消) ones
 * included, so a number is never reused and gaps are never filled. A sequence beyond its width
 * grows a digit (`9999` → `10000`) rather than wrap. Call it under the script lock, with the
 * numbers read inside the lock.
 */

import { type DateKey, dateParts } from '../dates';
import { type Text, text, UserError } from '../text';

export const DEFAULT_NUMBER_PATTERN = '{YYYY}-{MM}-{SEQ4}';

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'YYYY' | 'YY' | 'MM' | 'DD' }
  | { kind: 'SEQ'; width: number };

export interface NumberPattern {
  readonly source: string;
  readonly tokens: readonly Token[];
}

export type NumberPatternParse =
  | { ok: true; pattern: NumberPattern }
  | { ok: false; message: Text };

const MAX_LENGTH = 40;
const LITERAL = /^[A-Za-z0-9\-_./#]$/;

function fail(ja: string, en: string): NumberPatternParse {
  return {
    ok: false,
    message: text(
      `請求書番号の形式: ${ja}(例: {YYYY}-{MM}-{SEQ4} → 2026-11-0001)`,
      `Invoice number pattern: ${en} (e.g. {YYYY}-{MM}-{SEQ4} → 2026-11-0001)`,
    ),
  };
}

/** Reads and checks a pattern (full-width characters are folded, spaces around it trimmed). */
export function parseNumberPattern(input: string): NumberPatternParse {
  const source = input.normalize('NFKC').trim();
  if (source === '') return fail('入力されていません', 'nothing entered');
  if (source.length > MAX_LENGTH)
    return fail(`${MAX_LENGTH}文字以内にしてください`, `at most ${MAX_LENGTH} characters`);
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '{') {
      const end = source.indexOf('}', i);
      if (end < 0) return fail('「{」が閉じていません', 'a "{" is not closed');
      const name = source.slice(i + 1, end).toUpperCase();
      const seq = /^SEQ([1-9])?$/.exec(name);
      if (seq) tokens.push({ kind: 'SEQ', width: seq[1] ? Number(seq[1]) : 1 });
      else if (name === 'YYYY' || name === 'YY' || name === 'MM' || name === 'DD')
        tokens.push({ kind: name });
      else
        return fail(
          `「{${source.slice(i + 1, end)}}」は使えません。使えるのは {YYYY} {YY} {MM} {DD} {SEQ4} です`,
          `"{${source.slice(i + 1, end)}}" is unknown; use {YYYY} {YY} {MM} {DD} {SEQ4}`,
        );
      i = end + 1;
      continue;
    }
    if (ch === '}') return fail('「}」に対応する「{」がありません', 'a "}" has no "{"');
    if (!LITERAL.test(ch))
      return fail(
        `「${ch}」は使えません。英数字と記号 -_./# が使えます`,
        `"${ch}" is not allowed; use letters, digits and -_./#`,
      );
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'literal') last.text += ch;
    else tokens.push({ kind: 'literal', text: ch });
    i += 1;
  }
  const kinds = tokens.map((t) => t.kind);
  const seqCount = kinds.filter((k) => k === 'SEQ').length;
  if (seqCount !== 1)
    return fail(
      '連番 {SEQ} または {SEQ4} などをちょうど1つ入れてください',
      'include exactly one sequence, {SEQ} or {SEQ4} etc.',
    );
  const hasYear = kinds.includes('YYYY') || kinds.includes('YY');
  if (kinds.includes('MM') && !hasYear)
    return fail(
      '{MM} を使うときは {YYYY} か {YY} も入れてください(翌年の同じ月と区別するため)',
      'with {MM} include {YYYY} or {YY} too (to tell the same month of two years apart)',
    );
  if (kinds.includes('DD') && !kinds.includes('MM'))
    return fail('{DD} を使うときは {MM} も入れてください', 'with {DD} include {MM} too');
  return { ok: true, pattern: { source, tokens } };
}

/** The text error for a pattern, or null when it is fine (for the settings form). */
export function numberPatternError(input: string): Text | null {
  const parsed = parseNumberPattern(input);
  return parsed.ok ? null : parsed.message;
}

function dateToken(kind: 'YYYY' | 'YY' | 'MM' | 'DD', date: DateKey): string {
  const { year, month, day } = dateParts(date);
  if (kind === 'YYYY') return String(year).padStart(4, '0');
  if (kind === 'YY') return String(year % 100).padStart(2, '0');
  return String(kind === 'MM' ? month : day).padStart(2, '0');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

function scopeOf(pattern: NumberPattern, issueDate: DateKey) {
  let before = '';
  let after = '';
  let width = 1;
  let seen = false;
  for (const t of pattern.tokens) {
    if (t.kind === 'SEQ') {
      seen = true;
      width = t.width;
      continue;
    }
    const text = t.kind === 'literal' ? t.text : dateToken(t.kind, issueDate);
    if (seen) after += text;
    else before += text;
  }
  const regex = new RegExp(`^${escapeRegExp(before)}(\\d+)${escapeRegExp(after)}$`, 'i');
  return {
    regex,
    format: (seq: number) => `${before}${String(seq).padStart(width, '0')}${after}`,
  };
}

function normalizeNumber(value: string): string {
  return value.normalize('NFKC').trim();
}

/** The highest sequence used in the scope of `issueDate` (0 when none). */
export function highestSequence(
  pattern: NumberPattern,
  issueDate: DateKey,
  existingNumbers: Iterable<string>,
): number {
  const { regex } = scopeOf(pattern, issueDate);
  let max = 0;
  for (const n of existingNumbers) {
    const m = regex.exec(normalizeNumber(n));
    if (m?.[1] !== undefined) {
      const seq = Number(m[1]);
      if (Number.isSafeInteger(seq) && seq > max) max = seq;
    }
  }
  return max;
}

/**
 * The next `count` numbers for invoices issued on `issueDate`, none equal to an existing one
 * (voided numbers included) and none reusing a gap. Throws a UserError for a bad pattern.
 */
export function nextNumbers(
  pattern: string | NumberPattern,
  issueDate: DateKey,
  existingNumbers: Iterable<string>,
  count: number,
): string[] {
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`nextNumbers: count must be a non-negative integer, got ${count}`);
  let parsed: NumberPattern;
  if (typeof pattern === 'string') {
    const result = parseNumberPattern(pattern);
    if (!result.ok) {
      throw new UserError(result.message.ja, result.message.en);
    }
    parsed = result.pattern;
  } else parsed = pattern;

  const existing = new Set<string>();
  for (const n of existingNumbers) existing.add(normalizeNumber(n).toUpperCase());
  const { format } = scopeOf(parsed, issueDate);
  let seq = highestSequence(parsed, issueDate, existing);
  const numbers: string[] = [];
  while (numbers.length < count) {
    seq += 1;
    const candidate = format(seq);
    // Defence in depth: a hand-typed number could match another scope's shape.
    if (existing.has(candidate.toUpperCase())) continue;
    existing.add(candidate.toUpperCase());
    numbers.push(candidate);
  }
  return numbers;
}
