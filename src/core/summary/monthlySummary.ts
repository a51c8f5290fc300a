/**
 * The month at a glance, for the 月次集計 sheet and the owner's mail: sales by client, invoiced
 * against paid and unpaid, expenses by account, and consumption tax by rate. Invoices count in
 * the month they were issued; voided ones (取消) not at all. Integer yen throughout.
 */
import type { DateKey } from '../dates';
import { type MailText, mailText } from '../mailText';
import { formatYen } from '../money';
import type { Lang } from '../text';

export interface SummaryInvoice {
  readonly client: string;
  readonly issueDate: DateKey;
  readonly status: string;
  /** 合計(税込). */
  readonly total: number;
  /** 請求額 (after withholding). */
  readonly billed: number;
  readonly tax10: number;
  readonly tax8: number;
}

export type ExpenseRate = '10%' | '8%' | '0%' | '非課税';

export interface SummaryExpense {
  readonly date: DateKey;
  readonly account: string;
  /** Tax included. */
  readonly amount: number;
  readonly rate: ExpenseRate;
  /** The consumption tax inside `amount` as the expense log holds it; computed when left out. */
  readonly tax?: number;
}

export interface SummaryRow {
  readonly section: string;
  readonly item: string;
  readonly amount: number;
  readonly count: number;
}

export const SECTIONS = {
  sales: '売上(取引先別)',
  billing: '請求と入金',
  expenses: '経費(科目別)',
  tax: '消費税(税率別)',
} as const;

const PAID = '入金済';
const VOIDED = '取消';

const inMonth = (date: DateKey, month: string) => date.slice(0, 7) === month;

function sumBy<T>(items: readonly T[], key: (t: T) => string, amount: (t: T) => number) {
  const out = new Map<string, { amount: number; count: number }>();
  for (const item of items) {
    const k = key(item);
    const entry = out.get(k) ?? { amount: 0, count: 0 };
    entry.amount += amount(item);
    entry.count += 1;
    out.set(k, entry);
  }
  return [...out.entries()].sort((a, b) => b[1].amount - a[1].amount || a[0].localeCompare(b[0]));
}

/** The tax inside a tax-included total at `rate`%, rounded down once for the month. */
const taxIncluded = (amount: number, rate: number) => Math.floor((amount * rate) / (100 + rate));

export function monthlySummary(
  month: string,
  invoices: readonly SummaryInvoice[],
  expenses: readonly SummaryExpense[],
): SummaryRow[] {
  const issued = invoices.filter((i) => inMonth(i.issueDate, month) && i.status !== VOIDED);
  const spent = expenses.filter((e) => inMonth(e.date, month));
  const rows: SummaryRow[] = [];
  for (const [client, s] of sumBy(
    issued,
    (i) => i.client,
    (i) => i.total,
  )) {
    rows.push({ section: SECTIONS.sales, item: client, ...s });
  }
  const paid = issued.filter((i) => i.status === PAID);
  const unpaid = issued.filter((i) => i.status !== PAID);
  const total = (list: readonly SummaryInvoice[]) => list.reduce((n, i) => n + i.billed, 0);
  rows.push(
    { section: SECTIONS.billing, item: '請求額', amount: total(issued), count: issued.length },
    { section: SECTIONS.billing, item: '入金済', amount: total(paid), count: paid.length },
    { section: SECTIONS.billing, item: '未入金', amount: total(unpaid), count: unpaid.length },
  );
  for (const [account, s] of sumBy(
    spent,
    (e) => e.account || '未分類',
    (e) => e.amount,
  )) {
    rows.push({ section: SECTIONS.expenses, item: account, ...s });
  }
  const expenseAt = (rate: ExpenseRate) => spent.filter((e) => e.rate === rate);
  const e10 = expenseAt('10%');
  const e8 = expenseAt('8%');
  // The tax the log's rows hold, plus the tax inside the rows that hold none (rounded once).
  const expenseTax = (list: readonly SummaryExpense[], rate: number) =>
    list.reduce((n, e) => n + (e.tax ?? 0), 0) +
    taxIncluded(
      list.reduce((n, e) => n + (e.tax === undefined ? e.amount : 0), 0),
      rate,
    );
  rows.push(
    {
      section: SECTIONS.tax,
      item: '売上 10%',
      amount: issued.reduce((n, i) => n + i.tax10, 0),
      count: issued.filter((i) => i.tax10 !== 0).length,
    },
    {
      section: SECTIONS.tax,
      item: '売上 8%(軽減)',
      amount: issued.reduce((n, i) => n + i.tax8, 0),
      count: issued.filter((i) => i.tax8 !== 0).length,
    },
    {
      section: SECTIONS.tax,
      item: '経費 10%',
      amount: expenseTax(e10, 10),
      count: e10.length,
    },
    {
      section: SECTIONS.tax,
      item: '経費 8%(軽減)',
      amount: expenseTax(e8, 8),
      count: e8.length,
    },
  );
  return rows;
}

/** The highlights for the owner's mail, one line each, in the owner's language. */
export function summaryHighlights(
  month: string,
  rows: readonly SummaryRow[],
  lang: Lang = 'ja',
): string[] {
  const [year, m] = month.split('-');
  const find = (section: string, item: string) =>
    rows.find((r) => r.section === section && r.item === item);
  const billed = find(SECTIONS.billing, '請求額');
  const unpaid = find(SECTIONS.billing, '未入金');
  const expenses = rows.filter((r) => r.section === SECTIONS.expenses);
  const top = rows.filter((r) => r.section === SECTIONS.sales).slice(0, 3);
  const yenText = (n: number) => (lang === 'en' ? `¥${formatYen(n)}` : `${formatYen(n)}円`);
  const spent = expenses.reduce((n, r) => n + r.amount, 0);
  const spentCount = expenses.reduce((n, r) => n + r.count, 0);
  if (lang === 'en')
    return [
      `Your figures for ${month}.`,
      `■ Invoiced: ${yenText(billed?.amount ?? 0)} (${billed?.count ?? 0})`,
      `■ Unpaid: ${yenText(unpaid?.amount ?? 0)} (${unpaid?.count ?? 0})`,
      `■ Expenses: ${yenText(spent)} (${spentCount})`,
      ...(top.length > 0
        ? [`■ Top clients: ${top.map((r) => `${r.item} ${yenText(r.amount)}`).join(', ')}`]
        : []),
    ];
  return [
    `${year}年${Number(m)}月の集計です。`,
    `■ 請求額: ${yenText(billed?.amount ?? 0)}(${billed?.count ?? 0}件)`,
    `■ 未入金: ${yenText(unpaid?.amount ?? 0)}(${unpaid?.count ?? 0}件)`,
    `■ 経費: ${yenText(spent)}(${spentCount}件)`,
    ...(top.length > 0
      ? [`■ 売上上位: ${top.map((r) => `${r.item} ${yenText(r.amount)}`).join('、')}`]
      : []),
  ];
}

/** The summary mail to the owner: its subject (which holds the month) and its body. */
export function summaryMail(
  month: string,
  rows: readonly SummaryRow[],
  lang: Lang,
): MailText & { subject: string } {
  const more =
    lang === 'en'
      ? 'The details are in the 月次集計 sheet.'
      : '詳しくは「月次集計」シートをご覧ください。';
  return {
    subject: lang === 'en' ? `[Pokke] Monthly summary ${month}` : `【Pokke】${month} 月次集計`,
    ...mailText([summaryHighlights(month, rows, lang), [more]], 'Pokke'),
  };
}
