/**
 * Which account an expense probably goes to, with why: a proposal the owner accepts or changes.
 * 1. Learned: the account the owner chose most recently for the same payee (see payeeKey).
 * 2. A meal with outside parties: 会議費 when the amount per person is within the limit of the
 *    day (mealLimit.ts) and the number of people is known, 接待交際費 otherwise. This also
 *    decides between those two accounts when the learned one is either of them: the limit is
 *    about this meal, not the last one.
 * 3. Words in the memo, then in the payee (accountRules.ts).
 * Nothing matched: no suggestion.
 */
import type { DateKey } from '../dates';
import { formatYen } from '../money';
import { type Text, text } from '../text';
import { ACCOUNT_RULES, MEAL_WORDS, OUTSIDE_PARTY_WORDS } from './accountRules';
import { mealLimitPerPerson } from './mealLimit';
import { payeeKey } from './payeeKey';

export interface PastExpense {
  readonly date: DateKey;
  readonly payee: string;
  /** The account the owner chose (accepted suggestions included, pending ones not). */
  readonly account: string;
}

export interface SuggestionInput {
  readonly payee: string;
  readonly memo?: string;
  readonly date: DateKey;
  /** Tax included. */
  readonly amount?: number;
  /** Consumption tax inside `amount`, used under 税抜経理. */
  readonly tax?: number;
  /** People at the meal, the owner included; else read from the memo (「3名」「2人」). */
  readonly people?: number;
  /** How the books hold amounts; the meal limit is judged on that amount. Default 税込. */
  readonly taxExclusiveBooks?: boolean;
}

export interface AccountSuggestion {
  readonly account: string;
  readonly reason: Text;
  /** Whether it comes from the owner's own past rows. */
  readonly learned: boolean;
}

const MEAL_ACCOUNTS = new Set(['会議費', '接待交際費']);

export function suggestAccount(
  input: SuggestionInput,
  history: readonly PastExpense[],
): AccountSuggestion | undefined {
  const memo = input.memo ?? '';
  const learned = learnedAccount(input.payee, history);
  const meal = isOutsideMeal(input.payee, memo) ? mealAccount(input, memo) : undefined;

  if (learned && meal && MEAL_ACCOUNTS.has(learned.account)) return { ...meal, learned: true };
  if (learned)
    return {
      account: learned.account,
      learned: true,
      reason: text(
        `前回(${learned.date})「${learned.payee}」に選んだ科目です`,
        `The account you chose for "${learned.payee}" last time (${learned.date})`,
      ),
    };
  if (meal) return { ...meal, learned: false };

  for (const [where, words] of [
    ['memo', memo],
    ['payee', input.payee],
  ] as const) {
    for (const r of ACCOUNT_RULES) {
      if (r.payeeOnly && where === 'memo') continue;
      const m = r.pattern.exec(words);
      if (!m) continue;
      const place = where === 'memo' ? text('メモ', 'the memo') : text('取引先', 'the payee');
      return {
        account: r.account,
        learned: false,
        reason: text(`${place.ja}の「${m[0]}」から`, `From "${m[0]}" in ${place.en}`),
      };
    }
  }
  return undefined;
}

function learnedAccount(payee: string, history: readonly PastExpense[]): PastExpense | undefined {
  const key = payeeKey(payee);
  if (key === '') return undefined;
  let best: PastExpense | undefined;
  // The most recent date wins; on the same date the later row (the owner's latest choice).
  for (const past of history) {
    if (past.account.trim() === '' || payeeKey(past.payee) !== key) continue;
    if (best === undefined || past.date >= best.date) best = past;
  }
  return best;
}

function isOutsideMeal(payee: string, memo: string): boolean {
  return (MEAL_WORDS.test(payee) || MEAL_WORDS.test(memo)) && OUTSIDE_PARTY_WORDS.test(memo);
}

function mealAccount(input: SuggestionInput, memo: string): Omit<AccountSuggestion, 'learned'> {
  const people = input.people ?? peopleInMemo(memo);
  const limit = mealLimitPerPerson(input.date);
  const booked =
    input.amount === undefined
      ? undefined
      : input.taxExclusiveBooks
        ? input.amount - (input.tax ?? 0)
        : input.amount;
  if (people === undefined || booked === undefined || limit === undefined)
    return {
      account: '接待交際費',
      reason: text(
        '取引先との飲食です。人数をメモに書くと、1人あたりの金額で会議費になるか判定します',
        'A meal with outside parties; write the number of people in the memo to check the per-person limit for 会議費',
      ),
    };
  const perPerson = Math.ceil(booked / people);
  const within = booked <= limit * people;
  return {
    account: within ? '会議費' : '接待交際費',
    reason: text(
      `取引先との飲食で1人あたり${formatYen(perPerson)}円(${people}名)、${formatYen(limit)}円${within ? '以下' : 'を超える'}ため`,
      `A meal with outside parties at ${formatYen(perPerson)} yen per person (${people} people), ${within ? 'within' : 'over'} the ${formatYen(limit)} yen limit`,
    ),
  };
}

function peopleInMemo(memo: string): number | undefined {
  const m = /(\d{1,3}) ?(?:名|人|people|persons|pax)/i.exec(memo.normalize('NFKC'));
  const n = m ? Number(m[1]) : 0;
  return n > 0 ? n : undefined;
}
