import { UserError } from '../core/text';

/**
 * The owner's Google Calendar through the Calendar advanced service (`Calendar`, v3, enabled in
 * appsscript.json, scope calendar.events). Events Pokke makes carry private extended properties
 * `pokke=1` and `pokkeKey`, so they can be found again instead of being made twice.
 */

export interface CalendarEventInput {
  readonly summary: string;
  readonly description: string;
  /** YYYY-MM-DD. */
  readonly day: string;
  /** `HH:MM` start and end in Asia/Tokyo; none for an all-day event. */
  readonly time?: { readonly start: string; readonly end: string };
  readonly key: string;
}

export interface CalendarEventRef {
  readonly id: string;
  readonly url: string;
  readonly key: string;
}

const PRIMARY = 'primary';
const MARK = 'pokke';
const ZONE = 'Asia/Tokyo';

/** The Calendar advanced service, or a message saying it is not enabled. */
export function calendarService(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined' || !Calendar) {
    throw new UserError(
      'Google カレンダーが有効になっていません',
      'The Google Calendar service is not enabled for Pokke',
    );
  }
  return Calendar;
}

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Creates one event (one call). */
export function insertEvent(input: CalendarEventInput): CalendarEventRef {
  const when = input.time
    ? {
        start: { dateTime: `${input.day}T${input.time.start}:00+09:00`, timeZone: ZONE },
        end: { dateTime: `${input.day}T${input.time.end}:00+09:00`, timeZone: ZONE },
      }
    : { start: { date: input.day }, end: { date: nextDay(input.day) } };
  const event = calendarService().Events!.insert(
    {
      summary: input.summary,
      description: input.description,
      ...when,
      transparency: input.time ? 'opaque' : 'transparent',
      extendedProperties: { private: { [MARK]: '1', pokkeKey: input.key } },
    },
    PRIMARY,
  );
  return { id: String(event.id ?? ''), url: String(event.htmlLink ?? ''), key: input.key };
}

/** Pokke's events between two days (inclusive), by key: one call (a page of up to 250). */
export function pokkeEventsBetween(from: string, to: string): Map<string, CalendarEventRef> {
  const page = calendarService().Events!.list(PRIMARY, {
    timeMin: `${from}T00:00:00+09:00`,
    timeMax: `${nextDay(to)}T00:00:00+09:00`,
    singleEvents: true,
    maxResults: 250,
    // The API filters on name=value pairs only: every Pokke event carries the same mark.
    privateExtendedProperty: `${MARK}=1`,
  });
  const found = new Map<string, CalendarEventRef>();
  for (const e of page.items ?? []) {
    const key = e.extendedProperties?.private?.pokkeKey;
    if (key && e.status !== 'cancelled')
      found.set(key, { id: String(e.id ?? ''), url: String(e.htmlLink ?? ''), key });
  }
  return found;
}
