/**
 * The add-on card a host pane shows (Gmail's, Calendar's): the card the bundle last returned,
 * the last action's notification, and the card's buttons, which run their action functions with
 * the event the host would send. Shared by every pane that shows a card, so that Gmail and
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
import { renderCardHtml } from '../emulator/card-render';
import type { Bundle } from '../emulator/runtime';
import { type CardJson, cardTree } from '../emulator/services/card';
import type { Workspace } from '../emulator/workspace';
import type { AddonCardView } from './protocol';

/** Runs a call as one recorded execution of the bundle (the session's execution log). */
export type Execute = (
  name: string,
  call: () => unknown,
) => { ok: boolean; value?: unknown; message?: string };

export type Outcome = { ok: boolean; message?: string };

/** One host's add-on card: its homepage, a contextual card, and its buttons. */
export class AddonCard {
  private card: CardJson | null = null;
  private notification = '';

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

  view(): AddonCardView {
    return {
      cardHtml: this.card ? renderCardHtml(this.card, { locale: this.ws.user.locale }) : null,
      notification: this.notification,
    };
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

  /** A homepage or contextual trigger: its first card is shown (none when the run fails). */
  trigger(
    kind: 'homepage' | 'contextual',
    event: AddonEvent,
    execute: Execute,
    label: string,
  ): Outcome {
    this.notification = '';
    const result = execute(label, () => runAddonTrigger(this.bundle, this.manifest, kind, event));
    if (!result.ok) {
      this.card = null;
      return { ok: false, message: result.message ?? '' };
    }
    const value = result.value as { cards: CardJson[] };
    this.card = value.cards[0] ?? null;
    return { ok: true };
  }

  /**
   * A button of the card: its action runs with the card's inputs, as the host sends them
   * (`extra`: the host's own fields, e.g. Gmail's open message). Only functions on the card run.
   */
  action(
    functionName: string,
    parameters: Record<string, string>,
    formValues: Record<string, FormValue>,
    execute: Execute,
    extra: Partial<ActionEventOptions> = {},
  ): Outcome {
    const allowed =
      this.card && JSON.stringify(this.card).includes(`"function":${JSON.stringify(functionName)}`);
    if (!allowed) return { ok: false, message: 'この操作はカードにありません / Not on the card' };
    const event = buildActionEvent({
      ...workspaceEventOptions(this.ws),
      host: this.host,
      parameters,
      formValues,
      ...extra,
    });
    const result = execute(functionName, () => cardTree(this.bundle.run(functionName, [event])));
    if (!result.ok) return { ok: false, message: result.message ?? '' };
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
