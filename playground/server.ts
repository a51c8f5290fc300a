/**
 * `npm start`: the local playground. Serves one page (playground/web/) and a JSON API over one
 * in-memory session (session.ts) running the built dist/Code.js in the emulator.
 *
 *   tsx playground/server.ts [--port 8080] [--host 127.0.0.1] [--workbook file.xlsx] [--now ISO]
 *   (PORT in the environment when --port is not given; a --workbook is checked first, as
 *   `npm run simulate` checks it: a malformed one prints the problems and exits 1)
 *
 * API (every POST answers { ok, message?, state } unless noted):
 *   GET  /api/state              the whole state (workbook grid, menus, sidebar, clock, log, calls)
 *   GET  /sidebar/<id>           the sidebar the bundle showed, with the google.script.run stand-in
 *   GET  /dialog/<epoch>/<n>     an HTML dialog the bundle showed (showModalDialog), likewise
 *   GET  /api/files/<id>.pdf     a Drive file as a real PDF (headless Chromium renders the HTML;
 *                                without a browser, the invoice's HTML with a one-line hint)
 *   GET  /api/files/<id>         a Drive file's bytes as stored (a CSV, a photo, an .eml), to save
 *   GET  /api/mail/<id>.eml      a draft or sent mail as an .eml file (PDFs rendered for real)
 *   GET  /api/mail/<id>/attachments/<n>.pdf   a mail's PDF attachment, rendered for real
 *   GET  /api/workbook.xlsx      the workbook as it is now, as `simulate` writes it
 *   POST /api/run                { name, argsJson } → { ok: true, json } | { ok: false, message }
 *   POST /api/picker             { action: 'list' | 'pick', value } → the Google Picker stand-in's
 *                                Drive files, or the pick granted to the app (drive.file)
 *   POST /api/menu               { functionName }   a click on a menu item
 *   POST /api/sidebar/close      the person closed the sidebar
 *   POST /api/clock              { action: 'set', at } | { action: 'advance', ms } | { action: 'monthEnd' }
 *                                | { action: 'lastBusinessDay' }
 *   POST /api/triggers/fire      runs the time-driven triggers due up to now (and the one-off
 *                                triggers those runs create), each recorded in the run log
 *   POST /api/reset              back to the starting workbook (in the language chosen)
 *   POST /api/language           { language: 'ja' | 'en' }   the emulated account's locale; the
 *                                menus and the open cards are built again in that language
 *   POST /api/cell               { sheet, cell: 'A12', text }   the person types into a cell
 *   POST /api/outbox/render      renders the outbox's PDFs (their real sizes show in the state)
 *   POST /api/gmail/open         { messageId }   Gmail opens a mail: the add-on's card for it
 *   POST /api/gmail/home         the add-on's homepage card
 *   POST /api/gmail/action       { functionName, parameters, formValues, host? }   a card button
 *                                (host: 'gmail', the default, or 'calendar': the Calendar pane's card)
 *   POST /api/card/navigate      { host?, action: 'back' } | { host?, action: 'open', index }
 *                                the card's back arrow, or one card of a list of several
 *   POST /api/calendar/week      { delta: -1 | 0 | 1 }   the Calendar pane's week
 *   POST /api/calendar/home      the Calendar add-on's homepage card
 */

import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { inLang } from '../src/core/text';
import { messageOf, PokkeInputError } from './errors';
import {
  attachmentDownload,
  type Download,
  fileDownload,
  mailEml,
  renderOutboxPdfs,
} from './outbox';
import { PdfRenderer, type PdfRendererOptions } from './pdf';
import { blockingIssues, cellWarnings, checkWorkbook, preflightReport } from './preflight';
import type { ActionReply, ClockAction } from './protocol';
import { Playground, parseTime, type SessionOptions } from './session';
import { modelFromSpreadsheet } from './sheets';
import { readXlsxFile, writeXlsx } from './xlsx';

export interface ServerOptions extends SessionOptions {
  port?: number;
  host?: string;
  /** Where playground/web is (the page's source). */
  webDir?: string;
  /** How PDFs are rendered (tests stand in for the browser lookup). */
  pdfRenderer?: PdfRendererOptions;
}

export interface RunningServer {
  url: string;
  port: number;
  playground: Playground;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

/** Content Security Policy of a sidebar: inline code only, nothing from the network (no CDN). */
const SIDEBAR_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/** An invoice's HTML shown instead of its PDF: a sandboxed page that runs and loads nothing. */
const INVOICE_HTML_CSP =
  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const webDir = options.webDir ?? resolve('playground/web');
  /** Chromium starts on the first PDF asked for and stops with the server. */
  const pdf = new PdfRenderer(options.pdfRenderer);
  const playground = new Playground({ ...options, pdf });
  const page = readFileSync(join(webDir, 'index.html'), 'utf8');
  const css = readFileSync(join(webDir, 'style.css'), 'utf8');
  const js = await bundlePage(join(webDir, 'main.mts'));

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      // A page opened in a tab (a PDF, a download) gets a line of text, never a JSON document.
      if (req.method === 'GET') send(res, 500, 'text/plain; charset=utf-8', messageOf(e));
      else sendJson(res, 500, { ok: false, message: messageOf(e) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (req.method === 'GET') {
      if (path === '/' || path === '/index.html')
        return send(res, 200, 'text/html; charset=utf-8', page);
      if (path === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', js);
      if (path === '/app.css') return send(res, 200, 'text/css; charset=utf-8', css);
      if (path === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
      if (path === '/api/state') return sendJson(res, 200, playground.state());
      const sidebar = /^\/sidebar\/(\d+)$/.exec(path);
      if (sidebar) {
        const html = playground.sidebarHtml(Number(sidebar[1]));
        if (html === null) return send(res, 404, 'text/plain; charset=utf-8', 'No such sidebar');
        res.setHeader('Content-Security-Policy', SIDEBAR_CSP);
        return send(res, 200, 'text/html; charset=utf-8', html);
      }
      const dialog = /^\/dialog\/(\d+)\/(\d+)$/.exec(path);
      if (dialog) {
        const html = playground.dialogHtml(Number(dialog[1]), Number(dialog[2]));
        if (html === null) return send(res, 404, 'text/plain; charset=utf-8', 'No such dialog');
        res.setHeader('Content-Security-Policy', SIDEBAR_CSP);
        return send(res, 200, 'text/html; charset=utf-8', html);
      }
      const file = /^\/api\/files\/([^/]+)\.pdf$/.exec(path);
      if (file) {
        const ws = playground.workspace;
        return sendDownload(res, pdfOnly(await fileDownload(ws, decode(file[1]), pdf)), 'inline');
      }
      const stored = /^\/api\/files\/([^/.]+)$/.exec(path);
      if (stored) {
        const ws = playground.workspace;
        return sendDownload(res, await fileDownload(ws, decode(stored[1]), pdf), 'attachment');
      }
      if (path === '/api/workbook.xlsx') {
        const ss = playground.workspace.SpreadsheetApp.active;
        if (!ss) return send(res, 404, 'text/plain; charset=utf-8', 'No spreadsheet');
        const bytes = await writeXlsx(modelFromSpreadsheet(ss));
        const name = `${ss.getName().replace(/[\\/:*?"<>|]/g, '_')}.xlsx`;
        return sendDownload(res, { name, contentType: XLSX, bytes }, 'attachment');
      }
      const attachment = /^\/api\/mail\/([^/]+)\/attachments\/(\d+)\.pdf$/.exec(path);
      if (attachment) {
        const ws = playground.workspace;
        const id = decode(attachment[1]);
        const download = await attachmentDownload(ws, id, Number(attachment[2]), pdf);
        return sendDownload(res, pdfOnly(download), 'inline');
      }
      const mail = /^\/api\/mail\/([^/]+)\.eml$/.exec(path);
      if (mail) {
        const ws = playground.workspace;
        const id = decode(mail[1]);
        const eml = await mailEml(ws, id, pdf);
        const subject = ws.GmailApp.outbox().find((m) => m.messageId === id)?.subject;
        const download: Download | null =
          eml === null
            ? null
            : {
                name: `${(subject || 'mail').replace(/[\\/:*?"<>|]/g, '_')}.eml`,
                contentType: 'message/rfc822',
                bytes: Buffer.from(eml, 'utf8'),
              };
        return sendDownload(res, download, 'attachment');
      }
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
    if (req.method !== 'POST')
      return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    let body: Record<string, unknown>;
    try {
      body = await readJson(req);
    } catch (e) {
      return sendJson(res, 400, { ok: false, message: messageOf(e) });
    }
    const reply = (outcome: { ok: boolean; message?: string }): void => {
      const out: ActionReply = { ok: outcome.ok, state: playground.state() };
      if (outcome.message) out.message = outcome.message;
      sendJson(res, 200, out);
    };
    switch (path) {
      case '/api/run': {
        const name = body['name'];
        const argsJson = body['argsJson'] ?? '[]';
        if (typeof name !== 'string' || typeof argsJson !== 'string') {
          return sendJson(res, 400, { ok: false, message: 'Expected { name, argsJson }' });
        }
        return sendJson(res, 200, playground.runFromSidebar(name, argsJson));
      }
      case '/api/picker': {
        const action = body['action'];
        if (typeof action !== 'string')
          return sendJson(res, 400, { ok: false, message: 'Expected { action, value }' });
        return sendJson(res, 200, playground.picker(action, body['value']));
      }
      case '/api/menu': {
        const fn = body['functionName'];
        if (typeof fn !== 'string')
          return sendJson(res, 400, { ok: false, message: 'Expected { functionName }' });
        return reply(playground.clickMenu(fn));
      }
      case '/api/sidebar/close':
        return reply(playground.closeSidebar());
      case '/api/clock':
        return reply(playground.clock(body as unknown as ClockAction));
      case '/api/triggers/fire':
        return reply(playground.fireDueTriggers());
      case '/api/reset':
        playground.reset();
        return reply({ ok: true });
      case '/api/language':
        return reply(playground.setLanguage(body['language']));
      case '/api/cell': {
        const { sheet, cell, text } = body;
        if (typeof sheet !== 'string' || typeof cell !== 'string' || typeof text !== 'string') {
          return sendJson(res, 400, { ok: false, message: 'Expected { sheet, cell, text }' });
        }
        return reply(playground.editCell(sheet, cell, text));
      }
      case '/api/outbox/render':
        await renderOutboxPdfs(playground.workspace, pdf);
        return reply(
          pdf.unavailable
            ? { ok: true, message: inLang(pdf.unavailable, playground.language) }
            : { ok: true },
        );
      case '/api/gmail/open': {
        const id = body['messageId'];
        if (typeof id !== 'string')
          return sendJson(res, 400, { ok: false, message: 'Expected { messageId }' });
        return reply(playground.gmailOpen(id));
      }
      case '/api/gmail/home':
        return reply(playground.gmailHome());
      case '/api/gmail/action': {
        const fn = body['functionName'];
        const params = body['parameters'] ?? {};
        const values = body['formValues'] ?? {};
        const host = body['host'] ?? 'gmail';
        if (
          typeof fn !== 'string' ||
          typeof params !== 'object' ||
          typeof values !== 'object' ||
          (host !== 'gmail' && host !== 'calendar')
        ) {
          return sendJson(res, 400, {
            ok: false,
            message:
              "Expected { functionName, parameters, formValues, host?: 'gmail' | 'calendar' }",
          });
        }
        return reply(
          playground.cardAction(
            host,
            fn,
            params as Record<string, string>,
            values as Record<string, import('../emulator/addon-events').FormValue>,
          ),
        );
      }
      case '/api/card/navigate': {
        const host = body['host'] ?? 'gmail';
        const action = body['action'];
        const index = body['index'];
        if (host !== 'gmail' && host !== 'calendar') {
          return sendJson(res, 400, { ok: false, message: "Expected host: 'gmail' | 'calendar'" });
        }
        if (action === 'back') return reply(playground.cardNavigate(host, { action: 'back' }));
        if (action === 'open' && typeof index === 'number') {
          return reply(playground.cardNavigate(host, { action: 'open', index }));
        }
        return sendJson(res, 400, {
          ok: false,
          message: "Expected { host?, action: 'back' } or { host?, action: 'open', index }",
        });
      }
      case '/api/calendar/week': {
        const delta = body['delta'];
        if (typeof delta !== 'number')
          return sendJson(res, 400, { ok: false, message: 'Expected { delta }' });
        return reply(playground.calendarMove(delta));
      }
      case '/api/calendar/home':
        return reply(playground.calendarHome());
      default:
        return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${address.port}/`,
    port: address.port,
    playground,
    close: async () => {
      await closeServer(server);
      await pdf.close();
    },
  };
}

async function bundlePage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * The .pdf endpoints serve PDFs, or an invoice's HTML when no browser renders PDFs (outbox.ts
 * `realFile`), which `sendDownload` serves sandboxed; any other file is not found.
 */
function pdfOnly(download: Download | null): Download | null {
  if (!download) return null;
  return /^application\/pdf\b/i.test(download.contentType) || download.htmlInsteadOfPdf
    ? download
    : null;
}

const isHtml = (download: Download) => /^text\/html\b/i.test(download.contentType);

function decode(part: string | undefined): string {
  try {
    return decodeURIComponent(part ?? '');
  } catch {
    return '';
  }
}

/** A file to open (`inline`) or to save (`attachment`), its name in UTF-8 (RFC 6266). */
function sendDownload(
  res: ServerResponse,
  download: Download | null,
  disposition: 'inline' | 'attachment',
): void {
  if (!download) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    return;
  }
  const ascii = download.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (isHtml(download)) res.setHeader('Content-Security-Policy', INVOICE_HTML_CSP);
  res.writeHead(200, {
    'content-type': download.contentType,
    'content-length': download.bytes.length,
    'content-disposition': `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(download.name)}`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(download.bytes);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('Request too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PokkeInputError(
      'リクエストが JSON オブジェクトではありません',
      'The request body is not a JSON object',
    );
  }
  return value as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Command line

export interface CliArgs {
  port: number;
  host: string;
  workbook?: string;
  now?: string;
}

export const SERVER_USAGE =
  'npm start -- [--port 8080] [--host 127.0.0.1] [--workbook file.xlsx] [--now 2026-11-30T09:00+09:00]';

/**
 * The options of `npm start -- …`: `--port` (else the `PORT` variable, else 8080), `--host`,
 * `--workbook`, `--now`, each as `--name value` or `--name=value`; `'help'` for --help / -h.
 * Throws a bilingual PokkeInputError for anything else.
 */
export function parseServerArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): CliArgs | 'help' {
  const fromEnv = env['PORT'];
  const args: CliArgs = {
    port: fromEnv === undefined || fromEnv === '' ? 8080 : portNumber(fromEnv, 'PORT'),
    host: '127.0.0.1',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? '';
    const [name, inline] = flag.includes('=') ? flag.split(/=(.*)/s, 2) : [flag, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) {
        throw new PokkeInputError(`${name} に値を指定してください`, `${name} needs a value`);
      }
      return v;
    };
    switch (name) {
      case '--port':
        args.port = portNumber(value(), '--port');
        break;
      case '--host':
        args.host = value();
        break;
      case '--workbook':
        args.workbook = value();
        break;
      case '--now':
        args.now = value();
        break;
      case '--help':
      case '-h':
        return 'help';
      default:
        throw new PokkeInputError(`不明なオプションです: ${flag}`, `Unknown option: ${flag}`);
    }
  }
  return args;
}

function portNumber(text: string, what: string): number {
  const port = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new PokkeInputError(
      `ポート番号が正しくありません(${what}: ${text})`,
      `Invalid port number (${what}: ${text})`,
    );
  }
  return port;
}

export interface ServerCliIo {
  out(line: string): void;
  err(line: string): void;
}

/**
 * From the command line to the server's options: reads `--workbook` and runs the CLI's preflight
 * check on it (playground/preflight.ts) — a malformed workbook prints the same bilingual lines as
 * `npm run simulate` and gives exit code 1; so do bad arguments. Missing sheets and columns do
 * not stop the playground (its menu runs ワークブックを準備). Returns the options, or an exit code.
 */
export async function serverOptionsFromCli(
  argv: readonly string[],
  io: ServerCliIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<ServerOptions | number> {
  try {
    const args = parseServerArgs(argv, env);
    if (args === 'help') {
      io.out(SERVER_USAGE);
      return 0;
    }
    const options: ServerOptions = { port: args.port, host: args.host };
    if (args.now) {
      if (parseTime(args.now, 'Asia/Tokyo') === null) {
        throw new PokkeInputError(
          `--now の日時を読み取れません: ${args.now}(例: 2026-11-30T09:00+09:00 または 2026-11-30T09:00)`,
          `Cannot read --now: ${args.now} (e.g. 2026-11-30T09:00+09:00, or 2026-11-30T09:00 in Asia/Tokyo)`,
        );
      }
      options.now = args.now;
    }
    if (args.workbook) {
      const { workbook, notices } = await readXlsxFile(resolve(args.workbook), 'Asia/Tokyo');
      for (const n of notices) io.out(inLang(n, 'ja'));
      const issues = checkWorkbook(workbook);
      for (const line of cellWarnings(issues)) io.out(line);
      const report = preflightReport(blockingIssues(issues, false));
      if (report.length > 0) {
        for (const line of report) io.err(line);
        return 1;
      }
      options.workbook = workbook;
    }
    return options;
  } catch (e) {
    io.err(messageOf(e));
    return 1;
  }
}

async function main(): Promise<void> {
  const io: ServerCliIo = {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
  };
  const options = await serverOptionsFromCli(process.argv.slice(2), io);
  if (typeof options === 'number') process.exit(options);
  const server = await startServer(options);
  console.log(`Pokke プレイグラウンド / playground: ${server.url}`);
  console.log('終了するには Ctrl+C / Press Ctrl+C to stop');
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (/playground[\\/]server\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((e) => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(
        'このポートは使用中です。--port で別の番号を指定してください / The port is in use; choose another with --port',
      );
    } else {
      console.error(messageOf(e));
    }
    process.exit(1);
  });
}
