import type { JobId, PlannedJob } from '../../core/contracts/automations';
import type { DateKey } from '../../core/dates';
import { type Lang, type Text, text } from '../../core/text';
import { nowMs } from '../../services/clock';
import type { SheetSpec } from '../../sheets/columns';
import type { WorkbookTables } from '../../sheets/workbookTables';
import type { AutomationSettings } from './automationSettings';
import type { RunResult } from './runLog';

export interface JobContext {
  /**
   * The workbook's tables, each read once per run and shared by the jobs. A job that writes a
   * sheet calls `tables.forget` for it, so the jobs after it read what it wrote.
   */
  readonly tables: WorkbookTables;
  /** The day being run, in Asia/Tokyo. */
  readonly today: DateKey;
  /**
   * Dates up to here are handled today: the day before the next business day. On the last
   * business day of a month that ends on a weekend this is the month's last day, so month-end
   * closings and billing dates are done before the weekend.
   */
  readonly horizon: DateKey;
  /**
   * The last day already handled for this job (to catch up missed days once), if any: the
   * dispatcher's last day, or for a job whose last attempt failed the day before its first
   * failure, so the next run retries the days it missed.
   */
  readonly lastDay: DateKey | null;
  readonly settings: AutomationSettings;
  /** Epoch ms after which a job starts no new unit of work and reports `more`. */
  readonly deadline: number;
  /** The owner's language, for the run log and the rows' メッセージ cells. */
  readonly lang: Lang;
}

export interface JobOutcome {
  readonly result: RunResult;
  readonly count: number;
  readonly message: Text | null;
  /** Work is left that did not fit in the time budget. */
  readonly more: boolean;
}

export interface Job {
  readonly id: JobId;
  /** Its name in the run log and the sidebar. */
  readonly label: Text;
  /** The sheets it reads: the dispatcher reads them for all its jobs at once. */
  readonly reads: readonly SheetSpec[];
  /** What `run` would do on that day, reading only. */
  plan(ctx: JobContext): PlannedJob;
  run(ctx: JobContext): JobOutcome;
}

/**
 * A job that did not run, with its reason (「…のため」 / what is missing), so every スキップ line of
 * 実行ログ says why.
 */
export function skipped(becauseJa: string, becauseEn: string): JobOutcome {
  return {
    result: 'skipped',
    count: 0,
    message: text(`${becauseJa}スキップしました`, `Skipped: ${becauseEn}`),
    more: false,
  };
}

/** A job that needs `sheets` skipped because the workbook lacks some of them: it names those. */
export function skippedForMissingSheets(ctx: JobContext, sheets: readonly SheetSpec[]): JobOutcome {
  const missing = sheets.filter((spec) => ctx.tables.sheet(spec) === null).map((s) => s.name);
  const names = missing.length > 0 ? missing : sheets.map((s) => s.name);
  return skipped(
    `${names.map((n) => `「${n}」`).join('・')}シートがないため`,
    `no ${names.join(', ')} sheet in the workbook (run Set up workbook)`,
  );
}

export const pastDeadline = (ctx: JobContext) => nowMs() >= ctx.deadline;
