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
import type { CardJson } from '../../emulator/services/card';
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
