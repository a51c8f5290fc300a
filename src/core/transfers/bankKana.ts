/**
 * Names as banks write them in a 全銀協 file: half-width katakana (with ﾞ and ﾟ as separate
 * characters), upper-case A–Z, 0–9, space and ( ) - . / (domain-jp.md, Bulk transfers). Every one
 * of these is one byte in Shift_JIS, so a field's length in characters is its length in bytes.
 *
 * What people type is brought to that set: full-width and half-width forms unified (NFKC),
 * hiragana to katakana, small kana enlarged (ｼﾔ, not ｼｬ: banks store names without small kana),
 * every hyphen and the long vowel mark to `-`, the middle dot to a space (banks refuse ・, 京葉銀行
 * 「入力可能文字」), lower case to upper case, legal forms abbreviated (legalForms.ts). Anything else
 * (kanji, 、, ！ …) cannot be written and is reported, never dropped.
 */
import { HYPHEN_CLASS } from '../normalize';
import { type FieldName, type Text, text, tooLongMessage } from '../text';
import { abbreviateLegalForms } from './legalForms';

/** Full-width katakana (and the combining voiced marks) → half-width, from Unicode's own data. */
const NARROW: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const halfWidth: string[] = [];
  for (let code = 0xff61; code <= 0xff9f; code++) {
    const half = String.fromCharCode(code);
    halfWidth.push(half);
    map.set(half.normalize('NFKC'), half);
  }
  // ｶﾞ composes to ガ under NFKC, ﾊﾟ to パ, ｳﾞ to ヴ: the pairs that compose are the voiced kana.
  for (const half of halfWidth) {
    for (const mark of ['\uff9e', '\uff9f']) {
      const full = (half + mark).normalize('NFKC');
      if (full.length === 1) map.set(full, half + mark);
    }
  }
  return map;
})();

// The small kana are one code point before their large form (ァ→ア … ヮ→ワ), except ヵ and ヶ;
// ヰ and ヱ, gone from modern kana, are written イ and エ.
const SMALL_BEFORE_LARGE = /[ァィゥェォッャュョヮ]/g;
const OTHER_ENLARGED: Readonly<Record<string, string>> = { ヵ: 'カ', ヶ: 'ケ', ヰ: 'イ', ヱ: 'エ' };
const HIRAGANA = /[\u3041-\u3096]/g;
const HIRAGANA_TO_KATAKANA = 0x60;
const HYPHENS = new RegExp(`[${HYPHEN_CLASS}]`, 'g');
const ALLOWED = /^[ ()\-./0-9A-Z\uff66\uff71-\uff9f]$/;

const shiftCode = (offset: number) => (ch: string) =>
  String.fromCharCode(ch.charCodeAt(0) + offset);

/**
 * The name in full-width katakana and ASCII, small kana enlarged, legal forms abbreviated: the
 * form that is then narrowed character by character.
 */
function canonical(input: string): string {
  const unified = input
    // The spacing marks ゛゜ would become a space and a combining mark under NFKC.
    .replace(/\u309b/g, '\u3099')
    .replace(/\u309c/g, '\u309a')
    .normalize('NFKC')
    .replace(HIRAGANA, shiftCode(HIRAGANA_TO_KATAKANA))
    .replace(SMALL_BEFORE_LARGE, shiftCode(1))
    .replace(/[ヵヶヰヱ]/g, (ch) => OTHER_ENLARGED[ch]!)
    .replace(HYPHENS, '-')
    .replace(/・/g, ' ')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
  return abbreviateLegalForms(unified);
}

export type BankKana = { ok: true; value: string } | { ok: false; message: Text };

export interface BankKanaOptions {
  /** The field's width in the record. */
  maxLength?: number;
  /**
   * What a longer value does: refused (the default: a holder name is matched with the account's,
   * so it is never cut silently) or cut (bank and branch names, which the codes already identify).
   */
  overflow?: 'refuse' | 'cut';
  /** Refuse an empty name. */
  required?: boolean;
}

const ALLOWED_HINT = text(
  '使えるのは半角カナ・英大文字・数字・スペース・( ) - . / です',
  'Banks accept half-width katakana, A–Z, 0–9, space and ( ) - . /',
);

/** `input` as banks write it, or why it cannot be written (naming the characters and the field). */
export function toBankKana(
  input: string,
  field: FieldName,
  options: BankKanaOptions = {},
): BankKana {
  let value = '';
  const refused: string[] = [];
  for (const ch of canonical(input)) {
    const narrow = NARROW.get(ch) ?? ch;
    if ([...narrow].every((c) => ALLOWED.test(c))) value += narrow;
    else if (!refused.includes(ch)) refused.push(ch);
  }
  if (refused.length > 0) {
    return {
      ok: false,
      message: text(
        `${field.ja}に銀行で使えない文字があります: ${refused.map((ch) => `「${ch}」`).join('')}(${ALLOWED_HINT.ja})`,
        `${field.en} has characters banks do not accept: ${refused.map((ch) => `"${ch}"`).join(', ')} (${ALLOWED_HINT.en})`,
      ),
    };
  }
  if (options.required && value === '') {
    return {
      ok: false,
      message: text(`${field.ja}が入力されていません`, `${field.en} is missing`),
    };
  }
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    if (options.overflow === 'cut') return { ok: true, value: cut(value, options.maxLength) };
    const tooLong = tooLongMessage(field, options.maxLength, value.length);
    return {
      ok: false,
      message: text(
        `${tooLong.ja}(半角カナで「${value}」)`,
        `${tooLong.en} (in half-width kana: "${value}")`,
      ),
    };
  }
  return { ok: true, value };
}

/** The first `length` characters, without leaving a ﾞ or ﾟ apart from its kana. */
function cut(value: string, length: number): string {
  const marks = /[\uff9e\uff9f]/;
  let end = length;
  while (end > 0 && marks.test(value.charAt(end))) end--;
  return value.slice(0, end);
}
