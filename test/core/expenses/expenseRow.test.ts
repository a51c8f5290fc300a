import type { DateKey } from '../../../src/core/dates';
import {
  checkExpenseRow,
  EXPENSE_ACCOUNTS,
  type ExpenseCells,
  PAYMENT_METHODS,
  taxIncluded,
} from '../../../src/core/expenses';

const today = '2026-12-07' as DateKey;
const ctx = { today };

const good: ExpenseCells = {
  date: '2026/11/28',
  payee: '日本交通株式会社',
  amount: 2400,
  taxRate: '10%',
  tax: '',
  account: '旅費交通費',
  paymentMethod: 'カード',
  registrationNumber: 'T8010001034740',
  memo: '渋谷→新宿 打ち合わせ',
  receipt: 'https://drive.google.com/file/d/abc',
};

function problemsOf(cells: ExpenseCells) {
  const result = checkExpenseRow(cells, ctx);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('checkExpenseRow', () => {
  test('a good row becomes a typed expense, with its tax computed from the amount', () => {
    const result = checkExpenseRow(good, ctx);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      expense: {
        date: '2026-11-28',
        payee: '日本交通株式会社',
        amount: 2400,
        taxRate: 10,
        tax: 218, // floor(2400 × 10 / 110)
        taxComputed: true,
        account: '旅費交通費',
        paymentMethod: 'カード',
        registrationNumber: 'T8010001034740',
        creditRate: 100,
        memo: '渋谷→新宿 打ち合わせ',
        receipt: 'https://drive.google.com/file/d/abc',
      },
    });
  });

  test('a Date cell (midnight in Tokyo) is read in Japan, whatever the machine zone', () => {
    const cell = new Date('2026-11-27T15:00:00Z'); // 2026-11-28 00:00 JST
    const result = checkExpenseRow({ ...good, date: cell }, ctx);
    expect(result.ok && result.expense.date).toBe('2026-11-28');
  });

  test.each([
    ['令和8年11月28日', '2026-11-28'],
    ['R8.11.28', '2026-11-28'],
    ['２０２６／１１／２８', '2026-11-28'],
  ])('a date typed as %p is read', (cell, date) => {
    const result = checkExpenseRow({ ...good, date: cell }, ctx);
    expect(result.ok && result.expense.date).toBe(date);
  });

  test('a typed tax that fits the amount under some rounding is kept', () => {
    const result = checkExpenseRow({ ...good, tax: 219 }, ctx);
    expect(result.ok && result.expense).toMatchObject({ tax: 219, taxComputed: false });
  });

  test('a tax that does not fit the amount and rate is refused with the computed figure', () => {
    const [p] = problemsOf({ ...good, tax: 300 });
    expect(p!.field).toBe('tax');
    expect(p!.message.ja).toContain('計算上は218円');
    expect(p!.message.en).toContain('computed 218 yen');
  });

  test('without a registration number the transitional credit rate of the date applies', () => {
    const before = checkExpenseRow({ ...good, registrationNumber: '', date: '2026-09-30' }, ctx);
    const after = checkExpenseRow({ ...good, registrationNumber: 'なし', date: '2026-10-01' }, ctx);
    expect(before.ok && before.expense.creditRate).toBe(80);
    expect(after.ok && after.expense.creditRate).toBe(70);
    expect(after.ok && after.expense.registrationNumber).toBeUndefined();
  });

  test('non-taxable rows carry no tax and no credit rate', () => {
    const result = checkExpenseRow({ ...good, taxRate: '非課税', account: '租税公課' }, ctx);
    expect(result.ok && result.expense).toMatchObject({
      taxRate: 'exempt',
      tax: 0,
      creditRate: undefined,
    });
  });

  test('a registration number failing the corporate check digit is a warning, not a refusal', () => {
    const result = checkExpenseRow({ ...good, registrationNumber: 'T1234567890123' }, ctx);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.field)).toEqual(['registrationNumber']);
  });

  test.each([
    ['amount', { amount: '三千円' }, '金額(税込)「三千円」: 金額として読み取れません'],
    ['amount', { amount: 1234.5 }, '1円単位の整数で入力してください'],
    ['amount', { amount: '' }, '金額が入力されていません'],
    ['date', { date: '2026/12/08' }, '未来の日付です'],
    ['date', { date: 'きのう' }, '日付として読み取れません'],
    ['date', { date: '' }, '日付が入力されていません'],
    ['account', { account: '交際費?' }, '勘定科目「交際費?」: 勘定科目の一覧にない科目です'],
    ['account', { account: '' }, '勘定科目が選ばれていません'],
    ['registrationNumber', { registrationNumber: 'T12345' }, '登録番号「T12345」'],
    ['taxRate', { taxRate: '5%' }, '税率は 10%、8%(軽減)、0%、非課税 のいずれかです'],
    ['taxRate', { taxRate: '' }, '税率が入力されていません'],
    ['paymentMethod', { paymentMethod: 'ツケ' }, '支払方法「ツケ」'],
    ['payee', { payee: '  ' }, '取引先が入力されていません'],
  ] as const)('%s: %p gives a message naming the field', (field, cells, ja) => {
    const problems = problemsOf({ ...good, ...cells });
    expect(problems.map((p) => p.field)).toEqual([field]);
    expect(problems[0]!.message.ja).toContain(ja);
    // English stays English (the quoted value aside).
    expect(problems[0]!.message.en.replace(/"[^"]*"/, '')).not.toMatch(/[ぁ-んァ-ン]{3}/);
  });

  test('every problem of a row is reported at once', () => {
    const problems = problemsOf({ ...good, date: '2027/01/01', amount: 'abc', account: '??' });
    expect(problems.map((p) => p.field)).toEqual(['date', 'amount', 'account']);
  });

  test('payment methods are read the way people write them', () => {
    for (const [typed, method] of [
      ['クレジットカード', 'カード'],
      ['銀行振込', '振込'],
      ['現金', '現金'],
      ['引き落とし', '口座振替'],
    ] as const) {
      const result = checkExpenseRow({ ...good, paymentMethod: typed }, ctx);
      expect(result.ok && result.expense.paymentMethod).toBe(method);
    }
  });

  test('an account the owner keeps themselves is accepted when passed in', () => {
    const result = checkExpenseRow(
      { ...good, account: '車両費' },
      { today, accounts: [...EXPENSE_ACCOUNTS, '車両費'] },
    );
    expect(result.ok && result.expense.account).toBe('車両費');
  });

  test('a refund (negative amount) carries negative tax', () => {
    const result = checkExpenseRow({ ...good, amount: '△1,100' }, ctx);
    expect(result.ok && result.expense).toMatchObject({ amount: -1100, tax: -100 });
  });
});

describe('lists', () => {
  test('the accounts of domain-jp.md, each once', () => {
    expect(EXPENSE_ACCOUNTS).toHaveLength(20);
    expect(new Set(EXPENSE_ACCOUNTS).size).toBe(20);
    expect(EXPENSE_ACCOUNTS).toEqual(expect.arrayContaining(['会議費', '接待交際費', '荷造運賃']));
    expect(PAYMENT_METHODS).toEqual(expect.arrayContaining(['現金', 'カード', '振込', '口座振替']));
  });

  test('taxIncluded rounds down, per tax.ts', () => {
    expect(taxIncluded(5400, 8)).toBe(400);
    expect(taxIncluded(3980, 10)).toBe(361);
    expect(taxIncluded(3980, 'exempt')).toBe(0);
  });
});
