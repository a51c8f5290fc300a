import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  addDays,
  addMonths,
  clampedDateKey,
  compareDateKeys,
  dateKey,
  dateParts,
  daysBetween,
  daysInMonth,
  endOfMonth,
  formatDateJa,
  isDateKey,
  isWeekend,
  parseDateKey,
  startOfMonth,
  tokyoDateKey,
  tokyoInstant,
  weekday,
  weekdayJa,
} from '../../src/core/dates';
import { fingerprint } from './fixtures/zoneFingerprint';

const k = (s: string) => {
  const key = parseDateKey(s);
  if (key === null) throw new Error(`bad test date ${s}`);
  return key;
};

describe('dateKey / parseDateKey / isDateKey', () => {
  test.each([
    [2026, 11, 30, '2026-11-30'],
    [2024, 2, 29, '2024-02-29'], // leap year
    [2026, 1, 5, '2026-01-05'],
  ])('dateKey(%i, %i, %i) = %s', (y, m, d, expected) => {
    expect(dateKey(y, m, d)).toBe(expected);
    expect(dateParts(dateKey(y, m, d))).toEqual({ year: y, month: m, day: d });
  });

  test.each([
    [2026, 2, 29], // not a leap year
    [2026, 11, 31],
    [2026, 13, 1],
    [2026, 0, 10],
    [2026, 1, 0],
    [2026, 1.5, 1],
  ])('dateKey(%d, %d, %d) throws: no such date', (y, m, d) => {
    expect(() => dateKey(y, m, d)).toThrow(RangeError);
  });

  test.each([
    ['2026-11-30', '2026-11-30'],
    ['2026/11/30', '2026-11-30'],
    ['2026/1/5', '2026-01-05'],
    ['2026.1.5', '2026-01-05'],
    ['20261130', '2026-11-30'], // bank CSVs write YYYYMMDD (domain-jp.md, 入金確認)
    ['2026年11月30日', '2026-11-30'],
    ['２０２６／１１／３０', '2026-11-30'],
    ['  2026-11-30  ', '2026-11-30'],
    ['2026-02-29', null],
    ['2026-11/30', null], // mixed separators
    ['26/11/30', null], // two-digit year needs a reference date
    ['11/30', null],
    ['', null],
    ['tomorrow', null],
  ])('parseDateKey(%j) = %j', (text, expected) => {
    expect(parseDateKey(text)).toBe(expected);
  });

  test('isDateKey accepts only real dates in canonical form', () => {
    expect(isDateKey('2026-11-30')).toBe(true);
    expect(isDateKey('2026-11-31')).toBe(false);
    expect(isDateKey('2026/11/30')).toBe(false);
    expect(isDateKey(20261130)).toBe(false);
  });
});

describe('tokyoDateKey: the date is decided in Asia/Tokyo (UTC+9), not in the process zone', () => {
  // Tests run with TZ=UTC: reading local fields instead of Tokyo's would give the UTC date here.
  test.each([
    ['2026-11-30T14:59:59.999Z', '2026-11-30'], // 23:59:59 in Tokyo
    ['2026-11-30T15:00:00.000Z', '2026-12-01'], // midnight in Tokyo, still Nov 30 in UTC
    ['2026-12-31T15:00:00.000Z', '2027-01-01'], // new year in Tokyo first
    ['2024-02-28T20:00:00.000Z', '2024-02-29'],
    ['2026-03-08T10:00:00.000Z', '2026-03-08'], // US DST change day: irrelevant to Japan
  ])('%s → %s', (iso, expected) => {
    expect(tokyoDateKey(new Date(iso))).toBe(expected);
  });

  test('an invalid Date is refused', () => {
    expect(() => tokyoDateKey(new Date('nope'))).toThrow(RangeError);
  });

  test('tokyoInstant is the instant of a Tokyo wall-clock time', () => {
    expect(tokyoInstant(k('2026-12-01')).toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(tokyoInstant(k('2026-12-01'), 9, 30).toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(tokyoDateKey(tokyoInstant(k('2027-01-01'), 23, 59))).toBe('2027-01-01');
  });
});

describe('calendar arithmetic', () => {
  test.each([
    ['2026-11-30', 1, '2026-12-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-30', 30, '2026-12-30'],
    ['2026-11-30', 0, '2026-11-30'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('addDays(%s, %i) = %s', (from, n, expected) => {
    expect(addDays(k(from), n)).toBe(expected);
  });

  test.each([
    ['2026-01-31', 1, '2026-02-28'], // clamped to the shorter month
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-30', 1, '2026-12-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('addMonths(%s, %i) = %s', (from, n, expected) => {
    expect(addMonths(k(from), n)).toBe(expected);
  });

  test('non-integer steps are refused', () => {
    expect(() => addDays(k('2026-11-30'), 0.5)).toThrow(RangeError);
    expect(() => addMonths(k('2026-11-30'), 1.5)).toThrow(RangeError);
  });

  test.each([
    ['2026-11-30', 1, '月', false],
    ['2026-12-05', 6, '土', true],
    ['2026-11-29', 0, '日', true],
    ['2026-12-31', 4, '木', false],
    ['2027-01-01', 5, '金', false],
  ])('weekday(%s) = %i (%s)', (d, w, ja, weekend) => {
    expect(weekday(k(d))).toBe(w);
    expect(weekdayJa(k(d))).toBe(ja);
    expect(isWeekend(k(d))).toBe(weekend);
  });

  test('daysBetween counts calendar days, signed', () => {
    expect(daysBetween(k('2026-11-30'), k('2026-12-30'))).toBe(30);
    expect(daysBetween(k('2026-12-30'), k('2026-11-30'))).toBe(-30);
    expect(daysBetween(k('2024-02-01'), k('2024-03-01'))).toBe(29);
    expect(daysBetween(k('2026-01-01'), k('2027-01-01'))).toBe(365);
  });

  test('month boundaries', () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 11)).toBe(30);
    expect(startOfMonth(k('2026-11-18'))).toBe('2026-11-01');
    expect(endOfMonth(k('2026-11-18'))).toBe('2026-11-30');
    expect(endOfMonth(k('2024-02-10'))).toBe('2024-02-29');
  });

  test.each([
    [2026, 2, 30, '2026-02-28'],
    [2026, 11, 31, '2026-11-30'],
    [2026, 13, 10, '2027-01-10'], // month overflow rolls the year
    [2026, 14, 31, '2027-02-28'],
    [2026, 0, 31, '2025-12-31'],
  ])('clampedDateKey(%i, %i, %i) = %s', (y, m, d, expected) => {
    expect(clampedDateKey(y, m, d)).toBe(expected);
  });

  test('compareDateKeys and formatDateJa', () => {
    expect(compareDateKeys(k('2026-11-30'), k('2026-12-01'))).toBe(-1);
    expect(compareDateKeys(k('2026-12-01'), k('2026-12-01'))).toBe(0);
    expect(formatDateJa(k('2026-11-30'))).toBe('2026年11月30日');
    expect(formatDateJa(k('2026-11-30'), { weekday: true })).toBe('2026年11月30日(月)');
  });
});

describe('results do not depend on the process time zone', () => {
  // Tokyo itself, a DST zone behind UTC, DST at midnight (Sao Paulo until 2019), UTC+14.
  // Not tested: zones that skipped a whole civil day (Pacific/Apia 2011-12-30), where a
  // local-noon carrier cannot exist; Apps Script runs in the script's zone (Asia/Tokyo for Pokke).
  const zones = ['Asia/Tokyo', 'America/Los_Angeles', 'America/Sao_Paulo', 'Pacific/Kiritimati'];
  const fixture = join(__dirname, 'fixtures', 'zoneFingerprint.ts');
  const run = promisify(execFile);

  test('2019–2027 gives the same dates, weekdays, business days and due dates in every zone', async () => {
    const expected = fingerprint();
    expect(expected).toHaveLength(3287); // 2019-01-01 … 2027-12-31
    expect(expected[expected.length - 1]?.startsWith('2027-12-31 ')).toBe(true);
    const results = await Promise.all(
      zones.map((zone) =>
        run(process.execPath, ['--import', 'tsx', fixture], {
          env: { ...process.env, TZ: zone },
          maxBuffer: 16 * 1024 * 1024,
          timeout: 45000,
          killSignal: 'SIGKILL',
        }),
      ),
    );
    results.forEach(({ stdout }, i) => {
      const lines = JSON.parse(stdout) as string[];
      const firstDiff = lines.findIndex((line, j) => line !== expected[j]);
      const diff = firstDiff === -1 ? null : { got: lines[firstDiff], want: expected[firstDiff] };
      expect({ zone: zones[i], diff }).toEqual({ zone: zones[i], diff: null });
      expect(lines).toHaveLength(expected.length);
    });
  }, 60000);
});
