import { latencyOf } from '../../emulator/core/latency';
import { loadBundle } from '../../emulator/runtime';
import {
  CALENDAR_ERRORS,
  type CalendarAdvancedEmulator,
} from '../../emulator/services/advanced/calendar';
import { INSUFFICIENT_SCOPES } from '../../emulator/services/advanced/common';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';

const CALENDAR_V3 = { userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' } as const;
const USER = 'owner@example.com';

function setup(options: WorkspaceOptions = {}) {
  const ws = new Workspace({
    now: '2026-11-24T09:00:00+09:00',
    advancedServices: [CALENDAR_V3],
    ...options,
  });
  // The bundle's view (counted) and the raw object (emulator-only helpers).
  const Calendar = ws.globals().Calendar as CalendarAdvancedEmulator;
  const raw = ws.advanced<CalendarAdvancedEmulator>('calendar');
  return { ws, Calendar, raw };
}

const fail = (method: string, reason: string) =>
  `API call to calendar.${method} failed with error: ${reason}`;

const timed = (day: string, from: string, to: string, extra: object = {}) => ({
  start: { dateTime: `${day}T${from}:00+09:00` },
  end: { dateTime: `${day}T${to}:00+09:00` },
  ...extra,
});

describe('Calendar advanced service (v3): event resources', () => {
  it('inserts a timed event on primary with the fields the API returns', () => {
    const { ws, Calendar } = setup();
    const e = Calendar.Events.insert(
      {
        summary: '請求書の確認',
        description: '今月分',
        location: 'オンライン',
        colorId: '5',
        start: { dateTime: '2026-11-25T01:00:00Z', timeZone: 'Asia/Tokyo' },
        end: { dateTime: '2026-11-25T11:00:00+09:00', timeZone: 'Asia/Tokyo' },
        extendedProperties: { private: { pokkeKey: 'inv:2026-11' } },
      },
      'primary',
    );
    expect(e).toEqual({
      kind: 'calendar#event',
      etag: expect.stringMatching(/^"\d+"$/),
      id: expect.stringMatching(/^[a-v0-9]{26}$/),
      status: 'confirmed',
      htmlLink: expect.stringMatching(/^https:\/\/www\.google\.com\/calendar\/event\?eid=/),
      // The clock has moved by the call's modelled latency (200 ms).
      created: '2026-11-24T00:00:00.200Z',
      updated: '2026-11-24T00:00:00.200Z',
      summary: '請求書の確認',
      description: '今月分',
      location: 'オンライン',
      colorId: '5',
      creator: { email: USER, self: true },
      organizer: { email: USER, self: true },
      // Given in the calendar's zone, whatever offset the request used.
      start: { dateTime: '2026-11-25T10:00:00+09:00', timeZone: 'Asia/Tokyo' },
      end: { dateTime: '2026-11-25T11:00:00+09:00', timeZone: 'Asia/Tokyo' },
      iCalUID: `${e.id}@google.com`,
      sequence: 0,
      extendedProperties: { private: { pokkeKey: 'inv:2026-11' } },
      reminders: { useDefault: true },
      eventType: 'default',
    });
    const eid = new URL(e.htmlLink).searchParams.get('eid') ?? '';
    expect(Buffer.from(eid, 'base64url').toString()).toBe(`${e.id} ${USER}`);
    expect(Calendar.Events.get('primary', e.id)).toEqual(e);
    expect(Calendar.Events.get(USER, e.id)).toEqual(e);
    expect(ws.advanced<CalendarAdvancedEmulator>('calendar').allEvents()).toEqual([
      { ...e, calendarId: USER, calendarName: USER, seeded: false },
    ]);
  });

  it('reads a dateTime without offset in the event timeZone, which it then requires', () => {
    const { Calendar } = setup();
    const e = Calendar.Events.insert(
      {
        start: { dateTime: '2026-11-25T09:30:00', timeZone: 'America/New_York' },
        end: { dateTime: '2026-11-25T10:00:00', timeZone: 'America/New_York' },
      },
      'primary',
    );
    expect(e.start).toEqual({
      dateTime: '2026-11-25T23:30:00+09:00',
      timeZone: 'America/New_York',
    });
    expect(Calendar.Events.get('primary', e.id, { timeZone: 'UTC' }).start.dateTime).toBe(
      '2026-11-25T14:30:00Z',
    );
    expect(() =>
      Calendar.Events.insert(
        { start: { dateTime: '2026-11-25T09:30:00' }, end: { dateTime: '2026-11-25T10:00:00' } },
        'primary',
      ),
    ).toThrow(fail('events.insert', CALENDAR_ERRORS.startZone));
  });

  it('keeps all-day events as dates, the end exclusive', () => {
    const { Calendar, raw } = setup();
    const e = Calendar.Events.insert(
      { summary: '棚卸し', start: { date: '2026-11-27' }, end: { date: '2026-11-28' } },
      'primary',
    );
    expect(e.start).toEqual({ date: '2026-11-27' });
    expect(e.end).toEqual({ date: '2026-11-28' });
    // The day in Tokyo: 11-27 00:00 to 11-28 00:00 (+09:00).
    expect(raw.rangeOf(e.id)).toEqual({
      start: Date.parse('2026-11-26T15:00:00Z'),
      end: Date.parse('2026-11-27T15:00:00Z'),
    });
    const ids = (timeMin: string, timeMax: string) =>
      Calendar.Events.list('primary', { timeMin, timeMax }).items.map((i) => i.id);
    expect(ids('2026-11-27T00:00:00+09:00', '2026-11-27T00:00:01+09:00')).toEqual([e.id]);
    expect(ids('2026-11-27T23:59:00+09:00', '2026-11-28T09:00:00+09:00')).toEqual([e.id]);
    // Not on the end date itself.
    expect(ids('2026-11-28T00:00:00+09:00', '2026-11-29T00:00:00+09:00')).toEqual([]);
    expect(ids('2026-11-26T00:00:00+09:00', '2026-11-27T00:00:00+09:00')).toEqual([]);
    for (const end of ['2026-11-27', '2026-11-26']) {
      expect(() =>
        Calendar.Events.insert({ start: { date: '2026-11-27' }, end: { date: end } }, 'primary'),
      ).toThrow(fail('events.insert', CALENDAR_ERRORS.emptyRange));
    }
  });
});

describe('Calendar advanced service (v3): list', () => {
  function seeded() {
    const s = setup();
    const { Calendar } = s;
    const a = Calendar.Events.insert(
      timed('2026-11-26', '14:00', '15:00', {
        summary: 'B社 打ち合わせ',
        extendedProperties: { private: { pokke: '1', kind: 'meeting' } },
      }),
      'primary',
    );
    const b = Calendar.Events.insert(
      timed('2026-11-25', '10:00', '11:00', {
        summary: 'A社 定例',
        description: '議題: 請求書',
        extendedProperties: { private: { pokke: '1', kind: 'routine' } },
      }),
      'primary',
    );
    const c = Calendar.Events.insert(
      { summary: '休暇', start: { date: '2026-11-27' }, end: { date: '2026-11-28' } },
      'primary',
    );
    return { ...s, a, b, c };
  }

  it('returns the calendar fields and items (present even when empty)', () => {
    const { Calendar } = setup();
    expect(Calendar.Events.list('primary')).toEqual({
      kind: 'calendar#events',
      etag: expect.stringMatching(/^"\d+"$/),
      summary: USER,
      updated: expect.any(String),
      timeZone: 'Asia/Tokyo',
      accessRole: 'owner',
      defaultReminders: [],
      items: [],
    });
  });

  it('filters by time range (end after timeMin, start before timeMax) and orders by start', () => {
    const { Calendar, a, b, c } = seeded();
    const all = Calendar.Events.list('primary', {
      timeMin: '2026-11-23T00:00:00+09:00',
      timeMax: '2026-11-30T00:00:00+09:00',
      singleEvents: true,
      orderBy: 'startTime',
    });
    expect(all.items.map((i) => i.id)).toEqual([b.id, a.id, c.id]);
    // Default order: creation order (the API's is unspecified).
    expect(Calendar.Events.list('primary').items.map((i) => i.id)).toEqual([a.id, b.id, c.id]);
    const ids = (timeMin?: string, timeMax?: string) =>
      Calendar.Events.list('primary', { timeMin, timeMax }).items.map((i) => i.id);
    // Touching the end is outside; overlapping by a minute is inside.
    expect(ids('2026-11-25T11:00:00+09:00', '2026-11-26T14:00:00+09:00')).toEqual([]);
    expect(ids('2026-11-25T10:59:00+09:00', '2026-11-26T14:01:00+09:00')).toEqual([a.id, b.id]);
    expect(ids('2026-11-26T00:00:00+09:00')).toEqual([a.id, c.id]);
    expect(ids(undefined, '2026-11-26T00:00:00+09:00')).toEqual([b.id]);
    expect(() => Calendar.Events.list('primary', { orderBy: 'startTime' })).toThrow(
      fail('events.list', CALENDAR_ERRORS.ordering),
    );
    expect(() => Calendar.Events.list('primary', { timeMin: '2026-11-25' })).toThrow(
      fail('events.list', CALENDAR_ERRORS.badRequest),
    );
  });

  it('filters by privateExtendedProperty (all given must match) and by q', () => {
    const { Calendar, a, b } = seeded();
    const ids = (o: object) => Calendar.Events.list('primary', o).items.map((i) => i.id);
    expect(ids({ privateExtendedProperty: 'pokke=1' })).toEqual([a.id, b.id]);
    expect(ids({ privateExtendedProperty: ['pokke=1', 'kind=routine'] })).toEqual([b.id]);
    expect(ids({ privateExtendedProperty: 'kind=other' })).toEqual([]);
    expect(ids({ sharedExtendedProperty: 'pokke=1' })).toEqual([]);
    expect(ids({ q: '請求書' })).toEqual([b.id]);
    expect(ids({ q: 'b社 打ち合わせ' })).toEqual([a.id]);
    expect(ids({ q: 'A社 打ち合わせ' })).toEqual([]);
  });

  it('pages with maxResults and an opaque pageToken', () => {
    const { Calendar, a, b, c } = seeded();
    const first = Calendar.Events.list('primary', { maxResults: 2 });
    expect(first.items.map((i) => i.id)).toEqual([a.id, b.id]);
    expect(first.nextPageToken).toEqual(expect.any(String));
    const second = Calendar.Events.list('primary', {
      maxResults: 2,
      pageToken: first.nextPageToken,
    });
    expect(second.items.map((i) => i.id)).toEqual([c.id]);
    expect(second.nextPageToken).toBeUndefined();
    expect(() => Calendar.Events.list('primary', { pageToken: 'nonsense' })).toThrow(
      fail('events.list', CALENDAR_ERRORS.invalidValue),
    );
  });
});

describe('Calendar advanced service (v3): get, patch, update, remove', () => {
  it('patch changes only what it names and merges extended properties; update replaces', () => {
    const { ws, Calendar } = setup();
    const e = Calendar.Events.insert(
      timed('2026-11-25', '10:00', '11:00', {
        summary: '定例',
        location: '会議室A',
        extendedProperties: { private: { a: '1', b: '2' } },
      }),
      'primary',
    );
    ws.clock.advance(60_000);
    const p = Calendar.Events.patch(
      { status: 'tentative', extendedProperties: { private: { b: null, c: '3' } } },
      'primary',
      e.id,
    );
    expect(p).toMatchObject({
      summary: '定例',
      location: '会議室A',
      status: 'tentative',
      sequence: 0,
      created: e.created,
      updated: '2026-11-24T00:01:00.400Z',
      extendedProperties: { private: { a: '1', c: '3' } },
    });
    expect(p.etag).not.toBe(e.etag);
    const moved = Calendar.Events.patch(
      { start: { dateTime: '2026-11-25T10:30:00+09:00' } },
      'primary',
      e.id,
    );
    expect(moved.start.dateTime).toBe('2026-11-25T10:30:00+09:00');
    expect(moved.end.dateTime).toBe('2026-11-25T11:00:00+09:00');
    expect(moved.sequence).toBe(1);
    const u = Calendar.Events.update(timed('2026-11-25', '13:00', '14:00'), 'primary', e.id);
    expect(u.summary).toBeUndefined();
    expect(u.location).toBeUndefined();
    expect(u.extendedProperties).toBeUndefined();
    expect(u.status).toBe('confirmed');
    expect(() => Calendar.Events.update({ summary: 'x' }, 'primary', e.id)).toThrow(
      fail('events.update', CALENDAR_ERRORS.missingStart),
    );
  });

  it('remove cancels: get still answers, list shows it only with showDeleted; twice is 410', () => {
    const { Calendar } = setup();
    const e = Calendar.Events.insert(timed('2026-11-25', '10:00', '11:00'), 'primary');
    expect(Calendar.Events.remove('primary', e.id)).toBeUndefined();
    expect(Calendar.Events.get('primary', e.id).status).toBe('cancelled');
    expect(Calendar.Events.list('primary').items).toEqual([]);
    expect(
      Calendar.Events.list('primary', { showDeleted: true }).items.map((i) => i.status),
    ).toEqual(['cancelled']);
    expect(() => Calendar.Events.remove('primary', e.id)).toThrow(
      fail('events.delete', CALENDAR_ERRORS.deleted),
    );
    expect(() => Calendar.Events.get('primary', 'abcdef12345')).toThrow(
      fail('events.get', 'Not Found'),
    );
    expect(() => Calendar.Events.list('nobody@example.com')).toThrow(
      fail('events.list', 'Not Found'),
    );
  });
});

describe('Calendar advanced service (v3): errors', () => {
  it('refuses what the API refuses', () => {
    const { Calendar, raw } = setup();
    const ins =
      (r: object, cal = 'primary') =>
      () =>
        Calendar.Events.insert(r, cal);
    const err = (reason: string) => fail('events.insert', reason);
    expect(ins({ start: { dateTime: '2026-11-25T10:00:00+09:00' } })).toThrow(
      err(CALENDAR_ERRORS.missingEnd),
    );
    expect(
      ins({ start: { date: '2026-11-25' }, end: { dateTime: '2026-11-25T10:00:00+09:00' } }),
    ).toThrow(err(CALENDAR_ERRORS.mixed));
    expect(ins(timed('2026-11-25', '11:00', '10:00'))).toThrow(err(CALENDAR_ERRORS.emptyRange));
    expect(ins({ start: { date: '2026-02-30' }, end: { date: '2026-03-01' } })).toThrow(
      err(CALENDAR_ERRORS.invalidStart),
    );
    expect(ins(timed('2026-11-25', '10:00', '11:00', { id: 'UPPER_case' }))).toThrow(
      err(CALENDAR_ERRORS.invalidId),
    );
    expect(ins(timed('2026-11-25', '10:00', '11:00', { colorId: '12' }))).toThrow(
      err(CALENDAR_ERRORS.invalidValue),
    );
    expect(ins(timed('2026-11-25', '10:00', '11:00', { status: 'done' }))).toThrow(
      err(CALENDAR_ERRORS.invalidValue),
    );
    const chosen = Calendar.Events.insert(
      timed('2026-11-25', '10:00', '11:00', { id: 'pokke0123' }),
      'primary',
    );
    expect(chosen.id).toBe('pokke0123');
    expect(ins(timed('2026-11-25', '10:00', '11:00', { id: 'pokke0123' }))).toThrow(
      err(CALENDAR_ERRORS.duplicateId),
    );
    raw.addCalendar('yamada@example.com', '山田 太郎');
    expect(ins(timed('2026-11-25', '10:00', '11:00'), 'yamada@example.com')).toThrow(
      err(CALENDAR_ERRORS.writer),
    );
    expect(ins(timed('2026-11-25', '10:00', '11:00'), 'nobody@example.com')).toThrow(
      err('Not Found'),
    );
    expect(() =>
      Calendar.Events.insert(
        { ...timed('2026-11-25', '10:00', '11:00'), recurrence: ['RRULE:FREQ=WEEKLY'] },
        'primary',
      ),
    ).toThrow('not modelled');
    try {
      ins({})();
    } catch (e) {
      expect((e as Error).name).toBe('GoogleJsonResponseException');
    }
  });

  it('checks the manifest scopes: calendar.events writes and reads events, not the list nor free/busy', () => {
    const { Calendar } = setup({
      oauthScopes: ['https://www.googleapis.com/auth/calendar.events'],
    });
    const e = Calendar.Events.insert(timed('2026-11-25', '10:00', '11:00'), 'primary');
    expect(Calendar.Events.list('primary').items).toHaveLength(1);
    expect(Calendar.Events.get('primary', e.id).id).toBe(e.id);
    const query = {
      timeMin: '2026-11-25T00:00:00+09:00',
      timeMax: '2026-11-26T00:00:00+09:00',
      items: [{ id: 'primary' }],
    };
    expect(() => Calendar.Freebusy.query(query)).toThrow(
      fail('freebusy.query', INSUFFICIENT_SCOPES),
    );
    const withFreebusy = setup({
      oauthScopes: [
        'https://www.googleapis.com/auth/calendar.events',
        'https://www.googleapis.com/auth/calendar.events.freebusy',
      ],
    }).Calendar;
    withFreebusy.Events.insert(timed('2026-11-25', '10:00', '11:00'), 'primary');
    expect(withFreebusy.Freebusy.query(query).calendars.primary?.busy).toHaveLength(1);
    expect(() => Calendar.CalendarList.list()).toThrow(
      fail('calendarList.list', INSUFFICIENT_SCOPES),
    );
    const readonly = setup({
      oauthScopes: ['https://www.googleapis.com/auth/calendar.readonly'],
    }).Calendar;
    expect(() => readonly.Events.insert(timed('2026-11-25', '10:00', '11:00'), 'primary')).toThrow(
      fail('events.insert', INSUFFICIENT_SCOPES),
    );
  });
});

describe('Calendar advanced service (v3): calendar list and free/busy', () => {
  it('lists the primary calendar and the calendars added to the list', () => {
    const { Calendar, raw } = setup();
    raw.addCalendar('yamada@example.com', '山田 太郎', 'freeBusyReader');
    const list = Calendar.CalendarList.list();
    expect(list.kind).toBe('calendar#calendarList');
    expect(list.items.map((c) => [c.id, c.summary, c.accessRole, c.primary])).toEqual([
      [USER, USER, 'owner', true],
      ['yamada@example.com', '山田 太郎', 'freeBusyReader', undefined],
    ]);
    expect(list.items[0]).toMatchObject({ kind: 'calendar#calendarListEntry', selected: true });
    expect(() => Calendar.Events.list('yamada@example.com')).toThrow(
      fail('events.list', CALENDAR_ERRORS.reader),
    );
  });

  it('gives busy ranges of non-transparent, non-cancelled events, merged and clipped', () => {
    const { Calendar, raw } = setup();
    raw.addCalendar('yamada@example.com', '山田 太郎', 'freeBusyReader');
    raw.addEvent('yamada@example.com', timed('2026-11-25', '13:00', '14:00', { summary: '外出' }));
    raw.addEvent('yamada@example.com', timed('2026-11-25', '13:30', '15:00'));
    Calendar.Events.insert(
      timed('2026-11-25', '09:00', '10:00', { status: 'tentative' }),
      'primary',
    );
    Calendar.Events.insert(
      timed('2026-11-25', '11:00', '12:00', { transparency: 'transparent' }),
      'primary',
    );
    const gone = Calendar.Events.insert(timed('2026-11-25', '16:00', '17:00'), 'primary');
    Calendar.Events.remove('primary', gone.id);
    Calendar.Events.insert(
      { start: { date: '2026-11-26' }, end: { date: '2026-11-27' } },
      'primary',
    );
    const fb = Calendar.Freebusy.query({
      timeMin: '2026-11-25T09:30:00+09:00',
      timeMax: '2026-11-26T12:00:00+09:00',
      items: [{ id: 'primary' }, { id: 'yamada@example.com' }, { id: 'nobody@example.com' }],
    });
    expect(fb).toEqual({
      kind: 'calendar#freeBusy',
      timeMin: '2026-11-25T00:30:00.000Z',
      timeMax: '2026-11-26T03:00:00.000Z',
      calendars: {
        primary: {
          busy: [
            { start: '2026-11-25T00:30:00Z', end: '2026-11-25T01:00:00Z' },
            { start: '2026-11-25T15:00:00Z', end: '2026-11-26T03:00:00Z' },
          ],
        },
        'yamada@example.com': {
          busy: [{ start: '2026-11-25T04:00:00Z', end: '2026-11-25T06:00:00Z' }],
        },
        'nobody@example.com': { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] },
      },
    });
    const tokyo = Calendar.Freebusy.query({
      timeMin: '2026-11-25T00:00:00+09:00',
      timeMax: '2026-11-26T00:00:00+09:00',
      timeZone: 'Asia/Tokyo',
      items: [{ id: 'yamada@example.com' }],
    });
    expect(tokyo.calendars['yamada@example.com']?.busy).toEqual([
      { start: '2026-11-25T13:00:00+09:00', end: '2026-11-25T15:00:00+09:00' },
    ]);
    expect(() =>
      Calendar.Freebusy.query({
        timeMin: '2026-11-26T00:00:00+09:00',
        timeMax: '2026-11-25T00:00:00+09:00',
        items: [],
      }),
    ).toThrow(fail('freebusy.query', CALENDAR_ERRORS.emptyRange));
  });
});

describe('Calendar advanced service (v3): in a bundle', () => {
  const script = `
    function make() {
      var e = Calendar.Events.insert({
        summary: '月末締め',
        start: { dateTime: '2026-11-30T15:00:00+09:00' },
        end: { dateTime: '2026-11-30T16:00:00+09:00' },
        extendedProperties: { private: { pokkeKey: 'close:2026-11' } }
      }, 'primary');
      var found = Calendar.Events.list('primary', { privateExtendedProperty: 'pokkeKey=close:2026-11' });
      var fb = Calendar.Freebusy.query({ timeMin: '2026-11-30T00:00:00+09:00',
        timeMax: '2026-12-01T00:00:00+09:00', items: [{ id: 'primary' }] });
      return [typeof e.id, found.items.length, fb.calendars.primary.busy.length,
        Calendar.CalendarList.list().items.length, String(Calendar)];
    }
    function kind() { return typeof Calendar; }`;

  it('exists only when the manifest enables it; calls are counted as Calendar.Events.insert', () => {
    expect(loadBundle(script).run('kind')).toBe('undefined');
    const bundle = loadBundle(script, {
      manifest: { dependencies: { enabledAdvancedServices: [CALENDAR_V3] } },
    });
    expect(bundle.run('make')).toEqual([
      'string',
      1,
      1,
      1,
      'AdvancedServiceIdentifier{name=calendar, version=v3}',
    ]);
    expect(bundle.workspace.meter.counts()).toMatchObject({
      'Calendar.Events.insert': 1,
      'Calendar.Events.list': 1,
      'Calendar.Freebusy.query': 1,
      'Calendar.CalendarList.list': 1,
    });
    const events = bundle.workspace.advanced<CalendarAdvancedEmulator>('calendar').allEvents();
    expect(events.map((e) => [e.summary, e.seeded])).toEqual([['月末締め', false]]);
  });

  it('models each call as one REST round trip (assumed latencies)', () => {
    expect(latencyOf('Calendar.Events.insert')).toBe(200);
    expect(latencyOf('Calendar.Events.get')).toBe(150);
    expect(latencyOf('Calendar.Events.list')).toBe(250);
    expect(latencyOf('Calendar.Freebusy.query')).toBe(250);
    expect(latencyOf('Calendar.newEvent')).toBe(0);
  });
});
