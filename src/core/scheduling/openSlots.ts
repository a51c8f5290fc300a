/**
 * Every start on the grid where a meeting fits: inside working hours, on a day that is neither a
 * national holiday nor 12/31–1/3, not sooner than the notice allows, and clear of every busy
 * block (buffers included). Days and windows go forward in time and the blocks are sorted, so
 * one pointer walks the blocks once: O(days × grid steps + blocks).
 */
import { holidayName } from '../businessDays';
import { addDays, type DateKey, tokyoInstant, weekday } from '../dates';
import { MINUTE_MS, type Slot } from './slot';
import { type WorkingHours, windowsOf } from './workingHours';

export interface OpenSlot extends Slot {
  /** The day, Japan time. */
  readonly day: DateKey;
  /** Minutes from midnight at the start, Japan time. */
  readonly startMinute: number;
}

export interface OpenSlotQuery {
  readonly from: DateKey;
  readonly to: DateKey;
  readonly workingHours: WorkingHours;
  readonly lengthMinutes: number;
  readonly stepMinutes: number;
  /** Epoch ms: no slot starts before it. */
  readonly earliest: number;
}

/** The open slots in time order; `blocks` must be sorted and disjoint (see `busyBlocks`). */
export function openSlots(blocks: readonly Slot[], query: OpenSlotQuery): OpenSlot[] {
  const length = query.lengthMinutes * MINUTE_MS;
  const step = query.stepMinutes * MINUTE_MS;
  const found: OpenSlot[] = [];
  const windows = ([0, 1, 2, 3, 4, 5, 6] as const).map((d) => windowsOf(query.workingHours, d));
  let next = 0;
  for (let day = query.from; day <= query.to; day = addDays(day, 1)) {
    if (holidayName(day) !== null) continue;
    const midnight = tokyoInstant(day).getTime();
    // Grid from midnight: the first grid point at or after `t`.
    const onGrid = (t: number) => midnight + Math.ceil((t - midnight) / step) * step;
    for (const window of windows[weekday(day)]!) {
      const windowEnd = midnight + window.end * MINUTE_MS;
      let start = onGrid(Math.max(midnight + window.start * MINUTE_MS, query.earliest));
      while (start + length <= windowEnd) {
        while (next < blocks.length && blocks[next]!.end <= start) next++;
        const block = blocks[next];
        if (block && block.start < start + length) {
          start = onGrid(block.end);
          continue;
        }
        found.push({
          start,
          end: start + length,
          day,
          startMinute: (start - midnight) / MINUTE_MS,
        });
        start += step;
      }
    }
  }
  return found;
}
