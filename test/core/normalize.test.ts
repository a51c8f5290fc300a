import {
  oneLine,
  stripInvisible,
  stripSpaces,
  stripSpacesAndHyphens,
  toHalfWidth,
} from '../../src/core/normalize';

describe('normalize', () => {
  test.each([
    ['１２３', '123'],
    ['ＡＢＣｘｙｚ', 'ABCxyz'],
    ['￥１，０００', '￥1,000'], // ￥ (U+FFE5) is outside the full-width ASCII block: money.ts handles it
    ['Ｔ１２３　４５', 'T123 45'], // ideographic space to a space
    ['カナ漢字', 'カナ漢字'],
  ])('toHalfWidth(%j) = %j', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  test('strips every space and hyphen people type', () => {
    expect(stripSpacesAndHyphens('1-2‐3‑4‒5–6—7―8−9ー0ｰ1 2\u30003\t4\u00a05')).toBe(
      '123456789012345',
    );
    expect(stripSpaces(' a\u3000b\tc ')).toBe('abc');
  });
});

describe('stripInvisible and oneLine: what reaches a name, a title or a header', () => {
  test.each([
    ['U+202A left-to-right embedding', '\u202a'],
    ['U+202B right-to-left embedding', '\u202b'],
    ['U+202C pop directional formatting', '\u202c'],
    ['U+202D left-to-right override', '\u202d'],
    ['U+202E right-to-left override', '\u202e'],
    ['U+2066 left-to-right isolate', '\u2066'],
    ['U+2067 right-to-left isolate', '\u2067'],
    ['U+2068 first strong isolate', '\u2068'],
    ['U+2069 pop directional isolate', '\u2069'],
    ['U+200E left-to-right mark', '\u200e'],
    ['U+200F right-to-left mark', '\u200f'],
    ['U+061C Arabic letter mark', '\u061c'],
    ['U+200B zero-width space', '\u200b'],
    ['U+200C zero-width non-joiner', '\u200c'],
    ['U+200D zero-width joiner', '\u200d'],
    ['U+2060 word joiner', '\u2060'],
    ['U+FEFF byte order mark', '\ufeff'],
    ['a lone high surrogate', '\ud842'],
    ['a lone low surrogate', '\udfb7'],
  ])('removes %s', (_name, ch) => {
    expect(stripInvisible(`請求${ch}書${ch}`)).toBe('請求書');
    expect(stripInvisible(`${ch}invoice.pdf`)).toBe('invoice.pdf');
    expect(oneLine(` ${ch}株式会社 ぽっけ${ch} `)).toBe('株式会社 ぽっけ');
  });

  test('a high surrogate before a lone low one, or at the end, goes; a pair stays', () => {
    expect(stripInvisible('a\ud842b\udfb7c')).toBe('abc');
    expect(stripInvisible('😀\ud83d')).toBe('😀');
    expect(stripInvisible('\udfb7𠮷')).toBe('𠮷');
  });

  test.each([
    '株式会社ぽっけ商店',
    'Pokke, Inc. "West"',
    '𠮷野家 😀 お見積り(12/5締切)',
    'ｶﾌﾞｼｷｶﾞｲｼｬ　全角スペース',
    '👨\u200d👩\u200d👧 family, 👩🏽\u200d💻 coder', // a joiner inside an emoji is part of it
    '🇯🇵 ❤️ #️⃣',
    'مرحبا עברית',
  ])('leaves normal text untouched: %s', (text) => {
    expect(stripInvisible(text)).toBe(text);
  });

  test('oneLine: controls and line breaks become one space, ends trimmed', () => {
    expect(oneLine('  請求書\r\nBcc: x@example.com\u2028\u0000end\t ')).toBe(
      '請求書 Bcc: x@example.com end',
    );
    expect(oneLine('\u202e\u200b')).toBe('');
  });
});
