/**
 * How a proposal is written in the 日程調整 sheet so the owner can read it and Pokke can read it
 * back: one slot per line, `2026/11/30 14:00-15:00` (Japan time), and the calendar event ids
 * Pokke chooses for its holds and its meeting, so a retried run finds what it made instead of
 * making it again.
 */
import { dateKey, tokyoDateKey, tokyoInstant } from '../dates';
import { utf8Bytes } from '../mime';
import { MINUTE_MS, type Slot } from './slot';
import { clockTime } from './workingHours';

const LINE =
  /^\s*(\d{4})\/(\d{1,2})\/(\d{1,2})(?:\([^)]*\))?\s+(\d{1,2}):(\d{2})\s*[-〜～]\s*(\d{1,2}):(\d{2})\s*$/;

/** `2026/11/30 14:00-15:00`: a slot as one line of a cell. */
export function slotCellLine(slot: Slot): string {
  const day = tokyoDateKey(new Date(slot.start));
  const midnight = tokyoInstant(day).getTime();
  const minute = (t: number) => Math.round((t - midnight) / MINUTE_MS);
  return `${day.replace(/-/g, '/')} ${clockTime(minute(slot.start))}-${clockTime(minute(slot.end))}`;
}

/** The slots as the cell's lines. */
export function slotsCell(slots: readonly Slot[]): string {
  return slots.map(slotCellLine).join('\n');
}

/** One line back into a slot, or null when it is not in the form `slotCellLine` writes. */
export function parseSlotLine(line: string): Slot | null {
  const m = LINE.exec(line);
  if (!m) return null;
  const [y, mo, d, sh, sm, eh, em] = m.slice(1).map(Number) as number[];
  let day: ReturnType<typeof dateKey>;
  try {
    day = dateKey(y!, mo!, d!);
  } catch {
    return null;
  }
  const start = sh! * 60 + sm!;
  const end = eh! * 60 + em!;
  if (sm! > 59 || em! > 59 || start >= end || end > 24 * 60) return null;
  const midnight = tokyoInstant(day).getTime();
  return { start: midnight + start * MINUTE_MS, end: midnight + end * MINUTE_MS };
}

/** Every slot of a cell, or null when a non-empty line cannot be read (the owner edited it). */
export function parseSlotsCell(cell: string): Slot[] | null {
  const slots: Slot[] = [];
  for (const line of cell.split(/\r\n?|\n/)) {
    if (line.trim() === '') continue;
    const slot = parseSlotLine(line);
    if (!slot) return null;
    slots.push(slot);
  }
  return slots;
}

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** The bytes of `s` (UTF-8) in base32hex, lower case: the characters Calendar allows in an id. */
function base32hex(s: string): string {
  const bytes = utf8Bytes(s);
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const b of bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32HEX[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * The id of the hold Pokke places on `slot` for the proposal made at `createdMs` from the mail
 * `messageId`: always the same for the same hold (Calendar refuses a second event with it), and
 * never the same for another proposal or slot.
 */
export function holdEventId(messageId: string, createdMs: number, slot: Slot): string {
  return `ph${base32hex(`${messageId}|${createdMs}|${slot.start}|${slot.end}`)}`;
}

/** The id of the meeting event made on confirming when no hold could be turned into it. */
export function meetingEventId(messageId: string, createdMs: number): string {
  return `pm${base32hex(`${messageId}|${createdMs}`)}`;
}
