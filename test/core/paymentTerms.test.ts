import { type DateKey, parseDateKey } from '../../src/core/dates';
import {
  closingDateFor,
  describePaymentTerms,
  dueDateFor,
  formatPaymentTerms,
  nominalDueDateFor,
  type PaymentTerms,
  parsePaymentTerms,
} from '../../src/core/paymentTerms';
import { expectSeparateLanguages } from '../fixtures/text';

const k = (s: string): DateKey => {
  const key = parseDateKey(s);
  if (key === null) throw new Error(`bad test date ${s}`);
  return key;
};

function terms(text: string): PaymentTerms {
  const parsed = parsePaymentTerms(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
  return parsed.terms;
}

const monthly = (
  closingDay: number | 'end',
  payMonths: number,
  payDay: number | 'end',
): PaymentTerms => ({
  kind: 'monthly',
  closingDay,
  payMonths,
  payDay,
});
const days = (n: number, from: 'delivery' | 'acceptance' | 'invoice'): PaymentTerms => ({
  kind: 'days',
  days: n,
  from,
});

// Terms as owners write them (domain-jp.md, "Payment terms and business days").
describe('parsePaymentTerms', () => {
  test.each([
    ['月末締め翌月末払い', monthly('end', 1, 'end')],
    ['月末締め翌々月10日払い', monthly('end', 2, 10)],
    ['20日締め翌月10日払い', monthly(20, 1, 10)],
    ['15日締め当月末払い', monthly(15, 0, 'end')],
    ['末日締め翌月末日払い', monthly('end', 1, 'end')],
    ['月末〆翌月末払', monthly('end', 1, 'end')],
    ['末締め翌末払い', monthly('end', 1, 'end')],
    ['月末締め、翌月25日支払い', monthly('end', 1, 25)],
    ['毎月20日締め 翌月10日振込', monthly(20, 1, 10)],
    ['２０日締め翌月１０日払い', monthly(20, 1, 10)], // full-width digits
    ['20日〆翌月10日', monthly(20, 1, 10)],
    ['31日締め翌月末払い', monthly('end', 1, 'end')], // a closing day of 31 is month end
    ['99日締め翌月末払い', monthly('end', 1, 'end')],
    ['月末締め翌月31日払い', monthly('end', 1, 'end')],
    ['25日締め翌々月5日払い', monthly(25, 2, 5)],
    ['月末締め3ヶ月後末払い', monthly('end', 3, 'end')],
    ['翌月末', monthly('end', 1, 'end')], // no closing day written: month end
    ['翌月末払い', monthly('end', 1, 'end')],
    ['翌月10日払い', monthly('end', 1, 10)],
    ['当月末', monthly('end', 0, 'end')],
    ['支払条件：月末締め翌月末払い', monthly('end', 1, 'end')],
    ['納品後30日', days(30, 'delivery')],
    ['納品から30日以内', days(30, 'delivery')],
    ['検収後60日', days(60, 'acceptance')],
    ['請求後30日', days(30, 'invoice')],
    ['請求書発行後14日', days(14, 'invoice')],
    ['請求日から30日以内', days(30, 'invoice')],
    ['発行日から30日以内', days(30, 'invoice')],
    ['30日後', days(30, 'invoice')],
    ['３０日以内', days(30, 'invoice')],
    ['net 30', days(30, 'invoice')],
    ['Net30', days(30, 'invoice')],
    ['ｎｅｔ　６０', days(60, 'invoice')],
    ['NET 30 days', days(30, 'invoice')],
    ['30 days', days(30, 'invoice')],
    ['Due on receipt', days(0, 'invoice')],
    ['end of next month', monthly('end', 1, 'end')],
    ['End of the following month', monthly('end', 1, 'end')],
    ['end of month', monthly('end', 0, 'end')],
    ['EOM', monthly('end', 0, 'end')],
    ['10th of next month', monthly('end', 1, 10)],
  ])('%j', (text, expected) => {
    expect(parsePaymentTerms(text)).toEqual({ ok: true, terms: expected });
  });

  test.each([
    ['', 'empty'],
    ['　', 'empty'],
    ['即日', 'format'],
    ['30日払い', 'format'], // the 30th of which month? refused rather than guessed
    ['月末締め', 'format'], // no payment day
    ['相談', 'format'],
    ['net', 'format'],
    ['20日締め当月10日払い', 'inconsistent'], // paid before the books close
    ['0日締め翌月末払い', 'range'],
    ['月末締め翌月32日払い', 'range'],
    ['月末締め13ヶ月後末払い', 'range'],
    ['納品後400日', 'range'],
  ])('%j is refused: %s', (text, reason) => {
    const result = parsePaymentTerms(text);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) expectSeparateLanguages(result.message);
  });

  test('the format error shows examples, in each language', () => {
    const result = parsePaymentTerms('そのうち');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.ja).toMatch(/^支払条件を読み取れません（例: 月末締め翌月末払い/);
      expect(result.message.en).toMatch(
        /^Could not read the payment terms \(e\.g\. 月末締め翌月末払い/,
      );
    }
  });

  test.each([
    [
      '月末締め翌月末払い',
      '月末締め翌月末払い / Closing at month end, paid at the end of the next month',
    ],
    [
      '20日〆翌月10日',
      '20日締め翌月10日払い / Closing at the 20th, paid on the 10th of the next month',
    ],
    [
      '月末締め翌々月10日払い',
      '月末締め翌々月10日払い / Closing at month end, paid on the 10th of the month after next',
    ],
    ['net 30', '請求後30日 / 30 days after invoice'],
    ['納品後30日', '納品後30日 / 30 days after delivery'],
  ])('%j is described as %j, and its canonical form reads back the same', (text, description) => {
    const t = terms(text);
    expect(describePaymentTerms(t)).toBe(description);
    expect(parsePaymentTerms(formatPaymentTerms(t))).toEqual({ ok: true, terms: t });
  });
});

describe('closingDateFor', () => {
  test.each([
    ['月末締め翌月末払い', '2026-11-18', '2026-11-30'],
    ['月末締め翌月末払い', '2026-11-30', '2026-11-30'],
    ['月末締め翌月末払い', '2026-12-01', '2026-12-31'],
    ['20日締め翌月10日払い', '2026-11-20', '2026-11-20'], // on the closing day: this period
    ['20日締め翌月10日払い', '2026-11-21', '2026-12-20'],
    ['20日締め翌月10日払い', '2026-12-25', '2027-01-20'], // across the year end
    ['15日締め当月末払い', '2026-12-16', '2027-01-15'],
    ['30日締め翌月末払い', '2027-02-10', '2027-02-28'], // February has no 30th: its last day
    ['30日締め翌月末払い', '2027-02-28', '2027-02-28'],
    ['30日締め翌月末払い', '2027-03-01', '2027-03-30'],
    ['30日締め翌月末払い', '2027-01-31', '2027-02-28'],
    ['29日締め翌月末払い', '2028-02-29', '2028-02-29'], // leap year
    ['納品後30日', '2026-11-18', '2026-11-18'], // no closing: each sale on its own
  ])('%s: a sale on %s closes on %s', (text, sale, closing) => {
    expect(closingDateFor(k(sale), terms(text))).toBe(closing);
  });
});

describe('dueDateFor: adjusted to a bank business day (銀行法施行令5条; 民法142条 for the default)', () => {
  test.each([
    // terms, base (closing or issue date), next, previous
    // 2026-12-31 is a bank holiday (Thu); banks reopen 2027-01-04 (Mon).
    ['月末締め翌月末払い', '2026-11-30', '2027-01-04', '2026-12-30'],
    ['月末締め翌月末払い', '2026-10-31', '2026-11-30', '2026-11-30'], // Monday: no move
    ['月末締め翌月末払い', '2026-12-31', '2027-02-01', '2027-01-29'], // 2027-01-31 is a Sunday
    ['end of next month', '2026-11-30', '2027-01-04', '2026-12-30'],
    ['月末締め翌々月10日払い', '2026-10-31', '2026-12-10', '2026-12-10'],
    // 2027-01-10 is a Sunday and 1/11 is 成人の日.
    ['月末締め翌々月10日払い', '2026-11-30', '2027-01-12', '2027-01-08'],
    ['20日締め翌月10日払い', '2026-11-20', '2026-12-10', '2026-12-10'],
    ['20日締め翌月10日払い', '2026-12-20', '2027-01-12', '2027-01-08'],
    ['15日締め当月末払い', '2026-11-15', '2026-11-30', '2026-11-30'],
    ['15日締め当月末払い', '2026-12-15', '2027-01-04', '2026-12-30'],
    ['15日締め当月末払い', '2026-10-15', '2026-11-02', '2026-10-30'], // 10/31 is a Saturday
    ['納品後30日', '2026-11-30', '2026-12-30', '2026-12-30'],
    ['納品後30日', '2026-12-01', '2027-01-04', '2026-12-30'],
    ['請求後30日', '2026-11-05', '2026-12-07', '2026-12-04'], // 12/5 is a Saturday
    ['net 30', '2026-11-24', '2026-12-24', '2026-12-24'],
  ])('%s from %s: next %s, previous %s', (text, base, next, previous) => {
    const t = terms(text);
    expect(dueDateFor(k(base), t, 'next')).toBe(next);
    expect(dueDateFor(k(base), t, 'previous')).toBe(previous);
  });

  test('the default is the next business day', () => {
    expect(dueDateFor(k('2026-11-30'), terms('月末締め翌月末払い'))).toBe('2027-01-04');
  });

  test('the nominal due date is what the terms say before adjustment', () => {
    expect(nominalDueDateFor(k('2026-11-30'), terms('月末締め翌月末払い'))).toBe('2026-12-31');
    expect(nominalDueDateFor(k('2027-01-31'), terms('月末締め翌月末払い'))).toBe('2027-02-28');
    expect(nominalDueDateFor(k('2026-12-31'), terms('月末締め翌々月10日払い'))).toBe('2027-02-10');
  });

  test('from a sale to its due date: 20日締め翌月10日払い, sale on 2026-12-03', () => {
    const t = terms('20日締め翌月10日払い');
    const closing = closingDateFor(k('2026-12-03'), t);
    expect(closing).toBe('2026-12-20');
    expect(dueDateFor(closing, t, 'next')).toBe('2027-01-12');
  });
});
