import type { DateKey } from '../../../src/core/dates';
import { receiptFileName, receiptFolderPath } from '../../../src/core/expenses';

const d = (s: string) => s as DateKey;

describe('receipt files in Drive (電帳法: YYYYMMDD_取引先_金額)', () => {
  test('date, payee and amount without commas, with the original extension', () => {
    expect(
      receiptFileName({
        date: d('2026-11-28'),
        payee: 'Amazon.co.jp',
        amount: 3980,
        extension: 'PDF',
      }),
    ).toBe('20261128_Amazon.co.jp_3980.pdf');
  });

  test('a hostile payee cannot make a path, markup or a disguised extension', () => {
    const name = receiptFileName({
      date: d('2026-11-28'),
      payee: '../../<img src=x>\u202Egpj.exe_x',
      amount: 1000,
      extension: 'jpg',
    });
    expect(name).not.toMatch(/[/\\<>\u202E]/);
    expect(name.split('_')).toHaveLength(3);
    expect(name.endsWith('_1000.jpg')).toBe(true);
  });

  test('an odd extension is dropped, an empty payee gets a placeholder', () => {
    expect(
      receiptFileName({ date: d('2026-11-28'), payee: '///', amount: 5, extension: 'p/df' }),
    ).toBe('20261128_支払先_5');
  });

  test('folder Pokke/経費/YYYY/MM', () => {
    expect(receiptFolderPath(d('2026-01-05'))).toEqual(['Pokke', '経費', '2026', '01']);
  });
});
