type Trigger = GoogleAppsScript.Script.Trigger;

/**
 * Installable triggers. Apps Script lists only the current user's triggers of this project, so
 * everything here concerns the person running it.
 */

export function triggersFor(handler: string): Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === handler);
}

/** Whether `uid` names one of this user's triggers for `handler` (an event's triggerUid). */
export function isInstalledTrigger(handler: string, uid: string): boolean {
  return ScriptApp.getProjectTriggers().some(
    (t) => t.getUniqueId() === uid && t.getHandlerFunction() === handler,
  );
}

/** A trigger that fires once a day, at some minute within `hour` in Asia/Tokyo. */
export function createDailyTrigger(handler: string, hour: number): Trigger {
  return ScriptApp.newTrigger(handler)
    .timeBased()
    .everyDays(1)
    .atHour(hour)
    .inTimezone('Asia/Tokyo')
    .create();
}

/** A one-off trigger `afterMs` from now (to continue work that ran out of time). */
export function createOneOffTrigger(handler: string, afterMs: number): Trigger {
  return ScriptApp.newTrigger(handler).timeBased().after(afterMs).create();
}

export function deleteTriggers(triggers: readonly Trigger[]): void {
  for (const trigger of triggers) ScriptApp.deleteTrigger(trigger);
}

/**
 * Makes sure one one-off trigger for `handler` is pending, to continue work that ran out of
 * time; never a second one (one-off triggers count towards the 20 per user and script). Returns
 * the pending trigger(s), for the caller to delete when the work turns out to be done.
 */
export function scheduleContinuation(handler: string, afterMs: number): Trigger[] {
  const pending = triggersFor(handler);
  return pending.length > 0 ? pending : [createOneOffTrigger(handler, afterMs)];
}

/** One-off triggers stay listed after firing: their handler removes them so none pile up. */
export function clearTriggers(handler: string): void {
  deleteTriggers(triggersFor(handler));
}
