import { toShiftJis } from '../../../src/core/transfers/shiftJis';

describe('toShiftJis: the single-byte characters of a 全銀協 file', () => {
  test('ASCII is itself, CR and LF included', () => {
    expect([...toShiftJis('20AZ ()-./\r\n')]).toEqual([
      0x32, 0x30, 0x41, 0x5a, 0x20, 0x28, 0x29, 0x2d, 0x2e, 0x2f, 0x0d, 0x0a,
    ]);
  });

  test('half-width katakana U+FF61–U+FF9F are 0xA1–0xDF (JIS X 0201)', () => {
    expect([...toShiftJis('｡ｦｱｶﾞﾝﾟ')]).toEqual([0xa1, 0xa6, 0xb1, 0xb6, 0xde, 0xdd, 0xdf]);
  });

  test.each([
    ['full-width katakana', 'ア'],
    ['kanji', '山'],
    ['backslash, which Shift_JIS reads as ¥', '\\'],
    ['tilde, which Shift_JIS reads as an overline', '~'],
    ['a tab', '\t'],
  ])('refuses %s', (_, ch) => {
    expect(() => toShiftJis(`A${ch}`)).toThrow(RangeError);
  });
});
