import type { DateKey } from '../../core/dates';
import { tokyoDateKey, tokyoInstant } from '../../core/dates';
import { cellText, textCell } from '../../sheets/cells';
import { RUN_LOG_SHEET } from '../../sheets/schema';
import { appendRecords, findSheet, readHeaderOnly, readTable } from '../../sheets/table';
import type { RunLogEntry } from '../../ui/automationContracts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const RESULT = {
  ok: '成功',
  partial: '一部エラー',
  error: 'エラー',
  paused: '中断',
  skipped: 'スキップ',
} as const;
export type RunResult = keyof typeof RESULT;

export interface RunRecord {
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly day: DateKey;
  /** Bilingual job name. */
  readonly job: string;
  readonly result: RunResult;
  readonly count: number;
  readonly message: string;
}

/**
 * Appends one row per job to 実行ログ, right after the job, so a run that dies later still
 * leaves what it finished on record. Three reads and one write; the log is never read whole.
 */
export function appendRunLog(ss: Spreadsheet, records: readonly RunRecord[]): void {
  const sheet = findSheet(ss, RUN_LOG_SHEET);
  if (!sheet || records.length === 0) return;
  appendRecords(
    readHeaderOnly(sheet, RUN_LOG_SHEET),
    records.map((r) => ({
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      day: tokyoInstant(r.day),
      job: textCell(r.job),
      result: RESULT[r.result],
      count: r.count,
      message: textCell(r.message),
    })),
  );
}

/** The last `limit` runs, newest first, for the sidebar. */
export function recentRuns(ss: Spreadsheet, limit: number): RunLogEntry[] {
  const sheet = findSheet(ss, RUN_LOG_SHEET);
  if (!sheet) return [];
  const height = sheet.getLastRow();
  if (height < 2) return [];
  const table = readTable(sheet, RUN_LOG_SHEET);
  return table.rows
    .slice(-limit)
    .reverse()
    .map((r) => ({
      startedAt: isoOrText(r.values.startedAt),
      finishedAt: isoOrText(r.values.finishedAt),
      day: r.values.day instanceof Date ? tokyoDateKey(r.values.day) : cellText(r.values.day),
      job: cellText(r.values.job),
      result: cellText(r.values.result),
      count: typeof r.values.count === 'number' ? r.values.count : 0,
      message: cellText(r.values.message),
    }));
}

const isoOrText = (v: unknown) => (v instanceof Date ? v.toISOString() : cellText(v));
