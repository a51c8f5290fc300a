import { createHash } from 'node:crypto';
import { isEmulated, unwrap } from '../../core/instrument';
import type { Workspace } from '../../workspace';
import { Blob, blobOf } from '../blob';
import { type Address, formatAddressList, parseAddressList, sameEmail } from './address';
import {
  type ComposeOptions,
  GMAIL_ERRORS,
  GmailDraft,
  type GmailLabel,
  GmailMessage,
  GmailThread,
  MAIL_LIMITS,
  type MailContent,
  type SystemLabel,
  type Via,
} from './message';

const hash = (s: string): string => createHash('sha256').update(s).digest('hex');

/** One attachment argument (Blob, File, GmailAttachment) as a named blob the mailbox owns. */
function ownBlob(ws: Workspace, source: unknown): Blob {
  const s = unwrap(source);
  let blob: Blob;
  if (s instanceof Blob) blob = s;
  else if (isEmulated(s) && typeof (s as { getBlob?: unknown }).getBlob === 'function') {
    blob = blobOf(ws, s as unknown as GoogleAppsScript.Base.BlobSource);
  } else {
    throw new Error(GMAIL_ERRORS.attachmentsArg);
  }
  const copy = blob.copyBlob();
  // Chosen: a nameless blob is attached as "untitled" (unconfirmed).
  if (copy.getName() === null) copy.setName('untitled');
  if (copy.getContentType() === null) copy.setContentType('application/octet-stream');
  return copy;
}

/**
 * Everything one user's Gmail holds: messages, threads, drafts and labels. GmailApp is the
 * script's view of it; MailApp sends through it (a mail MailApp sends shows in Sent, as on Gmail).
 */
export class Mailbox {
  readonly messages = new Map<string, GmailMessage>();
  readonly threads = new Map<string, GmailThread>();
  /** Live drafts, by draft id. */
  readonly drafts = new Map<string, GmailDraft>();
  readonly labels = new Map<string, GmailLabel>();
  /** Emulator-only: addresses the account may send as (`from` option), besides its own. */
  aliases: string[] = [];
  private seq = 0;
  private draftSeq = 0;

  constructor(readonly ws: Workspace) {}

  now(): number {
    return this.ws.clock.now();
  }

  /** A Gmail-like 16-hex-digit id that sorts by date, unique in the mailbox. */
  newMessageId(date: number): string {
    for (;;) {
      const id = ((BigInt(Math.max(0, Math.floor(date))) << 20n) | BigInt(this.seq++ & 0xfffff))
        .toString(16)
        .padStart(16, '0');
      if (!this.messages.has(id) && !this.threads.has(id)) return id;
    }
  }

  newDraftId(): string {
    const n = BigInt(`0x${hash(`pokke-draft:${this.draftSeq++}`).slice(0, 16)}`);
    return `r${BigInt.asIntN(64, n).toString()}`;
  }

  /** The RFC 5322 Message-ID Gmail would give a message written in this mailbox. */
  messageIdHeader(id: string): string {
    return `<CAPokke${Buffer.from(hash(`msgid:${id}`), 'hex')
      .toString('base64url')
      .slice(0, 26)}@mail.gmail.com>`;
  }

  /**
   * Content from the arguments of createDraft / sendEmail / reply...: addresses parsed and
   * checked (`Invalid email: …`), attachments copied, `from` checked against the aliases.
   */
  content(
    recipient: unknown,
    subject: unknown,
    body: unknown,
    options?: ComposeOptions,
  ): MailContent {
    const o = options ?? {};
    const user = this.ws.user.email;
    let fromEmail = user;
    if (o.from !== undefined && o.from !== null && String(o.from) !== '') {
      const f = String(o.from);
      if (!sameEmail(f, user) && !this.aliases.some((a) => sameEmail(a, f))) {
        throw new Error(GMAIL_ERRORS.invalidFrom(f));
      }
      fromEmail = f;
    }
    if (o.noReply === true && this.ws.meter.account === 'workspace') {
      fromEmail = `noreply@${user.slice(user.indexOf('@') + 1)}`;
    }
    const name = o.name === undefined || o.name === null || o.name === '' ? null : String(o.name);
    let attachments: Blob[] = [];
    if (o.attachments !== undefined && o.attachments !== null) {
      if (!Array.isArray(o.attachments)) throw new Error(GMAIL_ERRORS.attachmentsArg);
      attachments = o.attachments.map((a) => ownBlob(this.ws, a));
    }
    const inlineImages: MailContent['inlineImages'] = [];
    if (o.inlineImages && typeof o.inlineImages === 'object') {
      for (const [cid, src] of Object.entries(o.inlineImages as Record<string, unknown>)) {
        inlineImages.push({ cid, blob: ownBlob(this.ws, src) });
      }
    }
    return {
      from: { name, email: fromEmail },
      to: parseAddressList(recipient === null || recipient === undefined ? '' : String(recipient)),
      cc: parseAddressList(o.cc),
      bcc: parseAddressList(o.bcc),
      replyTo: parseAddressList(o.replyTo),
      subject: subject === null || subject === undefined ? '' : String(subject),
      plainBody: body === null || body === undefined ? '' : String(body),
      htmlBody: o.htmlBody === undefined || o.htmlBody === null ? null : String(o.htmlBody),
      attachments,
      inlineImages,
      headers: {},
    };
  }

  recipientCount(c: MailContent): number {
    return c.to.length + c.cc.length + c.bcc.length;
  }

  /** Limits that apply to any message the mailbox writes (drafts included). */
  checkAttachments(c: MailContent): void {
    const all = [...c.attachments, ...c.inlineImages.map((i) => i.blob)];
    if (all.length > MAIL_LIMITS.attachmentsPerMessage) {
      throw new Error(GMAIL_ERRORS.attachmentsCount);
    }
    const bytes = all.reduce((sum, b) => sum + b.raw().length, 0);
    if (bytes > MAIL_LIMITS.attachmentsBytes) throw new Error(GMAIL_ERRORS.attachmentsSize);
  }

  /** Every check of a send, then the `email` quota (one unit per recipient). Nothing is sent on error. */
  checkSend(c: MailContent): void {
    const n = this.recipientCount(c);
    if (n === 0) throw new Error(GMAIL_ERRORS.noRecipient);
    if (n > MAIL_LIMITS.recipientsPerMessage) throw new Error(GMAIL_ERRORS.tooManyRecipients);
    const limit = MAIL_LIMITS.bodyBytes[this.ws.meter.account];
    if (
      Buffer.byteLength(c.plainBody) > limit ||
      (c.htmlBody !== null && Buffer.byteLength(c.htmlBody) > limit)
    ) {
      throw new Error(GMAIL_ERRORS.bodySize);
    }
    this.checkAttachments(c);
    this.ws.meter.consume('email', n);
  }

  /** Files a message in a thread (a new one unless given). */
  store(
    content: MailContent,
    labels: Iterable<SystemLabel>,
    via: Via,
    options: { thread?: GmailThread; date?: number; id?: string } = {},
  ): GmailMessage {
    const date = options.date ?? this.now();
    if (options.id !== undefined && (this.messages.has(options.id) || this.threads.has(options.id)))
      throw new Error(`store: message id ${options.id} is taken`);
    const id = options.id ?? this.newMessageId(date);
    let thread = options.thread;
    if (!thread) {
      thread = new GmailThread(this, id);
      this.threads.set(id, thread);
    }
    if (!content.headers['Message-ID']) content.headers['Message-ID'] = this.messageIdHeader(id);
    const message = new GmailMessage(this, id, thread, content, date, new Set(labels), via);
    this.messages.set(id, message);
    thread.messages.push(message);
    thread.messages.sort((a, b) => a.date - b.date);
    return message;
  }

  /** Sends: checks, quota, then the message lands in Sent (and the inbox when sent to oneself). */
  send(content: MailContent, via: Via, thread?: GmailThread): GmailMessage {
    this.checkSend(content);
    const labels: SystemLabel[] = ['SENT'];
    const me = this.ws.user.email;
    if ([...content.to, ...content.cc, ...content.bcc].some((a) => sameEmail(a.email, me))) {
      labels.push('INBOX');
    }
    return this.store(content, labels, via, { thread });
  }

  draft(content: MailContent, thread?: GmailThread, via: Via = 'GmailApp'): GmailDraft {
    this.checkAttachments(content);
    const message = this.store(content, ['DRAFT'], via, { thread });
    const draft = new GmailDraft(this, this.newDraftId(), message);
    this.drafts.set(draft.id, draft);
    return draft;
  }

  /** Replaces a draft's message: Gmail gives the new content a new message id. */
  replaceDraftMessage(draft: GmailDraft, content: MailContent): void {
    this.checkAttachments(content);
    const old = draft.current();
    const thread = old.thread;
    this.messages.delete(old.id);
    thread.messages.splice(thread.messages.indexOf(old), 1);
    const message = this.store(content, ['DRAFT'], 'GmailApp', { thread });
    draft.message = message;
  }

  sendDraft(draft: GmailDraft): GmailMessage {
    const message = draft.current();
    this.checkSend(message.content);
    message.labels.delete('DRAFT');
    message.labels.add('SENT');
    message.date = this.now();
    message.thread.messages.sort((a, b) => a.date - b.date);
    this.drafts.delete(draft.id);
    draft.gone = true;
    return message;
  }

  deleteDraft(draft: GmailDraft): void {
    const message = draft.current();
    this.messages.delete(message.id);
    const thread = message.thread;
    thread.messages.splice(thread.messages.indexOf(message), 1);
    if (thread.messages.length === 0) this.threads.delete(thread.id);
    this.drafts.delete(draft.id);
    draft.gone = true;
  }

  /** Is the address one of the account's own (its email or an alias)? */
  isMe(email: string): boolean {
    return sameEmail(email, this.ws.user.email) || this.aliases.some((a) => sameEmail(a, email));
  }

  /**
   * Content of a reply (or reply-all, or forward) to `message`: recipients, "Re: " subject,
   * In-Reply-To and References, in the same thread.
   */
  replyContent(
    message: GmailMessage,
    body: string,
    options: ComposeOptions | undefined,
    mode: 'reply' | 'replyAll' | 'forward',
    forwardTo?: string,
  ): MailContent {
    const src = message.content;
    let to: Address[];
    let cc: Address[] = [];
    if (mode === 'forward') {
      to = parseAddressList(forwardTo ?? '');
    } else if (this.isMe(src.from.email)) {
      to = [...src.to];
      if (mode === 'replyAll') cc = [...src.cc];
    } else {
      to = src.replyTo.length > 0 ? [...src.replyTo] : [src.from];
      if (mode === 'replyAll') {
        to = [...to, ...src.to.filter((a) => !this.isMe(a.email))];
        cc = src.cc.filter((a) => !this.isMe(a.email));
      }
    }
    const prefix = mode === 'forward' ? 'Fwd: ' : 'Re: ';
    const already = mode === 'forward' ? /^fwd?:/i : /^re:/i;
    const subject =
      options?.subject !== undefined && options.subject !== null
        ? String(options.subject)
        : already.test(src.subject)
          ? src.subject
          : `${prefix}${src.subject}`;
    const content = this.content(formatAddressList(to), subject, body, {
      ...options,
      cc: [options?.cc, cc.length > 0 ? formatAddressList(cc) : undefined]
        .filter((s) => s !== undefined && s !== null && s !== '')
        .join(', '),
    });
    if (mode === 'forward') {
      content.attachments = [...src.attachments.map((b) => b.copyBlob()), ...content.attachments];
      if (body === '') {
        content.plainBody = src.plainBody;
        if (content.htmlBody === null) content.htmlBody = src.htmlBody;
      }
    }
    const msgId = src.headers['Message-ID'] ?? '';
    content.headers['In-Reply-To'] = msgId;
    content.headers.References = [src.headers.References, msgId].filter(Boolean).join(' ');
    return content;
  }

  userLabel(name: string): GmailLabel | undefined {
    return this.labels.get(name);
  }
}
