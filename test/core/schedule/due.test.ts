import { isBankBusinessDay } from '../../../src/core/businessDays';
import { addDays, type DateKey } from '../../../src/core/dates';
import {
  catchUp,
  describeSkipped,
  dueOccurrences,
  isDue,
  MAX_CATCH_UP_DAYS,
} from '../../../src/core/schedule';
import { daysOf, k, rule } from './helpers';

describe('dueOccurrences', () => {
  test.each([
    // The month end fell on a weekend: caught up on Monday.
    ['毎月末(休日もそのまま)', '2026-05-29', '2026-06-01', ['2026-05-31']],
    ['毎月最終営業日', '2026-05-28', '2026-06-01', ['2026-05-29']],
    // Golden Week: the trigger did not fire 5/2–5/6.
    [
      '毎日',
      '2026-05-01',
      '2026-05-07',
      ['02', '03', '04', '05', '06', '07'].map((d) => `2026-05-${d}`),
    ],
    ['毎営業日', '2026-05-01', '2026-05-07', ['2026-05-07']],
    // Year end.
    ['毎月第1営業日', '2026-12-30', '2027-01-04', ['2027-01-04']],
    // First run: no backlog.
    ['毎月最終営業日', null, '2026-06-01', []],
    ['毎営業日', null, '2026-06-01', ['2026-06-01']],
    // Same day again, or a clock set back.
    ['毎営業日', '2026-06-01', '2026-06-01', []],
    ['毎営業日', '2026-06-02', '2026-06-01', []],
  ] as const)('%s, last run %s, today %s', (text, last, today, expected) => {
    expect(dueOccurrences(rule(text), last === null ? null : k(last), k(today))).toEqual(expected);
  });

  test('catch-up is capped at 31 days; older misses are reported, not executed', () => {
    const result = catchUp(rule('毎月25日'), k('2026-01-01'), k('2026-03-15'));
    expect(result.due).toEqual(['2026-02-25']);
    expect(result.skipped).toEqual(['2026-01-23']);
    expect(describeSkipped(result.skipped)).toEqual({
      ja: expect.stringMatching(/^31日より前の1回分\(2026-01-23/),
      en: expect.stringMatching(/^1 occurrence\(s\) older than 31 days \(2026-01-23/),
    });
    expect(describeSkipped([])).toBeNull();
    const daily = catchUp(rule('毎日'), k('2025-01-01'), k('2026-06-30'));
    expect(daily.due).toHaveLength(MAX_CATCH_UP_DAYS);
    expect(daily.due[daily.due.length - 1]).toBe('2026-06-30');
    expect(daily.skipped.length).toBe(366);
  });

  const RULES = [
    '毎営業日',
    '毎日',
    '毎週月曜',
    '毎週 月・木',
    '毎月25日',
    '毎月末',
    '毎月第3営業日',
    '毎月最終営業日',
    '毎月10日の前営業日',
    '毎月第2火曜',
    '毎年3月15日',
  ];

  /** Runs a dispatcher over 2026–2027 whose trigger fires on `fires` and succeeds on `succeeds`. */
  function simulate(
    text: string,
    fires: (d: DateKey) => boolean,
    succeeds: (d: DateKey) => boolean,
  ) {
    const r = rule(text);
    const executed: DateKey[] = [];
    let last: DateKey | null = k('2025-12-31');
    for (const day of [...daysOf(2026), ...daysOf(2027)]) {
      if (!fires(day)) continue;
      const due = dueOccurrences(r, last, day);
      if (!succeeds(day)) continue;
      executed.push(...due);
      last = day;
    }
    const expected = [...daysOf(2026), ...daysOf(2027)].filter((d) => isDue(r, d));
    return { executed, expected, last };
  }

  test.each(RULES)(
    '%s: a trigger firing on business days only runs each occurrence once',
    (text) => {
      const { executed, expected, last } = simulate(text, isBankBusinessDay, () => true);
      // Occurrences after the last business day of 2027 wait for the next run.
      expect(executed).toEqual(expected.filter((d) => last !== null && d <= last));
      expect(new Set(executed).size).toBe(executed.length);
    },
  );

  test.each(RULES)('%s: failed runs (every 3rd day) are caught up once, never twice', (text) => {
    const fails = (d: DateKey) => Number(d.slice(8, 10)) % 3 !== 0;
    const { executed, expected, last } = simulate(text, () => true, fails);
    expect(executed).toEqual(expected.filter((d) => last !== null && d <= last));
  });

  test('an occurrence is never in two windows', () => {
    const r = rule('毎営業日');
    const a = dueOccurrences(r, k('2026-04-28'), k('2026-05-01'));
    const b = dueOccurrences(r, k('2026-05-01'), k('2026-05-07'));
    expect(a).toEqual(['2026-04-30', '2026-05-01']);
    expect(b).toEqual(['2026-05-07']);
    expect(addDays(k('2026-05-01'), 0)).toBe('2026-05-01');
  });
});
