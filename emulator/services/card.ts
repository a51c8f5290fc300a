import { API_NAME, unwrap } from '../core/instrument';
import type { Workspace } from '../workspace';
import { Action, OpenLink } from './card/action';
import { TO_JSON } from './card/api';
import { Card, CardAction, CardBuilder, CardHeader, CardSection, FixedFooter } from './card/card';
import { CARD_ENUMS } from './card/enums';
import type { CardJson, ResponseJson } from './card/json';
import {
  ActionResponse,
  ActionResponseBuilder,
  ComposeActionResponse,
  ComposeActionResponseBuilder,
  Navigation,
  Notification,
  UniversalActionResponse,
  UniversalActionResponseBuilder,
} from './card/responses';
import {
  ButtonSet,
  DatePicker,
  DateTimePicker,
  DecoratedText,
  Divider,
  IconImage,
  Image,
  ImageButton,
  SelectionInput,
  Switch,
  TextButton,
  TextInput,
  TextParagraph,
  TimePicker,
} from './card/widgets';

export { CARD_ERRORS } from './card/api';
export type * from './card/json';
export { CARD_ENUMS };

type GCS = GoogleAppsScript.Card_Service.CardService;
type Enums = { readonly [K in keyof typeof CARD_ENUMS]: GCS[K] };
/** The builders this emulator implements; their names are checked against the real API. */
type Builders = Record<Extract<keyof GCS, `new${string}`>, () => object>;
type Implemented = Pick<
  Builders,
  | 'newCardBuilder'
  | 'newCardHeader'
  | 'newCardSection'
  | 'newCardAction'
  | 'newFixedFooter'
  | 'newTextParagraph'
  | 'newDecoratedText'
  | 'newTextInput'
  | 'newSelectionInput'
  | 'newDatePicker'
  | 'newDateTimePicker'
  | 'newTimePicker'
  | 'newButtonSet'
  | 'newTextButton'
  | 'newImageButton'
  | 'newIconImage'
  | 'newSwitch'
  | 'newImage'
  | 'newDivider'
  | 'newAction'
  | 'newOpenLink'
  | 'newNavigation'
  | 'newNotification'
  | 'newActionResponseBuilder'
  | 'newUniversalActionResponseBuilder'
  | 'newComposeActionResponseBuilder'
>;

/**
 * CardService: builders that record the card tree. Built objects (Card, ActionResponse...) are
 * immutable; `cardTree()` gives their JSON to tests and the playground.
 */
export class CardServiceEmulator implements Implemented, Enums {
  readonly [API_NAME] = 'CardService';
  readonly SelectionInputType =
    CARD_ENUMS.SelectionInputType as unknown as GCS['SelectionInputType'];
  readonly TextButtonStyle = CARD_ENUMS.TextButtonStyle as unknown as GCS['TextButtonStyle'];
  readonly ImageStyle = CARD_ENUMS.ImageStyle as unknown as GCS['ImageStyle'];
  readonly ImageCropType = CARD_ENUMS.ImageCropType as unknown as GCS['ImageCropType'];
  readonly OpenAs = CARD_ENUMS.OpenAs as unknown as GCS['OpenAs'];
  readonly OnClose = CARD_ENUMS.OnClose as unknown as GCS['OnClose'];
  readonly LoadIndicator = CARD_ENUMS.LoadIndicator as unknown as GCS['LoadIndicator'];
  readonly DisplayStyle = CARD_ENUMS.DisplayStyle as unknown as GCS['DisplayStyle'];
  readonly ComposedEmailType = CARD_ENUMS.ComposedEmailType as unknown as GCS['ComposedEmailType'];
  readonly SwitchControlType = CARD_ENUMS.SwitchControlType as unknown as GCS['SwitchControlType'];
  readonly Interaction = CARD_ENUMS.Interaction as unknown as GCS['Interaction'];
  readonly Icon = CARD_ENUMS.Icon as unknown as GCS['Icon'];

  /** CardService keeps no state: the workspace is taken for symmetry with the other services. */
  // biome-ignore lint/complexity/noUselessConstructor: the workspace constructs every service with itself.
  constructor(_ws?: Workspace) {}

  newCardBuilder(): CardBuilder {
    return new CardBuilder();
  }
  newCardHeader(): CardHeader {
    return new CardHeader();
  }
  newCardSection(): CardSection {
    return new CardSection();
  }
  newCardAction(): CardAction {
    return new CardAction();
  }
  newFixedFooter(): FixedFooter {
    return new FixedFooter();
  }
  newTextParagraph(): TextParagraph {
    return new TextParagraph();
  }
  newDecoratedText(): DecoratedText {
    return new DecoratedText();
  }
  newTextInput(): TextInput {
    return new TextInput();
  }
  newSelectionInput(): SelectionInput {
    return new SelectionInput();
  }
  newDatePicker(): DatePicker {
    return new DatePicker();
  }
  newDateTimePicker(): DateTimePicker {
    return new DateTimePicker();
  }
  newTimePicker(): TimePicker {
    return new TimePicker();
  }
  newButtonSet(): ButtonSet {
    return new ButtonSet();
  }
  newTextButton(): TextButton {
    return new TextButton();
  }
  newImageButton(): ImageButton {
    return new ImageButton();
  }
  newIconImage(): IconImage {
    return new IconImage();
  }
  newSwitch(): Switch {
    return new Switch();
  }
  newImage(): Image {
    return new Image();
  }
  newDivider(): Divider {
    return new Divider();
  }
  newAction(): Action {
    return new Action();
  }
  newOpenLink(): OpenLink {
    return new OpenLink();
  }
  newNavigation(): Navigation {
    return new Navigation();
  }
  newNotification(): Notification {
    return new Notification();
  }
  newActionResponseBuilder(): ActionResponseBuilder {
    return new ActionResponseBuilder();
  }
  newUniversalActionResponseBuilder(): UniversalActionResponseBuilder {
    return new UniversalActionResponseBuilder();
  }
  newComposeActionResponseBuilder(): ComposeActionResponseBuilder {
    return new ComposeActionResponseBuilder();
  }
}

type Built = Card | ActionResponse | UniversalActionResponse | ComposeActionResponse;

function asBuilt(value: unknown): Built | undefined {
  const v = unwrap(value);
  if (
    v instanceof Card ||
    v instanceof ActionResponse ||
    v instanceof UniversalActionResponse ||
    v instanceof ComposeActionResponse
  ) {
    return v;
  }
  return undefined;
}

/** True when `value` (as the script returned it, proxied or not) is a built Card. */
export function isCard(value: unknown): boolean {
  return unwrap(value) instanceof Card;
}

/**
 * Emulator-only: the plain JSON tree of a built Card or response, or of an array of cards (what a
 * homepage trigger may return). Throws for anything else, such as an unbuilt CardBuilder.
 */
export function cardTree(value: readonly unknown[]): CardJson[];
export function cardTree(value: unknown): CardJson;
export function cardTree(value: unknown): CardJson | ResponseJson | CardJson[] {
  if (Array.isArray(value)) return value.map((v) => cardTree(v) as CardJson);
  const built = asBuilt(value);
  if (!built) {
    const v = unwrap(value) as Partial<Record<typeof API_NAME, string>> | null;
    const what = typeof v === 'object' && v !== null ? (v[API_NAME] ?? 'Object') : typeof v;
    throw new Error(`cardTree: expected a built Card or action response, got ${what}`);
  }
  return structuredClone(built[TO_JSON]()) as CardJson | ResponseJson;
}

/** Emulator-only: like `cardTree` for callback results that may be a response instead of a card. */
export function responseTree(value: unknown): CardJson | ResponseJson | CardJson[] {
  return cardTree(value) as CardJson | ResponseJson | CardJson[];
}

/**
 * Emulator-only: the JSON of what a card action's callback returned, as the host takes it. The
 * host acts on an action response only (ActionResponse; ComposeActionResponse for a compose
 * action; UniversalActionResponse for a universal action): a Card or an array of cards returned
 * by an action's callback is refused, as the host shows an error and keeps the current card
 * instead of rendering it (the wording of the host's error is not confirmed; this one says what
 * to return).
 */
export function actionResponseTree(value: unknown, functionName: string): ResponseJson {
  const v = Array.isArray(value) ? value : unwrap(value);
  if (Array.isArray(v) || v instanceof Card) {
    throw new Error(
      `${functionName} returned ${Array.isArray(v) ? 'an array of cards' : 'a Card'}: an action's callback must return an ActionResponse (CardService.newActionResponseBuilder().setNavigation(CardService.newNavigation().pushCard(card)).build())`,
    );
  }
  if (value === undefined || value === null) {
    throw new Error(
      `${functionName} returned nothing: an action's callback must return an ActionResponse`,
    );
  }
  return cardTree(value) as unknown as ResponseJson;
}
