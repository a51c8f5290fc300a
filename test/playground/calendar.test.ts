/**
 * The playground's Calendar pane: the demo calendars (playground/demo/calendar.json) in the
 * emulated Calendar advanced service, the week of the virtual clock (Mon–Sun, Asia/Tokyo) with
 * Japanese holidays named, moving by weeks, and events the bundle makes in the outbox; beside the
 * week, the Calendar add-on's homepage card (the manifest's calendar homepage trigger) with
 * working buttons through the same card-action route as Gmail's.
 */
import type { CalendarAdvancedEmulator } from '../../emulator/services/advanced/calendar';
import { WORKBOOK_ID_PROPERTY } from '../../playground/gmail';
import type { ActionReply } from '../../playground/protocol';
import { type RunningServer, startServer } from '../../playground/server';
import { Playground } from '../../playground/session';

let playground: Playground;

beforeAll(() => {
  playground = new Playground();
});

describe('the Calendar pane', () => {
  it("shows the clock's week, holidays named, all-day events first, tentative ones marked", () => {
    const state = playground.state();
    expect(state.available.calendar).toBe(true);
    const week = state.calendar!;
    // The demo clock: Tue 2026-11-24 09:00 in Tokyo.
    expect(week.offset).toBe(0);
    expect(week.weekStart).toBe('2026-11-23');
    expect(week.days.map((d) => d.label)).toEqual([
      '11/23(月)',
      '11/24(火)',
      '11/25(水)',
      '11/26(木)',
      '11/27(金)',
      '11/28(土)',
      '11/29(日)',
    ]);
    expect(week.days[0]?.holiday).toBe('勤労感謝の日');
    expect(week.days.filter((d) => d.holiday).map((d) => d.date)).toEqual(['2026-11-23']);
    expect(week.days.find((d) => d.today)?.date).toBe('2026-11-24');
    const day = (date: string) => week.days.find((d) => d.date === date)!;
    expect(day('2026-11-24').events.map((e) => [e.time, e.summary, e.own])).toEqual([
      ['10:00–10:30', '週次定例', true],
      ['16:00–17:00', 'あおば工業 訪問', false],
    ]);
    const wed = day('2026-11-25').events;
    expect(wed.map((e) => e.summary)).toEqual(['銀行 外出', 'みなと商事 打ち合わせ(仮)']);
    expect(wed[1]).toMatchObject({ status: 'tentative', time: '14:00–15:30' });
    // All-day first; the two-day exhibition is on both days and not on the end date (exclusive).
    expect(day('2026-11-27').events.map((e) => [e.time, e.summary])).toEqual([
      ['終日', '展示会(幕張)'],
      ['終日', '棚卸し'],
    ]);
    expect(day('2026-11-28').events).toEqual([]);
    expect(day('2026-11-26').events.map((e) => e.summary)).toEqual(['休暇', '展示会(幕張)']);
    // Demo data is not the bundle's work: the outbox has no events.
    expect(state.outbox.events).toBeUndefined();
  });

  it('speaks the account’s language: English day names, holidays and all-day events', () => {
    const english = new Playground();
    english.setLanguage('en');
    const week = english.state().calendar!;
    expect(week.days.map((d) => d.label)).toEqual([
      'Mon 11/23',
      'Tue 11/24',
      'Wed 11/25',
      'Thu 11/26',
      'Fri 11/27',
      'Sat 11/28',
      'Sun 11/29',
    ]);
    expect(week.days[0]?.holiday).toBe('Labour Thanksgiving Day');
    const friday = week.days.find((d) => d.date === '2026-11-27')!;
    expect(friday.events.map((e) => [e.time, e.when])).toEqual([
      ['all day', 'Thu 11/26–Fri 11/27 all day'],
      ['all day', 'Fri 11/27 all day'],
    ]);
  });

  it('moves by weeks and back to the clock’s week', () => {
    expect(playground.calendarMove(1).ok).toBe(true);
    const next = playground.state().calendar!;
    expect(next.weekStart).toBe('2026-11-30');
    expect(next.days[0]?.events.map((e) => e.summary)).toEqual(['月末締め作業']);
    playground.calendarMove(-1);
    playground.calendarMove(-1);
    expect(playground.state().calendar?.weekStart).toBe('2026-11-16');
    playground.calendarMove(0);
    expect(playground.state().calendar?.weekStart).toBe('2026-11-23');
    expect(playground.calendarMove(5).ok).toBe(false);
  });

  it('lists events made through the Calendar service in the week and in the outbox', () => {
    const cal = playground.workspace.advanced<CalendarAdvancedEmulator>('calendar');
    cal.Events.insert(
      {
        summary: '請求書送付',
        start: { dateTime: '2026-11-29T09:00:00+09:00' },
        end: { dateTime: '2026-11-29T09:30:00+09:00' },
      },
      'primary',
    );
    const state = playground.state();
    expect(state.calendar?.days[6]?.events.map((e) => [e.time, e.summary, e.seeded])).toEqual([
      ['09:00–09:30', '請求書送付', false],
    ]);
    expect(state.outbox.events?.map((e) => [e.summary, e.when, e.status])).toEqual([
      ['請求書送付', '11/29(日) 09:00–09:30', 'confirmed'],
    ]);
    playground.reset();
    expect(playground.state().outbox.events).toBeUndefined();
  });
});

/** The card's text, without its markup and its style sheet. */
function cardText(html: string | null | undefined): string {
  return (html ?? '')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

describe("the Calendar pane's add-on card", () => {
  let server: RunningServer;

  async function post(path: string, body: unknown = {}): Promise<ActionReply> {
    const res = await fetch(new URL(path, server.url), {
      method: 'POST',
      body: JSON.stringify(body),
    });
    return (await res.json()) as ActionReply;
  }

  beforeAll(async () => {
    server = await startServer({ port: 0 });
  });

  afterAll(() => server.close());

  it("runs the manifest's calendar homepage trigger and renders the homepage card", () => {
    playground.reset();
    // Nothing runs until the pane asks: the card is there, empty.
    expect(playground.state().calendar?.addon).toEqual({
      cardHtml: null,
      notification: '',
      depth: 0,
    });
    expect(playground.calendarHome()).toEqual({ ok: true });
    const run = playground.state().runs.at(-1);
    expect(run).toMatchObject({ name: 'onCalendarHomepage', via: 'addon', ok: true });
    const text = cardText(playground.state().calendar?.addon?.cardHtml);
    expect(text).toContain('今日 2026/11/24');
    expect(text).toContain('今日までのタスク');
    expect(text).toContain('期限切れの請求書');
    expect(text).toContain('ワークブックを開く');
    // The Gmail pane's card is its own.
    expect(playground.state().gmail?.cardHtml).toBeNull();
  });

  it('answers POST /api/calendar/home with the card, and follows the clock', async () => {
    const home = await post('/api/calendar/home');
    expect(home.ok).toBe(true);
    const text = cardText(home.state.calendar?.addon?.cardHtml);
    expect(text).toContain('今日までのタスク');
    expect(text).toContain('期限切れの請求書');
    expect(home.state.runs.at(-1)?.name).toBe('onCalendarHomepage');
    await post('/api/clock', { action: 'advance', ms: 86_400_000 });
    const next = await post('/api/calendar/home');
    expect(cardText(next.state.calendar?.addon?.cardHtml)).toContain('今日 2026/11/25');
  });

  it("runs the card's buttons through the card-action route with the Calendar host", async () => {
    await post('/api/reset');
    // A person who never opened Pokke in the workbook: the homepage asks for its address.
    const ws = server.playground.workspace;
    const workbookId = ws.PropertiesService.getUserProperties().getProperty(WORKBOOK_ID_PROPERTY);
    ws.PropertiesService.getUserProperties().deleteProperty(WORKBOOK_ID_PROPERTY);
    const connect = await post('/api/calendar/home');
    expect(connect.state.calendar?.addon?.cardHtml).toContain(
      'data-action="mailTaskConnectWorkbook"',
    );
    // Only functions on the card run; the host must be one with a card.
    const refused = await post('/api/gmail/action', { host: 'calendar', functionName: 'onOpen' });
    expect(refused).toMatchObject({
      ok: false,
      message: 'この操作はカードにありません',
    });
    const badHost = await fetch(new URL('/api/gmail/action', server.url), {
      method: 'POST',
      body: JSON.stringify({ host: 'drive', functionName: 'mailTaskConnectWorkbook' }),
    });
    expect(badHost.status).toBe(400);
    const url = `https://docs.google.com/spreadsheets/d/${workbookId}/edit`;
    const done = await post('/api/gmail/action', {
      host: 'calendar',
      functionName: 'mailTaskConnectWorkbook',
      parameters: {},
      formValues: { workbookUrl: url },
    });
    expect(done.ok).toBe(true);
    expect(done.state.runs.at(-1)).toMatchObject({ name: 'mailTaskConnectWorkbook', ok: true });
    expect(done.state.calendar?.addon?.notification).toContain('に接続しました');
    expect(cardText(done.state.calendar?.addon?.cardHtml)).toContain('今日までのタスク');
    // The Gmail pane saw none of it.
    expect(done.state.gmail?.cardHtml).toBeNull();
    expect(done.state.gmail?.notification).toBe('');
  });
});
