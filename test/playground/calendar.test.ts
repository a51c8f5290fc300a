/**
 * The playground's Calendar pane: the demo calendars (playground/demo/calendar.json) in the
 * emulated Calendar advanced service, the week of the virtual clock (Mon–Sun, Asia/Tokyo) with
 * Japanese holidays named, moving by weeks, and events the bundle makes in the outbox.
 */
import type { CalendarAdvancedEmulator } from '../../emulator/services/advanced/calendar';
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
