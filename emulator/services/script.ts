import { createHash } from 'node:crypto';
import { API_NAME } from '../core/instrument';
import { DAY_MS } from '../core/timezone';
import type { Workspace } from '../workspace';
import { enumOf } from './enum';
import { resolveZone, usWeekOfYear, wallTime, wallToUtc, type Zone } from './timezone';

type S = typeof GoogleAppsScript.Script;

/** The emulated project's script ID (the shape of a real one: 57 characters starting with 1). */
export const SCRIPT_ID = '1PokkeEmulatorScriptId0000000000000000000000000000000000';

/** 20 triggers per user per script (developers.google.com/apps-script/guides/services/quotas). */
export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS_MESSAGE =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export const AuthMode = enumOf('NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL');
export const AuthorizationStatus = enumOf('REQUIRED', 'NOT_REQUIRED');
export const EventType = enumOf(
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
);
export const InstallationSource = enumOf(
  'APPS_MARKETPLACE_DOMAIN_ADD_ON',
  'NONE',
  'WEB_STORE_ADD_ON',
);
export const TriggerSource = enumOf('SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR');
export const WeekDay = enumOf(
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
);
const WEEKDAYS = Object.keys(WeekDay);

/** What a time-driven trigger was built to do. */
export type ClockSchedule =
  | { readonly kind: 'minutes'; readonly every: number }
  | { readonly kind: 'hours'; readonly every: number }
  | { readonly kind: 'days'; readonly every: number }
  | { readonly kind: 'weeks'; readonly every: number }
  | { readonly kind: 'monthDay'; readonly day: number }
  | { readonly kind: 'at'; readonly at: number }
  | { readonly kind: 'after'; readonly ms: number }
  | { readonly kind: 'date'; readonly year: number; readonly month: number; readonly day: number };

export interface ClockSpec {
  readonly schedule: ClockSchedule;
  /** 0 = Sunday … 6 = Saturday (onWeekDay). */
  readonly weekDay?: number;
  readonly hour?: number;
  readonly nearMinute?: number;
  /** The zone the schedule is read in: inTimezone(), else the script's time zone. */
  readonly timeZone: string;
}

export interface Firing {
  readonly trigger: Trigger;
  /** Epoch ms of the firing. */
  readonly at: number;
}

/** The time-driven event object Apps Script passes to the handler. */
export interface TimeDrivenEvent {
  authMode: string;
  'day-of-month': number;
  'day-of-week': number;
  hour: number;
  minute: number;
  month: number;
  second: number;
  timezone: string;
  triggerUid: string;
  'week-of-year': number;
  year: number;
}

function hashInt(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0);
}

export class Trigger implements GoogleAppsScript.Script.Trigger {
  readonly [API_NAME] = 'Trigger';

  constructor(
    readonly id: string,
    readonly handler: string,
    readonly eventType: keyof typeof EventType,
    readonly source: keyof typeof TriggerSource,
    /** The spreadsheet's ID for spreadsheet triggers; null for time-driven ones. */
    readonly sourceId: string | null,
    /** E-mail of the user who made it: the trigger runs as this user, on this user's quota. */
    readonly owner: string,
    readonly createdAt: number,
    readonly clock?: ClockSpec,
  ) {}

  /** One-off (at, after, atDate): fires once and then stays listed, disabled, until deleted. */
  get oneOff(): boolean {
    const k = this.clock?.schedule.kind;
    return k === 'at' || k === 'after' || k === 'date';
  }

  getUniqueId(): string {
    return this.id;
  }

  getHandlerFunction(): string {
    return this.handler;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return this.eventType as unknown as GoogleAppsScript.Script.EventType;
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }

  /** Null for time-driven triggers, as on Apps Script (the type definitions say string). */
  getTriggerSourceId(): string {
    return this.sourceId as string;
  }

  /**
   * The minute offset from the start of the firing hour: nearMinute ± up to 15 minutes, or a
   * minute anywhere in the hour. Random as on Apps Script, but stable: derived from the ID.
   */
  minuteOffset(defaultNear?: number): number {
    const near = this.clock?.nearMinute ?? defaultNear;
    if (near === undefined) return hashInt(`${this.id}:minute`) % 60;
    return near + (hashInt(`${this.id}:jitter`) % 31) - 15;
  }
}

/** Emulator wording: Apps Script's own message for these cases is not on record. */
const conflict = (what: string) => new Error(`Invalid trigger schedule: ${what}.`);

function checkInt(value: unknown, name: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`Invalid argument: ${name}`);
  return n;
}

export class ClockTriggerBuilder implements GoogleAppsScript.Script.ClockTriggerBuilder {
  readonly [API_NAME] = 'ClockTriggerBuilder';
  private schedule: ClockSchedule | undefined;
  private weekDay: number | undefined;
  private hour: number | undefined;
  private nearMinuteValue: number | undefined;
  private timeZone: string | undefined;

  constructor(
    private readonly app: ScriptAppEmulator,
    private readonly handler: string,
  ) {}

  private set(schedule: ClockSchedule): this {
    if (this.schedule) conflictWith(this.schedule.kind, schedule.kind);
    this.schedule = schedule;
    return this;
  }

  after(durationMilliseconds: GoogleAppsScript.Integer): this {
    const ms = Number(durationMilliseconds);
    if (!Number.isFinite(ms) || ms < 0) throw new Error('Invalid argument: durationMilliseconds');
    return this.set({ kind: 'after', ms: Math.trunc(ms) });
  }

  at(date: GoogleAppsScript.Base.Date): this {
    const ms = new Date(date as unknown as Date).getTime();
    if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
    return this.set({ kind: 'at', at: ms });
  }

  /** Fires once on that date, near midnight (± 15 minutes) unless atHour/nearMinute say otherwise. */
  atDate(
    year: GoogleAppsScript.Integer,
    month: GoogleAppsScript.Integer,
    day: GoogleAppsScript.Integer,
  ): this {
    const y = checkInt(year, 'year', 1970, 9999);
    const m = checkInt(month, 'month', 1, 12);
    const d = checkInt(day, 'day', 1, 31);
    return this.set({ kind: 'date', year: y, month: m, day: d });
  }

  atHour(hour: GoogleAppsScript.Integer): this {
    this.hour = checkInt(hour, 'hour', 0, 23);
    return this;
  }

  nearMinute(minute: GoogleAppsScript.Integer): this {
    this.nearMinuteValue = checkInt(minute, 'minute', 0, 59);
    return this;
  }

  everyMinutes(n: GoogleAppsScript.Integer): this {
    if (![1, 5, 10, 15, 30].includes(Number(n))) {
      throw new Error(
        'The value you passed to everyMinutes was invalid. It must be one of 1, 5, 10, 15 or 30.',
      );
    }
    return this.set({ kind: 'minutes', every: Number(n) });
  }

  everyHours(n: GoogleAppsScript.Integer): this {
    if (![1, 2, 4, 6, 8, 12].includes(Number(n))) {
      // Worded after everyMinutes' confirmed message; unconfirmed on a live account.
      throw new Error(
        'The value you passed to everyHours was invalid. It must be one of 1, 2, 4, 6, 8 or 12.',
      );
    }
    return this.set({ kind: 'hours', every: Number(n) });
  }

  everyDays(n: GoogleAppsScript.Integer): this {
    return this.set({ kind: 'days', every: checkInt(n, 'n', 1, 1000) });
  }

  everyWeeks(n: GoogleAppsScript.Integer): this {
    return this.set({ kind: 'weeks', every: checkInt(n, 'n', 1, 1000) });
  }

  onMonthDay(day: GoogleAppsScript.Integer): this {
    return this.set({ kind: 'monthDay', day: checkInt(day, 'day', 1, 31) });
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): this {
    const index = WEEKDAYS.indexOf(String(day));
    if (index < 0) throw new Error('Invalid argument: day');
    this.weekDay = index;
    return this;
  }

  inTimezone(timezone: string): this {
    this.timeZone = String(timezone);
    return this;
  }

  create(): Trigger {
    let schedule = this.schedule;
    if (this.weekDay !== undefined) {
      if (!schedule) schedule = { kind: 'weeks', every: 1 };
      else if (schedule.kind !== 'weeks')
        throw conflict(`onWeekDay cannot be combined with ${schedule.kind}`);
    }
    if (!schedule) throw conflict('no recurrence or time was chosen');
    if (this.hour !== undefined && !['days', 'weeks', 'monthDay', 'date'].includes(schedule.kind)) {
      throw conflict(`atHour cannot be combined with ${schedule.kind}`);
    }
    if (this.nearMinuteValue !== undefined && ['minutes', 'at', 'after'].includes(schedule.kind)) {
      throw conflict(`nearMinute cannot be combined with ${schedule.kind}`);
    }
    return this.app.addTrigger(this.handler, 'CLOCK', 'CLOCK', null, {
      schedule,
      ...(this.weekDay !== undefined ? { weekDay: this.weekDay } : {}),
      ...(this.hour !== undefined ? { hour: this.hour } : {}),
      ...(this.nearMinuteValue !== undefined ? { nearMinute: this.nearMinuteValue } : {}),
      timeZone: this.timeZone ?? this.app.scriptTimeZone(),
    });
  }
}

function conflictWith(existing: string, next: string): never {
  throw conflict(`${next} cannot be combined with ${existing}`);
}

export class SpreadsheetTriggerBuilder
  implements GoogleAppsScript.Script.SpreadsheetTriggerBuilder
{
  readonly [API_NAME] = 'SpreadsheetTriggerBuilder';
  private eventType: 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT' | undefined;

  constructor(
    private readonly app: ScriptAppEmulator,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  onOpen(): this {
    this.eventType = 'ON_OPEN';
    return this;
  }

  onEdit(): this {
    this.eventType = 'ON_EDIT';
    return this;
  }

  onChange(): this {
    this.eventType = 'ON_CHANGE';
    return this;
  }

  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }

  create(): Trigger {
    if (!this.eventType)
      throw conflict('no spreadsheet event (onOpen, onEdit, onChange, onFormSubmit) was chosen');
    return this.app.addTrigger(this.handler, this.eventType, 'SPREADSHEETS', this.spreadsheetId);
  }
}

type Container = { getId(): string };

const notEmulated = (what: string): never => {
  throw new Error(`${what} is not emulated by Pokke's emulator`);
};

export class TriggerBuilder implements GoogleAppsScript.Script.TriggerBuilder {
  readonly [API_NAME] = 'TriggerBuilder';

  constructor(
    private readonly app: ScriptAppEmulator,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return new ClockTriggerBuilder(this.app, this.handler);
  }

  forSpreadsheet(sheet: Container | string): SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet?.getId?.();
    if (!id) throw new Error('Invalid argument: sheet');
    return new SpreadsheetTriggerBuilder(this.app, this.handler, id);
  }

  forDocument(_document: unknown): never {
    return notEmulated('TriggerBuilder.forDocument');
  }

  forForm(_form: unknown): never {
    return notEmulated('TriggerBuilder.forForm');
  }

  forUserCalendar(_emailId: string): never {
    return notEmulated('TriggerBuilder.forUserCalendar');
  }
}

export class AuthorizationInfo implements GoogleAppsScript.Script.AuthorizationInfo {
  readonly [API_NAME] = 'AuthorizationInfo';

  constructor(private readonly required: boolean) {}

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    const status = this.required ? AuthorizationStatus.REQUIRED : AuthorizationStatus.NOT_REQUIRED;
    return status as unknown as GoogleAppsScript.Script.AuthorizationStatus;
  }

  /** Null when no authorization is required. */
  getAuthorizationUrl(): string {
    return (
      this.required ? `https://script.google.com/macros/d/${SCRIPT_ID}/authorize` : null
    ) as string;
  }
}

export class Service implements GoogleAppsScript.Script.Service {
  readonly [API_NAME] = 'Service';

  constructor(private readonly app: ScriptAppEmulator) {}

  /** The web app's URL, or null if the script is not deployed as one. */
  getUrl(): string {
    return (this.app.webApp.deployed ? this.app.webApp.url : null) as string;
  }

  isEnabled(): boolean {
    return this.app.webApp.deployed;
  }

  /** Deprecated in Apps Script. */
  disable(): void {
    this.app.webApp.deployed = false;
  }
}

type Implemented =
  | 'AuthMode'
  | 'AuthorizationStatus'
  | 'EventType'
  | 'InstallationSource'
  | 'TriggerSource'
  | 'WeekDay'
  | 'deleteTrigger'
  | 'getAuthorizationInfo'
  | 'getIdentityToken'
  | 'getInstallationSource'
  | 'getOAuthToken'
  | 'getProjectTriggers'
  | 'getScriptId'
  | 'getService'
  | 'getUserTriggers'
  | 'invalidateAuth'
  | 'newTrigger'
  | 'requireAllScopes'
  | 'requireScopes';

/**
 * ScriptApp with installable triggers kept in memory.
 *
 * Emulator-only API (not part of Apps Script, not counted when used on `ws.ScriptApp` directly):
 * - `triggers` — every trigger of the project, all users, in creation order.
 * - `dueTriggers(fromMs, toMs)` — the time-driven firings in [fromMs, toMs), in time order, plus
 *   one-off triggers overdue and never fired (at fromMs); `recordFiring(firing)` once delivered.
 * - `eventFor(firing)` — the event object Apps Script passes to a time-driven handler.
 * - `authorizationRequired`, `webApp` — knobs for getAuthorizationInfo and getService.
 *
 * A one-off trigger (at, after, atDate) fires once and then stays in getProjectTriggers(), still
 * counting towards the 20-trigger limit, until the script deletes it: the widely reported Apps
 * Script behaviour (scripts that schedule themselves with after() must delete the spent trigger).
 */
export class ScriptAppEmulator implements Pick<GoogleAppsScript.Script.ScriptApp, Implemented> {
  readonly [API_NAME] = 'ScriptApp';
  readonly AuthMode = AuthMode as unknown as S['AuthMode'];
  readonly AuthorizationStatus = AuthorizationStatus as unknown as S['AuthorizationStatus'];
  readonly EventType = EventType as unknown as S['EventType'];
  readonly InstallationSource = InstallationSource as unknown as S['InstallationSource'];
  readonly TriggerSource = TriggerSource as unknown as S['TriggerSource'];
  readonly WeekDay = WeekDay as unknown as typeof GoogleAppsScript.Base.Weekday;

  /** Emulator-only: make getAuthorizationInfo() report REQUIRED (a new scope not yet granted). */
  authorizationRequired = false;
  /** Emulator-only: what getService() reports. */
  readonly webApp: { deployed: boolean; url: string } = {
    deployed: true,
    url: `https://script.google.com/macros/s/AKfycbPokkeEmulator/exec`,
  };

  private readonly all: Trigger[] = [];
  /** One-off triggers that have fired (they stay listed, disabled, until deleted). */
  private readonly spent = new WeakSet<Trigger>();
  private sequence = 0;

  constructor(private readonly ws: Workspace) {}

  /** @internal */
  scriptTimeZone(): string {
    return this.ws.timeZone;
  }

  /** @internal Adds a trigger for the current user, enforcing the 20-trigger limit. */
  addTrigger(
    handler: string,
    eventType: keyof typeof EventType,
    source: keyof typeof TriggerSource,
    sourceId: string | null,
    clock?: ClockSpec,
  ): Trigger {
    const owner = this.ws.user.email;
    if (this.all.filter((t) => t.owner === owner).length >= MAX_TRIGGERS_PER_USER) {
      throw new Error(TOO_MANY_TRIGGERS_MESSAGE);
    }
    this.sequence += 1;
    const digest = createHash('sha256').update(`${SCRIPT_ID}:trigger:${this.sequence}`).digest();
    const id = (digest.readBigUInt64BE(0) & 0x7fffffffffffffffn).toString();
    const trigger = new Trigger(
      id,
      String(handler),
      eventType,
      source,
      sourceId,
      owner,
      this.ws.clock.now(),
      clock,
    );
    this.all.push(trigger);
    return trigger;
  }

  /** Emulator-only: every trigger of the project (all users), in creation order. */
  get triggers(): readonly Trigger[] {
    return [...this.all];
  }

  newTrigger(functionName: string): TriggerBuilder {
    return new TriggerBuilder(this, String(functionName));
  }

  /** The current user's triggers in this project. */
  getProjectTriggers(): Trigger[] {
    return this.all.filter((t) => t.owner === this.ws.user.email);
  }

  /** The current user's triggers for one spreadsheet (or document, or form). */
  getUserTriggers(container: Container): Trigger[] {
    const id = container?.getId?.();
    return this.all.filter(
      (t) => t.owner === this.ws.user.email && t.sourceId !== null && t.sourceId === id,
    );
  }

  /** Deleting a trigger that is already gone does nothing (unconfirmed on a live account). */
  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger): void {
    const id = trigger?.getUniqueId?.();
    const i = this.all.findIndex((t) => t.id === id && t.owner === this.ws.user.email);
    if (i >= 0) this.all.splice(i, 1);
  }

  getScriptId(): string {
    return SCRIPT_ID;
  }

  getOAuthToken(): string {
    const h = createHash('sha256')
      .update(`${SCRIPT_ID}:oauth:${this.ws.user.email}`)
      .digest('base64url');
    return `ya29.emulator-${h}`;
  }

  /** An unsigned stand-in for the OpenID Connect identity token (header.payload.signature). */
  getIdentityToken(): string {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(this.ws.clock.now() / 1000);
    return `${part({ alg: 'none', typ: 'JWT' })}.${part({
      iss: 'https://accounts.google.com',
      email: this.ws.user.email,
      email_verified: true,
      iat: now,
      exp: now + 3600,
    })}.`;
  }

  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return InstallationSource.NONE as unknown as GoogleAppsScript.Script.InstallationSource;
  }

  getService(): Service {
    return new Service(this);
  }

  getAuthorizationInfo(_authMode: GoogleAppsScript.Script.AuthMode): AuthorizationInfo {
    return new AuthorizationInfo(this.authorizationRequired);
  }

  invalidateAuth(): void {}

  requireAllScopes(_authMode: GoogleAppsScript.Script.AuthMode): void {}

  requireScopes(_authMode: GoogleAppsScript.Script.AuthMode, _oAuthScopes: string[]): void {}

  /**
   * Emulator-only: the firings of time-driven triggers in [fromMs, toMs), sorted by time (then by
   * creation order). Schedules are read in the trigger's time zone (inTimezone, else the script's):
   * - everyMinutes(n): every n minutes after creation.
   * - everyHours(n): hours ≡ the creation hour (mod n), at the trigger's minute.
   * - everyDays(n) / everyWeeks(n) / onWeekDay / onMonthDay: at atHour (default: the creation
   *   hour) and the trigger's minute; every n days/weeks counted from the creation day/week.
   *   onMonthDay skips months without that day.
   * - at(date): once at that instant (at creation if in the past); after(ms): once, ms after
   *   creation; atDate: once, near midnight ± 15 minutes (or at atHour).
   * The trigger's minute is nearMinute ± 15, or a random minute; both stable per trigger ID.
   * Nothing fires at or before the trigger's creation.
   */
  dueTriggers(fromMs: number | Date, toMs: number | Date): Firing[] {
    const from = new Date(fromMs).getTime();
    const to = new Date(toMs).getTime();
    const out: Firing[] = [];
    this.all.forEach((trigger) => {
      if (!trigger.clock) return;
      if (trigger.oneOff && this.spent.has(trigger)) return;
      const at = firingsOf(trigger, trigger.clock, from, to);
      // A one-off trigger whose time passed while no firing was delivered (an execution ran
      // through it) still fires once, late, as Apps Script fires a delayed trigger.
      if (trigger.oneOff && at.length === 0 && from < to) {
        const [due] = firingsOf(trigger, trigger.clock, trigger.createdAt, to);
        if (due !== undefined && due < from) at.push(from);
      }
      for (const instant of at) out.push({ trigger, at: instant });
    });
    const order = new Map(this.all.map((t, i) => [t, i]));
    return out.sort(
      (a, b) => a.at - b.at || (order.get(a.trigger) ?? 0) - (order.get(b.trigger) ?? 0),
    );
  }

  /** Emulator-only: a firing was delivered (a one-off trigger never fires again). */
  recordFiring(firing: Firing): void {
    if (firing.trigger.oneOff) this.spent.add(firing.trigger);
  }

  /**
   * Emulator-only: the event object for a time-driven firing. As in Apps Script's documented
   * example the fields are given in UTC (`timezone: 'UTC'`), whatever the script's zone: handlers
   * must not read Tokyo dates from them. day-of-week runs 1 (Monday) to 7 (Sunday).
   */
  eventFor(firing: Firing): TimeDrivenEvent {
    const d = new Date(firing.at);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    const day = d.getUTCDate();
    return {
      authMode: AuthMode.FULL,
      'day-of-month': day,
      'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      month: m,
      second: d.getUTCSeconds(),
      timezone: 'UTC',
      triggerUid: firing.trigger.id,
      'week-of-year': usWeekOfYear(y, m, day).week,
      year: y,
    };
  }
}

/** Days since 1970-01-01 of a wall date. */
const dayIndex = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / DAY_MS);

function firingsOf(t: Trigger, spec: ClockSpec, from: number, to: number): number[] {
  const zone: Zone = resolveZone(spec.timeZone);
  const created = t.createdAt;
  const start = Math.max(from, created + 1);
  if (start >= to) return [];
  const s = spec.schedule;
  const inWindow = (at: number) => at >= start && at < to;

  switch (s.kind) {
    case 'minutes': {
      const step = s.every * 60000;
      const out: number[] = [];
      for (let k = Math.max(1, Math.ceil((start - created) / step)); created + k * step < to; k++) {
        out.push(created + k * step);
      }
      return out;
    }
    case 'at': {
      const at = Math.max(s.at, created + 1);
      return inWindow(at) ? [at] : [];
    }
    case 'after': {
      const at = created + Math.max(1, s.ms);
      return inWindow(at) ? [at] : [];
    }
    case 'date': {
      const at = wallToUtc(
        zone,
        s.year,
        s.month,
        s.day,
        spec.hour ?? 0,
        t.minuteOffset(spec.hour === undefined ? 0 : undefined),
      );
      return inWindow(at) ? [at] : [];
    }
    default:
      break;
  }

  // Calendar schedules: walk the wall-clock days that can hold a firing in the window.
  const createdWall = wallTime(zone, created);
  const createdDay = dayIndex(createdWall.year, createdWall.month, createdWall.day);
  const hour = spec.hour ?? createdWall.hour;
  const minute = t.minuteOffset();
  const out: number[] = [];
  const first = wallTime(zone, start - DAY_MS);
  const last = wallTime(zone, to + DAY_MS);
  for (
    let day = dayIndex(first.year, first.month, first.day);
    day <= dayIndex(last.year, last.month, last.day);
    day++
  ) {
    const date = new Date(day * DAY_MS);
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    const weekday = date.getUTCDay();
    const candidates: number[] = [];
    switch (s.kind) {
      case 'hours':
        for (let h = 0; h < 24; h++) {
          if ((((h - createdWall.hour) % s.every) + s.every) % s.every === 0) {
            candidates.push(wallToUtc(zone, y, m, d, h, minute));
          }
        }
        break;
      case 'days':
        if ((day - createdDay) % s.every === 0)
          candidates.push(wallToUtc(zone, y, m, d, hour, minute));
        break;
      case 'weeks': {
        const targetDay = spec.weekDay ?? createdWall.weekday;
        const week = Math.floor((day + 4) / 7); // weeks starting on Sunday (1970-01-01 was a Thursday)
        const createdWeek = Math.floor((createdDay + 4) / 7);
        if (weekday === targetDay && (week - createdWeek) % s.every === 0) {
          candidates.push(wallToUtc(zone, y, m, d, hour, minute));
        }
        break;
      }
      case 'monthDay':
        if (d === s.day) candidates.push(wallToUtc(zone, y, m, d, hour, minute));
        break;
    }
    for (const at of candidates) if (inWindow(at)) out.push(at);
  }
  return out.sort((a, b) => a - b);
}
