/**
 * The mail open in Gmail, read the way a Workspace add-on may read it: with the event's access
 * token (scope gmail.addons.current.message.readonly), never the whole mailbox. A fixed number
 * of calls whatever the mail's size: token, message, subject, sender, date, text body, thread
 * and its link (8), plus one for the HTML body when the text body is empty.
 */
export interface OpenMail {
  readonly messageId: string;
  readonly subject: string;
  readonly from: string;
  readonly date: Date;
  /** The text body (or the HTML body when there is no text body: `html` true). */
  readonly body: string;
  readonly html: boolean;
  /** Gmail's link to the mail's conversation. */
  readonly link: string;
}

export function readOpenMail(accessToken: string, messageId: string): OpenMail | null {
  GmailApp.setCurrentMessageAccessToken(accessToken);
  const message = GmailApp.getMessageById(messageId);
  if (!message) return null;
  const subject = message.getSubject() ?? '';
  const from = message.getFrom() ?? '';
  const date = message.getDate() as unknown as Date;
  let body = message.getPlainBody() ?? '';
  let html = false;
  if (body.trim() === '') {
    body = message.getBody() ?? '';
    html = body.trim() !== '';
  }
  const link = message.getThread().getPermalink();
  return { messageId, subject, from, date, body, html, link };
}

/** A file attached to the open mail, as Gmail describes it (its bytes are fetched on demand). */
export interface MailFile {
  readonly index: number;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
}

/** Attachments looked at: a receipt is among the first ones. */
export const MAX_MAIL_FILES = 10;

/**
 * The open mail's attachments (the first MAX_MAIL_FILES): the message and its attachments (two
 * calls), then three local getters each. Call after readOpenMail in the same execution (the
 * access token is set), or pass the token.
 */
export function openMailFiles(
  messageId: string,
  accessToken?: string,
): {
  files: MailFile[];
  attachment(index: number): GoogleAppsScript.Gmail.GmailAttachment;
  raw(): string;
} | null {
  if (accessToken !== undefined) GmailApp.setCurrentMessageAccessToken(accessToken);
  const message = GmailApp.getMessageById(messageId);
  if (!message) return null;
  const attachments = message.getAttachments({ includeInlineImages: false });
  const files = attachments.slice(0, MAX_MAIL_FILES).map((a, index) => ({
    index,
    name: a.getName() ?? '',
    contentType: a.getContentType() ?? '',
    size: a.getSize(),
  }));
  return {
    files,
    attachment: (index) => {
      const a = attachments[index];
      if (!a) throw new Error(`No attachment ${index}`);
      return a;
    },
    raw: () => message.getRawContent(),
  };
}

/**
 * A reply draft to the open mail, in its thread (two calls after the token): what a Gmail
 * add-on's compose action returns. The current-message token and gmail.compose (or the narrower
 * gmail.addons.current.action.compose) allow it.
 */
export function createReplyDraft(
  accessToken: string,
  messageId: string,
  body: { readonly text: string; readonly html: string },
): GoogleAppsScript.Gmail.GmailDraft {
  GmailApp.setCurrentMessageAccessToken(accessToken);
  const message = GmailApp.getMessageById(messageId);
  if (!message) throw new Error(`Message ${messageId} not found`);
  return message.createDraftReply(body.text, { htmlBody: body.html });
}
