import { nowMs } from './clock';

/**
 * Work stops being started after this long, well inside Apps Script's 6-minute limit per
 * execution (a trigger or a google.script.run call alike): the unit of work in flight (one
 * invoice: PDF conversion and mail, a few seconds) still fits.
 */
export const TIME_BUDGET_MS = 4.5 * 60_000;

/** When an execution starting now stops starting new work (epoch ms). */
export const deadlineFromNow = (): number => nowMs() + TIME_BUDGET_MS;

/** How long a continuation waits before its one-off trigger fires. */
export const CONTINUE_AFTER_MS = 60_000;
