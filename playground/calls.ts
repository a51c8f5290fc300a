/**
 * What a "call" is in the playground's run log and call counts, as in the README's Performance
 * tables and the bundle tests: every counted service call except CardService's builders, which
 * run locally in Apps Script (no round trip, no quota), though the emulator's meter records them.
 */
import type { Meter } from '../emulator/core/meter';

const LOCAL_SERVICE = 'CardService';

export function isLocalCall(key: string): boolean {
  return key === LOCAL_SERVICE || key.startsWith(`${LOCAL_SERVICE}.`);
}

/** Service calls the meter recorded so far, builders left out. */
export function serviceCallTotal(meter: Meter): number {
  return meter.total() - meter.total(LOCAL_SERVICE);
}

/** The meter's counts split into service calls and local builder calls. */
export function splitCounts(counts: Record<string, number>): {
  calls: Record<string, number>;
  local: Record<string, number>;
} {
  const calls: Record<string, number> = {};
  const local: Record<string, number> = {};
  for (const [key, n] of Object.entries(counts)) (isLocalCall(key) ? local : calls)[key] = n;
  return { calls, local };
}
