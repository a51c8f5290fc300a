/**
 * The best few of the open slots: never two overlapping, at most `maxPerDay` on one day, in the
 * order the preference gives, and returned in time order as they are listed in a mail.
 */
import type { DateKey } from '../dates';
import type { OpenSlot } from './openSlots';
import type { SlotPreference } from './options';
import { overlaps, type Slot } from './slot';

export interface PickRules {
  readonly count: number;
  readonly maxPerDay: number;
  readonly preference: SlotPreference;
}

const NOON = 12 * 60;

export function pickSlots(open: readonly OpenSlot[], rules: PickRules): Slot[] {
  const chosen: OpenSlot[] = [];
  const byDay = new Map<DateKey, OpenSlot[]>();
  const take = (slot: OpenSlot, perDay: number) => {
    const taken = byDay.get(slot.day) ?? [];
    if (taken.length >= perDay || taken.some((t) => overlaps(t, slot))) return;
    taken.push(slot);
    byDay.set(slot.day, taken);
    chosen.push(slot);
  };
  if (rules.preference === 'spread') {
    // Round r gives each day its r-th slot, soonest days first.
    for (let perDay = 1; perDay <= rules.maxPerDay && chosen.length < rules.count; perDay++) {
      for (const slot of open) {
        if (chosen.length >= rules.count) break;
        take(slot, perDay);
      }
    }
  } else {
    const preferred = (s: OpenSlot) =>
      rules.preference === 'morning' ? s.startMinute < NOON : s.startMinute >= NOON;
    const ordered = [...open.filter(preferred), ...open.filter((s) => !preferred(s))];
    for (const slot of ordered) {
      if (chosen.length >= rules.count) break;
      take(slot, rules.maxPerDay);
    }
  }
  return chosen.sort((a, b) => a.start - b.start).map(({ start, end }) => ({ start, end }));
}
