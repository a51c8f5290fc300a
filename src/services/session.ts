import type { Lang } from '../core/bilingual';

/** The user's language for Pokke's screens: English only when their locale is English. */
export function userLang(): Lang {
  const locale = Session.getActiveUserLocale() || 'ja';
  return locale.toLowerCase().startsWith('en') ? 'en' : 'ja';
}

/**
 * The email of the person the script runs as ('' when Google withholds it). Needs the
 * userinfo.email scope; in a time-driven trigger it is the trigger's owner.
 */
export function currentUserEmail(): string {
  return Session.getEffectiveUser().getEmail() || '';
}
