/**
 * The scheduling (日程調整) bundle tests' helpers: the demo owner's workbook with the demo
 * colleagues' calendars and 設定, the demo mails, and clicks on the cards' buttons as Gmail and
 * Calendar send them (a compose action included).
 */
import { readFileSync } from 'node:fs';
import {
  buildActionEvent,
  buildHomepageEvent,
  type FormValue,
  initialFormValues,
  workspaceEventOptions,
} from '../../emulator/addon-events';
import { runAddonTrigger } from '../../emulator/addon-manifest';
import { listClickables } from '../../emulator/card-render';
import type { CalendarAdvancedEmulator } from '../../emulator/services/advanced/calendar';
import { type CardJson, cardTree } from '../../emulator/services/card';
import {
  deliver,
  demoMail,
  type GmailBundle,
  manifest,
  openGmailBundle,
  openMail,
} from './gmail-support';

export const OWNER_CALENDARS = 'yamada@pokke-shoten.example.com, sato@pokke-shoten.example.com';

interface DemoCalendar {
  calendars: { id: string; name: string }[];
  events: ({ calendarId: string } & Record<string, unknown>)[];
}

export function calendarOf(g: GmailBundle): CalendarAdvancedEmulator {
  return g.ws.advanced<CalendarAdvancedEmulator>('calendar');
}

/** The demo calendars (the owner's and two colleagues') and 設定's calendar row filled in. */
export function openSchedulingBundle(now = '2026-11-24T09:00:00+09:00'): GmailBundle {
  const g = openGmailBundle({ now });
  const demo = JSON.parse(readFileSync('playground/demo/calendar.json', 'utf8')) as DemoCalendar;
  const cal = calendarOf(g);
  for (const c of demo.calendars) cal.addCalendar(c.id, c.name);
  for (const { calendarId, ...e } of demo.events) cal.addEvent(calendarId, e);
  setSetting(g, 'meetingCalendars', OWNER_CALENDARS);
  setSetting(g, 'companyName', '株式会社ぽっけ商店');
  return g;
}

export function setSetting(g: GmailBundle, key: string, value: string): void {
  const sheet = g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('設定')!;
  const grid = sheet.getDataRange().getValues();
  const row = grid.findIndex((r) => r[0] === key);
  if (row < 1) throw new Error(`no 設定 row ${key}`);
  sheet.getRange(row + 1, 3).setValue(value);
}

/** Delivers demo mails by id; returns their message ids. */
export function deliverDemo(g: GmailBundle, ...ids: string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, deliver(g.ws, demoMail(id))]));
}

export function cardOf(result: { cards: CardJson[] }): CardJson {
  const card = result.cards[0];
  if (!card) throw new Error('no card');
  return card;
}

/** The contextual card of a mail. */
export function mailCard(g: GmailBundle, messageId: string): CardJson {
  return cardOf(openMail(g, messageId));
}

/** Runs a button's action (plain or compose) with the card's inputs and the open mail. */
export function press(
  g: GmailBundle,
  card: CardJson,
  label: RegExp,
  options: {
    messageId?: string;
    edits?: Record<string, FormValue>;
    host?: 'gmail' | 'calendar';
  } = {},
): unknown {
  const found = listClickables(card).find((c) => label.test(c.label));
  if (!found) throw new Error(`No button ${label} on the card`);
  const onClick = found.onClick as {
    action?: { function: string; parameters?: { key: string; value: string }[] };
    composeAction?: { action: { function: string; parameters?: { key: string; value: string }[] } };
  };
  const action = onClick.action ?? onClick.composeAction?.action;
  if (!action) throw new Error(`Button ${label} runs no function`);
  const parameters = Object.fromEntries((action.parameters ?? []).map((p) => [p.key, p.value]));
  const event = buildActionEvent({
    ...workspaceEventOptions(g.ws),
    host: options.host ?? 'gmail',
    parameters,
    formValues: { ...initialFormValues(card), ...(options.edits ?? {}) },
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
  return g.bundle.run(action.function, [event]);
}

/** What an action answered: a pushed or updated card, a notification, a draft. */
export function answer(value: unknown): {
  pushed?: CardJson;
  updated?: CardJson;
  notification: string;
  draftId?: string;
} {
  const r = cardTree(value) as unknown as {
    kind?: string;
    navigations?: { pushCard?: CardJson; updateCard?: CardJson }[];
    notification?: { text: string };
    gmailDraft?: { id?: string };
  };
  const pushed = r.navigations?.find((n) => n.pushCard)?.pushCard;
  const updated = r.navigations?.find((n) => n.updateCard)?.updateCard;
  return {
    ...(pushed ? { pushed } : {}),
    ...(updated ? { updated } : {}),
    notification: r.notification?.text ?? '',
    ...(r.gmailDraft?.id ? { draftId: r.gmailDraft.id } : {}),
  };
}

export function calendarHome(g: GmailBundle): CardJson {
  return cardOf(
    runAddonTrigger(
      g.bundle,
      manifest,
      'homepage',
      buildHomepageEvent({ ...workspaceEventOptions(g.ws), host: 'calendar' }),
    ),
  );
}

/** The 日程調整 sheet's rows, keyed by header. */
export function proposalRows(g: GmailBundle): Record<string, unknown>[] {
  const sheet = g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('日程調整')!;
  const [header = [], ...rows] = sheet.getDataRange().getValues();
  return rows
    .filter((r) => r.some((c) => c !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

/** The owner's events Pokke made (not the demo's), live ones only. */
export function liveEvents(g: GmailBundle) {
  const cal = calendarOf(g);
  return cal
    .allEvents()
    .filter((e) => e.calendarId === cal.primaryId && !e.seeded && e.status !== 'cancelled');
}
