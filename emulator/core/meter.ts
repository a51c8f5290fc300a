import type { VirtualClock } from './clock';
import { LatencyModel } from './latency';

/** Apps Script's per-execution limit for scripts, add-ons and installable triggers. */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const EXECUTION_LIMIT_MESSAGE = 'Exceeded maximum execution time';
/**
 * Workspace add-on triggers and card actions that answer with a card must return within about 30
 * seconds (../shared/docs/platform.md). What the user sees past it, and whether the execution
 * goes on server-side, is unconfirmed: the emulator ends it with the same message as the 6-minute
 * limit, so a test notices.
 */
export const CARD_RESPONSE_LIMIT_MS = 30 * 1000;

export type AccountKind = 'consumer' | 'workspace';

/** Daily quotas from developers.google.com/apps-script/guides/services/quotas (consumer / Workspace). */
export const DAILY_QUOTAS = {
  email: { consumer: 100, workspace: 1500 },
  calendarEventsCreated: { consumer: 5000, workspace: 10000 },
  documentsCreated: { consumer: 250, workspace: 1500 },
  conversions: { consumer: 2000, workspace: 4000 },
  urlFetchCalls: { consumer: 20000, workspace: 100000 },
  properties: { consumer: 50000, workspace: 500000 },
  triggerRuntimeMs: { consumer: 90 * 60 * 1000, workspace: 6 * 60 * 60 * 1000 },
} as const;
export type QuotaName = keyof typeof DAILY_QUOTAS;

/** The word Apps Script puts after "Service invoked too many times for one day: ". */
const QUOTA_ERROR_WORD: Record<QuotaName, string> = {
  email: 'email',
  calendarEventsCreated: 'calendar',
  documentsCreated: 'docs create',
  conversions: 'file conversion',
  urlFetchCalls: 'urlfetch',
  properties: 'properties',
  triggerRuntimeMs: 'trigger runtime',
};

const DAY_MS = 24 * 60 * 60 * 1000;

interface Execution {
  readonly label: string;
  readonly startedAt: number;
  readonly limitMs: number;
  readonly triggered: boolean;
  dead: boolean;
  /** Cut off by its time limit (not by `killAfter`). */
  timedOut: boolean;
}

/** An execution once ended, as `endExecution` reports it. */
export interface ExecutionReport {
  readonly label: string;
  readonly elapsedMs: number;
  readonly limitMs: number;
  /** The execution ran past its time limit and was ended with `EXECUTION_LIMIT_MESSAGE`. */
  readonly exceeded: boolean;
}

/** Thrown when a test asked the meter to cut an execution off (a crash, a killed run). */
export class ExecutionKilled extends Error {
  constructor(at: number) {
    super(`Execution killed by the emulator after ${at} service calls`);
    this.name = 'ExecutionKilled';
  }
}

/**
 * Counts every service call, advances the virtual clock by each call's modelled latency, and
 * enforces the execution time limit and the daily quotas with Apps Script's own messages.
 */
export class Meter {
  private readonly calls = new Map<string, number>();
  /** Units charged per latency rule pattern (cells flushed, extra PDF pages), since resetCounts. */
  private readonly unitsCharged = new Map<string, number>();
  private readonly used = new Map<QuotaName, { windowStart: number; used: number }>();
  private execution: Execution | undefined;
  private killAt: number | undefined;
  private nextLimitMs: number | undefined;
  /** The execution that ended last: its time, its limit and whether it ran out of time. */
  lastExecution: ExecutionReport | undefined;
  private callsThisExecution = 0;
  /** Every call key in order, while tracing (for tests that cut a run off at a chosen call). */
  private traceLog: string[] | undefined;

  constructor(
    readonly clock: VirtualClock,
    readonly account: AccountKind = 'consumer',
    readonly latency: LatencyModel = new LatencyModel(),
  ) {}

  /** Records one call of `Service.Class.method`. Throws if the execution has run out of time. */
  record(key: string): void {
    const exec = this.execution;
    if (exec?.dead) throw new Error(EXECUTION_LIMIT_MESSAGE);
    this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    this.traceLog?.push(key);
    this.callsThisExecution += 1;
    if (this.killAt !== undefined && this.callsThisExecution > this.killAt) {
      const at = this.killAt;
      this.killAt = undefined;
      if (exec) exec.dead = true;
      throw new ExecutionKilled(at);
    }
    this.clock.advance(this.latency.callMs(key));
    this.checkTime();
  }

  /**
   * Charges the part of a call's cost that grows with its work (`units` under the latency rule
   * `pattern`: cells a flush applies, pages a conversion renders). The emulated service calls it
   * while the call runs, since only it knows the amount.
   */
  chargeUnits(pattern: string, units: number): void {
    this.unitsCharged.set(pattern, (this.unitsCharged.get(pattern) ?? 0) + units);
    this.spend(this.latency.unitsMs(pattern, units));
  }

  /** Advances time spent computing or sleeping inside the execution, then checks the limit. */
  spend(ms: number): void {
    this.clock.advance(ms);
    this.checkTime();
  }

  private checkTime(): void {
    const exec = this.execution;
    if (exec && this.clock.now() - exec.startedAt > exec.limitMs) {
      exec.dead = true;
      exec.timedOut = true;
      throw new Error(EXECUTION_LIMIT_MESSAGE);
    }
  }

  /**
   * Starts an execution. Its time limit is `options.limitMs`, else the one `limitNextExecution`
   * set, else the 6-minute limit.
   */
  beginExecution(label: string, options: { triggered?: boolean; limitMs?: number } = {}): void {
    const limitMs = options.limitMs ?? this.nextLimitMs ?? EXECUTION_LIMIT_MS;
    this.nextLimitMs = undefined;
    this.execution = {
      label,
      startedAt: this.clock.now(),
      limitMs,
      triggered: options.triggered ?? false,
      dead: false,
      timedOut: false,
    };
    this.callsThisExecution = 0;
  }

  /** Whether the current execution was cut off (killed, or out of time). */
  executionDied(): boolean {
    return this.execution?.dead ?? false;
  }

  endExecution(): ExecutionReport | undefined {
    // A kill planned for this execution that it did not reach expires with it.
    this.killAt = undefined;
    const exec = this.execution;
    if (!exec) return undefined;
    this.execution = undefined;
    const elapsedMs = this.clock.now() - exec.startedAt;
    if (exec.triggered) this.addUsage('triggerRuntimeMs', elapsedMs);
    const done = { label: exec.label, elapsedMs, limitMs: exec.limitMs, exceeded: exec.timedOut };
    this.lastExecution = done;
    return done;
  }

  /**
   * Gives the next execution a shorter time limit (`CARD_RESPONSE_LIMIT_MS` for an add-on
   * trigger that must answer with a card), for callers that start it through an API taking no
   * limit, such as `Bundle.run`.
   */
  limitNextExecution(ms: number | undefined): void {
    this.nextLimitMs = ms;
  }

  /** Starts recording every call key in order; `trace()` returns them. */
  startTrace(): void {
    this.traceLog = [];
  }

  trace(): readonly string[] {
    return this.traceLog ?? [];
  }

  /**
   * Makes the next execution die after `calls` more service calls (for crash tests); if it makes
   * fewer calls, it ends normally and the plan expires with it.
   */
  killAfter(calls: number): void {
    this.killAt = calls;
  }

  /** Consumes `n` units of a daily quota, or throws Apps Script's quota error. */
  consume(quota: QuotaName, n = 1): void {
    const entry = this.window(quota);
    if (entry.used + n > this.limit(quota)) {
      throw new Error(`Service invoked too many times for one day: ${QUOTA_ERROR_WORD[quota]}.`);
    }
    entry.used += n;
  }

  remaining(quota: QuotaName): number {
    return Math.max(0, this.limit(quota) - this.window(quota).used);
  }

  limit(quota: QuotaName): number {
    return DAILY_QUOTAS[quota][this.account];
  }

  private addUsage(quota: QuotaName, n: number): void {
    this.window(quota).used += n;
  }

  /** Quotas refresh 24 hours after the first use in a window. */
  private window(quota: QuotaName): { windowStart: number; used: number } {
    const now = this.clock.now();
    let entry = this.used.get(quota);
    if (!entry || now - entry.windowStart >= DAY_MS) {
      entry = { windowStart: now, used: 0 };
      this.used.set(quota, entry);
    }
    return entry;
  }

  /** Calls per `Service.Class.method`, sorted by key. */
  counts(): Record<string, number> {
    return Object.fromEntries([...this.calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Total calls, optionally for one service (`SpreadsheetApp`) or one prefix (`SpreadsheetApp.Range`). */
  total(prefix?: string): number {
    let sum = 0;
    for (const [key, n] of this.calls) {
      if (!prefix || key === prefix || key.startsWith(`${prefix}.`)) sum += n;
    }
    return sum;
  }

  /** Units charged through `chargeUnits`, per latency rule pattern. */
  units(): Record<string, number> {
    return Object.fromEntries(this.unitsCharged);
  }

  resetCounts(): void {
    this.calls.clear();
    this.unitsCharged.clear();
  }
}
