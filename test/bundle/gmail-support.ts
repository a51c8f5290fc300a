import { readFileSync } from 'node:fs';
import {
  type AddonEvent,
  buildActionEvent,
  buildGmailContextualEvent,
  buildHomepageEvent,
  type FormValue,
  initialFormValues,
  workspaceEventOptions,
} from '../../emulator/addon-events';
import { type AddonTriggerResult, runAddonTrigger } from '../../emulator/addon-manifest';
import { listClickables } from '../../emulator/card-render';
import { type Bundle, loadBundleFromDist } from '../../emulator/runtime';
import type { TasksAdvancedEmulator } from '../../emulator/services/advanced/tasks';
import { type CardJson, cardTree } from '../../emulator/services/card';
import type { IncomingMail } from '../../emulator/services/gmail';
import { Workspace } from '../../emulator/workspace';

export const manifest = JSON.parse(readFileSync('dist/appsscript.json', 'utf8')) as unknown;

export interface GmailBundle {
  readonly bundle: Bundle;
  readonly ws: Workspace;
  readonly tasks: TasksAdvancedEmulator;
  readonly workbookId: string;
}

/**
 * The built bundle with the demo owner's workbook set up and remembered (the settings sidebar
 * opened once), Gmail requiring the add-on's access token, and the Tasks advanced service.
 */
export function openGmailBundle(
  options: { now?: string; remember?: boolean; setup?: boolean } = {},
): GmailBundle {
  const ws = new Workspace({
    now: options.now ?? '2026-11-24T09:00:00+09:00',
    user: { email: 'owner@example.com', locale: 'ja' },
  });
  const bundle = loadBundleFromDist('dist', { workspace: ws });
  // The manifest enables the Tasks advanced service; this is its state.
  const tasks = ws.advanced<TasksAdvancedEmulator>('tasks');
  ws.GmailApp.requireAccessToken = true;
  const ss = ws.SpreadsheetApp.createSpreadsheet('ぽっけ商店 帳簿', {
    locale: 'ja_JP',
    timeZone: 'Asia/Tokyo',
  });
  if (options.setup !== false) bundle.runJson('setupWorkbook');
  if (options.remember !== false) bundle.run('showSettingsSidebar');
  return { bundle, ws, tasks, workbookId: ss.getId() };
}

export function deliver(ws: Workspace, mail: IncomingMail): string {
  return ws.GmailApp.deliver(mail).getId();
}

export function openMail(g: GmailBundle, messageId: string): AddonTriggerResult {
  const event = buildGmailContextualEvent(g.ws, messageId);
  return runAddonTrigger(g.bundle, manifest, 'contextual', event);
}

export function openHomepage(g: GmailBundle): AddonTriggerResult {
  return runAddonTrigger(
    g.bundle,
    manifest,
    'homepage',
    buildHomepageEvent({ ...workspaceEventOptions(g.ws), host: 'gmail' }),
  );
}

/** The action a card's button runs, by its label (first match). */
export function buttonAction(
  card: CardJson,
  label: RegExp,
): { function: string; parameters: Record<string, string> } {
  const found = listClickables(card).find((c) => label.test(c.label));
  const action = found && 'action' in found.onClick ? found.onClick.action : undefined;
  if (!action) throw new Error(`No button ${label} on the card`);
  const parameters: Record<string, string> = {};
  for (const p of action.parameters ?? []) parameters[p.key] = p.value;
  return { function: action.function, parameters };
}

/**
 * Clicks a button of a card in Gmail: the event carries the card's inputs (initial values,
 * changed by `edits`) and the open message's fields, as Gmail sends them.
 */
export function click(
  g: GmailBundle,
  card: CardJson,
  label: RegExp,
  options: { messageId?: string; edits?: Record<string, FormValue> } = {},
): { value: unknown; response: unknown; event: AddonEvent } {
  const { function: fn, parameters } = buttonAction(card, label);
  const formValues = { ...initialFormValues(card), ...(options.edits ?? {}) };
  const event = buildActionEvent({
    ...workspaceEventOptions(g.ws),
    host: 'gmail',
    parameters,
    formValues,
    ...(options.messageId
      ? {
          gmail: {
            messageId: options.messageId,
            threadId: g.ws.GmailApp.box.messages.get(options.messageId)?.thread.id ?? '',
            accessToken: g.ws.GmailApp.accessTokenFor(options.messageId),
          },
        }
      : {}),
  });
  const value = g.bundle.run(fn, [event]);
  return { value, response: value, event };
}

interface DemoMail extends IncomingMail {
  id: string;
}

/** A demo mail of the playground, by id, ready to deliver. */
export function demoMail(id: string): IncomingMail {
  const mails = (
    JSON.parse(readFileSync('playground/demo/mails.json', 'utf8')) as { mails: DemoMail[] }
  ).mails;
  const m = mails.find((x) => x.id === id);
  if (!m) throw new Error(id);
  const { id: _id, ...mail } = m;
  return mail;
}

/** The card and the notification of an action's response. */
export function responseOf(value: unknown): { card: CardJson | undefined; notification: string } {
  const r = cardTree(value) as unknown as {
    navigations?: { updateCard?: CardJson }[];
    notification?: { text: string };
  };
  const card = r.navigations?.find((n) => n.updateCard)?.updateCard;
  return { card, notification: r.notification?.text ?? '' };
}

/** Calls to services that do I/O (CardService builders run locally and cost nothing). */
export function ioCalls(g: GmailBundle): number {
  return Object.entries(g.ws.meter.counts())
    .filter(([k]) => !k.startsWith('CardService.'))
    .reduce((n, [, v]) => n + v, 0);
}

/** Calls of one counted method (e.g. `Tasks.Tasks.list`) so far. */
export function callsOf(g: GmailBundle, name: string): number {
  return g.ws.meter.counts()[name] ?? 0;
}

/** The タスク sheet's rows below the header, as objects keyed by header. */
export function taskRecords(g: GmailBundle): Record<string, unknown>[] {
  const sheet = g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('タスク')!;
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** Links of a card's buttons, by label. */
export function linkButtons(card: CardJson): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of listClickables(card)) {
    if ('openLink' in c.onClick) out[c.label] = c.onClick.openLink.url;
  }
  return out;
}

/** The items of a card's dropdown or checkboxes, by field name. */
export function selectionItems(
  card: CardJson,
  name: string,
): { text: string; value: string; selected: boolean }[] {
  for (const s of card.sections) {
    for (const w of s.widgets) {
      if ('selectionInput' in w && w.selectionInput.name === name) return w.selectionInput.items;
    }
  }
  return [];
}
