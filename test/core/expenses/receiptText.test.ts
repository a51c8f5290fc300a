import type { DateKey } from '../../../src/core/dates';
import { readReceipt } from '../../../src/core/expenses';
import { moneyMentions } from '../../../src/core/expenses/receipt/money';
import { looksSpacedOut, receiptLines } from '../../../src/core/expenses/receipt/normalize';

const today = '2026-12-07' as DateKey;

describe('receipt text, OCR noise', () => {
  test('spaces tesseract puts between Japanese characters and inside numbers are removed', () => {
    expect(receiptLines('合 計 ¥ 3 , 9 8 0\nう ち 消 費 税 3 6 1 円')).toEqual([
      '合計 ¥3,980',
      'うち消費税 361円',
    ]);
  });

  test('a mail with ordinary spaces keeps them', () => {
    const mail = '株式会社 ポッケ\nいつもお世話になっております。ご請求書をお送りします。';
    expect(looksSpacedOut(mail)).toBe(false);
    expect(receiptLines(mail)[0]).toBe('株式会社 ポッケ');
  });

  test('invisible characters cannot split a label or hide an amount', () => {
    expect(readReceipt('合\u200b計 ¥1,\u200d980', { today }).total).toBe(1980);
  });

  test('a date, a percentage, a phone number or a registration number is never an amount', () => {
    const line = '2026/11/28 10% TEL 03-1234-5678 T1234567890123 ¥500';
    expect(moneyMentions(line).map((m) => m.value)).toEqual([500]);
  });
});

describe('readReceipt: notes and limits', () => {
  test('nothing found: every field undefined, and notes say what to enter', () => {
    const reading = readReceipt('ありがとうございました', { today });
    expect(reading).toMatchObject({ date: undefined, payee: undefined, total: undefined });
    expect(reading.notes.map((n) => n.en)).toEqual([
      'No total found; enter the amount',
      'No date found',
      'No payee found',
    ]);
  });

  test('a foreign-currency receipt says so in both languages', () => {
    const reading = readReceipt('Total USD 20.00\nDate: Nov 28, 2026', { today });
    expect(reading.total).toBeUndefined();
    expect(reading.foreignCurrency).toBe('USD');
    expect(reading.notes[0]).toEqual({
      ja: '外貨(USD)の金額は読み取りません。円に換算した金額を入力してください',
      en: 'Amounts in USD are not read; enter the amount in yen',
    });
  });

  test('amounts by rate that do not add up to the total are flagged', () => {
    const reading = readReceipt('合計 ¥3,000\n10%対象 ¥2,200\n8%対象 ¥1,080', { today });
    expect(reading.notes.map((n) => n.en)).toContain(
      'The amounts by rate do not add up to the total; please check the receipt',
    );
  });

  test('a hostile payee stays text, cut to its limit', () => {
    const reading = readReceipt(`株式会社=HYPERLINK("http://x")${'あ'.repeat(100)}\n合計 ¥100`, {
      today,
    });
    expect(Array.from(reading.payee ?? '').length).toBeLessThanOrEqual(60);
    expect(reading.total).toBe(100);
  });

  test('a huge text is read only up to its limit, quickly', () => {
    const body = `合計 ¥1,000\n${'ノイズ 12,345 '.repeat(200_000)}`;
    const reading = readReceipt(body, { today });
    expect(reading.total).toBe(1000);
  });
});
