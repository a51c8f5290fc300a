import { createHash } from 'node:crypto';
import { escapeHtmlAsCharRefs } from '../../core/html-escape';
import { API_NAME, unwrap } from '../../core/instrument';
import { type EmlInput, toEml } from '../../eml';
import type { Blob } from '../blob';
import type { Emulates } from '../drive/types';
import { QUALIFIED_NAMES, signatureError } from '../ui';
import { type Address, formatAddress, formatAddressList } from './address';
import type { Mailbox } from './mailbox';

for (const c of ['GmailMessage', 'GmailThread', 'GmailDraft', 'GmailLabel', 'GmailAttachment']) {
  QUALIFIED_NAMES.set(c, `GmailApp.${c}`);
}

/**
 * GmailApp's and MailApp's messages. "confirmed": seen verbatim in scripts and libraries that
 * catch them on real accounts. "chosen": the emulator's wording, to check on a real deployment.
 */
export const GMAIL_ERRORS = {
  /** confirmed */
  noRecipient: 'Failed to send email: no recipient',
  /** confirmed (the recipients quota per message, 50) */
  tooManyRecipients: 'Limit Exceeded: Email Recipients Per Message.',
  /** confirmed (200 KB consumer / 400 KB Workspace) */
  bodySize: 'Limit Exceeded: Email Body Size.',
  /** confirmed (25 MB) */
  attachmentsSize: 'Limit Exceeded: Email Total Attachments Size.',
  /** seen only as a pattern in scripts that catch it (250 per message) */
  attachmentsCount: 'Limit Exceeded: Email Attachments Per Message.',
  /** confirmed pattern: a `from` that is not one of the account's aliases */
  invalidFrom: (from: string) => `Invalid argument: ${from}`,
  /** confirmed */
  invalidLabelName: 'Invalid label name',
  /**
   * chosen: getDraft with an unknown id, or a draft that was sent or deleted. A real account
   * answers with a "not found" (404) message; the exact text is unconfirmed.
   */
  draftNotFound: 'Requested entity was not found.',
  /**
   * chosen: getMessageById / getThreadById without the add-on's access token while the
   * emulator models the per-message scopes. The `Access denied: : ` prefix is confirmed
   * (`Access denied: : Expired access token.`); the rest is not.
   */
  missingToken: 'Access denied: : Missing access token for per message scope authorization.',
  /** chosen: `attachments` that is not an array */
  attachmentsArg: 'Invalid argument: attachments',
} as const;

/** Per-message limits from developers.google.com/apps-script/guides/services/quotas. */
export const MAIL_LIMITS = {
  recipientsPerMessage: 50,
  attachmentsPerMessage: 250,
  attachmentsBytes: 25 * 1024 * 1024,
  bodyBytes: { consumer: 200 * 1024, workspace: 400 * 1024 },
} as const;

export type SystemLabel =
  | 'INBOX'
  | 'SENT'
  | 'DRAFT'
  | 'UNREAD'
  | 'STARRED'
  | 'TRASH'
  | 'SPAM'
  | 'IMPORTANT';

/**
 * Who put a message in the mailbox: a script through GmailApp, MailApp or the Gmail advanced
 * service (`Gmail`, API v1), or the outside world.
 */
export type Via = 'GmailApp' | 'MailApp' | 'Gmail' | 'delivered';

/** A message's content, as the mailbox stores it (attachments are the mailbox's own copies). */
export interface MailContent {
  from: Address;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  subject: string;
  plainBody: string;
  htmlBody: string | null;
  attachments: Blob[];
  inlineImages: { cid: string; blob: Blob }[];
  /** Message-ID, In-Reply-To, References, and any header of a delivered mail. */
  headers: Record<string, string>;
}

/** The options GmailApp and MailApp take, merged (each method passes only its own). */
export interface ComposeOptions {
  attachments?: unknown;
  bcc?: string;
  cc?: string;
  from?: string;
  htmlBody?: string;
  inlineImages?: unknown;
  name?: string;
  noReply?: boolean;
  replyTo?: string;
  subject?: string;
}

/** Plain text of an HTML body, for getPlainBody() of an HTML-only mail (tags dropped). */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h[1-6]|table)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The address list of a message header as Apps Script shows it. */
function list(a: readonly Address[]): string {
  return formatAddressList(a);
}

type GMessage = GoogleAppsScript.Gmail.GmailMessage;
type MessageMethods = Exclude<keyof GMessage, never>;

/** A message of the emulated mailbox: received, sent, or a draft's current content. */
export class GmailMessage implements Emulates<GMessage, MessageMethods> {
  readonly [API_NAME] = 'GmailMessage';

  constructor(
    private readonly box: Mailbox,
    /** Emulator-only fields below (not counted). */
    readonly id: string,
    readonly thread: GmailThread,
    public content: MailContent,
    public date: number,
    readonly labels: Set<SystemLabel>,
    readonly via: Via,
  ) {}

  toString(): string {
    return 'GmailMessage';
  }

  getId(): string {
    return this.id;
  }

  getThread(): GmailThread {
    return this.thread;
  }

  getSubject(): string {
    return this.content.subject;
  }

  getFrom(): string {
    return formatAddress(this.content.from);
  }

  getTo(): string {
    return list(this.content.to);
  }

  getCc(): string {
    return list(this.content.cc);
  }

  getBcc(): string {
    return list(this.content.bcc);
  }

  getReplyTo(): string {
    return list(this.content.replyTo);
  }

  getDate(): Date {
    return new Date(this.date);
  }

  /**
   * The HTML body. For a plain-text mail the emulator answers with the text escaped and line
   * breaks as `<br>` (chosen; Gmail's exact rendering of a text/plain body is unconfirmed).
   */
  getBody(): string {
    if (this.content.htmlBody !== null) return this.content.htmlBody;
    return escapeHtmlAsCharRefs(this.content.plainBody).replace(/\r?\n/g, '<br>');
  }

  /** The text body; for an HTML-only mail, the HTML with its tags dropped. */
  getPlainBody(): string {
    if (this.content.plainBody === '' && this.content.htmlBody !== null) {
      return htmlToText(this.content.htmlBody);
    }
    return this.content.plainBody;
  }

  /** Emulator-only: the message in `toEml`'s terms. */
  emlInput(): EmlInput {
    const c = this.content;
    return {
      from: formatAddress(c.from),
      to: list(c.to),
      cc: list(c.cc),
      bcc: list(c.bcc),
      replyTo: list(c.replyTo),
      subject: c.subject,
      date: this.date,
      messageId: c.headers['Message-ID'],
      inReplyTo: c.headers['In-Reply-To'],
      references: c.headers.References,
      headers: Object.fromEntries(
        Object.entries(c.headers).filter(
          ([k]) => !['message-id', 'in-reply-to', 'references'].includes(k.toLowerCase()),
        ),
      ),
      plainBody: this.getPlainBody(),
      htmlBody: c.htmlBody,
      attachments: [
        ...c.attachments.map((b) => ({
          name: b.getName() ?? 'untitled',
          contentType: b.getContentType() ?? 'application/octet-stream',
          data: b.raw(),
        })),
        ...c.inlineImages.map((i) => ({
          name: i.blob.getName() ?? i.cid,
          contentType: i.blob.getContentType() ?? 'application/octet-stream',
          data: i.blob.raw(),
          contentId: i.cid,
        })),
      ],
      timeZone: this.box.ws.timeZone,
    };
  }

  /** The whole message as RFC 5322 text (see emulator/eml.ts). */
  getRawContent(): string {
    return toEml(this.emlInput());
  }

  /** A header of the message ('' when absent), names compared without case. */
  getHeader(name: string): string {
    const n = String(name).toLowerCase();
    const c = this.content;
    const standard: Record<string, string> = {
      from: formatAddress(c.from),
      to: list(c.to),
      cc: list(c.cc),
      'reply-to': list(c.replyTo),
      subject: c.subject,
    };
    if (standard[n] !== undefined) return standard[n];
    for (const [k, v] of Object.entries(c.headers)) if (k.toLowerCase() === n) return v;
    return '';
  }

  getAttachments(options?: GoogleAppsScript.Gmail.GmailAttachmentOptions): GmailAttachment[] {
    const withFiles = options?.includeAttachments ?? true;
    const withInline = options?.includeInlineImages ?? true;
    return [
      ...(withFiles ? this.content.attachments : []),
      ...(withInline ? this.content.inlineImages.map((i) => i.blob) : []),
    ].map((b) => new GmailAttachment(b.copyBlob()));
  }

  isDraft(): boolean {
    return this.labels.has('DRAFT');
  }

  isInInbox(): boolean {
    return this.labels.has('INBOX');
  }

  isInTrash(): boolean {
    return this.labels.has('TRASH');
  }

  isInChats(): boolean {
    return false;
  }

  isInPriorityInbox(): boolean {
    return this.labels.has('INBOX') && this.thread.important;
  }

  isStarred(): boolean {
    return this.labels.has('STARRED');
  }

  isUnread(): boolean {
    return this.labels.has('UNREAD');
  }

  markRead(): GmailMessage {
    this.labels.delete('UNREAD');
    return this;
  }

  markUnread(): GmailMessage {
    this.labels.add('UNREAD');
    return this;
  }

  star(): GmailMessage {
    this.labels.add('STARRED');
    return this;
  }

  unstar(): GmailMessage {
    this.labels.delete('STARRED');
    return this;
  }

  moveToTrash(): GmailMessage {
    this.labels.add('TRASH');
    this.labels.delete('INBOX');
    return this;
  }

  /** The emulator's state is always current. */
  refresh(): GmailMessage {
    return this;
  }

  reply(body: string, options?: GoogleAppsScript.Gmail.GmailAdvancedOptions): GmailMessage {
    this.box.send(this.box.replyContent(this, body, options, 'reply'), 'GmailApp', this.thread);
    return this;
  }

  replyAll(body: string, options?: GoogleAppsScript.Gmail.GmailAdvancedOptions): GmailMessage {
    this.box.send(this.box.replyContent(this, body, options, 'replyAll'), 'GmailApp', this.thread);
    return this;
  }

  createDraftReply(body: string, options?: GoogleAppsScript.Gmail.GmailReplyOptions): GmailDraft {
    return this.box.draft(this.box.replyContent(this, body, options, 'reply'), this.thread);
  }

  createDraftReplyAll(
    body: string,
    options?: GoogleAppsScript.Gmail.GmailReplyOptions,
  ): GmailDraft {
    return this.box.draft(this.box.replyContent(this, body, options, 'replyAll'), this.thread);
  }

  /** Forwards the message with its attachments, in the same thread. */
  forward(recipient: string, options?: GoogleAppsScript.Gmail.GmailAdvancedOptions): GmailMessage {
    const content = this.box.replyContent(this, '', options, 'forward', recipient);
    return this.box.send(content, 'GmailApp', this.thread);
  }
}

type GThread = GoogleAppsScript.Gmail.GmailThread;
type ThreadMethods = Exclude<keyof GThread, never>;

/** A conversation. Its id is its first message's id; labels of the user's are per thread. */
export class GmailThread implements Emulates<GThread, ThreadMethods> {
  readonly [API_NAME] = 'GmailThread';
  /** Emulator-only: the messages, oldest first (drafts included, as Gmail shows them). */
  readonly messages: GmailMessage[] = [];
  readonly userLabels = new Set<GmailLabel>();
  important = false;

  constructor(
    private readonly box: Mailbox,
    readonly id: string,
  ) {}

  toString(): string {
    return 'GmailThread';
  }

  private any(label: SystemLabel): boolean {
    return this.messages.some((m) => m.labels.has(label));
  }

  private each(f: (m: GmailMessage) => void): GmailThread {
    for (const m of this.messages) f(m);
    return this;
  }

  /** The newest message that is not a draft (what reply() answers), else the newest. */
  private last(): GmailMessage {
    const sent = this.messages.filter((m) => !m.isDraft());
    const m = sent[sent.length - 1] ?? this.messages[this.messages.length - 1];
    if (!m) throw new Error(GMAIL_ERRORS.draftNotFound);
    return m;
  }

  getId(): string {
    return this.id;
  }

  getMessages(): GmailMessage[] {
    return [...this.messages];
  }

  getMessageCount(): number {
    return this.messages.length;
  }

  getFirstMessageSubject(): string {
    return this.messages[0]?.content.subject ?? '';
  }

  getLastMessageDate(): Date {
    return new Date(Math.max(...this.messages.map((m) => m.date)));
  }

  getPermalink(): string {
    return `https://mail.google.com/mail/#all/${this.id}`;
  }

  getLabels(): GmailLabel[] {
    return [...this.userLabels];
  }

  addLabel(...args: [label: GmailLabel]): GmailThread {
    const label = unwrap(args[0]);
    if (!(label instanceof GmailLabel)) throw signatureError('GmailApp.GmailThread.addLabel', args);
    this.userLabels.add(label);
    return this;
  }

  removeLabel(...args: [label: GmailLabel]): GmailThread {
    const label = unwrap(args[0]);
    if (!(label instanceof GmailLabel)) {
      throw signatureError('GmailApp.GmailThread.removeLabel', args);
    }
    this.userLabels.delete(label);
    return this;
  }

  hasStarredMessages(): boolean {
    return this.any('STARRED');
  }

  isImportant(): boolean {
    return this.important;
  }

  isInChats(): boolean {
    return false;
  }

  isInInbox(): boolean {
    return this.any('INBOX');
  }

  isInPriorityInbox(): boolean {
    return this.important && this.any('INBOX');
  }

  isInSpam(): boolean {
    return this.any('SPAM');
  }

  isInTrash(): boolean {
    return this.any('TRASH');
  }

  isUnread(): boolean {
    return this.any('UNREAD');
  }

  markImportant(): GmailThread {
    this.important = true;
    return this;
  }

  markUnimportant(): GmailThread {
    this.important = false;
    return this;
  }

  markRead(): GmailThread {
    return this.each((m) => m.labels.delete('UNREAD'));
  }

  markUnread(): GmailThread {
    return this.each((m) => {
      if (!m.isDraft()) m.labels.add('UNREAD');
    });
  }

  moveToArchive(): GmailThread {
    return this.each((m) => m.labels.delete('INBOX'));
  }

  moveToInbox(): GmailThread {
    return this.each((m) => {
      m.labels.delete('TRASH');
      m.labels.delete('SPAM');
      if (!m.isDraft()) m.labels.add('INBOX');
    });
  }

  moveToSpam(): GmailThread {
    return this.each((m) => {
      m.labels.delete('INBOX');
      m.labels.add('SPAM');
    });
  }

  moveToTrash(): GmailThread {
    return this.each((m) => {
      m.labels.delete('INBOX');
      m.labels.add('TRASH');
    });
  }

  refresh(): GmailThread {
    return this;
  }

  reply(body: string, options?: GoogleAppsScript.Gmail.GmailAdvancedOptions): GmailThread {
    this.box.send(this.box.replyContent(this.last(), body, options, 'reply'), 'GmailApp', this);
    return this;
  }

  replyAll(body: string, options?: GoogleAppsScript.Gmail.GmailAdvancedOptions): GmailThread {
    this.box.send(this.box.replyContent(this.last(), body, options, 'replyAll'), 'GmailApp', this);
    return this;
  }

  createDraftReply(body: string, options?: GoogleAppsScript.Gmail.GmailReplyOptions): GmailDraft {
    return this.box.draft(this.box.replyContent(this.last(), body, options, 'reply'), this);
  }

  createDraftReplyAll(
    body: string,
    options?: GoogleAppsScript.Gmail.GmailReplyOptions,
  ): GmailDraft {
    return this.box.draft(this.box.replyContent(this.last(), body, options, 'replyAll'), this);
  }
}

type GDraft = GoogleAppsScript.Gmail.GmailDraft;
type DraftMethods = 'deleteDraft' | 'getId' | 'getMessage' | 'getMessageId' | 'send' | 'update';

/** A draft. Updating it gives its message a new id; sending or deleting it ends it. */
export class GmailDraft implements Emulates<GDraft, DraftMethods> {
  readonly [API_NAME] = 'GmailDraft';
  /** Emulator-only: sent or deleted. */
  gone = false;

  constructor(
    private readonly box: Mailbox,
    readonly id: string,
    public message: GmailMessage,
  ) {}

  toString(): string {
    return 'GmailDraft';
  }

  /** The current message, or Apps Script's error once the draft is sent or deleted. */
  current(): GmailMessage {
    if (this.gone) throw new Error(GMAIL_ERRORS.draftNotFound);
    return this.message;
  }

  getId(): string {
    return this.id;
  }

  getMessage(): GmailMessage {
    return this.current();
  }

  getMessageId(): string {
    return this.current().id;
  }

  update(
    recipient: string,
    subject: string,
    body: string,
    options?: GoogleAppsScript.Gmail.GmailAdvancedOptions,
  ): GmailDraft {
    const old = this.current();
    const content = this.box.content(recipient, subject, body, options as ComposeOptions);
    for (const k of ['In-Reply-To', 'References']) {
      const v = old.content.headers[k];
      if (v) content.headers[k] = v;
    }
    this.box.replaceDraftMessage(this, content);
    return this;
  }

  /** Sends the draft: the `email` quota per recipient, as sendEmail. */
  send(): GmailMessage {
    return this.box.sendDraft(this);
  }

  deleteDraft(): void {
    this.box.deleteDraft(this);
  }
}

type GLabel = GoogleAppsScript.Gmail.GmailLabel;
type LabelMethods = Exclude<keyof GLabel, never>;

/** A label of the user's (nested ones are named `Pokke/請求書`). */
export class GmailLabel implements Emulates<GLabel, LabelMethods> {
  readonly [API_NAME] = 'GmailLabel';

  constructor(
    private readonly box: Mailbox,
    readonly name: string,
  ) {}

  toString(): string {
    return 'GmailLabel';
  }

  getName(): string {
    return this.name;
  }

  private threadsArg(method: string, args: readonly unknown[], value: unknown): GmailThread[] {
    const list = Array.isArray(value) ? value : [value];
    return list.map((t) => {
      const thread = unwrap(t);
      if (!(thread instanceof GmailThread))
        throw signatureError(`GmailApp.GmailLabel.${method}`, args);
      return thread;
    });
  }

  addToThread(...args: [thread: GmailThread]): GmailLabel {
    for (const t of this.threadsArg('addToThread', args, args[0])) t.userLabels.add(this);
    return this;
  }

  addToThreads(...args: [threads: GmailThread[]]): GmailLabel {
    for (const t of this.threadsArg('addToThreads', args, args[0])) t.userLabels.add(this);
    return this;
  }

  removeFromThread(...args: [thread: GmailThread]): GmailLabel {
    for (const t of this.threadsArg('removeFromThread', args, args[0])) t.userLabels.delete(this);
    return this;
  }

  removeFromThreads(...args: [threads: GmailThread[]]): GmailLabel {
    for (const t of this.threadsArg('removeFromThreads', args, args[0])) {
      t.userLabels.delete(this);
    }
    return this;
  }

  getThreads(start?: number, max?: number): GmailThread[] {
    const threads = [...this.box.threads.values()]
      .filter((t) => t.userLabels.has(this))
      .sort((a, b) => b.getLastMessageDate().getTime() - a.getLastMessageDate().getTime());
    const from = start ?? 0;
    return threads.slice(from, max === undefined ? undefined : from + max);
  }

  getUnreadCount(): number {
    return this.getThreads().filter((t) => t.isUnread()).length;
  }

  deleteLabel(): void {
    for (const t of this.box.threads.values()) t.userLabels.delete(this);
    this.box.labels.delete(this.name);
  }
}

type GAttachment = GoogleAppsScript.Gmail.GmailAttachment;
type AttachmentMethods = Exclude<keyof GAttachment, never>;

/**
 * An attachment: a Blob with getSize() and getHash(). It wraps a copy of the mailbox's bytes, so
 * changing it changes nothing in the mail; setters answer with that Blob.
 */
export class GmailAttachment implements Emulates<GAttachment, AttachmentMethods> {
  readonly [API_NAME] = 'GmailAttachment';

  constructor(private readonly blob: Blob) {}

  toString(): string {
    return 'Blob';
  }

  /** Emulator-only: for an emulated PDF, the HTML it was made from. */
  get sourceHtml(): string | undefined {
    return this.blob.sourceHtml;
  }

  getBlob(): Blob {
    return this.blob;
  }

  copyBlob(): Blob {
    return this.blob.copyBlob();
  }

  getAs(contentType: string): Blob {
    return this.blob.getAs(contentType);
  }

  getBytes(): number[] {
    return this.blob.getBytes();
  }

  getContentType(): string {
    return this.blob.getContentType() ?? 'application/octet-stream';
  }

  getDataAsString(charset?: string): string {
    return this.blob.getDataAsString(charset);
  }

  /** SHA-1 of the content, in hex. */
  getHash(): string {
    return createHash('sha1').update(this.blob.raw()).digest('hex');
  }

  getName(): string {
    return this.blob.getName() ?? 'untitled';
  }

  getSize(): number {
    return this.blob.raw().length;
  }

  isGoogleType(): boolean {
    return this.blob.isGoogleType();
  }

  setBytes(data: GoogleAppsScript.Byte[]): Blob {
    return this.blob.setBytes(data);
  }

  setContentType(contentType: string): Blob {
    return this.blob.setContentType(contentType);
  }

  setContentTypeFromExtension(): Blob {
    return this.blob.setContentTypeFromExtension();
  }

  setDataFromString(string: string, charset?: string): Blob {
    return this.blob.setDataFromString(string, charset);
  }

  setName(name: string): Blob {
    return this.blob.setName(name);
  }

  getAllBlobs(): Blob[] {
    return [this.blob];
  }
}
