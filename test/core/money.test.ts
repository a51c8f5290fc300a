import { divideRounded, formatYen, mulDivRounded, parseYen, rounding } from '../../src/core/money';
import { expectSeparateLanguages } from '../fixtures/text';

// domain-jp.md: money is whole yen in integer arithmetic; `100000 * 1.1` is 110000.00000000001.

describe('parseYen', () => {
  test.each([
    [12000, 12000],
    [-500, -500],
    [0, 0],
    [-0, 0],
    ['12000', 12000],
    ['12,000', 12000],
    ['¥12,000', 12000],
    ['￥12,000', 12000], // U+FFE5
    ['\\12,000', 12000], // a backslash is drawn as ¥ in Japanese fonts
    ['12,000円', 12000],
    ['¥ 12,000 円', 12000],
    ['１２，０００', 12000], // full-width digits and comma
    ['１２０００円', 12000],
    ['-500', -500],
    ['−500', -500], // U+2212 minus sign
    ['－500', -500], // full-width hyphen-minus
    ['△500', -500], // Japanese negative mark
    ['▲1,500', -1500],
    ['△¥500', -500],
    ['-¥500', -500],
    ['¥-500', -500],
    ['+500', 500],
    ['1,000.00', 1000], // a zero fraction is still whole yen
    ['1,234,567,890', 1234567890],
    ['-0', 0],
    [10n, 10],
  ])('%j → %i yen', (cell, yen) => {
    expect(parseYen(cell)).toEqual({ ok: true, yen });
  });

  test.each([
    [12.5, 'notInteger'],
    [100000 * 1.1, 'notInteger'], // 110000.00000000001 is not silently rounded
    ['12.5', 'notInteger'],
    ['1,000.50', 'notInteger'],
    [null, 'empty'],
    [undefined, 'empty'],
    ['', 'empty'],
    ['　', 'empty'],
    ['1,23', 'format'], // commas must group thousands
    ['12,0000', 'format'],
    ['abc', 'format'],
    ['10万円', 'format'],
    ['--500', 'format'],
    ['△-500', 'format'],
    ['500-', 'format'],
    ['(500)', 'format'],
    ['1e5', 'format'],
    ['99999999999999999', 'tooLarge'],
    [2 ** 53, 'tooLarge'],
    [Number.NaN, 'type'],
    [Number.POSITIVE_INFINITY, 'type'],
    [true, 'type'],
    [new Date(0), 'type'],
    [{}, 'type'],
  ])('%p is refused: %s', (cell, reason) => {
    const result = parseYen(cell);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expectSeparateLanguages(result.message);
  });
});

describe('formatYen', () => {
  test.each([
    [0, '0'],
    [999, '999'],
    [1000, '1,000'],
    [1234, '1,234'],
    [1234567, '1,234,567'],
    [-1234, '-1,234'],
    [-100, '-100'],
  ])('%i → %s', (yen, text) => {
    expect(formatYen(yen)).toBe(text);
  });

  test('negative marks on request, and round trip with parseYen', () => {
    expect(formatYen(-1500, { negativeSign: '△' })).toBe('△1,500');
    expect(formatYen(-1500, { negativeSign: '▲' })).toBe('▲1,500');
    for (const yen of [0, 7, -7, 1000, -999999, 123456789]) {
      expect(parseYen(formatYen(yen))).toEqual({ ok: true, yen });
      expect(parseYen(formatYen(yen, { negativeSign: '△' }))).toEqual({ ok: true, yen });
    }
  });

  test('refuses fractions', () => {
    expect(() => formatYen(1.5)).toThrow(RangeError);
  });
});

describe('rounding / divideRounded', () => {
  // 切り捨て, 切り上げ, 四捨五入 act on the magnitude, so a credit line mirrors its invoice line.
  test.each([
    // numerator, denominator, floor, round, ceil
    [37050, 100, 370, 371, 371], // 3,705 yen at 10%: 370.5
    [12350, 100, 123, 124, 124],
    [12340, 100, 123, 123, 124],
    [12300, 100, 123, 123, 123],
    [43200, 108, 400, 400, 400], // 5,400 incl. at 8%: tax 400 exactly
    [10000, 110, 90, 91, 91], // 1,000 incl. at 10%: 90.909…
    [-12350, 100, -123, -124, -124], // credit line −1,235 yen at 10%
    [-12340, 100, -123, -123, -124],
    [0, 100, 0, 0, 0],
    [1, 3, 0, 0, 1],
    [2, 3, 0, 1, 1],
    [-1, 3, 0, 0, -1],
  ])('%i / %i → floor %i, round %i, ceil %i', (n, d, floor, round, ceil) => {
    expect(rounding('floor')(n, d)).toBe(floor);
    expect(rounding('round')(n, d)).toBe(round);
    expect(rounding('ceil')(n, d)).toBe(ceil);
    expect(Object.is(divideRounded(n, d, 'floor'), -0)).toBe(false);
  });

  test('exact where floats are not', () => {
    // Floating point: 100000 * 1.1 = 110000.00000000001 and Math.ceil of it is 110001.
    expect(Math.ceil(100000 * 1.1)).toBe(110001);
    expect(mulDivRounded(100000, 110, 100, 'ceil')).toBe(110000);
    // Near the top of the safe range the quotient of a float division can be off by one.
    const big = Number.MAX_SAFE_INTEGER - 1; // 9007199254740990 = 3 × 3002399751580330
    expect(divideRounded(big, 3, 'floor')).toBe(3002399751580330);
    expect(divideRounded(big - 1, 3, 'ceil')).toBe(3002399751580330);
    expect(divideRounded(big - 1, 3, 'floor')).toBe(3002399751580329);
  });

  test('refuses what cannot be computed exactly', () => {
    expect(() => divideRounded(1.5, 2, 'floor')).toThrow(RangeError);
    expect(() => divideRounded(10, 0, 'floor')).toThrow(RangeError);
    expect(() => divideRounded(10, -2, 'floor')).toThrow(RangeError);
    expect(() => mulDivRounded(2 ** 52, 10, 100, 'floor')).toThrow(RangeError);
  });
});
