import { VirtualClock } from './core/clock';
import { type Instrumentation, instrument } from './core/instrument';
import { LatencyModel, type LatencyOptions } from './core/latency';
import { type AccountKind, Meter } from './core/meter';
import { hostRealm } from './core/realm';
import {
  ADVANCED_SERVICES,
  advancedDefinition,
  type EnabledAdvancedService,
} from './services/advanced/registry';
import { MimeType } from './services/blob';
import { CacheServiceEmulator } from './services/cache';
import { CardServiceEmulator } from './services/card';
import { DriveAppEmulator } from './services/drive';
import { GmailAppEmulator } from './services/gmail';
import { HtmlServiceEmulator } from './services/html';
import { LockServiceEmulator } from './services/lock';
import { MailAppEmulator } from './services/mail';
import { PropertiesServiceEmulator } from './services/properties';
import { ScriptAppEmulator } from './services/script';
import { SessionEmulator } from './services/session';
import { SpreadsheetAppEmulator } from './services/spreadsheet/app';
import { UiEmulator } from './services/ui';
import { UrlFetchAppEmulator } from './services/urlfetch';
import { UtilitiesEmulator } from './services/utilities';

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
  /**
   * The manifest's `dependencies.enabledAdvancedServices`: which advanced services `globals()`
   * exposes, under which symbol (none by default, as in a new Apps Script project).
   */
  advancedServices?: readonly EnabledAdvancedService[];
  /**
   * The manifest's explicit `oauthScopes`. Undefined (the default) grants every scope, as Apps
   * Script does when a manifest lists none. Advanced services check their calls against them.
   */
  oauthScopes?: readonly string[];
  /** How the latency table is applied (the bench scales the assumed figures; tests never do). */
  latency?: LatencyOptions;
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
  /** Advanced services enabled by default in `globals()` (the manifest's list). */
  advancedServices: readonly EnabledAdvancedService[];
  /** Explicit OAuth scopes of the manifest; undefined grants all (see WorkspaceOptions). */
  grantedScopes: readonly string[] | undefined;
  private readonly advancedRoots = new Map<string, object>();

  readonly PropertiesService: PropertiesServiceEmulator;
  readonly SpreadsheetApp: SpreadsheetAppEmulator;
  readonly CacheService: CacheServiceEmulator;
  readonly LockService: LockServiceEmulator;
  readonly ScriptApp: ScriptAppEmulator;
  readonly Session: SessionEmulator;
  readonly Utilities: UtilitiesEmulator;
  /** The open document's UI (menus, sidebars, dialogs); `SpreadsheetApp.getUi()` returns it. */
  readonly ui: UiEmulator;
  readonly HtmlService: HtmlServiceEmulator;
  readonly CardService: CardServiceEmulator;
  readonly DriveApp: DriveAppEmulator;
  /** The user's mailbox; MailApp sends through it (construct GmailApp first). */
  readonly GmailApp: GmailAppEmulator;
  readonly MailApp: MailAppEmulator;
  /** No network: answers only Drive's export of a Doc as text (see services/urlfetch.ts). */
  readonly UrlFetchApp: UrlFetchAppEmulator;

  constructor(options: WorkspaceOptions = {}) {
    this.clock = new VirtualClock(options.now);
    this.meter = new Meter(this.clock, options.account, new LatencyModel(options.latency));
    this.user = {
      email: options.user?.email ?? 'owner@example.com',
      locale: options.user?.locale ?? 'ja',
    };
    this.timeZone = options.timeZone ?? 'Asia/Tokyo';
    this.htmlFiles = new Map(Object.entries(options.htmlFiles ?? {}));
    this.advancedServices = options.advancedServices ?? [];
    this.grantedScopes = options.oauthScopes;
    this.PropertiesService = new PropertiesServiceEmulator(this);
    this.SpreadsheetApp = new SpreadsheetAppEmulator(this);
    this.CacheService = new CacheServiceEmulator(this);
    this.LockService = new LockServiceEmulator(this);
    this.ScriptApp = new ScriptAppEmulator(this);
    this.Session = new SessionEmulator(this);
    this.Utilities = new UtilitiesEmulator(this);
    this.ui = new UiEmulator(this);
    this.HtmlService = new HtmlServiceEmulator(this);
    this.CardService = new CardServiceEmulator(this);
    this.DriveApp = new DriveAppEmulator(this);
    this.GmailApp = new GmailAppEmulator(this);
    this.MailApp = new MailAppEmulator(this);
    this.UrlFetchApp = new UrlFetchAppEmulator(this);
  }

  /** Registers work to do when an execution ends (locks are released, for example). */
  onExecutionEnd(hook: () => void): void {
    this.executionEndHooks.push(hook);
  }

  /**
   * Starts an execution. Sheets writes made before it (a test or the playground seeding the
   * book, outside any execution) are applied already: its first flush does not pay for them, and
   * a dying execution never rolls them back.
   */
  beginExecution(label: string, options: { triggered?: boolean } = {}): void {
    this.SpreadsheetApp.applyPendingWrites();
    this.meter.beginExecution(label, options);
    this.SpreadsheetApp.executionStarted();
  }

  /** Ends the execution; Apps Script applies the Sheets writes it left pending. */
  endExecution(): void {
    if (this.meter.executionDied()) this.SpreadsheetApp.executionDied();
    for (const hook of this.executionEndHooks) hook();
    this.SpreadsheetApp.applyPendingWrites();
    this.meter.endExecution();
  }

  log(level: LogEntry['level'], message: string): void {
    this.logs.push({ at: this.clock.now(), level, message });
  }

  /**
   * Emulator-only: the raw object of an advanced service (`'drive'`, `'gmail'`…), made on first
   * use and shared by every bundle on this workspace; its state lives in the workspace's stores.
   */
  advanced<T extends object = object>(serviceId: string): T {
    let root = this.advancedRoots.get(serviceId);
    if (!root) {
      const def = ADVANCED_SERVICES.get(serviceId);
      if (!def) throw new Error(`Unknown advanced service: ${serviceId}`);
      root = def.create(this);
      this.advancedRoots.set(serviceId, root);
    }
    return root as T;
  }

  /**
   * The Apps Script globals, instrumented for one realm: the built-in services, and each enabled
   * advanced service under its userSymbol (calls counted as `Drive.Files.create`...).
   */
  globals(
    realm = hostRealm,
    advanced: readonly EnabledAdvancedService[] = this.advancedServices,
  ): Record<string, unknown> {
    const ins: Instrumentation = { meter: this.meter, realm };
    const services: Record<string, object> = {
      PropertiesService: this.PropertiesService,
      SpreadsheetApp: this.SpreadsheetApp,
      CacheService: this.CacheService,
      LockService: this.LockService,
      ScriptApp: this.ScriptApp,
      Session: this.Session,
      Utilities: this.Utilities,
      HtmlService: this.HtmlService,
      CardService: this.CardService,
      DriveApp: this.DriveApp,
      GmailApp: this.GmailApp,
      MailApp: this.MailApp,
      UrlFetchApp: this.UrlFetchApp,
    };
    const globals: Record<string, unknown> = {};
    for (const [name, service] of Object.entries(services)) {
      globals[name] = instrument(name, service, ins);
    }
    for (const entry of advanced) {
      advancedDefinition(entry);
      globals[entry.userSymbol] = instrument(entry.userSymbol, this.advanced(entry.serviceId), ins);
    }
    // A plain enum of strings: nothing to count.
    globals.MimeType = realm.toGuest(MimeType);
    return globals;
  }
}
