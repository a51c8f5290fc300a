/**
 * The reminder ladder (督促) for an unpaid invoice: 1 お支払い状況のご確認, 2 再度のご確認, 3 督促.
 *
 * Step s is due once `offsets[s-1]` calendar days have passed since the due date (default
 * 1, 14, 30). Decisions:
 * - at most ONE step per invoice per run, and never two on the same day (a second run the
 *   same day, or lastReminderDate ≥ today, gives nothing);
 * - the ladder is climbed one rung at a time: the next step after the last one done, never a
 *   repeat and never a skip. A client first hears お支払い状況のご確認, never 督促 out of the
 *   blue, even when automations were turned on long after the due date;
 * - a step waits for its offset AND for a week (or the gap between the offsets, if shorter)
 *   since the previous reminder, so a backlog does not become three mails on three
 *   consecutive business days;
 * - only on bank business days (a reminder due on Saturday is drafted on Monday);
 * - never for 入金済 (paid) or 取消 (voided) invoices.
 */

import { isBankBusinessDay } from '../businessDays';
import { type DateKey, daysBetween } from '../dates';
import type { ReminderStep } from '../reminders/reminderMail';
import { type Text, text } from '../text';

export type { ReminderStep };

export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [1, 14, 30];
const MAX_OFFSET = 365;
/** A backlog is worked off no faster than one reminder a week. */
const MIN_DAYS_BETWEEN = 7;

export interface UnpaidInvoice {
  readonly dueDate: DateKey;
  /** The 状態 cell: 入金済 and 取消 stop the ladder. */
  readonly status?: string;
  /** Paid, however the caller knows it (status, 入金日). */
  readonly paid?: boolean;
  /** Voided (取消). */
  readonly voided?: boolean;
  /** The last step done, 0 when none. */
  readonly lastStep: number;
  readonly lastReminderDate: DateKey | null;
}

/** The step to draft today for `invoice`, or null. */
export function reminderStepDue(
  invoice: UnpaidInvoice,
  today: DateKey,
  offsets: readonly number[] = DEFAULT_REMINDER_OFFSETS,
): ReminderStep | null {
  const status = (invoice.status ?? '').trim();
  if (invoice.paid || invoice.voided || status === '入金済' || status === '取消') return null;
  if (!isBankBusinessDay(today)) return null;
  if (invoice.lastReminderDate !== null && invoice.lastReminderDate >= today) return null;
  const last = Number.isInteger(invoice.lastStep) ? Math.max(0, invoice.lastStep) : 0;
  const step = last + 1;
  const offset = offsets[step - 1];
  if (step > 3 || offset === undefined) return null;
  if (daysBetween(invoice.dueDate, today) < offset) return null;
  if (last > 0 && invoice.lastReminderDate !== null) {
    const gap = Math.min(offset - (offsets[last - 1] ?? 0), MIN_DAYS_BETWEEN);
    if (daysBetween(invoice.lastReminderDate, today) < gap) return null;
  }
  return step as ReminderStep;
}

export type OffsetsParse =
  | { readonly ok: true; readonly value: number[] }
  | {
      readonly ok: false;
      readonly reason: 'empty' | 'format' | 'range' | 'order';
      readonly message: Text;
    };

/**
 * Reads the 督促のタイミング setting: one to three whole numbers of days after the due date,
 * strictly increasing, each 1–365, separated by commas, 、, ・, / or spaces, full-width or not
 * ("1, 14, 30", "１，１４，３０", "1日・14日・30日").
 */
export function parseReminderOffsets(input: string): OffsetsParse {
  const s = input.normalize('NFKC').trim();
  const example = '例: 1, 14, 30';
  if (s === '') {
    return {
      ok: false,
      reason: 'empty',
      message: text(
        `督促のタイミングが空です(${example})`,
        'No reminder days entered (e.g. 1, 14, 30)',
      ),
    };
  }
  const parts = s.split(/[\s,、・/]+/).filter(Boolean);
  const values: number[] = [];
  for (const part of parts) {
    const m = /^(\d{1,4})(?:日後?|days?)?$/i.exec(part);
    if (!m) {
      return {
        ok: false,
        reason: 'format',
        message: text(
          `督促のタイミング「${input}」の「${part}」を読み取れません。日数を1〜3個、カンマ区切りで(${example})`,
          `Could not read "${part}" in the reminder days "${input}": one to three day counts separated by commas (e.g. 1, 14, 30)`,
        ),
      };
    }
    values.push(Number(m[1]));
  }
  if (values.length > 3 || values.some((v) => v < 1 || v > MAX_OFFSET)) {
    return {
      ok: false,
      reason: 'range',
      message: text(
        `督促のタイミング「${input}」: 1〜365日の日数を1〜3個にしてください(${example})`,
        `Reminder days "${input}": give one to three numbers of days, each 1–365 (e.g. 1, 14, 30)`,
      ),
    };
  }
  if (values.some((v, i) => i > 0 && v <= (values[i - 1] ?? 0))) {
    return {
      ok: false,
      reason: 'order',
      message: text(
        `督促のタイミング「${input}」: 日数は1回目<2回目<3回目の順に大きくしてください`,
        `Reminder days "${input}": each step must come later than the one before`,
      ),
    };
  }
  return { ok: true, value: values };
}
