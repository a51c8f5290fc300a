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

/** A Gmail draft in the owner's mailbox, for them to check and send. */
export function createDraft(mail: OutgoingMail): DraftRef {
  const draft = GmailApp.createDraft(mail.to, mail.subject, mail.body, {
    htmlBody: mail.htmlBody,
    attachments: mail.attachments,
    name: mail.name,
  });
  const messageId = draft.getMessageId();
  return {
    draftId: draft.getId(),
    messageId,
    url: `https://mail.google.com/mail/#drafts?compose=${messageId}`,
  };
}

/** The owner's drafts by subject (used only to resume an interrupted run without a duplicate). */
export function draftsBySubject(): Map<string, DraftRef> {
  const found = new Map<string, DraftRef>();
  for (const draft of GmailApp.getDrafts()) {
    const message = draft.getMessage();
    const messageId = message.getId();
    found.set(message.getSubject(), {
      draftId: draft.getId(),
      messageId,
      url: draftUrl(messageId),
    });
  }
  return found;
}

/** Recipients the owner may still mail today (MailApp's daily quota). */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

/** Sends right away (only when the owner turned direct sending on). */
export function sendMail(mail: OutgoingMail): void {
  GmailApp.sendEmail(mail.to, mail.subject, mail.body, {
    htmlBody: mail.htmlBody,
    attachments: mail.attachments,
    name: mail.name,
  });
}
