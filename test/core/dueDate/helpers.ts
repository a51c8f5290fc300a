import type { DueDateReading, DueFlag } from '../../../src/core/dueDate';
import { readDueDate } from '../../../src/core/dueDate';

/** Mail dates used by the tables (all in Japan time; Jest runs with TZ=UTC). */
export const MAIL = {
  /** Tuesday, the day after 勤労感謝の日. */
  tue: '2026-11-24T10:00:00+09:00',
  /** The same Tuesday at 18:00, after the working day. */
  tueEvening: '2026-11-24T18:00:00+09:00',
  /** Friday before the Monday holiday 11/23. */
  friBeforeHoliday: '2026-11-20T10:00:00+09:00',
  /** Sunday 12/20. */
  dec20: '2026-12-20T10:00:00+09:00',
  /** Friday 12/25, before the year end. */
  dec25: '2026-12-25T10:00:00+09:00',
  /** Monday 12/28: 12/31–1/3 closed ahead. */
  dec28: '2026-12-28T10:00:00+09:00',
  /** Wednesday 4/28, the day before 昭和の日 and Golden Week. */
  gw: '2027-04-28T10:00:00+09:00',
  /** Friday 4/30, before 5/3–5/5. */
  friGw: '2027-04-30T10:00:00+09:00',
  /** Tuesday 10/20 (10/31 is a Saturday). */
  oct20: '2026-10-20T10:00:00+09:00',
  /** 2027-01-15, Friday. */
  jan15: '2027-01-15T10:00:00+09:00',
  /** 05:00 on 11/24 in Japan is still 11/23 in UTC. */
  earlyTue: '2026-11-23T20:00:00Z',
} as const;

export interface Expected {
  date: string;
  time?: string;
  /** Exactly these flags (order ignored); [] when omitted. */
  flags?: DueFlag[];
  /** The day the mail's words stand for, when the date was moved to a business day. */
  writtenDate?: string;
  matched?: string;
  confidence?: 'high' | 'medium' | 'low';
}

export type Row = [text: string, mail: keyof typeof MAIL, expected: Expected | null];

export function read(text: string, mail: keyof typeof MAIL, subject?: string) {
  return readDueDate(text, new Date(MAIL[mail]), subject === undefined ? {} : { subject });
}

export function check(actual: DueDateReading | null, expected: Expected | null): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  const r = actual as DueDateReading;
  expect(r.date).toBe(expected.date);
  expect(r.time).toBe(expected.time);
  expect(r.writtenDate).toBe(expected.writtenDate);
  expect([...r.flags].sort()).toEqual([...(expected.flags ?? [])].sort());
  if (expected.matched !== undefined) expect(r.matched).toBe(expected.matched);
  if (expected.confidence !== undefined) expect(r.confidence).toBe(expected.confidence);
  expect(r.matched.length).toBeGreaterThan(0);
  if (r.flags.some((f) => f !== 'urgent')) expect(r.notes.length).toBeGreaterThan(0);
}

/** What a reading moved to a business day adds: the flag and the day the mail meant. */
export function moved(writtenDate: string): Pick<Expected, 'flags' | 'writtenDate'> {
  return { flags: ['moved'], writtenDate };
}
