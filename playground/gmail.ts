/**
 * The playground's Gmail: the demo mails (playground/demo/mails.json) in the emulated inbox,
 * the add-on card the bundle returns for the open mail (or the homepage), and the card's buttons,
 * which run the action functions with the event Gmail would send. Cards are rendered by the
 * emulator's card renderer (every text escaped) and shown by the page as they are.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildActionEvent,
  buildGmailContextualEvent,
  buildHomepageEvent,
  type FormValue,
  workspaceEventOptions,
} from '../emulator/addon-events';
import { runAddonTrigger } from '../emulator/addon-manifest';
import { renderCardHtml } from '../emulator/card-render';
import type { Bundle } from '../emulator/runtime';
import type { TasksAdvancedEmulator } from '../emulator/services/advanced/tasks';
import { type CardJson, cardTree } from '../emulator/services/card';
import type { IncomingMail } from '../emulator/services/gmail';
import type { Workspace } from '../emulator/workspace';
import type { GmailView, TaskView } from './protocol';

export const WORKBOOK_ID_PROPERTY = 'pokke.workbookId';

interface DemoMail extends Omit<IncomingMail, 'date'> {
  id: string;
  date: string;
}

/** Puts the demo mails in the inbox, oldest first. */
export function deliverDemoMails(ws: Workspace, demoDir: string): void {
  const file = join(demoDir, 'mails.json');
  if (!existsSync(file)) return;
  const { mails } = JSON.parse(readFileSync(file, 'utf8')) as { mails: DemoMail[] };
  for (const { id: _id, ...mail } of [...mails].sort((a, b) => a.date.localeCompare(b.date))) {
    ws.GmailApp.deliver(mail);
  }
}

type Execute = (
  name: string,
  call: () => unknown,
) => { ok: boolean; value?: unknown; message?: string };

/** What the Gmail pane shows: the inbox, and the add-on's current card. */
export class GmailPane {
  private openId: string | null = null;
  private card: CardJson | null = null;
  private notification = '';

  constructor(
    private readonly bundle: Bundle,
    private readonly manifest: unknown,
  ) {}

  /** The built manifest declares a Gmail add-on. */
  get available(): boolean {
    const m = this.manifest as { addOns?: { gmail?: unknown } } | null;
    return Boolean(m?.addOns?.gmail);
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
      cardHtml: this.card ? renderCardHtml(this.card, { locale: this.ws.user.locale }) : null,
      notification: this.notification,
    };
  }

  /** Gmail opens a mail: the contextual trigger runs with the message's event. */
  open(messageId: string, execute: Execute): { ok: boolean; message?: string } {
    const message = this.ws.GmailApp.box.messages.get(messageId);
    if (!message) return { ok: false, message: 'メールが見つかりません / No such mail' };
    message.labels.delete('UNREAD');
    this.openId = messageId;
    this.notification = '';
    const event = buildGmailContextualEvent(this.ws, messageId);
    return this.show(
      execute('onGmailMessageOpen', () =>
        runAddonTrigger(this.bundle, this.manifest, 'contextual', event),
      ),
    );
  }

  /** The add-on's homepage (no mail open). */
  home(execute: Execute): { ok: boolean; message?: string } {
    this.openId = null;
    this.notification = '';
    const event = buildHomepageEvent({ ...workspaceEventOptions(this.ws), host: 'gmail' });
    return this.show(
      execute('onGmailHomepage', () =>
        runAddonTrigger(this.bundle, this.manifest, 'homepage', event),
      ),
    );
  }

  private show(result: { ok: boolean; value?: unknown; message?: string }) {
    if (!result.ok) {
      this.card = null;
      return { ok: false, message: result.message };
    }
    const value = result.value as { cards: CardJson[] };
    this.card = value.cards[0] ?? null;
    return { ok: true };
  }

  /** A button of the card: its action runs with the card's inputs, as Gmail sends them. */
  action(
    functionName: string,
    parameters: Record<string, string>,
    formValues: Record<string, FormValue>,
    execute: Execute,
  ): { ok: boolean; message?: string } {
    const allowed =
      this.card && JSON.stringify(this.card).includes(`"function":${JSON.stringify(functionName)}`);
    if (!allowed) return { ok: false, message: 'この操作はカードにありません / Not on the card' };
    const gmail = this.openId
      ? {
          messageId: this.openId,
          threadId: this.ws.GmailApp.box.messages.get(this.openId)?.thread.id ?? '',
          accessToken: this.ws.GmailApp.accessTokenFor(this.openId),
        }
      : undefined;
    const event = buildActionEvent({
      ...workspaceEventOptions(this.ws),
      host: 'gmail',
      parameters,
      formValues,
      ...(gmail ? { gmail } : {}),
    });
    const result = execute(functionName, () => cardTree(this.bundle.run(functionName, [event])));
    if (!result.ok) return { ok: false, message: result.message };
    const response = result.value as {
      navigations?: { updateCard?: CardJson; pushCard?: CardJson }[];
      notification?: { text: string };
    };
    const next = response.navigations?.map((n) => n.updateCard ?? n.pushCard).find(Boolean);
    if (next) this.card = next;
    this.notification = response.notification?.text ?? '';
    return { ok: true };
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
