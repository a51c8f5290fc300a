/**
 * The language Pokke speaks to the person using it. Their own choice, made in the 設定 sidebar and
 * kept in their user properties (so a Japanese owner and an English-speaking colleague sharing a
 * workbook each get their own), wins; otherwise their Google account's locale (the add-on event's
 * `userLocale` in a card, `Session.getActiveUserLocale()` elsewhere); Japanese when in doubt. A
 * time-driven trigger runs as the person who turned automations on, so the run log and their
 * mails follow that person's choice.
 */
import { type Lang, type LanguageChoice, langOfLocale } from '../core/text';
import { deleteUserProperty, readUserProperty, writeUserProperty } from './userProperties';

export const LANGUAGE_PROPERTY = 'pokke.language';

export function languageChoice(): LanguageChoice {
  let stored: string | null = null;
  try {
    stored = readUserProperty(LANGUAGE_PROPERTY);
  } catch {
    // A menu built by onOpen may run before the user has authorised Pokke: no properties then.
  }
  return stored === 'ja' || stored === 'en' ? stored : 'auto';
}

export function chooseLanguage(choice: LanguageChoice): void {
  if (choice === 'auto') deleteUserProperty(LANGUAGE_PROPERTY);
  else writeUserProperty(LANGUAGE_PROPERTY, choice);
}

/** The user's language; `eventLocale` is a card event's `userLocale`, when there is one. */
export function userLang(eventLocale?: string): Lang {
  const choice = languageChoice();
  if (choice !== 'auto') return choice;
  return langOfLocale(eventLocale || accountLocale());
}

function accountLocale(): string {
  try {
    return Session.getActiveUserLocale();
  } catch {
    // Outside a user's session (some trigger contexts) there is no locale to read.
    return '';
  }
}
