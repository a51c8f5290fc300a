import { VirtualClock } from '../../emulator/core/clock';
import { latencyOf } from '../../emulator/core/latency';
import { EXECUTION_LIMIT_MESSAGE, Meter } from '../../emulator/core/meter';
import { loadBundle } from '../../emulator/runtime';
import { Workspace } from '../../emulator/workspace';

describe('Meter', () => {
  it('counts calls per Service.Class.method and advances the clock by the modelled latency', () => {
    const clock = new VirtualClock('2026-11-24T09:00:00+09:00');
    const meter = new Meter(clock);
    meter.record('PropertiesService.Properties.getProperty');
    meter.record('PropertiesService.Properties.getProperty');
    meter.record('PropertiesService.Properties.setProperty');
    expect(meter.counts()).toEqual({
      'PropertiesService.Properties.getProperty': 2,
      'PropertiesService.Properties.setProperty': 1,
    });
    expect(meter.total('PropertiesService')).toBe(3);
    expect(clock.now() - Date.parse('2026-11-24T00:00:00Z')).toBe(30 + 30 + 62);
  });

  it('kills an execution that runs past six minutes, and every call after it', () => {
    const meter = new Meter(new VirtualClock());
    meter.beginExecution('slowJob');
    const calls = Math.floor((6 * 60 * 1000) / latencyOf('SpreadsheetApp.Range.getValues'));
    for (let i = 0; i < calls; i++) meter.record('SpreadsheetApp.Range.getValues');
    expect(() => meter.record('SpreadsheetApp.Range.getValues')).toThrow(EXECUTION_LIMIT_MESSAGE);
    expect(() => meter.record('PropertiesService.Properties.getProperty')).toThrow(
      EXECUTION_LIMIT_MESSAGE,
    );
    meter.endExecution();
    meter.beginExecution('next');
    expect(() => meter.record('SpreadsheetApp.Range.getValues')).not.toThrow();
  });

  it('enforces daily quotas with Apps Script’s message and refreshes them after 24 hours', () => {
    const clock = new VirtualClock();
    const meter = new Meter(clock, 'consumer');
    meter.consume('email', 100);
    expect(meter.remaining('email')).toBe(0);
    expect(() => meter.consume('email')).toThrow(
      'Service invoked too many times for one day: email.',
    );
    clock.advance(24 * 60 * 60 * 1000);
    expect(meter.remaining('email')).toBe(100);
    expect(new Meter(clock, 'workspace').remaining('email')).toBe(1500);
  });

  it('can cut an execution off after N calls, as a crash would', () => {
    const meter = new Meter(new VirtualClock());
    meter.killAfter(2);
    meter.beginExecution('job');
    meter.record('Session.getActiveUser');
    meter.record('Session.getActiveUser');
    expect(() => meter.record('Session.getActiveUser')).toThrow(/killed/);
  });
});

describe('runtime', () => {
  const script = `
    function now() { return [new Date().toISOString(), Date.now()]; }
    function store(key, value) { PropertiesService.getScriptProperties().setProperty(key, value); return true; }
    function isDate(d) { return d instanceof Date; }
    function fail() { PropertiesService.getScriptProperties().setProperty('k', 'x'.repeat(10000)); }
    function typeOfGlobals() { return [typeof require, typeof process, typeof module]; }
    function returnsDate() { return new Date(); }
  `;

  it('gives the script the virtual clock as Date', () => {
    const bundle = loadBundle(script, { now: '2026-11-30T23:30:00+09:00' });
    expect(bundle.run('now')).toEqual([
      '2026-11-30T14:30:00.000Z',
      Date.parse('2026-11-30T14:30:00Z'),
    ]);
    bundle.workspace.clock.advance(60_000);
    expect((bundle.run('now') as string[])[0]).toBe('2026-11-30T14:31:00.000Z');
  });

  it('runs in a bare context: no require, no process, no module', () => {
    expect(loadBundle(script).run('typeOfGlobals')).toEqual([
      'undefined',
      'undefined',
      'undefined',
    ]);
  });

  it('lists top-level functions as entry points', () => {
    expect(loadBundle(script).entryPoints).toEqual([
      'now',
      'store',
      'isDate',
      'fail',
      'typeOfGlobals',
      'returnsDate',
    ]);
  });

  it('passes Dates into the script as the script’s own Dates', () => {
    expect(loadBundle(script).run('isDate', [new Date()])).toBe(true);
  });

  it('counts the script’s service calls and throws service errors as the script’s Errors', () => {
    const ws = new Workspace();
    const bundle = loadBundle(script, { workspace: ws });
    bundle.run('store', ['a', 'b']);
    expect(ws.PropertiesService.script.snapshot()).toEqual({ a: 'b' });
    expect(ws.meter.counts()).toEqual({
      'PropertiesService.Properties.setProperty': 1,
      'PropertiesService.getScriptProperties': 1,
    });
    expect(() => bundle.run('fail')).toThrow('Argument too large: value');
  });

  it('follows the google.script.run contract: JSON in, JSON out, no private functions', () => {
    const bundle = loadBundle(`${script}\nfunction secret_() { return 1; }`);
    expect(bundle.runJson('store', ['k', 'v'])).toBe(true);
    expect(() => bundle.runJson('secret_')).toThrow('Script function not found: secret_');
  });
});
