/**
 * Payment terms (支払条件) as owners write them, and the dates they give.
 *
 * - `月末締め翌月末払い`: sales up to the closing day (here month end) are invoiced together and
 *   paid at the end of the next month. `20日締め翌月10日払い`, `15日締め当月末払い`,
 *   `月末締め翌々月10日払い` likewise. `翌月末` alone means month-end closing.
 * - `納品後30日`, `請求後30日`, `30日後`, `net 30`: a number of days after delivery or invoice.
 * When the due date is not a bank business day it moves to the previous or next one, as agreed
 * with the client; with no agreement the next one (民法142条), hence the default.
 */
import { adjust, type HolidayRule } from './businessDays';
import { addDays, clampedDateKey, type DateKey, dateParts } from './dates';
import { toHalfWidth } from './normalize';
import { type Text, text } from './text';

/** A day of the month, or the month's last day. */
export type DayOfMonth = number | 'end';

export type PaymentTerms =
  | {
      kind: 'monthly';
      /** 1–30, or 'end' (a closing day of 31 or more is month end). */
      closingDay: DayOfMonth;
      /** Months after the closing month: 0 当月, 1 翌月, 2 翌々月 … */
      payMonths: number;
      /** 1–30, or 'end'. */
      payDay: DayOfMonth;
    }
  | {
      kind: 'days';
      days: number;
      /** What the days count from: 納品 (delivery), 検収 (acceptance) or 請求 (invoice). */
      from: 'delivery' | 'acceptance' | 'invoice';
    };

export type PaymentTermsParse =
  | { ok: true; terms: PaymentTerms }
  | { ok: false; reason: 'empty' | 'format' | 'inconsistent' | 'range'; message: Text };

export const DEFAULT_HOLIDAY_RULE: HolidayRule = 'next';

const MESSAGES = {
  empty: text('支払条件が入力されていません', 'No payment terms entered'),
  format: text(
    '支払条件を読み取れません（例: 月末締め翌月末払い、20日締め翌月10日払い、納品後30日）',
    'Could not read the payment terms (e.g. 月末締め翌月末払い, 20日締め翌月10日払い, 納品後30日, net 30, end of next month)',
  ),
  inconsistent: text(
    '支払日が締め日より前になっています',
    'The payment day comes before the closing day',
  ),
  range: text(
    '日付は1〜31日、日数は0〜365日、月数は0〜12か月で指定してください',
    'Days of the month must be 1–31, day counts 0–365 and months 0–12',
  ),
} as const;

function fail(reason: keyof typeof MESSAGES): PaymentTermsParse {
  return { ok: false, reason, message: MESSAGES[reason] };
}

const CLOSING = '(?:当月|毎月)?(?:(月末|末日|末)|(\\d{1,3})日)(?:締め?|〆め?|締切り?|しめ)';
const PAY_MONTH = '(当月|翌々月|翌翌月|翌月|翌々|翌|(\\d{1,2})(?:ヶ|か|カ|ケ|ヵ|箇)?月後)';
const PAY_DAY = '(?:(末日?)|(\\d{1,3})日)';
const SUFFIX = '(?:現金)?(?:払い?|支払い?|振込み?|入金)?(?:まで|迄)?';

const MONTHLY = new RegExp(`^(?:${CLOSING})?${PAY_MONTH}${PAY_DAY}${SUFFIX}$`);
const DAYS_FROM = new RegExp(
  `^(納品|納入|検収|請求書発行|請求書|請求|発行)日?(?:後|から|より)(\\d{1,4})日(?:後)?(?:以内)?${SUFFIX}$`,
);
const DAYS_AFTER = new RegExp(`^(\\d{1,4})日(?:後|以内)${SUFFIX}$`);

/**
 * Reads terms as written, in Japanese or English (`net 30`, `30 days`, `end of next month`,
 * `end of month`, `10th of next month`, `due on receipt`), with full-width digits and spaces.
 */
export function parsePaymentTerms(text: string): PaymentTermsParse {
  const s = toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s、,・()「」]/g, '')
    .replace(/^(?:お?支払(?:い)?(?:条件|サイト)?|payment(?:terms)?|terms)[:：]?/, '')
    .replace(/[。.]$/, '');
  if (s === '') return fail('empty');

  const monthly = MONTHLY.exec(s);
  if (monthly) {
    // Groups: closing month end, closing day, pay month word, pay month count, pay month end, pay day.
    const [, , closingNum, payMonthWord, payMonthNum, payEnd, payNum] = monthly;
    const closingDay: DayOfMonth =
      closingNum === undefined ? 'end' : Number(closingNum) >= 31 ? 'end' : Number(closingNum);
    const payMonths =
      payMonthNum !== undefined ? Number(payMonthNum) : PAY_MONTH_WORDS[payMonthWord ?? ''];
    const payDay: DayOfMonth =
      payEnd !== undefined ? 'end' : Number(payNum) === 31 ? 'end' : Number(payNum);
    return monthlyTerms(closingDay, payMonths, payDay);
  }

  const from = DAYS_FROM.exec(s);
  if (from) return daysTerms(Number(from[2]), FROM_WORDS[from[1] ?? ''] ?? 'invoice');
  const after = DAYS_AFTER.exec(s);
  if (after) return daysTerms(Number(after[1]), 'invoice');

  const english = parseEnglish(s);
  return english ?? fail('format');
}

const PAY_MONTH_WORDS: Record<string, number> = {
  当月: 0,
  翌月: 1,
  翌: 1,
  翌々月: 2,
  翌翌月: 2,
  翌々: 2,
};
const FROM_WORDS: Record<string, 'delivery' | 'acceptance' | 'invoice'> = {
  納品: 'delivery',
  納入: 'delivery',
  検収: 'acceptance',
  請求書発行: 'invoice',
  請求書: 'invoice',
  請求: 'invoice',
  発行: 'invoice',
};

function parseEnglish(s: string): PaymentTermsParse | null {
  let m = /^net-?(\d{1,4})(?:days?)?$/.exec(s) ?? /^(\d{1,4})days?(?:net)?$/.exec(s);
  if (m) return daysTerms(Number(m[1]), 'invoice');
  if (/^(?:due)?(?:up)?onreceipt$/.test(s)) return daysTerms(0, 'invoice');
  if (/^endof(?:the)?(?:next|following)month$|^endofthemonthfollowing$/.test(s)) {
    return monthlyTerms('end', 1, 'end');
  }
  if (/^(?:endof(?:the|this)?month|eom)$/.test(s)) return monthlyTerms('end', 0, 'end');
  m = /^(\d{1,2})(?:st|nd|rd|th)?of(?:the)?(?:next|following)month$/.exec(s);
  if (m) return monthlyTerms('end', 1, Number(m[1]) === 31 ? 'end' : Number(m[1]));
  return null;
}

function monthlyTerms(
  closingDay: DayOfMonth,
  payMonths: number | undefined,
  payDay: DayOfMonth,
): PaymentTermsParse {
  if (payMonths === undefined) return fail('format');
  if (closingDay !== 'end' && closingDay < 1) return fail('range');
  if (payDay !== 'end' && (payDay < 1 || payDay > 31)) return fail('range');
  if (payMonths < 0 || payMonths > 12) return fail('range');
  if (payMonths === 0 && dayRank(payDay) < dayRank(closingDay)) return fail('inconsistent');
  return { ok: true, terms: { kind: 'monthly', closingDay, payMonths, payDay } };
}

function dayRank(day: DayOfMonth): number {
  return day === 'end' ? 31 : day;
}

function daysTerms(days: number, from: 'delivery' | 'acceptance' | 'invoice'): PaymentTermsParse {
  if (!Number.isInteger(days) || days < 0 || days > 365) return fail('range');
  return { ok: true, terms: { kind: 'days', days, from } };
}

function dayInMonth(year: number, month: number, day: DayOfMonth): DateKey {
  return clampedDateKey(year, month, day === 'end' ? 31 : day);
}

/**
 * The closing date (締め日) a sale on `saleDate` belongs to: the closing day of the sale's month
 * if the sale is on or before it, else the next month's. A closing day the month does not have
 * (30 in February) is that month's last day. Terms counted in days have no closing: the sale
 * date itself is returned.
 */
export function closingDateFor(saleDate: DateKey, terms: PaymentTerms): DateKey {
  if (terms.kind === 'days') return saleDate;
  const { year, month } = dateParts(saleDate);
  const thisMonth = dayInMonth(year, month, terms.closingDay);
  return saleDate <= thisMonth ? thisMonth : dayInMonth(year, month + 1, terms.closingDay);
}

/**
 * The due date as the terms say, before any business-day adjustment.
 * `base` is the closing date for monthly terms (only its month matters), and for terms in days
 * the date they count from (delivery, acceptance or invoice date, as `terms.from` says).
 */
export function nominalDueDateFor(base: DateKey, terms: PaymentTerms): DateKey {
  if (terms.kind === 'days') return addDays(base, terms.days);
  const { year, month } = dateParts(base);
  return dayInMonth(year, month + terms.payMonths, terms.payDay);
}

/** The due date moved onto a bank business day by `holidayRule` (default: next, 翌営業日). */
export function dueDateFor(
  base: DateKey,
  terms: PaymentTerms,
  holidayRule: HolidayRule = DEFAULT_HOLIDAY_RULE,
): DateKey {
  return adjust(nominalDueDateFor(base, terms), holidayRule);
}

const MONTH_WORDS_JA = ['当月', '翌月', '翌々月'];
const MONTH_WORDS_EN = ['the same month', 'the next month', 'the month after next'];

function dayJa(day: DayOfMonth): string {
  return day === 'end' ? '末' : `${day}日`;
}

function dayEn(day: DayOfMonth): string {
  if (day === 'end') return 'end';
  const suffix =
    day % 10 === 1 && day !== 11
      ? 'st'
      : day % 10 === 2 && day !== 12
        ? 'nd'
        : day % 10 === 3 && day !== 13
          ? 'rd'
          : 'th';
  return `${day}${suffix}`;
}

/** The terms in the usual Japanese form: `月末締め翌月末払い`, `20日締め翌月10日払い`, `納品後30日`. */
export function formatPaymentTerms(terms: PaymentTerms): string {
  if (terms.kind === 'days') {
    const from = terms.from === 'delivery' ? '納品' : terms.from === 'acceptance' ? '検収' : '請求';
    return `${from}後${terms.days}日`;
  }
  const closing = terms.closingDay === 'end' ? '月末' : `${terms.closingDay}日`;
  const month = MONTH_WORDS_JA[terms.payMonths] ?? `${terms.payMonths}か月後`;
  return `${closing}締め${month}${dayJa(terms.payDay)}払い`;
}

/** Japanese first, then English: `月末締め翌月末払い / Closing at month end, paid at the end of the next month`. */
export function describePaymentTerms(terms: PaymentTerms): string {
  if (terms.kind === 'days') {
    const from =
      terms.from === 'delivery'
        ? 'delivery'
        : terms.from === 'acceptance'
          ? 'acceptance'
          : 'invoice';
    return `${formatPaymentTerms(terms)} / ${terms.days} days after ${from}`;
  }
  const closing = terms.closingDay === 'end' ? 'month end' : `the ${dayEn(terms.closingDay)}`;
  const month =
    MONTH_WORDS_EN[terms.payMonths] ?? `the month ${terms.payMonths} months after closing`;
  const pay =
    terms.payDay === 'end' ? `at the end of ${month}` : `on the ${dayEn(terms.payDay)} of ${month}`;
  return `${formatPaymentTerms(terms)} / Closing at ${closing}, paid ${pay}`;
}
