/**
 * The jobs `npm run simulate -- <job>` can run. A job runs one entry point of the built bundle —
 * the same function a menu item, a sidebar or the daily trigger runs — against a workbook loaded
 * from an .xlsx file. A feature adds its job here in one line.
 */
import { nextBusinessDay } from '../src/core/businessDays';
import { parseDateKey } from '../src/core/dates';
import { type Text, text } from '../src/core/text';

export interface JobSpec {
  /** The bundle's top-level function the job calls. */
  entryPoint: string;
  /** Its arguments (JSON values), or a function of the clock (`--now`) and inputs that gives them. */
  args?: unknown[] | ((at: JobClock, input?: JobInput) => unknown[]);
  /** The job reads a bank statement: `--csv` is required (and `--confirm-above` allowed). */
  needsCsv?: boolean;
  /**
   * Run as its time-driven trigger fires (with the trigger's event; the execution counts towards
   * trigger runtime); `args` are not used.
   */
  triggered?: boolean;
  /**
   * Logs the `--receipt` file through the Gmail receipt card (playground/receiptImport.ts)
   * instead of calling `entryPoint` with `args`.
   */
  receipt?: boolean;
  /** The workbook must already have every Pokke sheet and column (else: run setup first). */
  needsSetup: boolean;
  /** What it does, for --help. */
  summary: Text;
  /** The demo colleagues' calendars are loaded first (playground/demo/calendar.json). */
  demoCalendars?: boolean;
  /** Its report is written as this file in the output folder, and printed line by line. */
  reportFile?: string;
}

/** Files and options a job reads besides the workbook. */
export interface JobInput {
  /** `--csv`: the file's name and its bytes as base64. */
  csv?: { fileName: string; base64: string };
  /** `--confirm-above N`: confirm the proposals at least N percent sure. */
  confirmAbove?: number;
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
  'expenses-import': {
    entryPoint: 'expenseLogFromCard',
    receipt: true,
    needsSetup: true,
    summary: text(
      '--receipt の領収書(.pdf .png .jpg .eml)を Gmail のカードと同じ手順で経費に記録',
      'Log the --receipt file (.pdf .png .jpg .eml) as the Gmail receipt card does',
    ),
  },
  transfers: {
    entryPoint: 'transfersCreate',
    args: ({ today }) => [{ transferDate: nextBusinessDay(parseDateKey(today)!) }],
    needsSetup: true,
    summary: text(
      '未払の支払予定から翌営業日の総合振込データ(drive/Pokke/振込/…/furikomi_YYYYMMDD.txt)を作成',
      'Make the bulk transfer file of the unpaid payables for the next business day (furikomi_YYYYMMDD.txt under drive/)',
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
  reconcile: {
    entryPoint: 'paymentsReconcile',
    args: (_at, input) => [
      {
        fileName: input?.csv?.fileName ?? '',
        base64: input?.csv?.base64 ?? '',
        ...(input?.confirmAbove === undefined ? {} : { confirmAbove: input.confirmAbove }),
      },
    ],
    needsCsv: true,
    needsSetup: true,
    summary: text(
      '銀行の明細CSVを取り込み、入金と請求書の照合案を作る(--csv 明細.csv [--confirm-above 90])',
      'Import a bank statement CSV and propose matches (--csv bank.csv [--confirm-above 90])',
    ),
  },
};

/** `init` is not a job on a workbook: it writes an empty Pokke workbook (see scripts/simulate.ts). */
export const INIT = 'init';
