/** A span of time as epoch milliseconds, `end` exclusive: a meeting candidate or a busy block. */
export interface Slot {
  readonly start: number;
  readonly end: number;
}

export const MINUTE_MS = 60_000;

/** Whether two spans share any instant (touching spans do not). */
export function overlaps(a: Slot, b: Slot): boolean {
  return a.start < b.end && b.start < a.end;
}

export function sameSlot(a: Slot, b: Slot): boolean {
  return a.start === b.start && a.end === b.end;
}
