import type { DateKey } from '../../../src/core/dates';
import {
  type BusyEvent,
  DEFAULT_WORKING_HOURS,
  type Slot,
  type SlotOptions,
} from '../../../src/core/scheduling';

const NINE_HOURS = 9 * 3_600_000;

/** `2026-11-24 10:00` in Japan as epoch ms (written with the fixed +09:00: Japan has no DST). */
export function at(tokyo: string): number {
  return Date.parse(`${tokyo.replace(' ', 'T')}:00+09:00`);
}

export function event(start: string, end: string, flags: Partial<BusyEvent> = {}): BusyEvent {
  return { start: at(start), end: at(end), ...flags };
}

/** `2026-11-24 13:00-14:00`: a slot as read on a wall clock in Japan. */
export function shown(slot: Slot): string {
  const iso = (t: number) => new Date(t + NINE_HOURS).toISOString();
  return `${iso(slot.start).slice(0, 10)} ${iso(slot.start).slice(11, 16)}-${iso(slot.end).slice(11, 16)}`;
}

export const k = (s: string) => s as DateKey;

/** Tuesday 2026-11-24 to Friday 11-27, office hours, 1 hour, no buffers, no notice, no cap. */
export function options(overrides: Partial<SlotOptions> = {}): SlotOptions {
  return {
    from: k('2026-11-24'),
    to: k('2026-11-27'),
    workingHours: DEFAULT_WORKING_HOURS,
    lengthMinutes: 60,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    maxPerDay: 10,
    count: 10,
    preference: 'morning',
    ...overrides,
  };
}

/** The Friday before, in the afternoon. */
export const NOW = new Date(at('2026-11-20 15:00'));

/** Every day of the week 0:00–24:00. */
export const ALWAYS = Array.from({ length: 7 }, () => [{ start: 0, end: 24 * 60 }]);
