import { tokyoDateKey } from '../../core/dates';
import {
  EXPENSE_ACCOUNTS,
  PAYMENT_METHODS,
  type PaymentMethod,
} from '../../core/expenses/accounts';
import { MESSAGE_ID, pickerDateKey } from '../../core/mailTask';
import { parseYen } from '../../core/money';
import { oneLine } from '../../core/normalize';
import { checkRegistrationNumber } from '../../core/registrationNumber';
import type { TaxRate } from '../../core/tax';
import { type Lang, sayIn, type Text, text, tooLongMessage, UserError } from '../../core/text';
import { logReceipt, type ReceiptLogRequest } from '../../features/expenses/receiptMail';
import { MEMO_LIMIT } from '../../features/expenses/receiptPrefill';
import { openMailTask } from '../../features/mailTasks/mailTasks';
import { now } from '../../services/clock';
import { readUserProperty } from '../../services/userProperties';
import { WORKBOOK_ID_KEY } from '../../services/workbookLink';
import { type ActionEvent, formDate, formString, invalidRequest, parseAction } from './cardEvent';
import { errorMessage, notify, updateWith } from './cardKit';
import { EXPENSE_FIELDS, loggedReceiptCard } from './expenseCard';
import { mailTaskCard } from './mailTaskCard';

type ActionResponse = GoogleAppsScript.Card_Service.ActionResponse;

export const PAYEE_LIMIT = 100;

const RATES: Readonly<Record<string, TaxRate>> = { '10': 10, '8': 8, '0': 0, exempt: 'exempt' };

const MAX_YEN = 10_000_000_000;

/** A yen amount typed on the card (`3,980`, `¥3,980`, `3980円`), or the problem with it. */
function yenField(raw: string, name: Text): { yen?: number; problem?: Text } {
  const cleaned = raw.replace(/[¥￥円\s]/g, '');
  if (cleaned === '') return {};
  const parsed = parseYen(cleaned);
  if (!parsed.ok || parsed.yen <= 0 || parsed.yen > MAX_YEN)
    return {
      problem: text(
        `${name.ja}は1円以上の整数で入力してください(入力: ${raw.slice(0, 30)})`,
        `${name.en} must be a whole number of yen above zero (entered: ${raw.slice(0, 30)})`,
      ),
    };
  return { yen: parsed.yen };
}

const AMOUNT = text('金額', 'The amount');
const REDUCED = text('8%対象の金額', 'The amount at 8%');

/** The card's fields as a request, or every problem with them at once. */
export function readLogRequest(e: ActionEvent, messageId: string): ReceiptLogRequest {
  const problems: Text[] = [];
  const today = tokyoDateKey(now());
  const ms = formDate(e, EXPENSE_FIELDS.date);
  const date = ms === null ? null : pickerDateKey(ms);
  if (date === null) problems.push(text('日付を選んでください', 'Choose the date'));
  else if (date > today)
    problems.push(text('日付が未来になっています', 'The date is in the future'));
  const payee = oneLine(formString(e, EXPENSE_FIELDS.payee)).trim();
  if (payee === '') problems.push(text('取引先を入力してください', 'Enter the payee'));
  else if (Array.from(payee).length > PAYEE_LIMIT)
    problems.push(tooLongMessage(text('取引先', 'Payee'), PAYEE_LIMIT));
  const amount = yenField(formString(e, EXPENSE_FIELDS.amount), AMOUNT);
  if (amount.problem) problems.push(amount.problem);
  else if (amount.yen === undefined)
    problems.push(
      text(
        '金額を読み取れませんでした。領収書の合計金額(税込)を入力してください',
        'No amount: enter the receipt total (tax included)',
      ),
    );
  const rate = RATES[formString(e, EXPENSE_FIELDS.taxRate) || '10'];
  if (rate === undefined) throw invalidRequest();
  const reduced = yenField(formString(e, EXPENSE_FIELDS.reduced), REDUCED);
  if (reduced.problem) problems.push(reduced.problem);
  else if (reduced.yen !== undefined && amount.yen !== undefined) {
    if (rate !== 10)
      problems.push(
        text(
          '8%対象の金額は税率10%のときだけ入力できます',
          'An amount at 8% goes with the 10% rate only',
        ),
      );
    else if (reduced.yen >= amount.yen)
      problems.push(
        text(
          '8%対象の金額は合計金額より小さくしてください',
          'The 8% part must be less than the total',
        ),
      );
  }
  const account = formString(e, EXPENSE_FIELDS.account);
  if (account !== '' && !(EXPENSE_ACCOUNTS as readonly string[]).includes(account))
    throw invalidRequest();
  const method = formString(e, EXPENSE_FIELDS.paymentMethod);
  if (method !== '' && !(PAYMENT_METHODS as readonly string[]).includes(method))
    throw invalidRequest();
  const regRaw = formString(e, EXPENSE_FIELDS.registrationNumber).trim();
  let registrationNumber: string | undefined;
  if (regRaw !== '') {
    const check = checkRegistrationNumber(regRaw.slice(0, 40));
    if (!check.ok || check.checkDigit !== 'valid')
      problems.push(
        text(
          '登録番号は T と13桁の数字です(なければ空欄に)',
          'A registration number is T and 13 digits (leave it empty when there is none)',
        ),
      );
    else registrationNumber = check.value;
  }
  const memo = formString(e, EXPENSE_FIELDS.memo).replace(/\r\n?/g, '\n').trim();
  if (Array.from(memo).length > MEMO_LIMIT)
    problems.push(tooLongMessage(text('メモ', 'Memo'), MEMO_LIMIT));
  if (problems.length > 0) throw UserError.of(problems);
  return {
    messageId,
    date: date!,
    payee,
    amount: amount.yen!,
    taxRate: rate,
    ...(reduced.yen !== undefined ? { reduced: reduced.yen } : {}),
    ...(account ? { account } : {}),
    ...(method ? { paymentMethod: method as PaymentMethod } : {}),
    ...(registrationNumber ? { registrationNumber } : {}),
    ...(memo ? { memo } : {}),
  };
}

function parse(e: unknown): { ev: ActionEvent; messageId: string } {
  const ev = parseAction(e);
  const messageId = ev.commonEventObject.parameters?.messageId ?? '';
  if (!MESSAGE_ID.test(messageId)) throw invalidRequest();
  const open = ev.gmail?.messageId;
  if (open && open !== messageId) throw invalidRequest();
  return { ev, messageId };
}

/** Card action: log the expense from the card's fields (once per mail). */
export function logFromCard(e: unknown, lang: Lang): ActionResponse {
  const t = sayIn(lang);
  try {
    const { ev, messageId } = parse(e);
    const req = readLogRequest(ev, messageId);
    const workbookId = readUserProperty(WORKBOOK_ID_KEY);
    if (!workbookId)
      throw new UserError('先にワークブックを接続してください', 'Connect the workbook first');
    const token = ev.gmail?.accessToken;
    const result = logReceipt(req, workbookId, {
      today: tokyoDateKey(now()),
      lang,
      ...(token ? { accessToken: token } : {}),
    });
    return updateWith(
      loggedReceiptCard(result.logged, result.created, lang, result.fileName),
      result.created
        ? t('経費に記録しました', 'Logged as an expense')
        : t('このメールは経費に記録済みです', 'This mail is already in the expense log'),
    );
  } catch (err) {
    return notify(errorMessage(err, lang));
  }
}

/** Card action: the task card for this mail instead (pushed on top of the receipt card). */
export function taskFromCard(e: unknown, lang: Lang): ActionResponse {
  try {
    const { ev, messageId } = parse(e);
    const token = ev.gmail?.accessToken;
    if (!token) throw invalidRequest();
    const card = mailTaskCard(openMailTask(token, messageId, lang), lang);
    return CardService.newActionResponseBuilder()
      .setNavigation(CardService.newNavigation().pushCard(card))
      .build();
  } catch (err) {
    return notify(errorMessage(err, lang));
  }
}
