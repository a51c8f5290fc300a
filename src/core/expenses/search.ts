/**
 * The 電子帳簿保存法 search over the expense log (the log is the index, 索引簿): by date range,
 * amount range and payee, each alone or any of them combined (all given conditions must hold).
 * A payee matches by a part of its name, compared without regard to width, case, spaces or legal
 * forms (「ABC」 finds 「株式会社ＡＢＣ」).
 */
import { foldWord } from '../cells';
import type { DateKey } from '../dates';
import { type Text, text } from '../text';
import { payeeKey } from './payeeKey';

export interface ExpenseQuery {
  readonly from?: DateKey;
  readonly to?: DateKey;
  /** Tax included, whole yen, inclusive. */
  readonly minAmount?: number;
  readonly maxAmount?: number;
  readonly payee?: string;
}

/** What a row offers to the search: its fields as read, null when a cell cannot be read. */
export interface SearchableExpense {
  readonly date: DateKey | null;
  readonly amount: number | null;
  readonly payee: string;
}

/** Why the query cannot run (no condition, a range the wrong way round); empty when it can. */
export function queryProblems(q: ExpenseQuery): Text[] {
  const problems: Text[] = [];
  const payee = q.payee?.trim() ?? '';
  if (
    q.from === undefined &&
    q.to === undefined &&
    q.minAmount === undefined &&
    q.maxAmount === undefined &&
    payee === ''
  )
    problems.push(
      text(
        '検索条件(日付・金額・取引先)を1つ以上入力してください',
        'Enter at least one condition (date, amount or payee)',
      ),
    );
  if (q.from !== undefined && q.to !== undefined && q.from > q.to)
    problems.push(
      text('日付の範囲が逆です(開始 ≦ 終了)', 'The date range is reversed (from ≤ to)'),
    );
  if (q.minAmount !== undefined && q.maxAmount !== undefined && q.minAmount > q.maxAmount)
    problems.push(
      text('金額の範囲が逆です(下限 ≦ 上限)', 'The amount range is reversed (min ≤ max)'),
    );
  return problems;
}

/** A filter for the query: a row must meet every condition given. */
export function expenseMatcher(q: ExpenseQuery): (row: SearchableExpense) => boolean {
  const words = q.payee?.trim() ?? '';
  const folded = foldWord(words);
  const key = payeeKey(words);
  return (row) => {
    if (q.from !== undefined || q.to !== undefined) {
      if (row.date === null) return false;
      if (q.from !== undefined && row.date < q.from) return false;
      if (q.to !== undefined && row.date > q.to) return false;
    }
    if (q.minAmount !== undefined || q.maxAmount !== undefined) {
      if (row.amount === null) return false;
      if (q.minAmount !== undefined && row.amount < q.minAmount) return false;
      if (q.maxAmount !== undefined && row.amount > q.maxAmount) return false;
    }
    if (words !== '') {
      const byWords = foldWord(row.payee).includes(folded);
      // A query of only a legal form (「株式会社」) is matched by its words alone.
      const byKey = key !== '' && payeeKey(row.payee).includes(key);
      if (!byWords && !byKey) return false;
    }
    return true;
  };
}
