/** What the owner asks of the slot finder, and the checks that keep it to sensible values. */
import { type DateKey, daysBetween, isDateKey } from '../dates';
import { type Text, text } from '../text';
import type { Buffers } from './busy';
import { type WorkingHours, workingHoursProblems } from './workingHours';

/**
 * morning: slots starting before noon first; afternoon: slots starting at noon or later
 * first; spread: one slot per day over as many days as possible before a second on any day.
 * Within each, sooner is better.
 */
export type SlotPreference = 'morning' | 'afternoon' | 'spread';

export const SLOT_PREFERENCES: readonly SlotPreference[] = ['morning', 'afternoon', 'spread'];

export interface SlotOptions extends Buffers {
  /** First day to look at, Japan time. */
  readonly from: DateKey;
  /** Last day to look at (included). */
  readonly to: DateKey;
  readonly workingHours: WorkingHours;
  readonly lengthMinutes: number;
  /** No slot starts sooner than this after `now`. */
  readonly minNoticeMinutes: number;
  /** At most this many candidates on one day. */
  readonly maxPerDay: number;
  /** How many candidates to return at most. */
  readonly count: number;
  readonly preference: SlotPreference;
  /** Candidates start on this grid from midnight (30 → :00 and :30). 30 by default. */
  readonly stepMinutes?: number;
}

export const LIMITS = {
  lengthMinutes: { min: 5, max: 8 * 60 },
  bufferMinutes: { min: 0, max: 180 },
  minNoticeMinutes: { min: 0, max: 30 * 24 * 60 },
  maxPerDay: { min: 1, max: 10 },
  count: { min: 1, max: 10 },
  rangeDays: { max: 92 },
} as const;

export const STEP_MINUTES: readonly number[] = [5, 10, 15, 20, 30, 60];
export const DEFAULT_STEP_MINUTES = 30;

function isIntegerIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function rangeProblems(from: DateKey, to: DateKey): Text[] {
  if (!isDateKey(from) || !isDateKey(to)) {
    return [
      text('期間の開始日と終了日を指定してください', 'Give the first and last day to look at'),
    ];
  }
  const days = daysBetween(from, to) + 1;
  if (days < 1) {
    return [
      text(
        '期間の開始日は終了日以前にしてください',
        'The first day must not be after the last day',
      ),
    ];
  }
  if (days > LIMITS.rangeDays.max) {
    return [
      text(
        `期間は${LIMITS.rangeDays.max}日以内にしてください`,
        `Look at ${LIMITS.rangeDays.max} days at most`,
      ),
    ];
  }
  return [];
}

/** What is wrong with `options`, as messages for the owner; empty when they can be used. */
export function slotOptionsProblems(options: SlotOptions): Text[] {
  const { lengthMinutes: len, bufferMinutes: buf, minNoticeMinutes: notice } = LIMITS;
  const problems: Text[] = [];
  if (!isIntegerIn(options.lengthMinutes, len.min, len.max)) {
    problems.push(
      text(
        `打ち合わせの長さは${len.min}〜${len.max}分で指定してください`,
        `The meeting length must be ${len.min}–${len.max} minutes`,
      ),
    );
  }
  for (const [value, ja, en] of [
    [options.bufferBeforeMinutes, '前', 'before'],
    [options.bufferAfterMinutes, '後', 'after'],
  ] as const) {
    if (!isIntegerIn(value, buf.min, buf.max)) {
      problems.push(
        text(
          `打ち合わせの${ja}の空き時間は${buf.min}〜${buf.max}分で指定してください`,
          `The buffer ${en} a meeting must be ${buf.min}–${buf.max} minutes`,
        ),
      );
    }
  }
  if (!isIntegerIn(options.minNoticeMinutes, notice.min, notice.max)) {
    problems.push(
      text(
        `現在から候補までの最短の間隔は${notice.min}〜${notice.max}分(30日)で指定してください`,
        `The minimum notice must be ${notice.min}–${notice.max} minutes (30 days)`,
      ),
    );
  }
  if (!isIntegerIn(options.maxPerDay, LIMITS.maxPerDay.min, LIMITS.maxPerDay.max)) {
    problems.push(
      text(
        `1日あたりの候補数は${LIMITS.maxPerDay.min}〜${LIMITS.maxPerDay.max}で指定してください`,
        `Candidates per day must be ${LIMITS.maxPerDay.min}–${LIMITS.maxPerDay.max}`,
      ),
    );
  }
  if (!isIntegerIn(options.count, LIMITS.count.min, LIMITS.count.max)) {
    problems.push(
      text(
        `候補の数は${LIMITS.count.min}〜${LIMITS.count.max}で指定してください`,
        `The number of candidates must be ${LIMITS.count.min}–${LIMITS.count.max}`,
      ),
    );
  }
  if (!SLOT_PREFERENCES.includes(options.preference)) {
    problems.push(
      text(
        '優先する時間帯は午前・午後・複数日に分散のいずれかにしてください',
        'The preference must be mornings, afternoons or spread over days',
      ),
    );
  }
  const step = options.stepMinutes ?? DEFAULT_STEP_MINUTES;
  if (!STEP_MINUTES.includes(step)) {
    problems.push(
      text(
        `開始時刻の刻みは${STEP_MINUTES.join('・')}分のいずれかにしてください`,
        `Start times must step by ${STEP_MINUTES.join(', ')} minutes`,
      ),
    );
  }
  return [
    ...problems,
    ...rangeProblems(options.from, options.to),
    ...workingHoursProblems(options.workingHours),
  ];
}
