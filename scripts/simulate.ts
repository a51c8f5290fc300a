/**
 * `npm run simulate -- <job> --workbook in.xlsx --now <ISO> --out <dir>`: a dry run of one Pokke
 * job on a workbook exported from Google Sheets, without a browser or a Google account. The built
 * bundle (dist/Code.js, rebuilt first) runs in the emulator; the outputs go to <dir>:
 *   workbook.xlsx   the workbook after the job
 *   run-log.json    the executions (name, start, end, result or error, calls) and their logs
 *   calls.json      service calls by Service.Class.method
 *   mail/NN-draft-<subject>.eml   every draft and sent mail (PDF attachments rendered for real)
 *   drive/<Drive path>            every file the job saved in Drive (PDFs rendered for real)
 *   tasks.json      the Google Tasks tasks the job made (Tasks advanced service), [] when none
 *   events.json     the Google Calendar events the job made (Calendar advanced service), [] when none
 *   slots.json      (slots) the candidate meeting times for the demo calendars
 *
 * `npm run simulate -- init --out template.xlsx` writes an empty Pokke workbook; with `--demo`, the
 * demo company's workbook the playground starts with (playground/demo/, seeded by seed.ts).
 * Jobs are listed in playground/jobs.ts. `--lang ja|en` (default ja, whatever the machine's LANG)
 * is the emulated account's locale, so Pokke's run-log lines, row messages and reports come in that
 * language, and the language of every line printed. Errors are one line and exit code 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { type Bundle, loadBundleFromDist } from '../emulator/runtime';
import type { CalendarAdvancedEmulator } from '../emulator/services/advanced/calendar';
import type { TasksAdvancedEmulator } from '../emulator/services/advanced/tasks';
import { wallClock } from '../emulator/services/spreadsheet/time';
import { fireNow } from '../emulator/trigger-runner';
import { seedDemoCalendar } from '../playground/calendar';
import { messageOf, PokkeInputError } from '../playground/errors';
import { INIT, JOBS, type JobClock, type JobInput, type JobSpec } from '../playground/jobs';
import { isPlaygroundLanguage } from '../playground/language';
import { exportOutbox } from '../playground/outbox';
import { PdfRenderer } from '../playground/pdf';
import {
  blockingIssues,
  cellWarnings,
  checkWorkbook,
  preflightReport,
} from '../playground/preflight';
import type { RunEntry } from '../playground/protocol';
import { importReceipt, receiptAsMail } from '../playground/receiptImport';
import { runReport } from '../playground/runReport';
import { seedDemo } from '../playground/seed';
import {
  DEMO_DIR,
  type DemoCompany,
  ExecutionLog,
  parseTime,
  readDemoCompany,
} from '../playground/session';
import { loadIntoSpreadsheet, modelFromSpreadsheet } from '../playground/sheets';
import { readXlsxFile, writeXlsxFile } from '../playground/xlsx';
import { tokyoDateKey } from '../src/core/dates';
import { inLang, type Lang, sayIn, type Text, text } from '../src/core/text';

const TIME_ZONE = 'Asia/Tokyo';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface SimulateOptions {
  /** Rebuild dist/ first (default true; tests that already built pass false). */
  build?: boolean;
  distDir?: string;
  /** The clock when --now is not given (default: the real time). */
  defaultNow?: () => number;
}

interface Args {
  job: string;
  workbook?: string;
  now?: string;
  out?: string;
  /** init: the demo company's workbook instead of an empty one. */
  demo?: boolean;
  /** The language of the emulated account and of every line printed. */
  lang: Lang;
  /** expenses-import: the receipt file. */
  receipt?: string;
  /** reconcile: the bank statement CSV. */
  csv?: string;
  /** reconcile: confirm the proposals at least this sure (percent). */
  confirmAbove?: number;
}

const LANG_OPTION = '--lang';

function usage(lang: Lang): string {
  const say = sayIn(lang);
  const langOption = `[${LANG_OPTION} ja|en]`;
  return [
    say('使い方:', 'Usage:'),
    `  npm run simulate -- init --out template.xlsx ${langOption}`,
    `  npm run simulate -- init --demo --out demo.xlsx ${langOption}`,
    `  npm run simulate -- <job> --workbook in.xlsx [--now 2026-11-30T09:00+09:00] --out <dir> ${langOption}`,
    `  npm run simulate -- expenses-import --workbook in.xlsx --receipt file.(pdf|png|jpg|eml) --out <dir> ${langOption}`,
    `  npm run simulate -- reconcile --workbook in.xlsx --csv bank.csv [--confirm-above 90] --out <dir> ${langOption}`,
    '',
    say(
      `  ${LANG_OPTION}  Pokke と出力の言語: ja(省略時)または en`,
      `  ${LANG_OPTION}  the language of Pokke and of the output: ja (the default) or en`,
    ),
    '',
    say('ジョブ:', 'Jobs:'),
    `  ${INIT.padEnd(10)} ${say('空の Pokke ワークブックを作る(--demo: プレイグラウンドのデモ)', "Write an empty Pokke workbook (--demo: the playground's demo)")}`,
    ...Object.entries(JOBS).map(
      ([name, job]) => `  ${name.padEnd(10)} ${inLang(job.summary, lang)}`,
    ),
  ].join('\n');
}

/**
 * The language `--lang` asks for (the last one given; Japanese without one, never the machine's
 * LANG, so the output is the same everywhere), or what it was given that is not a language.
 */
function langOf(argv: readonly string[]): Lang | { unknown: string } {
  let given: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === LANG_OPTION) given = argv[++i] ?? '';
    else if (token.startsWith(`${LANG_OPTION}=`)) given = token.slice(LANG_OPTION.length + 1);
  }
  if (given === undefined) return 'ja';
  return isPlaygroundLanguage(given) ? given : { unknown: given };
}

/** An unknown language: the refusal and the usage in each language, as the wanted one is unknown. */
function refuseLanguage(given: string, io: CliIo): void {
  const refusal =
    given === ''
      ? text(`${LANG_OPTION} には ja か en を指定してください`, `${LANG_OPTION} needs ja or en`)
      : text(
          `${LANG_OPTION} には ja か en を指定してください: ${given}`,
          `${LANG_OPTION} takes ja or en, not ${given}`,
        );
  (['ja', 'en'] as const).forEach((lang, i) => {
    if (i > 0) io.err('');
    io.err(inLang(refusal, lang));
    io.err(usage(lang));
  });
}

function parseArgs(argv: readonly string[], lang: Lang): Args | 'help' {
  let job: string | undefined;
  const args: Partial<Args> = {};
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] ?? '';
    if (token === '--help' || token === '-h') return 'help';
    if (token === '--demo') {
      args.demo = true;
      continue;
    }
    if (!token.startsWith('--')) {
      if (job !== undefined) {
        throw new PokkeInputError(
          `余分な引数があります: ${token}`,
          `Unexpected argument: ${token}`,
        );
      }
      job = token;
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq >= 0 ? token.slice(0, eq) : token;
    const value = eq >= 0 ? token.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || value.startsWith('--')) {
      throw new PokkeInputError(`${name} に値を指定してください`, `${name} needs a value`);
    }
    if (name === LANG_OPTION) continue; // read first, by langOf
    if (name === '--workbook') args.workbook = value;
    else if (name === '--now') args.now = value;
    else if (name === '--out') args.out = value;
    else if (name === '--receipt') args.receipt = value;
    else if (name === '--csv') args.csv = value;
    else if (name === '--confirm-above') {
      const n = Number(value);
      if (!/^\d{1,3}$/.test(value) || n > 100) {
        throw new PokkeInputError(
          `--confirm-above には 0〜100 の整数(%)を指定してください: ${value}`,
          `--confirm-above takes a whole percentage from 0 to 100, not ${value}`,
        );
      }
      args.confirmAbove = n;
    } else throw new PokkeInputError(`不明なオプションです: ${name}`, `Unknown option: ${name}`);
  }
  if (job === undefined) return 'help';
  return { ...args, job, lang };
}

/** Runs the CLI; returns the exit code. Never throws. */
export async function simulate(
  argv: readonly string[],
  io: CliIo,
  options: SimulateOptions = {},
): Promise<number> {
  const lang = langOf(argv);
  if (typeof lang !== 'string') {
    refuseLanguage(lang.unknown, io);
    return 1;
  }
  try {
    const args = parseArgs(argv, lang);
    if (args === 'help') {
      io.out(usage(lang));
      return 0;
    }
    if (args.job !== INIT && !JOBS[args.job]) {
      throw new PokkeInputError(
        `ジョブ「${args.job}」はありません(${[INIT, ...Object.keys(JOBS)].join(', ')})`,
        `Unknown job "${args.job}" (jobs: ${[INIT, ...Object.keys(JOBS)].join(', ')})`,
      );
    }
    if (args.demo && args.job !== INIT) {
      throw new PokkeInputError(
        '--demo は init でだけ使えます(npm run simulate -- init --demo --out demo.xlsx)',
        '--demo goes with init only (npm run simulate -- init --demo --out demo.xlsx)',
      );
    }
    // The demo's rows are dated around its own day: its clock starts there unless --now says.
    const now = clockStart(args.now ?? (args.demo ? readDemoCompany().now : undefined), options);
    const distDir = options.distDir ?? resolve('dist');
    // The inputs are checked before anything is built or run.
    const ready = () => {
      if (options.build !== false) build();
      if (!existsSync(join(distDir, 'Code.js'))) {
        throw new PokkeInputError(
          `${distDir}/Code.js がありません。先に npm run build を実行してください`,
          `${distDir}/Code.js is missing; run npm run build first`,
        );
      }
    };
    if (args.job === INIT) return await init(args, now, distDir, io, ready);
    return await runJob(args, JOBS[args.job] as JobSpec, now, distDir, io, ready);
  } catch (e) {
    io.err(errorIn(e, lang));
    return 1;
  }
}

/** A thrown error in `lang`: the CLI's own and the workbook reader's carry both languages. */
function errorIn(e: unknown, lang: Lang): string {
  if (e instanceof PokkeInputError) return inLang(e, lang);
  return messageOf(e);
}

function clockStart(now: string | undefined, options: SimulateOptions): number {
  if (now === undefined) return (options.defaultNow ?? Date.now)();
  const ms = parseTime(now, TIME_ZONE);
  if (ms === null) {
    throw new PokkeInputError(
      `--now の日時を読み取れません: ${now}(例: 2026-11-30T09:00+09:00 または 2026-11-30T09:00)`,
      `Cannot read --now: ${now} (e.g. 2026-11-30T09:00+09:00, or 2026-11-30T09:00 in Asia/Tokyo)`,
    );
  }
  return ms;
}

function build(): void {
  const result = spawnSync(process.execPath, [resolve('scripts/build.mjs')], { encoding: 'utf8' });
  if (result.status !== 0) {
    const detail = (result.stderr || result.stdout || '').trim().split('\n')[0] ?? '';
    throw new PokkeInputError(`ビルドに失敗しました: ${detail}`, `The build failed: ${detail}`);
  }
}

/** The bundle, its account speaking `lang` (the locale Pokke reads when the user chose none). */
function load(
  distDir: string,
  now: number,
  lang: Lang,
  user?: DemoCompany['user'],
): { bundle: Bundle; log: ExecutionLog } {
  const bundle = loadBundleFromDist(distDir, {
    now,
    timeZone: TIME_ZONE,
    ...(user ? { user } : {}),
  });
  bundle.workspace.user.locale = lang;
  return { bundle, log: new ExecutionLog(bundle) };
}

/**
 * `init --out template.xlsx`: setupWorkbook in a new, empty spreadsheet, exported; `--demo`: the
 * demo company's workbook, seeded exactly as the playground seeds it.
 */
async function init(
  args: Args,
  now: number,
  distDir: string,
  io: CliIo,
  ready: () => void,
): Promise<number> {
  if (!args.out || !/\.xlsx$/i.test(args.out)) {
    throw new PokkeInputError(
      'init には --out で .xlsx ファイル名を指定してください(例: --out template.xlsx)',
      'init needs --out with an .xlsx file name (e.g. --out template.xlsx)',
    );
  }
  const out = resolve(args.out);
  const say = sayIn(args.lang);
  ready();
  if (args.demo) {
    const demo = readDemoCompany();
    const { bundle, log } = load(distDir, now, args.lang, demo.user);
    try {
      seedDemo(bundle, log, demo, DEMO_DIR);
    } catch (e) {
      throw new PokkeInputError(
        `デモを準備できませんでした: ${messageOf(e)}`,
        `The demo could not be set up: ${messageOf(e)}`,
      );
    }
    const ss = bundle.workspace.SpreadsheetApp.active;
    if (!ss) throw new Error('The demo made no spreadsheet');
    mkdirSync(dirname(out), { recursive: true });
    await writeXlsxFile(modelFromSpreadsheet(ss), out);
    io.out(say(`デモのワークブックを書き出しました: ${out}`, `Wrote the demo workbook: ${out}`));
    return 0;
  }
  const { bundle, log } = load(distDir, now, args.lang);
  const ws = bundle.workspace;
  const ss = ws.SpreadsheetApp.createSpreadsheet(basename(out).replace(/\.xlsx$/i, ''), {
    locale: 'ja_JP',
    timeZone: TIME_ZONE,
  });
  const blank = ss.getSheets()[0];
  const result = log.run('setupWorkbook', 'job', () => bundle.run('setupWorkbook'));
  if (!result.ok)
    throw new PokkeInputError(
      `準備に失敗しました: ${result.message}`,
      `Setup failed: ${result.message}`,
    );
  if (blank && ss.getNumSheets() > 1 && blank.getLastRow() === 0) ss.deleteSheet(blank);
  mkdirSync(dirname(out), { recursive: true });
  await writeXlsxFile(modelFromSpreadsheet(ss), out);
  io.out(
    say(`空の Pokke ワークブックを書き出しました: ${out}`, `Wrote an empty Pokke workbook: ${out}`),
  );
  return 0;
}

async function runJob(
  args: Args,
  job: JobSpec,
  now: number,
  distDir: string,
  io: CliIo,
  ready: () => void,
): Promise<number> {
  if (!args.workbook) {
    throw new PokkeInputError(
      `${args.job} には --workbook で .xlsx ファイルを指定してください`,
      `${args.job} needs --workbook with an .xlsx file`,
    );
  }
  if (!args.out) {
    throw new PokkeInputError(
      '--out で出力先のフォルダーを指定してください',
      'Give the output folder with --out',
    );
  }
  const input = jobInput(args, job);
  const outDir = resolve(args.out);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    throw new PokkeInputError(
      `--out はフォルダーを指定してください: ${outDir}`,
      `--out must be a folder: ${outDir}`,
    );
  }
  if (job.receipt && !args.receipt) {
    throw new PokkeInputError(
      `${args.job} には --receipt で領収書のファイル(.pdf .png .jpg .eml)を指定してください`,
      `${args.job} needs --receipt with a receipt file (.pdf, .png, .jpg or .eml)`,
    );
  }
  // Read before anything runs: a missing or unknown file stops here.
  const receiptMail = job.receipt && args.receipt ? receiptAsMail(resolve(args.receipt)) : null;
  const say = sayIn(args.lang);
  const { workbook, notices } = await readXlsxFile(resolve(args.workbook), TIME_ZONE);
  for (const n of notices) io.out(inLang(n, args.lang));
  const setup = `npm run simulate -- setup --workbook ${basename(args.workbook)}`;
  const issues = checkWorkbook(workbook);
  // Listed after what the job did, before the output folder: the job's own lines come first.
  const warnings = cellWarnings(issues, args.lang);
  const report = preflightReport(
    blockingIssues(issues, job.needsSetup),
    args.lang,
    text(
      `先に setup を実行してワークブックを準備してください: ${setup} --out <フォルダー>(書き出された workbook.xlsx で ${args.job} を実行します)`,
      `Run setup first: ${setup} --out <dir>, then run ${args.job} on the workbook.xlsx it writes`,
    ),
  );
  if (report.length > 0) {
    for (const line of report) io.err(line);
    return 1;
  }

  ready();
  const { bundle, log } = load(distDir, now, args.lang);
  const ws = bundle.workspace;
  const ss = ws.SpreadsheetApp.createSpreadsheet(workbook.name, {
    locale: 'ja_JP',
    timeZone: TIME_ZONE,
  });
  loadIntoSpreadsheet(workbook, ss, () => ws.SpreadsheetApp.newDataValidation());
  if (job.demoCalendars) seedDemoCalendar(ws, DEMO_DIR);
  const jobArgs =
    typeof job.args === 'function' ? job.args(jobClock(now), input) : (job.args ?? []);
  const result = log.run(job.entryPoint, 'job', () => {
    if (receiptMail) {
      const manifest = JSON.parse(readFileSync(join(distDir, 'appsscript.json'), 'utf8'));
      const said = importReceipt(bundle, manifest, receiptMail);
      return { message: { ja: said, en: said } };
    }
    return job.triggered ? fireNow(bundle, job.entryPoint) : bundle.run(job.entryPoint, jobArgs);
  });

  mkdirSync(outDir, { recursive: true });
  const afterRun = modelFromSpreadsheet(ss);
  await writeXlsxFile(afterRun, join(outDir, 'workbook.xlsx'));
  const runLog = {
    job: args.job,
    workbook: resolve(args.workbook),
    now: new Date(now).toISOString(),
    timeZone: TIME_ZONE,
    result: result.ok ? (result.value ?? null) : null,
    executions: log.runs.map(executionJson),
  };
  writeFileSync(join(outDir, 'run-log.json'), `${JSON.stringify(runLog, null, 2)}\n`);
  const counts = ws.meter.counts();
  writeFileSync(join(outDir, 'calls.json'), `${JSON.stringify(callsJson(counts), null, 2)}\n`);
  const created = createdRecords(bundle);
  writeFileSync(join(outDir, 'tasks.json'), `${JSON.stringify(created.tasks, null, 2)}\n`);
  writeFileSync(join(outDir, 'events.json'), `${JSON.stringify(created.events, null, 2)}\n`);
  // Mails and Drive files, also after a failure (what was made before it is worth a look).
  const pdf = new PdfRenderer();
  let exported: { mails: string[]; files: string[] };
  try {
    exported = await exportOutbox(ws, outDir, pdf);
  } finally {
    await pdf.close();
  }
  if (pdf.unavailable) io.out(inLang(pdf.unavailable, args.lang));
  const { mails, files } = exported;
  const written = [
    'workbook.xlsx',
    'run-log.json',
    'calls.json',
    say(`tasks.json (${created.tasks.length}件)`, `tasks.json (${created.tasks.length})`),
    say(`events.json (${created.events.length}件)`, `events.json (${created.events.length})`),
    ...(mails.length
      ? [say(`mail/ (.eml ${mails.length}通)`, `mail/ (${mails.length} .eml)`)]
      : []),
    ...(files.length
      ? [say(`drive/ (${files.length}ファイル)`, `drive/ (${files.length} files)`)]
      : []),
    // A transfer file is what the owner came for: named in full.
    ...files.filter((f) => f.endsWith('.txt')),
  ];

  if (!result.ok) {
    io.err(result.message);
    io.err(say(`記録を書き出しました: ${outDir}`, `Logs written to: ${outDir}`));
    return 1;
  }
  const message = summaryOf(result.value, args.lang);
  if (message) io.out(message);
  if (job.reportFile) {
    writeFileSync(join(outDir, job.reportFile), `${JSON.stringify(result.value, null, 2)}\n`);
    for (const line of reportLines(result.value, args.lang)) io.out(line);
    written.unshift(job.reportFile);
  }
  if (job.triggered) {
    const outputs = {
      mails: ws.GmailApp.outbox(),
      googleTasks: created.tasks.length,
      events: created.events.length,
    };
    const day = tokyoDateKey(new Date(now));
    for (const line of runReport(day, workbook, afterRun, outputs, args.lang)) io.out(line);
  }
  for (const line of warnings) io.out(line);
  io.out(
    say(`出力: ${outDir}(${written.join('、')})`, `Output: ${outDir} (${written.join(', ')})`),
  );
  return 0;
}

/** The job's inputs besides the workbook: `--csv` read whole (its bytes go to the bundle as base64). */
function jobInput(args: Args, job: JobSpec): JobInput {
  if (!job.needsCsv) {
    if (args.csv !== undefined || args.confirmAbove !== undefined) {
      throw new PokkeInputError(
        `--csv と --confirm-above は reconcile でだけ使えます`,
        `--csv and --confirm-above go with reconcile only`,
      );
    }
    return {};
  }
  if (!args.csv) {
    throw new PokkeInputError(
      `${args.job} には --csv で銀行の明細CSVを指定してください`,
      `${args.job} needs --csv with the bank statement CSV`,
    );
  }
  const path = resolve(args.csv);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new PokkeInputError(`CSVファイルがありません: ${path}`, `No such CSV file: ${path}`);
  }
  return {
    csv: { fileName: basename(path), base64: readFileSync(path).toString('base64') },
    ...(args.confirmAbove === undefined ? {} : { confirmAbove: args.confirmAbove }),
  };
}

function jobClock(now: number): JobClock {
  const w = wallClock(now, TIME_ZONE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { now, timeZone: TIME_ZONE, today: `${w.year}-${pad(w.month)}-${pad(w.day)}` };
}

/**
 * What the job made in Google Tasks and Google Calendar, read from the emulator's own records
 * (uncounted): every task not deleted, with its list's title, and every event of any calendar
 * (the CLI seeds none, so each one is the bundle's), cancelled ones included with their status.
 */
export function createdRecords(bundle: Bundle): { tasks: unknown[]; events: unknown[] } {
  const ws = bundle.workspace;
  const tasksApi = ws.advanced<TasksAdvancedEmulator>('tasks');
  const lists = new Map(tasksApi.lists().map((l) => [l.id, l.title ?? '']));
  const tasks = tasksApi
    .allTasks()
    .filter((t) => !t.deleted)
    .map(({ tasklistId, ...task }) => ({
      tasklistId,
      tasklist: lists.get(tasklistId) ?? '',
      ...task,
    }));
  const events = ws
    .advanced<CalendarAdvancedEmulator>('calendar')
    .allEvents()
    .filter((e) => !e.seeded)
    .map(({ seeded: _seeded, ...event }) => event);
  return { tasks, events };
}

/** The one-line summary a job's report carries (`message`, a Text), in `lang`. */
function summaryOf(value: unknown, lang: Lang): string {
  if (typeof value === 'object' && value !== null && 'message' in value) {
    const m = (value as { message: unknown }).message;
    if (isText(m)) return inLang(m, lang);
  }
  return '';
}

/** A report's `slots` (each with a `label` Text) and `problems`, one line each. */
function reportLines(value: unknown, lang: Lang): string[] {
  const r = (value ?? {}) as { slots?: { label?: unknown }[]; problems?: unknown[] };
  return [
    ...(r.problems ?? []).filter(isText).map((p) => `⚠ ${inLang(p, lang)}`),
    ...(r.slots ?? []).flatMap((s) => (isText(s.label) ? [`・${inLang(s.label, lang)}`] : [])),
  ];
}

function isText(value: unknown): value is Text {
  if (typeof value !== 'object' || value === null) return false;
  const { ja, en } = value as Partial<Record<keyof Text, unknown>>;
  return typeof ja === 'string' && typeof en === 'string';
}

function executionJson(run: RunEntry) {
  return {
    name: run.name,
    startedAt: new Date(run.startedAt).toISOString(),
    endedAt: new Date(run.endedAt).toISOString(),
    ok: run.ok,
    ...(run.error !== undefined ? { error: run.error } : {}),
    calls: run.calls,
    logs: run.logs.map((l) => ({
      at: new Date(l.at).toISOString(),
      level: l.level,
      message: l.message,
    })),
  };
}

function callsJson(counts: Record<string, number>) {
  const byService: Record<string, number> = {};
  let total = 0;
  for (const [key, n] of Object.entries(counts)) {
    const service = key.split('.')[0] ?? key;
    byService[service] = (byService[service] ?? 0) + n;
    total += n;
  }
  return { total, byService, calls: counts };
}

if (/scripts[\\/]simulate\.ts$/.test(process.argv[1] ?? '')) {
  simulate(process.argv.slice(2), {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  }).then((code) => process.exit(code));
}
