import { parseRule } from '../../../src/core/schedule';
import { ALL_MONTHS, occurrencesBetween } from '../../../src/core/schedule/rules';
import { expectFragment, expectSeparateLanguages } from '../../fixtures/text';
import { k, rule } from './helpers';

const ALL = [...ALL_MONTHS];

describe('parseRule', () => {
  test.each([
    ['毎営業日', { kind: 'businessDay' }],
    ['every business day', { kind: 'businessDay' }],
    ['毎日', { kind: 'daily' }],
    ['Daily', { kind: 'daily' }],
    ['毎週月曜', { kind: 'weekly', weekdays: [1], holiday: 'next' }],
    ['毎週月曜日', { kind: 'weekly', weekdays: [1], holiday: 'next' }],
    ['毎週　月・木', { kind: 'weekly', weekdays: [1, 4], holiday: 'next' }],
    ['毎週月曜と木曜', { kind: 'weekly', weekdays: [1, 4], holiday: 'next' }],
    ['weekly on Monday', { kind: 'weekly', weekdays: [1], holiday: 'next' }],
    ['every Mon and Thu', { kind: 'weekly', weekdays: [1, 4], holiday: 'next' }],
    ['毎週月曜(休日は前営業日)', { kind: 'weekly', weekdays: [1], holiday: 'previous' }],
    ['毎週月曜 休日もそのまま', { kind: 'weekly', weekdays: [1], holiday: 'keep' }],
    ['毎月２５日', { kind: 'monthlyDay', day: 25, holiday: 'previous' }],
    ['毎月25日（休日の場合は翌営業日）', { kind: 'monthlyDay', day: 25, holiday: 'next' }],
    ['毎月25日(土日祝は翌営業日)', { kind: 'monthlyDay', day: 25, holiday: 'next' }],
    ['毎月10日(休日の場合は前営業日)', { kind: 'monthlyDay', day: 10, holiday: 'previous' }],
    ['monthly on the 25th', { kind: 'monthlyDay', day: 25, holiday: 'previous' }],
    ['monthly on day 25, even if closed', { kind: 'monthlyDay', day: 25, holiday: 'keep' }],
    ['毎月末', { kind: 'monthlyDay', day: 'end' }],
    ['毎月末日', { kind: 'monthlyDay', day: 'end' }],
    ['月末', { kind: 'monthlyDay', day: 'end' }],
    ['毎月31日', { kind: 'monthlyDay', day: 'end' }],
    ['end of month', { kind: 'monthlyDay', day: 'end' }],
    ['毎月第3営業日', { kind: 'monthlyBusinessDay', n: 3 }],
    ['毎月最終営業日', { kind: 'monthlyBusinessDay', n: -1 }],
    ['last business day of the month', { kind: 'monthlyBusinessDay', n: -1 }],
    ['monthly on the 3rd business day', { kind: 'monthlyBusinessDay', n: 3 }],
    ['毎月10日の前営業日', { kind: 'monthlyDayShift', day: 10, businessDays: -1 }],
    ['毎月10日の翌営業日', { kind: 'monthlyDayShift', day: 10, businessDays: 1 }],
    ['毎月末の3営業日前', { kind: 'monthlyDayShift', day: 'end', businessDays: -3 }],
    ['business day before the 10th', { kind: 'monthlyDayShift', day: 10, businessDays: -1 }],
    ['毎月第2火曜', { kind: 'monthlyWeekday', nth: 2, weekday: 2, holiday: 'next' }],
    ['毎月最終金曜日', { kind: 'monthlyWeekday', nth: -1, weekday: 5 }],
    ['monthly on the 2nd Tuesday', { kind: 'monthlyWeekday', nth: 2, weekday: 2 }],
    ['毎年3月15日', { kind: 'monthlyDay', months: [3], day: 15, holiday: 'previous' }],
    [
      '毎年３月１５日(休日は翌営業日)',
      { kind: 'monthlyDay', months: [3], day: 15, holiday: 'next' },
    ],
    ['yearly on 03-15', { kind: 'monthlyDay', months: [3], day: 15 }],
    ['every year on March 15', { kind: 'monthlyDay', months: [3], day: 15 }],
    ['四半期末', { kind: 'monthlyDay', months: [3, 6, 9, 12], day: 'end' }],
    ['quarterly', { kind: 'monthlyDay', months: [3, 6, 9, 12], day: 'end' }],
    [
      '隔週月曜(起点2026-01-05)',
      { kind: 'weekly', weekdays: [1], everyOtherWeekFrom: '2026-01-05' },
    ],
    ['２０２６年１月５日から隔週月曜', { kind: 'weekly', everyOtherWeekFrom: '2026-01-05' }],
    [
      'every other week on Monday from 2026-01-05',
      { kind: 'weekly', everyOtherWeekFrom: '2026-01-05' },
    ],
    ['every month on the 25th', { kind: 'monthlyDay', months: ALL, day: 25 }],
    ['each month on day 5', { kind: 'monthlyDay', months: ALL, day: 5 }],
    ['last day of the month', { kind: 'monthlyDay', months: ALL, day: 'end' }],
    ['the last day of each month', { kind: 'monthlyDay', months: ALL, day: 'end' }],
    ['monthly on the last day', { kind: 'monthlyDay', months: ALL, day: 'end' }],
    ['business day after the 10th', { kind: 'monthlyDayShift', day: 10, businessDays: 1 }],
    [
      'Business day after end of month',
      { kind: 'monthlyDayShift', months: ALL, day: 'end', businessDays: 1 },
    ],
    ['every Tues and Thurs', { kind: 'weekly', weekdays: [2, 4] }],
    ['every Mondays', { kind: 'weekly', weekdays: [1] }],
    ['毎年3/15', { kind: 'monthlyDay', months: [3], day: 15 }],
    // Accepted: in a year without 2/29 it is 2/28 (see the occurrences test below).
    ['毎年2月29日', { kind: 'monthlyDay', months: [2], day: 29, holiday: 'previous' }],
    ['毎年4月30日', { kind: 'monthlyDay', months: [4], day: 30 }],
  ])('%s', (text, expected) => {
    const parsed = parseRule(text);
    expect(parsed.ok && parsed.rule).toMatchObject(expected);
  });

  test.each([
    ['', 'empty', '頻度が入力されていません'],
    ['  ', 'empty', 'No schedule entered'],
    ['毎月25日ごろ', 'unknown', '「ごろ」の部分'],
    ['毎月25日ごろ', 'unknown', 'the part "ごろ"'],
    ['たまに', 'unknown', '頻度「たまに」を読み取れません'],
    ['sometimes', 'unknown', 'Could not read the schedule "sometimes"'],
    ['25日', 'unknown', '例: 毎営業日'],
    ['毎月32日', 'range', '1〜31日'],
    ['毎月第0営業日', 'range', '1〜23'],
    ['毎月第6火曜', 'range', '1〜5'],
    ['毎年13月1日', 'range', '1〜12'],
    ['隔週月曜', 'anchor', '起点日'],
    ['毎営業日(休日は前営業日)', 'holiday', '休日の扱いは指定できません'],
    ['毎月10日の前営業日(休日は翌営業日)', 'holiday', 'does not apply'],
    ['四半期15日', 'unknown', '四半期末'],
    // "month" is not Monday.
    ['every month', 'unknown', '毎月の何日か'],
    ['each month', 'unknown', 'say which day of the month'],
    ['Monthly', 'unknown', '毎月の何日か'],
    ['every monthly', 'unknown', 'Could not read'],
    // Dates that do not exist.
    ['毎年2月30日', 'range', '2月30日は存在しない日付です'],
    ['毎年4月31日', 'range', '4月31日は存在しない日付です'],
    ['毎年4月31日', 'range', 'April 31 does not exist'],
    ['毎年2/31', 'range', '2月31日は存在しない日付です'],
    ['yearly on 2/31', 'range', 'February 31 does not exist'],
    ['every year on April 31', 'range', '4月31日'],
    ['毎年1・4・7・10月31日', 'range', '4月31日は存在しない'],
    ['毎年2月30日の前営業日', 'range', '2月30日'],
  ])('%j is refused (%s)', (text, reason, fragment) => {
    const parsed = parseRule(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toBe(reason);
    expectSeparateLanguages(parsed.message);
    expectFragment(parsed.message, fragment);
  });
});

describe('parseRule: days that are not every year', () => {
  test('毎年2月29日 is 2/29 in a leap year and 2/28 (the month end) otherwise, before a holiday move', () => {
    // 2028-02-29 is a Tuesday; 2027-02-28 is a Sunday, so the day before is Friday 2/26.
    expect(occurrencesBetween(rule('毎年2月29日'), k('2027-01-01'), k('2028-12-31'))).toEqual([
      '2027-02-26',
      '2028-02-29',
    ]);
  });

  test('the Monday rule is still Monday, and "month" never is', () => {
    const monday = parseRule('every Monday');
    expect(monday.ok && monday.rule).toMatchObject({ kind: 'weekly', weekdays: [1] });
    for (const text of ['every month', 'each month', 'monthly']) {
      const parsed = parseRule(text);
      expect(parsed.ok).toBe(false);
    }
  });
});
