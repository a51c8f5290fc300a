import {
  isDue,
  nextOccurrence,
  occurrenceInMonth,
  occurrencesBetween,
} from '../../../src/core/schedule';
import { daysOf, k, rule } from './helpers';

const dueIn = (text: string, year: number) => daysOf(year).filter((d) => isDue(rule(text), d));

describe('whole years: isDue over every day of 2026 and 2027', () => {
  const LAST_BUSINESS_DAYS_2026 = [
    '2026-01-30', // 31st is a Saturday
    '2026-02-27', // 28th is a Saturday
    '2026-03-31',
    '2026-04-30',
    '2026-05-29', // 31st is a Sunday
    '2026-06-30',
    '2026-07-31',
    '2026-08-31',
    '2026-09-30',
    '2026-10-30', // 31st is a Saturday
    '2026-11-30',
    '2026-12-30', // 12/31 is a bank holiday
  ];
  const LAST_BUSINESS_DAYS_2027 = [
    '2027-01-29',
    '2027-02-26',
    '2027-03-31',
    '2027-04-30',
    '2027-05-31',
    '2027-06-30',
    '2027-07-30',
    '2027-08-31',
    '2027-09-30',
    '2027-10-29',
    '2027-11-30',
    '2027-12-30',
  ];

  test('毎月最終営業日 occurs exactly 12 times a year, on these dates', () => {
    expect(dueIn('毎月最終営業日', 2026)).toEqual(LAST_BUSINESS_DAYS_2026);
    expect(dueIn('毎月最終営業日', 2027)).toEqual(LAST_BUSINESS_DAYS_2027);
  });

  test('毎月末 (default 休日は前営業日) matches the last business day in 2026 and 2027', () => {
    expect(dueIn('毎月末', 2026)).toEqual(LAST_BUSINESS_DAYS_2026);
    expect(dueIn('毎月末日', 2027)).toEqual(LAST_BUSINESS_DAYS_2027);
  });

  test('毎月末(休日もそのまま) is the calendar month end', () => {
    expect(dueIn('毎月末(休日もそのまま)', 2026).map((d) => d.slice(5))).toEqual([
      '01-31',
      '02-28',
      '03-31',
      '04-30',
      '05-31',
      '06-30',
      '07-31',
      '08-31',
      '09-30',
      '10-31',
      '11-30',
      '12-31',
    ]);
  });

  test.each([
    // 2026: 261 weekdays − 17 weekday national holidays − 1/2 and 12/31.
    ['毎営業日', 2026, 242],
    // 2027: 261 weekdays − 16 weekday national holidays − 12/31 (1/2, 1/3 are a weekend).
    ['毎営業日', 2027, 244],
    ['毎日', 2026, 365],
    ['毎日', 2027, 365],
    ['毎週月曜', 2026, 52],
    ['毎週月曜', 2027, 52],
    // 52 Mondays + 53 Thursdays, less days that merge or leave the year: 1/1 (Thu) → Mon 1/5,
    // 5/4 (Mon) → Thu 5/7, 9/21 (Mon) → Thu 9/24 (9/22, 9/23 closed), 12/31 (Thu) → 2027-01-04.
    ['毎週 月・木', 2026, 52 + 53 - 4],
    ['毎月25日', 2026, 12],
    ['毎月第3営業日', 2027, 12],
    ['毎月10日の前営業日', 2027, 12],
    ['毎月第2火曜', 2026, 12],
    ['毎年3月15日', 2026, 1],
    ['四半期末', 2027, 4],
    ['隔週月曜(起点2026-01-05)', 2026, 26],
  ] as const)('%s in %i: %i occurrences', (text, year, count) => {
    expect(dueIn(text, year)).toHaveLength(count);
  });

  test('毎月25日 (default 前営業日) in 2026', () => {
    expect(dueIn('毎月25日', 2026)).toEqual(
      [
        '01-23', // Sun
        '02-25',
        '03-25',
        '04-24', // Sat
        '05-25',
        '06-25',
        '07-24', // Sat
        '08-25',
        '09-25',
        '10-23', // Sun
        '11-25',
        '12-25',
      ].map((d) => `2026-${d}`),
    );
  });

  test('毎月第3営業日 in 2026 (New Year and Golden Week closures, 11/3)', () => {
    expect(dueIn('毎月第3営業日', 2026).map((d) => d.slice(5))).toEqual([
      '01-07',
      '02-04',
      '03-04',
      '04-03',
      '05-08',
      '06-03',
      '07-03',
      '08-05',
      '09-03',
      '10-05',
      '11-05',
      '12-03',
    ]);
  });

  test('毎月10日の前営業日 is strictly before the 10th; 毎月10日(休日の場合は前営業日) only when closed', () => {
    expect(dueIn('毎月10日の前営業日', 2026).map((d) => d.slice(5))).toEqual([
      '01-09',
      '02-09',
      '03-09',
      '04-09',
      '05-08',
      '06-09',
      '07-09',
      '08-07',
      '09-09',
      '10-09',
      '11-09',
      '12-09',
    ]);
    expect(dueIn('毎月10日(休日の場合は前営業日)', 2026).map((d) => d.slice(5))).toEqual([
      '01-09',
      '02-10',
      '03-10',
      '04-10',
      '05-08',
      '06-10',
      '07-10',
      '08-10',
      '09-10',
      '10-09',
      '11-10',
      '12-10',
    ]);
    expect(dueIn('毎月10日の翌営業日', 2026).slice(0, 3)).toEqual([
      '2026-01-13', // 1/12 is 成人の日
      '2026-02-12', // 2/11 is 建国記念の日
      '2026-03-11',
    ]);
  });

  test('毎月第2火曜: 2026-08-11 (山の日) moves to the next business day', () => {
    expect(dueIn('毎月第2火曜', 2026).map((d) => d.slice(5))).toEqual([
      '01-13',
      '02-10',
      '03-10',
      '04-14',
      '05-12',
      '06-09',
      '07-14',
      '08-12',
      '09-08',
      '10-13',
      '11-10',
      '12-08',
    ]);
  });

  test('毎月1日 (前営業日): January 1st moves into the previous December', () => {
    const days = dueIn('毎月1日', 2026);
    expect(days).toHaveLength(12);
    expect(days[0]).toBe('2026-01-30'); // February's: Feb 1 is a Sunday
    expect(days).not.toContain('2026-01-01'); // January's is 2025-12-30
    expect(days[11]).toBe('2026-12-30'); // 2027-01-01's occurrence
  });
});

describe('real calendars', () => {
  test.each([
    // 2026-11-23 勤労感謝の日 is a Monday.
    ['毎週月曜', '2026-11-23', false],
    ['毎週月曜', '2026-11-24', true],
    ['毎週月曜(休日は前営業日)', '2026-11-20', true],
    ['毎週月曜(休日もそのまま)', '2026-11-23', true],
    ['毎週月曜(休日は翌営業日)', '2026-11-24', true],
    // Golden Week 2026: 5/4, 5/5, 5/6 (振替休日) closed.
    ['毎週月曜', '2026-05-07', true],
    ['毎月第1営業日', '2026-05-01', true],
    ['毎月第2営業日', '2026-05-07', true],
    // Golden Week 2027: 5/3–5/5 closed (Mon–Wed), 4/29 Thu.
    ['毎月第1営業日', '2027-05-06', true],
    ['毎月最終営業日', '2027-04-30', true],
    ['毎週月曜', '2027-05-06', true],
    // Year end: 12/31–1/3 closed.
    ['毎月第1営業日', '2027-01-04', true],
    ['毎月第1営業日', '2028-01-04', true], // 1/3 is a Monday but a bank holiday
    ['毎営業日', '2026-12-31', false],
    ['毎営業日', '2027-01-04', true],
    ['毎日', '2026-12-31', true],
    // Leap year.
    ['毎月末', '2028-02-29', true],
    ['毎年2月29日', '2028-02-29', true],
    ['毎年2月29日', '2027-02-26', true], // clamped to 2/28 (Sun), then 前営業日
    // Day 31 in 30-day months.
    ['毎月31日(休日もそのまま)', '2026-04-30', true],
    ['毎月31日(休日もそのまま)', '2026-06-30', true],
    ['毎月31日(休日もそのまま)', '2026-09-30', true],
    ['毎月31日(休日もそのまま)', '2026-11-30', true],
    ['毎月30日(休日もそのまま)', '2026-02-28', true],
    ['毎月最終金曜', '2026-10-30', true],
    ['毎年1・4・7・10月15日', '2026-07-15', true],
    ['毎年1・4・7・10月15日', '2026-08-14', false],
    ['every year on March 15, next business day if closed', '2026-03-16', true],
  ] as const)('%s on %s: %s', (text, day, expected) => {
    expect(isDue(rule(text), k(day))).toBe(expected);
  });

  test('隔週: only even weeks from the start date, none before it', () => {
    const r = rule('隔週月・木(起点2026-01-08)');
    expect(occurrencesBetween(r, k('2026-01-01'), k('2026-01-31'))).toEqual([
      '2026-01-08',
      '2026-01-19',
      '2026-01-22',
    ]);
  });

  test('nextOccurrence is inclusive and skips closures', () => {
    expect(nextOccurrence(rule('毎月最終営業日'), k('2026-12-29'))).toBe('2026-12-30');
    expect(nextOccurrence(rule('毎月最終営業日'), k('2026-12-31'))).toBe('2027-01-29');
    expect(nextOccurrence(rule('毎年3月15日'), k('2026-03-14'))).toBe('2027-03-15');
    expect(nextOccurrence(rule('毎営業日'), k('2026-12-31'))).toBe('2027-01-04');
    expect(nextOccurrence(rule('毎月第5金曜'), k('2026-02-01'))).toBe('2026-05-29');
  });

  test('occurrenceInMonth belongs to the month it was computed for', () => {
    expect(occurrenceInMonth(rule('毎月1日'), 2027, 1)).toBe('2026-12-30');
    expect(occurrenceInMonth(rule('毎月第5金曜'), 2026, 2)).toBeNull();
    expect(occurrenceInMonth(rule('毎日'), 2026, 2)).toBeNull();
  });
});
