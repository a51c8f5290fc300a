/**
 * The jobs `npm run simulate -- <job>` can run. A job runs one entry point of the built bundle —
 * the same function a menu item, a sidebar or the daily trigger runs — against a workbook loaded
 * from an .xlsx file. A feature adds its job here in one line.
 */
import { type Text, text } from '../src/core/text';

export interface JobSpec {
  /** The bundle's top-level function the job calls. */
  entryPoint: string;
  /** Its arguments (JSON values), or a function of the clock (`--now`) that gives them. */
  args?: unknown[] | ((at: JobClock) => unknown[]);
  /**
   * Run as its time-driven trigger fires (with the trigger's event; the execution counts towards
   * trigger runtime); `args` are not used.
   */
  triggered?: boolean;
  /** The workbook must already have every Pokke sheet and column (else: run setup first). */
  needsSetup: boolean;
  /** What it does, for --help. */
  summary: Text;
  /** The demo colleagues' calendars are loaded first (playground/demo/calendar.json). */
  demoCalendars?: boolean;
  /** Its report is written as this file in the output folder, and printed line by line. */
  reportFile?: string;
}

/** The clock a job starts at. */
export interface JobClock {
  now: number;
  timeZone: string;
  /** The civil date of `now` in `timeZone`, `YYYY-MM-DD`. */
  today: string;
}

export const JOBS: Readonly<Record<string, JobSpec>> = {
  setup: {
    entryPoint: 'setupWorkbook',
    needsSetup: false,
    summary: text('ワークブックを準備', 'Set up the workbook'),
  },
  invoices: {
    entryPoint: 'invoicesIssue',
    args: ({ today }) => [{ closingDate: today }],
    needsSetup: true,
    summary: text(
      '今日締めの請求書を発行(PDF・下書き)',
      'Issue invoices closing today (PDFs, drafts)',
    ),
  },
  'expenses-export': {
    entryPoint: 'expensesExport',
    args: ({ today }) => [{ month: today.slice(0, 7) }],
    needsSetup: true,
    summary: text(
      '今月の経費を freee・マネーフォワード用 CSV に書き出し(drive/)',
      "Export this month's expenses as freee and Money Forward CSV (drive/)",
    ),
  },
  slots: {
    entryPoint: 'schedulingSlots',
    args: [{}],
    needsSetup: true,
    demoCalendars: true,
    reportFile: 'slots.json',
    summary: text(
      '日程調整の候補日時(デモのカレンダー、設定の時間帯)を表示',
      'Show the candidate meeting times for the demo calendars, with the hours in Settings',
    ),
  },
  'month-end': {
    entryPoint: 'dailyDispatch',
    triggered: true,
    needsSetup: true,
    summary: text(
      'その日の自動化(定期業務・定期請求・督促・月次集計)を実行',
      "Run the day's automations (routines, recurring invoices, reminders, summary)",
    ),
  },
};

/** `init` is not a job on a workbook: it writes an empty Pokke workbook (see scripts/simulate.ts). */
export const INIT = 'init';
