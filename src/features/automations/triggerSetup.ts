import type { AutomationStatus, JobId } from '../../core/contracts/automations';
import { tokyoDateKey } from '../../core/dates';
import { joinWith, type Lang, same, type Text, text, UserError } from '../../core/text';
import { currentUserEmail } from '../../services/session';
import { createDailyTrigger, deleteTriggers, triggersFor } from '../../services/triggers';
import { workbookTables } from '../../sheets/workbookTables';
import {
  CONTINUE_HANDLER,
  clearConfig,
  DISPATCH_HANDLER,
  type DispatcherState,
  type FailingJob,
  readConfig,
  readState,
  writeConfig,
} from './automationState';
import { JOBS } from './jobs';
import { recentRuns } from './runLog';
import { UNFINISHED_WORK_READS, unfinishedWork } from './unfinishedWork';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const HOUR_MS = 3_600_000;
const TOKYO_OFFSET_MS = 9 * HOUR_MS;
/** Time after the trigger's hour for it to fire, finish and continue, before a run is missed. */
const RUN_SLACK_MS = 3 * HOUR_MS;

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

/** The start of `hour` (Asia/Tokyo) on the Tokyo day of `now`. */
function hourStartOn(hour: number, now: Date): number {
  const tokyo = new Date(now.getTime() + TOKYO_OFFSET_MS);
  return (
    Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth(), tokyo.getUTCDate(), hour) -
    TOKYO_OFFSET_MS
  );
}

/**
 * The next time the trigger will do the day's work: within the hour, so the hour's start is
 * shown. Today's hour while it has not passed (the trigger fires some minute within it) and
 * today's run has not happened; otherwise tomorrow's — a firing after today's run (a manual
 * 今すぐ実行, or the trigger itself) only finds the day done.
 */
export function nextRunAt(hour: number, now: Date, lastDay: string | null = null): Date {
  const today = hourStartOn(hour, now);
  const ranToday = lastDay !== null && lastDay >= tokyoDateKey(now);
  return !ranToday && now.getTime() < today + HOUR_MS
    ? new Date(today)
    : new Date(today + 24 * HOUR_MS);
}

export interface Health {
  readonly healthy: boolean;
  /** Jobs whose last attempt failed, with the first day they failed on. */
  readonly failing: readonly { readonly job: JobId; readonly since: string }[];
  /** The day of a run that was due and did not succeed (no successful run that day since). */
  readonly missed: string | null;
}

/**
 * Whether the automations work, from the true last success (a run in which no job failed):
 * - a job whose last attempt failed makes it unhealthy until a run finishes it, whatever else
 *   happened (reinstalling the trigger does not hide it);
 * - the last run that was due — the trigger's hour, with RUN_SLACK_MS to fire and finish,
 *   and after the trigger was installed — must have been followed by a success that Tokyo day.
 *   Reinstalling (which resets installedAt) only excuses the runs that were due before it: a
 *   run that dies or fails after the reinstall shows once its time has passed.
 */
export function triggerHealth(
  hour: number,
  installedAt: string | null,
  state: DispatcherState,
  now: Date,
): Health {
  const failing = (Object.entries(state.failing) as [JobId, FailingJob | undefined][]).flatMap(
    ([job, f]) => (f ? [{ job, since: f.since }] : []),
  );
  let due = hourStartOn(hour, now);
  if (now.getTime() < due + RUN_SLACK_MS) due -= 24 * HOUR_MS;
  const installed = installedAt ? Date.parse(installedAt) : 0;
  const dueDay = tokyoDateKey(new Date(due));
  const lastSuccessDay = state.lastSuccessAt ? tokyoDateKey(new Date(state.lastSuccessAt)) : null;
  const missed =
    due > installed && (lastSuccessDay === null || lastSuccessDay < dueDay) ? dueDay : null;
  return { healthy: failing.length === 0 && missed === null, failing, missed };
}

export function automationStatus(ss: Spreadsheet, lang: Lang, now: Date): AutomationStatus {
  const config = readConfig();
  const state = readState();
  const currentUser = currentUserEmail();
  const own = triggersFor(DISPATCH_HANDLER).length > 0;
  const installed = own || (config !== null && config.owner !== currentUser);
  const hour = installed ? (config?.hour ?? null) : null;
  const health =
    installed && hour !== null
      ? triggerHealth(hour, config?.installedAt ?? null, state, now)
      : null;
  const unfinished = installed ? unfinishedWork(workbookTables(ss, UNFINISHED_WORK_READS)) : [];
  const healthy = (health?.healthy ?? false) && unfinished.length === 0;
  return {
    lang,
    today: tokyoDateKey(now),
    installed,
    hour,
    owner: installed ? (config?.owner ?? currentUser) : null,
    currentUser,
    lastSuccessAt: state.lastSuccessAt,
    nextRunAt: hour === null ? null : nextRunAt(hour, now, state.lastDay).toISOString(),
    healthy,
    health: joinWith(
      [healthMessage(installed, health, own, config?.owner ?? '', unfinished), ...unfinished],
      '\n',
    ),
    continuing: state.continuation !== null,
    recentRuns: recentRuns(ss, 10),
  };
}

function healthMessage(
  installed: boolean,
  health: Health | null,
  own: boolean,
  owner: string,
  unfinished: readonly Text[],
): Text {
  if (!installed) {
    return text('自動化はオフです', 'Automations are off');
  }
  if (!own) {
    return text(
      `自動化は ${owner} さんのアカウントで動いています。変更はその方が行えます`,
      `Automations run under ${owner}'s account; they can change them`,
    );
  }
  if ((!health || health.healthy) && unfinished.length > 0) {
    return text(
      '前回の処理で未完了のものがあります。次回の実行で仕上げます:',
      'An earlier run left work unfinished; the next run finishes it:',
    );
  }
  if (!health || health.healthy) {
    return text('自動化は正常に動いています', 'Automations are running normally');
  }
  if (health.failing.length > 0) {
    const since = health.failing.map((f) => f.since).sort()[0] ?? '';
    const names = health.failing.map((f) => jobLabel(f.job));
    const ja = names.map((n) => n.ja).join('、');
    const en = names.map((n) => n.en).join(', ');
    return text(
      `${since} から「${ja}」が失敗しています。次回の実行で再試行しますが、続く場合は実行ログをご確認ください`,
      `${en} failing since ${since}; the next run retries, but if it keeps failing please check the run log`,
    );
  }
  return text(
    `${health.missed} の実行が正常に完了していません。実行ログをご確認ください`,
    `The run of ${health.missed} did not complete; please check the run log`,
  );
}

const jobLabel = (id: JobId): Text => JOBS.find((j) => j.id === id)?.label ?? same(id);
