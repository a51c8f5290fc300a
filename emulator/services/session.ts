import { createHash } from 'node:crypto';
import { API_NAME } from '../core/instrument';
import type { Workspace } from '../workspace';
import { SCRIPT_ID } from './script';

export class User implements GoogleAppsScript.Base.User {
  readonly [API_NAME] = 'User';

  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }

  /** Deprecated in Apps Script. */
  getUserLoginId(): string {
    return this.email;
  }

  toString(): string {
    return this.email;
  }
}

/** The temporary active-user key rotates every 30 days (developers.google.com/apps-script/reference/base/session). */
const KEY_ROTATION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Session. The emulator has one user, `ws.user`, who is both the active and the effective user
 * (Pokke's installable triggers run as the user who made them, who is that same user).
 */
export class SessionEmulator implements GoogleAppsScript.Base.Session {
  readonly [API_NAME] = 'Session';

  constructor(private readonly ws: Workspace) {}

  getActiveUser(): User {
    return new User(this.ws.user.email);
  }

  getEffectiveUser(): User {
    return new User(this.ws.user.email);
  }

  /** The user's language, e.g. 'ja' (from `ws.user.locale`). */
  getActiveUserLocale(): string {
    return this.ws.user.locale;
  }

  /** The project's time zone (appsscript.json `timeZone`). */
  getScriptTimeZone(): string {
    return this.ws.timeZone;
  }

  /** Deprecated in Apps Script: the script's time zone. */
  getTimeZone(): string {
    return this.ws.timeZone;
  }

  /** Deprecated in Apps Script: the active user. */
  getUser(): User {
    return this.getActiveUser();
  }

  /** Stable per user and script for 30 days, then a new one; not the e-mail address. */
  getTemporaryActiveUserKey(): string {
    const period = Math.floor(this.ws.clock.now() / KEY_ROTATION_MS);
    return createHash('sha256')
      .update(`${SCRIPT_ID}|${this.ws.user.email}|${period}`)
      .digest('base64')
      .slice(0, 43);
  }
}
