/**
 * One playground session: the built bundle (dist/Code.js) in the emulator, seeded with the demo
 * company or a workbook from an .xlsx file, and everything a person can do to it — click a menu
 * item, call google.script.run from a sidebar, move the clock, fire the time-driven triggers.
 * The server (server.ts) is a thin HTTP layer over this class; the CLI (scripts/simulate.ts)
 * uses the same execution log.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FormValue } from '../emulator/addon-events';
import { type Bundle, loadBundleFromDist } from '../emulator/runtime';
import type { TasksAdvancedEmulator } from '../emulator/services/advanced/tasks';
import type { ClockSpec, Trigger } from '../emulator/services/script';
import { fromWallClock, wallClock } from '../emulator/services/spreadsheet/time';
import type { DialogRecord } from '../emulator/services/ui';
import { advanceWithTriggers } from '../emulator/trigger-runner';
import type { Workspace } from '../emulator/workspace';
import { lastBusinessDayOfMonth } from '../src/core/businessDays';
import { AddonCard, type CardNavigation, type Execute } from './addon-card';
import { calendarWeek, createdEvents, seedDemoCalendar } from './calendar';
import { serviceCallTotal, splitCounts } from './calls';
import { messageOf, PokkeInputError } from './errors';
import { deliverDemoMails, GmailPane, tasksView, WORKBOOK_ID_PROPERTY } from './gmail';
import { accountLang, isPlaygroundLanguage, type Lang, say } from './language';
import type { WorkbookModel } from './model';
import { outboxView } from './outbox';
import type { PdfRenderer } from './pdf';
import { grantPicked, pickerFiles } from './pickerDrive';
import { GOOGLE_PICKER_STANDIN } from './pickerStandin';
import type {
  CalendarEventView,
  CardHost,
  ClockAction,
  DialogView,
  MenuItemView,
  MenuView,
  OutboxView,
  PlaygroundState,
  RunEntry,
  RunReply,
  RunVia,
  TaskView,
  TriggerView,
} from './protocol';
import { seedDemo, seedDemoDrive } from './seed';
import { loadIntoSpreadsheet } from './sheets';
import { GOOGLE_SCRIPT_RUN_STANDIN } from './standin';
import { MAX_GRID_ROWS, sheetView } from './view';

export interface DemoCompany {
  spreadsheetName: string;
  now: string;
  user: { email: string; locale: string };
  settings: Record<string, string>;
  /** 設定 rows the settings sidebar does not edit, by キー (keys starting with `$` are notes). */
  sheetSettings?: Record<string, string>;
}

export const DEMO_DIR = resolve('playground/demo');

export function readDemoCompany(dir = DEMO_DIR): DemoCompany {
  return JSON.parse(readFileSync(join(dir, 'company.json'), 'utf8')) as DemoCompany;
}

export interface SessionOptions {
  /** Where the built project is (dist/Code.js and the sidebars). */
  distDir?: string;
  /** Start from this workbook instead of the demo company's. */
  workbook?: WorkbookModel;
  /** Start of the virtual clock (default: the demo's fixed date). */
  now?: string;
  demoDir?: string;
  /** Renders the outbox's PDFs (the server's): the outbox then shows their real sizes. */
  pdf?: PdfRenderer;
}

/** Records executions of a bundle as Apps Script's executions page lists them. */
export class ExecutionLog {
  readonly runs: RunEntry[] = [];
  private next = 1;

  constructor(private readonly bundle: Bundle) {}

  /** Runs one execution; never throws: a failure is recorded with its message. */
  run(
    name: string,
    via: RunVia,
    call: () => unknown,
  ): { ok: true; value: unknown; run: RunEntry } | { ok: false; message: string; run: RunEntry } {
    const ws = this.bundle.workspace;
    const startedAt = ws.clock.now();
    const callsBefore = serviceCallTotal(ws.meter);
    const logsBefore = ws.logs.length;
    let value: unknown;
    let error: string | undefined;
    try {
      value = call();
    } catch (e) {
      error = messageOf(e);
    }
    const run: RunEntry = {
      id: this.next++,
      name,
      via,
      startedAt,
      endedAt: ws.clock.now(),
      ok: error === undefined,
      calls: serviceCallTotal(ws.meter) - callsBefore,
      logs: ws.logs
        .slice(logsBefore)
        .map((l) => ({ at: l.at, level: l.level, message: l.message })),
    };
    if (error !== undefined) run.error = error;
    this.runs.push(run);
    return error === undefined ? { ok: true, value, run } : { ok: false, message: error, run };
  }

  clear(): void {
    this.runs.length = 0;
    this.next = 1;
  }
}

export class Playground {
  bundle!: Bundle;
  log!: ExecutionLog;
  tasks!: TasksAdvancedEmulator;
  gmail!: GmailPane;
  /** The Calendar add-on's card (its homepage), shown beside the week. */
  calendarAddon!: AddonCard;
  private version = 0;
  private sidebarId = 0;
  private sidebarRecord: DialogRecord | null = null;
  private readonly sidebars = new Map<number, DialogRecord>();
  private triggersCheckedUpTo = 0;
  /** The week the Calendar pane shows, in weeks from the clock's. */
  private calendarOffset = 0;
  /** Counts resets, so that ids of dialogs stay unique. */
  private epoch = 0;
  /** Cells the person edited since the last reset. */
  private edits = 0;
  /** The clock once the reset's onOpen ran: a later time means the person moved it. */
  private openedAt = 0;
  private readonly distDir: string;
  private readonly demo: DemoCompany;
  private readonly start: number;
  /** The emulated Google account's locale: the demo's, until the person picks a language. */
  private locale: string;

  constructor(private readonly options: SessionOptions = {}) {
    this.distDir = options.distDir ?? resolve('dist');
    this.demo = readDemoCompany(options.demoDir);
    this.locale = this.demo.user.locale;
    const start = parseTime(options.now ?? this.demo.now, 'Asia/Tokyo');
    if (start === null) {
      throw new PokkeInputError(
        `日時を読み取れません: ${options.now}(例: 2026-11-30T09:00+09:00)`,
        `Cannot read the date and time: ${options.now} (e.g. 2026-11-30T09:00+09:00)`,
      );
    }
    this.start = start;
    this.reset();
  }

  get workspace(): Workspace {
    return this.bundle.workspace;
  }

  /** The language the emulated account speaks, and so the playground's own words. */
  get language(): Lang {
    return accountLang(this.workspace);
  }

  /** One of the two, in the playground's language. */
  private say(ja: string, en: string): string {
    return say(this.workspace, ja, en);
  }

  /**
   * The person picks the language of the emulated Google account (its locale, which a reset
   * keeps). What is open follows: Sheets builds its menus again (onOpen runs, as when the
   * spreadsheet is reopened), the Gmail pane's card and the Calendar card run again; the page
   * reloads an open sidebar when it sees the state's language change.
   */
  setLanguage(language: unknown): { ok: boolean; message?: string } {
    if (!isPlaygroundLanguage(language)) {
      return { ok: false, message: this.say('不明な言語です', 'Unknown language') };
    }
    this.locale = language;
    this.workspace.user.locale = language;
    this.version++;
    this.workspace.ui.menus.length = 0;
    this.open();
    const execute = this.addonExecute();
    const gmail = this.gmail.available ? this.gmail.rerun(execute) : { ok: true };
    const calendar = this.calendarAddon.available
      ? this.calendarAddon.rerun(execute)
      : { ok: true };
    const failed = [gmail, calendar].find((o) => !o.ok);
    return failed ?? { ok: true };
  }

  /** Back to the starting workbook, a fresh clock and empty logs. */
  reset(): void {
    this.epoch++;
    this.edits = 0;
    this.sidebars.clear();
    this.bundle = loadBundleFromDist(this.distDir, {
      now: this.start,
      user: { ...this.demo.user, locale: this.locale },
      timeZone: 'Asia/Tokyo',
    });
    this.tasks = this.bundle.workspace.advanced<TasksAdvancedEmulator>('tasks');
    const manifest = readManifest(this.distDir);
    this.gmail = new GmailPane(this.bundle, manifest);
    this.calendarAddon = new AddonCard(this.bundle, manifest, 'calendar');
    this.log = new ExecutionLog(this.bundle);
    const ws = this.bundle.workspace;
    if (this.options.workbook) {
      const ss = ws.SpreadsheetApp.createSpreadsheet(this.options.workbook.name);
      loadIntoSpreadsheet(this.options.workbook, ss, () => ws.SpreadsheetApp.newDataValidation());
    } else {
      seedDemo(this.bundle, this.log, this.demo, this.options.demoDir ?? DEMO_DIR);
    }
    // The owner has used Pokke in this workbook (Gmail knows it) and has mail waiting.
    const active = ws.SpreadsheetApp.active;
    if (active)
      ws.PropertiesService.getUserProperties().setProperty(WORKBOOK_ID_PROPERTY, active.getId());
    deliverDemoMails(ws, this.options.demoDir ?? DEMO_DIR);
    seedDemoCalendar(ws, this.options.demoDir ?? DEMO_DIR);
    if (!this.options.workbook) seedDemoDrive(ws, this.options.demoDir ?? DEMO_DIR);
    this.calendarOffset = 0;
    ws.GmailApp.requireAccessToken = true;
    // The demo is a workbook that already exists: the log and the counts start when it opens.
    this.log.clear();
    ws.meter.resetCounts();
    ws.logs.length = 0;
    this.sidebarRecord = ws.ui.sidebar;
    ws.clock.set(this.start);
    this.triggersCheckedUpTo = ws.clock.now();
    this.open();
    this.openedAt = ws.clock.now();
  }

  /** The spreadsheet opens: Apps Script runs the simple trigger onOpen. */
  private open(): void {
    if (this.bundle.entryPoints.includes('onOpen')) {
      this.execute('onOpen', 'open', () =>
        this.bundle.run('onOpen', [{ authMode: 'LIMITED', source: null }]),
      );
    }
  }

  private execute(name: string, via: RunVia, call: () => unknown) {
    const result = this.log.run(name, via, call);
    this.noteSidebar();
    this.version++;
    return result;
  }

  private noteSidebar(): void {
    const current = this.workspace.ui.sidebar;
    if (current && current !== this.sidebarRecord) {
      this.sidebarId++;
      this.sidebars.set(this.sidebarId, current);
    }
    this.sidebarRecord = current;
  }

  /** google.script.run: JSON in, JSON out, the failure's message only. */
  runFromSidebar(name: string, argsJson: string): RunReply {
    let args: unknown;
    try {
      args = JSON.parse(argsJson);
    } catch {
      return { ok: false, message: 'Invalid arguments' };
    }
    if (!Array.isArray(args)) return { ok: false, message: 'Invalid arguments' };
    const result = this.execute(name, 'sidebar', () => this.bundle.runJson(name, args));
    if (!result.ok) return { ok: false, message: result.message };
    return { ok: true, json: JSON.stringify(result.value ?? null) };
  }

  /** A click on a menu item runs its function with no arguments, as Sheets does. */
  clickMenu(functionName: string): { ok: boolean; message?: string } {
    const known = this.menus().some((m) => m.items.some((i) => i?.functionName === functionName));
    if (!known) {
      return {
        ok: false,
        message: this.say(
          `メニューに「${functionName}」はありません`,
          `No menu item runs "${functionName}"`,
        ),
      };
    }
    const result = this.execute(functionName, 'menu', () => this.bundle.run(functionName, []));
    return result.ok ? { ok: true } : { ok: false, message: result.message };
  }

  clock(action: ClockAction): { ok: boolean; message?: string } {
    const clock = this.workspace.clock;
    const tz = this.workspace.timeZone;
    if (action.action === 'set') {
      const at = parseTime(action.at, tz);
      if (at === null) {
        return {
          ok: false,
          message: this.say(
            `日時を読み取れません: ${action.at}`,
            `Cannot read the date and time: ${action.at}`,
          ),
        };
      }
      clock.set(at);
      if (at < this.triggersCheckedUpTo) this.triggersCheckedUpTo = at;
    } else if (action.action === 'advance') {
      if (!Number.isFinite(action.ms) || action.ms <= 0) {
        return {
          ok: false,
          message: this.say('進める時間が正しくありません', 'Invalid amount of time'),
        };
      }
      clock.advance(action.ms);
    } else if (action.action === 'monthEnd') {
      clock.set(monthEnd(clock.now(), tz));
    } else if (action.action === 'lastBusinessDay') {
      clock.set(lastBusinessDay(clock.now(), tz));
    } else {
      return { ok: false, message: this.say('不明な操作です', 'Unknown clock action') };
    }
    this.version++;
    return { ok: true };
  }

  /**
   * Runs every time-driven trigger due since the last check, each at its own time, in order —
   * including one-off triggers those runs create (a job continuing itself later) — through the
   * emulator's trigger runner, recording each firing in the execution log.
   */
  fireDueTriggers(): { ok: boolean; message: string } {
    const ws = this.workspace;
    const target = ws.clock.now();
    // The clock goes back to the last check; the runner moves it to each firing's time.
    let lastEnd = target;
    const firings = advanceWithTriggers(this.bundle, target + 1, {
      from: this.triggersCheckedUpTo,
      execute: (handler, run) => {
        const result = this.execute(handler, 'trigger', run);
        lastEnd = ws.clock.now();
        if (!result.ok) throw new Error(result.message);
      },
    });
    const failed = firings.filter((f) => !f.ok).length;
    // Back to the time the person chose, unless the last run ended after it.
    ws.clock.set(Math.max(target, lastEnd));
    this.triggersCheckedUpTo = target + 1;
    this.version++;
    if (firings.length === 0) {
      return {
        ok: true,
        message: this.say('実行するトリガーはありませんでした', 'No trigger was due'),
      };
    }
    const message = this.say(
      `トリガーを ${firings.length} 回実行しました${failed ? `(失敗 ${failed})` : ''}`,
      `Ran ${firings.length} trigger firing(s)${failed ? `, ${failed} failed` : ''}`,
    );
    return { ok: failed === 0, message };
  }

  /** Gmail: the person opens a mail (the add-on's contextual trigger runs). */
  gmailOpen(messageId: string): { ok: boolean; message?: string } {
    return this.gmail.open(messageId, (name, call) => this.execute(name, 'addon', call));
  }

  /** Gmail: the add-on's homepage. */
  gmailHome(): { ok: boolean; message?: string } {
    return this.gmail.home((name, call) => this.execute(name, 'addon', call));
  }

  /** Gmail: a button of the add-on's card. */
  gmailAction(
    functionName: string,
    parameters: Record<string, string>,
    formValues: Record<string, FormValue>,
  ): { ok: boolean; message?: string } {
    return this.cardAction('gmail', functionName, parameters, formValues);
  }

  /** A button of the add-on card of the Gmail or the Calendar pane. */
  cardAction(
    host: CardHost,
    functionName: string,
    parameters: Record<string, string>,
    formValues: Record<string, FormValue>,
  ): { ok: boolean; message?: string } {
    const execute = this.addonExecute();
    if (host === 'calendar') {
      if (!this.calendarAddon.available) return noCalendarAddon(this.workspace);
      return this.calendarAddon.action(functionName, parameters, formValues, execute);
    }
    return this.gmail.action(functionName, parameters, formValues, execute);
  }

  /** The back arrow of a pane's card, or one card of a list of several (no bundle code runs). */
  cardNavigate(host: CardHost, nav: CardNavigation): { ok: boolean; message?: string } {
    let outcome: { ok: boolean; message?: string };
    if (host === 'calendar') {
      if (!this.calendarAddon.available) return noCalendarAddon(this.workspace);
      outcome = this.calendarAddon.navigate(nav);
    } else {
      outcome = this.gmail.navigate(nav);
    }
    this.version++;
    return outcome;
  }

  /** Calendar: the add-on's homepage (the manifest's calendar homepage trigger). */
  calendarHome(): { ok: boolean; message?: string } {
    if (!this.calendarAddon.available) return noCalendarAddon(this.workspace);
    return this.calendarAddon.home(this.addonExecute());
  }

  private addonExecute(): Execute {
    return (name, call) => this.execute(name, 'addon', call);
  }

  /** Calendar: the previous (-1) or next (+1) week, or back to the clock's week (0). */
  calendarMove(delta: number): { ok: boolean; message?: string } {
    if (!Number.isInteger(delta) || Math.abs(delta) > 1) {
      return { ok: false, message: this.say('不明な操作です', 'Unknown calendar action') };
    }
    this.calendarOffset = delta === 0 ? 0 : this.calendarOffset + delta;
    this.version++;
    return { ok: true };
  }

  /** The person closed the sidebar (its X, or google.script.host.close()). */
  closeSidebar(): { ok: boolean } {
    this.workspace.ui.closeSidebar();
    this.sidebarRecord = null;
    this.version++;
    return { ok: true };
  }

  /**
   * The person types `text` into a cell of the grid and presses Enter: Sheets reads it as typed
   * input (numbers, dates in the workbook's zone, percentages, TRUE/FALSE, `'` keeps text; a
   * plain-text cell keeps it as is; empty clears the cell), through the emulator's own
   * `setValue`, and refuses it when the cell's dropdown rejects other values. The edit is the
   * person's, not the bundle's: it is not a service call, and it is saved at once (not left for
   * the bundle's next flush).
   */
  editCell(sheetName: string, a1: string, text: string): { ok: boolean; message?: string } {
    const ss = this.workspace.SpreadsheetApp.active;
    const sheet = ss?.getSheetByName(sheetName);
    if (!ss || !sheet) {
      return {
        ok: false,
        message: this.say(`シート「${sheetName}」はありません`, `No sheet "${sheetName}"`),
      };
    }
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(a1)) {
      return {
        ok: false,
        message: this.say(`セルの指定が正しくありません: ${a1}`, `Not a cell: ${a1}`),
      };
    }
    const pending = ss.pendingWrittenCells;
    try {
      sheet.getRange(a1).setValue(text);
    } catch (e) {
      return { ok: false, message: `${a1}: ${messageOf(e)}` };
    } finally {
      ss.pendingWrittenCells = pending;
    }
    this.edits++;
    this.version++;
    return { ok: true };
  }

  /** The page of an HTML dialog the bundle showed (index into the Ui's `shown` list). */
  dialogHtml(epoch: number, index: number): string | null {
    if (epoch !== this.epoch) return null;
    const record = this.workspace.ui.shown[index];
    if (!record || (record.kind !== 'modal' && record.kind !== 'modeless')) return null;
    return injectStandin(record.content);
  }

  /** The sidebar page with the google.script.run stand-in injected before any script of its own. */
  sidebarHtml(id: number): string | null {
    const record = this.sidebars.get(id);
    return record ? injectStandin(record.content) : null;
  }

  /** The Google Picker stand-in: the user's Drive files of these types, or a pick (granted). */
  picker(action: string, value: unknown): unknown {
    if (action === 'list') return pickerFiles(this.workspace, String(value ?? ''));
    if (action === 'pick') {
      grantPicked(this.workspace, String(value));
      return { ok: true };
    }
    throw new PokkeInputError(
      `Picker の操作 ${action} はありません`,
      `Unknown picker action: ${action}`,
    );
  }

  menus(): MenuView[] {
    return this.workspace.ui.menus.map((m) => ({
      title: m.addon ? 'Pokke' : m.caption,
      addon: m.addon,
      items: flattenMenu(m.items),
    }));
  }

  state(): PlaygroundState {
    const ws = this.workspace;
    const ss = ws.SpreadsheetApp.active;
    const sidebar = ws.ui.sidebar;
    return {
      version: this.version,
      language: this.language,
      workbook: ss
        ? {
            name: ss.getName(),
            sheets: ss.getSheets().map((s) =>
              sheetView(s, MAX_GRID_ROWS, {
                timeZone: ss.getSpreadsheetTimeZone(),
                locale: ss.getSpreadsheetLocale(),
              }),
            ),
          }
        : null,
      menus: this.menus(),
      sidebar:
        sidebar && sidebar === this.sidebarRecord && this.sidebarId > 0
          ? { id: this.sidebarId, title: sidebar.title, width: sidebar.width || 300 }
          : null,
      dialogs: this.dialogs(),
      clock: {
        now: ws.clock.now(),
        timeZone: ws.timeZone,
        triggersCheckedUpTo: this.triggersCheckedUpTo,
      },
      triggers: ws.ScriptApp.triggers
        .filter((t) => t.clock)
        .map((t) => describeTrigger(t, this.language)),
      runs: this.log.runs,
      ...callCounts(ws),
      sinceReset: {
        runs: this.log.runs.filter((r) => r.via !== 'open').length,
        edits: this.edits,
        clockMoved: ws.clock.now() !== this.openedAt,
      },
      outbox: withEvents(
        withTasks(outboxView(ws, this.language, this.options.pdf), tasksView(this.tasks)),
        createdEvents(ws),
      ),
      ...(this.gmail.available ? { gmail: this.gmail.view() } : {}),
      calendar: {
        ...calendarWeek(ws, this.calendarOffset),
        ...(this.calendarAddon.available ? { addon: this.calendarAddon.view() } : {}),
      },
      available: { gmail: this.gmail.available, calendar: true, outbox: true },
    };
  }

  private dialogs(): DialogView[] {
    const out: DialogView[] = [];
    const epoch = this.epoch;
    this.workspace.ui.shown.forEach((s, i) => {
      const id = `${epoch}:ui:${i}`;
      if (s.kind === 'alert' || s.kind === 'prompt') {
        out.push({ id, kind: s.kind, title: s.title, message: s.prompt });
      } else if (s.kind === 'modal' || s.kind === 'modeless') {
        out.push({
          id,
          kind: 'dialog',
          title: s.title,
          message: '',
          url: `/dialog/${epoch}/${i}`,
          width: s.width || 600,
          height: s.height || 400,
        });
      }
    });
    this.workspace.SpreadsheetApp.active?.toasts.forEach((t, i) => {
      out.push({
        id: `${epoch}:toast:${i}`,
        kind: 'toast',
        title: t.title || 'Pokke',
        message: t.message,
      });
    });
    return out;
  }
}

function callCounts(ws: Workspace): {
  calls: Record<string, number>;
  localCalls: Record<string, number>;
} {
  const { calls, local } = splitCounts(ws.meter.counts());
  return { calls, localCalls: local };
}

function noCalendarAddon(ws: Workspace): { ok: false; message: string } {
  return {
    ok: false,
    message: say(
      ws,
      'マニフェストにカレンダーのアドオンがありません',
      'The manifest declares no Calendar add-on',
    ),
  };
}

/** The built manifest (null when the dist folder has none: no add-on to show). */
function readManifest(distDir: string): unknown {
  try {
    return JSON.parse(readFileSync(join(distDir, 'appsscript.json'), 'utf8'));
  } catch {
    return null;
  }
}

function withEvents(outbox: OutboxView, events: CalendarEventView[]): OutboxView {
  return events.length > 0 ? { ...outbox, events } : outbox;
}

function withTasks(outbox: OutboxView, tasks: TaskView[]): OutboxView {
  return tasks.length > 0 ? { ...outbox, tasks } : outbox;
}

function flattenMenu(
  items: readonly import('../emulator/services/ui').MenuEntry[],
): (MenuItemView | null)[] {
  const out: (MenuItemView | null)[] = [];
  for (const e of items) {
    if (e.kind === 'item') out.push({ caption: e.caption, functionName: e.functionName });
    else if (e.kind === 'separator') out.push(null);
    else
      for (const sub of flattenMenu(e.items))
        out.push(sub && { ...sub, caption: `${e.caption} › ${sub.caption}` });
  }
  return out;
}

/** The stand-in and its transport (postMessage to the playground page) go first in the page. */
export function injectStandin(html: string): string {
  const bridge = `(function () {
  var seq = 0, pending = {};
  window.__pokkeCall = function (name, argsJson) {
    return new Promise(function (resolve) {
      var id = ++seq;
      pending[id] = resolve;
      parent.postMessage({ pokke: 'call', id: id, name: name, argsJson: argsJson }, '*');
    });
  };
  window.__pokkeHost = function (action, value) {
    parent.postMessage({ pokke: 'host', action: action, value: value }, '*');
  };
  // The Google Picker stand-in's transport (the emulated Drive's files; picking grants one).
  window.__pokkePicker = function (action, value) {
    return new Promise(function (resolve) {
      var id = ++seq;
      pending[id] = resolve;
      parent.postMessage({ pokke: 'picker', id: id, action: action, value: value }, '*');
    });
  };
  window.addEventListener('message', function (e) {
    var d = e.data;
    // The playground fired triggers: press the sidebar's own refresh (更新) button, if it has one.
    if (e.source === parent && d && d.pokke === 'refresh') {
      var refresh = document.querySelector('button[data-action="refresh"]');
      if (refresh && !refresh.disabled) refresh.click();
      return;
    }
    if (e.source !== parent || !d || d.pokke !== 'result' || !pending[d.id]) return;
    var resolve = pending[d.id];
    delete pending[d.id];
    resolve(d.result);
  });
})();`;
  const scripts = `<script>${bridge}</script><script>${GOOGLE_SCRIPT_RUN_STANDIN}</script><script>${GOOGLE_PICKER_STANDIN}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + scripts + html.slice(head.index + head[0].length)
    );
  const firstScript = html.search(/<script/i);
  if (firstScript >= 0) return html.slice(0, firstScript) + scripts + html.slice(firstScript);
  return scripts + html;
}

/** An ISO date-time with a zone, or a wall-clock `YYYY-MM-DDTHH:mm` read in `timeZone`. */
export function parseTime(text: string, timeZone: string): number | null {
  const wall = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (wall) {
    const [y, mo, d, h, mi, s] = wall.slice(1).map((v) => Number(v ?? 0)) as number[];
    const ms = fromWallClock(timeZone, y ?? 0, mo ?? 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0);
    return Number.isNaN(ms) ? null : ms;
  }
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim())) return null;
  const ms = new Date(text).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** The last day of the month of `ms`, same time of day (in `timeZone`). */
export function monthEnd(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const last = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate();
  return fromWallClock(timeZone, w.year, w.month, last, w.hour, w.minute, w.second);
}

/**
 * The last bank business day of the month of `ms`, same time of day (in `timeZone`); when that
 * day has already passed, next month's.
 */
export function lastBusinessDay(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const at = (year: number, month: number) => {
    const [y, m, d] = lastBusinessDayOfMonth(year, month).split('-').map(Number) as number[];
    return fromWallClock(timeZone, y ?? year, m ?? month, d ?? 1, w.hour, w.minute, w.second);
  };
  const thisMonth = at(w.year, w.month);
  if (wallClock(thisMonth, timeZone).day >= w.day) return thisMonth;
  return w.month === 12 ? at(w.year + 1, 1) : at(w.year, w.month + 1);
}

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function describeTrigger(t: Trigger, lang: Lang = 'ja'): TriggerView {
  return { handler: t.getHandlerFunction(), description: describeClock(t.clock, lang) };
}

function describeClock(spec: ClockSpec | undefined, lang: Lang): string {
  if (!spec) return '';
  const s = spec.schedule;
  const h = spec.hour;
  if (lang === 'en') {
    const at = (text: string) => (h === undefined ? text : `${text} at ${h}:xx`);
    switch (s.kind) {
      case 'minutes':
        return `every ${s.every} min`;
      case 'hours':
        return `every ${s.every} h`;
      case 'days':
        return at(s.every === 1 ? 'daily' : `every ${s.every} days`);
      case 'weeks':
        return at(`weekly on ${WEEKDAYS_EN[spec.weekDay ?? 0]}`);
      case 'monthDay':
        return at(`monthly on day ${s.day}`);
      default:
        return 'once';
    }
  }
  const at = (text: string) => (h === undefined ? text : `${text} ${h}時台`);
  switch (s.kind) {
    case 'minutes':
      return `${s.every}分ごと`;
    case 'hours':
      return `${s.every}時間ごと`;
    case 'days':
      return at(s.every === 1 ? '毎日' : `${s.every}日ごと`);
    case 'weeks':
      return at(`毎週${WEEKDAYS_JA[spec.weekDay ?? 0]}曜`);
    case 'monthDay':
      return at(`毎月${s.day}日`);
    default:
      return '1回だけ';
  }
}
