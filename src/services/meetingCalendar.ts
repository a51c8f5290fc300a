/**
 * The owner's calendars for scheduling (日程調整), through the Calendar advanced service: the
 * busy times of several calendars in one `Freebusy.query` call (scope calendar.events.freebusy
 * reaches colleagues' calendars the owner can see), and the holds (仮押さえ) and meetings Pokke
 * places on the owner's own calendar. Holds carry private extended properties naming the mail of
 * their proposal (`pokkeMeet`), so one `Events.list` finds every event of a proposal wherever the
 * owner moved it. Ids are chosen by Pokke (core/scheduling/proposalCells.ts) so a retried run
 * never makes an event twice.
 */
import type { BusyEvent, Slot } from '../core/scheduling';
import { calendarService } from './calendar';

const PRIMARY = 'primary';
const ZONE = 'Asia/Tokyo';

export interface FreeBusyResult {
  /** One list of busy spans per calendar that could be read. */
  readonly busy: readonly (readonly BusyEvent[])[];
  /** Calendars Freebusy could not read (not shared with the owner, or unknown). */
  readonly unreadable: readonly string[];
}

/** The busy spans of `calendarIds` (the owner's own first) between two instants: one call. */
export function freeBusy(calendarIds: readonly string[], from: Date, to: Date): FreeBusyResult {
  const ids = [PRIMARY, ...calendarIds.filter((id) => id !== PRIMARY)];
  const response = calendarService().Freebusy!.query({
    timeMin: from.toISOString(),
    timeMax: to.toISOString(),
    timeZone: ZONE,
    items: ids.map((id) => ({ id })),
  });
  const busy: BusyEvent[][] = [];
  const unreadable: string[] = [];
  for (const id of ids) {
    const calendars = (response.calendars ?? {}) as Record<
      string,
      GoogleAppsScript.Calendar.Schema.FreeBusyCalendar | undefined
    >;
    const entry = calendars[id];
    if (!entry || (entry.errors?.length ?? 0) > 0) {
      unreadable.push(id);
      continue;
    }
    busy.push(
      (entry.busy ?? []).map((b) => ({
        start: Date.parse(String(b.start)),
        end: Date.parse(String(b.end)),
      })),
    );
  }
  return { busy, unreadable };
}

/** An event of a proposal as found in the owner's calendar. */
export interface ProposalEvent {
  readonly id: string;
  /** Null when the owner deleted it (cancelled). */
  readonly slot: Slot | null;
}

function slotOf(e: GoogleAppsScript.Calendar.Schema.Event): Slot | null {
  if (e.status === 'cancelled') return null;
  const start = Date.parse(String(e.start?.dateTime ?? e.start?.date ?? ''));
  const end = Date.parse(String(e.end?.dateTime ?? e.end?.date ?? ''));
  return Number.isFinite(start) && Number.isFinite(end) ? { start, end } : null;
}

/**
 * Every event Pokke placed for the proposal of mail `messageId`, deleted ones included, by id:
 * one call. An id absent from the map was never placed.
 */
export function proposalEvents(messageId: string): Map<string, ProposalEvent> {
  const found = new Map<string, ProposalEvent>();
  let pageToken: string | undefined;
  do {
    const page = calendarService().Events!.list(PRIMARY, {
      privateExtendedProperty: `pokkeMeet=${messageId}`,
      showDeleted: true,
      maxResults: 2500,
      ...(pageToken ? { pageToken } : {}),
    });
    for (const e of page.items ?? []) {
      const id = String(e.id ?? '');
      found.set(id, { id, slot: slotOf(e) });
    }
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return found;
}

export interface MeetingDetails {
  readonly summary: string;
  readonly description: string;
  readonly location: string;
  /** Invited guests (the other side), if the owner wants. */
  readonly guests: readonly string[];
}

const stamp = (ms: number) => ({ dateTime: new Date(ms).toISOString(), timeZone: ZONE });

function isDuplicate(e: unknown): boolean {
  return e instanceof Error && /already exists|duplicate/i.test(e.message);
}

/**
 * Places a hold with the id Pokke chose (one call). False when an event with that id exists
 * already (placed by a run that stopped before recording it): it is left as it is.
 */
export function insertHold(
  id: string,
  messageId: string,
  slot: Slot,
  details: Omit<MeetingDetails, 'guests'>,
): boolean {
  try {
    calendarService().Events!.insert(
      {
        id,
        summary: details.summary,
        description: details.description,
        ...(details.location ? { location: details.location } : {}),
        start: stamp(slot.start),
        end: stamp(slot.end),
        transparency: 'opaque',
        extendedProperties: { private: { pokke: '1', pokkeMeet: messageId, pokkeHold: '1' } },
      },
      PRIMARY,
    );
    return true;
  } catch (e) {
    if (isDuplicate(e)) return false;
    throw e;
  }
}

function meetingFields(details: MeetingDetails) {
  return {
    summary: details.summary,
    description: details.description,
    location: details.location,
    transparency: 'opaque',
    ...(details.guests.length > 0 ? { attendees: details.guests.map((email) => ({ email })) } : {}),
  };
}

/** Turns a hold into the meeting (title, place or URL, guests): one call; again is harmless. */
export function convertHold(id: string, messageId: string, details: MeetingDetails): void {
  calendarService().Events!.patch(
    {
      ...meetingFields(details),
      extendedProperties: { private: { pokke: '1', pokkeMeet: messageId, pokkeHold: '0' } },
    },
    PRIMARY,
    id,
    { sendUpdates: details.guests.length > 0 ? 'all' : 'none' },
  );
}

/** Makes the meeting with the id Pokke chose (one call); an existing one is left as it is. */
export function insertMeeting(
  id: string,
  messageId: string,
  slot: Slot,
  details: MeetingDetails,
): void {
  try {
    calendarService().Events!.insert(
      {
        id,
        ...meetingFields(details),
        start: stamp(slot.start),
        end: stamp(slot.end),
        extendedProperties: { private: { pokke: '1', pokkeMeet: messageId, pokkeHold: '0' } },
      },
      PRIMARY,
      { sendUpdates: details.guests.length > 0 ? 'all' : 'none' },
    );
  } catch (e) {
    if (!isDuplicate(e)) throw e;
  }
}

/** Deletes a hold (one call); one already deleted is not an error. */
export function deleteHold(id: string): void {
  try {
    calendarService().Events!.remove(PRIMARY, id);
  } catch (e) {
    if (e instanceof Error && /deleted|Not Found/i.test(e.message)) return;
    throw e;
  }
}
