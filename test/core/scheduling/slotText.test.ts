import { durationText, shortDate, slotLabel, slotLine } from '../../../src/core/scheduling';
import { at, k } from './helpers';

const slot = (start: string, end: string) => ({ start: at(start), end: at(end) });

describe('candidate lines', () => {
  test('Japanese: ・11月27日(金) 14:00〜15:00', () => {
    expect(slotLine(slot('2026-11-27 14:00', '2026-11-27 15:00'), 'ja')).toBe(
      '・11月27日(金) 14:00〜15:00',
    );
  });

  test('English: - Fri, Nov 27, 14:00–15:00 (JST)', () => {
    expect(slotLine(slot('2026-11-27 14:00', '2026-11-27 15:00'), 'en')).toBe(
      '- Fri, Nov 27, 14:00–15:00 (JST)',
    );
  });

  test('an early slot is on its Japanese day, which in UTC is the day before', () => {
    const early = slot('2026-12-01 08:30', '2026-12-01 09:15');
    expect(slotLine(early, 'ja')).toBe('・12月1日(火) 8:30〜9:15');
    expect(slotLine(early, 'en')).toBe('- Tue, Dec 1, 8:30–9:15 (JST)');
  });

  test('a slot ending at midnight ends at 24:00 on its own day', () => {
    expect(slotLine(slot('2026-11-27 23:00', '2026-11-28 00:00'), 'ja')).toBe(
      '・11月27日(金) 23:00〜24:00',
    );
  });

  test('the card label carries both languages', () => {
    expect(slotLabel(slot('2027-01-04 10:00', '2027-01-04 10:30'))).toEqual({
      ja: '1月4日(月) 10:00〜10:30',
      en: 'Mon, Jan 4, 10:00–10:30 (JST)',
    });
  });
});

test('dates and lengths in a sentence', () => {
  expect(shortDate(k('2026-12-01'), 'ja')).toBe('12月1日(火)');
  expect(shortDate(k('2026-12-01'), 'en')).toBe('Tue, Dec 1');
  expect(durationText(60, 'ja')).toBe('1時間');
  expect(durationText(90, 'ja')).toBe('1時間30分');
  expect(durationText(45, 'ja')).toBe('45分');
  expect(durationText(60, 'en')).toBe('1 hour');
  expect(durationText(150, 'en')).toBe('2 hours 30 minutes');
  expect(durationText(1, 'en')).toBe('1 minute');
});
