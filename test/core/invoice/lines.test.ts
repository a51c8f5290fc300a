import { tokyoInstant } from '../../../src/core/dates';
import {
  formatQuantity,
  indexClients,
  lineAmount,
  parseQuantity,
  type SaleCells,
  validateSaleRow,
  validateSaleRows,
} from '../../../src/core/invoice';
import { expectSeparateLanguages } from '../../fixtures/text';
import { client, d } from './fixtures';

const clients = indexClients([client({ name: '株式会社やまだ' }), client({ name: 'Acme Ltd.' })]);
const ctx = { clients };
const good: SaleCells = {
  date: '2026/11/05',
  client: '株式会社やまだ',
  item: 'デザイン',
  quantity: 1,
  unit: '式',
  unitPrice: 100000,
  taxRate: '10%',
  taxMode: '税抜',
};

describe('validateSaleRow', () => {
  test('a good row becomes a typed line', () => {
    const result = validateSaleRow(good, 7, ctx);
    expect(result).toEqual({
      ok: true,
      line: {
        row: 7,
        date: d('2026-11-05'),
        client: '株式会社やまだ',
        clientKey: '株式会社やまだ',
        item: 'デザイン',
        quantity: { units: 1, scale: 0 },
        unit: '式',
        unitPrice: 100000,
        amount: 100000,
        taxRate: 10,
        taxMode: 'exclusive',
        detail: '',
        note: '',
        invoiceNumber: '',
      },
    });
  });

  test('a Date cell is read as the date in Tokyo', () => {
    // Sheets gives a date cell as midnight in the spreadsheet's zone (Asia/Tokyo): 2026-11-04T15:00Z.
    const result = validateSaleRow({ ...good, date: tokyoInstant(d('2026-11-05')) }, 2, ctx);
    expect(result.ok && result.line.date).toBe('2026-11-05');
  });

  test('the client is matched ignoring spaces and width, and named as in 取引先', () => {
    const result = validateSaleRow({ ...good, client: ' 株式会社　やまだ ' }, 2, ctx);
    expect(result.ok && result.line.client).toBe('株式会社やまだ');
    const acme = validateSaleRow({ ...good, client: 'ＡＣＭＥ ltd.' }, 2, ctx);
    expect(acme.ok && acme.line.client).toBe('Acme Ltd.');
  });

  test.each<[string, SaleCells, string, RegExp, RegExp]>([
    [
      'missing client',
      { client: '' },
      'client',
      /取引先が入力されていません/,
      /^Client: No client/,
    ],
    [
      'unknown client',
      { client: '株式会社たなか' },
      'client',
      /^取引先「株式会社たなか」: 取引先シートにない/,
      /^Client "株式会社たなか": Not in the Clients sheet/,
    ],
    ['unknown tax rate', { taxRate: '5%' }, 'taxRate', /^税率「5%」: /, /^Tax rate "5%": /],
    [
      'unreadable tax rate',
      { taxRate: 'ふつう' },
      'taxRate',
      /税率として読み取れません/,
      /Not a tax rate/,
    ],
    ['missing tax rate', { taxRate: '' }, 'taxRate', /税率が入力されていません/, /No tax rate/],
    [
      'text in the price',
      { unitPrice: '要見積' },
      'unitPrice',
      /^単価「要見積」: 金額として読み取れません/,
      /^Unit price "要見積": Not an amount/,
    ],
    ['a fraction of a yen', { unitPrice: 1234.5 }, 'unitPrice', /1円単位/, /whole yen/],
    ['missing price', { unitPrice: '' }, 'unitPrice', /金額が入力されていません/, /No amount/],
    [
      'negative quantity, no note',
      { quantity: -1 },
      'quantity',
      /摘要\(請求書に表示\)かメモに理由/,
      /negative quantity needs a reason/,
    ],
    [
      'text in the quantity',
      { quantity: '一式' },
      'quantity',
      /数量として読み取れません/,
      /Not a quantity/,
    ],
    ['missing date', { date: '' }, 'date', /日付が入力されていません/, /No date/],
    ['unreadable date', { date: '11月吉日' }, 'date', /日付として読み取れません/, /Not a date/],
    ['impossible date', { date: '2026/02/30' }, 'date', /日付として読み取れません/, /Not a date/],
    ['missing item', { item: '  ' }, 'item', /品目が入力されていません/, /No item/],
    [
      'unknown tax mode',
      { taxMode: '込み込み' },
      'taxMode',
      /「税抜」か「税込」/,
      /Choose 税抜 \(tax excluded\) or 税込/,
    ],
  ])('%s → a problem on its field, in each language', (_name, change, field, ja, en) => {
    const result = validateSaleRow({ ...good, ...change }, 9, ctx);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.row).toBe(9);
    expect(result.problems.map((p) => p.field)).toEqual([field]);
    const message = result.problems[0]!.message;
    expectSeparateLanguages(message);
    expect(message.ja).toMatch(ja);
    expect(message.en).toMatch(en);
  });

  test('the English message names the field too', () => {
    const result = validateSaleRow({ ...good, unitPrice: 'TBD' }, 2, ctx);
    expect(!result.ok && result.problems[0]!.message.en).toMatch(
      /^Unit price "TBD": Not an amount/,
    );
  });

  test('a negative quantity with a reason in the memo or the details is a credit line', () => {
    const result = validateSaleRow({ ...good, quantity: -2, note: '返品' }, 2, ctx);
    expect(result.ok && result.line.amount).toBe(-200000);
    const shown = validateSaleRow({ ...good, quantity: -2, detail: '返品(2点)' }, 2, ctx);
    expect(shown.ok && shown.line).toMatchObject({ amount: -200000, detail: '返品(2点)' });
  });

  test('every problem of a row is reported at once', () => {
    const result = validateSaleRow(
      { date: 'きのう', client: '', item: '', unitPrice: 'abc', taxRate: '3%' },
      2,
      ctx,
    );
    expect(!result.ok && result.problems.map((p) => p.field)).toEqual([
      'date',
      'client',
      'item',
      'unitPrice',
      'taxRate',
    ]);
  });

  test.each<[unknown, 'exclusive' | 'inclusive']>([
    ['税抜', 'exclusive'],
    ['外税', 'exclusive'],
    ['', 'exclusive'],
    ['税込', 'inclusive'],
    ['内税', 'inclusive'],
    ['税込み', 'inclusive'],
    [true, 'inclusive'], // a checkbox under the "Tax included" header
    [false, 'exclusive'],
  ])('税込/税抜 %p → %s', (cell, mode) => {
    const result = validateSaleRow({ ...good, taxMode: cell }, 2, ctx);
    expect(result.ok && result.line.taxMode).toBe(mode);
  });

  test.each<[unknown, 10 | 8 | 0 | 'exempt']>([
    ['10%', 10],
    ['8%', 8],
    ['※8%', 8],
    [0.08, 8],
    ['0%', 0],
    ['非課税', 'exempt'],
  ])('tax rate %p → %p (core parseTaxRate)', (cell, rate) => {
    const result = validateSaleRow({ ...good, taxRate: cell }, 2, ctx);
    expect(result.ok && result.line.taxRate).toBe(rate);
  });
});

describe('line amounts: quantity × unit price, exact, rounded once', () => {
  test.each<[unknown, number, number]>([
    [1.5, 8000, 12000], // 1.5 hours
    ['1.5', 8001, 12002], // 12,001.5 → 四捨五入 12,002
    ['１．５', 8001, 12002],
    [1.1, 100, 110], // 1.1 * 100 is 110.00000000000001 in floats
    [0.1 + 0.2, 1000, 300], // a formula's 0.30000000000000004 reads as 0.3
    [3, 1235, 3705],
    ['', 5000, 5000], // blank quantity: one
    ['1,000', 12, 12000],
    [0.333333, 3, 1], // 0.999999 → 1
    [-1.5, 1001, -1502], // halves away from zero: the mirror of +1,502
  ])('%p × %p → %p', (quantity, unitPrice, amount) => {
    const result = validateSaleRow({ ...good, quantity, unitPrice, note: '調整' }, 2, ctx);
    expect(result.ok && result.line.amount).toBe(amount);
  });

  test('the rounding of the line amount is an option', () => {
    const q = { units: 15, scale: 1 };
    expect(lineAmount(q, 8001, 'round')).toBe(12002);
    expect(lineAmount(q, 8001, 'floor')).toBe(12001);
    expect(lineAmount(q, 8001, 'ceil')).toBe(12002);
    const result = validateSaleRow({ ...good, quantity: 1.5, unitPrice: 8001 }, 2, {
      ...ctx,
      amountRounding: 'floor',
    });
    expect(result.ok && result.line.amount).toBe(12001);
  });

  test('an amount beyond exact arithmetic is a problem, not a wrong number', () => {
    const result = validateSaleRow({ ...good, quantity: 1e6, unitPrice: 9e12 }, 2, ctx);
    expect(!result.ok && result.problems[0]!.message).toEqual({
      ja: expect.stringMatching(/大きすぎ/),
      en: expect.stringMatching(/too large/),
    });
  });

  test.each([
    [1.5, '1.5'],
    ['1.50', '1.5'],
    [1000, '1,000'],
    ['0.25', '0.25'],
    [-2, '-2'],
    ['△2', '-2'],
  ])('quantity %p is shown as %s', (cell, text) => {
    const parsed = parseQuantity(cell);
    expect(parsed.ok && formatQuantity(parsed.quantity)).toBe(text);
  });

  test('more than six decimals is refused', () => {
    expect(parseQuantity('0.1234567')).toMatchObject({ ok: false, reason: 'precision' });
    expect(parseQuantity(Math.PI)).toMatchObject({ ok: false, reason: 'precision' });
  });
});

describe('validateSaleRows', () => {
  test('a line with text in the price gets its message and does not stop the others', () => {
    const result = validateSaleRows(
      [
        { rowNumber: 2, values: good },
        { rowNumber: 3, values: { ...good, unitPrice: '別途見積' } },
        { rowNumber: 4, values: { ...good, item: '保守', unitPrice: '¥30,000' } },
        { rowNumber: 5, values: { ...good, invoiceNumber: '2026-10-0003', unitPrice: 'x' } },
      ],
      ctx,
    );
    expect(result.lines.map((l) => [l.row, l.amount])).toEqual([
      [2, 100000],
      [4, 30000],
    ]);
    expect(result.rejected).toHaveLength(1);
    expect(result.rejected[0]!.row).toBe(3);
    expect(result.rejected[0]!.problems[0]!.message).toEqual({
      ja: '単価「別途見積」: 金額として読み取れません（例: 12,000、¥12,000、12000円、△500）',
      en: 'Unit price "別途見積": Not an amount (e.g. 12,000, ¥12,000, 12000円, △500)',
    });
    // Billed rows are left alone: never validated, never billed again.
    expect(result.billed).toEqual([5]);
  });
});
