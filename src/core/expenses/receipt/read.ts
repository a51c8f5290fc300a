/**
 * Reading a receipt from text: a mail body, a PDF's text or OCR output. Everything found is
 * what the text says; when it does not say, the field stays undefined (nothing is guessed), and
 * `notes` tell the owner what to fill in.
 */

import type { DateKey } from '../../dates';
import { divideRounded } from '../../money';
import { checkRegistrationNumber } from '../../registrationNumber';
import { type Text, text } from '../../text';
import type { PaymentMethod } from '../accounts';
import { dateMentions } from './dates';
import { type LabelKind, type LabelMeaning, labelMeaning, type TaxedRate } from './labels';
import { type Currency, moneyMentions } from './money';
import { foldLabel, receiptLines } from './normalize';
import { findPayee } from './payee';

export interface RateAmount {
  readonly rate: TaxedRate;
  /** The amount subject to this rate, tax included; undefined when the text does not give it. */
  readonly amount?: number;
  /** The consumption tax at this rate, when the text gives it. */
  readonly tax?: number;
}

export interface ReceiptReading {
  readonly date?: DateKey;
  readonly payee?: string;
  /** What was paid, tax included, whole yen. */
  readonly total?: number;
  /** Consumption tax stated on the receipt (the sum of `byRate` taxes when given per rate). */
  readonly tax?: number;
  /** Per rate, when the receipt breaks the amount down (10%対象 2,200円 / 8%対象 1,080円). */
  readonly byRate: readonly RateAmount[];
  /** `T` + 13 digits, normalised. */
  readonly registrationNumber?: string;
  readonly paymentMethod?: PaymentMethod;
  /** Set when the total is in a currency other than yen: Pokke does not convert. */
  readonly foreignCurrency?: Exclude<Currency, 'JPY'>;
  /** What could not be read or needs a look, for the card. */
  readonly notes: readonly Text[];
}

export interface ReceiptOptions {
  /** Dates after this day are not a purchase date (a renewal or delivery date). */
  readonly today?: DateKey;
  /** `ocr` for a photographed paper receipt: its first line is the shop. Default `mail`. */
  readonly source?: 'mail' | 'pdf' | 'ocr';
  /** The owner's own names, never the payee. */
  readonly ownNames?: readonly string[];
}

export function readReceipt(raw: string, options: ReceiptOptions = {}): ReceiptReading {
  const lines = receiptLines(raw);
  const notes: Text[] = [];
  const amounts = collectAmounts(lines);
  const foreign = amounts.find(
    (a) => a.currency !== undefined && a.currency !== 'JPY' && isTotalKind(a.meaning.kind),
  )?.currency as Exclude<Currency, 'JPY'> | undefined;
  const yen = amounts.filter(
    (a) =>
      a.currency === 'JPY' ||
      (a.currency === undefined && foreign === undefined && isMoneyLabel(a.meaning.kind)),
  );

  const total = pickTotal(yen);
  if (total === undefined && foreign !== undefined)
    notes.push(
      text(
        `外貨(${foreign})の金額は読み取りません。円に換算した金額を入力してください`,
        `Amounts in ${foreign} are not read; enter the amount in yen`,
      ),
    );
  else if (total === undefined)
    notes.push(
      text(
        '合計金額が見つかりませんでした。金額を入力してください',
        'No total found; enter the amount',
      ),
    );

  const { byRate, tax } = taxBreakdown(yen, total);
  if (total !== undefined && byRate.length > 0 && byRate.every((r) => r.amount !== undefined)) {
    const sum = byRate.reduce((n, r) => n + (r.amount ?? 0), 0);
    if (sum !== total)
      notes.push(
        text(
          '税率ごとの金額の合計が合計金額と一致しません。領収書を確認してください',
          'The amounts by rate do not add up to the total; please check the receipt',
        ),
      );
  }

  const date = findDate(lines, options.today);
  if (date === undefined) notes.push(text('日付が見つかりませんでした', 'No date found'));
  const payee = findPayee(lines, {
    ownNames: options.ownNames,
    paperReceipt: options.source === 'ocr',
  });
  if (payee === undefined) notes.push(text('支払先が見つかりませんでした', 'No payee found'));

  return {
    date,
    payee,
    total,
    tax,
    byRate,
    registrationNumber: findRegistrationNumber(lines),
    paymentMethod: findPaymentMethod(lines),
    foreignCurrency: total === undefined ? foreign : undefined,
    notes,
  };
}

interface FoundAmount {
  readonly value: number;
  readonly currency: Currency | undefined;
  readonly negative: boolean;
  readonly meaning: LabelMeaning;
}

const isTotalKind = (kind: LabelKind) => kind === 'billed' || kind === 'total' || kind === 'amount';
const isMoneyLabel = (kind: LabelKind) =>
  isTotalKind(kind) || kind === 'target' || kind === 'tax' || kind === 'subtotal';

/**
 * Every amount with the meaning of its label. An amount alone on its line takes the line above as
 * its label when that line holds no amount (「合計」 and 「¥3,980」 on two lines, as PDFs and OCR
 * split tables). A tax amount with no rate of its own right after an amount for one rate (「8%対象
 * 1,080円 内消費税 80円」) is that rate's tax.
 */
function collectAmounts(lines: readonly string[]): FoundAmount[] {
  const found: FoundAmount[] = [];
  let previousHadAmount = true;
  for (let i = 0; i < lines.length; i++) {
    const mentions = moneyMentions(lines[i]!);
    for (const [k, m] of mentions.entries()) {
      let label = m.label;
      if (k === 0 && isBare(label) && !previousHadAmount && i > 0) label = lines[i - 1]!;
      let meaning = labelMeaning(label);
      const before = found[found.length - 1];
      if (meaning.kind === 'tax' && meaning.rate === undefined && before?.meaning.kind === 'target')
        meaning = { ...meaning, rate: before.meaning.rate };
      found.push({ value: m.value, currency: m.currency, negative: m.negative, meaning });
    }
    previousHadAmount = mentions.length > 0 || dateMentions(lines[i]!).length > 0;
  }
  return found;
}

function isBare(label: string): boolean {
  return foldLabel(label).replace(/[:：()（）[\]「」*・.,\-=]/g, '') === '';
}

/**
 * The total: the largest amount labelled as billed (ご請求・お支払い), else as total (合計), else the
 * only amount labelled as an amount, else the only yen amount on the receipt. An お支払い that is
 * cash handed over (合計 3,980 / お支払い 5,000 / お釣り 1,020) is not the total.
 */
function pickTotal(yen: readonly FoundAmount[]): number | undefined {
  const positive = yen.filter((a) => !a.negative);
  const largest = (kind: LabelKind) => {
    const values = positive.filter((a) => a.meaning.kind === kind).map((a) => a.value);
    return values.length > 0 ? Math.max(...values) : undefined;
  };
  const billed = largest('billed');
  const total = largest('total');
  const change = positive.filter((a) => a.meaning.kind === 'excluded').map((a) => a.value);
  if (billed !== undefined && total !== undefined && change.includes(billed - total)) return total;
  if (billed !== undefined) return billed;
  if (total !== undefined) return total;
  const only = (values: number[]) => (new Set(values).size === 1 ? values[0] : undefined);
  const amount = only(positive.filter((a) => a.meaning.kind === 'amount').map((a) => a.value));
  if (amount !== undefined) return amount;
  return only(
    positive.filter((a) => a.meaning.kind === 'none' && a.currency === 'JPY').map((a) => a.value),
  );
}

function taxBreakdown(
  yen: readonly FoundAmount[],
  total: number | undefined,
): { byRate: RateAmount[]; tax: number | undefined } {
  const targets = new Map<TaxedRate, { value: number; included?: boolean }>();
  const taxes = new Map<TaxedRate, number>();
  const overall: number[] = [];
  for (const a of yen) {
    if (a.negative) continue;
    const rate = a.meaning.rate;
    if (a.meaning.kind === 'target' && rate !== undefined)
      targets.set(rate, { value: a.value, included: a.meaning.taxIncluded });
    else if (a.meaning.kind === 'tax' && rate !== undefined) taxes.set(rate, a.value);
    else if (a.meaning.kind === 'tax') overall.push(a.value);
  }
  const statedTax = overall.length > 0 ? Math.max(...overall) : undefined;
  const rates = [...new Set<TaxedRate>([...targets.keys(), ...taxes.keys()])].sort((a, b) => b - a);

  if (rates.length === 0) {
    // One rate, recognisable from the stated tax: 3,980 with うち消費税 361 is 10%.
    const rate =
      total !== undefined && statedTax !== undefined ? rateOfTax(total, statedTax) : undefined;
    return {
      byRate: rate === undefined ? [] : [{ rate, amount: total, tax: statedTax }],
      tax: statedTax,
    };
  }

  const sumTargets = [...targets.values()].reduce((n, t) => n + t.value, 0);
  const sumTaxes = [...taxes.values()].reduce((n, t) => n + t, 0);
  // Exclusive bases (10%対象 2,000 / 消費税 200 on a 2,200 invoice) add their tax to make the amount.
  const allExclusive =
    total !== undefined && sumTargets !== total && sumTargets + sumTaxes === total;
  const byRate = rates.map((rate): RateAmount => {
    const target = targets.get(rate);
    const tax = taxes.get(rate);
    if (target === undefined) return { rate, amount: rates.length === 1 ? total : undefined, tax };
    const exclusive =
      target.included === false ||
      (target.included === undefined && (allExclusive || isExclusivePair(target.value, tax, rate)));
    if (!exclusive) return { rate, amount: target.value, tax };
    return { rate, amount: tax === undefined ? undefined : target.value + tax, tax };
  });
  const taxKnown = byRate.every((r) => r.tax !== undefined);
  return { byRate, tax: taxKnown ? byRate.reduce((n, r) => n + (r.tax ?? 0), 0) : statedTax };
}

/** Whether `tax` is `amount × rate` (an exclusive base) rather than the tax inside `amount`. */
function isExclusivePair(amount: number, tax: number | undefined, rate: TaxedRate): boolean {
  if (tax === undefined) return false;
  return within(tax, amount * rate, 100) && !within(tax, amount * rate, 100 + rate);
}

function rateOfTax(total: number, tax: number): TaxedRate | undefined {
  if (within(tax, total * 10, 110)) return 10;
  if (within(tax, total * 8, 108)) return 8;
  return undefined;
}

/** Whether `value` is `numerator / denominator` rounded any way (floor, ceil). */
function within(value: number, numerator: number, denominator: number): boolean {
  return (
    value >= divideRounded(numerator, denominator, 'floor') &&
    value <= divideRounded(numerator, denominator, 'ceil')
  );
}

// Labels of the date a purchase was made, and of dates that are something else.
const PURCHASE_DATE =
  /日付|発行日|注文日|利用日|乗車日|領収日|支払日|購入日|取引日|決済日|売上日|お買上日|date|paid on|issued/i;
const OTHER_DATE =
  /期限|有効|まで|予定|お届け|配送|発送|到着|次回|更新|期間|締め?日|生年|due|expir|deliver|ship|next|renew|period|valid|until|from|to:/i;

function findDate(lines: readonly string[], today: DateKey | undefined): DateKey | undefined {
  let best: { date: DateKey; score: number } | undefined;
  for (const line of lines) {
    let labelStart = 0;
    for (const m of dateMentions(line)) {
      const label = line.slice(labelStart, m.start);
      labelStart = m.end;
      if (today !== undefined && m.date > today) continue;
      if (OTHER_DATE.test(label) || /[~〜～]\s*$/.test(label)) continue;
      // The second date of a range (2026/11/01〜2026/11/30) is a period, not a purchase.
      if (/^[\s)]*[~〜～-]/.test(line.slice(m.end))) continue;
      const score = PURCHASE_DATE.test(label) ? 2 : 1;
      if (best === undefined || score > best.score) best = { date: m.date, score };
    }
  }
  return best?.date;
}

function findRegistrationNumber(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    for (const m of line.matchAll(/(?<![a-z\d])t ?(\d(?:[ -]?\d){12})(?!\d)/gi)) {
      const check = checkRegistrationNumber(`T${m[1]}`);
      if (check.ok) return check.value;
    }
  }
  return undefined;
}

const PAYMENT_WORDS: ReadonlyArray<readonly [RegExp, PaymentMethod]> = [
  [/クレジット|credit|visa|master ?card|jcb|amex|american express|diners|カード/i, 'カード'],
  [/paypay|楽天ペイ|d払い|au ?pay|メルペイ|merpay|line ?pay|qr/i, 'QRコード決済'],
  [/suica|pasmo|icoca|交通系|quicpay|id決済|nanaco|waon|edy|電子マネー/i, '電子マネー'],
  [/口座振替|引落|引き落とし|direct debit/i, '口座振替'],
  [/振込|bank transfer/i, '振込'],
  [/現金|お預り|お預かり|お釣|cash(?!back|less)/i, '現金'],
];
const PAYMENT_LABEL = /支払方法|支払い方法|決済方法|お支払い?方法|payment method|paid with/i;

/** The payment method on the line labelled お支払方法, else the only one the receipt mentions. */
function findPaymentMethod(lines: readonly string[]): PaymentMethod | undefined {
  const methodsIn = (line: string) =>
    PAYMENT_WORDS.filter(([re]) => re.test(line)).map(([, method]) => method);
  for (const line of lines) {
    if (!PAYMENT_LABEL.test(line)) continue;
    const methods = methodsIn(line.replace(PAYMENT_LABEL, ''));
    if (methods.length === 1) return methods[0];
  }
  const all = new Set(lines.flatMap(methodsIn));
  return all.size === 1 ? [...all][0] : undefined;
}
