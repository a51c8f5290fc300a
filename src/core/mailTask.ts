/**
 * Pure rules of "mail → task": the idempotency key, the notes written with a task, reading a
 * workbook reference pasted by the owner, and text made safe for a card. No Apps Script global.
 */
import type { DateKey } from './dates';
import { escapeHtml } from './html';
import { oneLine } from './normalize';
import { type Lang, quoted, sayIn } from './text';

/** The タスク sheet's key of the task made from one mail (one task per mail). */
export function mailTaskKey(messageId: string): string {
  return `mail:${messageId}`;
}

/** Gmail message ids are hexadecimal; Apps Script's ids are 16 hex digits (longer ones allowed). */
export const MESSAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** How much of a mail body is read for a due date and shown: the request is near the top. */
export const BODY_READ_LIMIT = 20_000;

/** Task title limit (Google Tasks allows 1,024; a card line stays readable at this length). */
export const TITLE_LIMIT = 200;

/** Notes limit (Google Tasks allows 8,192). */
export const NOTES_LIMIT = 2_000;

/** Cuts `text` to `max` characters (whole code points), marking the cut with an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

// C0/C1 controls other than tab and newline: never meaningful in a note.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Multi-line text: controls dropped, line breaks normalised, trimmed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** The notes prefilled for a task made from a mail: who sent it, when, what decided the date, the link. */
export function mailTaskNotes(
  mail: {
    from: string;
    subject: string;
    dateText: string;
    link: string;
    matched?: string;
    time?: string;
  },
  lang: Lang,
): string {
  const t = sayIn(lang);
  const lines = [
    `${t('差出人', 'From')}: ${oneLine(mail.from)}`,
    `${t('受信', 'Received')}: ${mail.dateText}`,
    `${t('件名', 'Subject')}: ${clip(oneLine(mail.subject), 200)}`,
  ];
  if (mail.time) lines.push(`${t('時刻', 'Time')}: ${mail.time}`);
  if (mail.matched)
    lines.push(
      `${t('期限の根拠', 'Due because')}: ${quoted(clip(oneLine(mail.matched), 120), lang)}`,
    );
  lines.push(`${t('メール', 'Mail')}: ${mail.link}`);
  return lines.join('\n');
}

/**
 * The spreadsheet id in what the owner pasted: a Sheets URL (`…/spreadsheets/d/<id>/…`) or a
 * bare id. Null when it is neither.
 */
export function parseWorkbookRef(text: string): string | null {
  const t = text.trim();
  const url =
    /^https:\/\/docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/([A-Za-z0-9_-]{20,})(?:[/?#]|$)/.exec(
      t,
    );
  if (url) return url[1] ?? null;
  if (/^[A-Za-z0-9_-]{25,}$/.test(t)) return t;
  return null;
}

/** The address of a spreadsheet (and of one row of a sheet, when given). */
export function workbookUrl(id: string, row?: { sheetId: number; row: number }): string {
  const base = `https://docs.google.com/spreadsheets/d/${id}/edit`;
  return row ? `${base}#gid=${row.sheetId}&range=A${row.row}` : base;
}

/**
 * Text from a mail or a cell as card text: CardService reads a subset of HTML in text widgets,
 * so everything is escaped and line breaks become `<br>`.
 */
export function cardText(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/** A DatePicker's value (midnight UTC of the chosen day) as a date; null when not a date. */
export function pickerDateKey(msSinceEpoch: number): DateKey | null {
  if (!Number.isFinite(msSinceEpoch)) return null;
  const d = new Date(msSinceEpoch);
  if (Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  if (y < 1900 || y > 9999) return null;
  return d.toISOString().slice(0, 10) as DateKey;
}

/** The DatePicker value for a date: midnight UTC of that day. */
export function pickerValue(key: DateKey): number {
  return Date.parse(`${key}T00:00:00.000Z`);
}

/** Google Tasks' `due` for a date (the API keeps the date only). */
export function tasksDue(key: DateKey): string {
  return `${key}T00:00:00.000Z`;
}
