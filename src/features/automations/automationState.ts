import type { JobId } from '../../core/contracts/automations';
import type { DateKey } from '../../core/dates';
import {
  deleteDocumentProperty,
  readDocumentJson,
  writeDocumentJson,
} from '../../services/properties';

/**
 * What the dispatcher remembers between executions, in the document's properties. It is only
 * a shortcut: every job also checks the workbook itself (period keys, task keys, reminder
 * steps), so losing this record can never make anything happen twice.
 */

export const DISPATCH_HANDLER = 'dailyDispatch';
export const CONTINUE_HANDLER = 'continueDispatch';

const CONFIG_KEY = 'pokke.automation';
const STATE_KEY = 'pokke.dispatcher';

export interface AutomationConfig {
  /** 0–23, Asia/Tokyo. */
  readonly hour: number;
  /** Who installed the trigger (it runs as them). */
  readonly owner: string;
  readonly installedAt: string;
}

export interface Continuation {
  /** The business day whose jobs are unfinished. */
  readonly day: DateKey;
  /** Index of the first job still to run. */
  readonly nextJob: number;
  readonly since: string;
}

export interface DispatcherState {
  /** The last day the dispatcher went through all its jobs (some may have failed: `failing`). */
  readonly lastDay: DateKey | null;
  /** The end of the last run in which no job failed (ISO). */
  readonly lastSuccessAt: string | null;
  readonly continuation: Continuation | null;
  /**
   * Jobs whose last attempt failed, each with the last day it did finish before that: its
   * window of days starts after it, so the next run redoes the failed days (routines due then,
   * a summary day) once. Removed as soon as the job finishes.
   */
  readonly failing: Readonly<Partial<Record<JobId, FailingJob>>>;
}

export interface FailingJob {
  /** The day before the first day the job failed on. */
  readonly lastDay: DateKey;
  /** The first day it failed on. */
  readonly since: DateKey;
}

const EMPTY: DispatcherState = {
  lastDay: null,
  lastSuccessAt: null,
  continuation: null,
  failing: {},
};

export const readConfig = () => readDocumentJson<AutomationConfig>(CONFIG_KEY);
export const writeConfig = (config: AutomationConfig) => writeDocumentJson(CONFIG_KEY, config);
export const clearConfig = () => deleteDocumentProperty(CONFIG_KEY);

export function readState(): DispatcherState {
  return { ...EMPTY, ...(readDocumentJson<DispatcherState>(STATE_KEY) ?? {}) };
}

export const writeState = (state: DispatcherState) => writeDocumentJson(STATE_KEY, state);
