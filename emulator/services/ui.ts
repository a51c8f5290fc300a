import { API_NAME, isEmulated } from '../core/instrument';
import type { Workspace } from '../workspace';
import { enumOf, isEnumValue } from './enum';

export const UI_BUTTON = enumOf('CLOSE', 'OK', 'CANCEL', 'YES', 'NO');
export const UI_BUTTON_SET = enumOf('OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL');
export type UiButton = keyof typeof UI_BUTTON;
export type UiButtonSet = keyof typeof UI_BUTTON_SET;

/** The buttons each set shows; the first one is what the emulator "clicks" when nothing is queued. */
export const BUTTONS_OF_SET: Record<UiButtonSet, readonly UiButton[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

type GasButton = GoogleAppsScript.Base.Button;
type GasButtonSet = GoogleAppsScript.Base.ButtonSet;

/** Service prefix of emulated classes in Apps Script's messages (`CardService.CardBuilder`). */
export const QUALIFIED_NAMES = new Map<string, string>();

/** How Apps Script names an argument's type in "The parameters (...) don't match ..." messages. */
export function typeLabel(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'function') return 'Function';
  if (Array.isArray(v)) return 'Object[]';
  if (Object.prototype.toString.call(v) === '[object Date]') return 'Date';
  if (isEmulated(v)) {
    const name = v[API_NAME];
    return QUALIFIED_NAMES.get(name) ?? name;
  }
  return 'Object';
}

/** Apps Script's error for a call whose arguments fit none of the method's overloads. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return new Error(
    `The parameters (${args.map(typeLabel).join(',')}) don't match the method signature for ${method}.`,
  );
}

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly caption: string; readonly items: readonly MenuEntry[] };

/** A menu as the user sees it in the menu bar (emulator-only record). */
export interface MenuRecord {
  readonly caption: string;
  /** True for `createAddonMenu()` (shown under Extensions > the add-on's name). */
  readonly addon: boolean;
  readonly items: readonly MenuEntry[];
}

export interface DialogRecord {
  readonly kind: 'sidebar' | 'modal' | 'modeless';
  readonly title: string;
  readonly content: string;
  readonly width: number;
  readonly height: number;
  readonly at: number;
}

export type ShownRecord =
  | DialogRecord
  | { readonly kind: 'menu'; readonly menu: MenuRecord; readonly at: number }
  | {
      readonly kind: 'alert' | 'prompt';
      readonly title: string;
      readonly prompt: string;
      readonly buttons: UiButtonSet;
      readonly button: UiButton;
      readonly text?: string;
      readonly at: number;
    };

interface HtmlLike {
  getContent(): string;
  getTitle(): string;
  getWidth(): number;
  getHeight(): number;
}

function isHtmlOutput(v: unknown): v is HtmlLike {
  return isEmulated(v) && v[API_NAME] === 'HtmlOutput';
}

export class Menu implements GoogleAppsScript.Base.Menu {
  readonly [API_NAME] = 'Menu';
  private readonly entries: (
    | { kind: 'item'; caption: string; functionName: string }
    | { kind: 'separator' }
    | { kind: 'submenu'; menu: Menu }
  )[] = [];

  // ES private: not reachable from the script through the proxy.
  readonly #ui: UiEmulator;

  constructor(
    ui: UiEmulator,
    readonly caption: string,
    readonly addon: boolean,
  ) {
    this.#ui = ui;
  }

  addItem(caption: string, functionName: string): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string') {
      throw signatureError('Menu.addItem', [caption, functionName]);
    }
    this.entries.push({ kind: 'item', caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.entries.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: GoogleAppsScript.Base.Menu): this {
    if (!(menu instanceof Menu)) throw signatureError('Menu.addSubMenu', [menu]);
    this.entries.push({ kind: 'submenu', menu });
    return this;
  }

  addToUi(): void {
    this.#ui.install(this.record());
  }

  /** The menu tree as it stands now. */
  record(seen: ReadonlySet<Menu> = new Set()): MenuRecord {
    if (seen.has(this)) throw new Error('Menu: a menu cannot contain itself');
    const inner = new Set(seen).add(this);
    const items = this.entries.map((e): MenuEntry => {
      if (e.kind !== 'submenu') return { ...e };
      return { kind: 'submenu', caption: e.menu.caption, items: e.menu.record(inner).items };
    });
    return { caption: this.caption, addon: this.addon, items };
  }
}

export class PromptResponse implements GoogleAppsScript.Base.PromptResponse {
  readonly [API_NAME] = 'PromptResponse';

  constructor(
    private readonly button: UiButton,
    private readonly text: string,
  ) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): GasButton {
    return this.button as unknown as GasButton;
  }
}

/**
 * The user interface of the open spreadsheet (`SpreadsheetApp.getUi()`): menus, sidebars, dialogs,
 * alerts and prompts. What the script shows is recorded; what the user answers comes from a queue
 * that tests and the playground fill with `queueResponse`.
 */
export class UiEmulator implements GoogleAppsScript.Base.Ui {
  readonly [API_NAME] = 'Ui';
  readonly Button = UI_BUTTON as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = UI_BUTTON_SET as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  /** Emulator-only: menus in the menu bar, in the order they were first added. */
  readonly menus: MenuRecord[] = [];
  /** Emulator-only: the sidebar open now, if any. */
  sidebar: DialogRecord | null = null;
  /** Emulator-only: every modal and modeless dialog shown, in order. */
  readonly dialogs: DialogRecord[] = [];
  /** Emulator-only: everything shown (menus, sidebars, dialogs, alerts, prompts), in order. */
  readonly shown: ShownRecord[] = [];
  private readonly responses: { button: UiButton; text: string }[] = [];

  // ES private: the script must not reach the workspace through the proxy.
  readonly #ws: Workspace;

  constructor(ws: Workspace) {
    this.#ws = ws;
  }

  /** Emulator-only: the user's answer to the next alert or prompt. */
  queueResponse(button: UiButton, text = ''): void {
    if (!isEnumValue(UI_BUTTON, button))
      throw new Error(`UiEmulator: unknown button ${String(button)}`);
    this.responses.push({ button, text: String(text) });
  }

  /** Emulator-only: answers queued and not yet used. */
  pendingResponses(): number {
    return this.responses.length;
  }

  /** Emulator-only: closes the sidebar, as the user's X button does. */
  closeSidebar(): void {
    this.sidebar = null;
  }

  /** Called by `Menu.addToUi()`: a menu with the same caption is replaced in place. */
  install(menu: MenuRecord): void {
    const i = this.menus.findIndex(
      (m) => m.addon === menu.addon && (menu.addon || m.caption === menu.caption),
    );
    if (i >= 0) this.menus[i] = menu;
    else this.menus.push(menu);
    this.shown.push({ kind: 'menu', menu, at: this.#ws.clock.now() });
  }

  createMenu(caption: string): Menu {
    if (typeof caption !== 'string') throw signatureError('Ui.createMenu', [caption]);
    return new Menu(this, caption, false);
  }

  createAddonMenu(): Menu {
    return new Menu(this, '', true);
  }

  private dialog(kind: DialogRecord['kind'], output: HtmlLike, title?: string): DialogRecord {
    return {
      kind,
      title: title ?? output.getTitle(),
      content: output.getContent(),
      width: output.getWidth(),
      height: output.getHeight(),
      at: this.#ws.clock.now(),
    };
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    if (!isHtmlOutput(userInterface)) throw signatureError('Ui.showSidebar', [userInterface]);
    const record = this.dialog('sidebar', userInterface);
    this.sidebar = record;
    this.shown.push(record);
  }

  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    if (!isHtmlOutput(userInterface) || typeof title !== 'string') {
      throw signatureError('Ui.showModalDialog', [userInterface, title]);
    }
    this.showDialogRecord(this.dialog('modal', userInterface, title));
  }

  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    if (!isHtmlOutput(userInterface) || typeof title !== 'string') {
      throw signatureError('Ui.showModelessDialog', [userInterface, title]);
    }
    this.showDialogRecord(this.dialog('modeless', userInterface, title));
  }

  /** Deprecated in Apps Script: a modal dialog titled by the output's own title. */
  showDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    if (!isHtmlOutput(userInterface)) throw signatureError('Ui.showDialog', [userInterface]);
    this.showDialogRecord(this.dialog('modal', userInterface));
  }

  private showDialogRecord(record: DialogRecord): void {
    this.dialogs.push(record);
    this.shown.push(record);
  }

  /** Sorts out the three overloads `(prompt)`, `(prompt, buttons)`, `(title, prompt, buttons)`. */
  private dialogArgs(
    method: string,
    args: unknown[],
  ): { title: string; prompt: string; buttons: UiButtonSet } {
    const isSet = (v: unknown): v is UiButtonSet => isEnumValue(UI_BUTTON_SET, v);
    const [a, b, c] = args;
    if (args.length === 1 && typeof a === 'string') return { title: '', prompt: a, buttons: 'OK' };
    if (args.length === 2 && typeof a === 'string' && isSet(b))
      return { title: '', prompt: a, buttons: b };
    if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && isSet(c)) {
      return { title: a, prompt: b, buttons: c };
    }
    throw signatureError(method, args);
  }

  private answer(
    buttons: UiButtonSet,
    allowed: readonly UiButton[],
  ): { button: UiButton; text: string } {
    const next = this.responses.shift();
    if (!next) return { button: BUTTONS_OF_SET[buttons][0] ?? 'OK', text: '' };
    if (!allowed.includes(next.button)) {
      throw new Error(
        `UiEmulator: queued button ${next.button} is not offered by ButtonSet.${buttons}`,
      );
    }
    return next;
  }

  alert(...args: [string] | [string, GasButtonSet] | [string, string, GasButtonSet]): GasButton;
  alert(...args: unknown[]): GasButton {
    const { title, prompt, buttons } = this.dialogArgs('Ui.alert', args);
    // Besides the set's buttons, the user may close the dialog with its X: CLOSE.
    const { button } = this.answer(buttons, [...BUTTONS_OF_SET[buttons], 'CLOSE']);
    this.shown.push({ kind: 'alert', title, prompt, buttons, button, at: this.#ws.clock.now() });
    return button as unknown as GasButton;
  }

  prompt(
    ...args: [string] | [string, GasButtonSet] | [string, string, GasButtonSet]
  ): PromptResponse;
  prompt(...args: unknown[]): PromptResponse {
    const { title, prompt, buttons } = this.dialogArgs('Ui.prompt', args);
    const { button, text } = this.answer(buttons, [...BUTTONS_OF_SET[buttons], 'CLOSE']);
    this.shown.push({
      kind: 'prompt',
      title,
      prompt,
      buttons,
      button,
      text,
      at: this.#ws.clock.now(),
    });
    return new PromptResponse(button, text);
  }
}
