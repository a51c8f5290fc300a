/**
 * The playground's Gmail: the demo mails (playground/demo/mails.json) in the emulated inbox,
 * the add-on card the bundle returns for the open mail (or the homepage), and the card's buttons,
 * which run the action functions with the event Gmail would send (the card itself: addon-card.ts,
 * shared with the Calendar pane).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGmailContextualEvent, type FormValue } from '../emulator/addon-events';
import type { Bundle } from '../emulator/runtime';
import type { TasksAdvancedEmulator } from '../emulator/services/advanced/tasks';
import type { IncomingMail } from '../emulator/services/gmail';
import type { Workspace } from '../emulator/workspace';
import { AddonCard, type CardNavigation, type Execute, type Outcome } from './addon-card';
import { say } from './language';
import type { GmailView, TaskView } from './protocol';

export const WORKBOOK_ID_PROPERTY = 'pokke.workbookId';

/** An attachment of a demo mail: a file of the demo folder (`receipts/…`), read on delivery. */
interface DemoAttachment {
  name: string;
  contentType: string;
  file: string;
}

export interface DemoMail extends Omit<IncomingMail, 'date' | 'attachments'> {
  id: string;
  date: string;
  attachments?: DemoAttachment[];
}

/** A demo mail as the mailbox takes it: its attachments' files read from `demoDir`. */
export function incomingDemoMail(demo: DemoMail, demoDir: string): IncomingMail {
  const { id: _id, attachments, ...mail } = demo;
  if (!attachments) return mail;
  return {
    ...mail,
    attachments: attachments.map((a) => ({
      name: a.name,
      contentType: a.contentType,
      data: readFileSync(join(demoDir, a.file)),
    })),
  };
}

/** The demo mails of `demoDir`/mails.json (none when there is no such file). */
export function readDemoMails(demoDir: string): DemoMail[] {
  const file = join(demoDir, 'mails.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { mails: DemoMail[] }).mails;
}

/** Puts the demo mails in the inbox, oldest first. */
export function deliverDemoMails(ws: Workspace, demoDir: string): void {
  const mails = readDemoMails(demoDir);
  for (const mail of [...mails].sort((a, b) => a.date.localeCompare(b.date))) {
    ws.GmailApp.deliver(incomingDemoMail(mail, demoDir));
  }
}

/** What the Gmail pane shows: the inbox, and the add-on's current card. */
export class GmailPane {
  private openId: string | null = null;
  private readonly addon: AddonCard;

  constructor(
    private readonly bundle: Bundle,
    manifest: unknown,
  ) {
    this.addon = new AddonCard(bundle, manifest, 'gmail');
  }

  /** The built manifest declares a Gmail add-on. */
  get available(): boolean {
    return this.addon.available;
  }

  private get ws(): Workspace {
    return this.bundle.workspace;
  }

  view(): GmailView {
    const messages = [...this.ws.GmailApp.box.messages.values()]
      .filter((m) => m.labels.has('INBOX'))
      .sort((a, b) => b.date - a.date);
    return {
      mails: messages.map((m) => {
        const body = m.getPlainBody();
        return {
          id: m.id,
          from: m.getFrom(),
          subject: m.getSubject(),
          date: m.date,
          unread: m.labels.has('UNREAD'),
          preview: body.length > 300 ? `${body.slice(0, 300)}…` : body,
        };
      }),
      openId: this.openId,
      ...this.addon.view(),
    };
  }

  /** Gmail opens a mail: the contextual trigger runs with the message's event. */
  open(messageId: string, execute: Execute): Outcome {
    const message = this.ws.GmailApp.box.messages.get(messageId);
    if (!message)
      return { ok: false, message: say(this.ws, 'メールが見つかりません', 'No such mail') };
    message.labels.delete('UNREAD');
    this.openId = messageId;
    const event = buildGmailContextualEvent(this.ws, messageId);
    return this.addon.trigger('contextual', event, execute, 'onGmailMessageOpen');
  }

  /** The add-on's homepage (no mail open). */
  home(execute: Execute): Outcome {
    this.openId = null;
    return this.addon.home(execute);
  }

  /** The card shown runs again (the open mail's contextual trigger, or the homepage), if any. */
  rerun(execute: Execute): Outcome {
    if (this.openId) return this.open(this.openId, execute);
    return this.addon.rerun(execute);
  }

  /** The card stack's own controls: the back arrow, or one card of a list of several. */
  navigate(nav: CardNavigation): Outcome {
    return this.addon.navigate(nav);
  }

  /** A button of the card: its action runs with the card's inputs, as Gmail sends them. */
  action(
    functionName: string,
    parameters: Record<string, string>,
    formValues: Record<string, FormValue>,
    execute: Execute,
  ): Outcome {
    const gmail = this.openId
      ? {
          messageId: this.openId,
          threadId: this.ws.GmailApp.box.messages.get(this.openId)?.thread.id ?? '',
          accessToken: this.ws.GmailApp.accessTokenFor(this.openId),
        }
      : undefined;
    return this.addon.action(functionName, parameters, formValues, execute, gmail ? { gmail } : {});
  }
}

/** The Tasks pane of the outbox: every task of every list. */
export function tasksView(tasks: TasksAdvancedEmulator): TaskView[] {
  const lists = new Map(tasks.lists().map((l) => [l.id, l.title ?? '']));
  return tasks
    .allTasks()
    .filter((t) => !t.deleted)
    .map((t) => ({
      id: t.id ?? '',
      list: lists.get(t.tasklistId) ?? '',
      title: t.title ?? '',
      notes: t.notes ?? '',
      due: t.due ? t.due.slice(0, 10) : '',
      completed: t.status === 'completed',
    }));
}
