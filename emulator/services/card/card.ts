import { API_NAME } from '../../core/instrument';
import { type Click, clickJson, clicks, validateClick } from './action';
import {
  CARD_ERRORS,
  type Chainable,
  compact,
  expectArg,
  expectBoolean,
  expectEnum,
  expectNumber,
  expectString,
  qualify,
  TO_JSON,
  VALIDATE,
} from './api';
import { CARD_ENUMS } from './enums';
import type { CardHeaderJson, CardJson, SectionJson } from './json';
import { TextButton, Widget } from './widgets';

qualify('CardHeader', 'CardSection', 'FixedFooter', 'CardAction', 'CardBuilder', 'Card');

/** Apps Script's limits: 100 sections per card, 100 widgets per section. */
export const MAX_SECTIONS = 100;
export const MAX_WIDGETS = 100;

export class CardHeader
  implements
    Chainable<
      GoogleAppsScript.Card_Service.CardHeader,
      'setTitle' | 'setSubtitle' | 'setImageUrl' | 'setImageStyle' | 'setImageAltText',
      CardHeader
    >
{
  readonly [API_NAME] = 'CardHeader';
  private title = '';
  private subtitle: string | undefined;
  private imageUrl: string | undefined;
  private imageStyle: string | undefined;
  private imageAltText: string | undefined;

  setTitle(title: string): this {
    this.title = expectString('CardService.CardHeader.setTitle', title);
    return this;
  }

  setSubtitle(subtitle: string): this {
    this.subtitle = expectString('CardService.CardHeader.setSubtitle', subtitle);
    return this;
  }

  setImageUrl(imageUrl: string): this {
    this.imageUrl = expectString('CardService.CardHeader.setImageUrl', imageUrl);
    return this;
  }

  setImageStyle(imageStyle: GoogleAppsScript.Card_Service.ImageStyle): this {
    this.imageStyle = expectEnum(
      'CardService.CardHeader.setImageStyle',
      CARD_ENUMS.ImageStyle,
      imageStyle,
    );
    return this;
  }

  setImageAltText(imageAltText: string): this {
    this.imageAltText = expectString('CardService.CardHeader.setImageAltText', imageAltText);
    return this;
  }

  [VALIDATE](): void {
    if (!this.title) throw new Error(CARD_ERRORS.headerNoTitle);
  }

  [TO_JSON](): CardHeaderJson {
    return compact({
      title: this.title,
      subtitle: this.subtitle,
      imageUrl: this.imageUrl,
      imageType: this.imageStyle as CardHeaderJson['imageType'],
      imageAltText: this.imageAltText,
    });
  }
}

export class CardSection
  implements
    Chainable<
      GoogleAppsScript.Card_Service.CardSection,
      'setHeader' | 'addWidget' | 'setCollapsible' | 'setNumUncollapsibleWidgets',
      CardSection
    >
{
  readonly [API_NAME] = 'CardSection';
  private header: string | undefined;
  private readonly widgets: Widget[] = [];
  private collapsible: boolean | undefined;
  private uncollapsible: number | undefined;

  setHeader(header: string): this {
    this.header = expectString('CardService.CardSection.setHeader', header);
    return this;
  }

  /** The same widget may be added more than once; the card shows it each time. */
  addWidget(widget: GoogleAppsScript.Card_Service.Widget): this {
    this.widgets.push(expectArg('CardService.CardSection.addWidget', widget, Widget));
    return this;
  }

  setCollapsible(collapsible: boolean): this {
    this.collapsible = expectBoolean('CardService.CardSection.setCollapsible', collapsible);
    return this;
  }

  setNumUncollapsibleWidgets(numUncollapsibleWidgets: number): this {
    this.uncollapsible = Math.trunc(
      expectNumber('CardService.CardSection.setNumUncollapsibleWidgets', numUncollapsibleWidgets),
    );
    return this;
  }

  [VALIDATE](): void {
    if (this.widgets.length === 0) throw new Error(CARD_ERRORS.sectionNoWidgets);
    if (this.widgets.length > MAX_WIDGETS) throw new Error(CARD_ERRORS.sectionTooManyWidgets);
    for (const w of this.widgets) w[VALIDATE]();
  }

  [TO_JSON](): SectionJson {
    return compact({
      header: this.header,
      collapsible: this.collapsible,
      uncollapsibleWidgetsCount: this.uncollapsible,
      widgets: this.widgets.map((w) => w[TO_JSON]()),
    });
  }
}

export class FixedFooter
  implements
    Chainable<
      GoogleAppsScript.Card_Service.FixedFooter,
      'setPrimaryButton' | 'setSecondaryButton',
      FixedFooter
    >
{
  readonly [API_NAME] = 'FixedFooter';
  private primary: TextButton | undefined;
  private secondary: TextButton | undefined;

  setPrimaryButton(button: GoogleAppsScript.Card_Service.TextButton): this {
    this.primary = expectArg('CardService.FixedFooter.setPrimaryButton', button, TextButton);
    return this;
  }

  setSecondaryButton(button: GoogleAppsScript.Card_Service.TextButton): this {
    this.secondary = expectArg('CardService.FixedFooter.setSecondaryButton', button, TextButton);
    return this;
  }

  [VALIDATE](): void {
    if (!this.primary) throw new Error(CARD_ERRORS.footerNoPrimary);
    this.primary[VALIDATE]();
    this.secondary?.[VALIDATE]();
  }

  [TO_JSON](): NonNullable<CardJson['fixedFooter']> {
    if (!this.primary) throw new Error(CARD_ERRORS.footerNoPrimary);
    return compact({
      primaryButton: this.primary.buttonJson(),
      secondaryButton: this.secondary?.buttonJson(),
    });
  }
}

/** An entry of the card's overflow menu. */
export class CardAction
  implements
    Chainable<
      GoogleAppsScript.Card_Service.CardAction,
      | 'setText'
      | 'setOnClickAction'
      | 'setOnClickOpenLinkAction'
      | 'setOpenLink'
      | 'setComposeAction',
      CardAction
    >
{
  readonly [API_NAME] = 'CardAction';
  private text = '';
  private click: Click | undefined;

  setText(text: string): this {
    this.text = expectString('CardService.CardAction.setText', text);
    return this;
  }

  setOnClickAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.click = clicks.action('CardAction', action);
    return this;
  }

  setOnClickOpenLinkAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.click = clicks.openDynamicLinkAction('CardAction', action);
    return this;
  }

  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): this {
    this.click = clicks.openLink('CardAction', openLink);
    return this;
  }

  setComposeAction(
    action: GoogleAppsScript.Card_Service.Action,
    composedEmailType: GoogleAppsScript.Card_Service.ComposedEmailType,
  ): this {
    this.click = clicks.compose('CardAction', action, composedEmailType);
    return this;
  }

  [VALIDATE](): void {
    if (!this.text) throw new Error(CARD_ERRORS.cardActionNoText);
    if (!this.click) throw new Error(CARD_ERRORS.buttonNoAction);
    validateClick(this.click);
  }

  [TO_JSON](): NonNullable<CardJson['cardActions']>[number] {
    if (!this.click) throw new Error(CARD_ERRORS.buttonNoAction);
    return { actionLabel: this.text, onClick: clickJson(this.click) };
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** A built card: an immutable record of the tree as it was at `build()`. */
export class Card implements GoogleAppsScript.Card_Service.Card {
  readonly [API_NAME] = 'Card';
  private readonly tree: CardJson;

  constructor(tree: CardJson) {
    this.tree = deepFreeze(tree);
  }

  printJson(): string {
    return JSON.stringify(this.tree, null, 2);
  }

  [TO_JSON](): CardJson {
    return this.tree;
  }
}

export class CardBuilder
  implements
    Chainable<
      GoogleAppsScript.Card_Service.CardBuilder,
      | 'setHeader'
      | 'addSection'
      | 'setFixedFooter'
      | 'setName'
      | 'setDisplayStyle'
      | 'setPeekCardHeader'
      | 'addCardAction'
      | 'build',
      CardBuilder
    >
{
  readonly [API_NAME] = 'CardBuilder';
  private header: CardHeader | undefined;
  private peekHeader: CardHeader | undefined;
  private readonly sections: CardSection[] = [];
  private footer: FixedFooter | undefined;
  private name: string | undefined;
  private displayStyle: string | undefined;
  private readonly cardActions: CardAction[] = [];

  setHeader(cardHeader: GoogleAppsScript.Card_Service.CardHeader): this {
    this.header = expectArg('CardService.CardBuilder.setHeader', cardHeader, CardHeader);
    return this;
  }

  setPeekCardHeader(peekCardHeader: GoogleAppsScript.Card_Service.CardHeader): this {
    this.peekHeader = expectArg(
      'CardService.CardBuilder.setPeekCardHeader',
      peekCardHeader,
      CardHeader,
    );
    return this;
  }

  addSection(section: GoogleAppsScript.Card_Service.CardSection): this {
    this.sections.push(expectArg('CardService.CardBuilder.addSection', section, CardSection));
    return this;
  }

  setFixedFooter(fixedFooter: GoogleAppsScript.Card_Service.FixedFooter): this {
    this.footer = expectArg('CardService.CardBuilder.setFixedFooter', fixedFooter, FixedFooter);
    return this;
  }

  setName(name: string): this {
    this.name = expectString('CardService.CardBuilder.setName', name);
    return this;
  }

  setDisplayStyle(displayStyle: GoogleAppsScript.Card_Service.DisplayStyle): this {
    this.displayStyle = expectEnum(
      'CardService.CardBuilder.setDisplayStyle',
      CARD_ENUMS.DisplayStyle,
      displayStyle,
    );
    return this;
  }

  addCardAction(cardAction: GoogleAppsScript.Card_Service.CardAction): this {
    this.cardActions.push(
      expectArg('CardService.CardBuilder.addCardAction', cardAction, CardAction),
    );
    return this;
  }

  /** Validates the whole tree and snapshots it: later changes to the builders do not reach the card. */
  build(): Card {
    if (this.sections.length === 0) throw new Error(CARD_ERRORS.cardNoSections);
    if (this.sections.length > MAX_SECTIONS) throw new Error(CARD_ERRORS.cardTooManySections);
    this.header?.[VALIDATE]();
    this.peekHeader?.[VALIDATE]();
    for (const s of this.sections) s[VALIDATE]();
    this.footer?.[VALIDATE]();
    for (const a of this.cardActions) a[VALIDATE]();
    return new Card(
      compact<CardJson>({
        name: this.name,
        header: this.header?.[TO_JSON](),
        peekCardHeader: this.peekHeader?.[TO_JSON](),
        sections: this.sections.map((s) => s[TO_JSON]()),
        fixedFooter: this.footer?.[TO_JSON](),
        displayStyle: this.displayStyle as CardJson['displayStyle'],
        cardActions: this.cardActions.length
          ? this.cardActions.map((a) => a[TO_JSON]())
          : undefined,
      }),
    );
  }
}
