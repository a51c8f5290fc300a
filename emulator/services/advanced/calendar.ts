import { createHash } from 'node:crypto';
import { API_NAME } from '../../core/instrument';
import type { Workspace } from '../../workspace';
import { fromWallClock, isCalendarDate, offsetAt, wallClock } from '../spreadsheet/time';
import { apiError, pageToken, readPageToken, requireScope } from './common';

/**
 * The Google Calendar advanced service (`Calendar`, Calendar API v3), in memory.
 *
 * Emulated: `Calendar.Events.insert/list/get/patch/update/remove`, `Calendar.CalendarList.list`,
 * `Calendar.Freebusy.query` and the `new*` constructors. Resources follow
 * developers.google.com/calendar/api/v3/reference/events: `kind`, `etag` (a quoted number),
 * `id` (base32hex, 5–1,024 characters; a client may choose it on insert), `status`
 * (`confirmed` | `tentative` | `cancelled`), `htmlLink`, `created`, `updated`, `summary`,
 * `description`, `location`, `colorId` ('1'–'11'), `creator` and `organizer` (the workspace user,
 * `self: true`, on the user's calendar), `start`/`end` as `{date}` (all-day; the end date is
 * exclusive) or `{dateTime, timeZone?}`, `transparency`, `visibility`, `iCalUID`
 * (`<id>@google.com`), `sequence`, `attendees`, `extendedProperties.{private,shared}`,
 * `reminders`, `eventType`. The user's calendar has the user's e-mail as id, `'primary'` stands
 * for it; its time zone is the workspace's.
 *
 * Behaviour modelled (from the reference): `list` returns events whose end is after `timeMin` and
 * whose start is before `timeMax` (both RFC 3339 with an offset), cancelled ones only with
 * `showDeleted`; `orderBy: 'startTime'` needs `singleEvents: true`; `q` matches every word in the
 * summary, description, location, organizer and attendees (the emulator: case-insensitive
 * substrings; Google's own word matching is unconfirmed); `privateExtendedProperty` /
 * `sharedExtendedProperty` (`'key=value'`, one or an array: all must match); at most 2,500 per
 * page (default 250), `nextPageToken` opaque; `items` is present even when empty. Responses give
 * `dateTime` in the calendar's zone (or the request's `timeZone`). `remove` marks the event
 * cancelled (still readable by `get` and by `list` with `showDeleted`). `transparency` is only
 * returned when `transparent` (the API omits the default). Recurring events (`recurrence`) and
 * sync tokens are not modelled: the emulator refuses them. `nextSyncToken` is not returned.
 *
 * Errors are thrown as Apps Script reports advanced-service failures:
 * `GoogleJsonResponseException: API call to calendar.events.insert failed with error: Missing end
 * time.`. Wordings taken as the API is reported to give them: "Not Found", "Missing end time.",
 * "The specified time range is empty.", "Start and end times must either both be date or both be
 * dateTime.", "Missing time zone definition for start time.", "Invalid resource id value.",
 * "The requested identifier already exists.", "Resource has been deleted", "The requested ordering
 * is not available for the particular query.", "You need to have writer access to this
 * calendar.". Unconfirmed (the emulator's choice): "Missing start time.", "Invalid start time." /
 * "Invalid end time.", "Invalid Value" for bad enum values, colours, page tokens and
 * maxResults, "Bad Request" for an unreadable timeMin/timeMax, "You need to have reader access to
 * this calendar." for a free/busy-only calendar, and which scopes each method accepts (below).
 *
 * Emulator-only (uncounted, on the raw object): `allEvents()`, `addCalendar(id, name, role?)`,
 * `addEvent(calendarId, resource)` (demo data: other people's busy times), `primaryId`.
 */

export interface EventDateTime {
  date?: string;
  dateTime?: string;
  timeZone?: string;
}

export interface EventPerson {
  email?: string;
  displayName?: string;
  self?: boolean;
}

export interface EventAttendee extends EventPerson {
  responseStatus?: 'needsAction' | 'declined' | 'tentative' | 'accepted';
  optional?: boolean;
  organizer?: boolean;
}

export interface ExtendedProperties {
  private?: Record<string, string>;
  shared?: Record<string, string>;
}

/** An event as the API returns it. */
export interface CalendarEventResource {
  kind: 'calendar#event';
  etag: string;
  id: string;
  status: EventStatus;
  htmlLink: string;
  created: string;
  updated: string;
  summary?: string;
  description?: string;
  location?: string;
  colorId?: string;
  creator: EventPerson;
  organizer: EventPerson;
  start: EventDateTime;
  end: EventDateTime;
  transparency?: 'transparent';
  visibility?: string;
  iCalUID: string;
  sequence: number;
  attendees?: EventAttendee[];
  extendedProperties?: ExtendedProperties;
  reminders: { useDefault: boolean };
  eventType: 'default';
}

export interface CalendarEvents {
  kind: 'calendar#events';
  etag: string;
  summary: string;
  updated: string;
  timeZone: string;
  accessRole: AccessRole;
  defaultReminders: { method: string; minutes: number }[];
  items: CalendarEventResource[];
  nextPageToken?: string;
}

export interface CalendarListEntry {
  kind: 'calendar#calendarListEntry';
  etag: string;
  id: string;
  summary: string;
  timeZone: string;
  colorId: string;
  backgroundColor: string;
  foregroundColor: string;
  selected: boolean;
  accessRole: AccessRole;
  defaultReminders: { method: string; minutes: number }[];
  primary?: true;
}

export interface FreeBusyRequest {
  timeMin?: string;
  timeMax?: string;
  timeZone?: string;
  items?: { id?: string }[];
}

export interface FreeBusyResponse {
  kind: 'calendar#freeBusy';
  timeMin: string;
  timeMax: string;
  calendars: Record<
    string,
    { busy: { start: string; end: string }[]; errors?: { domain: string; reason: string }[] }
  >;
}

type EventStatus = 'confirmed' | 'tentative' | 'cancelled';
export type AccessRole = 'owner' | 'writer' | 'reader' | 'freeBusyReader';

export const CALENDAR_LIMITS = {
  eventsPageDefault: 250,
  eventsPageMax: 2500,
  idMin: 5,
  idMax: 1024,
} as const;

export const CALENDAR_ERRORS = {
  notFound: 'Not Found',
  deleted: 'Resource has been deleted',
  missingStart: 'Missing start time.', // unconfirmed
  missingEnd: 'Missing end time.',
  invalidStart: 'Invalid start time.', // unconfirmed
  invalidEnd: 'Invalid end time.', // unconfirmed
  emptyRange: 'The specified time range is empty.',
  mixed: 'Start and end times must either both be date or both be dateTime.',
  startZone: 'Missing time zone definition for start time.',
  endZone: 'Missing time zone definition for end time.',
  invalidId: 'Invalid resource id value.',
  duplicateId: 'The requested identifier already exists.',
  ordering: 'The requested ordering is not available for the particular query.',
  writer: 'You need to have writer access to this calendar.',
  reader: 'You need to have reader access to this calendar.', // unconfirmed
  invalidValue: 'Invalid Value', // unconfirmed for each case
  badRequest: 'Bad Request', // unconfirmed
} as const;

// Scopes each method accepts (recalled from the reference pages; unconfirmed in detail).
const WRITE_SCOPES = ['calendar', 'calendar.events', 'calendar.events.owned'];
const READ_SCOPES = [
  ...WRITE_SCOPES,
  'calendar.readonly',
  'calendar.events.readonly',
  'calendar.events.owned.readonly',
];
const LIST_SCOPES = [
  'calendar',
  'calendar.readonly',
  'calendar.calendarlist',
  'calendar.calendarlist.readonly',
];
// developers.google.com/workspace/calendar/api/v3/reference/freebusy/query#auth lists exactly
// these four: calendar.events (Pokke's routine blocks) does not reach free/busy.
const FREEBUSY_SCOPES = [
  'calendar',
  'calendar.readonly',
  'calendar.freebusy',
  'calendar.events.freebusy',
];

/** RFC 3339 date-time with a mandatory offset (timeMin, timeMax, freebusy). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;
/** An event's dateTime: the offset may be left out when a timeZone is given. */
const LOCAL_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const BASE32HEX_ID = /^[a-v0-9]+$/;

interface StoredCalendar {
  id: string;
  summary: string;
  timeZone: string;
  accessRole: AccessRole;
  colorId: string;
  backgroundColor: string;
  primary: boolean;
}

/** The time of an event: all-day (dates) or timed (instants), with the instants for filtering. */
type When =
  | { allDay: true; startDate: string; endDate: string }
  | {
      allDay: false;
      startMs: number;
      endMs: number;
      startZone?: string;
      endZone?: string;
    };

interface StoredEvent {
  id: string;
  calendarId: string;
  seq: number;
  seeded: boolean;
  status: EventStatus;
  summary?: string;
  description?: string;
  location?: string;
  colorId?: string;
  visibility?: string;
  transparent: boolean;
  when: When;
  attendees?: EventAttendee[];
  extendedProperties?: ExtendedProperties;
  creator: EventPerson;
  organizer: EventPerson;
  created: number;
  updated: number;
  etagSeq: number;
  sequence: number;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function offsetText(offsetMs: number): string {
  if (offsetMs === 0) return 'Z';
  const sign = offsetMs < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/** `2026-11-25T10:00:00+09:00`: an instant on the wall clock of `timeZone`. */
export function formatDateTime(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  const p = (n: number, l = 2) => String(n).padStart(l, '0');
  return `${p(w.year, 4)}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}:${p(w.second)}${offsetText(offsetAt(ms, timeZone))}`;
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function startOfDate(date: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return fromWallClock(timeZone, y, m, d);
}

function hash(seed: string): Buffer {
  return createHash('sha256').update(seed).digest();
}

/** 26 base32hex characters (0-9, a-v), as the ids Calendar makes. */
function base32hexId(seed: string): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuv';
  const bytes = hash(seed);
  let out = '';
  for (let i = 0; i < 26; i++) out += alphabet[(bytes[i] ?? 0) % 32];
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

class CalendarStore {
  readonly calendars = new Map<string, StoredCalendar>();
  readonly events = new Map<string, StoredEvent>();
  readonly primaryId: string;
  private seq = 0;
  private etagCounter = 0;

  constructor(readonly ws: Workspace) {
    this.primaryId = ws.user.email;
    this.calendars.set(this.primaryId, {
      id: this.primaryId,
      summary: ws.user.email,
      timeZone: ws.timeZone,
      accessRole: 'owner',
      colorId: '14',
      backgroundColor: '#9fe1e7',
      primary: true,
    });
  }

  now(): number {
    return this.ws.clock.now();
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  nextEtag(): number {
    this.etagCounter += 1;
    return this.etagCounter;
  }

  newEventId(): string {
    return base32hexId(`${this.ws.user.email}:event:${this.seq + 1}:${this.now()}`);
  }

  calendar(method: string, id: unknown): StoredCalendar {
    const key = id === 'primary' ? this.primaryId : String(id ?? '');
    const cal = this.calendars.get(key);
    if (!cal) throw apiError(method, CALENDAR_ERRORS.notFound);
    return cal;
  }

  writable(method: string, id: unknown): StoredCalendar {
    const cal = this.calendar(method, id);
    if (cal.accessRole !== 'owner' && cal.accessRole !== 'writer') {
      throw apiError(method, CALENDAR_ERRORS.writer);
    }
    return cal;
  }

  readable(method: string, id: unknown): StoredCalendar {
    const cal = this.calendar(method, id);
    if (cal.accessRole === 'freeBusyReader') throw apiError(method, CALENDAR_ERRORS.reader);
    return cal;
  }

  event(method: string, cal: StoredCalendar, eventId: unknown): StoredEvent {
    const e = this.events.get(String(eventId ?? ''));
    if (!e || e.calendarId !== cal.id) throw apiError(method, CALENDAR_ERRORS.notFound);
    return e;
  }

  /** Where an event lies in time, as instants (all-day: midnights of the calendar's zone). */
  range(e: StoredEvent): { start: number; end: number } {
    if (!e.when.allDay) return { start: e.when.startMs, end: e.when.endMs };
    const tz = this.calendars.get(e.calendarId)?.timeZone ?? this.ws.timeZone;
    return { start: startOfDate(e.when.startDate, tz), end: startOfDate(e.when.endDate, tz) };
  }

  resource(e: StoredEvent, timeZone?: string): CalendarEventResource {
    const cal = this.calendars.get(e.calendarId) as StoredCalendar;
    const tz = timeZone ?? cal.timeZone;
    const w = e.when;
    const start: EventDateTime = w.allDay
      ? { date: w.startDate }
      : {
          dateTime: formatDateTime(w.startMs, tz),
          ...(w.startZone ? { timeZone: w.startZone } : {}),
        };
    const end: EventDateTime = w.allDay
      ? { date: w.endDate }
      : { dateTime: formatDateTime(w.endMs, tz), ...(w.endZone ? { timeZone: w.endZone } : {}) };
    // The address Calendar's web UI uses: eid = base64 of "<eventId> <calendarId>" (unconfirmed
    // in detail: Google shortens some calendar ids).
    const eid = Buffer.from(`${e.id} ${cal.id}`).toString('base64url');
    const etag = `"${e.updated}${String(e.etagSeq % 1000).padStart(3, '0')}"`;
    const ext = e.extendedProperties;
    return {
      kind: 'calendar#event',
      etag,
      id: e.id,
      status: e.status,
      htmlLink: `https://www.google.com/calendar/event?eid=${eid}`,
      created: iso(e.created),
      updated: iso(e.updated),
      ...(e.summary === undefined ? {} : { summary: e.summary }),
      ...(e.description === undefined ? {} : { description: e.description }),
      ...(e.location === undefined ? {} : { location: e.location }),
      ...(e.colorId === undefined ? {} : { colorId: e.colorId }),
      creator: { ...e.creator },
      organizer: { ...e.organizer },
      start,
      end,
      ...(e.transparent ? { transparency: 'transparent' as const } : {}),
      ...(e.visibility === undefined ? {} : { visibility: e.visibility }),
      iCalUID: `${e.id}@google.com`,
      sequence: e.sequence,
      ...(e.attendees ? { attendees: e.attendees.map((a) => ({ ...a })) } : {}),
      ...(ext
        ? {
            extendedProperties: {
              ...(ext.private ? { private: { ...ext.private } } : {}),
              ...(ext.shared ? { shared: { ...ext.shared } } : {}),
            },
          }
        : {}),
      reminders: { useDefault: true },
      eventType: 'default',
    };
  }

  /**
   * Applies a request body. `replace` (insert, update): every writable field is taken from the
   * body (absent ones cleared); otherwise (patch) only the fields present, the extended
   * properties merged key by key (a null value removes a key) and start/end replaced whole.
   */
  write(method: string, e: StoredEvent, resource: unknown, replace: boolean): void {
    if (!isPlainObject(resource)) throw apiError(method, CALENDAR_ERRORS.badRequest);
    const r = resource;
    if (r.recurrence !== undefined && r.recurrence !== null) {
      throw new Error('Calendar emulator: recurring events (recurrence) are not modelled');
    }
    const has = (k: string) => replace || k in r;
    const text = (k: string): string | undefined =>
      r[k] === undefined || r[k] === null ? undefined : String(r[k]);
    const next: StoredEvent = { ...e };
    if (has('summary')) next.summary = text('summary');
    if (has('description')) next.description = text('description');
    if (has('location')) next.location = text('location');
    if (has('visibility')) {
      const v = text('visibility');
      if (v !== undefined && !['default', 'public', 'private', 'confidential'].includes(v)) {
        throw apiError(method, CALENDAR_ERRORS.invalidValue);
      }
      next.visibility = v === 'default' ? undefined : v;
    }
    if (has('colorId')) {
      const c = text('colorId');
      if (c !== undefined && !/^(?:[1-9]|1[01])$/.test(c)) {
        throw apiError(method, CALENDAR_ERRORS.invalidValue);
      }
      next.colorId = c;
    }
    if (has('status')) {
      const s = text('status') ?? 'confirmed';
      if (s !== 'confirmed' && s !== 'tentative' && s !== 'cancelled') {
        throw apiError(method, CALENDAR_ERRORS.invalidValue);
      }
      next.status = s;
    }
    if (has('transparency')) {
      const t = text('transparency') ?? 'opaque';
      if (t !== 'opaque' && t !== 'transparent') {
        throw apiError(method, CALENDAR_ERRORS.invalidValue);
      }
      next.transparent = t === 'transparent';
    }
    if (has('attendees')) {
      const a = r.attendees;
      if (a === undefined || a === null) next.attendees = undefined;
      else if (!Array.isArray(a)) throw apiError(method, CALENDAR_ERRORS.invalidValue);
      else
        next.attendees = a.map((x) => {
          if (!isPlainObject(x) || typeof x.email !== 'string' || !x.email.includes('@')) {
            throw apiError(method, CALENDAR_ERRORS.invalidValue);
          }
          return {
            email: x.email,
            ...(typeof x.displayName === 'string' ? { displayName: x.displayName } : {}),
            ...(x.optional === true ? { optional: true } : {}),
            responseStatus:
              typeof x.responseStatus === 'string'
                ? (x.responseStatus as EventAttendee['responseStatus'])
                : 'needsAction',
            ...(x.email === this.ws.user.email ? { self: true } : {}),
          };
        });
    }
    if (has('extendedProperties')) {
      next.extendedProperties = extended(
        method,
        replace ? undefined : e.extendedProperties,
        r.extendedProperties,
      );
    }
    if (replace || 'start' in r || 'end' in r) {
      const when = this.when(method, r, e, replace);
      const moved = JSON.stringify(when) !== JSON.stringify(e.when);
      next.when = when;
      // Rescheduling a stored event raises its iCalendar SEQUENCE.
      if (moved && this.events.has(e.id)) next.sequence = e.sequence + 1;
    }
    next.updated = this.now();
    next.etagSeq = this.nextEtag();
    Object.assign(e, next);
  }

  /** Shared by insert and the emulator-only addEvent (demo data, another organizer). */
  create(method: string, cal: StoredCalendar, resource: unknown, seeded: boolean): StoredEvent {
    if (!isPlainObject(resource)) throw apiError(method, CALENDAR_ERRORS.badRequest);
    let id: string;
    if (resource.id !== undefined && resource.id !== null) {
      id = String(resource.id);
      if (
        id.length < CALENDAR_LIMITS.idMin ||
        id.length > CALENDAR_LIMITS.idMax ||
        !BASE32HEX_ID.test(id)
      ) {
        throw apiError(method, CALENDAR_ERRORS.invalidId);
      }
      if (this.events.has(id)) throw apiError(method, CALENDAR_ERRORS.duplicateId);
    } else {
      do id = this.newEventId();
      while (this.events.has(id));
    }
    const now = this.now();
    const user: EventPerson = { email: this.ws.user.email, self: true };
    const owner: EventPerson = cal.primary ? user : { email: cal.id, displayName: cal.summary };
    const e: StoredEvent = {
      id,
      calendarId: cal.id,
      seq: this.nextSeq(),
      seeded,
      status: 'confirmed',
      transparent: false,
      when: { allDay: true, startDate: '1970-01-01', endDate: '1970-01-02' },
      creator: seeded && !cal.primary ? { email: cal.id } : user,
      organizer: owner,
      created: now,
      updated: now,
      etagSeq: 0,
      sequence: 0,
    };
    this.write(method, e, resource, true);
    e.created = e.updated;
    this.events.set(id, e);
    return e;
  }

  /** Reads start/end (patch: the side not given keeps its stored value). */
  private when(method: string, r: Record<string, unknown>, e: StoredEvent, replace: boolean): When {
    const current = this.resource(e);
    const start = replace || 'start' in r ? r.start : current.start;
    const end = replace || 'end' in r ? r.end : current.end;
    if (!isPlainObject(start) || (start.date == null && start.dateTime == null)) {
      throw apiError(method, CALENDAR_ERRORS.missingStart);
    }
    if (!isPlainObject(end) || (end.date == null && end.dateTime == null)) {
      throw apiError(method, CALENDAR_ERRORS.missingEnd);
    }
    const startAllDay = start.date != null && start.dateTime == null;
    const endAllDay = end.date != null && end.dateTime == null;
    if (startAllDay !== endAllDay || (start.date != null && start.dateTime != null)) {
      throw apiError(method, CALENDAR_ERRORS.mixed);
    }
    if (startAllDay) {
      const s = readDate(start.date);
      const en = readDate(end.date);
      if (!s) throw apiError(method, CALENDAR_ERRORS.invalidStart);
      if (!en) throw apiError(method, CALENDAR_ERRORS.invalidEnd);
      // The end date is exclusive: an event of one day ends the next day.
      if (en <= s) throw apiError(method, CALENDAR_ERRORS.emptyRange);
      return { allDay: true, startDate: s, endDate: en };
    }
    const s = readDateTime(method, start, 'start');
    const en = readDateTime(method, end, 'end');
    if (en.ms < s.ms) throw apiError(method, CALENDAR_ERRORS.emptyRange);
    return {
      allDay: false,
      startMs: s.ms,
      endMs: en.ms,
      ...(s.zone ? { startZone: s.zone } : {}),
      ...(en.zone ? { endZone: en.zone } : {}),
    };
  }
}

function readDate(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const m = DATE.exec(v);
  if (!m) return null;
  return isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? v : null;
}

function readDateTime(
  method: string,
  v: Record<string, unknown>,
  side: 'start' | 'end',
): { ms: number; zone?: string } {
  const invalid = side === 'start' ? CALENDAR_ERRORS.invalidStart : CALENDAR_ERRORS.invalidEnd;
  const zone = v.timeZone === undefined || v.timeZone === null ? undefined : String(v.timeZone);
  if (zone !== undefined && !isTimeZone(zone)) {
    throw apiError(
      method,
      `Invalid time zone definition for ${side} time.`, // unconfirmed
    );
  }
  const m = typeof v.dateTime === 'string' ? LOCAL_DATE_TIME.exec(v.dateTime) : null;
  if (!m) throw apiError(method, invalid);
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) throw apiError(method, invalid);
  if (m[7]) {
    const ms = Date.parse(String(v.dateTime));
    if (Number.isNaN(ms)) throw apiError(method, invalid);
    return { ms, ...(zone ? { zone } : {}) };
  }
  // No offset: the wall clock of the event's timeZone, which is then required.
  if (!zone) {
    throw apiError(method, side === 'start' ? CALENDAR_ERRORS.startZone : CALENDAR_ERRORS.endZone);
  }
  return { ms: fromWallClock(zone, y, mo, d, h, mi, s), zone };
}

function extended(
  method: string,
  base: ExtendedProperties | undefined,
  value: unknown,
): ExtendedProperties | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw apiError(method, CALENDAR_ERRORS.invalidValue);
  const out: ExtendedProperties = {};
  for (const k of ['private', 'shared'] as const) {
    const merged: Record<string, string> = { ...(base?.[k] ?? {}) };
    const given = value[k];
    if (given !== undefined && given !== null) {
      if (!isPlainObject(given)) throw apiError(method, CALENDAR_ERRORS.invalidValue);
      for (const [key, v] of Object.entries(given)) {
        if (v === null || v === undefined) delete merged[key];
        else merged[key] = String(v);
      }
    }
    if (Object.keys(merged).length > 0) out[k] = merged;
  }
  return out.private || out.shared ? out : undefined;
}

function options(method: string, value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isPlainObject(value)) throw apiError(method, CALENDAR_ERRORS.badRequest);
  return value;
}

function bound(method: string, value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const s = value instanceof Date ? value.toISOString() : String(value);
  const ms = RFC3339.test(s) ? Date.parse(s) : Number.NaN;
  if (Number.isNaN(ms)) throw apiError(method, CALENDAR_ERRORS.badRequest);
  return ms;
}

function propertyFilters(method: string, value: unknown): [string, string][] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => {
    const s = String(v);
    const i = s.indexOf('=');
    if (i <= 0) throw apiError(method, CALENDAR_ERRORS.invalidValue);
    return [s.slice(0, i), s.slice(i + 1)];
  });
}

function etagOf(value: unknown): string {
  const digits = BigInt(`0x${hash(JSON.stringify(value)).toString('hex').slice(0, 12)}`);
  return `"${digits.toString()}"`;
}

/** `Calendar.Events`. */
export class EventsCollection {
  readonly [API_NAME] = 'Events';

  constructor(private readonly store: CalendarStore) {}

  insert(resource: object, calendarId: string, optionalArgs?: object): CalendarEventResource {
    const method = 'calendar.events.insert';
    requireScope(this.store.ws, method, WRITE_SCOPES);
    const cal = this.store.writable(method, calendarId);
    options(method, optionalArgs);
    return this.store.resource(this.store.create(method, cal, resource, false));
  }

  list(calendarId: string, optionalArgs?: object): CalendarEvents {
    const method = 'calendar.events.list';
    requireScope(this.store.ws, method, READ_SCOPES);
    const cal = this.store.readable(method, calendarId);
    const o = options(method, optionalArgs);
    if (o.syncToken !== undefined) {
      throw new Error('Calendar emulator: syncToken is not modelled');
    }
    const timeMin = bound(method, o.timeMin);
    const timeMax = bound(method, o.timeMax);
    const updatedMin = bound(method, o.updatedMin);
    if (timeMin !== undefined && timeMax !== undefined && timeMax <= timeMin) {
      throw apiError(method, CALENDAR_ERRORS.emptyRange); // for list: unconfirmed
    }
    const orderBy = o.orderBy;
    if (orderBy !== undefined && orderBy !== 'startTime' && orderBy !== 'updated') {
      throw apiError(method, CALENDAR_ERRORS.invalidValue);
    }
    if (orderBy === 'startTime' && o.singleEvents !== true) {
      throw apiError(method, CALENDAR_ERRORS.ordering);
    }
    const zone = o.timeZone === undefined ? undefined : String(o.timeZone);
    if (zone !== undefined && !isTimeZone(zone)) {
      throw apiError(method, CALENDAR_ERRORS.invalidValue);
    }
    let size: number = CALENDAR_LIMITS.eventsPageDefault;
    if (o.maxResults !== undefined && o.maxResults !== null) {
      const n = Number(o.maxResults);
      if (!Number.isInteger(n) || n < 1) throw apiError(method, CALENDAR_ERRORS.invalidValue);
      size = Math.min(n, CALENDAR_LIMITS.eventsPageMax);
    }
    const privateProps = propertyFilters(method, o.privateExtendedProperty);
    const sharedProps = propertyFilters(method, o.sharedExtendedProperty);
    const words =
      o.q === undefined || o.q === null
        ? []
        : String(o.q).toLowerCase().split(/\s+/).filter(Boolean);
    const scope = JSON.stringify([cal.id, o.timeMin, o.timeMax, o.q, orderBy, privateProps]);
    let from = 0;
    if (o.pageToken !== undefined && o.pageToken !== null && o.pageToken !== '') {
      const t = readPageToken(o.pageToken);
      if (!t || t.s !== etagOf(scope) || !Number.isInteger(t.o)) {
        throw apiError(method, CALENDAR_ERRORS.invalidValue);
      }
      from = t.o as number;
    }
    const matching = [...this.store.events.values()].filter((e) => {
      if (e.calendarId !== cal.id) return false;
      if (e.status === 'cancelled' && o.showDeleted !== true) return false;
      const { start, end } = this.store.range(e);
      // An event lies in [timeMin, timeMax) when it ends after timeMin and starts before timeMax
      // (a zero-length event at timeMin counts: unconfirmed).
      if (timeMin !== undefined && !(end > timeMin || (end === start && start === timeMin)))
        return false;
      if (timeMax !== undefined && start >= timeMax) return false;
      if (updatedMin !== undefined && e.updated < updatedMin) return false;
      for (const [k, v] of privateProps) if (e.extendedProperties?.private?.[k] !== v) return false;
      for (const [k, v] of sharedProps) if (e.extendedProperties?.shared?.[k] !== v) return false;
      if (words.length > 0) {
        const hay = [
          e.summary,
          e.description,
          e.location,
          e.organizer.email,
          e.organizer.displayName,
          ...(e.attendees ?? []).flatMap((a) => [a.email, a.displayName]),
        ]
          .filter(Boolean)
          .join('\n')
          .toLowerCase();
        if (!words.every((w) => hay.includes(w))) return false;
      }
      return true;
    });
    if (orderBy === 'startTime') {
      matching.sort(
        (a, b) => this.store.range(a).start - this.store.range(b).start || a.seq - b.seq,
      );
    } else if (orderBy === 'updated') {
      matching.sort((a, b) => a.updated - b.updated || a.seq - b.seq);
    }
    const items = matching.slice(from, from + size).map((e) => this.store.resource(e, zone));
    const latest = Math.max(0, ...matching.map((e) => e.updated));
    const body: CalendarEvents = {
      kind: 'calendar#events',
      etag: etagOf(items.map((i) => i.etag)),
      summary: cal.summary,
      updated: iso(latest || this.store.now()),
      timeZone: zone ?? cal.timeZone,
      accessRole: cal.accessRole,
      defaultReminders: [],
      items,
    };
    if (from + size < matching.length) {
      body.nextPageToken = pageToken({ o: from + size, s: etagOf(scope) });
    }
    return body;
  }

  get(calendarId: string, eventId: string, optionalArgs?: object): CalendarEventResource {
    const method = 'calendar.events.get';
    requireScope(this.store.ws, method, READ_SCOPES);
    const cal = this.store.readable(method, calendarId);
    const o = options(method, optionalArgs);
    const zone = o.timeZone === undefined ? undefined : String(o.timeZone);
    return this.store.resource(this.store.event(method, cal, eventId), zone);
  }

  patch(
    resource: object,
    calendarId: string,
    eventId: string,
    optionalArgs?: object,
  ): CalendarEventResource {
    return this.change('calendar.events.patch', resource, calendarId, eventId, optionalArgs, false);
  }

  update(
    resource: object,
    calendarId: string,
    eventId: string,
    optionalArgs?: object,
  ): CalendarEventResource {
    return this.change('calendar.events.update', resource, calendarId, eventId, optionalArgs, true);
  }

  private change(
    method: string,
    resource: object,
    calendarId: string,
    eventId: string,
    optionalArgs: object | undefined,
    replace: boolean,
  ): CalendarEventResource {
    requireScope(this.store.ws, method, WRITE_SCOPES);
    const cal = this.store.writable(method, calendarId);
    options(method, optionalArgs);
    const e = this.store.event(method, cal, eventId);
    this.store.write(method, e, resource, replace);
    return this.store.resource(e);
  }

  /** Cancels the event (`get` and `list` with showDeleted still see it); twice: 410. */
  remove(calendarId: string, eventId: string, optionalArgs?: object): void {
    const method = 'calendar.events.delete';
    requireScope(this.store.ws, method, WRITE_SCOPES);
    const cal = this.store.writable(method, calendarId);
    options(method, optionalArgs);
    const e = this.store.event(method, cal, eventId);
    if (e.status === 'cancelled') throw apiError(method, CALENDAR_ERRORS.deleted);
    e.status = 'cancelled';
    e.updated = this.store.now();
    e.etagSeq = this.store.nextEtag();
  }
}

function listEntry(c: StoredCalendar): CalendarListEntry {
  const body = {
    kind: 'calendar#calendarListEntry' as const,
    id: c.id,
    summary: c.summary,
    timeZone: c.timeZone,
    colorId: c.colorId,
    backgroundColor: c.backgroundColor,
    foregroundColor: '#000000',
    selected: true,
    accessRole: c.accessRole,
    defaultReminders: [],
    ...(c.primary ? { primary: true as const } : {}),
  };
  return { ...body, etag: etagOf(body) };
}

/** `Calendar.CalendarList`. */
export class CalendarListCollection {
  readonly [API_NAME] = 'CalendarList';

  constructor(private readonly store: CalendarStore) {}

  list(optionalArgs?: object): {
    kind: 'calendar#calendarList';
    etag: string;
    items: CalendarListEntry[];
  } {
    const method = 'calendar.calendarList.list';
    requireScope(this.store.ws, method, LIST_SCOPES);
    const o = options(method, optionalArgs);
    const items = [...this.store.calendars.values()]
      .filter((c) => (o.minAccessRole === 'owner' ? c.accessRole === 'owner' : true))
      .map(listEntry);
    return { kind: 'calendar#calendarList', etag: etagOf(items), items };
  }
}

/** `Calendar.Freebusy`. */
export class FreebusyCollection {
  readonly [API_NAME] = 'Freebusy';

  constructor(private readonly store: CalendarStore) {}

  /**
   * Busy ranges per calendar: non-cancelled, non-transparent events (tentative ones included),
   * clipped to [timeMin, timeMax) and merged where they touch or overlap. An unknown calendar
   * gets `errors: [{domain: 'global', reason: 'notFound'}]`. Times are given in UTC (`Z`), or
   * in the request's timeZone (unconfirmed: the exact form of each).
   */
  query(resource: FreeBusyRequest): FreeBusyResponse {
    const method = 'calendar.freebusy.query';
    requireScope(this.store.ws, method, FREEBUSY_SCOPES);
    if (!isPlainObject(resource)) throw apiError(method, CALENDAR_ERRORS.badRequest);
    const timeMin = bound(method, resource.timeMin);
    const timeMax = bound(method, resource.timeMax);
    if (timeMin === undefined || timeMax === undefined) {
      throw apiError(method, CALENDAR_ERRORS.badRequest);
    }
    if (timeMax <= timeMin) throw apiError(method, CALENDAR_ERRORS.emptyRange);
    const zone = resource.timeZone ? String(resource.timeZone) : undefined;
    if (zone !== undefined && !isTimeZone(zone)) {
      throw apiError(method, CALENDAR_ERRORS.invalidValue);
    }
    const fmt = (ms: number) => (zone ? formatDateTime(ms, zone) : `${iso(ms).slice(0, 19)}Z`);
    const calendars: FreeBusyResponse['calendars'] = {};
    for (const item of Array.isArray(resource.items) ? resource.items : []) {
      const key = String(item?.id ?? '');
      const cal = this.store.calendars.get(key === 'primary' ? this.store.primaryId : key);
      if (!cal) {
        calendars[key] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
        continue;
      }
      const ranges = [...this.store.events.values()]
        .filter((e) => e.calendarId === cal.id && e.status !== 'cancelled' && !e.transparent)
        .map((e) => this.store.range(e))
        .map((r) => ({ start: Math.max(r.start, timeMin), end: Math.min(r.end, timeMax) }))
        .filter((r) => r.end > r.start)
        .sort((a, b) => a.start - b.start);
      const merged: { start: number; end: number }[] = [];
      for (const r of ranges) {
        const last = merged.at(-1);
        if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
        else merged.push({ ...r });
      }
      calendars[key] = { busy: merged.map((r) => ({ start: fmt(r.start), end: fmt(r.end) })) };
    }
    return { kind: 'calendar#freeBusy', timeMin: iso(timeMin), timeMax: iso(timeMax), calendars };
  }
}

/**
 * `Calendar`: the advanced service's root, with the `Events`, `CalendarList` and `Freebusy`
 * collections and the `new*` resource constructors (plain objects).
 */
export class CalendarAdvancedEmulator {
  readonly [API_NAME] = 'Calendar';
  readonly Events: EventsCollection;
  readonly CalendarList: CalendarListCollection;
  readonly Freebusy: FreebusyCollection;
  private readonly store: CalendarStore;

  constructor(ws: Workspace) {
    this.store = new CalendarStore(ws);
    this.Events = new EventsCollection(this.store);
    this.CalendarList = new CalendarListCollection(this.store);
    this.Freebusy = new FreebusyCollection(this.store);
  }

  toString(): string {
    return 'AdvancedServiceIdentifier{name=calendar, version=v3}';
  }

  newEvent(): object {
    return {};
  }

  newEventDateTime(): object {
    return {};
  }

  newEventExtendedProperties(): object {
    return {};
  }

  newEventAttendee(): object {
    return {};
  }

  newFreeBusyRequest(): object {
    return {};
  }

  newFreeBusyRequestItem(): object {
    return {};
  }

  // ---- emulator-only (not counted) -----------------------------------------------------------

  /** Emulator-only: the user's calendar id (what `'primary'` stands for). */
  get primaryId(): string {
    return this.store.primaryId;
  }

  /**
   * Emulator-only: every event of every calendar (cancelled ones included), in creation order,
   * each with its calendar's id and name and whether it is demo data (`addEvent`).
   */
  allEvents(): (CalendarEventResource & {
    calendarId: string;
    calendarName: string;
    seeded: boolean;
  })[] {
    return [...this.store.events.values()]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({
        ...this.store.resource(e),
        calendarId: e.calendarId,
        calendarName: this.store.calendars.get(e.calendarId)?.summary ?? e.calendarId,
        seeded: e.seeded,
      }));
  }

  /** Emulator-only: the instants an event covers (all-day: midnights in its calendar's zone). */
  rangeOf(eventId: string): { start: number; end: number } | null {
    const e = this.store.events.get(eventId);
    return e ? this.store.range(e) : null;
  }

  /**
   * Emulator-only: a calendar in the user's calendar list (a colleague's, a meeting room), by
   * default readable (`reader`); `freeBusyReader` shows only busy times.
   */
  addCalendar(id: string, name: string, accessRole: AccessRole = 'reader'): CalendarListEntry {
    if (!this.store.calendars.has(id)) {
      this.store.calendars.set(id, {
        id,
        summary: name,
        timeZone: this.store.ws.timeZone,
        accessRole,
        colorId: '7',
        backgroundColor: '#42d692',
        primary: false,
      });
    }
    return listEntry(this.store.calendars.get(id) as StoredCalendar);
  }

  /** Emulator-only: demo data on any calendar (`'primary'` included), whatever its access. */
  addEvent(calendarId: string, resource: object): CalendarEventResource {
    const cal = this.store.calendar('addEvent', calendarId);
    return this.store.resource(this.store.create('addEvent', cal, resource, true));
  }
}
