import type { DateKey } from '../../../src/core/dates';
import {
  mealLimitPerPerson,
  type PastExpense,
  payeeKey,
  suggestAccount,
} from '../../../src/core/expenses';

const d = (s: string) => s as DateKey;
const on = d('2026-11-28');

describe('suggestAccount', () => {
  test.each([
    ['日本交通株式会社', '', '旅費交通費'],
    ['Amazon.co.jp', 'コピー用紙 A4', '事務用品費'], // the memo says more than the shop
    ['Amazon.co.jp', '', '消耗品費'],
    ['ヤマト運輸', '見本の発送', '荷造運賃'],
    ['Slack Technologies, LLC', '', '通信費'],
    ['法務局', '収入印紙', '租税公課'],
    ['ポッケ書房', '技術書', '新聞図書費'],
    ['GO', '', '旅費交通費'],
  ])('%s / %p → %s', (payee, memo, account) => {
    const s = suggestAccount({ payee, memo, date: on }, []);
    expect(s).toMatchObject({ account, learned: false });
    expect(s!.reason.ja).toMatch(/「.+」から/);
  });

  test('"go" in a memo is an English word, not the taxi app', () => {
    expect(suggestAccount({ payee: 'ポッケ商店', memo: 'go to client', date: on }, [])).toBe(
      undefined,
    );
  });

  test('nothing matched: no suggestion', () => {
    expect(suggestAccount({ payee: '山田さん', date: on }, [])).toBeUndefined();
  });

  test('learned: the most recent account chosen for the same payee wins', () => {
    const history: PastExpense[] = [
      { date: d('2026-10-01'), payee: '株式会社ポッケ商店', account: '消耗品費' },
      { date: d('2026-11-02'), payee: 'ポッケ商店(株)', account: '事務用品費' },
      { date: d('2026-09-15'), payee: 'ポッケ商店', account: '雑費' },
      { date: d('2026-11-20'), payee: '別の店', account: '通信費' },
    ];
    const s = suggestAccount({ payee: '㈱ポッケ商店', memo: 'USBケーブル', date: on }, history);
    expect(s).toMatchObject({ account: '事務用品費', learned: true });
    expect(s!.reason.ja).toContain('2026-11-02');
  });

  test('meal with a client within 10,000 yen per person → 会議費', () => {
    const s = suggestAccount(
      { payee: 'レストランポッケ', memo: '株式会社A様と打ち合わせ 3名', date: on, amount: 30000 },
      [],
    );
    expect(s).toMatchObject({ account: '会議費', learned: false });
    expect(s!.reason.ja).toContain('1人あたり10,000円');
  });

  test('one yen over the limit per person → 接待交際費', () => {
    const s = suggestAccount(
      { payee: 'レストランポッケ', memo: '会食 3名', date: on, amount: 30001 },
      [],
    );
    expect(s!.account).toBe('接待交際費');
  });

  test('before 2024-04-01 the limit was 5,000 yen', () => {
    const input = { payee: '居酒屋ポッケ', memo: '取引先と会食 2名', amount: 16000 };
    expect(suggestAccount({ ...input, date: d('2024-03-31') }, [])!.account).toBe('接待交際費');
    expect(suggestAccount({ ...input, date: d('2024-04-01') }, [])!.account).toBe('会議費');
    expect(mealLimitPerPerson(d('2024-03-31'))).toBe(5000);
    expect(mealLimitPerPerson(d('2024-04-01'))).toBe(10000);
  });

  test('under 税抜経理 the limit is judged without tax', () => {
    const input = { payee: 'カフェポッケ', memo: '商談 2名', date: on, amount: 21780, tax: 1980 };
    expect(suggestAccount(input, [])!.account).toBe('接待交際費');
    expect(suggestAccount({ ...input, taxExclusiveBooks: true }, [])!.account).toBe('会議費');
  });

  test('without the number of people the meal is 接待交際費, and the reason says what to add', () => {
    const s = suggestAccount({ payee: '寿司ポッケ', memo: '接待', date: on, amount: 8000 }, []);
    expect(s!.account).toBe('接待交際費');
    expect(s!.reason.ja).toContain('人数をメモに書くと');
  });

  test('a learned meal account still follows this meal’s per-person amount', () => {
    const history = [{ date: d('2026-10-01'), payee: 'レストランポッケ', account: '会議費' }];
    const s = suggestAccount(
      { payee: 'レストランポッケ', memo: '打ち合わせ 2名', date: on, amount: 40000 },
      history,
    );
    expect(s).toMatchObject({ account: '接待交際費', learned: true });
  });

  test('payeeKey: legal forms, width and spacing do not matter', () => {
    expect(payeeKey('株式会社 ＡＢＣ')).toBe(payeeKey('ABC(株)'));
    expect(payeeKey('Slack Technologies, LLC')).toBe(payeeKey('slack technologies'));
    expect(payeeKey('ポッケ渋谷店')).not.toBe(payeeKey('ポッケ新宿店'));
  });
});
