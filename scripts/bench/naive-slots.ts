/**
 * The slot finder done the naive way, to compare with `openSlots` in the benchmark
 * (scripts/bench/slots-bench.ts) and to check it in the tests: for every grid start, every minute
 * the meeting and its buffers need is checked against every event. Slow, obviously right. Also
 * the seeded random calendars both use.
 */
import { holidayName } from '../../src/core/businessDays';
import {
  addDays,
  type DateKey,
  daysBetween,
  tokyoDateKey,
  tokyoInstant,
  weekday,
} from '../../src/core/dates';
import type { BusyEvent, OpenSlot, SlotOptions } from '../../src/core/scheduling';

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;

/** The span an event blocks: an all-day event its whole days in Japan. */
function blockedSpan(event: BusyEvent): { start: number; end: number } {
  if (!event.allDay) return event;
  const firstDay = tokyoDateKey(new Date(event.start));
  const lastDay = tokyoDateKey(new Date(Math.max(event.end, event.start + 1) - 1));
  return {
    start: tokyoInstant(firstDay).getTime(),
    end: tokyoInstant(addDays(lastDay, 1)).getTime(),
  };
}

export function naiveOpenSlots(
  calendars: readonly (readonly BusyEvent[])[],
  options: SlotOptions,
  now: Date,
): OpenSlot[] {
  const spans = calendars
    .flat()
    .filter((e) => !e.free)
    .map(blockedSpan);
  const isBusy = (minuteStart: number) =>
    spans.some((s) => s.start < minuteStart + MINUTE && minuteStart < s.end);
  const step = options.stepMinutes ?? 30;
  const earliest = now.getTime() + options.minNoticeMinutes * MINUTE;
  const found: OpenSlot[] = [];
  for (let i = 0; i <= daysBetween(options.from, options.to); i++) {
    const day: DateKey = addDays(options.from, i);
    if (holidayName(day) !== null) continue;
    const midnight = tokyoInstant(day).getTime();
    const windows = options.workingHours[weekday(day)] ?? [];
    const working = (m: number) => windows.some((w) => w.start <= m && m < w.end);
    for (let m = 0; m + options.lengthMinutes <= DAY_MINUTES; m += step) {
      const start = midnight + m * MINUTE;
      if (start < earliest) continue;
      let fits = true;
      for (let k = m; k < m + options.lengthMinutes && fits; k++) fits = working(k);
      const from = m - options.bufferBeforeMinutes;
      const to = m + options.lengthMinutes + options.bufferAfterMinutes;
      for (let k = from; k < to && fits; k++) fits = !isBusy(midnight + k * MINUTE);
      if (fits)
        found.push({ start, end: start + options.lengthMinutes * MINUTE, day, startMinute: m });
    }
  }
  return found;
}

/** A seeded generator (mulberry32): the same calendars on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `perCalendar` events on each of `calendars` calendars over `days` days from `from`: 15–60
 * minutes at any quarter hour of the day, some overlapping, about one in fifty all-day and one
 * in ten shown as free.
 */
export function randomCalendars(
  seed: number,
  calendars: number,
  perCalendar: number,
  from: DateKey,
  days: number,
): BusyEvent[][] {
  const random = seededRandom(seed);
  const pick = (n: number) => Math.floor(random() * n);
  return Array.from({ length: calendars }, () =>
    Array.from({ length: perCalendar }, (): BusyEvent => {
      const day = addDays(from, pick(days));
      if (random() < 0.02) {
        const start = tokyoInstant(day).getTime();
        return { start, end: tokyoInstant(addDays(day, 1 + pick(2))).getTime(), allDay: true };
      }
      const start = tokyoInstant(day).getTime() + pick(24 * 4) * 15 * MINUTE;
      const end = start + (1 + pick(4)) * 15 * MINUTE;
      return random() < 0.1 ? { start, end, free: true } : { start, end };
    }),
  );
}
