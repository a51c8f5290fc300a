import { API_NAME } from '../../core/instrument';
import { signatureError } from '../ui';
import {
  CARD_ERRORS,
  type Chainable,
  compact,
  expectArg,
  expectBoolean,
  expectEnum,
  expectString,
  qualify,
  TO_JSON,
  VALIDATE,
} from './api';
import { CARD_ENUMS } from './enums';
import type { ActionJson, OnClickJson, OpenLinkJson } from './json';

type GA = GoogleAppsScript.Card_Service.Action;
type GOpenLink = GoogleAppsScript.Card_Service.OpenLink;

qualify('Action', 'OpenLink');

/** What a widget calls when clicked: a script function, or a link. */
export class Action
  implements
    Chainable<
      GA,
      | 'setFunctionName'
      | 'setParameters'
      | 'setLoadIndicator'
      | 'setPersistValues'
      | 'addRequiredWidget'
      | 'setAllWidgetsAreRequired'
      | 'setInteraction',
      Action
    >
{
  readonly [API_NAME] = 'Action';
  private functionName = '';
  private parameters: [string, string][] = [];
  private loadIndicator: string | undefined;
  private persistValues: boolean | undefined;
  private readonly requiredWidgets: string[] = [];
  private allWidgetsAreRequired: boolean | undefined;
  private interaction: string | undefined;

  setFunctionName(functionName: string): this {
    this.functionName = expectString('CardService.Action.setFunctionName', functionName);
    return this;
  }

  /** Apps Script passes parameters through as strings only: other values are refused. */
  setParameters(parameters: { [key: string]: string }): this {
    if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
      throw signatureError('CardService.Action.setParameters', [parameters]);
    }
    const entries = Object.entries(parameters);
    if (entries.some(([, v]) => typeof v !== 'string'))
      throw new Error(CARD_ERRORS.parametersNotStrings);
    this.parameters = entries;
    return this;
  }

  setLoadIndicator(loadIndicator: GoogleAppsScript.Card_Service.LoadIndicator): this {
    this.loadIndicator = expectEnum(
      'CardService.Action.setLoadIndicator',
      CARD_ENUMS.LoadIndicator,
      loadIndicator,
    );
    return this;
  }

  setPersistValues(persistValues: boolean): this {
    this.persistValues = expectBoolean('CardService.Action.setPersistValues', persistValues);
    return this;
  }

  addRequiredWidget(requiredWidget: string): this {
    this.requiredWidgets.push(expectString('CardService.Action.addRequiredWidget', requiredWidget));
    return this;
  }

  setAllWidgetsAreRequired(allWidgetsAreRequired: boolean): this {
    this.allWidgetsAreRequired = expectBoolean(
      'CardService.Action.setAllWidgetsAreRequired',
      allWidgetsAreRequired,
    );
    return this;
  }

  setInteraction(interaction: GoogleAppsScript.Card_Service.Interaction): this {
    this.interaction = expectEnum(
      'CardService.Action.setInteraction',
      CARD_ENUMS.Interaction,
      interaction,
    );
    return this;
  }

  [VALIDATE](): void {
    if (!this.functionName) throw new Error(CARD_ERRORS.actionNoFunction);
  }

  [TO_JSON](): ActionJson {
    return compact({
      function: this.functionName,
      parameters: this.parameters.map(([key, value]) => ({ key, value })),
      loadIndicator: this.loadIndicator as ActionJson['loadIndicator'],
      persistValues: this.persistValues,
      requiredWidgets: this.requiredWidgets.length ? [...this.requiredWidgets] : undefined,
      allWidgetsAreRequired: this.allWidgetsAreRequired,
      interaction: this.interaction,
    });
  }
}

export class OpenLink
  implements Chainable<GOpenLink, 'setUrl' | 'setOpenAs' | 'setOnClose', OpenLink>
{
  readonly [API_NAME] = 'OpenLink';
  private url = '';
  private openAs: string | undefined;
  private onClose: string | undefined;

  setUrl(url: string): this {
    this.url = expectString('CardService.OpenLink.setUrl', url);
    return this;
  }

  setOpenAs(openAs: GoogleAppsScript.Card_Service.OpenAs): this {
    this.openAs = expectEnum('CardService.OpenLink.setOpenAs', CARD_ENUMS.OpenAs, openAs);
    return this;
  }

  setOnClose(onClose: GoogleAppsScript.Card_Service.OnClose): this {
    this.onClose = expectEnum('CardService.OpenLink.setOnClose', CARD_ENUMS.OnClose, onClose);
    return this;
  }

  [VALIDATE](): void {
    if (!this.url) throw new Error(CARD_ERRORS.openLinkNoUrl);
  }

  [TO_JSON](): OpenLinkJson {
    return compact({
      url: this.url,
      openAs: this.openAs as OpenLinkJson['openAs'],
      onClose: this.onClose as OpenLinkJson['onClose'],
    });
  }
}

/** The one click behaviour a widget has; setting another replaces it. */
export type Click =
  | { kind: 'action'; action: Action }
  | { kind: 'openLink'; link: OpenLink }
  | { kind: 'openDynamicLinkAction'; action: Action }
  | { kind: 'compose'; action: Action; composedEmailType: string };

export const clicks = {
  action: (cls: string, action: unknown): Click => ({
    kind: 'action',
    action: expectArg(`CardService.${cls}.setOnClickAction`, action, Action),
  }),
  openLink: (cls: string, link: unknown): Click => ({
    kind: 'openLink',
    link: expectArg(`CardService.${cls}.setOpenLink`, link, OpenLink),
  }),
  openDynamicLinkAction: (cls: string, action: unknown): Click => ({
    kind: 'openDynamicLinkAction',
    action: expectArg(`CardService.${cls}.setOnClickOpenLinkAction`, action, Action),
  }),
  compose: (cls: string, action: unknown, composedEmailType: unknown): Click => {
    const method = `CardService.${cls}.setComposeAction`;
    if (!(action instanceof Action)) throw signatureError(method, [action, composedEmailType]);
    return {
      kind: 'compose',
      action,
      composedEmailType: expectEnum(method, CARD_ENUMS.ComposedEmailType, composedEmailType),
    };
  },
};

export function validateClick(click: Click): void {
  if (click.kind === 'openLink') click.link[VALIDATE]();
  else click.action[VALIDATE]();
}

export function clickJson(click: Click): OnClickJson {
  switch (click.kind) {
    case 'action':
      return { action: click.action[TO_JSON]() };
    case 'openLink':
      return { openLink: click.link[TO_JSON]() };
    case 'openDynamicLinkAction':
      return { openDynamicLinkAction: click.action[TO_JSON]() };
    case 'compose':
      return {
        composeAction: {
          action: click.action[TO_JSON](),
          composedEmailType: click.composedEmailType as 'REPLY_AS_DRAFT' | 'STANDALONE_DRAFT',
        },
      };
  }
}
