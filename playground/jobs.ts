/**
 * The jobs `npm run simulate -- <job>` can run. A job runs one entry point of the built bundle —
 * the same function a menu item, a sidebar or the daily trigger runs — against a workbook loaded
 * from an .xlsx file. A feature adds its job here in one line.
 */
export interface JobSpec {
  /** The bundle's top-level function the job calls. */
  entryPoint: string;
  /** Its arguments (JSON values). */
  args?: unknown[];
  /** Run as a time-driven trigger would (the execution counts towards trigger runtime). */
  triggered?: boolean;
  /** The workbook must already have every Pokke sheet and column (else: run setup first). */
  needsSetup: boolean;
  /** Japanese / English, for --help. */
  summary: string;
}

export const JOBS: Readonly<Record<string, JobSpec>> = {
  setup: {
    entryPoint: 'setupWorkbook',
    needsSetup: false,
    summary: 'ワークブックを準備 / Set up the workbook',
  },
};

/** `init` is not a job on a workbook: it writes an empty Pokke workbook (see scripts/simulate.ts). */
export const INIT = 'init';
