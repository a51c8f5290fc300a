/**
 * What Pokke reads from a card action's event object (anything may reach a function Apps Script
 * can call, so each part is validated): the form inputs, the parameters, the open mail, and the
 * language the card should speak.
 */
import * as z from 'zod/mini';
import { type Lang, UserError } from '../../core/text';
import { userLang } from '../../services/language';

const formInput = z.looseObject({
  stringInputs: z.optional(z.looseObject({ value: z.array(z.string()) })),
  dateInput: z.optional(z.looseObject({ msSinceEpoch: z.union([z.string(), z.number()]) })),
});

const actionEvent = z.looseObject({
  commonEventObject: z.looseObject({
    parameters: z.optional(z.record(z.string(), z.string())),
    formInputs: z.optional(z.record(z.string(), formInput)),
  }),
  gmail: z.optional(
    z.looseObject({ messageId: z.optional(z.string()), accessToken: z.optional(z.string()) }),
  ),
});

export type ActionEvent = z.infer<typeof actionEvent>;

const localeOf = z.looseObject({
  commonEventObject: z.optional(z.looseObject({ userLocale: z.optional(z.string()) })),
  userLocale: z.optional(z.string()),
});

/** The card's language: the user's choice in 設定, else the event's locale (Japanese by default). */
export function cardLang(e: unknown): Lang {
  const parsed = localeOf.safeParse(e);
  const locale = parsed.success
    ? (parsed.data.commonEventObject?.userLocale ?? parsed.data.userLocale)
    : undefined;
  return userLang(locale);
}

export function invalidRequest(): UserError {
  return new UserError('操作を受け付けられませんでした', 'The request was not valid');
}

export function parseAction(e: unknown): ActionEvent {
  const parsed = actionEvent.safeParse(e);
  if (!parsed.success) throw invalidRequest();
  return parsed.data;
}

/** Every value of a form input (a checkbox group has several). */
export function formStrings(e: ActionEvent, name: string): string[] {
  return e.commonEventObject.formInputs?.[name]?.stringInputs?.value ?? [];
}

export function formString(e: ActionEvent, name: string): string {
  return formStrings(e, name)[0] ?? '';
}

/** A date picker's value in epoch ms, or null. */
export function formDate(e: ActionEvent, name: string): number | null {
  const raw = e.commonEventObject.formInputs?.[name]?.dateInput?.msSinceEpoch;
  if (raw === undefined) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}
