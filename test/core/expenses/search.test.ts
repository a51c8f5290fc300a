import type { DateKey } from '../../../src/core/dates';
import {
  expenseMatcher,
  queryProblems,
  type SearchableExpense,
} from '../../../src/core/expenses/search';

const d = (s: string) => s as DateKey;
const rows: SearchableExpense[] = [
  { date: d('2026-11-04'), amount: 1980, payee: '東都交通' },
  { date: d('2026-11-12'), amount: 3520, payee: '株式会社ＡＢＣ商事' },
  { date: d('2026-12-01'), amount: 12000, payee: 'ABC Trading Inc.' },
  { date: null, amount: 3000, payee: '日付なし商店' },
  { date: d('2026-11-20'), amount: null, payee: '文字の金額' },
];
const find = (q: Parameters<typeof expenseMatcher>[0]) =>
  rows.filter(expenseMatcher(q)).map((r) => r.payee);

describe('the 電帳法 search', () => {
  it('by date range, inclusive; rows without a readable date are not in a range', () => {
    expect(find({ from: d('2026-11-04'), to: d('2026-11-20') })).toEqual([
      '東都交通',
      '株式会社ＡＢＣ商事',
      '文字の金額',
    ]);
  });

  it('by amount range, inclusive, open at either end', () => {
    expect(find({ minAmount: 1980, maxAmount: 3520 })).toEqual([
      '東都交通',
      '株式会社ＡＢＣ商事',
      '日付なし商店',
    ]);
    expect(find({ minAmount: 5000 })).toEqual(['ABC Trading Inc.']);
  });

  it('by a part of the payee, regardless of width, case and legal form', () => {
    expect(find({ payee: 'abc' })).toEqual(['株式会社ＡＢＣ商事', 'ABC Trading Inc.']);
    expect(find({ payee: '株式会社' })).toEqual(['株式会社ＡＢＣ商事']);
  });

  it('two conditions combined must both hold', () => {
    expect(find({ payee: 'ABC', maxAmount: 5000 })).toEqual(['株式会社ＡＢＣ商事']);
    expect(find({ payee: 'ABC', from: d('2026-12-01') })).toEqual(['ABC Trading Inc.']);
  });

  it('refuses no condition and reversed ranges', () => {
    expect(queryProblems({ payee: '  ' }).map((p) => p.en)).toEqual([
      'Enter at least one condition (date, amount or payee)',
    ]);
    expect(
      queryProblems({ from: d('2026-12-01'), to: d('2026-11-01'), minAmount: 5, maxAmount: 1 }),
    ).toHaveLength(2);
    expect(queryProblems({ minAmount: 1 })).toEqual([]);
  });
});
