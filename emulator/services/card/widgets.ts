import { API_NAME } from '../../core/instrument';
import { signatureError } from '../ui';
import { Action, type Click, clickJson, clicks, validateClick } from './action';
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
import type {
  ButtonJson,
  DateTimePickerJson,
  IconJson,
  SelectionInputJson,
  SwitchJson,
  TextInputJson,
  WidgetJson,
} from './json';

type CSI = GoogleAppsScript.Card_Service.Icon;

qualify(
  'TextParagraph',
  'DecoratedText',
  'TextInput',
  'SelectionInput',
  'DatePicker',
  'DateTimePicker',
  'TimePicker',
  'ButtonSet',
  'TextButton',
  'ImageButton',
  'Divider',
  'IconImage',
  'Switch',
  'Image',
);

/** Anything a section can hold. */
export abstract class Widget implements GoogleAppsScript.Card_Service.Widget {
  abstract readonly [API_NAME]: string;
  abstract [TO_JSON](): WidgetJson;
  abstract [VALIDATE](): void;
}

function onChange(cls: string, action: unknown): Action {
  return expectArg(`CardService.${cls}.setOnChangeAction`, action, Action);
}

/** Widgets a click acts on: the buttons, DecoratedText and Image. The last click set wins. */
abstract class ClickableWidget extends Widget {
  protected click: Click | undefined;

  setOnClickAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.click = clicks.action(this[API_NAME], action);
    return this;
  }

  setOnClickOpenLinkAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.click = clicks.openDynamicLinkAction(this[API_NAME], action);
    return this;
  }

  setOpenLink(openLink: GoogleAppsScript.Card_Service.OpenLink): this {
    this.click = clicks.openLink(this[API_NAME], openLink);
    return this;
  }

  setComposeAction(
    action: GoogleAppsScript.Card_Service.Action,
    composedEmailType: GoogleAppsScript.Card_Service.ComposedEmailType,
  ): this {
    this.click = clicks.compose(this[API_NAME], action, composedEmailType);
    return this;
  }
}

/** Widgets whose value the form submits under a field name: text and selection inputs, pickers. */
abstract class FormInput extends Widget {
  protected name = '';
  protected label: string | undefined;
  protected onChangeAction: Action | undefined;
  /** How CardService's "must have a field name set" error names the widget. */
  protected abstract readonly displayName: string;

  setFieldName(fieldName: string): this {
    this.name = expectString(`CardService.${this[API_NAME]}.setFieldName`, fieldName);
    return this;
  }

  setTitle(title: string): this {
    this.label = expectString(`CardService.${this[API_NAME]}.setTitle`, title);
    return this;
  }

  setOnChangeAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.onChangeAction = onChange(this[API_NAME], action);
    return this;
  }

  [VALIDATE](): void {
    if (!this.name) throw new Error(CARD_ERRORS.fieldName(this.displayName));
    this.onChangeAction?.[VALIDATE]();
  }
}

export class TextParagraph
  extends Widget
  implements Chainable<GoogleAppsScript.Card_Service.TextParagraph, 'setText', TextParagraph>
{
  readonly [API_NAME] = 'TextParagraph';
  private text = '';

  setText(text: string): this {
    this.text = expectString('CardService.TextParagraph.setText', text);
    return this;
  }

  [VALIDATE](): void {
    if (!this.text) throw new Error(CARD_ERRORS.textParagraphNoText);
  }

  [TO_JSON](): WidgetJson {
    return { textParagraph: { text: this.text } };
  }
}

export class IconImage
  implements
    Chainable<
      GoogleAppsScript.Card_Service.IconImage,
      'setIcon' | 'setIconUrl' | 'setAltText' | 'setImageCropType',
      IconImage
    >
{
  readonly [API_NAME] = 'IconImage';
  private icon: IconJson = {};

  setIcon(icon: CSI): this {
    const knownIcon = expectEnum('CardService.IconImage.setIcon', CARD_ENUMS.Icon, icon);
    this.icon = { ...this.icon, knownIcon, iconUrl: undefined };
    return this;
  }

  setIconUrl(url: string): this {
    const iconUrl = expectString('CardService.IconImage.setIconUrl', url);
    this.icon = { ...this.icon, iconUrl, knownIcon: undefined };
    return this;
  }

  setAltText(altText: string): this {
    this.icon = {
      ...this.icon,
      altText: expectString('CardService.IconImage.setAltText', altText),
    };
    return this;
  }

  setImageCropType(imageCropType: GoogleAppsScript.Card_Service.ImageCropType): this {
    const crop = expectEnum(
      'CardService.IconImage.setImageCropType',
      CARD_ENUMS.ImageCropType,
      imageCropType,
    );
    this.icon = { ...this.icon, imageType: crop === 'CIRCLE' ? 'CIRCLE' : 'SQUARE' };
    return this;
  }

  [VALIDATE](): void {
    if (!this.icon.knownIcon && !this.icon.iconUrl) throw new Error(CARD_ERRORS.iconImageNoIcon);
  }

  [TO_JSON](): IconJson {
    return compact({ ...this.icon });
  }
}

export class Switch
  implements
    Chainable<
      GoogleAppsScript.Card_Service.Switch,
      'setFieldName' | 'setValue' | 'setSelected' | 'setOnChangeAction' | 'setControlType',
      Switch
    >
{
  readonly [API_NAME] = 'Switch';
  private name = '';
  private value: string | undefined;
  private selected = false;
  private controlType: string | undefined;
  private onChangeAction: Action | undefined;

  setFieldName(fieldName: string): this {
    this.name = expectString('CardService.Switch.setFieldName', fieldName);
    return this;
  }

  setValue(value: string): this {
    this.value = expectString('CardService.Switch.setValue', value);
    return this;
  }

  setSelected(selected: boolean): this {
    this.selected = expectBoolean('CardService.Switch.setSelected', selected);
    return this;
  }

  setOnChangeAction(action: GoogleAppsScript.Card_Service.Action): this {
    this.onChangeAction = onChange('Switch', action);
    return this;
  }

  setControlType(type: GoogleAppsScript.Card_Service.SwitchControlType): this {
    this.controlType = expectEnum(
      'CardService.Switch.setControlType',
      CARD_ENUMS.SwitchControlType,
      type,
    );
    return this;
  }

  [VALIDATE](): void {
    if (!this.name) throw new Error(CARD_ERRORS.fieldName('Switch'));
    this.onChangeAction?.[VALIDATE]();
  }

  [TO_JSON](): SwitchJson {
    return compact({
      name: this.name,
      value: this.value,
      selected: this.selected,
      controlType: this.controlType as SwitchJson['controlType'],
      onChangeAction: this.onChangeAction?.[TO_JSON](),
    });
  }
}

/** TextButton and ImageButton. A lone button added to a section shows as a one-button list. */
export abstract class Button extends ClickableWidget {
  abstract buttonJson(): ButtonJson;
  abstract validateButton(): void;

  [VALIDATE](): void {
    this.validateButton();
    if (!this.click) throw new Error(CARD_ERRORS.buttonNoAction);
    validateClick(this.click);
  }

  [TO_JSON](): WidgetJson {
    return { buttonList: { buttons: [this.buttonJson()] } };
  }
}

export class TextButton
  extends Button
  implements
    Chainable<
      GoogleAppsScript.Card_Service.TextButton,
      | 'setText'
      | 'setAltText'
      | 'setBackgroundColor'
      | 'setDisabled'
      | 'setTextButtonStyle'
      | 'setOnClickAction'
      | 'setOnClickOpenLinkAction'
      | 'setOpenLink'
      | 'setComposeAction',
      TextButton
    >
{
  readonly [API_NAME] = 'TextButton';
  private text = '';
  private altText: string | undefined;
  private color: string | undefined;
  private disabled: boolean | undefined;
  private style: string | undefined;

  setText(text: string): this {
    this.text = expectString('CardService.TextButton.setText', text);
    return this;
  }

  setAltText(altText: string): this {
    this.altText = expectString('CardService.TextButton.setAltText', altText);
    return this;
  }

  setBackgroundColor(backgroundColor: string): this {
    this.color = expectString('CardService.TextButton.setBackgroundColor', backgroundColor);
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = expectBoolean('CardService.TextButton.setDisabled', disabled);
    return this;
  }

  setTextButtonStyle(textButtonStyle: GoogleAppsScript.Card_Service.TextButtonStyle): this {
    this.style = expectEnum(
      'CardService.TextButton.setTextButtonStyle',
      CARD_ENUMS.TextButtonStyle,
      textButtonStyle,
    );
    return this;
  }

  validateButton(): void {
    if (!this.text) throw new Error(CARD_ERRORS.textButtonNoText);
  }

  buttonJson(): ButtonJson {
    return compact({
      text: this.text,
      altText: this.altText,
      type: this.style as ButtonJson['type'],
      color: this.color,
      disabled: this.disabled,
      onClick: this.click ? clickJson(this.click) : (undefined as never),
    });
  }
}

export class ImageButton
  extends Button
  implements
    Chainable<
      GoogleAppsScript.Card_Service.ImageButton,
      | 'setIcon'
      | 'setIconUrl'
      | 'setAltText'
      | 'setOnClickAction'
      | 'setOnClickOpenLinkAction'
      | 'setOpenLink'
      | 'setComposeAction',
      ImageButton
    >
{
  readonly [API_NAME] = 'ImageButton';
  private icon: IconJson = {};
  private altText: string | undefined;

  setIcon(icon: CSI): this {
    this.icon = { knownIcon: expectEnum('CardService.ImageButton.setIcon', CARD_ENUMS.Icon, icon) };
    return this;
  }

  setIconUrl(url: string): this {
    this.icon = { iconUrl: expectString('CardService.ImageButton.setIconUrl', url) };
    return this;
  }

  setAltText(altText: string): this {
    this.altText = expectString('CardService.ImageButton.setAltText', altText);
    return this;
  }

  validateButton(): void {
    if (!this.icon.knownIcon && !this.icon.iconUrl) throw new Error(CARD_ERRORS.imageButtonNoIcon);
  }

  buttonJson(): ButtonJson {
    return compact({
      icon: compact({ ...this.icon, altText: this.altText }),
      altText: this.altText,
      onClick: this.click ? clickJson(this.click) : (undefined as never),
    });
  }
}

export class ButtonSet
  extends Widget
  implements Chainable<GoogleAppsScript.Card_Service.ButtonSet, 'addButton', ButtonSet>
{
  readonly [API_NAME] = 'ButtonSet';
  private readonly buttons: Button[] = [];

  addButton(button: GoogleAppsScript.Card_Service.Button): this {
    this.buttons.push(
      expectArg<Button>('CardService.ButtonSet.addButton', button, TextButton, ImageButton),
    );
    return this;
  }

  [VALIDATE](): void {
    if (this.buttons.length === 0) throw new Error(CARD_ERRORS.buttonSetEmpty);
    for (const b of this.buttons) b[VALIDATE]();
  }

  [TO_JSON](): WidgetJson {
    return { buttonList: { buttons: this.buttons.map((b) => b.buttonJson()) } };
  }
}

export class DecoratedText
  extends ClickableWidget
  implements
    Chainable<
      GoogleAppsScript.Card_Service.DecoratedText,
      | 'setText'
      | 'setTopLabel'
      | 'setBottomLabel'
      | 'setWrapText'
      | 'setStartIcon'
      | 'setEndIcon'
      | 'setIcon'
      | 'setIconUrl'
      | 'setIconAltText'
      | 'setButton'
      | 'setSwitchControl'
      | 'setOnClickAction'
      | 'setOnClickOpenLinkAction'
      | 'setOpenLink'
      | 'setComposeAction',
      DecoratedText
    >
{
  readonly [API_NAME] = 'DecoratedText';
  private text = '';
  private topLabel: string | undefined;
  private bottomLabel: string | undefined;
  private wrapText: boolean | undefined;
  private startIcon: IconImage | IconJson | undefined;
  private endIcon: IconImage | undefined;
  /** A button and a switch are mutually exclusive: the last one set wins. */
  private control:
    | { kind: 'button'; button: Button }
    | { kind: 'switch'; control: Switch }
    | undefined;

  setText(text: string): this {
    this.text = expectString('CardService.DecoratedText.setText', text);
    return this;
  }

  setTopLabel(text: string): this {
    this.topLabel = expectString('CardService.DecoratedText.setTopLabel', text);
    return this;
  }

  setBottomLabel(text: string): this {
    this.bottomLabel = expectString('CardService.DecoratedText.setBottomLabel', text);
    return this;
  }

  setWrapText(wrapText: boolean): this {
    this.wrapText = expectBoolean('CardService.DecoratedText.setWrapText', wrapText);
    return this;
  }

  setStartIcon(startIcon: GoogleAppsScript.Card_Service.IconImage): this {
    this.startIcon = expectArg('CardService.DecoratedText.setStartIcon', startIcon, IconImage);
    return this;
  }

  setEndIcon(endIcon: GoogleAppsScript.Card_Service.IconImage): this {
    this.endIcon = expectArg('CardService.DecoratedText.setEndIcon', endIcon, IconImage);
    return this;
  }

  /** Deprecated in Apps Script in favour of setStartIcon. */
  setIcon(icon: CSI): this {
    this.startIcon = {
      knownIcon: expectEnum('CardService.DecoratedText.setIcon', CARD_ENUMS.Icon, icon),
    };
    return this;
  }

  /** Deprecated in Apps Script in favour of setStartIcon. */
  setIconUrl(url: string): this {
    this.startIcon = { iconUrl: expectString('CardService.DecoratedText.setIconUrl', url) };
    return this;
  }

  /** Deprecated in Apps Script in favour of setStartIcon. */
  setIconAltText(altText: string): this {
    const alt = expectString('CardService.DecoratedText.setIconAltText', altText);
    if (this.startIcon instanceof IconImage) this.startIcon.setAltText(alt);
    else this.startIcon = { ...this.startIcon, altText: alt };
    return this;
  }

  setButton(button: GoogleAppsScript.Card_Service.Button): this {
    this.control = {
      kind: 'button',
      button: expectArg<Button>(
        'CardService.DecoratedText.setButton',
        button,
        TextButton,
        ImageButton,
      ),
    };
    return this;
  }

  setSwitchControl(switchToSet: GoogleAppsScript.Card_Service.Switch): this {
    this.control = {
      kind: 'switch',
      control: expectArg('CardService.DecoratedText.setSwitchControl', switchToSet, Switch),
    };
    return this;
  }

  [VALIDATE](): void {
    if (!this.text) throw new Error(CARD_ERRORS.decoratedTextNoText);
    if (this.startIcon instanceof IconImage) this.startIcon[VALIDATE]();
    this.endIcon?.[VALIDATE]();
    if (this.control?.kind === 'button') this.control.button[VALIDATE]();
    if (this.control?.kind === 'switch') this.control.control[VALIDATE]();
    if (this.click) validateClick(this.click);
  }

  [TO_JSON](): WidgetJson {
    const start = this.startIcon instanceof IconImage ? this.startIcon[TO_JSON]() : this.startIcon;
    return {
      decoratedText: compact({
        text: this.text,
        topLabel: this.topLabel,
        bottomLabel: this.bottomLabel,
        wrapText: this.wrapText,
        startIcon: start ? compact({ ...start }) : undefined,
        endIcon: this.endIcon?.[TO_JSON](),
        button: this.control?.kind === 'button' ? this.control.button.buttonJson() : undefined,
        switchControl:
          this.control?.kind === 'switch' ? this.control.control[TO_JSON]() : undefined,
        onClick: this.click ? clickJson(this.click) : undefined,
      }),
    };
  }
}

export class TextInput
  extends FormInput
  implements
    Chainable<
      GoogleAppsScript.Card_Service.TextInput,
      'setFieldName' | 'setTitle' | 'setValue' | 'setHint' | 'setMultiline' | 'setOnChangeAction',
      TextInput
    >
{
  readonly [API_NAME] = 'TextInput';
  protected readonly displayName = 'Text input';
  private value: string | undefined;
  private hint: string | undefined;
  private multiline = false;

  setValue(value: string): this {
    this.value = expectString('CardService.TextInput.setValue', value);
    return this;
  }

  setHint(hint: string): this {
    this.hint = expectString('CardService.TextInput.setHint', hint);
    return this;
  }

  setMultiline(multiline: boolean): this {
    this.multiline = expectBoolean('CardService.TextInput.setMultiline', multiline);
    return this;
  }

  [TO_JSON](): WidgetJson {
    return {
      textInput: compact<TextInputJson>({
        name: this.name,
        label: this.label,
        hintText: this.hint,
        value: this.value,
        type: this.multiline ? 'MULTIPLE_LINE' : 'SINGLE_LINE',
        onChangeAction: this.onChangeAction?.[TO_JSON](),
      }),
    };
  }
}

export class SelectionInput
  extends FormInput
  implements
    Chainable<
      GoogleAppsScript.Card_Service.SelectionInput,
      'setType' | 'setFieldName' | 'setTitle' | 'addItem' | 'setOnChangeAction',
      SelectionInput
    >
{
  readonly [API_NAME] = 'SelectionInput';
  protected readonly displayName = 'Selection input';
  private type: SelectionInputJson['type'] = 'CHECK_BOX';
  private readonly items: { text: string; value: string; selected: boolean }[] = [];

  setType(type: GoogleAppsScript.Card_Service.SelectionInputType): this {
    this.type = expectEnum(
      'CardService.SelectionInput.setType',
      CARD_ENUMS.SelectionInputType,
      type,
    );
    return this;
  }

  /** Text and value may be any value (Apps Script takes Objects and shows them as strings). */
  addItem(text: unknown, value: unknown, selected: boolean): this {
    if (typeof selected !== 'boolean') {
      throw signatureError('CardService.SelectionInput.addItem', [text, value, selected]);
    }
    this.items.push({ text: String(text), value: String(value), selected });
    return this;
  }

  [TO_JSON](): WidgetJson {
    return {
      selectionInput: compact<SelectionInputJson>({
        name: this.name,
        label: this.label,
        type: this.type,
        items: this.items.map((i) => ({ ...i })),
        onChangeAction: this.onChangeAction?.[TO_JSON](),
      }),
    };
  }
}

/** DatePicker, DateTimePicker and TimePicker share one JSON widget. */
abstract class Picker extends FormInput {
  protected abstract readonly pickerType: DateTimePickerJson['type'];
  protected abstract extra(): Partial<DateTimePickerJson>;

  [TO_JSON](): WidgetJson {
    return {
      dateTimePicker: compact<DateTimePickerJson>({
        name: this.name,
        label: this.label,
        type: this.pickerType,
        ...this.extra(),
        onChangeAction: this.onChangeAction?.[TO_JSON](),
      }),
    };
  }
}

function msSinceEpoch(method: string, value: unknown): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw signatureError(method, [value]);
  return n;
}

export class DatePicker
  extends Picker
  implements
    Chainable<
      GoogleAppsScript.Card_Service.DatePicker,
      'setFieldName' | 'setTitle' | 'setValueInMsSinceEpoch' | 'setOnChangeAction',
      DatePicker
    >
{
  readonly [API_NAME] = 'DatePicker';
  protected readonly pickerType = 'DATE_ONLY';
  protected readonly displayName = 'Date picker';
  private valueMsEpoch: number | undefined;

  setValueInMsSinceEpoch(valueMsEpoch: number | string): this {
    this.valueMsEpoch = msSinceEpoch('CardService.DatePicker.setValueInMsSinceEpoch', valueMsEpoch);
    return this;
  }

  protected extra(): Partial<DateTimePickerJson> {
    return { valueMsEpoch: this.valueMsEpoch };
  }
}

export class DateTimePicker
  extends Picker
  implements
    Chainable<
      GoogleAppsScript.Card_Service.DateTimePicker,
      | 'setFieldName'
      | 'setTitle'
      | 'setValueInMsSinceEpoch'
      | 'setTimeZoneOffsetInMins'
      | 'setOnChangeAction',
      DateTimePicker
    >
{
  readonly [API_NAME] = 'DateTimePicker';
  protected readonly pickerType = 'DATE_AND_TIME';
  protected readonly displayName = 'Date time picker';
  private valueMsEpoch: number | undefined;
  private offsetMins: number | undefined;

  setValueInMsSinceEpoch(valueMsEpoch: number | string): this {
    this.valueMsEpoch = msSinceEpoch(
      'CardService.DateTimePicker.setValueInMsSinceEpoch',
      valueMsEpoch,
    );
    return this;
  }

  setTimeZoneOffsetInMins(timeZoneOffsetMins: number): this {
    this.offsetMins = Math.trunc(
      expectNumber('CardService.DateTimePicker.setTimeZoneOffsetInMins', timeZoneOffsetMins),
    );
    return this;
  }

  protected extra(): Partial<DateTimePickerJson> {
    return { valueMsEpoch: this.valueMsEpoch, timezoneOffsetDate: this.offsetMins };
  }
}

export class TimePicker
  extends Picker
  implements
    Chainable<
      GoogleAppsScript.Card_Service.TimePicker,
      'setFieldName' | 'setTitle' | 'setHours' | 'setMinutes' | 'setOnChangeAction',
      TimePicker
    >
{
  readonly [API_NAME] = 'TimePicker';
  protected readonly pickerType = 'TIME_ONLY';
  protected readonly displayName = 'Time picker';
  private hours: number | undefined;
  private minutes: number | undefined;

  setHours(hours: number): this {
    this.hours = Math.trunc(expectNumber('CardService.TimePicker.setHours', hours));
    return this;
  }

  setMinutes(minutes: number): this {
    this.minutes = Math.trunc(expectNumber('CardService.TimePicker.setMinutes', minutes));
    return this;
  }

  protected extra(): Partial<DateTimePickerJson> {
    return { hours: this.hours, minutes: this.minutes };
  }
}

export class Divider extends Widget {
  readonly [API_NAME] = 'Divider';

  [VALIDATE](): void {}

  [TO_JSON](): WidgetJson {
    return { divider: {} };
  }
}

export class Image
  extends ClickableWidget
  implements
    Chainable<
      GoogleAppsScript.Card_Service.Image,
      | 'setImageUrl'
      | 'setAltText'
      | 'setOnClickAction'
      | 'setOnClickOpenLinkAction'
      | 'setOpenLink'
      | 'setComposeAction',
      Image
    >
{
  readonly [API_NAME] = 'Image';
  private imageUrl = '';
  private altText: string | undefined;

  setImageUrl(url: string): this {
    this.imageUrl = expectString('CardService.Image.setImageUrl', url);
    return this;
  }

  setAltText(altText: string): this {
    this.altText = expectString('CardService.Image.setAltText', altText);
    return this;
  }

  [VALIDATE](): void {
    if (!this.imageUrl) throw new Error(CARD_ERRORS.imageNoUrl);
    if (this.click) validateClick(this.click);
  }

  [TO_JSON](): WidgetJson {
    return {
      image: compact({
        imageUrl: this.imageUrl,
        altText: this.altText,
        onClick: this.click ? clickJson(this.click) : undefined,
      }),
    };
  }
}
