import { addDays, type DateKey, tokyoDateKey, tokyoInstant } from '../../core/dates';
import { findFreeSlots, type Slot } from '../../core/scheduling';
import { type Text, text, UserError } from '../../core/text';
import { freeBusy } from '../../services/meetingCalendar';
import type { SchedulingSettings } from './schedulingSettings';

/** How far ahead the card looks, and how many candidates it offers to tick. */
export const LOOK_AHEAD_DAYS = 14;
export const CANDIDATE_COUNT = 8;
export const PER_DAY = 2;

export interface Candidates {
  readonly slots: readonly Slot[];
  readonly from: DateKey;
  readonly to: DateKey;
  readonly lengthMinutes: number;
  /** Calendars that could not be read (their busy times are not counted). */
  readonly problems: readonly Text[];
}

/**
 * The candidates the card offers: from the day after tomorrow for two weeks, the busy times of the owner's
 * calendar and of the calendars named in 設定 (one Freebusy call), spread over days.
 */
export function findCandidates(
  settings: SchedulingSettings,
  now: Date,
  lengthMinutes = settings.lengthMinutes,
): Candidates {
  // From the day after tomorrow: the other side has a day to answer before the first time.
  const from = addDays(tokyoDateKey(now), 2);
  const to = addDays(from, LOOK_AHEAD_DAYS - 1);
  const { busy, unreadable } = freeBusy(
    settings.calendars,
    tokyoInstant(from),
    tokyoInstant(addDays(to, 1)),
  );
  const search = findFreeSlots(
    busy,
    {
      from,
      to,
      workingHours: settings.workingHours,
      lengthMinutes,
      bufferBeforeMinutes: settings.bufferBeforeMinutes,
      bufferAfterMinutes: settings.bufferAfterMinutes,
      minNoticeMinutes: 0,
      maxPerDay: PER_DAY,
      count: CANDIDATE_COUNT,
      preference: 'spread',
    },
    now,
  );
  if (!search.ok) throw UserError.of(search.problems);
  return {
    slots: search.slots,
    from,
    to,
    lengthMinutes,
    problems: unreadable.map((id) =>
      text(
        `カレンダー「${id}」の予定を読めませんでした(共有されていない可能性があります)`,
        `Could not read the calendar "${id}" (it may not be shared with you)`,
      ),
    ),
  };
}

/** The reply-by date offered by default: the day before the first candidate, within 3 days. */
export function defaultReplyBy(slots: readonly Slot[], now: Date): DateKey {
  const today = tokyoDateKey(now);
  const first = slots[0] ? tokyoDateKey(new Date(slots[0].start)) : addDays(today, 3);
  const dayBefore = addDays(first, -1);
  const latest = addDays(today, 3);
  const sooner = [dayBefore, latest].sort()[0]!;
  return [sooner, today].sort()[1]!;
}
