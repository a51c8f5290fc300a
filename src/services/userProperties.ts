/**
 * The current user's own properties (PropertiesService.getUserProperties): what only this person
 * chose or made — the workbook Pokke opens from Gmail, the Google Tasks list, the tasks made from
 * mails. Read all at once (one call) when several keys are needed.
 */

function store(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getUserProperties();
}

/** Every user property (one read). */
export function readUserProperties(): Record<string, string> {
  return store().getProperties();
}

export function readUserProperty(key: string): string | null {
  return store().getProperty(key);
}

export function writeUserProperty(key: string, value: string): void {
  store().setProperty(key, value);
}

/** Several keys in one write. */
export function writeUserProperties(values: Record<string, string>): void {
  store().setProperties(values);
}

export function deleteUserProperty(key: string): void {
  store().deleteProperty(key);
}

/** A JSON value of the user's properties; a value that no longer parses reads as missing. */
export function parseJsonProperty<T>(raw: string | null | undefined): T | null {
  if (raw === null || raw === undefined) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}
