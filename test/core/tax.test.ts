import {
  formatTaxRate,
  isReducedRate,
  parseTaxRate,
  summarizeByRate,
  type TaxLine,
} from '../../src/core/tax';
import { expectSeparateLanguages } from '../fixtures/text';

describe('parseTaxRate', () => {
  test.each([
    [10, 10],
    [8, 8],
    [0, 0],
    [0.1, 10], // a cell formatted as percent holds 0.1
    [0.08, 8],
    ['10', 10],
    ['10%', 10],
    ['10％', 10],
    ['１０％', 10],
    ['8%', 8],
    ['8％', 8],
    ['0.1', 10],
    ['10.0%', 10],
    ['消費税10%', 10],
    ['税率 10%', 10],
    ['標準', 10],
    ['標準税率', 10],
    ['軽減', 8],
    ['軽減税率', 8],
    ['8%(軽減)', 8],
    ['８％（軽減税率）', 8],
    ['※8%', 8], // the reduced-rate mark on invoices
    ['※', 8],
    ['reduced', 8],
    ['Standard', 10],
    ['0%', 0],
    ['免税', 0], // export: taxable at 0%
    ['非課税', 'exempt'],
    ['不課税', 'exempt'],
    ['対象外', 'exempt'],
    ['課税対象外', 'exempt'],
    ['0%(非課税)', 'exempt'],
    ['exempt', 'exempt'],
  ])('%j → %j', (cell, rate) => {
    expect(parseTaxRate(cell)).toEqual({ ok: true, rate });
  });

  test.each([
    [null, 'empty'],
    ['', 'empty'],
    ['  ', 'empty'],
    [5, 'unsupported'], // 5% was the rate before 2014
    ['5%', 'unsupported'],
    ['3%', 'unsupported'],
    [0.05, 'unsupported'],
    [1, 'unsupported'], // 100%?
    [-10, 'unsupported'],
    ['軽減10%', 'conflict'],
    ['標準8%', 'conflict'],
    ['軽減 非課税', 'conflict'],
    ['10%8%', 'unknown'],
    ['税込', 'unknown'], // a tax mode, not a rate
    ['ten', 'unknown'],
    [true, 'unknown'],
  ])('%p is refused: %s', (cell, reason) => {
    const result = parseTaxRate(cell);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expectSeparateLanguages(result.message);
  });

  test('labels', () => {
    expect([10, 8, 0, 'exempt'].map((r) => formatTaxRate(r as 10))).toEqual([
      '10%',
      '8%',
      '0%',
      '非課税',
    ]);
    expect(isReducedRate(8)).toBe(true);
    expect(isReducedRate(10)).toBe(false);
  });
});

describe('summarizeByRate: tax rounded once per invoice per rate (消費税法施行令70条の10; インボイス通達3-12)', () => {
  const line = (amount: number, rate: TaxLine['rate'], taxMode?: TaxLine['taxMode']): TaxLine =>
    taxMode ? { amount, rate, taxMode } : { amount, rate };

  test('domain-jp.md: three lines of 1,235 yen at 10% → 370 yen, not 3 × 123 = 369', () => {
    const lines = [line(1235, 10), line(1235, 10), line(1235, 10)];
    const summary = summarizeByRate(lines, { rounding: 'floor' });
    expect(summary.byRate).toEqual([
      {
        rate: 10,
        mode: 'exclusive',
        base: 3705,
        tax: 370,
        total: 4075,
        lineCount: 3,
        converted: false,
      },
    ]);
    const perLine = lines.reduce((acc, l) => acc + Math.floor((l.amount * 10) / 100), 0);
    expect(perLine).toBe(369);
    expect(summary.tax).not.toBe(perLine);
  });

  test('domain-jp.md: 5,400 yen including tax at 8% → 400 yen', () => {
    const summary = summarizeByRate([line(5400, 8)], { rounding: 'floor', taxMode: 'inclusive' });
    expect(summary.byRate).toEqual([
      {
        rate: 8,
        mode: 'inclusive',
        base: 5000,
        tax: 400,
        total: 5400,
        lineCount: 1,
        converted: false,
      },
    ]);
  });

  test.each([
    // Σ base 3,705 at 10%: 370.5
    ['floor', 370],
    ['round', 371],
    ['ceil', 371],
  ] as const)('the issuer rounding method applies: %s → %i', (method, tax) => {
    const summary = summarizeByRate([line(1235, 10), line(1235, 10), line(1235, 10)], {
      rounding: method,
    });
    expect(summary.tax).toBe(tax);
    expect(summary.total).toBe(3705 + tax);
  });

  test('a mixed-rate invoice: per-rate totals, reduced rate after standard, grand totals add up', () => {
    const summary = summarizeByRate(
      [line(1080, 8), line(3000, 10), line(499, 8), line(2000, 'exempt'), line(500, 0)],
      { rounding: 'floor' },
    );
    expect(summary.byRate).toEqual([
      {
        rate: 10,
        mode: 'exclusive',
        base: 3000,
        tax: 300,
        total: 3300,
        lineCount: 1,
        converted: false,
      },
      // 1,579 × 8% = 126.32
      {
        rate: 8,
        mode: 'exclusive',
        base: 1579,
        tax: 126,
        total: 1705,
        lineCount: 2,
        converted: false,
      },
      { rate: 0, mode: 'exclusive', base: 500, tax: 0, total: 500, lineCount: 1, converted: false },
      {
        rate: 'exempt',
        mode: 'exclusive',
        base: 2000,
        tax: 0,
        total: 2000,
        lineCount: 1,
        converted: false,
      },
    ]);
    expect(summary).toMatchObject({ base: 7079, tax: 426, total: 7505 });
  });

  test('inclusive invoice: tax = R(Σ total × r / (100 + r)), base = total − tax', () => {
    const summary = summarizeByRate([line(1100, 10), line(550, 10), line(1000, 10)], {
      rounding: 'floor',
      taxMode: 'inclusive',
    });
    // 2,650 × 10 / 110 = 240.9…
    expect(summary.byRate[0]).toMatchObject({
      mode: 'inclusive',
      base: 2410,
      tax: 240,
      total: 2650,
    });
  });

  test('a discount line lowers the base before the tax is rounded', () => {
    const summary = summarizeByRate([line(10000, 10), line(-1235, 10)], { rounding: 'floor' });
    expect(summary.byRate[0]).toMatchObject({ base: 8765, tax: 876, total: 9641 });
  });

  test('a credit note is the exact mirror of the invoice (floor acts toward zero)', () => {
    const invoice = summarizeByRate([line(1235, 10), line(1235, 10), line(1235, 10)], {
      rounding: 'floor',
    });
    const credit = summarizeByRate([line(-1235, 10), line(-1235, 10), line(-1235, 10)], {
      rounding: 'floor',
    });
    expect(credit).toMatchObject({ base: -invoice.base, tax: -invoice.tax, total: -invoice.total });
    expect(credit.tax).toBe(-370);
  });

  describe('mixed inclusive and exclusive lines', () => {
    test('a rate group whose lines agree keeps its own mode, even in an invoice of the other mode', () => {
      const summary = summarizeByRate([line(3000, 10), line(5400, 8, 'inclusive')], {
        rounding: 'floor',
      });
      expect(summary.byRate).toEqual([
        {
          rate: 10,
          mode: 'exclusive',
          base: 3000,
          tax: 300,
          total: 3300,
          lineCount: 1,
          converted: false,
        },
        {
          rate: 8,
          mode: 'inclusive',
          base: 5000,
          tax: 400,
          total: 5400,
          lineCount: 1,
          converted: false,
        },
      ]);
    });

    test('exclusive invoice: inclusive lines of the same rate are split once, then the tax is rounded once', () => {
      // Inclusive 1,100 + 2,200 → split once: 3,300 − floor(3,300 × 10/110) = 3,000; plus 1,235 exclusive.
      const summary = summarizeByRate(
        [line(1235, 10), line(1100, 10, 'inclusive'), line(2200, 10, 'inclusive')],
        {
          rounding: 'floor',
        },
      );
      expect(summary.byRate).toEqual([
        {
          rate: 10,
          mode: 'exclusive',
          base: 4235,
          tax: 423,
          total: 4658,
          lineCount: 3,
          converted: true,
        },
      ]);
    });

    test('inclusive invoice: exclusive lines of the same rate are grossed up once', () => {
      // Exclusive 1,000 + 235 at 8% → 1,235 + floor(98.8) = 1,333; plus 1,080 inclusive → 2,413.
      const summary = summarizeByRate(
        [line(1080, 8), line(1000, 8, 'exclusive'), line(235, 8, 'exclusive')],
        {
          rounding: 'floor',
          taxMode: 'inclusive',
        },
      );
      // floor(2,413 × 8 / 108) = floor(178.74…) = 178
      expect(summary.byRate).toEqual([
        {
          rate: 8,
          mode: 'inclusive',
          base: 2235,
          tax: 178,
          total: 2413,
          lineCount: 3,
          converted: true,
        },
      ]);
    });
  });

  test('integer yen only; an empty invoice sums to zero', () => {
    expect(() => summarizeByRate([line(100.5, 10)], { rounding: 'floor' })).toThrow(RangeError);
    expect(summarizeByRate([], { rounding: 'floor' })).toEqual({
      byRate: [],
      base: 0,
      tax: 0,
      total: 0,
    });
  });
});
