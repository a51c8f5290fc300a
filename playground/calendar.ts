/**
 * The playground's Calendar: the demo calendars (playground/demo/calendar.json) in the emulated
 * Calendar advanced service, and the week the Calendar pane shows (Mon–Sun of the virtual
 * clock's week, moved by whole weeks), in the workspace's zone (Asia/Tokyo), Japanese holidays
 * named, in the account's language (language.ts). Reading the emulator's records never counts as a service call.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarAdvancedEmulator } from '../emulator/services/advanced/calendar';
import { fromWallClock, wallClock } from '../emulator/services/spreadsheet/time';
import type { Workspace } from '../emulator/workspace';
import { holidayName } from '../src/core/businessDays';
import { dateKey } from '../src/core/dates';
import { accountLang, holidayIn, type Lang } from './language';
import type { CalendarDayView, CalendarEventView, CalendarWeekView } from './protocol';

interface DemoCalendar {
  calendars?: { id: string; name: string }[];
  events?: ({ calendarId: string } & Record<string, unknown>)[];
}

const WEEKDAYS: Record<Lang, readonly string[]> = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const ALL_DAY: Record<Lang, string> = { ja: '終日', en: 'all day' };
const DAY_MS = 86_400_000;

export function calendarOf(ws: Workspace): CalendarAdvancedEmulator {
  return ws.advanced<CalendarAdvancedEmulator>('calendar');
}

/** Puts the demo calendars and their events in the emulated Calendar. */
export function seedDemoCalendar(ws: Workspace, demoDir: string): void {
  const file = join(demoDir, 'calendar.json');
  if (!existsSync(file)) return;
  const demo = JSON.parse(readFileSync(file, 'utf8')) as DemoCalendar;
  const cal = calendarOf(ws);
  for (const c of demo.calendars ?? []) cal.addCalendar(c.id, c.name);
  for (const { calendarId, ...resource } of demo.events ?? []) cal.addEvent(calendarId, resource);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** `11/23(月)`, or `Mon 11/23` in English. */
function dateLabel(month: number, day: number, weekday: number, lang: Lang): string {
  const name = WEEKDAYS[lang][weekday];
  return lang === 'en' ? `${name} ${month}/${day}` : `${month}/${day}(${name})`;
}

function dayLabel(ms: number, tz: string, lang: Lang): string {
  const w = wallClock(ms, tz);
  return dateLabel(w.month, w.day, w.weekday, lang);
}

function hhmm(ms: number, tz: string): string {
  const w = wallClock(ms, tz);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Every event as the pane shows it (cancelled ones included). */
export function calendarEvents(ws: Workspace): CalendarEventView[] {
  const cal = calendarOf(ws);
  const tz = ws.timeZone;
  const lang = accountLang(ws);
  const day = (ms: number) => dayLabel(ms, tz, lang);
  return cal.allEvents().map((e) => {
    const range = cal.rangeOf(e.id) ?? { start: 0, end: 0 };
    const allDay = e.start.date !== undefined;
    const lastDay = allDay ? range.end - DAY_MS : range.end;
    let when: string;
    if (allDay) {
      when =
        range.end - range.start > DAY_MS
          ? `${day(range.start)}–${day(lastDay)} ${ALL_DAY[lang]}`
          : `${day(range.start)} ${ALL_DAY[lang]}`;
    } else {
      const sameDay = day(range.start) === day(range.end);
      when = `${day(range.start)} ${hhmm(range.start, tz)}–${sameDay ? '' : `${day(range.end)} `}${hhmm(range.end, tz)}`;
    }
    return {
      id: e.id,
      calendarId: e.calendarId,
      calendar: e.calendarName,
      own: e.calendarId === cal.primaryId,
      summary: e.summary ?? '',
      location: e.location ?? '',
      status: e.status,
      transparent: e.transparency === 'transparent',
      allDay,
      start: range.start,
      end: range.end,
      when,
      seeded: e.seeded,
      ...(e.colorId ? { colorId: e.colorId } : {}),
    };
  });
}

/** The week (Mon–Sun) `offset` weeks from the one holding `now`, in `ws.timeZone`. */
export function calendarWeek(ws: Workspace, offset = 0): CalendarWeekView {
  const tz = ws.timeZone;
  const lang = accountLang(ws);
  const now = wallClock(ws.clock.now(), tz);
  const today = dateKey(now.year, now.month, now.day) as string;
  // Monday of this week, then whole weeks (calendar arithmetic on UTC dates: no zone involved).
  const mondayUtc =
    Date.UTC(now.year, now.month - 1, now.day) -
    ((now.weekday + 6) % 7) * DAY_MS +
    offset * 7 * DAY_MS;
  const events = calendarEvents(ws).filter((e) => e.status !== 'cancelled');
  const days: CalendarDayView[] = [];
  for (let i = 0; i < 7; i++) {
    const d = new Date(mondayUtc + i * DAY_MS);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const key = dateKey(y, m, day);
    const from = fromWallClock(tz, y, m, day);
    const next = new Date(mondayUtc + (i + 1) * DAY_MS);
    const to = fromWallClock(tz, next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
    const onDay = events
      .filter((e) => e.start < to && (e.end > from || (e.end === e.start && e.start === from)))
      .sort((a, b) => Number(b.allDay) - Number(a.allDay) || a.start - b.start || a.end - b.end)
      .map((e) => ({
        ...e,
        time: e.allDay
          ? ALL_DAY[lang]
          : `${e.start < from ? '…' : hhmm(e.start, tz)}–${e.end > to ? '…' : hhmm(e.end, tz)}`,
      }));
    const holiday = holidayName(key);
    days.push({
      date: key,
      label: dateLabel(m, day, d.getUTCDay(), lang),
      weekday: d.getUTCDay(),
      holiday: holiday === null ? null : holidayIn(holiday, lang),
      today: key === today,
      events: onDay,
    });
  }
  return { offset, weekStart: days[0]?.date ?? today, days };
}

/** The events the bundle made (not the demo data), for the outbox. */
export function createdEvents(ws: Workspace): CalendarEventView[] {
  return calendarEvents(ws).filter((e) => !e.seeded);
}
