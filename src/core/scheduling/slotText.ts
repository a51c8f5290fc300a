/**
 * Candidate times as people write them in a mail: `・11月28日(金) 14:00〜15:00` in Japanese,
 * `- Fri, Nov 28, 14:00–15:00 (JST)` in English. Always Japan time, whatever the runtime's zone.
 */
import { MONTH_NAMES_EN, WEEKDAY_NAMES_EN } from '../calendarNames';
import { type DateKey, dateParts, tokyoDateKey, tokyoInstant, weekday, weekdayJa } from '../dates';
import { type Lang, type Text, text } from '../text';
import { MINUTE_MS, type Slot } from './slot';
import { clockTime } from './workingHours';

const abbr = (name: string) => name.slice(0, 3);

/** `11月28日(金)` / `Fri, Nov 28`. */
export function shortDate(key: DateKey, lang: Lang): string {
  const { month, day } = dateParts(key);
  if (lang === 'ja') return `${month}月${day}日(${weekdayJa(key)})`;
  return `${abbr(WEEKDAY_NAMES_EN[weekday(key)]!)}, ${abbr(MONTH_NAMES_EN[month - 1]!)} ${day}`;
}

/** `9:00`, `14:00` style times of the slot, the end counted from the start's midnight (so `24:00`). */
function times(slot: Slot): { day: DateKey; start: string; end: string } {
  const day = tokyoDateKey(new Date(slot.start));
  const midnight = tokyoInstant(day).getTime();
  const minute = (t: number) => Math.round((t - midnight) / MINUTE_MS);
  const hhmm = (t: number) => clockTime(minute(t));
  return { day, start: hhmm(slot.start), end: hhmm(slot.end) };
}

/** `11月28日(金) 14:00〜15:00` / `Fri, Nov 28, 14:00–15:00 (JST)`: a slot in one language. */
export function slotLabelIn(slot: Slot, lang: Lang): string {
  const t = times(slot);
  return lang === 'ja'
    ? `${shortDate(t.day, 'ja')} ${t.start}〜${t.end}`
    : `${shortDate(t.day, 'en')}, ${t.start}–${t.end} (JST)`;
}

/** The slot in both languages, for a card in the owner's language. */
export function slotLabel(slot: Slot): Text {
  return text(slotLabelIn(slot, 'ja'), slotLabelIn(slot, 'en'));
}

/** A candidate line of a mail: `・11月28日(金) 14:00〜15:00` / `- Fri, Nov 28, 14:00–15:00 (JST)`. */
export function slotLine(slot: Slot, lang: Lang): string {
  return `${lang === 'ja' ? '・' : '- '}${slotLabelIn(slot, lang)}`;
}

/** `1時間30分` / `1 hour 30 minutes`, `45分` / `45 minutes`. */
export function durationText(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (lang === 'ja') return `${h > 0 ? `${h}時間` : ''}${m > 0 || h === 0 ? `${m}分` : ''}`;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [h > 0 && unit(h, 'hour'), (m > 0 || h === 0) && unit(m, 'minute')]
    .filter(Boolean)
    .join(' ');
}
