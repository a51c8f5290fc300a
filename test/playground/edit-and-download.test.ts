/**
 * What a newcomer does to the playground beyond the menus: types into cells (read as Sheets reads
 * typed input), downloads the workbook as .xlsx, reads the run log's call counts (as the README
 * counts calls), looks at the outbox's PDF sizes, and resets after being asked. Also the same
 * server on a machine without any Chromium or Chrome: it starts, and a PDF opens as the
 * invoice's HTML with a one-line hint. Runs against dist/ (npm test builds it first).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ActionReply, PlaygroundState, RunReply } from '../../playground/protocol';
import { type RunningServer, startServer } from '../../playground/server';
import { readXlsx } from '../../playground/xlsx';
import { isRealPdf } from './support/mime';

const servers: RunningServer[] = [];

beforeAll(() => {
  if (!existsSync(resolve('dist/Code.js')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
}, 60000);

afterAll(async () => {
  for (const s of servers) await s.close();
});

async function start(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const server = await startServer({ port: 0, ...options });
  servers.push(server);
  return server;
}

function client(server: RunningServer) {
  return {
    async state(): Promise<PlaygroundState> {
      return (await (await fetch(new URL('/api/state', server.url))).json()) as PlaygroundState;
    },
    async post<T = ActionReply>(path: string, body: unknown = {}): Promise<T> {
      const res = await fetch(new URL(path, server.url), {
        method: 'POST',
        body: JSON.stringify(body),
      });
      return (await res.json()) as T;
    },
    get(path: string): Promise<Response> {
      return fetch(new URL(path, server.url));
    },
  };
}

/** The cell under `header` in row `row` (1-based) of a sheet of the state. */
function cell(state: PlaygroundState, sheetName: string, header: string, row: number) {
  const sheet = state.workbook?.sheets.find((s) => s.name === sheetName);
  const column = sheet?.rows[0]?.findIndex((c) => c?.t === header) ?? -1;
  if (!sheet || column < 0) throw new Error(`no ${header} in ${sheetName}`);
  const letter = String.fromCharCode(65 + column);
  return { a1: `${letter}${row}`, view: sheet.rows[row - 1]?.[column] ?? null };
}

/** The first row of 売上明細 with nothing in it. */
function firstEmptySalesRow(state: PlaygroundState): number {
  const rows = state.workbook?.sheets.find((s) => s.name === '売上明細')?.rows ?? [];
  return rows.findIndex((r, i) => i > 0 && r.every((c) => !c?.t)) + 1;
}

describe('typing into a cell', () => {
  let server: RunningServer;
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    server = await start();
    api = client(server);
  });

  it('is read as Sheets reads typed input: dates, numbers, percentages, text kept with an apostrophe', async () => {
    const before = await api.state();
    const row = firstEmptySalesRow(before);
    expect(row).toBeGreaterThan(2);
    const type = async (header: string, text: string) => {
      const { a1 } = cell(await api.state(), '売上明細', header, row);
      const reply = await api.post('/api/cell', { sheet: '売上明細', cell: a1, text });
      expect([header, reply.ok, reply.message]).toEqual([header, true, undefined]);
      return cell(reply.state, '売上明細', header, row).view;
    };
    expect(await type('日付', '2026-11-27')).toMatchObject({ t: '2026/11/27', r: 1 });
    expect(await type('取引先', '株式会社さくら食品')).toMatchObject({ t: '株式会社さくら食品' });
    expect(await type('品目', '追加の焼き菓子')).toMatchObject({ t: '追加の焼き菓子' });
    // 単価 is formatted #,##0: the typed number shows grouped, the editor starts unformatted.
    expect(await type('単価', '1,500')).toMatchObject({ t: '1,500', r: 1, e: '1500' });
    expect(await type('税率', '10%')).toMatchObject({ t: '10%', dd: 1 });
    // An apostrophe keeps text as text: left-aligned, and the editor shows the apostrophe.
    const quantity = await type('数量', "'12");
    expect(quantity).toMatchObject({ t: '12', e: "'12" });
    expect(quantity?.r).toBeUndefined();
    expect(await type('数量', '10')).toMatchObject({ t: '10', r: 1 });
    // The dropdown's choices come with the grid, for the editor to offer.
    const sales = (await api.state()).workbook?.sheets.find((s) => s.name === '売上明細');
    const rate = cell(await api.state(), '売上明細', '税率', row).view;
    expect(sales?.lists[rate?.l ?? -1]).toEqual(['10%', '8%', '0%', '非課税']);
  });

  it('refuses what a dropdown rejects, with the cell and the reason, and leaves the cell as it was', async () => {
    const { a1, view } = cell(await api.state(), '売上明細', '税率', 2);
    const reply = await api.post('/api/cell', { sheet: '売上明細', cell: a1, text: '12%' });
    expect(reply.ok).toBe(false);
    expect(reply.message).toMatch(new RegExp(`^${a1}: `));
    expect(cell(reply.state, '売上明細', '税率', 2).view).toEqual(view);
  });

  it('is not a service call of the script, and counts as something a reset throws away', async () => {
    const state = await api.state();
    expect(state.sinceReset.edits).toBeGreaterThan(0);
    const calls = state.calls;
    const { a1 } = cell(state, '売上明細', 'メモ', 2);
    const reply = await api.post('/api/cell', { sheet: '売上明細', cell: a1, text: 'メモ' });
    expect(reply.state.calls).toEqual(calls);
    expect(reply.state.runs).toHaveLength(state.runs.length);
    expect(reply.state.sinceReset.edits).toBe(state.sinceReset.edits + 1);
    const reset = await api.post('/api/reset');
    expect(reset.state.sinceReset).toEqual({ runs: 0, edits: 0, clockMoved: false });
  });

  it('names what it cannot do: no such sheet, no such cell, a body without text', async () => {
    const noSheet = await api.post('/api/cell', { sheet: 'なし', cell: 'A1', text: 'x' });
    expect(noSheet).toMatchObject({
      ok: false,
      message: 'シート「なし」はありません',
    });
    const noCell = await api.post('/api/cell', { sheet: '売上明細', cell: 'A0', text: 'x' });
    expect(noCell.ok).toBe(false);
    const res = await fetch(new URL('/api/cell', server.url), {
      method: 'POST',
      body: JSON.stringify({ sheet: '売上明細', cell: 'A2' }),
    });
    expect(res.status).toBe(400);
  });

  it('the workbook downloads as .xlsx with the edits, as simulate reads it', async () => {
    const state = await api.state();
    const row = firstEmptySalesRow(state);
    const date = cell(state, '売上明細', '日付', row).a1;
    await api.post('/api/cell', { sheet: '売上明細', cell: date, text: '2026年11月28日' });
    const res = await api.get('/api/workbook.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; .*\.xlsx/);
    const { workbook } = await readXlsx(
      Buffer.from(await res.arrayBuffer()),
      'download.xlsx',
      'Asia/Tokyo',
    );
    const sales = workbook.sheets.find((s) => s.name === '売上明細');
    const value = sales?.values[row - 1]?.[0];
    expect(value).toBeInstanceOf(Date);
    expect((value as Date).toISOString()).toBe('2026-11-27T15:00:00.000Z');
  });
});

describe('the run log counts calls as the README does', () => {
  /** The first figure of the README's Performance row that starts with `label`. */
  function readmeCalls(label: string): number {
    const readme = readFileSync(resolve('README.md'), 'utf8');
    const line = readme.split('\n').find((l) => l.startsWith(`| ${label} |`));
    const figure = /^\| [^|]+\| (\d+)/.exec(line ?? '');
    if (!figure) throw new Error(`README has no Performance row for ${label}`);
    return Number(figure[1]);
  }

  it('onOpen, the settings sidebar, the invoice preview and the Gmail cards', async () => {
    const server = await start();
    const api = client(server);
    const last = async (name: string) =>
      (await api.state()).runs.filter((r) => r.name === name).at(-1);
    expect((await last('onOpen'))?.calls).toBe(readmeCalls('`onOpen`'));
    await api.post<RunReply>('/api/run', { name: 'settingsLoad', argsJson: '[]' });
    expect((await last('settingsLoad'))?.calls).toBe(readmeCalls('settings: load / save'));
    await api.post<RunReply>('/api/run', {
      name: 'invoicesPreview',
      argsJson: JSON.stringify([{ closingDate: '2026-11-30' }]),
    });
    expect((await last('invoicesPreview'))?.calls).toBe(
      readmeCalls('invoices: preview (demo, 4 clients)'),
    );
    // CardService builders run locally: listed apart, in neither the run's count nor the total.
    await api.post('/api/gmail/home');
    const home = await last('onGmailHomepage');
    expect(home?.calls).toBe(
      readmeCalls('Gmail: homepage (no task linked to Google / linked tasks in 2 lists)'),
    );
    const state = await api.state();
    expect(Object.keys(state.calls).some((k) => k.startsWith('CardService.'))).toBe(false);
    expect(Object.keys(state.localCalls).length).toBeGreaterThan(0);
    const total = Object.values(state.calls).reduce((a, b) => a + b, 0);
    expect(total).toBe(state.runs.reduce((a, r) => a + r.calls, 0));
    const mail = state.gmail?.mails.find((m) => m.subject.includes('お見積り'));
    await api.post('/api/gmail/open', { messageId: mail?.id });
    expect((await last('onGmailMessageOpen'))?.calls).toBe(
      readmeCalls('Gmail: open a mail (card with the suggested task)'),
    );
  });
});

/** Issues the demo month (4 invoices) on a fresh server. */
async function issueDemoMonth(api: ReturnType<typeof client>): Promise<PlaygroundState> {
  await api.post('/api/clock', { action: 'set', at: '2026-11-30T18:00' });
  const run = await api.post<RunReply>('/api/run', {
    name: 'invoicesIssue',
    argsJson: JSON.stringify([{ closingDate: '2026-11-30' }]),
  });
  expect(run.ok).toBe(true);
  return api.state();
}

describe('the outbox', () => {
  it('gives the real size of each PDF once rendered', async () => {
    const api = client(await start());
    const state = await issueDemoMonth(api);
    expect(state.outbox.files).toHaveLength(4);
    expect(state.outbox.files.every((f) => f.size === null)).toBe(true);
    expect(state.outbox.pdfsPending).toBe(8);
    const rendered = await api.post('/api/outbox/render');
    expect(rendered.state.outbox.pdfsPending).toBeUndefined();
    for (const f of rendered.state.outbox.files) {
      const bytes = Buffer.from(await (await api.get(f.href ?? '')).arrayBuffer());
      expect(isRealPdf(bytes)).toBe(true);
      expect(f.size).toBe(bytes.length);
    }
    const attachments = rendered.state.outbox.mails.flatMap((m) => m.attachments);
    expect(attachments.every((a) => typeof a.size === 'number' && a.size > 10_000)).toBe(true);
  }, 120000);
});

describe('without any Chromium or Chrome', () => {
  const hint = { ja: 'Chromium が見つかりません(テスト)', en: 'No Chromium (test)' };
  let api: ReturnType<typeof client>;
  beforeAll(async () => {
    api = client(
      await start({ pdfRenderer: { findBrowser: () => null, missingHint: () => hint } }),
    );
  });

  it('the playground starts, and a PDF opens as the invoice’s HTML under a one-line hint', async () => {
    const state = await issueDemoMonth(api);
    await api.post('/api/outbox/render');
    const file = (await api.state()).outbox.files[0];
    const res = await api.get(file?.href ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(res.headers.get('content-disposition')).toMatch(/filename\*=UTF-8''.+\.html$/);
    const html = await res.text();
    expect(html).toContain(`<p data-pdf-hint`);
    expect(html).toContain(hint.ja);
    expect(html).not.toContain(hint.en);
    // The invoice itself, in its client's language, under the hint.
    expect(html).toMatch(/<title>(請求書|INVOICE) \d{4}-\d{2}-\d{4} /);
    expect(state.outbox.files).toHaveLength(4);
  });

  it('the outbox carries the hint instead of sizes, and the .eml attaches the HTML', async () => {
    const state = await api.state();
    expect(state.outbox.pdfHint).toBe(hint.ja);
    expect(state.outbox.pdfsPending).toBeUndefined();
    const mail = state.outbox.mails[0];
    const eml = await (await api.get(mail?.emlHref ?? '')).text();
    expect(eml).toMatch(/Content-Type: text\/html; charset=utf-8;?\s+name=|filename\*?=.*\.html/i);
    expect(eml).not.toMatch(/application\/pdf/);
  });
});
