import { addDays, type DateKey, tokyoDateKey } from '../../core/dates';
import { htmlToText, readDueDate, suggestTaskTitle } from '../../core/dueDate';
import {
  BODY_READ_LIMIT,
  cleanText,
  clip,
  mailTaskKey,
  mailTaskNotes,
  NOTES_LIMIT,
  TITLE_LIMIT,
} from '../../core/mailTask';
import { oneLine } from '../../core/normalize';
import type { Lang, Text } from '../../core/text';
import type { OpenMail } from '../../services/gmailMessage';

/** What the card offers for a mail: everything editable before the task is made. */
export interface MailTaskSuggestion {
  readonly messageId: string;
  readonly key: string;
  readonly title: string;
  readonly due: DateKey | null;
  readonly time?: string;
  /** The mail's words that decided the date. */
  readonly matched?: string;
  /** Bilingual notes to check (a weekday that does not match the date, a past date…). */
  readonly dueNotes: readonly Text[];
  readonly notes: string;
  readonly from: string;
  readonly subject: string;
  readonly link: string;
  /** The body was empty: nothing but the subject could be read. */
  readonly emptyBody: boolean;
}

/** HTML bodies are cut before conversion so a huge mail costs no more than a normal one. */
const HTML_READ_LIMIT = 10 * BODY_READ_LIMIT;

/** `2026/11/24 10:30` in Japan. */
export function tokyoDateTimeText(d: Date): string {
  const key = tokyoDateKey(d);
  const shifted = new Date(d.getTime() + 9 * 3600_000);
  const hh = String(shifted.getUTCHours()).padStart(2, '0');
  const mm = String(shifted.getUTCMinutes()).padStart(2, '0');
  return `${key.replace(/-/g, '/')} ${hh}:${mm}`;
}

/** The task a mail suggests: title, due date read from it, notes with the sender and a link. */
export function suggestMailTask(mail: OpenMail, lang: Lang): MailTaskSuggestion {
  const raw = mail.html ? htmlToText(mail.body.slice(0, HTML_READ_LIMIT)) : mail.body;
  const body = cleanText(raw.slice(0, BODY_READ_LIMIT));
  const subject = oneLine(mail.subject);
  const date = mail.date instanceof Date && !Number.isNaN(mail.date.getTime()) ? mail.date : null;
  const reading = date ? readDueDate(body, date, { subject }) : null;
  const title = clip(oneLine(suggestTaskTitle(subject, body)), TITLE_LIMIT);
  const notes = mailTaskNotes(
    {
      from: mail.from,
      subject,
      dateText: date ? tokyoDateTimeText(date) : '',
      link: mail.link,
      ...(reading?.matched ? { matched: reading.matched } : {}),
      ...(reading?.time ? { time: reading.time } : {}),
    },
    lang,
  );
  return {
    messageId: mail.messageId,
    key: mailTaskKey(mail.messageId),
    title,
    due: reading?.date ?? null,
    ...(reading?.time ? { time: reading.time } : {}),
    ...(reading?.matched ? { matched: clip(oneLine(reading.matched), 120) } : {}),
    dueNotes: reading?.notes ?? [],
    notes: clip(notes, NOTES_LIMIT),
    from: oneLine(mail.from),
    subject,
    link: mail.link,
    emptyBody: body === '',
  };
}

/** Today and tomorrow in Japan, for the homepage. */
export function todayInTokyo(now: Date): { today: DateKey; tomorrow: DateKey } {
  const today = tokyoDateKey(now);
  return { today, tomorrow: addDays(today, 1) };
}
