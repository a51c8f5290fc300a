import {
  addBusinessDays,
  adjust,
  BANK_HOLIDAY_NAME,
  businessDaysBetween,
  businessDaysOfMonth,
  holidayName,
  isBankBusinessDay,
  lastBusinessDayOfMonth,
  nationalHolidayName,
  nextBusinessDay,
  nthBusinessDayOfMonth,
  previousBusinessDay,
} from '../../src/core/businessDays';
import { addDays, type DateKey, dateKey, parseDateKey } from '../../src/core/dates';

const k = (s: string): DateKey => {
  const key = parseDateKey(s);
  if (key === null) throw new Error(`bad test date ${s}`);
  return key;
};

function holidaysOfYear(year: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let d = dateKey(year, 1, 1); d <= `${year}-12-31`; d = addDays(d, 1)) {
    const name = nationalHolidayName(d);
    if (name !== null) out[d] = name;
  }
  return out;
}

// 国民の祝日 as published by 内閣府 (www8.cao.go.jp/chosei/shukujitsu), checked day by day:
// nothing missing, nothing extra. These pin the package's output for the years the tests use.
describe('national holidays from japanese-holidays match the published calendar', () => {
  test('2026, with 振替休日 5/6 and 国民の休日 9/22', () => {
    expect(holidaysOfYear(2026)).toEqual({
      '2026-01-01': '元日',
      '2026-01-12': '成人の日',
      '2026-02-11': '建国記念の日',
      '2026-02-23': '天皇誕生日',
      '2026-03-20': '春分の日',
      '2026-04-29': '昭和の日',
      '2026-05-03': '憲法記念日',
      '2026-05-04': 'みどりの日',
      '2026-05-05': 'こどもの日',
      '2026-05-06': '振替休日', // 5/3 fell on a Sunday; 5/4 and 5/5 are holidays already
      '2026-07-20': '海の日',
      '2026-08-11': '山の日',
      '2026-09-21': '敬老の日',
      '2026-09-22': '国民の休日', // between 敬老の日 and 秋分の日
      '2026-09-23': '秋分の日',
      '2026-10-12': 'スポーツの日',
      '2026-11-03': '文化の日',
      '2026-11-23': '勤労感謝の日',
    });
  });

  test('2019, the accession year (天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律)', () => {
    expect(holidaysOfYear(2019)).toEqual({
      '2019-01-01': '元日',
      '2019-01-14': '成人の日',
      '2019-02-11': '建国記念の日',
      '2019-03-21': '春分の日',
      '2019-04-29': '昭和の日',
      '2019-04-30': '国民の休日',
      '2019-05-01': '即位の日',
      '2019-05-02': '国民の休日',
      '2019-05-03': '憲法記念日',
      '2019-05-04': 'みどりの日',
      '2019-05-05': 'こどもの日',
      '2019-05-06': '振替休日',
      '2019-07-15': '海の日',
      '2019-08-11': '山の日',
      '2019-08-12': '振替休日',
      '2019-09-16': '敬老の日',
      '2019-09-23': '秋分の日',
      '2019-10-14': '体育の日',
      '2019-10-22': '即位礼正殿の儀',
      '2019-11-03': '文化の日',
      '2019-11-04': '振替休日',
      '2019-11-23': '勤労感謝の日',
      // No 天皇誕生日 in 2019: 12/23 until 2018, 2/23 from 2020.
    });
  });

  test('2020 and 2021 Olympic moves', () => {
    expect(holidaysOfYear(2020)).toMatchObject({
      '2020-07-23': '海の日',
      '2020-07-24': 'スポーツの日',
      '2020-08-10': '山の日',
    });
    expect(holidaysOfYear(2021)).toMatchObject({
      '2021-07-22': '海の日',
      '2021-07-23': 'スポーツの日',
      '2021-08-08': '山の日',
      '2021-08-09': '振替休日',
    });
    expect(nationalHolidayName(k('2020-10-12'))).toBeNull(); // スポーツの日 moved away that year
  });
});

describe('isBankBusinessDay and holidayName (銀行法施行令5条1項)', () => {
  test.each([
    // date, business day, name
    ['2026-11-30', true, null], // Monday
    ['2026-12-05', false, null], // plain Saturday
    ['2026-12-06', false, null], // plain Sunday
    ['2026-11-23', false, '勤労感謝の日'],
    ['2026-12-30', true, null],
    ['2026-12-31', false, BANK_HOLIDAY_NAME], // a bank holiday, not a national one
    ['2027-01-01', false, '元日'],
    ['2027-01-02', false, BANK_HOLIDAY_NAME],
    ['2027-01-03', false, BANK_HOLIDAY_NAME],
    ['2027-01-04', true, null],
    ['2023-01-02', false, '振替休日'], // the national name wins over 銀行休業日
    ['2023-01-03', false, BANK_HOLIDAY_NAME],
    ['2023-01-04', true, null],
    ['2026-05-06', false, '振替休日'],
    ['2026-09-22', false, '国民の休日'],
    ['2019-05-01', false, '即位の日'],
    ['2019-10-22', false, '即位礼正殿の儀'],
  ])('%s: business day %p, name %p', (d, business, name) => {
    expect(isBankBusinessDay(k(d))).toBe(business);
    expect(holidayName(k(d))).toBe(name);
  });

  test('12/31 is not a national holiday', () => {
    expect(nationalHolidayName(k('2026-12-31'))).toBeNull();
  });
});

describe('moving to business days', () => {
  test.each([
    // Golden Week 2026: 4/29 (Wed) 昭和の日; 5/2 Sat – 5/6 Wed closed (5/6 振替休日)
    ['2026-05-01', 'next', '2026-05-07'],
    ['2026-05-07', 'previous', '2026-05-01'],
    ['2026-04-28', 'next', '2026-04-30'],
    ['2026-04-30', 'previous', '2026-04-28'],
    // Silver week 2026: 9/19 Sat – 9/23 Wed (敬老の日, 国民の休日, 秋分の日)
    ['2026-09-18', 'next', '2026-09-24'],
    // Year end 2026/27: 12/31 Thu – 1/3 Sun closed
    ['2026-12-30', 'next', '2027-01-04'],
    ['2027-01-04', 'previous', '2026-12-30'],
    // 2019 accession: ten days closed, 4/27 Sat – 5/6 Mon
    ['2019-04-26', 'next', '2019-05-07'],
    ['2019-05-07', 'previous', '2019-04-26'],
  ])('from %s the %s business day is %s', (from, dir, expected) => {
    const fn = dir === 'next' ? nextBusinessDay : previousBusinessDay;
    expect(fn(k(from))).toBe(expected);
  });

  test.each([
    ['2026-05-03', 'next', '2026-05-07'],
    ['2026-05-03', 'previous', '2026-05-01'],
    ['2026-12-31', 'next', '2027-01-04'],
    ['2026-12-31', 'previous', '2026-12-30'],
    ['2026-09-22', 'next', '2026-09-24'],
    ['2026-09-22', 'previous', '2026-09-18'],
    ['2026-11-30', 'next', '2026-11-30'], // a business day stays put
    ['2026-11-30', 'previous', '2026-11-30'],
  ] as const)('adjust(%s, %s) = %s', (d, rule, expected) => {
    expect(adjust(k(d), rule)).toBe(expected);
  });

  test.each([
    ['2026-04-28', 1, '2026-04-30'], // skips 昭和の日
    ['2026-05-01', 1, '2026-05-07'],
    ['2026-05-01', 3, '2026-05-11'],
    ['2026-05-03', 1, '2026-05-07'], // from a holiday: the first business day after it
    ['2026-05-07', -1, '2026-05-01'],
    ['2026-05-07', -2, '2026-04-30'],
    ['2026-12-25', 5, '2027-01-05'], // 12/28, 12/29, 12/30, then 1/4, 1/5
    ['2026-05-03', 0, '2026-05-03'], // 0 steps: unchanged, even on a holiday
    ['2026-11-30', 0, '2026-11-30'],
  ])('addBusinessDays(%s, %i) = %s', (d, n, expected) => {
    expect(addBusinessDays(k(d), n)).toBe(expected);
  });
});

describe('business days of a month', () => {
  test.each([
    [2026, 5, 1, '2026-05-01'],
    [2026, 5, 2, '2026-05-07'], // after Golden Week
    [2026, 5, -1, '2026-05-29'], // 5/31 is a Sunday
    [2026, 10, -1, '2026-10-30'], // 10/31 is a Saturday
    [2027, 1, 1, '2027-01-04'], // 1/1–1/3 closed
    [2027, 1, -1, '2027-01-29'], // 1/31 is a Sunday
    [2026, 12, -1, '2026-12-30'], // 12/31 is a bank holiday
    [2026, 2, 18, '2026-02-27'],
    [2026, 2, 19, null], // February 2026 has 18 business days
    [2026, 2, -19, null],
  ])('%i-%i, n = %i → %p', (y, m, n, expected) => {
    expect(nthBusinessDayOfMonth(y, m, n)).toBe(expected);
  });

  test('last business day, and the count per month', () => {
    expect(lastBusinessDayOfMonth(2026, 5)).toBe('2026-05-29');
    expect(lastBusinessDayOfMonth(2026, 11)).toBe('2026-11-30');
    expect(businessDaysOfMonth(2026, 2)).toHaveLength(18);
    expect(businessDaysOfMonth(2019, 5)).toHaveLength(19); // 23 weekdays less 5/1, 5/2, 5/3, 5/6
    expect(() => nthBusinessDayOfMonth(2026, 5, 0)).toThrow(RangeError);
  });
});

describe('businessDaysBetween', () => {
  test.each([
    ['2026-04-28', '2026-05-07', 3], // 4/30, 5/1, 5/7
    ['2026-05-07', '2026-04-28', -3], // 4/28, 4/30, 5/1
    ['2019-04-26', '2019-05-07', 1],
    ['2026-12-30', '2027-01-04', 1],
    ['2026-11-30', '2026-11-30', 0],
    ['2026-11-01', '2026-11-30', 19], // November 2026: 21 weekdays, 11/3 and 11/23 holidays
  ])('%s → %s: %i', (from, to, n) => {
    expect(businessDaysBetween(k(from), k(to))).toBe(n);
  });

  test('is the inverse of addBusinessDays for business-day targets', () => {
    const start = k('2026-11-02');
    const mismatches: string[] = [];
    for (let to = k('2026-09-01'); to <= '2027-02-28'; to = addDays(to, 1)) {
      if (!isBankBusinessDay(to)) continue;
      const n = businessDaysBetween(start, to);
      if (addBusinessDays(start, n) !== to) mismatches.push(to);
    }
    expect(mismatches).toEqual([]);
  });
});
