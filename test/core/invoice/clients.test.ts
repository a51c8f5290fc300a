import {
  type ClientCells,
  clientKey,
  validateClientRow,
  validateClientRows,
} from '../../../src/core/invoice';
import { expectSeparateLanguages } from '../../fixtures/text';

const defaults = { defaultTerms: '月末締め翌月末払い' };

describe('validateClientRow', () => {
  test('a row with only a name gets the defaults', () => {
    const result = validateClientRow(
      { name: ' 株式会社やまだ ', email: 'a@example.jp' },
      4,
      defaults,
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      client: {
        row: 4,
        name: '株式会社やまだ',
        key: '株式会社やまだ',
        honorific: '御中',
        postalCode: '',
        address: '',
        contact: '',
        email: 'a@example.jp',
        terms: { kind: 'monthly', closingDay: 'end', payMonths: 1, payDay: 'end' },
        termsFromDefault: true,
        holidayRule: 'next',
        language: 'ja',
        withholding: false,
        registrationNumber: '',
      },
    });
  });

  test('every column read as written', () => {
    const result = validateClientRow(
      {
        name: '山田 花子',
        honorific: '様',
        postalCode: '１００－０００１',
        address: '東京都千代田区千代田1-1',
        email: 'hanako@example.jp; office@example.jp',
        terms: '20日締め翌月10日払い',
        holidayRule: '前営業日',
        language: 'en',
        withholding: 'する',
        registrationNumber: 'T 1234-5678-90123',
      },
      5,
      defaults,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.client).toMatchObject({
      honorific: '様',
      postalCode: '100-0001',
      email: 'hanako@example.jp,office@example.jp',
      terms: { kind: 'monthly', closingDay: 20, payMonths: 1, payDay: 10 },
      termsFromDefault: false,
      holidayRule: 'previous',
      language: 'en',
      withholding: true,
      registrationNumber: 'T1234567890123',
    });
  });

  test.each<[keyof ClientCells, unknown, RegExp, RegExp]>([
    ['name', '', /取引先名が入力されていません/, /^Client: No client name/],
    ['honorific', '殿', /「御中」か「様」/, /^Honorific "殿": Choose 御中 \(a company\) or 様/],
    [
      'holidayRule',
      '当日',
      /「翌営業日」か「前営業日」/,
      /Choose 翌営業日 \(next business day\) or 前営業日/,
    ],
    ['language', 'fr', /「ja」\(日本語\)か「en」/, /^Language "fr": Choose ja \(Japanese\) or en/],
    ['withholding', 'たぶん', /「する」か「しない」/, /Choose する \(withholds\) or しない/],
    [
      'terms',
      '月末しめ来月',
      /^支払条件「月末しめ来月」: 支払条件を読み取れません/,
      /^Payment terms "月末しめ来月": Could not read the payment terms/,
    ],
    ['email', 'yamada@', /メールアドレスの形式/, /^Email "yamada@": Not a valid mail address/],
  ])('%s %p → a problem in each language', (field, value, ja, en) => {
    const result = validateClientRow(
      { name: '株式会社やまだ', email: 'a@example.jp', [field]: value },
      2,
      defaults,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field)).toEqual([field]);
    const message = result.problems[0]!.message;
    expectSeparateLanguages(message);
    expect(message.ja).toMatch(ja);
    expect(message.en).toMatch(en);
  });

  test('unreadable terms are a problem, never replaced by the default terms', () => {
    const result = validateClientRow({ name: 'A', terms: 'いつでも' }, 2, defaults);
    expect(result.ok).toBe(false);
  });

  test('blank terms with unreadable default terms is a problem', () => {
    const result = validateClientRow({ name: 'A' }, 2, { defaultTerms: '' });
    expect(!result.ok && result.problems[0]!.message).toEqual({
      ja: expect.stringMatching(/既定の支払条件/),
      en: expect.stringMatching(/default terms in the settings/),
    });
  });

  test('terms counted in days', () => {
    const result = validateClientRow({ name: 'A', terms: '納品後30日' }, 2, defaults);
    expect(result.ok && result.client.terms).toEqual({ kind: 'days', days: 30, from: 'delivery' });
  });

  test.each<[unknown, boolean]>([
    ['する', true],
    ['しない', false],
    ['', false],
    [true, true], // a checkbox
    [false, false],
    ['あり', true],
    ['なし', false],
  ])('withholding %p → %p', (cell, expected) => {
    const result = validateClientRow({ name: 'A', withholding: cell }, 2, defaults);
    expect(result.ok && result.client.withholding).toBe(expected);
  });

  test('warnings never block: no mail, odd postal code, registration number failing the check', () => {
    const result = validateClientRow(
      { name: 'A', postalCode: '12345', registrationNumber: 'T1234567890124' },
      2,
      defaults,
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.field)).toEqual([
      'email',
      'postalCode',
      'registrationNumber',
    ]);
  });

  test('a word like "constructor" is not taken for a choice', () => {
    const result = validateClientRow({ name: 'A', language: 'constructor' }, 2, defaults);
    expect(result.ok).toBe(false);
  });
});

describe('validateClientRows', () => {
  test('a duplicate name is refused on its later row; the first one stays', () => {
    const result = validateClientRows(
      [
        { rowNumber: 2, values: { name: '株式会社 やまだ', email: 'a@example.jp' } },
        { rowNumber: 3, values: { name: '株式会社やまだ', email: 'b@example.jp' } },
        { rowNumber: 4, values: { name: 'B', language: 'xx', email: 'c@example.jp' } },
        { rowNumber: 5, values: { name: 'C', email: 'c@example.jp' } },
      ],
      defaults,
    );
    expect(result.clients.map((c) => [c.row, c.name])).toEqual([
      [2, '株式会社 やまだ'],
      [5, 'C'],
    ]);
    expect(result.rejected.map((r) => r.row)).toEqual([3, 4]);
    expect(result.rejected[0]!.problems[0]!.message).toEqual({
      ja: expect.stringMatching(/2行目/),
      en: expect.stringMatching(/on row 2\b/),
    });
  });

  test('clientKey folds width, spaces and case', () => {
    expect(clientKey('ＡＣＭＥ　Ｌｔｄ.')).toBe(clientKey('acme ltd.'));
    expect(clientKey('㈱やまだ')).toBe(clientKey('(株)やまだ'));
  });
});
