// npx tsx scripts/bench/slots-bench.ts: how long the slot finder takes in Node (median of
// repeated runs, wall time on this machine, for information), beside the naive minute-by-minute
// scan of scripts/bench/naive-slots.ts, which must find the same open slots.
import { addDays, dateKey, tokyoInstant } from '../../src/core/dates';
import {
  busyBlocks,
  DEFAULT_WORKING_HOURS,
  findFreeSlots,
  openSlots,
  type SlotOptions,
} from '../../src/core/scheduling';
import { naiveOpenSlots, randomCalendars } from './naive-slots';

interface Scenario {
  readonly label: string;
  readonly calendars: number;
  readonly perCalendar: number;
  readonly days: number;
}

const SCENARIOS: readonly Scenario[] = [
  { label: '1,000 events over 3 calendars, 4 weeks', calendars: 3, perCalendar: 334, days: 28 },
  { label: '6,000 events over 3 calendars, 60 days', calendars: 3, perCalendar: 2000, days: 60 },
];

const FROM = dateKey(2026, 11, 2);
const NOW = tokyoInstant(addDays(FROM, -1), 15);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeMs(runs: number, work: () => unknown): number {
  work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

export function runSlotsBench(): void {
  for (const s of SCENARIOS) {
    const calendars = randomCalendars(1, s.calendars, s.perCalendar, FROM, s.days);
    const options: SlotOptions = {
      from: FROM,
      to: addDays(FROM, s.days - 1),
      workingHours: DEFAULT_WORKING_HOURS,
      lengthMinutes: 60,
      bufferBeforeMinutes: 15,
      bufferAfterMinutes: 15,
      minNoticeMinutes: 24 * 60,
      maxPerDay: 2,
      count: 5,
      preference: 'spread',
    };
    const fast = openSlots(busyBlocks(calendars, options), {
      ...options,
      stepMinutes: 30,
      earliest: NOW.getTime() + options.minNoticeMinutes * 60_000,
    });
    const naive = naiveOpenSlots(calendars, options, NOW);
    if (JSON.stringify(fast) !== JSON.stringify(naive)) {
      throw new Error(`${s.label}: the finder and the naive scan disagree`);
    }
    const finder = timeMs(51, () => findFreeSlots(calendars, options, NOW));
    const scan = timeMs(3, () => naiveOpenSlots(calendars, options, NOW));
    console.log(
      `${s.label}: findFreeSlots ${finder.toFixed(2)} ms (median), ` +
        `naive minute-by-minute scan ${scan.toFixed(1)} ms; ${fast.length} open slots`,
    );
  }
}

if (process.argv[1]?.endsWith('slots-bench.ts')) runSlotsBench();
