/**
 * The playground's clock for automations: the jump to the month's last bank business day, and
 * firing the due triggers through emulator/trigger-runner.ts — one-off triggers created by a
 * firing (a run continuing itself) run too, and every firing is in the execution log.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptySheet } from '../../playground/model';
import { lastBusinessDay, Playground, parseTime } from '../../playground/session';

const TZ = 'Asia/Tokyo';
const at = (text: string) => parseTime(text, TZ)!;

describe('lastBusinessDay', () => {
  it.each([
    ['2026-11-24T09:00', '2026-11-30T09:00'], // Mon 30th
    ['2026-10-01T07:30', '2026-10-30T07:30'], // 31st is a Saturday
    ['2026-10-30T23:00', '2026-10-30T23:00'], // already that day
    ['2026-10-31T10:00', '2026-11-30T10:00'], // passed: next month's
    ['2026-12-01T06:00', '2026-12-30T06:00'], // banks close on 12/31
    ['2026-12-31T06:00', '2027-01-29T06:00'], // into next year (1/31 is a Sunday)
    ['2027-05-10T09:00', '2027-05-31T09:00'],
  ])('%s → %s', (from, to) => {
    expect(lastBusinessDay(at(from), TZ)).toBe(at(to));
  });
});

describe('firing the due triggers', () => {
  // A script of its own: a daily job that runs out of time once and continues on a one-off
  // trigger a minute later, as the dispatcher does; and a job that fails.
  const dist = mkdtempSync(join(tmpdir(), 'pokke-dist-'));
  writeFileSync(
    join(dist, 'Code.js'),
    `function onOpen() { SpreadsheetApp.getUi().createMenu('Test').addItem('Schedule', 'schedule').addItem('Broken', 'broken').addToUi(); }
function schedule() { ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(6).create(); }
function broken() { ScriptApp.newTrigger('fails').timeBased().everyDays(1).atHour(7).create(); }
function stamp() { return Utilities.formatDate(new Date(), 'Asia/Tokyo', 'MM-dd HH:mm'); }
function daily() {
  console.log('daily ' + stamp());
  ScriptApp.newTrigger('continueDaily').timeBased().after(60 * 1000).create();
}
function continueDaily(e) {
  ScriptApp.getProjectTriggers().forEach(function (t) {
    if (t.getUniqueId() === e.triggerUid) ScriptApp.deleteTrigger(t);
  });
  console.log('continued ' + stamp());
}
function fails() { throw new Error('シートがありません / No such sheet'); }`,
  );
  const workbook = { name: 'test', timeZone: TZ, sheets: [emptySheet('シート1')] };

  it('runs the continuations a firing creates, each recorded as a trigger execution', () => {
    const pg = new Playground({ distDir: dist, workbook, now: '2026-11-27T09:00+09:00' });
    expect(pg.clickMenu('schedule')).toEqual({ ok: true });
    expect(pg.clock({ action: 'lastBusinessDay' })).toEqual({ ok: true });
    // Same time of day (the menu click took a second of modelled time).
    const chosen = pg.state().clock.now;
    expect(chosen - at('2026-11-30T09:00')).toBeLessThan(60_000);
    expect(pg.fireDueTriggers()).toEqual({
      ok: true,
      message: 'トリガーを 6 回実行しました',
    });
    const runs = pg.state().runs.filter((r) => r.via === 'trigger');
    expect(runs.map((r) => r.name)).toEqual([
      'daily',
      'continueDaily',
      'daily',
      'continueDaily',
      'daily',
      'continueDaily',
    ]);
    const messages = runs.flatMap((r) => r.logs.map((l) => l.message));
    expect(messages[0]).toMatch(/^daily 11-28 06:\d\d$/);
    expect(messages[5]).toMatch(/^continued 11-30 06:\d\d$/);
    // Each run starts at its own time, in order, after the one before.
    for (let i = 1; i < runs.length; i++) {
      expect(runs[i]!.startedAt).toBeGreaterThanOrEqual(runs[i - 1]!.endedAt);
    }
    // The clock is back at the time the person chose; nothing fires twice.
    expect(pg.state().clock.now).toBe(chosen);
    expect(pg.fireDueTriggers().message).toBe('実行するトリガーはありませんでした');
    expect(pg.state().triggers.map((t) => t.handler)).toEqual(['daily']);
  });

  it('a failing firing is counted and logged with its message; the others still run', () => {
    const pg = new Playground({ distDir: dist, workbook, now: '2026-11-29T09:00+09:00' });
    pg.clickMenu('schedule');
    pg.clickMenu('broken');
    pg.clock({ action: 'advance', ms: 86_400_000 });
    const fired = pg.fireDueTriggers();
    expect(fired).toEqual({
      ok: false,
      message: 'トリガーを 3 回実行しました(失敗 1)',
    });
    const runs = pg.state().runs.filter((r) => r.via === 'trigger');
    expect(runs.map((r) => [r.name, r.ok, r.error])).toEqual([
      ['daily', true, undefined],
      ['continueDaily', true, undefined],
      ['fails', false, 'シートがありません / No such sheet'],
    ]);
  });
});
