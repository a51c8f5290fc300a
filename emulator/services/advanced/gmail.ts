import { API_NAME } from '../../core/instrument';
import { splitAddressList, toEml } from '../../eml';
import {
  decodeHeaderWords,
  headerValue,
  isAttachment,
  leaves,
  type MimeNode,
  MimeParseError,
  parseMime,
  partFileName,
  partText,
} from '../../mime';
import type { Workspace } from '../../workspace';
import { Blob, emulatedPdfHtml } from '../blob';
import { type Address, parseAddress } from '../gmail/address';
import type { Mailbox } from '../gmail/mailbox';
import {
  GMAIL_ERRORS,
  type GmailDraft,
  type GmailMessage,
  MAIL_LIMITS,
  type MailContent,
} from '../gmail/message';
import { compileQuery } from '../gmail/search';
import {
  apiError,
  applyFields,
  pageToken,
  parseFields,
  readPageToken,
  requireScope,
} from './common';

/**
 * The Gmail advanced service (`Gmail`, Gmail API v1), over the same mailbox as GmailApp and
 * MailApp: a draft made here is in `ws.GmailApp.outbox()` and exports as `.eml` like any other.
 *
 * Modelled (developers.google.com/gmail/api/reference/rest/v1):
 * - `Users.getProfile`, `Users.Drafts.create/list/get/send/remove`, `Users.Messages.send/get`.
 * - `raw` is an RFC 5322 message in base64url (standard base64 accepted too, as Google's JSON
 *   byte fields are); it is parsed (emulator/mime.ts) into the mailbox's own record: From (the
 *   account's address when absent or not one of its own, as Gmail rewrites it), To/Cc/Bcc,
 *   Subject, the text and HTML bodies, attachments (an emulated PDF keeps its `sourceHtml`, which
 *   its bytes carry, so the playground still renders it), inline parts with a Content-ID.
 * - `format`: `full` (payload tree; attachment bodies as `attachmentId`), `metadata` (headers
 *   only, `metadataHeaders` filters them), `minimal`, `raw` (the message as the script sent it).
 * - `Drafts.list({maxResults (≤ 500, default 100), pageToken, q})`, newest first; `q` uses the
 *   GmailApp search subset. An empty page has no `drafts` key (Google's JSON omits empty lists).
 * - `fields` selects parts of any answer.
 * - Sending through the API does not use Apps Script's MailApp recipients quota (the Gmail API
 *   has its own sending limits, not modelled); the per-message limits are checked.
 * - Scopes: each method accepts the scopes its reference lists; without one of them the call
 *   fails with `Request had insufficient authentication scopes.`
 *
 * Chosen (unconfirmed): header values in `payload.headers` are given decoded (RFC 2047 words
 * undone), as Gmail is reported to do; the reasons of errors other than "Requested entity was not
 * found." and "Invalid To header"; `userId` other than `me` or the account's address fails with
 * `Delegation denied for <address>`.
 */

type GDraft = GoogleAppsScript.Gmail.Schema.Draft;
type GMessage = GoogleAppsScript.Gmail.Schema.Message;
type GPart = GoogleAppsScript.Gmail.Schema.MessagePart;
type GListDrafts = GoogleAppsScript.Gmail.Schema.ListDraftsResponse;
type GProfile = GoogleAppsScript.Gmail.Schema.Profile;
type Optional = Record<string, unknown> | undefined;

export const GMAIL_API_ERRORS = {
  notFound: 'Requested entity was not found.',
  missingMessage: 'Missing draft message',
  invalidRaw: 'Invalid raw message',
  invalidHeader: (h: string) => `Invalid ${h} header`,
  noRecipient: 'Recipient address required',
  delegation: (user: string) => `Delegation denied for ${user}`,
  invalidFormat: 'Invalid value for format',
  invalidMaxResults: 'Invalid maxResults',
  invalidToken: 'Invalid pageToken',
} as const;

const COMPOSE = ['https://mail.google.com/', 'gmail.modify', 'gmail.compose'] as const;
const READ_DRAFTS = [...COMPOSE, 'gmail.readonly'] as const;
const PROFILE = [...READ_DRAFTS, 'gmail.metadata'] as const;
const SEND = [...COMPOSE, 'gmail.send', 'gmail.addons.current.action.compose'] as const;
const READ_MESSAGES = [
  'https://mail.google.com/',
  'gmail.modify',
  'gmail.readonly',
  'gmail.metadata',
  'gmail.addons.current.message.readonly',
  'gmail.addons.current.message.metadata',
  'gmail.addons.current.message.action',
] as const;

/** The raw bytes each message made through this service was given, to answer `format: raw`. */
const rawOf = new WeakMap<GmailMessage, Buffer>();

const b64url = (b: Buffer): string => b.toString('base64url');

/** The bytes of a `raw` field (base64url or base64, padding optional). */
function rawBytes(method: string, raw: unknown): Buffer {
  if (typeof raw !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(raw.replace(/\s+/g, ''))) {
    throw apiError(method, GMAIL_API_ERRORS.invalidRaw);
  }
  return Buffer.from(raw.replace(/\s+/g, '').replace(/\+/g, '-').replace(/\//g, '_'), 'base64url');
}

function addresses(method: string, header: string, value: string | undefined): Address[] {
  if (value === undefined || value.trim() === '') return [];
  return splitAddressList(value).map((entry) => {
    try {
      return parseAddress(decodeHeaderWords(entry));
    } catch {
      throw apiError(method, GMAIL_API_ERRORS.invalidHeader(header));
    }
  });
}

const lf = (s: string): string => s.replace(/\r\n?/g, '\n');

/** The mailbox's record of a raw message. */
function contentOf(ws: Workspace, box: Mailbox, method: string, bytes: Buffer): MailContent {
  let root: MimeNode;
  try {
    root = parseMime(bytes);
  } catch (e) {
    if (e instanceof MimeParseError) throw apiError(method, GMAIL_API_ERRORS.invalidRaw);
    throw e;
  }
  const h = (name: string) => headerValue(root.headers, name);
  const fromList = addresses(method, 'From', h('From'));
  const given = fromList[0];
  const from: Address =
    given && box.isMe(given.email) ? given : { name: given?.name ?? null, email: ws.user.email };
  let plainBody: string | null = null;
  let htmlBody: string | null = null;
  const attachments: Blob[] = [];
  const inlineImages: MailContent['inlineImages'] = [];
  for (const part of leaves(root)) {
    if (!isAttachment(part)) {
      if (part.contentType === 'text/plain' && plainBody === null) plainBody = lf(partText(part));
      else if (part.contentType === 'text/html' && htmlBody === null) htmlBody = lf(partText(part));
      continue;
    }
    const name = partFileName(part) ?? 'noname';
    const blob = new Blob(ws, part.body, part.contentType, name);
    if (part.contentType === 'application/pdf') blob.sourceHtml = emulatedPdfHtml(part.body);
    const cid = headerValue(part.headers, 'Content-ID');
    if (cid && part.disposition !== 'attachment') {
      inlineImages.push({ cid: cid.replace(/^<|>$/g, ''), blob });
    } else attachments.push(blob);
  }
  const headers: Record<string, string> = {};
  for (const name of ['Message-ID', 'In-Reply-To', 'References']) {
    const v = h(name);
    if (v) headers[name] = v;
  }
  return {
    from,
    to: addresses(method, 'To', h('To')),
    cc: addresses(method, 'Cc', h('Cc')),
    bcc: addresses(method, 'Bcc', h('Bcc')),
    replyTo: addresses(method, 'Reply-To', h('Reply-To')),
    subject: decodeHeaderWords(h('Subject') ?? ''),
    plainBody: plainBody ?? '',
    htmlBody,
    attachments,
    inlineImages,
    headers,
  };
}

/** Gmail's snippet: the start of the text, whitespace collapsed. */
function snippet(m: GmailMessage): string {
  return m.getPlainBody().replace(/\s+/g, ' ').trim().slice(0, 200);
}

export class GmailUsersDraftsCollection {
  readonly [API_NAME] = 'Users.Drafts';

  constructor(private readonly api: GmailCore) {}

  toString(): string {
    return 'Drafts';
  }

  create(resource: GDraft, userId: string, mediaData?: unknown): GDraft {
    const method = 'gmail.users.drafts.create';
    this.api.check(method, userId, COMPOSE);
    if (mediaData !== undefined) throw new Error('Gmail media uploads are not emulated');
    const raw = resource?.message?.raw;
    if (raw === undefined || raw === null || raw === '') {
      throw apiError(method, GMAIL_API_ERRORS.missingMessage);
    }
    const bytes = rawBytes(method, raw);
    const content = this.api.content(method, bytes);
    const thread = this.api.thread(method, resource.message?.threadId);
    const box = this.api.box;
    try {
      box.checkAttachments(content);
    } catch (e) {
      throw apiError(method, (e as Error).message);
    }
    const draft = box.draft(content, thread, 'Gmail');
    rawOf.set(draft.message, bytes);
    return { id: draft.id, message: this.api.brief(draft.message) };
  }

  list(userId: string, optionalArgs?: Optional): GListDrafts {
    const method = 'gmail.users.drafts.list';
    this.api.check(method, userId, READ_DRAFTS);
    const args = optionalArgs ?? {};
    const max = args.maxResults === undefined ? 100 : Number(args.maxResults);
    if (!Number.isInteger(max) || max < 1 || max > 500) {
      throw apiError(method, GMAIL_API_ERRORS.invalidMaxResults);
    }
    const tree = args.fields === undefined ? null : parseFields(method, String(args.fields));
    const box = this.api.box;
    let drafts = [...box.drafts.values()];
    const q = args.q === undefined || args.q === null ? '' : String(args.q);
    if (q !== '') {
      const { match } = compileQuery(q, { now: box.now(), timeZone: box.ws.timeZone });
      drafts = drafts.filter((d) => match(d.message));
    }
    drafts.sort(
      (a, b) => b.message.date - a.message.date || b.message.id.localeCompare(a.message.id),
    );
    let start = 0;
    if (args.pageToken !== undefined && args.pageToken !== null && args.pageToken !== '') {
      const t = readPageToken(args.pageToken);
      if (!t || t.q !== q || typeof t.start !== 'number') {
        throw apiError(method, GMAIL_API_ERRORS.invalidToken);
      }
      start = t.start;
    }
    const page = drafts.slice(start, start + max);
    const result: GListDrafts = { resultSizeEstimate: page.length };
    if (page.length > 0) {
      result.drafts = page.map((d) => ({
        id: d.id,
        message: { id: d.message.id, threadId: d.message.thread.id },
      }));
    }
    if (start + max < drafts.length) result.nextPageToken = pageToken({ q, start: start + max });
    return applyFields(result, tree) as GListDrafts;
  }

  get(userId: string, id: string, optionalArgs?: Optional): GDraft {
    const method = 'gmail.users.drafts.get';
    this.api.check(method, userId, READ_DRAFTS);
    const args = optionalArgs ?? {};
    const draft = this.api.draft(method, id);
    const format = this.api.format(method, args.format);
    const tree = args.fields === undefined ? null : parseFields(method, String(args.fields));
    return applyFields(this.api.draftResource(draft, format, args.metadataHeaders), tree) as GDraft;
  }

  send(resource: GDraft, userId: string): GMessage {
    const method = 'gmail.users.drafts.send';
    this.api.check(method, userId, COMPOSE);
    const draft = this.api.draft(method, String(resource?.id ?? ''));
    const box = this.api.box;
    if (resource.message?.raw) {
      const bytes = rawBytes(method, resource.message.raw);
      box.replaceDraftMessage(draft, this.api.content(method, bytes));
      rawOf.set(draft.message, bytes);
    }
    const message = draft.message;
    this.api.checkSend(method, message.content);
    message.labels.delete('DRAFT');
    message.labels.add('SENT');
    message.date = box.now();
    message.thread.messages.sort((a, b) => a.date - b.date);
    box.drafts.delete(draft.id);
    draft.gone = true;
    return this.api.brief(message);
  }

  remove(userId: string, id: string): void {
    const method = 'gmail.users.drafts.delete';
    this.api.check(method, userId, COMPOSE);
    this.api.box.deleteDraft(this.api.draft(method, id));
  }
}

export class GmailUsersMessagesCollection {
  readonly [API_NAME] = 'Users.Messages';

  constructor(private readonly api: GmailCore) {}

  toString(): string {
    return 'Messages';
  }

  send(resource: GMessage, userId: string, mediaData?: unknown): GMessage {
    const method = 'gmail.users.messages.send';
    this.api.check(method, userId, SEND);
    if (mediaData !== undefined) throw new Error('Gmail media uploads are not emulated');
    const raw = resource?.raw;
    if (raw === undefined || raw === null || raw === '') {
      throw apiError(method, GMAIL_API_ERRORS.invalidRaw);
    }
    const bytes = rawBytes(method, raw);
    const content = this.api.content(method, bytes);
    const thread = this.api.thread(method, resource.threadId);
    this.api.checkSend(method, content);
    const box = this.api.box;
    const message = box.store(content, ['SENT'], 'Gmail', { thread });
    if ([...content.to, ...content.cc, ...content.bcc].some((a) => box.isMe(a.email))) {
      message.labels.add('INBOX');
    }
    rawOf.set(message, bytes);
    return this.api.brief(message);
  }

  get(userId: string, id: string, optionalArgs?: Optional): GMessage {
    const method = 'gmail.users.messages.get';
    this.api.check(method, userId, READ_MESSAGES);
    const args = optionalArgs ?? {};
    const message = this.api.box.messages.get(String(id));
    if (!message) throw apiError(method, GMAIL_API_ERRORS.notFound);
    const format = this.api.format(method, args.format);
    const tree = args.fields === undefined ? null : parseFields(method, String(args.fields));
    return applyFields(
      this.api.messageResource(message, format, args.metadataHeaders),
      tree,
    ) as GMessage;
  }
}

export class GmailUsersCollection {
  readonly [API_NAME] = 'Users';
  readonly Drafts: GmailUsersDraftsCollection;
  readonly Messages: GmailUsersMessagesCollection;

  constructor(private readonly api: GmailCore) {
    this.Drafts = new GmailUsersDraftsCollection(api);
    this.Messages = new GmailUsersMessagesCollection(api);
  }

  toString(): string {
    return 'Users';
  }

  getProfile(userId: string): GProfile {
    this.api.check('gmail.users.getProfile', userId, PROFILE);
    const box = this.api.box;
    return {
      emailAddress: this.api.ws.user.email,
      messagesTotal: box.messages.size,
      threadsTotal: box.threads.size,
      historyId: String(box.messages.size + box.drafts.size + 1000),
    };
  }
}

type Format = 'full' | 'metadata' | 'minimal' | 'raw';

/** `Gmail` (API v1): `Users` and the `new*` resource builders. */
export class GmailAdvancedEmulator {
  readonly [API_NAME] = 'Gmail';
  readonly Users: GmailUsersCollection;
  /** Emulator-only: what the collections share (not part of Apps Script's service). */
  readonly core: GmailCore;

  constructor(ws: Workspace) {
    this.core = new GmailCore(ws);
    this.Users = new GmailUsersCollection(this.core);
  }

  toString(): string {
    return 'Gmail';
  }

  newDraft(): GDraft {
    return {};
  }

  newMessage(): GMessage {
    return {};
  }
}

/** The state and helpers behind the collections: the mailbox, checks, resources. */
export class GmailCore {
  constructor(readonly ws: Workspace) {}

  /** Emulator-only: the mailbox GmailApp and MailApp share. */
  get box(): Mailbox {
    return this.ws.GmailApp.box;
  }

  check(method: string, userId: string, scopes: readonly string[]): void {
    requireScope(this.ws, method, scopes);
    const u = String(userId);
    if (u !== 'me' && u.toLowerCase() !== this.ws.user.email.toLowerCase()) {
      throw apiError(method, GMAIL_API_ERRORS.delegation(u));
    }
  }

  content(method: string, bytes: Buffer): MailContent {
    return contentOf(this.ws, this.box, method, bytes);
  }

  thread(method: string, threadId: unknown): GmailMessage['thread'] | undefined {
    if (threadId === undefined || threadId === null || threadId === '') return undefined;
    const thread = this.box.threads.get(String(threadId));
    if (!thread) throw apiError(method, GMAIL_API_ERRORS.notFound);
    return thread;
  }

  draft(method: string, id: string): GmailDraft {
    const draft = this.box.drafts.get(String(id));
    if (!draft || draft.gone) throw apiError(method, GMAIL_API_ERRORS.notFound);
    return draft;
  }

  format(method: string, value: unknown): Format {
    const f = value === undefined || value === null ? 'full' : String(value).toLowerCase();
    if (f === 'full' || f === 'metadata' || f === 'minimal' || f === 'raw') return f;
    throw apiError(method, GMAIL_API_ERRORS.invalidFormat);
  }

  checkSend(method: string, content: MailContent): void {
    const n = content.to.length + content.cc.length + content.bcc.length;
    if (n === 0) throw apiError(method, GMAIL_API_ERRORS.noRecipient);
    try {
      if (n > MAIL_LIMITS.recipientsPerMessage) throw new Error(GMAIL_ERRORS.tooManyRecipients);
      this.box.checkAttachments(content);
    } catch (e) {
      throw apiError(method, (e as Error).message);
    }
  }

  /** The message as RFC 5322 bytes: what the script sent, or the mailbox's own rendering. */
  rawMessage(m: GmailMessage): Buffer {
    return rawOf.get(m) ?? Buffer.from(toEml(m.emlInput()), 'utf8');
  }

  /** What create and send answer: the message's ids and labels. */
  brief(m: GmailMessage): GMessage {
    return { id: m.id, threadId: m.thread.id, labelIds: [...m.labels] };
  }

  draftResource(d: GmailDraft, format: Format, metadataHeaders?: unknown): GDraft {
    return { id: d.id, message: this.messageResource(d.message, format, metadataHeaders) };
  }

  messageResource(m: GmailMessage, format: Format, metadataHeaders?: unknown): GMessage {
    const raw = this.rawMessage(m);
    const base: GMessage = {
      id: m.id,
      threadId: m.thread.id,
      labelIds: [...m.labels],
    };
    Object.assign(base, {
      snippet: snippet(m),
      sizeEstimate: raw.length,
      historyId: String(1000 + this.box.messages.size),
      internalDate: String(m.date),
    });
    if (format === 'minimal') return base;
    if (format === 'raw') return { ...base, raw: b64url(raw) };
    const root = parseMime(raw);
    if (format === 'metadata') {
      const wanted = Array.isArray(metadataHeaders)
        ? metadataHeaders.map((x) => String(x).toLowerCase())
        : typeof metadataHeaders === 'string'
          ? [metadataHeaders.toLowerCase()]
          : null;
      const headers = root.headers
        .filter((h) => wanted === null || wanted.includes(h.name.toLowerCase()))
        .map((h) => ({ name: h.name, value: decodeHeaderWords(h.value) }));
      return { ...base, payload: { mimeType: root.contentType, headers } };
    }
    return { ...base, payload: this.part(m, root, '') };
  }

  private part(m: GmailMessage, node: MimeNode, partId: string): GPart {
    const headers = node.headers.map((h) => ({ name: h.name, value: decodeHeaderWords(h.value) }));
    const filename =
      node.children.length === 0 && isAttachment(node) ? (partFileName(node) ?? '') : '';
    const part: GPart = { partId, mimeType: node.contentType, filename, headers };
    if (node.children.length > 0) {
      part.body = { size: 0 };
      part.parts = node.children.map((c, i) =>
        this.part(m, c, partId === '' ? String(i) : `${partId}.${i}`),
      );
    } else if (filename !== '') {
      part.body = { size: node.body.length, attachmentId: `ANGjdJ_${m.id}_${partId || '0'}` };
    } else {
      part.body = { size: node.body.length, data: b64url(node.body) };
    }
    return part;
  }
}
