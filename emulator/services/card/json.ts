/**
 * The JSON tree of built CardService objects. Field names follow Google's card JSON
 * (google.apps.card.v1, "Cards v2"), which is also what a card-based add-on written in another
 * language returns; a few Apps Script-only features (compose actions, time pickers' hours and
 * minutes, response kinds) add fields of their own.
 */

export interface ActionJson {
  function: string;
  parameters: { key: string; value: string }[];
  loadIndicator?: 'SPINNER' | 'NONE';
  persistValues?: boolean;
  requiredWidgets?: string[];
  allWidgetsAreRequired?: boolean;
  interaction?: string;
}

export interface OpenLinkJson {
  url: string;
  openAs?: 'FULL_SIZE' | 'OVERLAY';
  onClose?: 'NOTHING' | 'RELOAD' | 'RELOAD_ADD_ON';
}

export type OnClickJson =
  | { action: ActionJson }
  | { openLink: OpenLinkJson }
  | { openDynamicLinkAction: ActionJson }
  | {
      composeAction: {
        action: ActionJson;
        composedEmailType: 'REPLY_AS_DRAFT' | 'STANDALONE_DRAFT';
      };
    };

export interface IconJson {
  knownIcon?: string;
  iconUrl?: string;
  altText?: string;
  imageType?: 'SQUARE' | 'CIRCLE';
}

export interface ButtonJson {
  text?: string;
  icon?: IconJson;
  altText?: string;
  type?: 'OUTLINED' | 'FILLED' | 'FILLED_TONAL' | 'BORDERLESS' | 'TEXT';
  color?: string;
  disabled?: boolean;
  onClick: OnClickJson;
}

export interface SwitchJson {
  name: string;
  value?: string;
  selected: boolean;
  controlType?: 'SWITCH' | 'CHECK_BOX';
  onChangeAction?: ActionJson;
}

export interface TextParagraphJson {
  text: string;
}

export interface DecoratedTextJson {
  text: string;
  topLabel?: string;
  bottomLabel?: string;
  wrapText?: boolean;
  startIcon?: IconJson;
  endIcon?: IconJson;
  button?: ButtonJson;
  switchControl?: SwitchJson;
  onClick?: OnClickJson;
}

export interface TextInputJson {
  name: string;
  label?: string;
  hintText?: string;
  value?: string;
  type: 'SINGLE_LINE' | 'MULTIPLE_LINE';
  onChangeAction?: ActionJson;
}

export interface SelectionItemJson {
  text: string;
  value: string;
  selected: boolean;
}

export interface SelectionInputJson {
  name: string;
  label?: string;
  type: 'CHECK_BOX' | 'RADIO_BUTTON' | 'DROPDOWN' | 'SWITCH' | 'MULTI_SELECT';
  items: SelectionItemJson[];
  onChangeAction?: ActionJson;
}

export interface DateTimePickerJson {
  name: string;
  label?: string;
  type: 'DATE_ONLY' | 'DATE_AND_TIME' | 'TIME_ONLY';
  /** DATE_ONLY: midnight UTC of the date; DATE_AND_TIME: the instant. */
  valueMsEpoch?: number;
  /** DATE_AND_TIME only: the offset, in minutes, the picker shows the value in. */
  timezoneOffsetDate?: number;
  /** TIME_ONLY only (Apps Script's TimePicker). */
  hours?: number;
  minutes?: number;
  onChangeAction?: ActionJson;
}

export interface ImageJson {
  imageUrl: string;
  altText?: string;
  onClick?: OnClickJson;
}

export type WidgetJson =
  | { textParagraph: TextParagraphJson }
  | { decoratedText: DecoratedTextJson }
  | { textInput: TextInputJson }
  | { selectionInput: SelectionInputJson }
  | { dateTimePicker: DateTimePickerJson }
  | { buttonList: { buttons: ButtonJson[] } }
  | { divider: Record<string, never> }
  | { image: ImageJson };

export interface CardHeaderJson {
  title: string;
  subtitle?: string;
  imageUrl?: string;
  imageType?: 'SQUARE' | 'CIRCLE';
  imageAltText?: string;
}

export interface SectionJson {
  header?: string;
  collapsible?: boolean;
  uncollapsibleWidgetsCount?: number;
  widgets: WidgetJson[];
}

export interface CardJson {
  name?: string;
  header?: CardHeaderJson;
  peekCardHeader?: CardHeaderJson;
  sections: SectionJson[];
  fixedFooter?: { primaryButton: ButtonJson; secondaryButton?: ButtonJson };
  displayStyle?: 'PEEK' | 'REPLACE';
  cardActions?: { actionLabel: string; onClick: OnClickJson }[];
}

/**
 * One step of a Navigation, keyed as in Google's add-on render actions (`navigations`): `pop`
 * for `popCard()`, `popToCard` for `popToNamedCard(name)`.
 */
export type NavigationJson =
  | { pushCard: CardJson }
  | { pop: true }
  | { popToRoot: true }
  | { updateCard: CardJson }
  | { popToCard: string };

export interface ActionResponseJson {
  kind: 'ActionResponse';
  navigations?: NavigationJson[];
  notification?: { text: string };
  openLink?: OpenLinkJson;
  stateChanged?: boolean;
}

export interface UniversalActionResponseJson {
  kind: 'UniversalActionResponse';
  cards?: CardJson[];
  openLink?: OpenLinkJson;
}

export interface ComposeActionResponseJson {
  kind: 'ComposeActionResponse';
  /** The draft's id, as `GmailDraft.getId()` gives it. */
  gmailDraft: { id: string | null };
}

export type ResponseJson =
  | ActionResponseJson
  | UniversalActionResponseJson
  | ComposeActionResponseJson;
