/**
 * The one clock Pokke reads. Apps Script's `Date` is the real time; in the emulator the bundle's
 * `Date` follows the virtual clock. Code under src/ never calls `new Date()` or `Date.now()`
 * itself: it asks here, or takes `now` from its caller, so a test that runs src/ directly
 * passes the emulator's time and nothing depends on the day the suite runs.
 */
export const now = (): Date => new Date();

/** The same instant as epoch milliseconds, for deadlines. */
export const nowMs = (): number => Date.now();
