import type { DateKey } from '../../../src/core/dates';
import {
  monthlySummary,
  SECTIONS,
  summaryHighlights,
} from '../../../src/core/summary/monthlySummary';

const d = (s: string) => s as DateKey;
const inv = (
  client: string,
  issueDate: string,
  status: string,
  total: number,
  tax10 = 0,
  tax8 = 0,
) => ({
  client,
  issueDate: d(issueDate),
  status,
  total,
  billed: total,
  tax10,
  tax8,
});

describe('monthly summary', () => {
  const invoices = [
    inv('山田デザイン事務所', '2026-11-30', '送付済', 110000, 10000),
    inv('株式会社さくら食品', '2026-11-20', '入金済', 51840, 0, 3840),
    inv('山田デザイン事務所', '2026-11-15', '取消', 99999, 9090),
    inv('山田デザイン事務所', '2026-10-31', '入金済', 55000, 5000),
  ];
  const expenses = [
    { date: d('2026-11-04'), account: '旅費交通費', amount: 1980, rate: '10%' as const },
    { date: d('2026-11-18'), account: '会議費', amount: 1296, rate: '8%' as const },
    { date: d('2026-11-19'), account: '旅費交通費', amount: 1100, rate: '10%' as const },
    { date: d('2026-12-01'), account: '通信費', amount: 5280, rate: '10%' as const },
  ];
  const rows = monthlySummary('2026-11', invoices, expenses);
  const row = (section: string, item: string) =>
    rows.find((r) => r.section === section && r.item === item);

  it('counts invoices of the month by issue date, leaving voided ones out', () => {
    expect(row(SECTIONS.sales, '山田デザイン事務所')).toMatchObject({ amount: 110000, count: 1 });
    expect(row(SECTIONS.billing, '請求額')).toMatchObject({ amount: 161840, count: 2 });
    expect(row(SECTIONS.billing, '入金済')).toMatchObject({ amount: 51840, count: 1 });
    expect(row(SECTIONS.billing, '未入金')).toMatchObject({ amount: 110000, count: 1 });
  });

  it('sums expenses by account and the tax inside them per rate, rounded down once', () => {
    expect(row(SECTIONS.expenses, '旅費交通費')).toMatchObject({ amount: 3080, count: 2 });
    expect(row(SECTIONS.expenses, '通信費')).toBeUndefined();
    expect(row(SECTIONS.tax, '売上 10%')!.amount).toBe(10000);
    expect(row(SECTIONS.tax, '売上 8%(軽減)')!.amount).toBe(3840);
    // 3,080 × 10/110 = 280; 1,296 × 8/108 = 96.
    expect(row(SECTIONS.tax, '経費 10%')!.amount).toBe(280);
    expect(row(SECTIONS.tax, '経費 8%(軽減)')!.amount).toBe(96);
  });

  it('puts the highlights in a few lines for the mail', () => {
    expect(summaryHighlights('2026-11', rows)).toEqual([
      '2026年11月の集計です。',
      '■ 請求額: 161,840円(2件)',
      '■ 未入金: 110,000円(1件)',
      '■ 経費: 4,376円(3件)',
      '■ 売上上位: 山田デザイン事務所 110,000円、株式会社さくら食品 51,840円',
    ]);
    expect(summaryHighlights('2026-11', rows, 'en')).toEqual([
      'Your figures for 2026-11.',
      '■ Invoiced: ¥161,840 (2)',
      '■ Unpaid: ¥110,000 (1)',
      '■ Expenses: ¥4,376 (3)',
      '■ Top clients: 山田デザイン事務所 ¥110,000, 株式会社さくら食品 ¥51,840',
    ]);
  });
});

describe('expense tax from the log', () => {
  it('sums the tax each row holds, and computes it only for rows that hold none', () => {
    const rows = monthlySummary(
      '2026-11',
      [],
      [
        { date: d('2026-11-04'), account: '旅費交通費', amount: 1980, rate: '10%', tax: 180 },
        { date: d('2026-11-05'), account: '旅費交通費', amount: 1099, rate: '10%', tax: 100 },
        { date: d('2026-11-06'), account: '消耗品費', amount: 1100, rate: '10%' },
      ],
    );
    // Computed from the amounts alone it would be floor(4179 × 10 / 110) = 379.
    expect(rows.find((r) => r.item === '経費 10%')).toMatchObject({ amount: 380, count: 3 });
  });
});
