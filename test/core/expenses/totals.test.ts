import type { DateKey } from '../../../src/core/dates';
import type { Expense } from '../../../src/core/expenses/expenseRow';
import { monthTotals } from '../../../src/core/expenses/totals';

const e = (
  date: string,
  account: string,
  amount: number,
  taxRate: Expense['taxRate'],
  tax: number,
): Expense => ({
  date: date as DateKey,
  payee: 'x',
  amount,
  taxRate,
  tax,
  taxComputed: false,
  account,
  memo: '',
  receipt: '',
});

it('totals a month by account (largest first) and by rate, leaving other months out', () => {
  const t = monthTotals(
    [
      e('2026-11-04', '旅費交通費', 1980, 10, 180),
      e('2026-11-18', '会議費', 1296, 8, 96),
      e('2026-11-20', '旅費交通費', 3300, 10, 300),
      e('2026-11-25', '租税公課', 200, 'exempt', 0),
      e('2026-12-01', '通信費', 5280, 10, 480),
    ],
    '2026-11',
  );
  expect(t).toMatchObject({ month: '2026-11', amount: 6776, tax: 576, count: 4 });
  expect(t.byAccount).toEqual([
    { account: '旅費交通費', amount: 5280, count: 2 },
    { account: '会議費', amount: 1296, count: 1 },
    { account: '租税公課', amount: 200, count: 1 },
  ]);
  expect(t.byRate).toEqual([
    { rate: '10%', amount: 5280, tax: 480, count: 2 },
    { rate: '8%', amount: 1296, tax: 96, count: 1 },
    { rate: '非課税', amount: 200, tax: 0, count: 1 },
  ]);
});
