/**
 * The add-on card a host pane shows (Gmail's, Calendar's): the card stack the bundle's responses
 * build (card-stack.ts), the last action's notification and link, and the card's buttons, which
 * run their action functions with the event the host would send. Shared by every pane that shows a card, so that Gmail and
 * Calendar render and act on cards the same way. Cards are rendered by the emulator's card
 * renderer (every text escaped) and shown by the page as they are.
 */
import {
  type ActionEventOptions,
  type AddonEvent,
  buildActionEvent,
  buildHomepageEvent,
  type FormValue,
  type Host,
  workspaceEventOptions,
} from '../emulator/addon-events';
import { addonTriggerFunction, runAddonTrigger } from '../emulator/addon-manifest';
import { renderCardHtml, renderCardListHtml, safeUrl } from '../emulator/card-render';
import type { Bundle } from '../emulator/runtime';
import { actionResponseTree, type CardJson, type ResponseJson } from '../emulator/services/card';
import type { Workspace } from '../emulator/workspace';
import { CardStack } from './card-stack';
import { messageOf } from './errors';
import { say } from './language';
import type { AddonCardView } from './protocol';

/** Runs a call as one recorded execution of the bundle (the session's execution log). */
export type Execute = (
  name: string,
  call: () => unknown,
) => { ok: boolean; value?: unknown; message?: string };

export type Outcome = { ok: boolean; message?: string };

/** The host's own controls on the card stack: the back arrow, or a card of a list of several. */
export type CardNavigation = { action: 'back' } | { action: 'open'; index: number };

/** One host's add-on card: its homepage, a contextual card, its card stack and buttons. */
export class AddonCard {
  private readonly stack = new CardStack();
  private notification = '';
  private openLink: AddonCardView['openLink'];
  private composedDraft: AddonCardView['composedDraft'];

  constructor(
    private readonly bundle: Bundle,
    private readonly manifest: unknown,
    readonly host: Host,
  ) {}

  private get ws(): Workspace {
    return this.bundle.workspace;
  }

  /** The built manifest declares an add-on for this host. */
  get available(): boolean {
    const m = this.manifest as { addOns?: Record<string, unknown> } | null;
    return Boolean(m?.addOns?.[this.host]);
  }

  /** The card on top of the stack (null for none, or for the list of several cards). */
  get card(): CardJson | null {
    return this.stack.topCard;
  }

  /** The stack's card names, root first (for tests and the page). */
  stackNames(): string[] {
    return this.stack.names();
  }

  view(): AddonCardView {
    const top = this.stack.top;
    const locale = this.ws.user.locale;
    const cardHtml =
      top === null
        ? null
        : top.kind === 'list'
          ? renderCardListHtml(top.cards, { locale })
          : renderCardHtml(top.card, { locale, back: this.stack.depth > 1 });
    return {
      cardHtml,
      notification: this.notification,
      depth: this.stack.depth,
      ...(this.openLink ? { openLink: this.openLink } : {}),
      ...(this.composedDraft ? { composedDraft: this.composedDraft } : {}),
    };
  }

  private clearMessages(): void {
    this.notification = '';
    this.openLink = undefined;
    this.composedDraft = undefined;
  }

  /** The add-on's homepage: the manifest's homepage trigger for this host runs. */
  home(execute: Execute): Outcome {
    const event = buildHomepageEvent({ ...workspaceEventOptions(this.ws), host: this.host });
    let label: string;
    try {
      label = addonTriggerFunction(this.manifest, 'homepage', this.host);
    } catch {
      label = 'homepageTrigger';
    }
    return this.trigger('homepage', event, execute, label);
  }

  /** The homepage runs again when a card is shown (after the account's language changed). */
  rerun(execute: Execute): Outcome {
    return this.stack.depth > 0 ? this.home(execute) : { ok: true };
  }

  /**
   * A homepage or contextual trigger: its card becomes the root of a new stack; several cards
   * become the list of their headers, from which the person opens one (none when the run fails).
   */
  trigger(
    kind: 'homepage' | 'contextual',
    event: AddonEvent,
    execute: Execute,
    label: string,
  ): Outcome {
    this.clearMessages();
    const result = execute(label, () => runAddonTrigger(this.bundle, this.manifest, kind, event));
    if (!result.ok) {
      this.stack.clear();
      return { ok: false, message: result.message ?? '' };
    }
    const value = result.value as { cards: CardJson[] };
    this.stack.reset(value.cards);
    return { ok: true };
  }

  /** The back arrow, or a card of the list of several. */
  navigate(nav: CardNavigation): Outcome {
    return nav.action === 'back' ? this.back() : this.openListed(nav.index);
  }

  /** The back arrow of the card's header: the top card is popped (the root stays). */
  back(): Outcome {
    this.clearMessages();
    if (!this.stack.pop())
      return {
        ok: false,
        message: say(this.ws, '戻るカードがありません', 'No card to go back to'),
      };
    return { ok: true };
  }

  /** One header of the list of cards (a trigger returned several): that card is pushed. */
  openListed(index: number): Outcome {
    this.clearMessages();
    if (!Number.isInteger(index) || !this.stack.open(index)) {
      return { ok: false, message: say(this.ws, 'そのカードはありません', 'No such card') };
    }
    return { ok: true };
  }

  /**
   * A button of the card: its action runs with the card's inputs, as the host sends them
   * (`extra`: the host's own fields, e.g. Gmail's open message). Only functions on the card on
   * top of the stack run. The response is applied as the host applies it: every Navigation
   * step in order, the notification, the link to open, the cards of a universal action, the
   * draft of a compose action. A callback that returns a Card instead of a response is refused
   * (the run itself completed; the host shows the error and keeps the card).
   */
  action(
    functionName: string,
    parameters: Record<string, string>,
    formValues: Record<string, FormValue>,
    execute: Execute,
    extra: Partial<ActionEventOptions> = {},
  ): Outcome {
    const card = this.stack.topCard;
    const allowed =
      card && JSON.stringify(card).includes(`"function":${JSON.stringify(functionName)}`);
    if (!allowed) {
      return {
        ok: false,
        message: say(this.ws, 'この操作はカードにありません', 'Not on the card'),
      };
    }
    const event = buildActionEvent({
      ...workspaceEventOptions(this.ws),
      host: this.host,
      parameters,
      formValues,
      ...extra,
    });
    this.clearMessages();
    const result = execute(functionName, () => this.bundle.run(functionName, [event]));
    if (!result.ok) return { ok: false, message: result.message ?? '' };
    let response: ResponseJson;
    try {
      response = actionResponseTree(result.value, functionName);
    } catch (e) {
      return { ok: false, message: messageOf(e) };
    }
    this.applyResponse(response);
    return { ok: true };
  }

  private applyResponse(response: ResponseJson): void {
    if (response.kind === 'ComposeActionResponse') {
      const id = response.gmailDraft.id ?? '';
      const draft = this.ws.GmailApp.outbox().find((m) => m.kind === 'draft' && m.draftId === id);
      this.composedDraft = { id, subject: draft?.subject ?? '' };
      return;
    }
    if (response.kind === 'UniversalActionResponse') {
      if (response.cards?.length) this.stack.reset(response.cards);
    } else {
      this.stack.apply(response.navigations ?? []);
      this.notification = response.notification?.text ?? '';
    }
    const url = safeUrl(response.openLink?.url);
    if (response.openLink && url) {
      this.openLink = {
        url,
        ...(response.openLink.openAs ? { openAs: response.openLink.openAs } : {}),
        ...(response.openLink.onClose ? { onClose: response.openLink.onClose } : {}),
      };
    }
  }
}
