/**
 * One row of the 経費 sheet → a typed `Expense`, or the problems that keep it out of the log's
 * totals and exports. Every field is checked so the owner sees all of a row's problems at once;
 * one bad row never affects the others (the caller checks each row on its own).
 *
 * Cells are as `Range.getValues()` gives them: strings, numbers, booleans, Date objects or ''.
 */
import { cellString, readDateCell } from '../cells';
import { type DateKey, parseDateKey, tokyoDateKey } from '../dates';
import { divideRounded, parseYen } from '../money';
import { checkRegistrationNumber } from '../registrationNumber';
import { parseTaxRate, summarizeByRate, type TaxRate } from '../tax';
import { text } from '../text';
import {
  EXPENSE_ACCOUNTS,
  PAYMENT_METHODS,
  type PaymentMethod,
  readAccount,
  readPaymentMethod,
} from './accounts';
import { creditRate } from './creditRate';
import { type ExpenseField, type ExpenseProblem, expenseProblem } from './problems';
import { wholeDate } from './receipt/dates';
import { MAX_PAYEE_CHARS } from './receipt/payee';

/** Raw cell values of one 経費 row, keyed by field. */
export type ExpenseCells = Partial<Readonly<Record<ExpenseField, unknown>>>;

export interface Expense {
  readonly date: DateKey;
  readonly payee: string;
  /** Tax included, whole yen; negative for a refund. */
  readonly amount: number;
  readonly taxRate: TaxRate;
  /** Consumption tax inside `amount`. */
  readonly tax: number;
  /** Whether `tax` was computed here because the cell was blank (write it back). */
  readonly taxComputed: boolean;
  readonly account: string;
  readonly paymentMethod?: PaymentMethod;
  /** `T` + 13 digits, or undefined when the payee has none. */
  readonly registrationNumber?: string;
  /** Percent of `tax` that may be credited (see creditRate.ts); undefined when there is no tax. */
  readonly creditRate?: number;
  readonly memo: string;
  /** The receipt file's link, as written. */
  readonly receipt: string;
}

export interface ExpenseContext {
  /** Today in Japan: a later date is a typing mistake. */
  readonly today: DateKey;
  /** The accounts the owner uses; default EXPENSE_ACCOUNTS. */
  readonly accounts?: readonly string[];
  /** The civil date of a Date cell; default `tokyoDateKey` (the spreadsheet in Asia/Tokyo). */
  readonly dateOf?: (cell: Date) => DateKey;
}

export type ExpenseCheck =
  | { ok: true; expense: Expense; warnings: ExpenseProblem[] }
  | { ok: false; problems: ExpenseProblem[]; warnings: ExpenseProblem[] };

// Written in the 登録番号 cell for a payee who has none.
const NO_NUMBER = /^(?:なし|無し|無|未登録|登録なし|免税事業者|-|ー|―|none|n\/a)$/i;

export function checkExpenseRow(cells: ExpenseCells, ctx: ExpenseContext): ExpenseCheck {
  const problems: ExpenseProblem[] = [];
  const warnings: ExpenseProblem[] = [];

  const date = readDateCell(
    cells.date,
    ctx.dateOf ?? tokyoDateKey,
    (t) => parseDateKey(t) ?? wholeDate(t),
  );
  if (date === 'empty')
    problems.push(expenseProblem('date', text('日付が入力されていません', 'No date entered')));
  else if (date === null)
    problems.push(
      expenseProblem(
        'date',
        text(
          '日付として読み取れません(例: 2026/11/28、令和8年11月28日)',
          'Not a date (e.g. 2026/11/28)',
        ),
        cells.date,
      ),
    );
  else if (date > ctx.today)
    problems.push(
      expenseProblem(
        'date',
        text(
          '未来の日付です。支払った日を入力してください',
          'The date is in the future; enter the day you paid',
        ),
        date,
      ),
    );

  const payee = cellString(cells.payee);
  if (payee === '')
    problems.push(expenseProblem('payee', text('取引先が入力されていません', 'No payee entered')));
  else if (Array.from(payee).length > MAX_PAYEE_CHARS * 2)
    problems.push(
      expenseProblem(
        'payee',
        text(
          `取引先は${MAX_PAYEE_CHARS * 2}文字以内で入力してください`,
          `A payee may have at most ${MAX_PAYEE_CHARS * 2} characters`,
        ),
      ),
    );

  const amount = parseYen(cells.amount);
  if (!amount.ok) problems.push(amountProblem('amount', amount.reason, cells.amount));

  const rate = parseTaxRate(
    typeof cells.taxRate === 'string' || typeof cells.taxRate === 'number'
      ? cells.taxRate
      : cellString(cells.taxRate),
  );
  if (!rate.ok)
    problems.push(
      rate.reason === 'empty'
        ? expenseProblem(
            'taxRate',
            text(
              '税率が入力されていません(10%、8%、0%、非課税)',
              'No tax rate entered (10%, 8%, 0% or exempt)',
            ),
          )
        : expenseProblem(
            'taxRate',
            text(
              '税率は 10%、8%(軽減)、0%、非課税 のいずれかです',
              'The tax rate must be 10%, 8% (reduced), 0% or exempt',
            ),
            cells.taxRate,
          ),
    );

  let tax: { yen: number; computed: boolean } | undefined;
  if (amount.ok && rate.ok) {
    const typed = cellString(cells.tax) === '' ? undefined : parseYen(cells.tax);
    if (typed === undefined) tax = { yen: taxIncluded(amount.yen, rate.rate), computed: true };
    else if (!typed.ok) problems.push(amountProblem('tax', typed.reason, cells.tax));
    else if (!taxFits(typed.yen, amount.yen, rate.rate))
      problems.push(
        expenseProblem(
          'tax',
          text(
            `金額と税率(${rate.rate === 'exempt' ? '非課税' : `${rate.rate}%`})に合いません(計算上は${taxIncluded(amount.yen, rate.rate)}円)。税率が混ざる領収書は税率ごとに行を分けてください`,
            `Does not match the amount and rate (${rate.rate === 'exempt' ? 'exempt' : `${rate.rate}%`}; computed ${taxIncluded(amount.yen, rate.rate)} yen). Split a receipt with mixed rates into one row per rate`,
          ),
          cells.tax,
        ),
      );
    else tax = { yen: typed.yen, computed: false };
  }

  const accounts = ctx.accounts ?? EXPENSE_ACCOUNTS;
  const accountText = cellString(cells.account);
  const account = readAccount(accountText, accounts);
  if (accountText === '')
    problems.push(
      expenseProblem('account', text('勘定科目が選ばれていません', 'No account chosen')),
    );
  else if (account === undefined)
    problems.push(
      expenseProblem(
        'account',
        text(
          '勘定科目の一覧にない科目です。一覧から選んでください',
          'Not one of the accounts; choose one from the list',
        ),
        accountText,
      ),
    );

  const methodText = cellString(cells.paymentMethod);
  const paymentMethod = methodText === '' ? undefined : readPaymentMethod(methodText);
  if (methodText !== '' && paymentMethod === undefined)
    problems.push(
      expenseProblem(
        'paymentMethod',
        text(
          `支払方法は ${PAYMENT_METHODS.join('、')} のいずれかです`,
          `The payment method must be one of ${PAYMENT_METHODS.join(', ')}`,
        ),
        methodText,
      ),
    );

  const numberText = cellString(cells.registrationNumber);
  let registrationNumber: string | undefined;
  if (numberText !== '' && !NO_NUMBER.test(numberText.normalize('NFKC'))) {
    const check = checkRegistrationNumber(numberText);
    if (!check.ok)
      problems.push(
        expenseProblem(
          'registrationNumber',
          text(
            '登録番号は「T」と13桁の数字です(例: T1234567890123)。ない場合は空欄か「なし」',
            'A registration number is "T" and 13 digits (e.g. T1234567890123); leave it blank or write なし when there is none',
          ),
          numberText,
        ),
      );
    else {
      registrationNumber = check.value;
      if (check.checkDigit === 'failed')
        warnings.push(
          expenseProblem(
            'registrationNumber',
            text(
              '検査用数字が法人番号の規則と合いません。個人事業者の番号なら問題ありませんが、確認してください',
              'The check digit does not match the corporate-number rule; fine for a sole proprietor, but please double-check',
            ),
            check.value,
          ),
        );
    }
  }

  if (
    problems.length > 0 ||
    date === 'empty' ||
    date === null ||
    !amount.ok ||
    !rate.ok ||
    tax === undefined ||
    account === undefined
  )
    return { ok: false, problems, warnings };

  const taxed = rate.rate === 10 || rate.rate === 8;
  return {
    ok: true,
    warnings,
    expense: {
      date,
      payee,
      amount: amount.yen,
      taxRate: rate.rate,
      tax: tax.yen,
      taxComputed: tax.computed,
      account,
      paymentMethod,
      registrationNumber,
      creditRate: taxed ? creditRate(date, registrationNumber !== undefined) : undefined,
      memo: cellString(cells.memo),
      receipt: cellString(cells.receipt),
    },
  };
}

/**
 * The consumption tax inside a tax-inclusive amount, rounded down: `floor(amount × r / (100 + r))`
 * (tax.ts, the common default). 0 for 0% and 非課税.
 */
export function taxIncluded(amount: number, rate: TaxRate): number {
  return summarizeByRate([{ amount, rate, taxMode: 'inclusive' }], { rounding: 'floor' }).tax;
}

/** Whether a typed tax is the tax inside `amount` under some rounding (the seller's choice). */
function taxFits(tax: number, amount: number, rate: TaxRate): boolean {
  if (rate === 0 || rate === 'exempt') return tax === 0;
  const n = amount * rate;
  return (
    tax === divideRounded(n, 100 + rate, 'floor') || tax === divideRounded(n, 100 + rate, 'ceil')
  );
}

function amountProblem(field: 'amount' | 'tax', reason: string, value: unknown): ExpenseProblem {
  switch (reason) {
    case 'empty':
      return expenseProblem(field, text('金額が入力されていません', 'No amount entered'));
    case 'notInteger':
      return expenseProblem(
        field,
        text('1円単位の整数で入力してください', 'Enter whole yen'),
        value,
      );
    case 'tooLarge':
      return expenseProblem(field, text('金額が大きすぎます', 'The amount is too large'), value);
    default:
      return expenseProblem(
        field,
        text(
          '金額として読み取れません(例: 3980、¥3,980、3,980円)',
          'Not an amount (e.g. 3980, ¥3,980, 3,980円)',
        ),
        value,
      );
  }
}
