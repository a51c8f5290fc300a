/** The emulator's controllable clock. Time only moves when a test or the latency model moves it. */
export class VirtualClock {
  private ms: number;

  constructor(start: Date | string | number = '2026-11-24T09:00:00+09:00') {
    this.ms = new Date(start).getTime();
    if (Number.isNaN(this.ms)) throw new Error(`VirtualClock: invalid start ${String(start)}`);
  }

  now(): number {
    return this.ms;
  }

  set(at: Date | string | number): void {
    const ms = new Date(at).getTime();
    if (Number.isNaN(ms)) throw new Error(`VirtualClock: invalid time ${String(at)}`);
    this.ms = ms;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error('VirtualClock: time cannot go backwards');
    this.ms += ms;
  }
}
