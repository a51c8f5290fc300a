import { parseRule } from '../../../src/core/schedule';

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
  ])('%j is refused (%s)', (text, reason, fragment) => {
    const parsed = parseRule(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toBe(reason);
    expect(parsed.message).toContain(fragment);
    // Japanese first, then English.
    expect(parsed.message).toMatch(/^[^/]*[\u3040-\u9fff].* \/ [A-Z]/s);
  });
});
