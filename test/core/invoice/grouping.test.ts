import {
  billingMonth,
  closingOnOrBefore,
  draftInvoicesForClosing,
  draftInvoicesForLines,
  indexClients,
  periodStartFor,
} from '../../../src/core/invoice';
import { client, d, lines } from './fixtures';

const monthEnd = client({ name: '株式会社やまだ' }); // 月末締め翌月末払い
const twentieth = client({ name: '20日商事', terms: '20日締め翌月10日払い' }, 3);
const designer = client({ name: 'B出版', withholding: 'する' }, 4);
const days = client({ name: 'Cラボ', terms: '納品後30日' }, 5);
const clients = indexClients([monthEnd, twentieth, designer, days]);
const floor = { rounding: 'floor' as const };

describe('tax on an invoice: once per rate', () => {
  test('three lines of 1,235 yen at 10% → tax 370, not 369', () => {
    const ls = lines(
      [monthEnd],
      [1, 2, 3].map((n) => ({ date: `2026-11-0${n}`, client: '株式会社やまだ', unitPrice: 1235 })),
    );
    const [draft] = draftInvoicesForClosing(ls, clients, d('2026-11-30'), floor).drafts;
    expect(draft!.figures).toMatchObject({ base10: 3705, tax10: 370, total: 4075, billed: 4075 });
    expect(draft!.hasReducedRate).toBe(false);
  });

  test('mixed rates and a tax-inclusive line', () => {
    const ls = lines(
      [monthEnd],
      [
        { date: '2026-11-02', client: '株式会社やまだ', unitPrice: 100000 },
        {
          date: '2026-11-03',
          client: '株式会社やまだ',
          unitPrice: 5400,
          taxRate: '8%',
          taxMode: '税込',
        },
        { date: '2026-11-04', client: '株式会社やまだ', unitPrice: 2000, taxRate: '非課税' },
      ],
    );
    const [draft] = draftInvoicesForClosing(ls, clients, d('2026-11-30'), floor).drafts;
    expect(draft!.figures).toEqual({
      base10: 100000,
      tax10: 10000,
      base8: 5000,
      tax8: 400, // 5,400 incl. at 8% → floor(5,400 × 8 / 108) = 400
      base0: 2000,
      total: 117400,
      withholding: 0,
      billed: 117400,
    });
    expect(draft!.hasReducedRate).toBe(true);
  });

  test("the owner's rounding is used", () => {
    const ls = lines(
      [monthEnd],
      [{ date: '2026-11-02', client: '株式会社やまだ', unitPrice: 1235 }],
    );
    const tax = (rounding: 'floor' | 'round' | 'ceil') =>
      draftInvoicesForClosing(ls, clients, d('2026-11-30'), { rounding }).drafts[0]!.figures.tax10;
    expect([tax('floor'), tax('round'), tax('ceil')]).toEqual([123, 124, 124]);
  });
});

describe('withholding (源泉徴収) when the client withholds', () => {
  test.each([
    // fee without tax → withholding on the fee alone (tax shown separately)
    [250000, 25525, 275000 - 25525],
    [1000000, 102100, 1100000 - 102100],
    [1200000, 142940, 1320000 - 142940], // (1,200,000 − 1,000,000) × 20.42% + 102,100
  ])('fee %p → withholding %p, billed %p', (fee, withholding, billed) => {
    const ls = lines([designer], [{ date: '2026-11-10', client: 'B出版', unitPrice: fee }]);
    const [draft] = draftInvoicesForClosing(ls, clients, d('2026-11-30'), floor).drafts;
    expect(draft!.withholdingBase).toBe(fee);
    expect(draft!.withholding).toBe(withholding);
    expect(draft!.billed).toBe(billed);
    expect(draft!.figures.withholding).toBe(withholding);
  });

  test('the base can include the tax when the owner says so', () => {
    const ls = lines([designer], [{ date: '2026-11-10', client: 'B出版', unitPrice: 250000 }]);
    const [draft] = draftInvoicesForClosing(ls, clients, d('2026-11-30'), {
      ...floor,
      withholdingBase: 'includingTax',
    }).drafts;
    expect(draft!.withholdingBase).toBe(275000);
    expect(draft!.withholding).toBe(28077); // floor(275,000 × 1021 / 10000)
  });

  test('no withholding for a client that does not withhold', () => {
    const ls = lines(
      [monthEnd],
      [{ date: '2026-11-10', client: '株式会社やまだ', unitPrice: 250000 }],
    );
    const [draft] = draftInvoicesForClosing(ls, clients, d('2026-11-30'), floor).drafts;
    expect(draft!.withholding).toBe(0);
    expect(draft!.billed).toBe(275000);
  });
});

describe('due dates on bank business days', () => {
  test.each([
    // 月末締め翌月末払い, closing 2026-11-30 → 2026-12-31 (Thu), a bank holiday (12/31–1/3)
    ['翌営業日', '2027-01-04'],
    ['前営業日', '2026-12-30'],
    ['', '2027-01-04'], // default: next (民法142条)
  ])('holiday rule %p → %s', (holidayRule, due) => {
    const c = client({ name: 'D', holidayRule });
    const ls = lines([c], [{ date: '2026-11-10', client: 'D', unitPrice: 1000 }]);
    const [draft] = draftInvoicesForClosing(ls, indexClients([c]), d('2026-11-30'), floor).drafts;
    expect(draft!.nominalDueDate).toBe('2026-12-31');
    expect(draft!.dueDate).toBe(due);
  });

  test('納品後30日 counts from the latest line; 請求後30日 from the issue date', () => {
    const ls = lines(
      [days],
      [
        { date: '2026-11-02', client: 'Cラボ', unitPrice: 1000 },
        { date: '2026-11-12', client: 'Cラボ', unitPrice: 1000 },
      ],
    );
    const [draft] = draftInvoicesForClosing(ls, clients, d('2026-11-30'), floor).drafts;
    // 11-12 + 30 = 12-12, a Saturday → Monday 12-14
    expect(draft!.nominalDueDate).toBe('2026-12-12');
    expect(draft!.dueDate).toBe('2026-12-14');
    // Terms in days have no period of their own: it runs from the first line to the last.
    expect([draft!.periodStart, draft!.periodEnd]).toEqual(['2026-11-02', '2026-11-12']);

    const net30 = client({ name: 'E', terms: 'net 30' });
    const own = lines([net30], [{ date: '2026-11-02', client: 'E', unitPrice: 1000 }]);
    const [byInvoice] = draftInvoicesForClosing(own, indexClients([net30]), d('2026-11-30'), {
      ...floor,
      issueDate: d('2026-12-01'),
    }).drafts;
    expect(byInvoice!.nominalDueDate).toBe('2026-12-31');
    expect(byInvoice!.dueDate).toBe('2027-01-04');
  });
});

describe('grouping per client per closing period', () => {
  const sample = () =>
    lines(
      [monthEnd, twentieth],
      [
        { date: '2026-10-21', client: '20日商事', unitPrice: 100 }, // row 2
        { date: '2026-11-20', client: '20日商事', unitPrice: 200 }, // row 3: closes 11-20
        { date: '2026-11-21', client: '20日商事', unitPrice: 400 }, // row 4: closes 12-20
        { date: '2026-11-05', client: '20日商事', unitPrice: 800 }, // row 5
        { date: '2026-11-30', client: '株式会社やまだ', unitPrice: 1000 }, // row 6
        { date: '2026-12-01', client: '株式会社やまだ', unitPrice: 2000 }, // row 7: December
        { date: '2026-11-01', client: '株式会社やまだ', unitPrice: 3000 }, // row 8
      ],
    );

  test('20日締め: the month-end run bills 10-21..11-20; later lines wait', () => {
    const result = draftInvoicesForClosing(sample(), clients, d('2026-11-30'), floor);
    expect(result.drafts.map((x) => x.client.name)).toEqual(['20日商事', '株式会社やまだ']);
    const [twenty, yamada] = result.drafts;
    expect(twenty!.closingDate).toBe('2026-11-20');
    expect([twenty!.periodStart, twenty!.periodEnd]).toEqual(['2026-10-21', '2026-11-20']);
    expect(twenty!.lines.map((l) => l.row)).toEqual([2, 5, 3]); // by date, then row
    expect(twenty!.dueDate).toBe('2026-12-10'); // 翌月10日, a Thursday
    expect(twenty!.periodKey).toBe('2026-11-20|20日商事');
    expect(yamada!.lines.map((l) => l.row)).toEqual([8, 6]);
    expect([yamada!.periodStart, yamada!.periodEnd]).toEqual(['2026-11-01', '2026-11-30']);
    expect(yamada!.periodKey).toBe('2026-11-30|株式会社やまだ');
    expect(result.later).toEqual([4, 7]);
  });

  test('a run on the 20th makes the same period key for the 20日締め client', () => {
    const on20 = draftInvoicesForClosing(sample(), clients, d('2026-11-20'), floor).drafts;
    const on30 = draftInvoicesForClosing(sample(), clients, d('2026-11-30'), floor).drafts;
    const key = (ds: typeof on20) => ds.find((x) => x.client.name === '20日商事')!.periodKey;
    expect(key(on20)).toBe(key(on30));
  });

  test('the same input gives the same drafts (idempotent, deterministic order)', () => {
    const a = draftInvoicesForClosing(sample(), clients, d('2026-11-30'), floor);
    const b = draftInvoicesForClosing([...sample()].reverse(), clients, d('2026-11-30'), floor);
    expect(b.drafts).toEqual(a.drafts);
  });

  test('billed lines are never billed again', () => {
    const ls = sample().map((l) => (l.row === 8 ? { ...l, invoiceNumber: '2026-11-0001' } : l));
    const result = draftInvoicesForClosing(ls, clients, d('2026-11-30'), floor);
    const yamada = result.drafts.find((x) => x.client.name === '株式会社やまだ')!;
    expect(yamada.lines.map((l) => l.row)).toEqual([6]);
  });

  test('an earlier line left unbilled is carried into this invoice with a warning', () => {
    const ls = lines(
      [monthEnd],
      [
        { date: '2026-10-15', client: '株式会社やまだ', unitPrice: 500 },
        { date: '2026-11-15', client: '株式会社やまだ', unitPrice: 500 },
      ],
    );
    const [draft] = draftInvoicesForClosing(ls, clients, d('2026-11-30'), floor).drafts;
    expect(draft!.lines).toHaveLength(2);
    expect(draft!.periodStart).toBe('2026-10-15');
    // The note agrees with the period shown, which starts at the carried line.
    expect(draft!.warnings).toEqual([
      {
        ja: '前の期間の明細を含みます(未請求のまま残っていた1件。対象期間はその日付からです)',
        en: expect.stringMatching(/^Includes 1 line\(s\) of an earlier period left unbilled/),
      },
    ]);
  });

  test('closing and period helpers', () => {
    const terms20 = twentieth.terms;
    expect(closingOnOrBefore(d('2026-11-30'), terms20)).toBe('2026-11-20');
    expect(closingOnOrBefore(d('2026-11-19'), terms20)).toBe('2026-10-20');
    expect(periodStartFor(d('2026-11-20'), terms20)).toBe('2026-10-21');
    expect(periodStartFor(d('2026-03-31'), monthEnd.terms)).toBe('2026-03-01');
    const terms30 = client({ name: 'F', terms: '30日締め翌月末払い' }).terms;
    expect(closingOnOrBefore(d('2026-02-28'), terms30)).toBe('2026-02-28'); // clamped
    expect(periodStartFor(d('2026-03-30'), terms30)).toBe('2026-03-01');
  });

  test('a line whose client is not in the list is reported, not dropped silently', () => {
    const ls = lines([monthEnd], [{ date: '2026-11-02', client: '株式会社やまだ', unitPrice: 1 }]);
    const result = draftInvoicesForClosing(ls, indexClients([designer]), d('2026-11-30'), floor);
    expect(result.drafts).toEqual([]);
    expect(result.problems[0]!.row).toBe(2);
  });
});

describe('draftInvoicesForLines (lines the owner selected)', () => {
  test('one invoice per client; the key follows the selection', () => {
    const ls = lines(
      [monthEnd, twentieth],
      [
        { date: '2026-11-03', client: '株式会社やまだ', unitPrice: 1000 },
        { date: '2026-12-02', client: '株式会社やまだ', unitPrice: 1000 },
        { date: '2026-11-03', client: '20日商事', unitPrice: 1000 },
      ],
    );
    const options = { ...floor, issueDate: d('2026-12-05') };
    const result = draftInvoicesForLines(ls, clients, options);
    expect(result.drafts.map((x) => [x.client.name, x.lines.length])).toEqual([
      ['20日商事', 1],
      ['株式会社やまだ', 2],
    ]);
    const yamada = result.drafts[1]!;
    expect([yamada.periodStart, yamada.periodEnd]).toEqual(['2026-11-03', '2026-12-02']);
    expect(yamada.closingDate).toBe('2026-12-31');
    expect(yamada.dueDate).toBe('2027-02-01'); // 2027-01-31 is a Sunday
    expect(yamada.periodKey).toMatch(/^2026-12-31\|sel-[0-9a-f]{8}\|株式会社やまだ$/);
    // The same selection gives the same key; a different one does not.
    expect(draftInvoicesForLines(ls, clients, options).drafts[1]!.periodKey).toBe(yamada.periodKey);
    expect(draftInvoicesForLines(ls.slice(0, 1), clients, options).drafts[0]!.periodKey).not.toBe(
      yamada.periodKey,
    );
  });
});

describe('the months an invoice is for follow its lines', () => {
  test('a late November line on the December invoice: 2026年11月〜12月分, with a note', () => {
    const ls = lines(
      [monthEnd],
      [
        { date: '2026-11-30', client: '株式会社やまだ', unitPrice: 1000 },
        { date: '2026-12-10', client: '株式会社やまだ', unitPrice: 1000 },
      ],
    );
    const [draft] = draftInvoicesForClosing(ls, clients, d('2026-12-31'), {
      ...floor,
      issuedThrough: new Map([[monthEnd.key, d('2026-11-30')]]),
    }).drafts;
    expect(draft!.linesClosing).toEqual({ first: '2026-11-30', last: '2026-12-31' });
    expect(billingMonth(draft!.linesClosing, 'ja')).toBe('2026年11月〜12月分');
    expect(billingMonth(draft!.linesClosing, 'en')).toBe('November–December 2026');
    expect(draft!.warnings.map((w) => w.ja).join('\n')).toContain(
      '2026-11-30締めの請求書の発行済み期間に後から追加された明細です: 2026-11-30',
    );
    expect(draft!.warnings.map((w) => w.en).join('\n')).toContain(
      'Added after the invoice closing 2026-11-30 was issued: 2026-11-30',
    );
  });

  test('a 20日締め invoice stays its closing month; a year boundary names both years', () => {
    const ls = lines([twentieth], [{ date: '2026-10-25', client: '20日商事', unitPrice: 1000 }]);
    const [draft] = draftInvoicesForClosing(ls, clients, d('2026-11-20'), floor).drafts;
    expect(billingMonth(draft!.linesClosing, 'ja')).toBe('2026年11月分');
    expect(draft!.warnings).toEqual([]);
    const span = { first: d('2026-12-31'), last: d('2027-01-31') };
    expect(billingMonth(span, 'ja')).toBe('2026年12月〜2027年1月分');
    expect(billingMonth(span, 'en')).toBe('December 2026 – January 2027');
  });
});
