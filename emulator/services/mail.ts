import { API_NAME } from '../core/instrument';
import type { Workspace } from '../workspace';
import type { Emulates } from './drive/types';
import type { ComposeOptions } from './gmail/message';
import { signatureError } from './ui';

type GMailApp = GoogleAppsScript.Mail.MailApp;
type MailParams = GoogleAppsScript.Mail.MailAdvancedParameters;

export type SendEmailArgs =
  | [message: MailParams]
  | [recipient: string, subject: string, body: string]
  | [recipient: string, subject: string, body: string, options: MailParams]
  | [to: string, replyTo: string, subject: string, body: string];

/**
 * `MailApp`: sending only. It shares the daily `email` quota (one unit per recipient, to + cc +
 * bcc) and the mailbox with GmailApp: what it sends shows in Sent and in `ws.GmailApp.outbox()`
 * with `via: 'MailApp'`. It has no `from` option (a `from` key is ignored, as MailApp ignores
 * keys it does not know).
 */
export class MailAppEmulator implements Emulates<GMailApp, 'getRemainingDailyQuota' | 'sendEmail'> {
  readonly [API_NAME] = 'MailApp';

  constructor(private readonly ws: Workspace) {}

  toString(): string {
    return 'MailApp';
  }

  /** Recipients the user may still send to today (`ws.meter.remaining('email')`). */
  getRemainingDailyQuota(): number {
    return this.ws.meter.remaining('email');
  }

  sendEmail(...args: SendEmailArgs): void {
    const box = this.ws.GmailApp.box;
    let recipient: unknown;
    let subject: unknown;
    let body: unknown;
    let options: ComposeOptions;
    const [a, b, c, d] = args as unknown[];
    if (args.length === 1 && typeof a === 'object' && a !== null && !Array.isArray(a)) {
      const m = a as MailParams;
      recipient = m.to ?? '';
      subject = m.subject;
      body = m.body;
      options = { ...m };
    } else if (args.length === 3 && [a, b, c].every((v) => typeof v === 'string')) {
      [recipient, subject, body] = [a, b, c];
      options = {};
    } else if (args.length === 4 && [a, b, c, d].every((v) => typeof v === 'string')) {
      [recipient, subject, body] = [a, c, d];
      options = { replyTo: b as string };
    } else if (
      args.length === 4 &&
      [a, b, c].every((v) => typeof v === 'string') &&
      typeof d === 'object' &&
      d !== null
    ) {
      [recipient, subject, body] = [a, b, c];
      options = { ...(d as MailParams) };
    } else {
      throw signatureError('MailApp.sendEmail', args);
    }
    delete (options as { from?: unknown }).from;
    box.send(box.content(recipient, subject, body, options), 'MailApp');
  }
}
