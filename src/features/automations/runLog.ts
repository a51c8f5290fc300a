import type { RunLogEntry } from '../../core/contracts/automations';
import type { DateKey } from '../../core/dates';
import { tokyoDateKey, tokyoInstant } from '../../core/dates';
import { inLang, type Lang, type Text } from '../../core/text';
import { cellText, textCell } from '../../sheets/cells';
import { RUN_LOG_SHEET } from '../../sheets/schema';
import { findSheet, readTable, rowFor } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';

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
  readonly job: Text;
  readonly result: RunResult;
  readonly count: number;
  readonly message: Text | null;
}

/**
 * Appends one row per job to 実行ログ, in `lang` (the owner's language), right after the job, so a run that dies later still
 * leaves what it finished on record. The log is never read whole: its header is read once per
 * run (with the run's other tables when it plans it), then each row is one `appendRow`, which
 * also grows a full sheet.
 */
export function appendRunLog(
  tables: WorkbookTables,
  records: readonly RunRecord[],
  lang: Lang,
): void {
  const log = records.length > 0 ? tables.headers(RUN_LOG_SHEET) : null;
  if (!log) return;
  for (const r of records) {
    log.sheet.appendRow(
      rowFor(log.headers, {
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        day: tokyoInstant(r.day),
        job: textCell(inLang(r.job, lang)),
        result: RESULT[r.result],
        count: r.count,
        message: textCell(r.message ? inLang(r.message, lang) : ''),
      }),
    );
  }
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
