import { invoiceFileName, invoiceFolderPath, safeFileNamePart } from '../../../src/core/invoice';
import { d } from './fixtures';

describe('invoiceFileName (電帳法: YYYYMMDD_取引先_金額)', () => {
  test('date, client, amount billed without commas', () => {
    expect(
      invoiceFileName({ date: d('2026-11-30'), clientName: '株式会社やまだ', amount: 249475 }),
    ).toBe('20261130_株式会社やまだ_249475.pdf');
  });

  test('with the invoice number appended', () => {
    expect(
      invoiceFileName({
        date: d('2026-11-30'),
        clientName: '株式会社やまだ',
        amount: 110000,
        invoiceNumber: '2026/11/0001',
      }),
    ).toBe('20261130_株式会社やまだ_110000_2026-11-0001.pdf');
  });

  test.each([
    ['<script>alert(1)</script>', 'scriptalert(1)script'],
    ['A/B\\C:D*E?F"G<H>I|J', 'ABCDEFGHIJ'],
    ['株式会社\u0000やま\u0007だ\n', '株式会社やまだ'],
    ['evil\u202Efdp.exe', 'evilfdp.exe'], // a right-to-left override cannot disguise the name
    ['  ..株式会社 やまだ..  ', '株式会社 やまだ'],
    ['foo_bar', 'foo bar'], // `_` separates the fields
    ['a\t\tb', 'a b'],
    ['/:*?', ''],
  ])('client %p is made safe: %p', (name, safe) => {
    expect(safeFileNamePart(name)).toBe(safe);
  });

  test('a hostile name never reaches the file name as markup or a path', () => {
    const name = invoiceFileName({
      date: d('2026-11-30'),
      clientName: '../../<script>alert(1)</script>',
      amount: 1000,
    });
    expect(name).toBe('20261130_scriptalert(1)script_1000.pdf');
    expect(name).not.toMatch(/[/\\<>]/);
  });

  test('an empty name falls back to 取引先; long names are capped by characters', () => {
    expect(invoiceFileName({ date: d('2026-11-30'), clientName: '???', amount: 5 })).toBe(
      '20261130_取引先_5.pdf',
    );
    const long = '𠮷'.repeat(60); // outside the BMP: a pair of UTF-16 units each
    const part = safeFileNamePart(long);
    expect(Array.from(part)).toHaveLength(40);
    expect(part).toBe('𠮷'.repeat(40));
  });

  test('a credit note keeps its sign', () => {
    expect(invoiceFileName({ date: d('2026-11-30'), clientName: 'A', amount: -5000 })).toBe(
      '20261130_A_-5000.pdf',
    );
  });
});

describe('invoiceFolderPath', () => {
  test.each([
    ['2026-11-30', ['Pokke', '請求書', '2026', '11']],
    ['2027-01-04', ['Pokke', '請求書', '2027', '01']],
  ])('%s → %p', (date, path) => {
    expect(invoiceFolderPath(d(date))).toEqual(path);
  });

  test('the root is configurable', () => {
    expect(invoiceFolderPath(d('2026-11-30'), ['経理', 'Invoices'])).toEqual([
      '経理',
      'Invoices',
      '2026',
      '11',
    ]);
  });
});
