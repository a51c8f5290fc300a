// The finder's open slots against the naive minute-by-minute scan of the benchmark, on seeded
// random calendars with overlaps, all-day and free events, under many option sets; then the
// picking rules on those slots.

import { naiveOpenSlots, randomCalendars, seededRandom } from '../../../scripts/bench/naive-slots';
import { addDays } from '../../../src/core/dates';
import {
  busyBlocks,
  DEFAULT_STEP_MINUTES,
  openSlots,
  overlaps,
  pickSlots,
  type SlotOptions,
} from '../../../src/core/scheduling';
import { ALWAYS, at, k, options } from './helpers';

const FROM = k('2026-11-16'); // two weeks with 勤労感謝の日 (11-23)
const LUNCH_SPLIT = [
  [],
  [
    { start: 480, end: 720 },
    { start: 720, end: 760 },
    { start: 800, end: 1200 },
  ],
  [],
  [{ start: 600, end: 900 }],
  [],
  [{ start: 0, end: 1440 }],
  [{ start: 540, end: 600 }],
];

function randomOptions(seed: number): SlotOptions {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)]!;
  return options({
    from: FROM,
    to: addDays(FROM, 13),
    workingHours: pick([options().workingHours, ALWAYS, LUNCH_SPLIT]),
    lengthMinutes: pick([15, 30, 45, 60, 90]),
    bufferBeforeMinutes: pick([0, 0, 10, 15, 30, 180]),
    bufferAfterMinutes: pick([0, 0, 5, 15, 60]),
    minNoticeMinutes: pick([0, 60, 24 * 60, 3 * 24 * 60 + 17]),
    stepMinutes: pick([10, 15, 30, 60]),
    maxPerDay: pick([1, 2, 3]),
    count: pick([1, 3, 5, 10]),
    preference: pick(['morning', 'afternoon', 'spread'] as const),
  });
}

const NOW = new Date(at('2026-11-17 10:07'));

describe.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])('seed %i', (seed) => {
  const calendars = randomCalendars(seed, 3, 40, addDays(FROM, -1), 16);
  const o = randomOptions(seed);
  const open = openSlots(busyBlocks(calendars, o), {
    ...o,
    stepMinutes: o.stepMinutes ?? DEFAULT_STEP_MINUTES,
    earliest: NOW.getTime() + o.minNoticeMinutes * 60_000,
  });

  test('the open slots are exactly those the minute-by-minute scan finds', () => {
    expect(open).toEqual(naiveOpenSlots(calendars, o, NOW));
  });

  test('the picked slots are open, in time order, apart, within the cap and the count', () => {
    const picked = pickSlots(open, o);
    expect(picked.length).toBeLessThanOrEqual(o.count);
    for (const slot of picked) {
      expect(open).toContainEqual(expect.objectContaining(slot));
    }
    for (let i = 1; i < picked.length; i++) {
      expect(picked[i]!.start).toBeGreaterThan(picked[i - 1]!.start);
      expect(overlaps(picked[i]!, picked[i - 1]!)).toBe(false);
    }
    const perDay = new Map<string, number>();
    for (const slot of picked) {
      const day = open.find((s) => s.start === slot.start)!.day;
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    expect(Math.max(0, ...perDay.values())).toBeLessThanOrEqual(o.maxPerDay);
    // Fewer than asked only when nothing else could be added.
    if (picked.length < o.count) {
      const addable = open.filter(
        (s) =>
          !picked.some((p) => overlaps(p, s)) &&
          picked.filter((p) => open.find((x) => x.start === p.start)!.day === s.day).length <
            o.maxPerDay,
      );
      expect(addable).toEqual([]);
    }
  });
});
