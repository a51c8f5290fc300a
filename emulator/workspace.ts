import { VirtualClock } from './core/clock';
import { type Instrumentation, instrument } from './core/instrument';
import { type AccountKind, Meter } from './core/meter';
import { hostRealm } from './core/realm';
import { PropertiesServiceEmulator } from './services/properties';

export interface WorkspaceOptions {
  /** Start of the virtual clock. */
  now?: Date | string | number;
  account?: AccountKind;
  /** The effective/active user. */
  user?: { email: string; locale?: string };
  /** The script project's time zone (appsscript.json `timeZone`). */
  timeZone?: string;
  /** The files of the script project besides Code.js: `name` (no extension) → HTML source. */
  htmlFiles?: Record<string, string>;
}

export interface LogEntry {
  readonly at: number;
  readonly level: 'log' | 'info' | 'warn' | 'error';
  readonly message: string;
}

/**
 * One in-memory Google Workspace: a user, a clock, a call meter and the Apps Script services.
 * Tests and the playground inspect the services' state directly; the bundle only ever sees
 * them through `globals()`, which counts every call.
 */
export class Workspace {
  readonly clock: VirtualClock;
  readonly meter: Meter;
  readonly user: { email: string; locale: string };
  readonly timeZone: string;
  readonly htmlFiles: Map<string, string>;
  readonly logs: LogEntry[] = [];
  private readonly executionEndHooks: (() => void)[] = [];

  readonly PropertiesService: PropertiesServiceEmulator;

  constructor(options: WorkspaceOptions = {}) {
    this.clock = new VirtualClock(options.now);
    this.meter = new Meter(this.clock, options.account);
    this.user = { email: options.user?.email ?? 'owner@example.com', locale: options.user?.locale ?? 'ja' };
    this.timeZone = options.timeZone ?? 'Asia/Tokyo';
    this.htmlFiles = new Map(Object.entries(options.htmlFiles ?? {}));
    this.PropertiesService = new PropertiesServiceEmulator(this);
  }

  /** Registers work to do when an execution ends (locks are released, for example). */
  onExecutionEnd(hook: () => void): void {
    this.executionEndHooks.push(hook);
  }

  endExecution(): void {
    for (const hook of this.executionEndHooks) hook();
    this.meter.endExecution();
  }

  log(level: LogEntry['level'], message: string): void {
    this.logs.push({ at: this.clock.now(), level, message });
  }

  /** The Apps Script globals, instrumented for one realm. */
  globals(realm = hostRealm): Record<string, unknown> {
    const ins: Instrumentation = { meter: this.meter, realm };
    const services: Record<string, object> = {
      PropertiesService: this.PropertiesService,
    };
    const globals: Record<string, unknown> = {};
    for (const [name, service] of Object.entries(services)) {
      globals[name] = instrument(name, service, ins);
    }
    return globals;
  }
}
