import { bilingual, type Lang, UserError } from '../../core/bilingual';
import { tokyoDateKey } from '../../core/dates';
import { currentUserEmail } from '../../services/session';
import { createDailyTrigger, deleteTriggers, triggersFor } from '../../services/triggers';
import type { AutomationStatus } from '../../ui/automationContracts';
import {
  CONTINUE_HANDLER,
  clearConfig,
  DISPATCH_HANDLER,
  readConfig,
  readState,
  writeConfig,
} from './automationState';
import { recentRuns } from './runLog';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HOUR_MS = 3_600_000;
const TOKYO_OFFSET_MS = 9 * HOUR_MS;
/** A daily run counts as missed when nothing succeeded for this long. */
const STALE_AFTER_MS = 26 * HOUR_MS;

/**
 * Turns automations on: exactly one daily trigger for the dispatcher, owned by the person who
 * clicks. Installing again replaces the trigger rather than adding a second one.
 */
export function installAutomations(hour: number, now: Date): void {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new UserError('実行時刻は0〜23時で選んでください', 'Choose an hour from 0 to 23');
  }
  refuseOthersAutomations();
  deleteTriggers(triggersFor(DISPATCH_HANDLER));
  createDailyTrigger(DISPATCH_HANDLER, hour);
  writeConfig({ hour, owner: currentUserEmail(), installedAt: now.toISOString() });
}

/** Turns automations off: removes Pokke's own triggers only, never the owner's other triggers. */
export function uninstallAutomations(): void {
  refuseOthersAutomations();
  deleteTriggers([...triggersFor(DISPATCH_HANDLER), ...triggersFor(CONTINUE_HANDLER)]);
  clearConfig();
}

/**
 * Triggers belong to the person who made them and only they can see or remove them: someone
 * else turning automations on would add a second dispatcher, turning them off would remove
 * nothing. Both are refused with the owner's name.
 */
function refuseOthersAutomations(): void {
  const config = readConfig();
  const me = currentUserEmail();
  if (!config || config.owner === me || triggersFor(DISPATCH_HANDLER).length > 0) return;
  throw new UserError(
    `自動化は ${config.owner} さんのアカウントで動いています。変更は ${config.owner} さんが行ってください`,
    `Automations run under ${config.owner}'s account; only they can change them`,
  );
}

/** The next time the trigger may fire: within the hour, so the hour's start is shown. */
export function nextRunAt(hour: number, now: Date): Date {
  const tokyo = new Date(now.getTime() + TOKYO_OFFSET_MS);
  const start = Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth(), tokyo.getUTCDate(), hour);
  const today = new Date(start - TOKYO_OFFSET_MS);
  // The trigger fires at some minute within the hour: a run may still come until hour:59.
  return now.getTime() < today.getTime() + HOUR_MS
    ? today
    : new Date(today.getTime() + 24 * HOUR_MS);
}

export function automationStatus(ss: Spreadsheet, lang: Lang, now: Date): AutomationStatus {
  const config = readConfig();
  const state = readState();
  const currentUser = currentUserEmail();
  const own = triggersFor(DISPATCH_HANDLER).length > 0;
  const installed = own || (config !== null && config.owner !== currentUser);
  const hour = installed ? (config?.hour ?? null) : null;
  const lastSuccess = state.lastSuccessAt ? Date.parse(state.lastSuccessAt) : null;
  const installedAt = config ? Date.parse(config.installedAt) : null;
  const recent = Math.max(lastSuccess ?? 0, installedAt ?? 0);
  const healthy = installed && now.getTime() - recent < STALE_AFTER_MS;
  return {
    lang,
    today: tokyoDateKey(now),
    installed,
    hour,
    owner: installed ? (config?.owner ?? currentUser) : null,
    currentUser,
    lastSuccessAt: state.lastSuccessAt,
    nextRunAt: hour === null ? null : nextRunAt(hour, now).toISOString(),
    healthy,
    health: healthMessage(installed, healthy, own, config?.owner ?? ''),
    continuing: state.continuation !== null,
    recentRuns: recentRuns(ss, 10),
  };
}

function healthMessage(installed: boolean, healthy: boolean, own: boolean, owner: string): string {
  if (!installed) {
    return bilingual('自動化はオフです', 'Automations are off');
  }
  if (!own) {
    return bilingual(
      `自動化は ${owner} さんのアカウントで動いています。変更はその方が行えます`,
      `Automations run under ${owner}'s account; they can change them`,
    );
  }
  return healthy
    ? bilingual('自動化は正常に動いています', 'Automations are running normally')
    : bilingual(
        '26時間以上、正常に完了した実行がありません。実行ログをご確認ください',
        'No run has completed in the last 26 hours; please check the run log',
      );
}
