/**
 * What the receipt card shows before the owner edits it: the one reading path of a receipt mail,
 * shared by the Gmail card, the CLI import and the table of receipts in the tests. Pure: it gets
 * the mail's text and its attachment's text (read by Drive) and the owner's past choices.
 *
 * The attachment (a PDF invoice, a photographed receipt) is the receipt when it has a total; the
 * mail body is when it has one and the attachment has not (a taxi app's text mail, or a photo
 * OCR could not read). Fields one of them lacks are taken from the other only when both name
 * the same payee or one names none, so a colleague's covering mail never lends its date to a
 * photographed shop receipt. A receipt that mixes 10% and 8% keeps the 8% part apart
 * (`reduced`): it is logged as two rows, one per rate.
 */
import type { DateKey } from '../../core/dates';
import { htmlToText } from '../../core/dueDate/htmlText';
import type { PaymentMethod } from '../../core/expenses/accounts';
import { payeeKey } from '../../core/expenses/payeeKey';
import {
  type RateAmount,
  type ReceiptReading,
  readReceipt,
} from '../../core/expenses/receipt/read';
import {
  type AccountSuggestion,
  type PastExpense,
  suggestAccount,
} from '../../core/expenses/suggestAccount';
import type { TaxRate } from '../../core/tax';
import { type Text, text } from '../../core/text';

/** The text Drive read from the mail's first PDF or photo. */
export interface AttachmentText {
  readonly name: string;
  readonly kind: 'pdf' | 'image';
  readonly text: string;
}

export interface ReceiptMailText {
  readonly subject: string;
  /** The text body, or the HTML body when `html`. */
  readonly body: string;
  readonly html?: boolean;
  readonly attachment?: AttachmentText;
}

/** The 8% part of a receipt that mixes rates, tax included. */
export interface ReducedPart {
  readonly amount: number;
  readonly tax?: number;
}

export interface ReceiptPrefill {
  readonly date?: DateKey;
  readonly payee?: string;
  /** The whole amount paid, tax included; undefined when no total could be read. */
  readonly amount?: number;
  /** The rate the receipt shows (the 10% part's when it mixes rates); undefined when unknown. */
  readonly taxRate?: TaxRate;
  /** The tax of `amount` (of its 10% part when it mixes rates), when the receipt states it. */
  readonly tax?: number;
  readonly reduced?: ReducedPart;
  readonly byRate: readonly RateAmount[];
  readonly registrationNumber?: string;
  readonly paymentMethod?: PaymentMethod;
  readonly foreignCurrency?: ReceiptReading['foreignCurrency'];
  readonly memo: string;
  readonly suggestion?: AccountSuggestion;
  /** What could not be read, for the card. */
  readonly notes: readonly Text[];
  /** Where the amounts come from. */
  readonly readFrom: 'attachment' | 'body';
}

export interface PrefillContext {
  readonly today: DateKey;
  /** The owner's own names (設定 会社名): never the payee. */
  readonly ownNames?: readonly string[];
  /** The owner's past choices for a payee (the 経費 log's history). */
  readonly history: (payee: string) => readonly PastExpense[];
}

export const MEMO_LIMIT = 200;

export function receiptPrefill(mail: ReceiptMailText, ctx: PrefillContext): ReceiptPrefill {
  const options = { today: ctx.today, ...(ctx.ownNames ? { ownNames: ctx.ownNames } : {}) };
  const bodyText = mail.html ? htmlToText(mail.body) : mail.body;
  const body = readReceipt(bodyText, { ...options, source: 'mail' });
  const file = mail.attachment
    ? readReceipt(mail.attachment.text, {
        ...options,
        source: mail.attachment.kind === 'image' ? 'ocr' : 'pdf',
      })
    : undefined;

  const fromFile = file !== undefined && (file.total !== undefined || body.total === undefined);
  const main = fromFile ? file! : body;
  const other = fromFile ? body : file;
  const samePayee =
    other !== undefined &&
    (main.payee === undefined ||
      other.payee === undefined ||
      payeeKey(main.payee) === payeeKey(other.payee));
  const lend = <T>(mine: T | undefined, theirs: T | undefined): T | undefined =>
    mine ?? (samePayee ? theirs : undefined);

  const date = lend(main.date, other?.date);
  const payee = lend(main.payee, other?.payee);
  const rates = splitRates(main);
  const memo = clipMemo(mail.subject);
  const suggestion = payee
    ? suggestAccount(
        {
          payee,
          memo,
          date: date ?? ctx.today,
          ...(main.total !== undefined ? { amount: main.total } : {}),
          ...(main.tax !== undefined ? { tax: main.tax } : {}),
        },
        ctx.history(payee),
      )
    : undefined;

  const notes = main.notes.filter(
    (n) =>
      !(date !== undefined && n.en === 'No date found') &&
      !(payee !== undefined && n.en === 'No payee found'),
  );
  if (main.total !== undefined && rates.taxRate === undefined)
    notes.push(
      text(
        '税率を読み取れませんでした。税率を選んでください',
        'No tax rate found; choose the rate',
      ),
    );

  return {
    ...(date !== undefined ? { date } : {}),
    ...(payee !== undefined ? { payee } : {}),
    ...(main.total !== undefined ? { amount: main.total } : {}),
    ...rates,
    byRate: main.byRate,
    ...optional('registrationNumber', lend(main.registrationNumber, other?.registrationNumber)),
    ...optional('paymentMethod', lend(main.paymentMethod, other?.paymentMethod)),
    ...optional('foreignCurrency', main.foreignCurrency),
    memo,
    ...(suggestion ? { suggestion } : {}),
    notes,
    readFrom: fromFile ? 'attachment' : 'body',
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * The rate to log and, for a receipt at 10% and 8%, its 8% part. A breakdown with an amount
 * missing for one of the rates gives no split: the owner enters it.
 */
function splitRates(reading: ReceiptReading): Pick<ReceiptPrefill, 'taxRate' | 'tax' | 'reduced'> {
  const rates = reading.byRate;
  if (rates.length === 0) return {};
  if (rates.length === 1) {
    const only = rates[0]!;
    return { taxRate: only.rate, ...optional('tax', only.tax ?? reading.tax) };
  }
  const standard = rates.find((r) => r.rate === 10);
  const reduced = rates.find((r) => r.rate === 8);
  if (!standard || reduced?.amount === undefined) return { taxRate: 10 };
  return {
    taxRate: 10,
    ...optional('tax', standard.tax),
    reduced: { amount: reduced.amount, ...optional('tax', reduced.tax) },
  };
}

function clipMemo(subject: string): string {
  const one = subject.replace(/\s+/g, ' ').trim();
  const chars = Array.from(one);
  return chars.length > MEMO_LIMIT ? chars.slice(0, MEMO_LIMIT).join('') : one;
}
