import { createHash } from 'node:crypto';
import { API_NAME, unwrap } from '../core/instrument';
import { splitAddressList, toEml } from '../eml';
import type { Workspace } from '../workspace';
import { Blob } from './blob';
import type { Emulates } from './drive/types';
import { type Address, formatAddress, formatAddressList, parseAddress } from './gmail/address';
import { Mailbox } from './gmail/mailbox';
import {
  type ComposeOptions,
  GMAIL_ERRORS,
  type GmailDraft,
  GmailLabel,
  GmailMessage,
  GmailThread,
  type MailContent,
  type SystemLabel,
  type Via,
} from './gmail/message';
import { searchThreads } from './gmail/search';
import { signatureError } from './ui';

export { type Address, isValidEmail, parseAddressList } from './gmail/address';
export { Mailbox } from './gmail/mailbox';
export {
  GMAIL_ERRORS,
  GmailAttachment,
  GmailDraft,
  GmailLabel,
  GmailMessage,
  GmailThread,
  MAIL_LIMITS,
} from './gmail/message';

/** Emulator-only: a mail arriving from outside (demo mails, tests). */
export interface IncomingMail {
  /** `山田 太郎 <taro@example.jp>` or a bare address. */
  readonly from: string;
  /** Default: the workspace's user. */
  readonly to?: string;
  readonly cc?: string;
  readonly replyTo?: string;
  readonly subject: string;
  /** Default: now on the virtual clock. */
  readonly date?: Date | string | number;
  readonly plainBody?: string;
  readonly htmlBody?: string;
  readonly attachments?: readonly (
    | Blob
    | { name: string; contentType?: string; data: string | Uint8Array }
  )[];
  /** Join this thread (a thread id of the mailbox). */
  readonly threadId?: string;
  /** Join the thread of the message with this Message-ID header (`<…>`), if the mailbox has it. */
  readonly inReplyTo?: string;
  /**
   * The Gmail message id to file it under (default: a new one). A fixed id makes the same mail
   * delivered again in another run the same message; an id already in the mailbox is an error.
   */
  readonly id?: string;
  /** Raw headers (Message-ID, X-…); Content-* headers are the emulator's. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Default true. */
  readonly unread?: boolean;
  readonly starred?: boolean;
  readonly important?: boolean;
  /** Default true; false files it archived. */
  readonly inbox?: boolean;
  /** User labels, created when missing. */
  readonly labels?: readonly string[];
}

/** Emulator-only: one attachment of an outbox mail. */
export interface OutboxAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly blob: Blob;
  /** For an emulated PDF: the HTML it was converted from (the playground renders it). */
  readonly sourceHtml: string | undefined;
}

/** Emulator-only: a draft or a sent mail, as the playground's outbox lists it. */
export interface OutboxMail {
  readonly kind: 'draft' | 'sent';
  readonly via: Via;
  readonly draftId: string | null;
  readonly messageId: string;
  readonly threadId: string;
  readonly from: string;
  readonly to: string;
  readonly cc: string;
  readonly bcc: string;
  readonly replyTo: string;
  readonly subject: string;
  readonly date: Date;
  readonly plainBody: string;
  readonly htmlBody: string | null;
  readonly attachments: readonly OutboxAttachment[];
  /** Gmail's link: the draft open in compose, or the thread. */
  readonly url: string;
}

type GGmailApp = GoogleAppsScript.Gmail.GmailApp;
type GmailAppMethods = Exclude<keyof GGmailApp, never>;

/** Lenient address parsing for mail from outside (hostile or odd headers must still arrive). */
function looseAddresses(list: string | undefined): Address[] {
  if (!list) return [];
  return splitAddressList(list).map((entry) => {
    try {
      return parseAddress(entry);
    } catch {
      return { name: null, email: entry.trim() };
    }
  });
}

function messages(method: string, args: readonly unknown[], value: unknown): GmailMessage[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((m) => {
    const msg = unwrap(m);
    if (!(msg instanceof GmailMessage)) throw signatureError(`GmailApp.${method}`, args);
    return msg;
  });
}

function threads(method: string, args: readonly unknown[], value: unknown): GmailThread[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((t) => {
    const thread = unwrap(t);
    if (!(thread instanceof GmailThread)) throw signatureError(`GmailApp.${method}`, args);
    return thread;
  });
}

const newestFirst = (a: GmailThread, b: GmailThread): number =>
  b.getLastMessageDate().getTime() - a.getLastMessageDate().getTime();

function page<T>(items: T[], start?: number, max?: number): T[] {
  const from = start ?? 0;
  return items.slice(from, max === undefined ? undefined : from + max);
}

/**
 * `GmailApp`: the user's mailbox in memory. Sending (sendEmail, draft.send, reply, forward)
 * consumes the daily `email` quota per recipient (to + cc + bcc) with Apps Script's message, and
 * sends nothing when a check fails. Drafts cost no quota.
 *
 * Emulator-only (on the raw object, uncounted): `deliver(mail)`, `outbox()`, `eml(messageId)`,
 * `accessTokenFor(messageId)`, `requireAccessToken`, and `box` (the mailbox: messages, threads,
 * drafts, labels, `aliases`).
 */
export class GmailAppEmulator implements Emulates<GGmailApp, GmailAppMethods> {
  readonly [API_NAME] = 'GmailApp';
  /** Emulator-only: the mailbox GmailApp and MailApp share. */
  readonly box: Mailbox;
  /**
   * Emulator-only: model a Workspace add-on holding only the per-message scopes
   * (`gmail.addons.current.message.*`): getMessageById / getThreadById then need the event's
   * token set through setCurrentMessageAccessToken in the same execution.
   */
  requireAccessToken = false;
  private readonly tokens = new Map<string, string>();
  private currentToken: string | null = null;

  constructor(private readonly ws: Workspace) {
    this.box = new Mailbox(ws);
    ws.onExecutionEnd(() => {
      this.currentToken = null;
    });
  }

  toString(): string {
    return 'GmailApp';
  }

  // ---- writing -----------------------------------------------------------------------------

  private composeArgs(method: string, args: readonly unknown[]): void {
    const [recipient, subject, body, options] = args;
    for (const v of [recipient, subject, body]) {
      if (v !== null && v !== undefined && typeof v === 'object') {
        throw signatureError(`GmailApp.${method}`, args);
      }
    }
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw signatureError(`GmailApp.${method}`, args);
    }
  }

  createDraft(
    ...args: [
      recipient: string,
      subject: string,
      body: string,
      options?: GoogleAppsScript.Gmail.GmailAdvancedOptions,
    ]
  ): GmailDraft {
    this.composeArgs('createDraft', args);
    const [recipient, subject, body, options] = args;
    return this.box.draft(this.box.content(recipient, subject, body, options as ComposeOptions));
  }

  sendEmail(
    ...args: [
      recipient: string,
      subject: string,
      body: string,
      options?: GoogleAppsScript.Gmail.GmailAdvancedOptions,
    ]
  ): GmailAppEmulator {
    this.composeArgs('sendEmail', args);
    const [recipient, subject, body, options] = args;
    this.box.send(
      this.box.content(recipient, subject, body, options as ComposeOptions),
      'GmailApp',
    );
    return this;
  }

  getAliases(): string[] {
    return [...this.box.aliases];
  }

  // ---- drafts ------------------------------------------------------------------------------

  getDrafts(): GmailDraft[] {
    return [...this.box.drafts.values()];
  }

  getDraft(draftId: string): GmailDraft {
    const draft = this.box.drafts.get(String(draftId));
    if (!draft) throw new Error(GMAIL_ERRORS.draftNotFound);
    return draft;
  }

  getDraftMessages(): GmailMessage[] {
    return this.getDrafts().map((d) => d.current());
  }

  // ---- reading -----------------------------------------------------------------------------

  /** Accepted and kept for this execution (a Gmail add-on passes `e.gmail.accessToken`). */
  setCurrentMessageAccessToken(accessToken: string): void {
    this.currentToken = String(accessToken);
  }

  /** With `requireAccessToken`, the current token must be one issued for this thread. */
  private checkToken(threadId: string): void {
    if (!this.requireAccessToken) return;
    const granted = this.currentToken === null ? undefined : this.tokens.get(this.currentToken);
    const message = granted === undefined ? undefined : this.box.messages.get(granted);
    if (message?.thread.id !== threadId) throw new Error(GMAIL_ERRORS.missingToken);
  }

  /** The message, or null when the mailbox has none with that id (drafts' messages included). */
  getMessageById(id: string): GmailMessage {
    const message = this.box.messages.get(String(id));
    if (!message) return null as unknown as GmailMessage;
    this.checkToken(message.thread.id);
    return message;
  }

  /** The thread, or null when not found (as documented). */
  getThreadById(id: string): GmailThread {
    const thread = this.box.threads.get(String(id));
    if (!thread) return null as unknown as GmailThread;
    this.checkToken(thread.id);
    return thread;
  }

  getMessagesForThread(...args: [thread: GmailThread]): GmailMessage[] {
    const [t] = threads('getMessagesForThread', args, args[0]);
    return (t as GmailThread).getMessages();
  }

  getMessagesForThreads(...args: [threads: GmailThread[]]): GmailMessage[][] {
    return threads('getMessagesForThreads', args, args[0]).map((t) => t.getMessages());
  }

  search(query: string, start?: number, max?: number): GmailThread[] {
    const found = searchThreads(this.box.threads.values(), String(query), {
      now: this.ws.clock.now(),
      timeZone: this.ws.timeZone,
    });
    return page(found, start, max);
  }

  private where(test: (t: GmailThread) => boolean): GmailThread[] {
    return [...this.box.threads.values()].filter(test).sort(newestFirst);
  }

  getInboxThreads(start?: number, max?: number): GmailThread[] {
    return page(
      this.where((t) => t.isInInbox()),
      start,
      max,
    );
  }

  getInboxUnreadCount(): number {
    return this.where((t) => t.isInInbox() && t.isUnread()).length;
  }

  getPriorityInboxThreads(start?: number, max?: number): GmailThread[] {
    return page(
      this.where((t) => t.isInPriorityInbox()),
      start,
      max,
    );
  }

  getPriorityInboxUnreadCount(): number {
    return this.where((t) => t.isInPriorityInbox() && t.isUnread()).length;
  }

  getStarredThreads(start?: number, max?: number): GmailThread[] {
    return page(
      this.where((t) => t.hasStarredMessages() && !t.isInTrash()),
      start,
      max,
    );
  }

  getStarredUnreadCount(): number {
    return this.where((t) => t.hasStarredMessages() && !t.isInTrash() && t.isUnread()).length;
  }

  getSpamThreads(start?: number, max?: number): GmailThread[] {
    return page(
      this.where((t) => t.isInSpam()),
      start,
      max,
    );
  }

  getSpamUnreadCount(): number {
    return this.where((t) => t.isInSpam() && t.isUnread()).length;
  }

  getTrashThreads(start?: number, max?: number): GmailThread[] {
    return page(
      this.where((t) => t.isInTrash()),
      start,
      max,
    );
  }

  /** Chats are not modelled: none. */
  getChatThreads(_start?: number, _max?: number): GmailThread[] {
    return [];
  }

  // ---- labels ------------------------------------------------------------------------------

  /** A new label, or the existing one of that name (chosen: no error for a duplicate). */
  createLabel(name: string): GmailLabel {
    const n = String(name ?? '').trim();
    if (n === '') throw new Error(GMAIL_ERRORS.invalidLabelName);
    let label = this.box.labels.get(n);
    if (!label) {
      label = new GmailLabel(this.box, n);
      this.box.labels.set(n, label);
    }
    return label;
  }

  /** The label, or null. */
  getUserLabelByName(name: string): GmailLabel {
    return (this.box.labels.get(String(name)) ?? null) as GmailLabel;
  }

  getUserLabels(): GmailLabel[] {
    return [...this.box.labels.values()];
  }

  deleteLabel(...args: [label: GmailLabel]): GmailAppEmulator {
    const label = unwrap(args[0]);
    if (!(label instanceof GmailLabel)) throw signatureError('GmailApp.deleteLabel', args);
    if (this.box.labels.get(label.name) !== label) throw new Error('labelId not found');
    label.deleteLabel();
    return this;
  }

  // ---- marking and moving ------------------------------------------------------------------

  markMessageRead(...args: [message: GmailMessage]): GmailAppEmulator {
    for (const m of messages('markMessageRead', args, args[0])) m.markRead();
    return this;
  }

  markMessagesRead(...args: [messages: GmailMessage[]]): GmailAppEmulator {
    for (const m of messages('markMessagesRead', args, args[0])) m.markRead();
    return this;
  }

  markMessageUnread(...args: [message: GmailMessage]): GmailAppEmulator {
    for (const m of messages('markMessageUnread', args, args[0])) m.markUnread();
    return this;
  }

  markMessagesUnread(...args: [messages: GmailMessage[]]): GmailAppEmulator {
    for (const m of messages('markMessagesUnread', args, args[0])) m.markUnread();
    return this;
  }

  starMessage(...args: [message: GmailMessage]): GmailAppEmulator {
    for (const m of messages('starMessage', args, args[0])) m.star();
    return this;
  }

  starMessages(...args: [messages: GmailMessage[]]): GmailAppEmulator {
    for (const m of messages('starMessages', args, args[0])) m.star();
    return this;
  }

  unstarMessage(...args: [message: GmailMessage]): GmailAppEmulator {
    for (const m of messages('unstarMessage', args, args[0])) m.unstar();
    return this;
  }

  unstarMessages(...args: [messages: GmailMessage[]]): GmailAppEmulator {
    for (const m of messages('unstarMessages', args, args[0])) m.unstar();
    return this;
  }

  moveMessageToTrash(...args: [message: GmailMessage]): GmailAppEmulator {
    for (const m of messages('moveMessageToTrash', args, args[0])) m.moveToTrash();
    return this;
  }

  moveMessagesToTrash(...args: [messages: GmailMessage[]]): GmailAppEmulator {
    for (const m of messages('moveMessagesToTrash', args, args[0])) m.moveToTrash();
    return this;
  }

  refreshMessage(...args: [message: GmailMessage]): GmailAppEmulator {
    messages('refreshMessage', args, args[0]);
    return this;
  }

  refreshMessages(...args: [messages: GmailMessage[]]): GmailAppEmulator {
    messages('refreshMessages', args, args[0]);
    return this;
  }

  private onThreads(
    method: string,
    args: readonly unknown[],
    f: (t: GmailThread) => unknown,
  ): GmailAppEmulator {
    for (const t of threads(method, args, args[0])) f(t);
    return this;
  }

  markThreadRead(...args: [thread: GmailThread]): GmailAppEmulator {
    return this.onThreads('markThreadRead', args, (t) => t.markRead());
  }

  markThreadsRead(...args: [threads: GmailThread[]]): GmailAppEmulator {
    return this.onThreads('markThreadsRead', args, (t) => t.markRead());
  }

  markThreadUnread(...args: [thread: GmailThread]): GmailAppEmulator {
    return this.onThreads('markThreadUnread', args, (t) => t.markUnread());
  }

  markThreadsUnread(...args: [threads: GmailThread[]]): GmailAppEmulator {
    return this.onThreads('markThreadsUnread', args, (t) => t.markUnread());
  }

  markThreadImportant(...args: [thread: GmailThread]): GmailAppEmulator {
    return this.onThreads('markThreadImportant', args, (t) => t.markImportant());
  }

  markThreadsImportant(...args: [threads: GmailThread[]]): GmailAppEmulator {
    return this.onThreads('markThreadsImportant', args, (t) => t.markImportant());
  }

  markThreadUnimportant(...args: [thread: GmailThread]): GmailAppEmulator {
    return this.onThreads('markThreadUnimportant', args, (t) => t.markUnimportant());
  }

  markThreadsUnimportant(...args: [threads: GmailThread[]]): GmailAppEmulator {
    return this.onThreads('markThreadsUnimportant', args, (t) => t.markUnimportant());
  }

  moveThreadToArchive(...args: [thread: GmailThread]): GmailAppEmulator {
    return this.onThreads('moveThreadToArchive', args, (t) => t.moveToArchive());
  }

  moveThreadsToArchive(...args: [threads: GmailThread[]]): GmailAppEmulator {
    return this.onThreads('moveThreadsToArchive', args, (t) => t.moveToArchive());
  }

  moveThreadToInbox(...args: [thread: GmailThread]): GmailAppEmulator {
    return this.onThreads('moveThreadToInbox', args, (t) => t.moveToInbox());
  }

  moveThreadsToInbox(...args: [threads: GmailThread[]]): GmailAppEmulator {
    return this.onThreads('moveThreadsToInbox', args, (t) => t.moveToInbox());
  }

  moveThreadToSpam(...args: [thread: GmailThread]): GmailAppEmulator {
    return this.onThreads('moveThreadToSpam', args, (t) => t.moveToSpam());
  }

  moveThreadsToSpam(...args: [threads: GmailThread[]]): GmailAppEmulator {
    return this.onThreads('moveThreadsToSpam', args, (t) => t.moveToSpam());
  }

  moveThreadToTrash(...args: [thread: GmailThread]): GmailAppEmulator {
    return this.onThreads('moveThreadToTrash', args, (t) => t.moveToTrash());
  }

  moveThreadsToTrash(...args: [threads: GmailThread[]]): GmailAppEmulator {
    return this.onThreads('moveThreadsToTrash', args, (t) => t.moveToTrash());
  }

  refreshThread(...args: [thread: GmailThread]): GmailAppEmulator {
    return this.onThreads('refreshThread', args, () => undefined);
  }

  refreshThreads(...args: [threads: GmailThread[]]): GmailAppEmulator {
    return this.onThreads('refreshThreads', args, () => undefined);
  }

  // ---- emulator-only -----------------------------------------------------------------------

  /** Emulator-only: puts a mail from outside in the mailbox (inbox, unread by default). */
  deliver(mail: IncomingMail): GmailMessage {
    const date = mail.date === undefined ? this.ws.clock.now() : new Date(mail.date).getTime();
    if (Number.isNaN(date)) throw new Error(`deliver: invalid date ${String(mail.date)}`);
    let thread: GmailThread | undefined;
    if (mail.threadId !== undefined) {
      thread = this.box.threads.get(mail.threadId);
      if (!thread) throw new Error(`deliver: no thread ${mail.threadId}`);
    } else if (mail.inReplyTo) {
      const parent = [...this.box.messages.values()].find(
        (m) => m.content.headers['Message-ID'] === mail.inReplyTo,
      );
      thread = parent?.thread;
    }
    const headers: Record<string, string> = { ...(mail.headers ?? {}) };
    if (mail.inReplyTo && !headers['In-Reply-To']) headers['In-Reply-To'] = mail.inReplyTo;
    const content: MailContent = {
      from: looseAddresses(mail.from)[0] ?? { name: null, email: String(mail.from) },
      to: looseAddresses(mail.to ?? this.ws.user.email),
      cc: looseAddresses(mail.cc),
      bcc: [],
      replyTo: looseAddresses(mail.replyTo),
      subject: mail.subject ?? '',
      plainBody: mail.plainBody ?? '',
      htmlBody: mail.htmlBody ?? null,
      attachments: (mail.attachments ?? []).map((a) =>
        a instanceof Blob
          ? a.copyBlob()
          : new Blob(this.ws, a.data, a.contentType ?? 'application/octet-stream', a.name),
      ),
      inlineImages: [],
      headers,
    };
    const labels: SystemLabel[] = [];
    if (mail.inbox !== false) labels.push('INBOX');
    if (mail.unread !== false) labels.push('UNREAD');
    if (mail.starred) labels.push('STARRED');
    const message = this.box.store(content, labels, 'delivered', {
      thread,
      date,
      ...(mail.id === undefined ? {} : { id: mail.id }),
    });
    if (mail.important) message.thread.important = true;
    for (const name of mail.labels ?? []) message.thread.userLabels.add(this.createLabel(name));
    return message;
  }

  /** Emulator-only: drafts and sent mails (GmailApp and MailApp), oldest first. */
  outbox(): OutboxMail[] {
    const draftOf = new Map([...this.box.drafts.values()].map((d) => [d.message, d]));
    return [...this.box.messages.values()]
      .filter((m) => m.labels.has('SENT') || (m.labels.has('DRAFT') && draftOf.has(m)))
      .sort((a, b) => a.date - b.date || a.id.localeCompare(b.id))
      .map((m) => {
        const draft = draftOf.get(m);
        const c = m.content;
        return {
          kind: draft ? 'draft' : 'sent',
          via: m.via,
          draftId: draft?.id ?? null,
          messageId: m.id,
          threadId: m.thread.id,
          from: formatAddress(c.from),
          to: formatAddressList(c.to),
          cc: formatAddressList(c.cc),
          bcc: formatAddressList(c.bcc),
          replyTo: formatAddressList(c.replyTo),
          subject: c.subject,
          date: new Date(m.date),
          plainBody: c.plainBody,
          htmlBody: c.htmlBody,
          attachments: c.attachments.map((b) => ({
            name: b.getName() ?? 'untitled',
            contentType: b.getContentType() ?? 'application/octet-stream',
            size: b.raw().length,
            blob: b.copyBlob(),
            sourceHtml: b.sourceHtml,
          })),
          url: draft
            ? `https://mail.google.com/mail/#drafts?compose=${m.id}`
            : m.thread.getPermalink(),
        };
      });
  }

  /** Emulator-only: a message of the mailbox as an `.eml` file (RFC 5322 / MIME, CRLF). */
  eml(messageId: string): string {
    const m = this.box.messages.get(messageId);
    if (!m) throw new Error(`eml: no message ${messageId}`);
    return toEml(m.emlInput());
  }

  /**
   * Emulator-only: the access token a Gmail add-on event would carry for this message
   * (`e.gmail.accessToken`), valid for the message and its thread.
   */
  accessTokenFor(messageId: string): string {
    const token = `pokke-token.${createHash('sha256').update(`token:${messageId}`).digest('base64url').slice(0, 24)}`;
    this.tokens.set(token, messageId);
    return token;
  }
}
