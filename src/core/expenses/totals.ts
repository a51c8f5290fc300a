/**
 * A month of the expense log at a glance: the total, and the totals by account and by tax rate
 * (the consumption tax inside them, as the rows hold it). Only rows that check are counted.
 */
import { formatTaxRate, TAX_RATES, type TaxRate } from '../tax';
import type { Expense } from './expenseRow';

export interface AccountTotal {
  readonly account: string;
  readonly amount: number;
  readonly count: number;
}

export interface RateTotal {
  /** `10%`, `8%`, `0%`, `非課税`. */
  readonly rate: string;
  readonly amount: number;
  readonly tax: number;
  readonly count: number;
}

export interface ExpenseTotals {
  /** YYYY-MM. */
  readonly month: string;
  readonly amount: number;
  readonly tax: number;
  readonly count: number;
  /** Largest first (then by name). */
  readonly byAccount: readonly AccountTotal[];
  /** 10%, 8%, 0%, 非課税; rates without rows left out. */
  readonly byRate: readonly RateTotal[];
}

/** The month's totals of the expenses dated in `month` (YYYY-MM). */
export function monthTotals(expenses: readonly Expense[], month: string): ExpenseTotals {
  const spent = expenses.filter((e) => e.date.slice(0, 7) === month);
  const accounts = new Map<string, { amount: number; count: number }>();
  const rates = new Map<TaxRate, { amount: number; tax: number; count: number }>();
  for (const e of spent) {
    const a = accounts.get(e.account) ?? { amount: 0, count: 0 };
    accounts.set(e.account, { amount: a.amount + e.amount, count: a.count + 1 });
    const r = rates.get(e.taxRate) ?? { amount: 0, tax: 0, count: 0 };
    rates.set(e.taxRate, { amount: r.amount + e.amount, tax: r.tax + e.tax, count: r.count + 1 });
  }
  return {
    month,
    amount: spent.reduce((n, e) => n + e.amount, 0),
    tax: spent.reduce((n, e) => n + e.tax, 0),
    count: spent.length,
    byAccount: [...accounts]
      .map(([account, t]) => ({ account, ...t }))
      .sort((a, b) => b.amount - a.amount || a.account.localeCompare(b.account)),
    byRate: TAX_RATES.flatMap((rate) => {
      const t = rates.get(rate);
      return t ? [{ rate: formatTaxRate(rate), ...t }] : [];
    }),
  };
}
