import type { DateKey } from '../../../src/core/dates';
import { checkTransferDate, transferDateField } from '../../../src/core/transfers/transferDate';
import {
  withholdingDueDate,
  withholdingForMonth,
} from '../../../src/core/transfers/withholdingDue';

const d = (s: string) => s as DateKey;
const TODAY = d('2026-04-27');

describe('checkTransferDate: a bank business day, not in the past', () => {
  test('a business day is accepted, today included', () => {
    expect(checkTransferDate(d('2026-05-07'), TODAY)).toEqual({ ok: true });
    expect(checkTransferDate(TODAY, TODAY)).toEqual({ ok: true });
  });

  test('a national holiday is refused with the next business day offered', () => {
    // 5/3 憲法記念日 is a Sunday, so 5/6 is a 振替休日: the banks reopen on Thursday 5/7.
    expect(checkTransferDate(d('2026-05-04'), TODAY)).toEqual({
      ok: false,
      suggestion: '2026-05-07',
      message: {
        ja: '2026年5月4日(月)はみどりの日で銀行が休みです。翌営業日の2026年5月7日(木)はいかがですか',
        en: 'Banks are closed on Mon, May 4, 2026 (a national holiday, みどりの日); how about the next business day, Thu, May 7, 2026?',
      },
    });
  });

  test('a weekend and the year-end closure are refused too', () => {
    const sunday = checkTransferDate(d('2026-05-31'), TODAY);
    expect(!sunday.ok && [sunday.suggestion, sunday.message.ja]).toEqual([
      '2026-06-01',
      '2026年5月31日(日)は日曜日で銀行が休みです。翌営業日の2026年6月1日(月)はいかがですか',
    ]);
    const yearEnd = checkTransferDate(d('2026-12-31'), TODAY);
    expect(!yearEnd.ok && [yearEnd.suggestion, yearEnd.message.ja]).toEqual([
      '2027-01-04',
      '2026年12月31日(木)は年末年始で銀行が休みです。翌営業日の2027年1月4日(月)はいかがですか',
    ]);
  });

  test('a past date is refused with the first business day from today', () => {
    const result = checkTransferDate(d('2026-04-24'), d('2026-04-25'));
    expect(result).toEqual({
      ok: false,
      suggestion: '2026-04-27',
      message: {
        ja: '振込指定日2026年4月24日(金)は過ぎています。2026年4月27日(月)はいかがですか',
        en: 'The transfer date Fri, Apr 24, 2026 has passed; how about Mon, Apr 27, 2026?',
      },
    });
  });

  test('the file writes the date as MMDD', () => {
    expect(transferDateField(d('2026-05-07'))).toBe('0507');
    expect(transferDateField(d('2026-12-25'))).toBe('1225');
  });
});

describe('源泉所得税: due by the 10th of the next month (所得税法212条1項)', () => {
  test('the 10th, or the next business day when it is a holiday or weekend', () => {
    expect(withholdingDueDate(d('2026-05-25'))).toBe('2026-06-10');
    // 2026-10-10 is a Saturday, and Monday 10-12 スポーツの日.
    expect(withholdingDueDate(d('2026-09-30'))).toBe('2026-10-13');
    // 2026-07-10 is a Friday.
    expect(withholdingDueDate(d('2026-06-30'))).toBe('2026-07-10');
    // 2027-01-10 is a Sunday and 01-11 成人の日.
    expect(withholdingDueDate(d('2026-12-01'))).toBe('2027-01-12');
  });

  test('the month total counts only the payments made in that month', () => {
    const payments = [
      { paidOn: d('2026-05-25'), withholding: 10210 },
      { paidOn: d('2026-05-29'), withholding: 3063 },
      { paidOn: d('2026-05-29'), withholding: 0 },
      { paidOn: d('2026-06-01'), withholding: 5105 },
      { paidOn: d('2025-05-25'), withholding: 1021 },
    ];
    expect(withholdingForMonth(payments, 2026, 5)).toEqual({
      total: 13273,
      count: 2,
      dueDate: '2026-06-10',
    });
  });
});
