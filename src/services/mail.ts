import { buildMime, decodeEncodedWords, type MimeAttachment } from '../core/mime';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly attachments?: GoogleAppsScript.Base.Blob[];
  /** Sender display name. */
  readonly name?: string;
}

const draftUrl = (messageId: string) => `https://mail.google.com/mail/#drafts?compose=${messageId}`;

export interface DraftRef {
  readonly draftId: string;
  readonly messageId: string;
  readonly url: string;
}

function gmail(): GoogleAppsScript.Gmail {
  // The global exists only when the manifest enables the service (ReferenceError otherwise).
  return Gmail as GoogleAppsScript.Gmail;
}

function mimeAttachment(blob: GoogleAppsScript.Base.Blob): MimeAttachment {
  return {
    name: blob.getName() || 'untitled',
    contentType: blob.getContentType() || 'application/octet-stream',
    base64: Utilities.base64Encode(blob.getBytes()),
  };
}

/** The owner's own address (for a From header with their name): one `getProfile` call. */
export function ownAddress(): string {
  return String(gmail().Users.getProfile('me').emailAddress);
}

/**
 * A Gmail draft in the owner's mailbox, for them to check and send: an RFC 5322 message built by
 * core/mime.ts, through the Gmail advanced service (`gmail.compose`). With a sender name the
 * From header needs the owner's address: pass it when making many drafts, else it is looked up.
 */
export function createDraft(mail: OutgoingMail, senderAddress?: string): DraftRef {
  const api = gmail().Users;
  const from = mail.name ? { name: mail.name, email: senderAddress ?? ownAddress() } : undefined;
  const mime = buildMime({
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.body,
    html: mail.htmlBody,
    attachments: (mail.attachments ?? []).map(mimeAttachment),
  });
  const draft = api.Drafts.create({ message: { raw: Utilities.base64EncodeWebSafe(mime) } }, 'me');
  const messageId = String(draft.message?.id);
  return { draftId: String(draft.id), messageId, url: draftUrl(messageId) };
}

/**
 * The owner's draft with exactly this subject, if any, to resume without a duplicate: a Gmail
 * search in drafts for `term` (a distinctive word of the subject, such as the invoice number),
 * then the Subject header of each hit. One call when there is none, whatever the number of
 * drafts the owner keeps.
 */
export function findDraftBySubject(subject: string, term: string): DraftRef | undefined {
  const drafts = gmail().Users.Drafts;
  const q = `in:drafts subject:"${term.replace(/"/g, ' ')}"`;
  const page = drafts.list('me', { q, maxResults: 10, fields: 'drafts/id' });
  for (const ref of page.drafts ?? []) {
    const found = draftWithSubject(String(ref.id));
    if (found.subject === subject) return found.ref;
  }
  return undefined;
}

function draftWithSubject(id: string): { subject: string; ref: DraftRef } {
  const draft = gmail().Users.Drafts.get('me', id, {
    format: 'metadata',
    metadataHeaders: ['Subject'],
    fields: 'id,message(id,payload/headers)',
  });
  const header = draft.message?.payload?.headers?.find(
    (h) => String(h.name).toLowerCase() === 'subject',
  );
  const messageId = String(draft.message?.id);
  return {
    subject: decodeEncodedWords(String(header?.value ?? '')),
    ref: { draftId: String(draft.id), messageId, url: draftUrl(messageId) },
  };
}

/** Recipients the owner may still mail today (MailApp's daily quota). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/**
 * Sends a draft as it is: Gmail makes it the sent message and the draft disappears, which is
 * how a retry knows it left (services/deliverOnce.ts).
 */
export function sendDraft(draftId: string): void {
  gmail().Users.Drafts.send({ id: draftId }, 'me');
}
