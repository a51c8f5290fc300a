/**
 * The event objects Apps Script passes to a Google Workspace add-on's functions
 * (developers.google.com/workspace/add-ons/concepts/event-objects):
 *
 * - homepage trigger: `commonEventObject` {hostApp, platform, userLocale, timeZone {id, offset}};
 * - Gmail contextual trigger (a message is open): the same plus `gmail` {messageId, threadId,
 *   accessToken}; the token comes from the GmailApp emulator's `accessTokenFor(messageId)`, which
 *   is what `GmailApp.setCurrentMessageAccessToken` accepts when `requireAccessToken` is on;
 * - card action: `commonEventObject.parameters` and `.formInputs` (`{stringInputs: {value: […]}}`,
 *   `{dateInput: {msSinceEpoch}}`...) and the host object of the card's context.
 *
 * Each also carries the older fields Gmail add-ons used and Apps Script still fills (`userLocale`
 * language, `userCountry`, `userTimezone {id, offSet}`, `clientPlatform`, `hostApp`, and for a
 * message `messageMetadata`; for an action `formInput`, `formInputs`, `parameters`). That the
 * homepage and contextual events carry them too is unconfirmed. `timeZone.offset` is a number of
 * milliseconds, as Google's reference documents it (@types/google-apps-script types it as a
 * string). The zone is the user's own (their Calendar setting); the emulator defaults it to the
 * script project's zone.
 */
import { zoneOffsetMs } from './core/timezone';
import type { CardJson, WidgetJson } from './services/card';
import type { Workspace } from './workspace';

/** An add-on event object, with the legacy fields typed loosely. */
export type AddonEvent = GoogleAppsScript.Addons.EventObject & Record<string, unknown>;

/** What the user entered in one form input. */
export type FormValue =
  | string
  | readonly string[]
  /** A DatePicker: midnight UTC of the chosen date, in ms since the epoch. */
  | { readonly date: number }
  /** A DateTimePicker: the chosen instant. */
  | { readonly dateTime: number; readonly hasDate?: boolean; readonly hasTime?: boolean }
  /** A TimePicker. */
  | { readonly hours: number; readonly minutes: number };

export type FormInput =
  | { stringInputs: { value: string[] } }
  | { dateInput: { msSinceEpoch: string } }
  | { dateTimeInput: { msSinceEpoch: string; hasDate: boolean; hasTime: boolean } }
  | { timeInput: { hours: number; minutes: number } };

function isList(v: FormValue): v is readonly string[] {
  return Array.isArray(v);
}

/**
 * `e.commonEventObject.formInputs` for the given values. As on Apps Script, inputs with nothing
 * entered (an empty text, no box ticked) are absent.
 */
export function eventFormInputs(
  values: Readonly<Record<string, FormValue>>,
): Record<string, FormInput> {
  const out: Record<string, FormInput> = {};
  for (const [name, v] of Object.entries(values)) {
    if (typeof v === 'string' || isList(v)) {
      const kept = (typeof v === 'string' ? [v] : v.map(String)).filter((s) => s !== '');
      if (kept.length) out[name] = { stringInputs: { value: kept } };
    } else if ('date' in v) {
      out[name] = { dateInput: { msSinceEpoch: String(v.date) } };
    } else if ('dateTime' in v) {
      out[name] = {
        dateTimeInput: {
          msSinceEpoch: String(v.dateTime),
          hasDate: v.hasDate ?? true,
          hasTime: v.hasTime ?? true,
        },
      };
    } else {
      out[name] = { timeInput: { hours: v.hours, minutes: v.minutes } };
    }
  }
  return out;
}

/** The legacy `formInput` (first value) and `formInputs` (string lists) of an action event. */
function legacyFormFields(formInputs: Record<string, FormInput>): {
  formInput: Record<string, unknown>;
  formInputs: Record<string, string[]>;
} {
  const formInput: Record<string, unknown> = {};
  const lists: Record<string, string[]> = {};
  for (const [name, input] of Object.entries(formInputs)) {
    if ('stringInputs' in input) {
      formInput[name] = input.stringInputs.value[0];
      lists[name] = [...input.stringInputs.value];
    } else if ('dateInput' in input) {
      formInput[name] = { msSinceEpoch: Number(input.dateInput.msSinceEpoch) };
    } else if ('dateTimeInput' in input) {
      formInput[name] = {
        ...input.dateTimeInput,
        msSinceEpoch: Number(input.dateTimeInput.msSinceEpoch),
      };
    } else {
      formInput[name] = { ...input.timeInput };
    }
  }
  return { formInput, formInputs: lists };
}

export type Host = 'gmail' | 'calendar' | 'sheets' | 'drive' | 'docs' | 'slides';

/** What every add-on event says about the user and the client. */
export interface CommonEventOptions {
  host: Host;
  /** `language-COUNTRY`, as commonEventObject gives it. Default `ja-JP`. */
  userLocale?: string;
  /** IANA zone of the user. Default `Asia/Tokyo`. */
  timeZone?: string;
  /** The instant the zone offset is computed for (default: now). Pass the emulator's clock. */
  at?: number | Date;
  platform?: 'WEB' | 'IOS' | 'ANDROID';
  /** Gmail host fields (the open message). */
  gmail?: Partial<GoogleAppsScript.Addons.GmailEventObject>;
  /** Calendar host fields (the open event). */
  calendar?: Partial<GoogleAppsScript.Addons.CalendarEventObject>;
  /** Sheets (and Docs, Slides) host fields. */
  sheets?: Partial<GoogleAppsScript.Addons.SheetsEventObject>;
}

export interface ActionEventOptions extends CommonEventOptions {
  /** The action's parameters (`Action.setParameters`). */
  parameters?: Readonly<Record<string, string>>;
  /** What the card's inputs hold when the action fires (`initialFormValues` gives the defaults). */
  formValues?: Readonly<Record<string, FormValue>>;
}

/**
 * The fields every event shares, and the host's own object. A Gmail event carries `gmail` (and
 * `messageMetadata`) only when a message is open (`options.gmail` given): a homepage has none.
 */
function baseEvent(
  options: CommonEventOptions,
  extra: { parameters?: Record<string, string>; formInputs?: Record<string, FormInput> } = {},
  gmailAlways = false,
): Record<string, unknown> {
  const at = options.at === undefined ? Date.now() : new Date(options.at).getTime();
  const locale = options.userLocale ?? 'ja-JP';
  const zone = options.timeZone ?? 'Asia/Tokyo';
  const offset = zoneOffsetMs(zone, at);
  const [language, country] = locale.split(/[-_]/);
  const platform = options.platform ?? 'WEB';
  const event: Record<string, unknown> = {
    commonEventObject: {
      hostApp: options.host.toUpperCase(),
      platform,
      userLocale: locale,
      timeZone: { id: zone, offset },
      ...extra,
    },
    userLocale: language,
    userCountry: country ?? '',
    userTimezone: { id: zone, offSet: String(offset) },
    clientPlatform: platform.toLowerCase(),
    hostApp: options.host,
  };
  if (options.host === 'gmail' && (options.gmail || gmailAlways)) {
    const gmail = { messageId: '', threadId: '', accessToken: '', ...options.gmail };
    event.gmail = gmail;
    event.messageMetadata = {
      accessToken: gmail.accessToken,
      messageId: gmail.messageId,
      threadId: gmail.threadId,
    };
  } else if (options.host === 'calendar' && options.calendar) {
    event.calendar = { ...options.calendar };
  } else if (options.host === 'sheets' || options.host === 'docs' || options.host === 'slides') {
    event[options.host] = { addonHasFileScopePermission: false, ...options.sheets };
  }
  return event;
}

/**
 * The event object Apps Script passes to a card action's function: `commonEventObject` with
 * `parameters` and `formInputs`, the host's object (`gmail` is always there in Gmail, empty
 * fields when no message is open), and the legacy `formInput`, `formInputs`, `parameters`.
 */
export function buildActionEvent(options: ActionEventOptions): AddonEvent {
  const parameters = { ...(options.parameters ?? {}) };
  const formInputs = eventFormInputs(options.formValues ?? {});
  const event = baseEvent(options, { parameters, formInputs }, true);
  const legacy = legacyFormFields(formInputs);
  return {
    ...event,
    formInput: legacy.formInput,
    formInputs: legacy.formInputs,
    parameters: { ...parameters },
  } as unknown as AddonEvent;
}

/** The event of a homepage trigger (`addOns.common.homepageTrigger` or the host's own). */
export function buildHomepageEvent(options: CommonEventOptions): AddonEvent {
  return baseEvent({ ...options, gmail: undefined }) as unknown as AddonEvent;
}

/**
 * `e.gmail` for a message of the workspace's mailbox: its id, its thread's id and an access token
 * that `GmailApp.setCurrentMessageAccessToken` accepts for that message and its thread.
 */
export function gmailEventFields(
  ws: Workspace,
  messageId: string,
): GoogleAppsScript.Addons.GmailEventObject {
  const message = ws.GmailApp.box.messages.get(messageId);
  if (!message) throw new Error(`gmailEventFields: no message ${messageId} in the mailbox`);
  return {
    messageId: message.getId(),
    threadId: message.thread.id,
    accessToken: ws.GmailApp.accessTokenFor(messageId),
  };
}

/** The defaults an event takes from a workspace: its clock, its zone and its user's locale. */
export function workspaceEventOptions(
  ws: Workspace,
): Required<Pick<CommonEventOptions, 'at' | 'timeZone' | 'userLocale'>> {
  return { at: ws.clock.now(), timeZone: ws.timeZone, userLocale: localeTag(ws.user.locale) };
}

const DEFAULT_COUNTRY: Record<string, string> = { ja: 'JP', en: 'US' };

/** `ja` → `ja-JP`; a tag with a country is kept (`en_GB` → `en-GB`). */
export function localeTag(locale: string): string {
  const [language = 'en', country] = locale.split(/[-_]/);
  const c = country ?? DEFAULT_COUNTRY[language.toLowerCase()] ?? language.toUpperCase();
  return `${language.toLowerCase()}-${c.toUpperCase()}`;
}

/**
 * The event of a Gmail contextual trigger (`addOns.gmail.contextualTriggers`) for a message of
 * the workspace's mailbox, with a fresh access token for it. Defaults come from the workspace.
 */
export function buildGmailContextualEvent(
  ws: Workspace,
  messageId: string,
  options: Partial<Omit<CommonEventOptions, 'host' | 'gmail'>> = {},
): AddonEvent {
  return baseEvent({
    ...workspaceEventOptions(ws),
    ...options,
    host: 'gmail',
    gmail: gmailEventFields(ws, messageId),
  }) as unknown as AddonEvent;
}

/** The values the card's inputs show before the user touches them, for `buildActionEvent`. */
export function initialFormValues(tree: CardJson): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  const visit = (w: WidgetJson) => {
    if ('textInput' in w) out[w.textInput.name] = w.textInput.value ?? '';
    else if ('selectionInput' in w) {
      const s = w.selectionInput;
      const chosen = s.items.filter((i) => i.selected).map((i) => i.value);
      if (s.type === 'DROPDOWN' && chosen.length === 0 && s.items[0]) chosen.push(s.items[0].value);
      out[s.name] = chosen;
    } else if ('dateTimePicker' in w) {
      const p = w.dateTimePicker;
      if (p.type === 'DATE_ONLY' && p.valueMsEpoch !== undefined)
        out[p.name] = { date: p.valueMsEpoch };
      if (p.type === 'DATE_AND_TIME' && p.valueMsEpoch !== undefined)
        out[p.name] = { dateTime: p.valueMsEpoch };
      if (p.type === 'TIME_ONLY' && p.hours !== undefined)
        out[p.name] = { hours: p.hours, minutes: p.minutes ?? 0 };
    } else if ('decoratedText' in w && w.decoratedText.switchControl) {
      const s = w.decoratedText.switchControl;
      out[s.name] = s.selected ? [s.value ?? 'true'] : [];
    }
  };
  for (const s of tree.sections) for (const w of s.widgets) visit(w);
  return out;
}
