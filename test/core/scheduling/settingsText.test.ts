import {
  DEFAULT_WORKING_HOURS,
  parseBuffersText,
  parseMinutesText,
  parseWorkingHoursText,
} from '../../../src/core/scheduling';
import { text } from '../../../src/core/text';

describe('working hours as typed in 設定', () => {
  it('reads the default row as the default hours', () => {
    expect(parseWorkingHoursText('平日 9:00-12:00, 13:00-18:00')).toEqual({
      ok: true,
      value: DEFAULT_WORKING_HOURS,
    });
  });

  it('reads groups of days, ranges, full-width digits and 〜', () => {
    const r = parseWorkingHoursText('月-水 １０:００〜１２:００; 土 9-12\n金曜 13:30から17:00');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[1]).toEqual([{ start: 600, end: 720 }]);
    expect(r.value[3]).toEqual([{ start: 600, end: 720 }]);
    expect(r.value[4]).toEqual([]);
    expect(r.value[5]).toEqual([{ start: 810, end: 1020 }]);
    expect(r.value[6]).toEqual([{ start: 540, end: 720 }]);
    expect(r.value[0]).toEqual([]);
  });

  it('names the part it cannot read, in both languages', () => {
    const r = parseWorkingHoursText('平日 9:00-12:00, 午後');
    expect(r).toEqual({
      ok: false,
      message: text(
        '勤務時間の「午後」を読み取れません。例: 平日 9:00-12:00, 13:00-18:00',
        'Cannot read "午後" in the working hours. Example: weekdays 9:00-12:00, 13:00-18:00',
      ),
    });
    expect(parseWorkingHoursText('毎週 9:00-12:00').ok).toBe(false);
    expect(parseWorkingHoursText('平日 18:00-9:00').ok).toBe(false);
    expect(parseWorkingHoursText('').ok).toBe(false);
  });
});

describe('buffers and minutes', () => {
  it('reads one number for both sides or two for before and after', () => {
    expect(parseBuffersText('15')).toEqual({
      ok: true,
      value: { bufferBeforeMinutes: 15, bufferAfterMinutes: 15 },
    });
    expect(parseBuffersText('10, 30分')).toEqual({
      ok: true,
      value: { bufferBeforeMinutes: 10, bufferAfterMinutes: 30 },
    });
    expect(parseBuffersText('181').ok).toBe(false);
    expect(parseBuffersText('十五').ok).toBe(false);
  });

  it('reads a length within its limits', () => {
    const name = text('打ち合わせの長さ', 'The meeting length');
    expect(parseMinutesText('９０分', 5, 480, name)).toEqual({ ok: true, value: 90 });
    expect(parseMinutesText('1000', 5, 480, name)).toEqual({
      ok: false,
      message: text(
        '打ち合わせの長さ「1000」は5〜480の分数で書いてください',
        'The meeting length "1000" must be 5–480 minutes',
      ),
    });
  });
});

describe('working hours in English day names', () => {
  it.each([
    [
      'weekdays 9:00-12:00, 13:00-18:00; Sat 10:00-12:00',
      '平日 9:00-12:00, 13:00-18:00; 土 10:00-12:00',
    ],
    ['Mon-Thu 9:00-17:00', '月-木 9:00-17:00'],
    ['mon, wed 10:00-11:00', '月・水 10:00-11:00'],
    ['Weekends 10-12', '土日 10-12'],
    ['Fri-Mon 9:00-10:00', '金-月 9:00-10:00'],
  ])('%s reads as %s', (english, japanese) => {
    expect(parseWorkingHoursText(english)).toEqual(parseWorkingHoursText(japanese));
    expect(parseWorkingHoursText(english).ok).toBe(true);
  });

  it('an unknown English word is refused with the English example', () => {
    const parsed = parseWorkingHoursText('someday 9:00-10:00');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message.en).toContain('Example: weekdays 9:00-12:00');
  });
});
