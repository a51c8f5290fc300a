import type { DateKey } from '../../../src/core/dates';
import { parseAutomationSettings } from '../../../src/features/automations/automationSettings';
import { horizonOf } from '../../../src/features/automations/dispatcher';
import { nextRunAt } from '../../../src/features/automations/triggerSetup';

const d = (s: string) => s as DateKey;

describe('the dispatcher horizon: dates handled today', () => {
  it.each([
    ['an ordinary Tuesday: just today', '2026-11-24', '2026-11-24'],
    ['Friday before a weekend: through Sunday', '2026-11-27', '2026-11-29'],
    ['last business day of a month ending on Sunday: the month end', '2027-01-29', '2027-01-31'],
    [
      'Friday 11/20 before 勤労感謝の日 Monday 11/23: through the holiday',
      '2026-11-20',
      '2026-11-23',
    ],
    ['12/30, the last bank day of the year: through 1/3', '2026-12-30', '2027-01-03'],
    ['Friday before Golden Week 2027: through 5/5', '2027-04-30', '2027-05-05'],
  ])('%s', (_name, today, horizon) => {
    expect(horizonOf(d(today))).toBe(horizon);
  });
});

describe('the next expected run', () => {
  const tokyo = (s: string) => new Date(`${s}+09:00`);
  it('is later today when the hour has not passed, else tomorrow', () => {
    expect(nextRunAt(6, tokyo('2026-11-24T05:00:00'))).toEqual(tokyo('2026-11-24T06:00:00'));
    expect(nextRunAt(6, tokyo('2026-11-24T06:30:00'))).toEqual(tokyo('2026-11-24T06:00:00'));
    expect(nextRunAt(6, tokyo('2026-11-24T07:00:00'))).toEqual(tokyo('2026-11-25T06:00:00'));
    // Across midnight in Tokyo while UTC is still on the previous day.
    expect(nextRunAt(0, tokyo('2026-11-30T23:30:00'))).toEqual(tokyo('2026-12-01T00:00:00'));
  });
});

describe('automation settings from the 設定 sheet', () => {
  const base = {
    reminders: 'する',
    reminderOffsets: '1, 14, 30',
    reminderSendDirectly: 'しない',
    summaryDay: '毎月最終営業日',
    summaryMail: 'する',
  };
  it('reads the values as typed, full-width too', () => {
    const { settings, problems } = parseAutomationSettings({
      ...base,
      reminderOffsets: '３，１０，２０',
    });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({ reminders: true, reminderOffsets: [3, 10, 20] });
  });
  it('falls back to the defaults for unreadable values and says so', () => {
    const { settings, problems } = parseAutomationSettings({
      ...base,
      reminderOffsets: '30, 14',
      summaryDay: '適当に',
    });
    expect(settings.reminderOffsets).toEqual([1, 14, 30]);
    expect(settings.summaryDay).toBe('毎月最終営業日');
    expect(problems).toHaveLength(2);
    expect(problems[1]?.ja).toMatch(/^月次集計の日「適当に」を読み取れません/);
    expect(problems[1]?.en).toMatch(/^Could not read the summary day "適当に"/);
  });
});
