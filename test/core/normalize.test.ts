import { stripSpaces, stripSpacesAndHyphens, toHalfWidth } from '../../src/core/normalize';

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
