/**
 * The playground's language: the emulated Google account's locale (`ws.user.locale`), which the
 * bundle reads through `Session.getActiveUserLocale()` and the add-on events' `userLocale`. The
 * playground's own messages and views follow it too, one language at a time.
 */
import type { Workspace } from '../emulator/workspace';
import { type Lang, langOfLocale, sayIn } from '../src/core/text';

export type { Lang };

export const PLAYGROUND_LANGUAGES = ['ja', 'en'] as const satisfies readonly Lang[];

export function isPlaygroundLanguage(value: unknown): value is Lang {
  return (PLAYGROUND_LANGUAGES as readonly unknown[]).includes(value);
}

/** The language the emulated account speaks (Japanese when its locale says nothing else). */
export function accountLang(ws: Workspace): Lang {
  return langOfLocale(ws.user.locale);
}

/** One of the two, in the account's language. */
export function say(ws: Workspace, ja: string, en: string): string {
  return sayIn(accountLang(ws))(ja, en);
}

/** Japanese national holidays (and the banks' year-end closure) in English, by their Japanese name. */
const HOLIDAYS_EN: Readonly<Record<string, string>> = {
  元日: "New Year's Day",
  成人の日: 'Coming of Age Day',
  建国記念の日: 'National Foundation Day',
  天皇誕生日: "The Emperor's Birthday",
  春分の日: 'Vernal Equinox Day',
  昭和の日: 'Showa Day',
  憲法記念日: 'Constitution Memorial Day',
  みどりの日: 'Greenery Day',
  こどもの日: "Children's Day",
  海の日: 'Marine Day',
  山の日: 'Mountain Day',
  敬老の日: 'Respect for the Aged Day',
  秋分の日: 'Autumnal Equinox Day',
  スポーツの日: 'Sports Day',
  体育の日: 'Health and Sports Day',
  文化の日: 'Culture Day',
  勤労感謝の日: 'Labour Thanksgiving Day',
  振替休日: 'Substitute holiday',
  国民の休日: "Citizens' holiday",
  銀行休業日: 'Bank holiday',
};

/** A holiday's name in `lang` ("Holiday" for one this table does not know). */
export function holidayIn(name: string, lang: Lang): string {
  return lang === 'ja' ? name : (HOLIDAYS_EN[name] ?? 'Holiday');
}
