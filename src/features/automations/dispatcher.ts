import { holidayName, isBankBusinessDay, nextBusinessDay } from '../../core/businessDays';
import type { DryRunReport, JobId } from '../../core/contracts/automations';
import { addDays, type DateKey, tokyoDateKey } from '../../core/dates';
import { joinWith, type Lang, text } from '../../core/text';
import { now, nowMs } from '../../services/clock';
import { CONTINUE_AFTER_MS, TIME_BUDGET_MS } from '../../services/timeBudget';
import { clearTriggers, scheduleContinuation } from '../../services/triggers';
import { flushWorkbook } from '../../services/workbook';
import { RUN_LOG_SHEET, SETTINGS_SHEET } from '../../sheets/schema';
import { type ReadPlan, type WorkbookTables, workbookTables } from '../../sheets/workbookTables';
import { readAutomationSettings } from './automationSettings';
import {
  CONTINUE_HANDLER,
  type DispatcherState,
  type FailingJob,
  readState,
  writeState,
} from './automationState';
import type { Job, JobContext } from './job';
import { JOBS } from './jobs';
import { appendRunLog, type RunRecord, type RunResult } from './runLog';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type DispatchKind = 'daily' | 'continue' | 'manual';

/** Every sheet the jobs read, read together (the run log only for its header: it is appended to). */
const DISPATCH_READS: ReadPlan = {
  tables: [SETTINGS_SHEET, ...JOBS.flatMap((job) => job.reads)],
  headers: [RUN_LOG_SHEET],
};

/** The day before the next business day: closings and billing dates up to it are due today. */
export function horizonOf(today: DateKey): DateKey {
  return addDays(nextBusinessDay(today), -1);
}

/**
 * Runs the jobs that are due, in order, for `now` in Asia/Tokyo. The caller holds the workbook
 * lock. Each job is idempotent on the workbook's own keys, so a second firing, a crash or a
 * concurrent run can only repeat checks, never effects. A job that runs out of time leaves a
 * continuation: the remaining jobs run on a one-off trigger a minute later. A job that throws
 * does not stop the others; it is remembered in the state's `failing` and the next run gives it
 * the days it missed again (a routine due that day, a summary day).
 */
export function dispatch(ss: Spreadsheet, now: Date, kind: DispatchKind, lang: Lang): RunRecord[] {
  const started = now.getTime();
  const deadline = started + TIME_BUDGET_MS;
  const tables = workbookTables(ss, DISPATCH_READS);
  let state = readState();
  const today = tokyoDateKey(now);
  if (kind === 'continue' || state.continuation) clearTriggers(CONTINUE_HANDLER);

  const records: RunRecord[] = [];
  const pending = state.continuation;
  if (pending && pending.day !== today) {
    const done = runDay(tables, pending.day, pending.nextJob, state, deadline, records, lang);
    state = done.state;
    if (!done.finished) return records;
  }
  if (kind !== 'manual' && state.lastDay === today && !state.continuation) {
    const record = skipRecord(today, now);
    appendRunLog(tables, [record], lang);
    return [record];
  }
  const from = state.continuation?.day === today ? state.continuation.nextJob : 0;
  runDay(tables, today, from, state, deadline, records, lang);
  return records;
}

function runDay(
  tables: WorkbookTables,
  day: DateKey,
  fromJob: number,
  state: DispatcherState,
  deadline: number,
  records: RunRecord[],
  lang: Lang,
): { state: DispatcherState; finished: boolean } {
  const { settings, problems } = readAutomationSettings(tables);
  const ctx: JobContext = {
    tables,
    today: day,
    horizon: horizonOf(day),
    lastDay: state.lastDay,
    settings,
    deadline,
    lang,
  };
  const failing: Partial<Record<JobId, FailingJob>> = { ...state.failing };
  const current = (): DispatcherState => ({ ...state, failing: { ...failing } });
  if (fromJob === 0 && problems.length > 0) {
    const at = now();
    const record: RunRecord = {
      startedAt: at,
      finishedAt: at,
      day,
      job: text('設定', 'Settings'),
      result: 'partial',
      count: problems.length,
      message: joinWith(problems, '\n'),
    };
    appendRunLog(tables, [record], lang);
    records.push(record);
  }
  const runStarted = now();
  const jobRecords: RunRecord[] = [];
  for (let i = fromJob; i < JOBS.length; i++) {
    const job = JOBS[i]!;
    if (nowMs() >= deadline) return pause(tables, current(), day, i, records, lang);
    const retry = failing[job.id];
    const record = runJob(
      job,
      retry ? { ...ctx, lastDay: earlier(retry.lastDay, ctx.lastDay) } : ctx,
    );
    jobRecords.push(record);
    if (record.result === 'error') {
      failing[job.id] = retry ?? { lastDay: ctx.lastDay ?? addDays(day, -1), since: day };
    } else if (record.result !== 'paused') {
      delete failing[job.id];
    }
    // A job that found nothing to do leaves no line of its own; the run's line says so.
    if (record.count > 0 || record.message !== null || record.result !== 'ok') {
      appendRunLog(tables, [record], lang);
      records.push(record);
    }
    if (record.result === 'paused') return pause(tables, current(), day, i, records, lang, true);
  }
  const summary = runSummary(day, runStarted, jobRecords);
  appendRunLog(tables, [summary], lang);
  records.push(summary);
  // The day is done; a job that failed keeps its own window in `failing` and is retried (with
  // the days it missed) by the next run. Only a run without a failure counts as a success.
  const failed = jobRecords.some((r) => r.result === 'error');
  const finished: DispatcherState = {
    lastDay: state.lastDay && state.lastDay > day ? state.lastDay : day,
    lastSuccessAt: failed ? state.lastSuccessAt : now().toISOString(),
    continuation: null,
    failing: { ...failing },
  };
  // The state says the day is done: what the jobs wrote is saved first, so a run that dies
  // before its writes reach the sheets is run again rather than taken as done.
  flushWorkbook();
  writeState(finished);
  return { state: finished, finished: true };
}

function runJob(job: Job, ctx: JobContext): RunRecord {
  const startedAt = now();
  try {
    const outcome = job.run(ctx);
    return {
      startedAt,
      finishedAt: now(),
      day: ctx.today,
      job: job.label,
      result: outcome.more ? 'paused' : outcome.result,
      count: outcome.count,
      message: outcome.more
        ? joinWith(outcome.message ? [outcome.message, CONTINUE_NOTE] : [CONTINUE_NOTE], '\n')
        : outcome.message,
    };
  } catch (e) {
    // One job failing never stops the others; the next run retries it (every job is idempotent).
    // What it wrote before failing is unknown: the jobs after it read the workbook again.
    ctx.tables.forgetAll();
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return {
      startedAt,
      finishedAt: now(),
      day: ctx.today,
      job: job.label,
      result: 'error',
      count: 0,
      message: text(
        `エラーが発生しました。次回の実行で再試行します: ${errorText(e)}`,
        `Failed; it will be retried on the next run: ${errorText(e)}`,
      ),
    };
  }
}

const SEVERITY: readonly RunResult[] = ['ok', 'skipped', 'partial', 'paused', 'error'];

/** One line for the whole run: its span, the worst result, and the work done. */
function runSummary(day: DateKey, startedAt: Date, jobs: readonly RunRecord[]): RunRecord {
  const worst = jobs.reduce<RunResult>(
    (w, r) => (SEVERITY.indexOf(r.result) > SEVERITY.indexOf(w) ? r.result : w),
    'ok',
  );
  const count = jobs.reduce((n, r) => n + r.count, 0);
  const busy = jobs.filter((r) => r.count > 0).map((r) => r.job);
  return {
    startedAt,
    finishedAt: now(),
    day,
    job: text('自動化', 'Automations'),
    result: worst === 'skipped' ? 'ok' : worst,
    count,
    message:
      count === 0
        ? text('本日の処理はありませんでした', 'Nothing to do today')
        : text(
            `完了: ${busy.map((j) => j.ja).join('、')}`,
            `Done: ${busy.map((j) => j.en).join(', ')}`,
          ),
  };
}

const CONTINUE_NOTE = text(
  '時間内に終わらなかったため、続きを1分後に実行します',
  'Not finished within the time limit; continuing in a minute',
);

function pause(
  tables: WorkbookTables,
  state: DispatcherState,
  day: DateKey,
  nextJob: number,
  records: RunRecord[],
  lang: Lang,
  logged = false,
): { state: DispatcherState; finished: boolean } {
  const paused: DispatcherState = {
    ...state,
    continuation: { day, nextJob, since: now().toISOString() },
  };
  flushWorkbook();
  writeState(paused);
  scheduleContinuation(CONTINUE_HANDLER, CONTINUE_AFTER_MS);
  if (!logged) {
    const at = now();
    const record: RunRecord = {
      startedAt: at,
      finishedAt: at,
      day,
      job: text('自動化', 'Automations'),
      result: 'paused',
      count: 0,
      message: CONTINUE_NOTE,
    };
    appendRunLog(tables, [record], lang);
    records.push(record);
  }
  return { state: paused, finished: false };
}

function skipRecord(day: DateKey, at: Date): RunRecord {
  return {
    startedAt: at,
    finishedAt: at,
    day,
    job: text('自動化', 'Automations'),
    result: 'skipped',
    count: 0,
    message: text(
      '本日分は実行済みのためスキップしました(重複した起動)',
      "Skipped: today's jobs have already run (duplicate firing)",
    ),
  };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The earlier of two days, a missing one not counting. */
const earlier = (a: DateKey, b: DateKey | null): DateKey => (b !== null && b < a ? b : a);

/**
 * What the dispatcher would do on `day`, without doing it, as run() would on that day:
 * - today or a past day after the last run: the days since the last run are caught up, so
 *   every item due since then is listed, each with its own due day;
 * - a later day: the daily runs until then are taken as done, so only that day's own work is
 *   listed (a day after the next run never shows what the next run does);
 * - a day already run: that day's work alone (what is already done in the workbook is not
 *   listed again).
 * A job that keeps failing is planned with the days it missed, as its retry would be.
 */
export function dryRun(ss: Spreadsheet, day: DateKey, lang: Lang, at: Date = now()): DryRunReport {
  const tables = workbookTables(ss, { tables: DISPATCH_READS.tables ?? [] });
  const { settings, problems } = readAutomationSettings(tables);
  const state = readState();
  const future = day > tokyoDateKey(at);
  const lastDay = future
    ? addDays(day, -1)
    : state.lastDay && state.lastDay < day
      ? state.lastDay
      : null;
  const ctx: JobContext = {
    tables,
    today: day,
    horizon: horizonOf(day),
    lastDay,
    settings,
    deadline: Number.POSITIVE_INFINITY,
    lang,
  };
  const jobs = JOBS.map((job) => {
    const retry = future ? undefined : state.failing[job.id];
    return job.plan(
      retry && retry.lastDay < day ? { ...ctx, lastDay: earlier(retry.lastDay, lastDay) } : ctx,
    );
  });
  if (problems.length > 0) jobs[0]?.problems.unshift(...problems);
  return {
    date: day,
    businessDay: isBankBusinessDay(day),
    holiday: holidayName(day),
    jobs,
  };
}
