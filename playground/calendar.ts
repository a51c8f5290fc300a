/**
 * The playground's Calendar: the demo calendars (playground/demo/calendar.json) in the emulated
 * Calendar advanced service, and the week the Calendar pane shows (Mon–Sun of the virtual
 * clock's week, moved by whole weeks), in the workspace's zone (Asia/Tokyo), Japanese holidays
 * named. Reading the emulator's records never counts as a service call.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CalendarAdvancedEmulator } from '../emulator/services/advanced/calendar';
import { fromWallClock, wallClock } from '../emulator/services/spreadsheet/time';
import type { Workspace } from '../emulator/workspace';
import { holidayName } from '../src/core/businessDays';
import { dateKey } from '../src/core/dates';
import type { CalendarDayView, CalendarEventView, CalendarWeekView } from './protocol';

interface DemoCalendar {
  calendars?: { id: string; name: string }[];
  events?: ({ calendarId: string } & Record<string, unknown>)[];
}

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
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

function dayLabel(ms: number, tz: string): string {
  const w = wallClock(ms, tz);
  return `${w.month}/${w.day}(${WEEKDAYS[w.weekday]})`;
}

function hhmm(ms: number, tz: string): string {
  const w = wallClock(ms, tz);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** Every event as the pane shows it (cancelled ones included). */
export function calendarEvents(ws: Workspace): CalendarEventView[] {
  const cal = calendarOf(ws);
  const tz = ws.timeZone;
  return cal.allEvents().map((e) => {
    const range = cal.rangeOf(e.id) ?? { start: 0, end: 0 };
    const allDay = e.start.date !== undefined;
    const lastDay = allDay ? range.end - DAY_MS : range.end;
    let when: string;
    if (allDay) {
      when =
        range.end - range.start > DAY_MS
          ? `${dayLabel(range.start, tz)}–${dayLabel(lastDay, tz)} 終日`
          : `${dayLabel(range.start, tz)} 終日`;
    } else {
      const sameDay = dayLabel(range.start, tz) === dayLabel(range.end, tz);
      when = `${dayLabel(range.start, tz)} ${hhmm(range.start, tz)}–${sameDay ? '' : `${dayLabel(range.end, tz)} `}${hhmm(range.end, tz)}`;
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
          ? '終日'
          : `${e.start < from ? '…' : hhmm(e.start, tz)}–${e.end > to ? '…' : hhmm(e.end, tz)}`,
      }));
    days.push({
      date: key,
      label: `${m}/${day}(${WEEKDAYS[d.getUTCDay()]})`,
      weekday: d.getUTCDay(),
      holiday: holidayName(key),
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
