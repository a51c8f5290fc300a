import { loadBundle } from '../../emulator/runtime';
import { TOO_MANY_TRIGGERS_MESSAGE, WeekDay } from '../../emulator/services/script';
import { Workspace } from '../../emulator/workspace';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const weekday = WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday;

/** Wall-clock fields of an instant in Tokyo (UTC+9, no DST), independent of the host's TZ. */
function tokyo(ms: number) {
  const d = new Date(ms + 9 * HOUR);
  return {
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

const DEC_FROM = Date.parse('2026-12-01T00:00:00+09:00');
const DEC_TO = Date.parse('2027-01-01T00:00:00+09:00');

describe('ScriptApp triggers', () => {
  it('everyDays(1).atHour(9) fires every day of the month at 9 o’clock Tokyo time, at a stable minute', () => {
    const ws = new Workspace({ now: '2026-11-24T10:00:00+09:00' });
    const trigger = ws.ScriptApp.newTrigger('dailyJobs')
      .timeBased()
      .everyDays(1)
      .atHour(9)
      .create();
    const firings = ws.ScriptApp.dueTriggers(DEC_FROM, DEC_TO);
    expect(firings).toHaveLength(31);
    expect(firings.map((f) => tokyo(f.at).day)).toEqual(
      Array.from({ length: 31 }, (_, i) => i + 1),
    );
    expect(new Set(firings.map((f) => tokyo(f.at).hour))).toEqual(new Set([9]));
    expect(new Set(firings.map((f) => tokyo(f.at).minute)).size).toBe(1);
    expect(firings.every((f) => f.trigger === trigger)).toBe(true);
    // 09:mm in Tokyo is 00:mm UTC.
    expect(new Date(firings[0]?.at ?? 0).getUTCHours()).toBe(0);
  });

  it('nearMinute keeps the firing within 15 minutes of the minute asked for', () => {
    const ws = new Workspace();
    for (let i = 0; i < 10; i++) {
      ws.ScriptApp.newTrigger(`job${i}`).timeBased().everyDays(1).atHour(6).nearMinute(30).create();
    }
    const minutes = ws.ScriptApp.dueTriggers(DEC_FROM, DEC_FROM + DAY).map(
      (f) => tokyo(f.at).minute,
    );
    expect(minutes).toHaveLength(10);
    for (const m of minutes) expect(Math.abs(m - 30)).toBeLessThanOrEqual(15);
  });

  it('onMonthDay, onWeekDay and everyHours follow the trigger’s time zone', () => {
    const ws = new Workspace({ now: '2026-11-24T10:00:00+09:00' });
    ws.ScriptApp.newTrigger('monthEnd').timeBased().onMonthDay(1).atHour(3).create();
    ws.ScriptApp.newTrigger('weekly').timeBased().onWeekDay(weekday.MONDAY).atHour(8).create();
    ws.ScriptApp.newTrigger('utcDaily')
      .timeBased()
      .everyDays(1)
      .atHour(3)
      .inTimezone('UTC')
      .create();
    ws.ScriptApp.newTrigger('sixHourly').timeBased().everyHours(6).create();
    const firings = ws.ScriptApp.dueTriggers(DEC_FROM, DEC_TO);
    const of = (name: string) => firings.filter((f) => f.trigger.getHandlerFunction() === name);

    const monthly = of('monthEnd');
    expect(monthly).toHaveLength(1);
    // 1 December 03:xx in Tokyo is still 30 November in UTC.
    expect(tokyo(monthly[0]?.at ?? 0)).toMatchObject({ day: 1, hour: 3 });
    expect(new Date(monthly[0]?.at ?? 0).getUTCDate()).toBe(30);

    // Mondays of December 2026: 7, 14, 21, 28.
    expect(of('weekly').map((f) => tokyo(f.at))).toEqual(
      [7, 14, 21, 28].map((day) => expect.objectContaining({ day, weekday: 1, hour: 8 })),
    );

    expect(new Set(of('utcDaily').map((f) => new Date(f.at).getUTCHours()))).toEqual(new Set([3]));
    expect(new Set(of('utcDaily').map((f) => tokyo(f.at).hour))).toEqual(new Set([12]));

    const six = of('sixHourly');
    expect(six).toHaveLength(31 * 4);
    // Created at 10:00 Tokyo: fires at 4, 10, 16 and 22 o’clock.
    expect(new Set(six.map((f) => tokyo(f.at).hour))).toEqual(new Set([4, 10, 16, 22]));
    expect(firings.map((f) => f.at)).toEqual([...firings.map((f) => f.at)].sort((a, b) => a - b));
  });

  it('one-off triggers fire once and stay listed until deleted', () => {
    const ws = new Workspace({ now: '2026-11-24T10:00:00+09:00' });
    const now = ws.clock.now();
    const soon = ws.ScriptApp.newTrigger('retry')
      .timeBased()
      .after(5 * 60 * 1000)
      .create();
    const dated = ws.ScriptApp.newTrigger('remind')
      .timeBased()
      .at(new Date('2026-11-30T17:00:00+09:00') as unknown as GoogleAppsScript.Base.Date)
      .create();
    const newYear = ws.ScriptApp.newTrigger('newYear').timeBased().atDate(2027, 1, 1).create();

    const week = ws.ScriptApp.dueTriggers(now, now + 7 * DAY);
    expect(week.map((f) => [f.trigger, f.at])).toEqual([
      [soon, now + 5 * 60 * 1000],
      [dated, Date.parse('2026-11-30T17:00:00+09:00')],
    ]);
    for (const f of week) ws.ScriptApp.recordFiring(f);
    const nearMidnight = ws.ScriptApp.dueTriggers(DEC_FROM, DEC_TO + DAY);
    expect(nearMidnight.map((f) => f.trigger)).toEqual([newYear]);
    expect(Math.abs((nearMidnight[0]?.at ?? 0) - DEC_TO)).toBeLessThanOrEqual(15 * 60 * 1000);

    ws.clock.set(now + 40 * DAY);
    expect(ws.ScriptApp.dueTriggers(now + 7 * DAY, now + 40 * DAY).map((f) => f.trigger)).toEqual([
      newYear,
    ]);
    expect(ws.ScriptApp.getProjectTriggers()).toHaveLength(3);
    ws.ScriptApp.deleteTrigger(soon);
    expect(ws.ScriptApp.getProjectTriggers()).toEqual([dated, newYear]);
  });

  it('a one-off trigger whose time passed during a long execution fires late, once', () => {
    const ws = new Workspace({ now: '2026-11-24T09:00:00+09:00' });
    const now = ws.clock.now();
    const later = ws.ScriptApp.newTrigger('continueWork').timeBased().after(60_000).create();
    const daily = ws.ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).create();
    // A 4-minute execution runs through the minute the trigger was due; no firing was delivered.
    ws.clock.set(now + 4 * 60_000);
    const [late, ...rest] = ws.ScriptApp.dueTriggers(ws.clock.now(), ws.clock.now() + 60_000);
    expect(rest).toEqual([]);
    expect(late).toEqual({ trigger: later, at: now + 4 * 60_000 });
    ws.ScriptApp.recordFiring(late!);
    expect(ws.ScriptApp.dueTriggers(now, now + DAY).map((f) => f.trigger)).toEqual([daily]);
    // Recurring schedules do not catch up missed firings.
    expect(ws.ScriptApp.dueTriggers(now + 3 * DAY, now + 3 * DAY + 60_000)).toEqual([]);
  });

  it('refuses a 21st trigger for the same user with Apps Script’s message', () => {
    const ws = new Workspace();
    const made = Array.from({ length: 20 }, (_, i) =>
      ws.ScriptApp.newTrigger(`job${i}`).timeBased().everyHours(1).create(),
    );
    expect(() => ws.ScriptApp.newTrigger('one-more').timeBased().everyHours(1).create()).toThrow(
      TOO_MANY_TRIGGERS_MESSAGE,
    );
    // Another user of the same script has a quota of their own, and sees only their own triggers.
    ws.user.email = 'staff@example.com';
    expect(ws.ScriptApp.getProjectTriggers()).toEqual([]);
    const theirs = ws.ScriptApp.newTrigger('theirs').timeBased().everyDays(1).create();
    expect(theirs.owner).toBe('staff@example.com');
    ws.user.email = 'owner@example.com';
    ws.ScriptApp.deleteTrigger(made[0] as GoogleAppsScript.Script.Trigger);
    expect(() =>
      ws.ScriptApp.newTrigger('one-more').timeBased().everyHours(1).create(),
    ).not.toThrow();
    expect(ws.ScriptApp.triggers).toHaveLength(21);
  });

  it('rejects intervals Apps Script does not offer', () => {
    const clock = new Workspace().ScriptApp.newTrigger('f').timeBased();
    expect(() => clock.everyMinutes(2)).toThrow(
      'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
    );
    expect(() => clock.everyHours(3)).toThrow(/everyHours was invalid/);
    expect(() => clock.atHour(24)).toThrow('Invalid argument: hour');
    expect(() => new Workspace().ScriptApp.newTrigger('f').timeBased().create()).toThrow(
      /Invalid trigger schedule/,
    );
  });

  it('builds the time-driven event object in UTC, as Apps Script documents it', () => {
    const ws = new Workspace({ now: '2026-11-24T10:00:00+09:00' });
    ws.ScriptApp.newTrigger('monthEnd').timeBased().onMonthDay(1).atHour(3).nearMinute(0).create();
    const [firing] = ws.ScriptApp.dueTriggers(DEC_FROM, DEC_TO);
    if (!firing) throw new Error('no firing');
    const at = new Date(firing.at);
    expect(ws.ScriptApp.eventFor(firing)).toEqual({
      authMode: 'FULL',
      'day-of-month': 30,
      'day-of-week': 1, // Monday 30 November 2026 in UTC
      hour: at.getUTCHours(),
      minute: at.getUTCMinutes(),
      month: 11,
      second: 0,
      timezone: 'UTC',
      triggerUid: firing.trigger.getUniqueId(),
      'week-of-year': 49,
      year: 2026,
    });
  });

  it('spreadsheet triggers record the spreadsheet and the owner', () => {
    const ws = new Workspace();
    const ss = { getId: () => 'sheet-123' };
    const t = ws.ScriptApp.newTrigger('onEditInstalled')
      .forSpreadsheet(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet)
      .onEdit()
      .create();
    expect(t.getEventType()).toBe('ON_EDIT');
    expect(t.getTriggerSource()).toBe('SPREADSHEETS');
    expect(t.getTriggerSourceId()).toBe('sheet-123');
    expect(t.owner).toBe('owner@example.com');
    expect(
      ws.ScriptApp.getUserTriggers(ss as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet),
    ).toEqual([t]);
    expect(
      ws.ScriptApp.getUserTriggers({
        getId: () => 'other',
      } as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet),
    ).toEqual([]);
    expect(ws.ScriptApp.dueTriggers(0, DEC_TO)).toEqual([]);
  });

  it('works from the bundle: counted calls, enums, and a fired handler receiving the event', () => {
    const ws = new Workspace({ now: '2026-11-24T10:00:00+09:00' });
    const bundle = loadBundle(
      `function install() {
         ScriptApp.newTrigger('daily').timeBased().onWeekDay(ScriptApp.WeekDay.FRIDAY).atHour(9).create();
         var t = ScriptApp.getProjectTriggers()[0];
         return [t.getHandlerFunction(), t.getEventType() === ScriptApp.EventType.CLOCK, t.getTriggerSource() == 'CLOCK',
                 ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus() === ScriptApp.AuthorizationStatus.NOT_REQUIRED];
       }
       var seen = [];
       function daily(e) { seen.push(e.authMode === ScriptApp.AuthMode.FULL, e['day-of-week'], e.timezone); return seen; }`,
      { workspace: ws },
    );
    expect(bundle.run('install')).toEqual(['daily', true, true, true]);
    expect(ws.meter.counts()).toMatchObject({
      'ScriptApp.newTrigger': 1,
      'ScriptApp.TriggerBuilder.timeBased': 1,
      'ScriptApp.ClockTriggerBuilder.onWeekDay': 1,
      'ScriptApp.ClockTriggerBuilder.atHour': 1,
      'ScriptApp.ClockTriggerBuilder.create': 1,
      'ScriptApp.getProjectTriggers': 1,
      'ScriptApp.Trigger.getHandlerFunction': 1,
    });
    const [firing] = ws.ScriptApp.dueTriggers(DEC_FROM, DEC_TO);
    if (!firing) throw new Error('no firing');
    expect(tokyo(firing.at)).toMatchObject({ day: 4, weekday: 5, hour: 9 });
    ws.clock.set(firing.at);
    expect(
      bundle.run(firing.trigger.getHandlerFunction(), [ws.ScriptApp.eventFor(firing)], {
        triggered: true,
      }),
    ).toEqual([true, 5, 'UTC']);
  });

  it('answers getScriptId, getOAuthToken and getService', () => {
    const app = new Workspace().ScriptApp;
    expect(app.getScriptId()).toMatch(/^1[\w-]{40,}$/);
    expect(app.getOAuthToken()).toMatch(/^ya29\./);
    expect(app.getService().getUrl()).toMatch(
      /^https:\/\/script\.google\.com\/macros\/s\/.+\/exec$/,
    );
    app.authorizationRequired = true;
    const info = app.getAuthorizationInfo(app.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe('REQUIRED');
    expect(info.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\//);
  });
});
