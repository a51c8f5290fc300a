/** The slot finder: busy calendars and the owner's rules in, the best few candidates out. */
import type { Text } from '../text';
import { type BusyEvent, busyBlocks } from './busy';
import { openSlots } from './openSlots';
import { DEFAULT_STEP_MINUTES, type SlotOptions, slotOptionsProblems } from './options';
import { pickSlots } from './pickSlots';
import { MINUTE_MS, type Slot } from './slot';

export type SlotSearch =
  | { readonly ok: true; readonly slots: readonly Slot[] }
  | { readonly ok: false; readonly problems: readonly Text[] };

/**
 * Up to `options.count` candidates in time order, from the events of `calendars` (one list per
 * calendar), as seen at `now`. Empty when nothing fits; the problems when the options are not
 * usable.
 */
export function findFreeSlots(
  calendars: readonly (readonly BusyEvent[])[],
  options: SlotOptions,
  now: Date,
): SlotSearch {
  const problems = slotOptionsProblems(options);
  if (problems.length > 0) return { ok: false, problems };
  const open = openSlots(busyBlocks(calendars, options), {
    from: options.from,
    to: options.to,
    workingHours: options.workingHours,
    lengthMinutes: options.lengthMinutes,
    stepMinutes: options.stepMinutes ?? DEFAULT_STEP_MINUTES,
    earliest: now.getTime() + options.minNoticeMinutes * MINUTE_MS,
  });
  return { ok: true, slots: pickSlots(open, options) };
}
