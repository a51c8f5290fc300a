import { createHash } from 'node:crypto';
import type { Bundle } from '../../emulator/runtime';
import { calendarEvents, records } from './automations-support';

/**
 * A run cut off after every call count k = 0, 1, 2, … to its last call, then recovered as the
 * owner and the triggers would, must leave the books exactly as one clean run does. Each case
 * says how to make the same starting workbook, the one execution to cut off, and what follows.
 */
export interface SweepCase {
  /** A fresh workbook, the same every time. */
  readonly make: () => Bundle;
  /** The one execution to cut off. */
  readonly run: (bundle: Bundle, killAfter?: number) => void;
  /** What follows a cut-off run: the owner runs again, triggers fire. */
  readonly recover: (bundle: Bundle) => void;
}

/** A sweep makes a few hundred workbooks and runs: minutes, not the default minute. */
export const SWEEP_TIMEOUT_MS = 20 * 60_000;

export interface SweepResult {
  /** Calls the clean run made (the sweep cut it at every count below). */
  readonly calls: number;
  /** The cut points whose end state differs from the clean run's, with the first difference. */
  readonly mismatches: string[];
}

/**
 * Runs the sweep with Apps Script either keeping or dropping the writes a dying execution had
 * not flushed (undocumented: Pokke must be right either way).
 */
export function sweep(c: SweepCase, unflushedWrites: 'kept' | 'lost'): SweepResult {
  const clean = c.make();
  clean.workspace.meter.startTrace();
  c.run(clean);
  const calls = clean.workspace.meter.trace().length;
  const want = endState(clean);
  const mismatches: string[] = [];
  for (let k = 0; k < calls; k++) {
    const bundle = c.make();
    bundle.workspace.SpreadsheetApp.unflushedWrites = unflushedWrites;
    let died = false;
    try {
      c.run(bundle, k);
    } catch {
      died = true;
    }
    bundle.workspace.SpreadsheetApp.unflushedWrites = 'kept';
    if (!died) mismatches.push(`k=${k}: the run was not cut off`);
    c.recover(bundle);
    const got = endState(bundle);
    const diff = firstDifference(want, got);
    if (diff) mismatches.push(`k=${k}: ${diff}`);
  }
  return { calls, mismatches };
}

type State = Record<string, string[]>;

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/**
 * What the owner and the clients see: every sheet but 実行ログ (a log of the executions, which a
 * recovered run rightly has more of), Drive's files with their contents, Gmail's drafts and sent
 * mail, the calendar's events and the pending triggers. Links become what they point to and
 * times of day are masked (a recovered run records later times).
 */
export function endState(bundle: Bundle): State {
  const ws = bundle.workspace;
  const files = ws.DriveApp.allFiles();
  const mails = ws.GmailApp.outbox();
  const fileByUrl = new Map(files.map((f) => [f.url, f.path]));
  const mailById = new Map(mails.map((m) => [m.messageId, `${m.kind}:${m.subject}`]));
  const clean = (cell: string) =>
    cell
      .replace(/https:\/\/drive\.google\.com\/\S+/g, (url) => `drive:${fileByUrl.get(url) ?? '?'}`)
      .replace(
        /https:\/\/mail\.google\.com\/mail\/#drafts\?compose=(\w+)/g,
        (_url, id: string) => `mail:${mailById.get(id) ?? 'gone'}`,
      )
      .replace(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}(:\d{2})?/g, '<time>')
      .replace(/\d{1,2}:\d{2}(:\d{2})?/g, '<hh:mm>');
  const state: State = {};
  for (const sheet of ws.SpreadsheetApp.active!.getSheets()) {
    const name = sheet.getName();
    if (name === '実行ログ') continue;
    state[`sheet ${name}`] = records(bundle, name).map((r) =>
      Object.entries(r)
        .map(([k, v]) => `${k}=${clean(v)}`)
        .join(' | '),
    );
  }
  state.drive = files.map((f) => `${f.path} ${hash(f.sourceHtml ?? String(f.size))}`).sort();
  state.gmail = mails
    .map(
      (m) =>
        `${m.kind} to=${m.to} ${m.subject} [${m.attachments.map((a) => a.name).join(',')}] ${hash(m.plainBody)}`,
    )
    .sort();
  state.calendar = calendarEvents(bundle)
    .map((e) => `${e.summary} ${e.start?.dateTime ?? e.start?.date}`)
    .sort();
  const props = {
    script: ws.PropertiesService.getScriptProperties().getProperties(),
    document: ws.PropertiesService.getDocumentProperties().getProperties(),
    user: ws.PropertiesService.getUserProperties().getProperties(),
  };
  state.properties = Object.entries(props).flatMap(([store, values]) =>
    Object.entries(values)
      .map(
        ([k, v]) =>
          `${store}.${k}=${String(v).replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<instant>')}`,
      )
      .sort(),
  );
  state.triggers = ws.ScriptApp.getProjectTriggers()
    .map((t) => t.getHandlerFunction())
    .sort();
  return state;
}

function firstDifference(want: State, got: State): string | undefined {
  for (const key of new Set([...Object.keys(want), ...Object.keys(got)])) {
    const a = want[key] ?? [];
    const b = got[key] ?? [];
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (a[i] !== b[i]) return `${key}[${i}]: want ${a[i] ?? '(none)'} got ${b[i] ?? '(none)'}`;
    }
  }
  return undefined;
}
