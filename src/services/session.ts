import type { Lang } from '../core/bilingual';

/** The user's language for Pokke's screens: English only when their locale is English. */
export function userLang(): Lang {
  const locale = Session.getActiveUserLocale() || 'ja';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'ja';
}
