import type { DateKey } from '../../../src/core/dates';
import {
  chronological,
  type LineFacts,
  lineKeys,
  newLinesOnly,
} from '../../../src/core/payments/lineIdentity';

const line = (date: string, amount: number, description: string, balance?: number): LineFacts => ({
  date: date as DateKey,
  amount,
  description,
  balance: balance ?? null,
});

const may = [
  line('2026-05-11', 50000, 'ﾌﾘｺﾐ ｻｸﾗ(ｶ', 150000),
  line('2026-05-12', 33000, 'ﾌﾘｺﾐ ﾔﾏﾀﾞ', 183000),
  line('2026-05-12', -1200, 'ATM', 181800),
  line('2026-05-12', 33000, 'ﾌﾘｺﾐ ﾔﾏﾀﾞ', 214800),
  line('2026-05-13', 10000, 'ﾌﾘｺﾐ ｻﾄｳ', 224800),
];

describe('line identity: date, amount, description and order among identical lines of the day', () => {
  test('two identical transfers on one day are two lines', () => {
    const keys = lineKeys(may);
    expect(new Set(keys).size).toBe(may.length);
    expect(keys[1]).toBe('2026-05-12|33000|フリコミ ヤマダ|1');
    expect(keys[3]).toBe('2026-05-12|33000|フリコミ ヤマダ|2');
  });

  test('importing the same file again adds nothing', () => {
    expect(newLinesOnly(may, may)).toEqual([]);
  });

  test('the same file sorted newest first adds nothing either', () => {
    expect(newLinesOnly(may, [...may].reverse())).toEqual([]);
  });

  test('an overlapping period adds only the days and lines not stored', () => {
    const june = [
      line('2026-05-13', 10000, 'ﾌﾘｺﾐ ｻﾄｳ', 224800),
      line('2026-05-14', 8000, 'ﾌﾘｺﾐ ｽｽﾞｷ', 232800),
    ];
    expect(newLinesOnly(may, june).map((l) => [l.date, l.description])).toEqual([
      ['2026-05-14', 'ﾌﾘｺﾐ ｽｽﾞｷ'],
    ]);
  });

  test('a day stored in part (downloaded at noon) gets only its missing lines, the second identical one included', () => {
    const noon = may.slice(0, 2); // 05-11, and the first ﾔﾏﾀﾞ of 05-12
    const fresh = newLinesOnly(noon, may);
    expect(fresh.map((l) => [l.date, l.amount, l.description])).toEqual([
      ['2026-05-12', -1200, 'ATM'],
      ['2026-05-12', 33000, 'ﾌﾘｺﾐ ﾔﾏﾀﾞ'],
      ['2026-05-13', 10000, 'ﾌﾘｺﾐ ｻﾄｳ'],
    ]);
    expect(fresh[1]?.key).toBe('2026-05-12|33000|フリコミ ヤマダ|2');
    // stored together, nothing is added a third time
    expect(newLinesOnly([...noon, ...fresh], may)).toEqual([]);
  });

  test('spacing and full/half width of the description do not make a new line', () => {
    const again = [line('2026-05-13', 10000, 'ﾌﾘｺﾐ　ｻﾄｳ ')];
    expect(newLinesOnly(may, again)).toEqual([]);
  });
});

describe('chronological', () => {
  test('a newest-first file over several days is turned round', () => {
    expect(chronological([...may].reverse())).toEqual(may);
  });

  test('within one day, the balance chain tells a newest-first file', () => {
    const day = may.slice(1, 4);
    expect(chronological([...day].reverse())).toEqual(day);
    expect(chronological(day)).toEqual(day);
  });
});
