/**
 * `npm start` (playground/server.ts run as a command): its options (--port, PORT, --host,
 * --workbook, --now), the preflight check of a --workbook — the same lines as `npm run simulate`
 * prints, exit code 1, no stack — and the server started as a child process on a free port,
 * printing its URL and serving the page. `npm start` builds first; the server itself only needs
 * dist/ (built here when missing).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { parseServerArgs, serverOptionsFromCli } from '../../playground/server';
import { WORKBOOK } from '../../src/sheets/schema';
import { cli } from './support/cli';

const dir = mkdtempSync(join(tmpdir(), 'pokke-start-'));

beforeAll(() => {
  if (!existsSync(resolve('dist/Code.js')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
}, 60000);

/** A workbook whose 売上明細 has 単価 renamed (other sheets missing: setup would add them). */
async function renamedHeaderWorkbook(): Promise<string> {
  const spec = WORKBOOK.find((s) => s.name === '売上明細');
  if (!spec) throw new Error('no 売上明細 in the schema');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('売上明細');
  ws.addRow(spec.columns.map((c) => (c.header === '単価' ? '金額X' : c.header)));
  const path = join(dir, 'bad.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

async function options(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const result = await serverOptionsFromCli(
    argv,
    { out: (l) => out.push(l), err: (l) => err.push(l) },
    env,
  );
  return { result, out, err };
}

describe('npm start options', () => {
  it('port from --port, else PORT, else 8080; host, workbook and now as given', () => {
    expect(parseServerArgs([], {})).toEqual({ port: 8080, host: '127.0.0.1' });
    expect(parseServerArgs([], { PORT: '3001' })).toEqual({ port: 3001, host: '127.0.0.1' });
    expect(parseServerArgs(['--port', '3000'], { PORT: '3001' })).toMatchObject({ port: 3000 });
    expect(parseServerArgs(['--port=0'], {})).toMatchObject({ port: 0 });
    expect(
      parseServerArgs(
        ['--workbook', 'my books.xlsx', '--now=2026-11-30T09:00+09:00', '--host', '0.0.0.0'],
        {},
      ),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      workbook: 'my books.xlsx',
      now: '2026-11-30T09:00+09:00',
    });
    expect(parseServerArgs(['--help'], {})).toBe('help');
    expect(parseServerArgs(['-h'], {})).toBe('help');
  });

  it.each([
    [['--port', 'abc'], {}, /^ポート番号が正しくありません\(--port: abc\) \/ Invalid port number/],
    [['--port', '70000'], {}, /^ポート番号が正しくありません/],
    [[], { PORT: '80a' }, /^ポート番号が正しくありません\(PORT: 80a\)/],
    [['--port'], {}, /^--port に値を指定してください \/ --port needs a value$/],
    [['--workbook', '--port', '1'], {}, /^--workbook に値を指定してください/],
    [['--wokbook', 'x'], {}, /^不明なオプションです: --wokbook \/ Unknown option/],
  ])('%j %j: refused with one bilingual message', (argv, env, message) => {
    expect(() => parseServerArgs(argv, env)).toThrow(message);
  });

  it('prints the usage for --help (exit 0) and one line for a bad --now (exit 1)', async () => {
    const help = await options(['--help']);
    expect(help.result).toBe(0);
    expect(help.out[0]).toMatch(/^npm start -- \[--port 8080\]/);
    const now = await options(['--now', 'tomorrow']);
    expect(now).toEqual({
      result: 1,
      out: [],
      err: [
        expect.stringMatching(/^--now の日時を読み取れません: tomorrow.* \/ Cannot read --now/),
      ],
    });
  });

  it('a malformed --workbook: the same lines as npm run simulate, exit code 1, nothing started', async () => {
    const bad = await renamedHeaderWorkbook();
    const started = await options(['--workbook', bad]);
    expect(started.result).toBe(1);
    const simulated = await cli('setup', '--workbook', bad, '--out', join(dir, 'never'));
    expect(simulated.code).toBe(1);
    expect(started.err).toEqual(simulated.err);
    expect(started.err).toEqual([
      'ワークブックに問題があるため、何も実行しませんでした:',
      expect.stringMatching(
        /^ {2}- シート「売上明細」に列「単価」が見つかりません。見出し「金額X」/,
      ),
    ]);
  });

  it('a file that is not a workbook: one bilingual line', async () => {
    const r = await options(['--workbook', resolve('package.json')]);
    expect(r.result).toBe(1);
    expect(r.err).toEqual([
      expect.stringMatching(/^「package.json」は Excel ブック\(\.xlsx\)として読めません。/),
    ]);
  });

  it('a workbook missing Pokke sheets still starts (the menu sets it up)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('メモ').addRow(['自由なメモ']);
    const path = join(dir, 'memo.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await options(['--workbook', path, '--port', '0']);
    expect(r.err).toEqual([]);
    expect(r.result).toMatchObject({ port: 0, host: '127.0.0.1' });
    expect(
      (r.result as { workbook: { sheets: { name: string }[] } }).workbook.sheets[0]?.name,
    ).toBe('メモ');
  });
});

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** Runs playground/server.ts as `npm start` does after its build (node with tsx's loader). */
function startChild(argv: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'playground/server.ts', ...argv], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collect(child: ChildProcess): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString('utf8');
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString('utf8');
  });
  return { out: () => out, err: () => err };
}

describe('npm start as a process', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child?.pid !== undefined && child.exitCode === null) child.kill('SIGTERM');
    child = undefined;
  });

  it('prints its URL on the PORT given and serves the page and the state', async () => {
    const port = await freePort();
    child = startChild([], { PORT: String(port) });
    const io = collect(child);
    const url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`no URL printed: ${io.out()} ${io.err()}`)),
        30000,
      );
      child?.stdout?.on('data', () => {
        const m = /playground: (http:\/\/\S+)/.exec(io.out());
        if (m?.[1]) {
          clearTimeout(timer);
          done(m[1]);
        }
      });
      child?.once('exit', (code) => fail(new Error(`exited ${code}: ${io.err()}`)));
    });
    expect(url).toBe(`http://127.0.0.1:${port}/`);
    // The README shows the URL the playground prints on its default port.
    const readme = readFileSync(resolve('README.md'), 'utf8');
    const shown = /npm start +# the local playground on (\S+)/.exec(readme)?.[1];
    const defaults = parseServerArgs([], {});
    expect(defaults).not.toBe('help');
    if (defaults !== 'help') expect(shown).toBe(url.replace(`:${port}/`, `:${defaults.port}/`));
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const state = (await (await fetch(`${url}api/state`)).json()) as { workbook: { name: string } };
    expect(state.workbook.name).toMatch(/ぽっけ商店/);
    // The card stack's own route: nothing to go back to on the homepage.
    await fetch(`${url}api/gmail/home`, { method: 'POST', body: '{}' });
    const back = (await (
      await fetch(`${url}api/card/navigate`, { method: 'POST', body: '{"action":"back"}' })
    ).json()) as { ok: boolean; message: string };
    expect(back).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^戻るカードがありません/),
    });
    const exited = new Promise<number | null>((done) => child?.once('exit', (code) => done(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60000);

  it('exits 1 with the preflight lines and no stack for a malformed --workbook', async () => {
    const bad = await renamedHeaderWorkbook();
    child = startChild(['--workbook', bad, '--port', String(await freePort())], {});
    const io = collect(child);
    const code = await new Promise<number | null>((done) => child?.once('exit', (c) => done(c)));
    expect(code).toBe(1);
    expect(io.out()).toBe('');
    const lines = io.err().trim().split('\n');
    expect(lines[0]).toBe('ワークブックに問題があるため、何も実行しませんでした:');
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => !/^\s+at /.test(l) && !/\.ts:\d+/.test(l))).toBe(true);
  }, 60000);
});
