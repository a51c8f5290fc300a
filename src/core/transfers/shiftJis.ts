/**
 * Shift_JIS bytes of a 全銀協 file. The file holds only single-byte characters (bankKana.ts), and
 * for those Shift_JIS is arithmetic (JIS X 0201): ASCII is itself, and the half-width katakana
 * U+FF61–U+FF9F are the bytes 0xA1–0xDF. No table or library is needed.
 */

const HALF_WIDTH_KANA_FIRST = 0xff61;
const HALF_WIDTH_KANA_LAST = 0xff9f;
const SHIFT_JIS_KANA_FIRST = 0xa1;

/**
 * The Shift_JIS bytes of `content`: printable ASCII except `\` and `~` (which Shift_JIS reads as
 * ¥ and ‾), CR, LF and half-width katakana. Anything else is a bug upstream and throws.
 */
export function toShiftJis(content: string): Uint8Array {
  const bytes = new Uint8Array(content.length);
  for (let i = 0; i < content.length; i++) {
    const code = content.charCodeAt(i);
    if (
      (code >= 0x20 && code <= 0x7e && code !== 0x5c && code !== 0x7e) ||
      code === 0x0d ||
      code === 0x0a
    ) {
      bytes[i] = code;
    } else if (code >= HALF_WIDTH_KANA_FIRST && code <= HALF_WIDTH_KANA_LAST) {
      bytes[i] = code - HALF_WIDTH_KANA_FIRST + SHIFT_JIS_KANA_FIRST;
    } else {
      throw new RangeError(
        `toShiftJis: U+${code.toString(16).toUpperCase().padStart(4, '0')} at ${i} is not a single-byte character`,
      );
    }
  }
  return bytes;
}
