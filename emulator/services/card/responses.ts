import { API_NAME } from '../../core/instrument';
import { signatureError } from '../ui';
import { OpenLink } from './action';
import {
  CARD_ERRORS,
  type Chainable,
  compact,
  expectArg,
  expectBoolean,
  expectString,
  qualify,
  TO_JSON,
  VALIDATE,
} from './api';
import { Card } from './card';
import type {
  ActionResponseJson,
  ComposeActionResponseJson,
  NavigationJson,
  UniversalActionResponseJson,
} from './json';

qualify(
  'Navigation',
  'Notification',
  'ActionResponseBuilder',
  'ActionResponse',
  'UniversalActionResponseBuilder',
  'UniversalActionResponse',
  'ComposeActionResponseBuilder',
  'ComposeActionResponse',
);

export class Navigation
  implements
    Chainable<
      GoogleAppsScript.Card_Service.Navigation,
      'pushCard' | 'popCard' | 'popToRoot' | 'updateCard' | 'popToNamedCard' | 'printJson',
      Navigation
    >
{
  readonly [API_NAME] = 'Navigation';
  private readonly steps: NavigationJson[] = [];

  pushCard(card: GoogleAppsScript.Card_Service.Card): this {
    this.steps.push({
      pushCard: expectArg('CardService.Navigation.pushCard', card, Card)[TO_JSON](),
    });
    return this;
  }

  popCard(): this {
    this.steps.push({ pop: true });
    return this;
  }

  popToRoot(): this {
    this.steps.push({ popToRoot: true });
    return this;
  }

  updateCard(card: GoogleAppsScript.Card_Service.Card): this {
    this.steps.push({
      updateCard: expectArg('CardService.Navigation.updateCard', card, Card)[TO_JSON](),
    });
    return this;
  }

  popToNamedCard(cardName: string): this {
    this.steps.push({ popToCard: expectString('CardService.Navigation.popToNamedCard', cardName) });
    return this;
  }

  printJson(): string {
    return JSON.stringify(this.steps, null, 2);
  }

  [TO_JSON](): NavigationJson[] {
    return this.steps.map((s) => ({ ...s }));
  }
}

export class Notification
  implements Chainable<GoogleAppsScript.Card_Service.Notification, 'setText', Notification>
{
  readonly [API_NAME] = 'Notification';
  private text = '';

  setText(text: string): this {
    this.text = expectString('CardService.Notification.setText', text);
    return this;
  }

  [VALIDATE](): void {
    if (!this.text) throw new Error(CARD_ERRORS.notificationNoText);
  }

  [TO_JSON](): { text: string } {
    return { text: this.text };
  }
}

/** Built responses are immutable records of what the callback asks the host to do. */
abstract class BuiltResponse<J> {
  abstract readonly [API_NAME]: string;
  protected readonly tree: J;

  constructor(tree: J) {
    this.tree = Object.freeze(tree);
  }

  printJson(): string {
    return JSON.stringify(this.tree, null, 2);
  }

  [TO_JSON](): J {
    return this.tree;
  }
}

export class ActionResponse
  extends BuiltResponse<ActionResponseJson>
  implements GoogleAppsScript.Card_Service.ActionResponse
{
  readonly [API_NAME] = 'ActionResponse';
}

export class ActionResponseBuilder
  implements
    Chainable<
      GoogleAppsScript.Card_Service.ActionResponseBuilder,
      'setNavigation' | 'setNotification' | 'setOpenLink' | 'setStateChanged' | 'build',
      ActionResponseBuilder
    >
{
  readonly [API_NAME] = 'ActionResponseBuilder';
  private navigation: Navigation | undefined;
  private notification: Notification | undefined;
  private openLink: OpenLink | undefined;
  private stateChanged: boolean | undefined;

  setNavigation(navigation: GoogleAppsScript.Card_Service.Navigation): this {
    this.navigation = expectArg(
      'CardService.ActionResponseBuilder.setNavigation',
      navigation,
      Navigation,
    );
    return this;
  }

  setNotification(notification: GoogleAppsScript.Card_Service.Notification): this {
    this.notification = expectArg(
      'CardService.ActionResponseBuilder.setNotification',
      notification,
      Notification,
    );
    return this;
  }

  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): this {
    this.openLink = expectArg('CardService.ActionResponseBuilder.setOpenLink', openLink, OpenLink);
    return this;
  }

  setStateChanged(stateChanged: boolean): this {
    this.stateChanged = expectBoolean(
      'CardService.ActionResponseBuilder.setStateChanged',
      stateChanged,
    );
    return this;
  }

  build(): ActionResponse {
    this.notification?.[VALIDATE]();
    this.openLink?.[VALIDATE]();
    const navigations = this.navigation?.[TO_JSON]();
    return new ActionResponse(
      compact<ActionResponseJson>({
        kind: 'ActionResponse',
        navigations: navigations?.length ? navigations : undefined,
        notification: this.notification?.[TO_JSON](),
        openLink: this.openLink?.[TO_JSON](),
        stateChanged: this.stateChanged,
      }),
    );
  }
}

export class UniversalActionResponse
  extends BuiltResponse<UniversalActionResponseJson>
  implements GoogleAppsScript.Card_Service.UniversalActionResponse
{
  readonly [API_NAME] = 'UniversalActionResponse';
}

export class UniversalActionResponseBuilder
  implements
    Chainable<
      GoogleAppsScript.Card_Service.UniversalActionResponseBuilder,
      'displayAddOnCards' | 'setOpenLink' | 'build',
      UniversalActionResponseBuilder
    >
{
  readonly [API_NAME] = 'UniversalActionResponseBuilder';
  private cards: Card[] | undefined;
  private openLink: OpenLink | undefined;

  displayAddOnCards(cardObjects: GoogleAppsScript.Card_Service.Card[]): this {
    const method = 'CardService.UniversalActionResponseBuilder.displayAddOnCards';
    if (!Array.isArray(cardObjects)) throw signatureError(method, [cardObjects]);
    this.cards = cardObjects.map((c) => expectArg(method, c, Card));
    return this;
  }

  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): this {
    this.openLink = expectArg(
      'CardService.UniversalActionResponseBuilder.setOpenLink',
      openLink,
      OpenLink,
    );
    return this;
  }

  build(): UniversalActionResponse {
    this.openLink?.[VALIDATE]();
    return new UniversalActionResponse(
      compact<UniversalActionResponseJson>({
        kind: 'UniversalActionResponse',
        cards: this.cards?.map((c) => c[TO_JSON]()),
        openLink: this.openLink?.[TO_JSON](),
      }),
    );
  }
}

export class ComposeActionResponse
  extends BuiltResponse<ComposeActionResponseJson>
  implements GoogleAppsScript.Card_Service.ComposeActionResponse
{
  readonly [API_NAME] = 'ComposeActionResponse';
}

export class ComposeActionResponseBuilder
  implements
    Chainable<
      GoogleAppsScript.Card_Service.ComposeActionResponseBuilder,
      'setGmailDraft' | 'build',
      ComposeActionResponseBuilder
    >
{
  readonly [API_NAME] = 'ComposeActionResponseBuilder';
  private draftId: string | null | undefined;

  /** Takes the GmailApp emulator's draft (anything with `getId()`), as the real one takes a GmailDraft. */
  setGmailDraft(draft: GoogleAppsScript.Gmail.GmailDraft): this {
    const d = draft as unknown as { getId?: () => unknown } | null;
    if (typeof d !== 'object' || d === null || typeof d.getId !== 'function') {
      throw signatureError('CardService.ComposeActionResponseBuilder.setGmailDraft', [draft]);
    }
    const id = d.getId();
    this.draftId = id === null || id === undefined ? null : String(id);
    return this;
  }

  build(): ComposeActionResponse {
    return new ComposeActionResponse({
      kind: 'ComposeActionResponse',
      gmailDraft: { id: this.draftId ?? null },
    });
  }
}
