/**
 * The shapes that cross google.script.run between the 自動化 (Automations) sidebar and the
 * server. Dates are YYYY-MM-DD (Asia/Tokyo), instants ISO 8601 strings. JSON values only.
 */
import type { Lang, Text } from '../text';

export type JobId = 'tasks' | 'recurring' | 'reminders' | 'summary' | 'routines' | 'scheduling';

/** One row of the 実行ログ sheet. */
export interface RunLogEntry {
  startedAt: string;
  finishedAt: string;
  day: string;
  job: string;
  /** 成功 / 一部エラー / エラー / 中断 / スキップ */
  result: string;
  count: number;
  message: string;
}

export interface AutomationStatus {
  lang: Lang;
  /** Today in Asia/Tokyo, YYYY-MM-DD (the default day for a dry run). */
  today: string;
  /** The daily trigger exists (for the user asking: Apps Script lists only their own triggers). */
  installed: boolean;
  /** Hour of the day (Asia/Tokyo) the dispatcher runs at, 0–23. */
  hour: number | null;
  /** Who turned automations on: the trigger runs as that person, on their quota. */
  owner: string | null;
  /** The person looking at the sidebar. */
  currentUser: string;
  /** The end of the last run in which no job failed. */
  lastSuccessAt: string | null;
  /**
   * When the next run that does the day's work is expected (the trigger fires some minute
   * within the hour): tomorrow's once today's has run.
   */
  nextRunAt: string | null;
  /** No job is failing and the last run that was due succeeded. */
  healthy: boolean;
  /** A sentence for the owner. */
  health: Text;
  /** A run that ran out of time and will continue on a one-off trigger. */
  continuing: boolean;
  recentRuns: RunLogEntry[];
}

export interface InstallRequest {
  hour: number;
}

export interface DryRunRequest {
  date: string;
}

export interface PlannedJob {
  job: JobId;
  /** The job's name, e.g. 定期請求 (Recurring invoices). */
  label: Text;
  /** What the job would do, one text per action (several lines each at most). */
  actions: Text[];
  /** Rows the job cannot read (written to their メッセージ cell on a real run). */
  problems: Text[];
}

export interface DryRunReport {
  date: string;
  businessDay: boolean;
  /** National holiday or bank holiday name, if any. */
  holiday: string | null;
  jobs: PlannedJob[];
}

export interface RunNowReport {
  runs: RunLogEntry[];
  message: Text;
}
