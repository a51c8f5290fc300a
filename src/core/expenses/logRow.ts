/**
 * One row of the expense log (経費) as Pokke leaves it after checking it where it stands: what it
 * fills in (a blank 消費税, the 控除割合, an account it suggests for an empty 勘定科目), the row's
 * 状態 and the message for its メッセージ cell. The owner's own cells are never changed.
 *
 * An account Pokke suggested stays a suggestion (状態 科目提案, the account also kept in 提案科目)
 * until the owner accepts it: by setting 状態 to 確認済, or by choosing another account. Only
 * accounts the owner chose or accepted teach later suggestions.
 */
import { cellString, foldWord } from '../cells';
import { type DateKey, parseDateKey, tokyoDateKey } from '../dates';
import { parseYen } from '../money';
import { joinWith, type Text, text } from '../text';
import { readAccount } from './accounts';
import { creditRateLabel } from './creditRate';
import {
  checkExpenseRow,
  type ExpenseCells,
  type ExpenseCheck,
  type ExpenseContext,
} from './expenseRow';
import type { ExpenseProblem } from './problems';
import { type AccountSuggestion, type PastExpense, suggestAccount } from './suggestAccount';

/** The 状態 dropdown: set by Pokke (要確認, 科目提案) or by the owner (確認済). */
export const EXPENSE_STATUSES = ['要確認', '科目提案', '確認済'] as const;
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number];
export const NEEDS_CHECK: ExpenseStatus = '要確認';
export const SUGGESTED: ExpenseStatus = '科目提案';
export const CONFIRMED: ExpenseStatus = '確認済';

/** A log row's cells: the expense itself and the cells Pokke keeps. */
export interface LogRowCells extends ExpenseCells {
  readonly status?: unknown;
  /** 提案科目: the account Pokke suggested for this row, if it did. */
  readonly suggested?: unknown;
}

/** What the check writes in a row; a field left undefined keeps its cell as it is. */
export interface LogRowFill {
  /** 消費税, when the cell was blank. */
  readonly tax?: number;
  /** 勘定科目 and 提案科目, when 勘定科目 was empty and an account could be suggested. */
  readonly account?: string;
  /** 控除割合 (`100%控除`, `70%控除対象`, '' without tax), when the row checks. */
  readonly creditRate?: string;
  readonly status: string;
  /** The メッセージ: problems, warnings and the suggestion; empty when there is nothing to say. */
  readonly message: Text;
}

export interface LogRowReview {
  /** The row as it stands once filled (a suggested account included). */
  readonly check: ExpenseCheck;
  /** The account is Pokke's suggestion, not accepted yet. */
  readonly pending: boolean;
  /** A suggestion made by this review (the row's 勘定科目 was empty). */
  readonly suggestion?: AccountSuggestion;
  /** Problems, warnings or a pending suggestion: the owner should look at the row. */
  readonly attention: boolean;
  readonly fill: LogRowFill;
}

const NOTHING = text('', '');

/** Whether the row's account is still Pokke's suggestion. */
export function isPendingSuggestion(cells: LogRowCells): boolean {
  const suggested = cellString(cells.suggested);
  return (
    suggested !== '' &&
    foldWord(suggested) === foldWord(cellString(cells.account)) &&
    cellString(cells.status) !== CONFIRMED
  );
}

/**
 * The row as the owner's choice for its payee (the history suggestions learn from), or undefined
 * when the row has no usable date, payee or account, or its account is a pending suggestion.
 */
export function pastExpenseOf(
  cells: LogRowCells,
  accounts?: readonly string[],
  dateOf: (d: Date) => DateKey = tokyoDateKey,
): PastExpense | undefined {
  const payee = cellString(cells.payee);
  const account = readAccount(cellString(cells.account), accounts);
  const date = dateCell(cells.date, dateOf);
  if (payee === '' || account === undefined || date === null || isPendingSuggestion(cells))
    return undefined;
  return { date, payee, account };
}

/**
 * Checks one row where it stands. `history` holds the owner's past choices (pastExpenseOf over the
 * log); giving only those of the row's payee is enough.
 */
export function reviewLogRow(
  cells: LogRowCells,
  ctx: ExpenseContext,
  history: readonly PastExpense[],
): LogRowReview {
  const dateOf = ctx.dateOf ?? tokyoDateKey;
  const suggestion =
    cellString(cells.account) === '' ? suggestionFor(cells, ctx.today, dateOf, history) : undefined;
  const check = checkExpenseRow(
    suggestion ? { ...cells, account: suggestion.account } : cells,
    ctx,
  );
  const pending = suggestion !== undefined || isPendingSuggestion(cells);
  const status = statusOf(check.ok, pending, cells);

  const lines: Text[] = [];
  if (!check.ok) lines.push(...check.problems.map(messageOf));
  lines.push(...check.warnings.map(messageOf));
  if (pending) {
    const account = suggestion?.account ?? cellString(cells.account);
    // A suggestion made earlier gets its reason again while the same account would be suggested.
    const reason =
      suggestion?.reason ??
      (() => {
        const again = suggestionFor(cells, ctx.today, dateOf, history);
        return again?.account === account ? again.reason : undefined;
      })();
    lines.push(suggestionMessage(account, reason));
  }

  return {
    check,
    pending,
    ...(suggestion ? { suggestion } : {}),
    attention: !check.ok || pending || check.warnings.length > 0,
    fill: {
      ...(check.ok && check.expense.taxComputed ? { tax: check.expense.tax } : {}),
      ...(suggestion ? { account: suggestion.account } : {}),
      ...(check.ok
        ? {
            creditRate:
              check.expense.creditRate === undefined
                ? ''
                : creditRateLabel(check.expense.creditRate).ja,
          }
        : {}),
      status,
      message: lines.length === 0 ? NOTHING : joinWith(lines, '\n'),
    },
  };
}

/**
 * 要確認 while the row has problems, 科目提案 while its account is a pending suggestion; once
 * neither holds, Pokke's own mark is settled (確認済 when a suggestion was accepted by choosing
 * another account) and the owner's mark is kept.
 */
function statusOf(ok: boolean, pending: boolean, cells: LogRowCells): string {
  if (!ok) return NEEDS_CHECK;
  if (pending) return SUGGESTED;
  const before = cellString(cells.status);
  if (before !== NEEDS_CHECK && before !== SUGGESTED) return before;
  return cellString(cells.suggested) === '' ? '' : CONFIRMED;
}

function suggestionMessage(account: string, reason: Text | undefined): Text {
  const why = reason ? text(`(${reason.ja})`, ` (${reason.en})`) : text('', '');
  return text(
    `勘定科目「${account}」を提案しました${why.ja}。よければ状態を「確認済」に、違う場合は科目を選び直してください`,
    `Suggested account 「${account}」${why.en}. Set 状態 to 確認済 to accept it, or choose another account`,
  );
}

function suggestionFor(
  cells: LogRowCells,
  today: DateKey,
  dateOf: (d: Date) => DateKey,
  history: readonly PastExpense[],
): AccountSuggestion | undefined {
  const payee = cellString(cells.payee);
  if (payee === '') return undefined;
  const amount = parseYen(cells.amount);
  const tax = cellString(cells.tax) === '' ? undefined : parseYen(cells.tax);
  return suggestAccount(
    {
      payee,
      memo: cellString(cells.memo),
      // The meal limit of the day paid; today's when the date cannot be read (the row says so).
      date: dateCell(cells.date, dateOf) ?? today,
      ...(amount.ok ? { amount: amount.yen } : {}),
      ...(tax?.ok ? { tax: tax.yen } : {}),
    },
    history,
  );
}

function messageOf(p: ExpenseProblem): Text {
  return p.message;
}

/** A date cell: a Date, or text like 2026/11/28; null otherwise. */
export function dateCell(
  cell: unknown,
  dateOf: (d: Date) => DateKey = tokyoDateKey,
): DateKey | null {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return dateOf(cell);
  }
  return parseDateKey(cellString(cell));
}
