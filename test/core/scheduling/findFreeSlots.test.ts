import { type BusyEvent, findFreeSlots, type SlotOptions } from '../../../src/core/scheduling';
import { ALWAYS, at, event, k, NOW, options, shown } from './helpers';

function slots(calendars: BusyEvent[][], o: SlotOptions, now = NOW): string[] {
  const search = findFreeSlots(calendars, o, now);
  if (!search.ok) throw new Error(search.problems.map((p) => p.en).join('; '));
  return search.slots.map(shown);
}

describe('days', () => {
  test('national holidays and weekends (no working hours) give no slot', () => {
    // Fri 11-20, Sat, Sun, Mon 11-23 勤労感謝の日, Tue 11-24.
    const o = options({ from: k('2026-11-20'), to: k('2026-11-24'), maxPerDay: 1, count: 5 });
    expect(slots([], o, new Date(at('2026-11-19 12:00')))).toEqual([
      '2026-11-20 09:00-10:00',
      '2026-11-24 09:00-10:00',
    ]);
  });

  test('12/31–1/3 give no slot even for an owner who works every day', () => {
    const o = options({
      from: k('2026-12-30'),
      to: k('2027-01-04'),
      workingHours: ALWAYS,
      maxPerDay: 1,
      preference: 'spread',
    });
    expect(slots([], o, new Date(at('2026-12-29 12:00')))).toEqual([
      '2026-12-30 00:00-01:00',
      '2027-01-04 00:00-01:00',
    ]);
  });

  test('a meeting never runs over the lunch break between two windows', () => {
    // Free from 11:00, but 11:00–12:30 would run into the lunch hour.
    const busy = [[event('2026-11-24 09:00', '2026-11-24 11:00')]];
    const o = options({ to: k('2026-11-24'), lengthMinutes: 90 });
    expect(slots(busy, o)).toEqual([
      '2026-11-24 13:00-14:30',
      '2026-11-24 14:30-16:00',
      '2026-11-24 16:00-17:30',
    ]);
  });
});

describe('busy time', () => {
  test('overlapping events of several calendars all block', () => {
    const busy = [
      [event('2026-11-24 09:00', '2026-11-24 10:30')],
      [
        event('2026-11-24 10:00', '2026-11-24 11:15'),
        event('2026-11-24 14:00', '2026-11-24 14:45'),
      ],
      [event('2026-11-24 16:30', '2026-11-24 17:00')],
    ];
    expect(slots(busy, options({ to: k('2026-11-24') }))).toEqual([
      '2026-11-24 13:00-14:00',
      '2026-11-24 15:00-16:00',
      '2026-11-24 17:00-18:00',
    ]);
  });

  test('an all-day event blocks its whole day in Japan, an all-day one shown as free does not', () => {
    const busy = [
      [event('2026-11-24 00:00', '2026-11-25 00:00', { allDay: true })],
      [event('2026-11-25 00:00', '2026-11-26 00:00', { allDay: true, free: true })],
    ];
    const o = options({ to: k('2026-11-25'), maxPerDay: 1 });
    expect(slots(busy, o)).toEqual(['2026-11-25 09:00-10:00']);
  });

  test('a two-day all-day event blocks both days, and no more', () => {
    const busy = [[event('2026-11-24 00:00', '2026-11-26 00:00', { allDay: true })]];
    const o = options({ maxPerDay: 1, preference: 'spread' });
    expect(slots(busy, o)).toEqual(['2026-11-26 09:00-10:00', '2026-11-27 09:00-10:00']);
  });

  test('timed events shown as free never block', () => {
    const busy = [[event('2026-11-24 09:00', '2026-11-24 18:00', { free: true })]];
    expect(slots(busy, options({ to: k('2026-11-24'), count: 1 }))).toEqual([
      '2026-11-24 09:00-10:00',
    ]);
  });

  test('an event ending off the grid moves the next start to the next grid step', () => {
    const busy = [[event('2026-11-24 09:00', '2026-11-24 10:10')]];
    const day = options({ to: k('2026-11-24'), count: 1 });
    expect(slots(busy, day)).toEqual(['2026-11-24 10:30-11:30']);
    expect(slots(busy, { ...day, stepMinutes: 15 })).toEqual(['2026-11-24 10:15-11:15']);
  });
});

describe('buffers', () => {
  const busy = [[event('2026-11-24 10:00', '2026-11-24 11:00')]];
  const day = options({ to: k('2026-11-24') });

  test('without buffers a meeting may touch an event on both sides', () => {
    expect(slots(busy, day).slice(0, 2)).toEqual([
      '2026-11-24 09:00-10:00',
      '2026-11-24 11:00-12:00',
    ]);
  });

  test('the buffer after a meeting keeps it away from the next event', () => {
    expect(slots(busy, { ...day, bufferAfterMinutes: 30 })[0]).toBe('2026-11-24 11:00-12:00');
  });

  test('the buffer before a meeting keeps it away from the event before', () => {
    const result = slots(busy, { ...day, bufferBeforeMinutes: 30 });
    expect(result[0]).toBe('2026-11-24 09:00-10:00');
    expect(result[1]).toBe('2026-11-24 13:00-14:00');
  });

  test('buffers of 180 minutes clear a whole morning', () => {
    const o = { ...day, bufferBeforeMinutes: 180, bufferAfterMinutes: 180 };
    expect(slots(busy, o)[0]).toBe('2026-11-24 14:00-15:00');
  });
});

describe('notice, caps and preferences', () => {
  test('no slot starts sooner than the minimum notice after now', () => {
    const now = new Date(at('2026-11-24 10:10'));
    const o = options({ minNoticeMinutes: 60, maxPerDay: 1, count: 2, preference: 'spread' });
    expect(slots([], o, now)).toEqual(['2026-11-24 13:00-14:00', '2026-11-25 09:00-10:00']);
  });

  test('at most the cap per day, soonest first', () => {
    const o = options({ maxPerDay: 2, count: 5 });
    expect(slots([], o)).toEqual([
      '2026-11-24 09:00-10:00',
      '2026-11-24 10:00-11:00',
      '2026-11-25 09:00-10:00',
      '2026-11-25 10:00-11:00',
      '2026-11-26 09:00-10:00',
    ]);
  });

  test('afternoons first when preferred', () => {
    expect(slots([], options({ preference: 'afternoon', maxPerDay: 2, count: 3 }))).toEqual([
      '2026-11-24 13:00-14:00',
      '2026-11-24 14:00-15:00',
      '2026-11-25 13:00-14:00',
    ]);
  });

  test('mornings preferred but all taken: afternoons fill the list', () => {
    const busy = [
      ['24', '25', '26', '27'].map((d) => event(`2026-11-${d} 09:00`, `2026-11-${d} 12:00`)),
    ];
    const o = options({ to: k('2026-11-25'), maxPerDay: 1, count: 3 });
    expect(slots(busy, o)).toEqual(['2026-11-24 13:00-14:00', '2026-11-25 13:00-14:00']);
  });

  test('mornings come first even when an afternoon is sooner', () => {
    const busy = [[event('2026-11-24 09:00', '2026-11-24 12:00')]];
    const o = options({ maxPerDay: 1, count: 2 });
    expect(slots(busy, o)).toEqual(['2026-11-25 09:00-10:00', '2026-11-26 09:00-10:00']);
  });

  test('spread takes one slot per day before a second on any day', () => {
    expect(slots([], options({ preference: 'spread', maxPerDay: 2, count: 5 }))).toEqual([
      '2026-11-24 09:00-10:00',
      '2026-11-24 10:00-11:00',
      '2026-11-25 09:00-10:00',
      '2026-11-26 09:00-10:00',
      '2026-11-27 09:00-10:00',
    ]);
  });

  test('candidates never overlap one another', () => {
    const o = options({ to: k('2026-11-24'), lengthMinutes: 90, count: 10 });
    expect(slots([], o)).toEqual([
      '2026-11-24 09:00-10:30',
      '2026-11-24 10:30-12:00',
      '2026-11-24 13:00-14:30',
      '2026-11-24 14:30-16:00',
      '2026-11-24 16:00-17:30',
    ]);
  });

  test('nothing free: an empty list, not an error', () => {
    const busy = [[event('2026-11-24 00:00', '2026-11-28 00:00', { allDay: true })]];
    expect(slots(busy, options())).toEqual([]);
  });
});

describe('options are checked', () => {
  const problems = (o: SlotOptions) => {
    const search = findFreeSlots([], o, NOW);
    return search.ok ? [] : search.problems;
  };

  test('usable options have no problem', () => {
    expect(problems(options())).toEqual([]);
  });

  test.each([
    ['buffer before 181', { bufferBeforeMinutes: 181 }, '180', 'buffer before'],
    ['buffer after -5', { bufferAfterMinutes: -5 }, '0〜180', 'buffer after'],
    ['length 0', { lengthMinutes: 0 }, '長さ', 'length'],
    ['length 30.5', { lengthMinutes: 30.5 }, '長さ', 'length'],
    ['count 0', { count: 0 }, '候補の数', 'number of candidates'],
    ['cap 0', { maxPerDay: 0 }, '1日あたり', 'per day'],
    ['notice -1', { minNoticeMinutes: -1 }, '最短', 'notice'],
    ['step 7', { stepMinutes: 7 }, '刻み', 'step'],
    ['from after to', { from: k('2026-11-28'), to: k('2026-11-27') }, '開始日', 'first day'],
    ['93 days', { to: k('2027-02-24') }, '92日', '92 days'],
    ['no such date', { to: k('2026-11-31') }, '終了日', 'last day'],
  ] as const)('%s is refused, in both languages', (_, override, ja, en) => {
    const found = problems(options(override as Partial<SlotOptions>));
    expect(found).toHaveLength(1);
    expect(found[0]!.ja).toContain(ja);
    expect(found[0]!.en).toContain(en);
  });

  test('a working window ending before it starts names the weekday', () => {
    const hours = options().workingHours.map((w, day) =>
      day === 2 ? [{ start: 600, end: 540 }] : w,
    );
    const found = problems(options({ workingHours: hours }));
    expect(found.map((p) => p.ja)).toEqual([expect.stringContaining('火曜日')]);
    expect(found[0]!.ja).toContain('10:00-9:00');
    expect(found[0]!.en).toContain('Tuesday');
  });

  test('no working hours at all is refused', () => {
    const found = problems(options({ workingHours: Array.from({ length: 7 }, () => []) }));
    expect(found.map((p) => p.en)).toEqual(['No working hours are set on any day']);
  });
});
