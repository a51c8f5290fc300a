import { parseSummaryDay, summaryDayFor, summaryMonthDue } from '../../../src/core/schedule';
import { expectSeparateLanguages } from '../../fixtures/text';
import { k } from './helpers';

describe('monthly summary', () => {
  test.each([
    // 毎月第1営業日: the previous month, on the first business day.
    ['毎月第1営業日', '2026-05-01', '2026-04'],
    ['毎月第1営業日', '2026-04-30', '2026-03'],
    ['毎月第1営業日', '2027-01-04', '2026-12'], // 1/1–1/3 closed
    ['毎月第1営業日', '2026-12-31', '2026-11'],
    ['翌月第1営業日', '2026-11-02', '2026-10'],
    ['翌月5日', '2026-07-06', '2026-06'], // 7/5 is a Sunday → Mon 7/6 (翌営業日 by default)
    ['翌月5日', '2026-07-03', '2026-05'],
    // Month-end rules summarise their own month.
    ['毎月末', '2026-11-30', '2026-11'],
    ['毎月末', '2026-11-29', '2026-10'],
    ['毎月末', '2026-06-01', '2026-05'], // 5/31 Sun → Mon 6/1, still May
    ['毎月最終営業日', '2026-12-30', '2026-12'],
    ['当月末', '2026-11-30', '2026-11'],
    ['５日', '2026-03-05', '2026-02'],
  ])('%s on %s → %s', (rule, today, month) => {
    expect(summaryMonthDue(rule, k(today))).toBe(month);
  });

  test('a missed summary day is caught up within 31 days, not after', () => {
    expect(summaryMonthDue('毎月第1営業日', k('2026-05-20'))).toBe('2026-04');
    const parsed = parseSummaryDay('毎年3月15日');
    expect(parsed.ok).toBe(false);
    const yearly = parseSummaryDay('毎月第1営業日');
    if (!yearly.ok) throw new Error(yearly.message.en);
    expect(summaryDayFor(yearly.value, '2026-04')).toBe('2026-05-01');
    expect(summaryDayFor(yearly.value, '2026-12')).toBe('2027-01-04');
  });

  test('unreadable settings give null and a message in each language', () => {
    expect(summaryMonthDue('ときどき', k('2026-05-01'))).toBeNull();
    const parsed = parseSummaryDay('ときどき');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expectSeparateLanguages(parsed.message);
    expect(parsed.message.ja).toMatch(/^月次集計の日「ときどき」を読み取れません/);
    expect(parsed.message.en).toMatch(/^Could not read the summary day "ときどき"/);
  });
});
