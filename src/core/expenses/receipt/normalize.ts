/**
 * Receipt text made regular before it is read: a mail body, a PDF's text or OCR output.
 *
 * - NFKC: full-width digits and letters, ￥, ％, （）, ：and half-width kana become one form; ㈱
 *   becomes (株).
 * - Invisible characters (bidirectional controls, zero-width spaces) are removed.
 * - OCR noise as tesseract's `jpn` model produces it: a space between every Japanese character
 *   (「合 計 3, 9 8 0 円」), letters O/o read for the digit 0 and l/I/| for 1 inside numbers, and a
 *   space between a number and 円, ¥ or %. Spaces between Japanese characters are removed only
 *   when the text is spaced out that way throughout, so a mail's 「株式会社 ポッケ」 keeps its space.
 */
import { stripInvisible } from '../../normalize';

/** Text past this length is not read (a receipt is short; this bounds the work on hostile input). */
export const RECEIPT_TEXT_LIMIT = 100_000;

const JA = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆';
const JA_SPACE_JA = new RegExp(`(?<=[${JA}]) +(?=[${JA}])`, 'gu');
const JA_CHAR = new RegExp(`[${JA}]`, 'gu');

/** The text's lines, normalised; empty lines dropped. */
export function receiptLines(raw: string): string[] {
  const text = stripInvisible(raw.slice(0, RECEIPT_TEXT_LIMIT))
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\v\f\u00a0\u2000-\u200a\u3000]/g, ' ');
  const spacedOut = looksSpacedOut(text);
  return text
    .split('\n')
    .map((line) => cleanLine(line, spacedOut))
    .filter((line) => line !== '');
}

/** Whether most Japanese characters are followed by a space and another Japanese character. */
export function looksSpacedOut(text: string): boolean {
  const japanese = text.match(JA_CHAR)?.length ?? 0;
  if (japanese < 6) return false;
  const spaced = text.match(JA_SPACE_JA)?.length ?? 0;
  return spaced / japanese > 0.4;
}

function cleanLine(line: string, spacedOut: boolean): string {
  let s = line.replace(/ {2,}/g, '  ').trim();
  if (spacedOut)
    // Spaced-out text spaces out its digits too: 「2 0 2 6 年 1 1 月」「1 2 : 3 0」.
    s = s
      .replace(JA_SPACE_JA, '')
      .replace(/(?<=\d) (?=\d)/g, '')
      .replace(/(?<=\d) ?: ?(?=\d)/g, ':');
  s = s
    // 「9 8 0」: single digits split by spaces, as OCR spaces out full-width digits.
    .replace(/(?<![\d,.])\d(?: \d){2,}(?![\d])/g, (m) => m.replace(/ /g, ''))
    // 「3, 980」「3 ,980」
    .replace(/(\d) ?([,.]) ?(?=\d{3}(?!\d))/g, '$1$2')
    .replace(/(\d) +(?=[円%年月日])/g, '$1')
    .replace(/([¥\\$€£]) +(?=\d)/g, '$1')
    .replace(/([年月]) +(?=\d)/g, '$1')
    .replace(/(令和|平成) +(?=[\d元])/g, '$1');
  return fixDigitLookalikes(s);
}

// A letter read for a digit: only when a digit stands right before it, and a digit, a separator
// or an amount's end follows. Repeated so that 「1OO」 becomes 「100」.
const O_FOR_ZERO = /(?<=\d[,.]?)[Oo〇](?=[\d,.%円-]|\s|$)/g;
const L_FOR_ONE = /(?<=\d[,.]?)[lI|](?=[\d,.%円])/g;

function fixDigitLookalikes(line: string): string {
  let s = line;
  for (let i = 0; i < 6; i++) {
    const next = s.replace(O_FOR_ZERO, '0').replace(L_FOR_ONE, '1');
    if (next === s) break;
    s = next;
  }
  return s;
}

/** A label as compared against keyword lists: lower case, without spaces. */
export function foldLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, '');
}
