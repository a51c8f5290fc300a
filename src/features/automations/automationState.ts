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
  /** The last day whose jobs all finished. */
  readonly lastDay: DateKey | null;
  readonly lastSuccessAt: string | null;
  readonly continuation: Continuation | null;
}

const EMPTY: DispatcherState = { lastDay: null, lastSuccessAt: null, continuation: null };

export const readConfig = () => readDocumentJson<AutomationConfig>(CONFIG_KEY);
export const writeConfig = (config: AutomationConfig) => writeDocumentJson(CONFIG_KEY, config);
export const clearConfig = () => deleteDocumentProperty(CONFIG_KEY);

export function readState(): DispatcherState {
  return { ...EMPTY, ...(readDocumentJson<DispatcherState>(STATE_KEY) ?? {}) };
}

export const writeState = (state: DispatcherState) => writeDocumentJson(STATE_KEY, state);
