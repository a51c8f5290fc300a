/**
 * The owner's busy time, from the events of one or more calendars, as one sorted list of
 * disjoint blocks: sorted and merged once, so the slot finder walks it with a single pointer.
 */
import { addDays, tokyoDateKey, tokyoInstant } from '../dates';
import { MINUTE_MS, type Slot } from './slot';

export interface BusyEvent {
  /** Epoch ms. */
  readonly start: number;
  /** Epoch ms, exclusive. */
  readonly end: number;
  /**
   * An all-day event: it blocks the whole Japan days from the date of `start` through the date
   * of `end − 1 ms` (Calendar gives midnight to midnight, the end exclusive); at least one day.
   */
  readonly allDay?: boolean;
  /** Shown as free (transparent in Calendar): it never blocks a slot. */
  readonly free?: boolean;
}

export interface Buffers {
  /** Free minutes needed before a meeting. */
  readonly bufferBeforeMinutes: number;
  /** Free minutes needed after a meeting. */
  readonly bufferAfterMinutes: number;
}

function wholeTokyoDays(event: BusyEvent): Slot {
  const first = tokyoDateKey(new Date(event.start));
  const last = tokyoDateKey(new Date(Math.max(event.end, event.start + 1) - 1));
  return {
    start: tokyoInstant(first).getTime(),
    end: tokyoInstant(addDays(last, 1)).getTime(),
  };
}

/**
 * The busy blocks of all `calendars`, sorted and merged. Each block is widened by the buffers
 * (a meeting may not start within `bufferBefore` of a block's end, nor end within
 * `bufferAfter` of its start), so that a slot fits exactly when it overlaps no block. Free
 * events, and events with no duration or an invalid time, are left out.
 */
export function busyBlocks(calendars: readonly (readonly BusyEvent[])[], buffers: Buffers): Slot[] {
  const before = buffers.bufferBeforeMinutes * MINUTE_MS;
  const after = buffers.bufferAfterMinutes * MINUTE_MS;
  const widened: Slot[] = [];
  for (const events of calendars) {
    for (const event of events) {
      if (event.free || !Number.isFinite(event.start) || !Number.isFinite(event.end)) continue;
      if (!event.allDay && event.end <= event.start) continue;
      const span = event.allDay ? wholeTokyoDays(event) : event;
      widened.push({ start: span.start - after, end: span.end + before });
    }
  }
  widened.sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const block of widened) {
    const last = merged[merged.length - 1];
    if (last && block.start <= last.end) last.end = Math.max(last.end, block.end);
    else merged.push({ start: block.start, end: block.end });
  }
  return merged;
}
