import { isEnumValue } from '../enum';
import { QUALIFIED_NAMES, signatureError } from '../ui';

/**
 * Methods `K` of the Apps Script interface `I`, with their parameters exactly as declared, and
 * returns of `I` itself (builder chaining) answered by the emulator class `Self`. Implementing this
 * keeps each emulated method's signature tied to `@types/google-apps-script`.
 */
export type Chainable<I, K extends keyof I, Self> = {
  [P in K]: I[P] extends (...args: infer A) => infer R
    ? (...args: A) => R extends I ? Self : R
    : never;
};

/** Internal (symbol-keyed, so invisible to the script) hooks of emulated CardService objects. */
export const TO_JSON: unique symbol = Symbol('cardJson');
export const VALIDATE: unique symbol = Symbol('cardValidate');

/** Registers CardService class names for Apps Script's "(CardService.CardBuilder)" messages. */
export function qualify(...classNames: string[]): void {
  for (const n of classNames) QUALIFIED_NAMES.set(n, `CardService.${n}`);
}

/**
 * Errors CardService raises for cards it cannot build. The conditions come from the CardService
 * reference (required fields, 100 sections per card and 100 widgets per section, string-only
 * action parameters); no public copy of the exact wording was found, so the messages below are
 * the emulator's and must be checked against a real deployment.
 */
export const CARD_ERRORS = {
  cardNoSections: 'Card must contain at least one section.',
  cardTooManySections: 'Card cannot contain more than 100 sections.',
  sectionNoWidgets: 'Card section must contain at least one widget.',
  sectionTooManyWidgets: 'Card section cannot contain more than 100 widgets.',
  headerNoTitle: 'Card header must have a title set.',
  textParagraphNoText: 'Text paragraph must have text set.',
  decoratedTextNoText: 'Decorated text must have text set.',
  textButtonNoText: 'Text button must have text set.',
  buttonNoAction: 'Button must have an action or a link set.',
  imageButtonNoIcon: 'Image button must have an icon set.',
  iconImageNoIcon: 'Icon image must have an icon set.',
  imageNoUrl: 'Image must have an image URL set.',
  buttonSetEmpty: 'Button set must contain at least one button.',
  fieldName: (widget: string) => `${widget} must have a field name set.`,
  actionNoFunction: 'Action must have a function name set.',
  parametersNotStrings: 'Action parameters must be strings.',
  openLinkNoUrl: 'Open link must have a URL set.',
  footerNoPrimary: 'Fixed footer must have a primary button set.',
  notificationNoText: 'Notification must have text set.',
  cardActionNoText: 'Card action must have text set.',
} as const;

export type Ctor<T> = abstract new (...args: never[]) => T;

/** Checks an object argument's class, or throws Apps Script's signature error. */
export function expectArg<T>(method: string, value: unknown, ...classes: Ctor<T>[]): T {
  if (classes.some((c) => value instanceof c)) return value as T;
  throw signatureError(method, [value]);
}

export function expectString(method: string, value: unknown): string {
  if (typeof value === 'string') return value;
  // Apps Script converts numbers and booleans to the String parameter; objects do not fit.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw signatureError(method, [value]);
}

export function expectBoolean(method: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw signatureError(method, [value]);
}

export function expectNumber(method: string, value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw signatureError(method, [value]);
}

export function expectEnum<E extends Record<string, string>>(
  method: string,
  e: E,
  value: unknown,
): E[keyof E] {
  if (isEnumValue(e, value)) return value;
  throw signatureError(method, [value]);
}

/** Drops undefined fields so the JSON tree only shows what the script set. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
