import type { DateKey } from '../../../src/core/dates';
import { creditRate, creditRateLabel } from '../../../src/core/expenses';

const d = (s: string) => s as DateKey;

describe('creditRate (仕入税額控除, 経過措置 as reformed in 令和8年度)', () => {
  test.each([
    ['2023-09-30', 100], // before the invoice system
    ['2023-10-01', 80],
    ['2026-09-30', 80],
    ['2026-10-01', 70],
    ['2028-09-30', 70],
    ['2028-10-01', 50],
    ['2030-09-30', 50],
    ['2030-10-01', 30],
    ['2031-09-30', 30],
    ['2031-10-01', 0],
    ['2040-01-01', 0],
  ])('without a registration number on %s: %i%%', (date, percent) => {
    expect(creditRate(d(date), false)).toBe(percent);
  });

  test.each(['2023-09-30', '2023-10-01', '2026-10-01', '2031-10-01'])(
    'with a registration number on %s: 100%%',
    (date) => {
      expect(creditRate(d(date), true)).toBe(100);
    },
  );

  test('the ledger notes the rate applied', () => {
    expect(creditRateLabel(80)).toEqual({ ja: '80%控除対象', en: '80% creditable' });
    expect(creditRateLabel(100).ja).toBe('100%控除');
    expect(creditRateLabel(0).ja).toBe('控除対象外');
  });
});
