import type { DateKey } from '../../../src/core/dates';
import {
  isPendingSuggestion,
  type LogRowCells,
  pastExpenseOf,
  reviewLogRow,
} from '../../../src/core/expenses/logRow';

const today = '2026-11-24' as DateKey;
const ctx = { today };
const row = (over: Partial<Record<keyof LogRowCells, unknown>> = {}): LogRowCells => ({
  date: '2026/11/12',
  payee: '文具のまるや',
  amount: 3520,
  taxRate: '10%',
  tax: '',
  account: '消耗品費',
  paymentMethod: 'カード',
  registrationNumber: '',
  memo: 'トナー',
  receipt: '',
  status: '',
  suggested: '',
  ...over,
});

describe('reviewLogRow: a row checked where it stands', () => {
  it('fills a blank tax and the credit rate of a supplier without a number, and says nothing', () => {
    const r = reviewLogRow(row(), ctx, []);
    expect(r.fill).toEqual({
      tax: 320,
      creditRate: '70%控除対象',
      status: '',
      message: { ja: '', en: '' },
    });
    expect(r.attention).toBe(false);
  });

  it('a registered supplier is credited in full; a typed tax is kept', () => {
    const r = reviewLogRow(row({ registrationNumber: 'T4000000001234', tax: 320 }), ctx, []);
    expect(r.fill.tax).toBeUndefined();
    expect(r.fill.creditRate).toBe('100%控除');
  });

  it('a text amount is 要確認 with the problem in both languages, and nothing is filled', () => {
    const r = reviewLogRow(row({ amount: '三千円' }), ctx, []);
    expect(r.fill.status).toBe('要確認');
    expect(r.fill.message.ja).toContain('金額(税込)「三千円」: 金額として読み取れません');
    expect(r.fill.message.en).toContain('Amount (incl. tax) "三千円": Not an amount');
    expect(r.fill.tax).toBeUndefined();
    expect(r.fill.creditRate).toBeUndefined();
    expect(r.attention).toBe(true);
  });

  it('an empty account gets the account the owner chose last for the payee, marked 科目提案', () => {
    const history = [
      { date: '2026-10-01' as DateKey, payee: '文具のまるや', account: '事務用品費' },
      { date: '2026-11-12' as DateKey, payee: '株式会社 文具のまるや', account: '消耗品費' },
    ];
    const r = reviewLogRow(row({ account: '' }), ctx, history);
    expect(r.suggestion?.account).toBe('消耗品費');
    expect(r.fill).toMatchObject({ account: '消耗品費', status: '科目提案', tax: 320 });
    expect(r.fill.message.ja).toMatch(/^勘定科目「消耗品費」を提案しました\(前回\(2026-11-12\)/);
  });

  it('stays 科目提案 until accepted: 確認済, or another account chosen by the owner', () => {
    const pending = row({ account: '消耗品費', suggested: '消耗品費', status: '科目提案' });
    expect(reviewLogRow(pending, ctx, []).fill.status).toBe('科目提案');
    expect(isPendingSuggestion(pending)).toBe(true);
    const accepted = { ...pending, status: '確認済' };
    expect(reviewLogRow(accepted, ctx, []).fill).toMatchObject({
      status: '確認済',
      message: { ja: '' },
    });
    const changed = { ...pending, account: '事務用品費' };
    expect(reviewLogRow(changed, ctx, []).fill.status).toBe('確認済');
    expect(isPendingSuggestion(changed)).toBe(false);
  });

  it('a fixed row loses Pokke’s 要確認; the owner’s own mark stays', () => {
    expect(reviewLogRow(row({ status: '要確認' }), ctx, []).fill.status).toBe('');
    expect(reviewLogRow(row({ status: '確認済' }), ctx, []).fill.status).toBe('確認済');
  });

  it('no payee: nothing to suggest from, and the row says what is missing', () => {
    const r = reviewLogRow(row({ account: '', payee: '', memo: '' }), ctx, []);
    expect(r.fill.account).toBeUndefined();
    expect(r.fill.message.ja).toContain('取引先が入力されていません');
    expect(r.fill.message.ja).toContain('勘定科目が選ばれていません');
  });
});

describe('pastExpenseOf: what suggestions learn from', () => {
  it('takes the owner’s choices and leaves pending suggestions out', () => {
    expect(pastExpenseOf(row())).toEqual({
      date: '2026-11-12',
      payee: '文具のまるや',
      account: '消耗品費',
    });
    expect(pastExpenseOf(row({ suggested: '消耗品費', status: '科目提案' }))).toBeUndefined();
    expect(pastExpenseOf(row({ suggested: '消耗品費', status: '確認済' }))?.account).toBe(
      '消耗品費',
    );
    expect(pastExpenseOf(row({ account: '謎の科目' }))).toBeUndefined();
    expect(pastExpenseOf(row({ date: 'いつか' }))).toBeUndefined();
  });
});
