import {
  MAX_RECURRING_CATCH_UP,
  parseMonthKey,
  parseRecurring,
  type RecurringSpec,
  recurringPeriodKey,
  recurringPeriodsDue,
  recurringSchedule,
} from '../../../src/core/schedule';
import { expectFragment, expectSeparateLanguages } from '../../fixtures/text';
import { k } from './helpers';

function spec(input: { interval: string; start: string; end?: string; billingDay?: string }) {
  const parsed = parseRecurring(input);
  if (!parsed.ok) throw new Error(parsed.message.en);
  return parsed.value;
}

const months = (s: RecurringSpec, last: string | null, today: string) =>
  recurringPeriodsDue(s, last, k(today)).map((p) => p.month);

describe('recurring invoices', () => {
  // 14 months: 2026-01 … 2027-02, billed at month end.
  test.each([
    [
      '1',
      [
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
        '2026-05',
        '2026-06',
        '2026-07',
        '2026-08',
        '2026-09',
        '2026-10',
        '2026-11',
        '2026-12',
        '2027-01',
        '2027-02',
      ],
    ],
    ['2', ['2026-01', '2026-03', '2026-05', '2026-07', '2026-09', '2026-11', '2027-01']],
    ['3', ['2026-01', '2026-04', '2026-07', '2026-10', '2027-01']],
    ['6', ['2026-01', '2026-07', '2027-01']],
    ['12', ['2026-01', '2027-01']],
  ])('every %s month(s) over 14 months, run monthly', (interval, expected) => {
    const s = spec({ interval, start: '2026-01', billingDay: '末日' });
    const billed: string[] = [];
    let last: string | null = null;
    for (let i = 0; i < 14; i++) {
      const year = 2026 + Math.floor(i / 12);
      const month = (i % 12) + 1;
      const today = `${year}-${String(month).padStart(2, '0')}-27`;
      // Month-end billing day: nothing before the month's last day.
      expect(months(s, last, today)).toEqual([]);
      const end = new Date(Date.UTC(year, month, 0)).getUTCDate();
      const due = months(s, last, `${year}-${String(month).padStart(2, '0')}-${end}`);
      billed.push(...due);
      if (due.length > 0) last = due[due.length - 1] ?? last;
    }
    expect(billed).toEqual(expected);
  });

  test('catch-up of missed periods is bounded and oldest first, then continues', () => {
    const s = spec({ interval: '1', start: '2026-01', billingDay: '25日' });
    const first = recurringSchedule(s, null, k('2027-02-28'));
    expect(first.periods).toHaveLength(MAX_RECURRING_CATCH_UP);
    expect(first.more).toBe(true);
    expect(first.periods[0]?.month).toBe('2026-01');
    const second = recurringSchedule(s, '2026-12', k('2027-02-28'));
    expect(second.periods.map((p) => p.month)).toEqual(['2027-01', '2027-02']);
    expect(second.more).toBe(false);
    // Run again with the same last period: the same periods, never later ones twice.
    expect(months(s, '2027-02', '2027-02-28')).toEqual([]);
  });

  test('never before the start month, never after the end month', () => {
    const s = spec({ interval: '3', start: '2026-04', end: '2026-10', billingDay: '' });
    expect(months(s, null, '2026-03-31')).toEqual([]);
    expect(months(s, null, '2027-06-30')).toEqual(['2026-04', '2026-07', '2026-10']);
    expect(months(s, '2026-10', '2027-06-30')).toEqual([]);
    const e = spec({ interval: '2', start: '2026-11', end: '2026-11' });
    expect(months(e, null, '2027-12-31')).toEqual(['2026-11']);
  });

  test('periods: start, end, line date (kept on holidays unless asked)', () => {
    const s = spec({ interval: '3', start: '2026-11', billingDay: '末日' });
    expect(recurringPeriodsDue(s, null, k('2026-11-30'))).toEqual([
      { month: '2026-11', start: '2026-11-01', end: '2027-01-31', lineDate: '2026-11-30' },
    ]);
    expect(recurringPeriodKey('row-7', '2026-11')).toBe('R:row-7:2026-11');
    const may = spec({ interval: '1', start: '2026-05', billingDay: '末日' });
    expect(recurringPeriodsDue(may, null, k('2026-05-31'))[0]?.lineDate).toBe('2026-05-31');
    const prev = spec({ interval: '1', start: '2026-05', billingDay: '末日(休日は前営業日)' });
    expect(recurringPeriodsDue(prev, null, k('2026-05-29'))[0]?.lineDate).toBe('2026-05-29');
    const bd = spec({ interval: '1', start: '2026-05', billingDay: '毎月第1営業日' });
    expect(recurringPeriodsDue(bd, null, k('2026-05-01'))[0]?.lineDate).toBe('2026-05-01');
    const d31 = spec({ interval: '1', start: '2026-02', billingDay: '31日' });
    expect(recurringPeriodsDue(d31, null, k('2026-02-28'))[0]?.lineDate).toBe('2026-02-28');
    const leap = spec({ interval: '12', start: '2028-02', billingDay: '29' });
    expect(months(leap, null, '2029-02-28')).toEqual(['2028-02', '2029-02']);
  });

  test.each([
    ['2026-04', '2026-04'],
    ['２０２６年４月', '2026-04'],
    ['2026/4', '2026-04'],
    ['202604', '2026-04'],
    ['2026-04-15', '2026-04'],
    ['2026-13', null],
    ['April', null],
  ])('parseMonthKey(%s)', (text, expected) => {
    expect(parseMonthKey(text)).toBe(expected);
  });

  test.each([
    [{ interval: '4', start: '2026-01' }, 'interval', '1・2・3・6・12'],
    [{ interval: '1', start: '' }, 'start', '開始月を入力してください'],
    [{ interval: '1', start: '来月' }, 'start', 'Could not read the start month'],
    [{ interval: '1', start: '2026-05', end: '2026-04' }, 'end', 'before the start month'],
    [{ interval: '1', start: '2026-05', end: 'いつか' }, 'end', '終了月「いつか」'],
    [
      { interval: '1', start: '2026-05', billingDay: 'そのうち' },
      'billingDay',
      '計上日「そのうち」',
    ],
    [{ interval: '1', start: '2026-05', billingDay: '毎週月曜' }, 'billingDay', 'billing day'],
  ])('%j is refused (%s)', (input, reason, fragment) => {
    const parsed = parseRecurring(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toBe(reason);
    expectSeparateLanguages(parsed.message);
    expectFragment(parsed.message, fragment);
  });

  test('interval words and full-width digits', () => {
    expect(spec({ interval: '３ヶ月', start: '2026-01' }).interval).toBe(3);
    expect(spec({ interval: '', start: '2026-01' }).interval).toBe(1);
    expect(spec({ interval: '隔月', start: '2026-01' }).interval).toBe(2);
    expect(parseRecurring({ interval: 12, start: '2026-01' }).ok).toBe(true);
  });
});
