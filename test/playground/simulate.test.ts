/**
 * `npm run simulate`: init writes an empty Pokke workbook; setup runs the built bundle on a
 * workbook file and writes the workbook, the run log and the call counts. Malformed workbooks get
 * a clear message and exit code 1 — or, where Pokke can handle them, a correct result. It speaks
 * one language, Japanese unless `--lang en`. Runs against dist/ (npm test builds it first).
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { JOBS } from '../../playground/jobs';
import { Playground } from '../../playground/session';
import { modelFromSpreadsheet } from '../../playground/sheets';
import { readXlsxFile } from '../../playground/xlsx';
import { WORKBOOK } from '../../src/sheets/schema';
import { cli } from './support/cli';

const NOW = '2026-11-30T09:00:00+09:00';
const dir = mkdtempSync(join(tmpdir(), 'pokke-simulate-'));
const template = join(dir, 'template.xlsx');

/** A copy of the template changed by `edit`, saved as `name`. */
async function variant(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  edit(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

function sales(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.getWorksheet('売上明細');
  if (!ws) throw new Error('no 売上明細 in the template');
  return ws;
}

function column(ws: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  ws.getRow(1).eachCell((cell, col) => {
    if (cell.value === header) found = col;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

function addSales(ws: ExcelJS.Worksheet, rows: number): void {
  const date = column(ws, '日付');
  const client = column(ws, '取引先');
  const qty = column(ws, '数量');
  const price = column(ws, '単価');
  const rate = column(ws, '税率');
  for (let i = 0; i < rows; i++) {
    const row = ws.getRow(i + 2);
    row.getCell(date).value = new Date(Date.UTC(2026, 10, 1 + (i % 28)));
    row.getCell(client).value = i % 2 ? '山田デザイン事務所' : '株式会社さくら食品';
    row.getCell(qty).value = (i % 5) + 1;
    row.getCell(price).value = 1000 + i;
    row.getCell(rate).value = i % 3 ? '10%' : '8%';
  }
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

const noStack = (lines: string[]) => lines.every((l) => !/^\s+at /.test(l) && !/\.ts:\d+/.test(l));

beforeAll(async () => {
  if (!existsSync(resolve('dist/Code.js'))) {
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  }
  const made = await cli('init', '--out', template, '--now', NOW);
  expect(made).toEqual({
    code: 0,
    out: [`空の Pokke ワークブックを書き出しました: ${template}`],
    err: [],
  });
}, 60000);

describe('init', () => {
  it('writes every Pokke sheet with its headers, bold and frozen, in tab order', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(wb.worksheets.map((w) => w.name)).toEqual(WORKBOOK.map((s) => s.name));
    for (const spec of WORKBOOK) {
      const ws = wb.getWorksheet(spec.name) as ExcelJS.Worksheet;
      const headers = spec.columns.map((_, i) => ws.getRow(1).getCell(i + 1).value);
      expect(headers).toEqual(spec.columns.map((c) => c.header));
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    const ws = wb.getWorksheet('売上明細') as ExcelJS.Worksheet;
    const rate = column(ws, '税率');
    expect(ws.getRow(2).getCell(rate).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"10%,8%,0%,非課税"'],
    });
    expect(ws.getRow(500).getCell(column(ws, '単価')).numFmt).toBe('#,##0');
    expect(ws.getRow(2).getCell(column(ws, '日付')).numFmt).toBe('yyyy/mm/dd');
  });

  it('needs an .xlsx file name', async () => {
    const r = await cli('init', '--out', join(dir, 'template'));
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'init には --out で .xlsx ファイル名を指定してください(例: --out template.xlsx)',
    ]);
  });
});

describe('setup', () => {
  it('on the template: nothing to change; writes the workbook, the run log and the call counts', async () => {
    const out = join(dir, 'setup-template');
    const r = await cli('setup', '--workbook', template, '--now', NOW, '--out', out);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('ワークブックは準備済みです。変更はありません');
    const log = JSON.parse(readFileSync(join(out, 'run-log.json'), 'utf8'));
    expect(log).toMatchObject({
      job: 'setup',
      now: '2026-11-30T00:00:00.000Z',
      timeZone: 'Asia/Tokyo',
    });
    expect(log.result.unchanged).toEqual(WORKBOOK.map((s) => s.name));
    expect(log.executions).toHaveLength(1);
    expect(log.executions[0]).toMatchObject({
      name: 'setupWorkbook',
      ok: true,
      startedAt: '2026-11-30T00:00:00.000Z',
    });
    const calls = JSON.parse(readFileSync(join(out, 'calls.json'), 'utf8'));
    expect(calls.total).toBe(log.executions[0].calls);
    expect(calls.byService.SpreadsheetApp).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'workbook.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(WORKBOOK.map((s) => s.name));
  });

  it('a missing sheet is created (that is what setup is for), the others left alone', async () => {
    const input = await variant('no-invoices.xlsx', (wb) => {
      const ws = wb.getWorksheet('請求書');
      if (ws) wb.removeWorksheet(ws.id);
      addSales(sales(wb), 3);
    });
    const out = join(dir, 'setup-missing-sheet');
    const r = await cli('setup', '--workbook', input, '--now', NOW, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^ワークブックを準備しました\(作成: 請求書\)/);
    expect(r.out[0]).not.toMatch(/Workbook set up/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'workbook.xlsx'));
    expect(wb.worksheets.map((w) => w.name).sort()).toEqual(WORKBOOK.map((s) => s.name).sort());
    const ws = sales(wb);
    // The owner's rows are intact, dates still the same civil dates.
    expect(ws.getRow(2).getCell(column(ws, '単価')).value).toBe(1000);
    expect((ws.getRow(4).getCell(column(ws, '日付')).value as Date).toISOString()).toBe(
      '2026-11-03T00:00:00.000Z',
    );
  });

  it('a renamed header stops the run with a message that says which column and what to do', async () => {
    const input = await variant('renamed.xlsx', (wb) => {
      const ws = sales(wb);
      ws.getRow(1).getCell(column(ws, '単価')).value = '金額X';
    });
    const out = join(dir, 'setup-renamed');
    const r = await cli('setup', '--workbook', input, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      'ワークブックに問題があるため、何も実行しませんでした:',
      '  - シート「売上明細」に列「単価」が見つかりません。見出し「金額X」を「単価」に戻してください',
    ]);
    expect(existsSync(out)).toBe(false);
    const en = await cli('setup', '--workbook', input, '--out', out, '--lang', 'en');
    expect(en.err).toEqual([
      'The workbook has problems; nothing was run:',
      '  - Sheet "売上明細" has no column "単価" (Unit price); rename the header "金額X" back to "単価"',
    ]);
  });

  it('text in a number column names the cell and does not stop the run', async () => {
    const input = await variant('text-in-number.xlsx', (wb) => {
      const ws = sales(wb);
      addSales(ws, 2);
      ws.getRow(3).getCell(column(ws, '単価')).value = '1万2千';
    });
    const r = await cli('setup', '--workbook', input, '--out', join(dir, 'setup-text'));
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      '  - 売上明細!F3: 金額の列「単価」に「1万2千」があります。金額を入力してください',
    );
    expect(noStack(r.err)).toBe(true);
    const en = await cli('setup', '--workbook', input, '--out', join(dir, 'x'), '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.out).toContain('  - 売上明細!F3: column "単価" expects an amount, found "1万2千"');
  });

  it('a 5,000-row sheet is set up with the same service calls as an empty one', async () => {
    const input = await variant('big.xlsx', (wb) => addSales(sales(wb), 5000));
    const out = join(dir, 'setup-big');
    const r = await cli('setup', '--workbook', input, '--now', NOW, '--out', out);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const big = JSON.parse(readFileSync(join(out, 'calls.json'), 'utf8'));
    const small = JSON.parse(readFileSync(join(dir, 'setup-template', 'calls.json'), 'utf8'));
    expect(big.calls).toEqual(small.calls);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(out, 'workbook.xlsx'));
    const ws = sales(wb);
    expect(ws.getRow(5001).getCell(column(ws, '単価')).value).toBe(5999);
  }, 120000);

  it.each([['invoices'], ['month-end']])(
    '%s on a workbook missing a sheet: nothing runs, and the message says to run setup first',
    async (job) => {
      const input = await variant(`no-sheet-${job}.xlsx`, (wb) => {
        const ws = wb.getWorksheet('請求書');
        if (ws) wb.removeWorksheet(ws.id);
      });
      const out = join(dir, `missing-${job}`);
      const r = await cli(job, '--workbook', input, '--now', NOW, '--out', out);
      expect(r.code).toBe(1);
      expect(r.out).toEqual([]);
      expect(r.err).toEqual([
        'ワークブックに問題があるため、何も実行しませんでした:',
        '  - シート「請求書」がありません',
        `先に setup を実行してワークブックを準備してください: npm run simulate -- setup --workbook no-sheet-${job}.xlsx --out <フォルダー>(書き出された workbook.xlsx で ${job} を実行します)`,
      ]);
      expect(noStack(r.err)).toBe(true);
      expect(existsSync(out)).toBe(false);
      const en = await cli(job, '--workbook', input, '--now', NOW, '--out', out, '--lang', 'en');
      expect(en.err).toEqual([
        'The workbook has problems; nothing was run:',
        '  - The sheet "請求書" (Invoices) is missing',
        `Run setup first: npm run simulate -- setup --workbook no-sheet-${job}.xlsx --out <dir>, then run ${job} on the workbook.xlsx it writes`,
      ]);
    },
  );

  it('a renamed header in an invoices run: no setup hint (setup would not fix it)', async () => {
    const input = await variant('renamed-invoices.xlsx', (wb) => {
      const ws = sales(wb);
      ws.getRow(1).getCell(column(ws, '単価')).value = '金額X';
    });
    const r = await cli('invoices', '--workbook', input, '--out', join(dir, 'renamed-inv'));
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(2);
    expect(r.err.join('\n')).not.toMatch(/setup/);
  });

  it.each([
    [
      'a file that is not a workbook',
      ['setup', '--workbook', 'NOTXLSX', '--out', 'OUT'],
      /^「notes\.txt」は Excel ブック\(\.xlsx\)として読めません。/,
      /^"notes\.txt" is not a readable Excel workbook \(\.xlsx\)\. Use a file saved with/,
    ],
    [
      'no --workbook',
      ['setup', '--out', 'OUT'],
      /^setup には --workbook で \.xlsx ファイルを指定してください$/,
      /^setup needs --workbook with an \.xlsx file$/,
    ],
    [
      'no --out',
      ['setup', '--workbook', 'TEMPLATE'],
      /^--out で出力先のフォルダーを指定してください$/,
      /^Give the output folder with --out$/,
    ],
    [
      'an unknown job',
      ['payroll', '--workbook', 'TEMPLATE', '--out', 'OUT'],
      new RegExp(`^ジョブ「payroll」はありません\\(init, ${Object.keys(JOBS).join(', ')}\\)$`),
      new RegExp(`^Unknown job "payroll" \\(jobs: init, ${Object.keys(JOBS).join(', ')}\\)$`),
    ],
    [
      'an unreadable --now',
      ['setup', '--workbook', 'TEMPLATE', '--now', 'tomorrow', '--out', 'OUT'],
      /^--now の日時を読み取れません: tomorrow\(例: 2026-11-30T09:00\+09:00 または 2026-11-30T09:00\)$/,
      /^Cannot read --now: tomorrow \(e\.g\. 2026-11-30T09:00\+09:00, or 2026-11-30T09:00 in Asia\/Tokyo\)$/,
    ],
    [
      'an unknown option',
      ['setup', '--workbok', 'x'],
      /^不明なオプションです: --workbok$/,
      /^Unknown option: --workbok$/,
    ],
  ])('%s: one line in the chosen language, exit code 1', async (_label, argv, ja, en) => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, '売上メモ\n');
    const args = argv.map((a) =>
      a === 'NOTXLSX' ? notes : a === 'TEMPLATE' ? template : a === 'OUT' ? join(dir, 'never') : a,
    );
    for (const [lang, message] of [
      [[], ja],
      [['--lang', 'en'], en],
    ] as const) {
      const r = await cli(...args, ...lang);
      expect(r.code).toBe(1);
      expect(r.err).toHaveLength(1);
      expect(r.err[0]).toMatch(message);
      expect(noStack(r.err)).toBe(true);
    }
  });
});

describe('--lang', () => {
  it('--lang en: the account speaks English, so Pokke does, and so does every printed line', async () => {
    const made = join(dir, 'english.xlsx');
    expect(await cli('init', '--lang', 'en', '--out', made)).toEqual({
      code: 0,
      out: [`Wrote an empty Pokke workbook: ${made}`],
      err: [],
    });
    // What the bundle wrote follows the account's language: the 設定 sheet's 説明 column.
    const descriptions = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      const ws = wb.getWorksheet('設定') as ExcelJS.Worksheet;
      const at = column(ws, '説明');
      const cells: string[] = [];
      ws.eachRow((row, n) => {
        if (n > 1) cells.push(String(row.getCell(at).value ?? ''));
      });
      return cells.filter((c) => c !== '');
    };
    const english = await descriptions(made);
    expect(english.length).toBeGreaterThan(5);
    expect(english.filter((d) => !/\b[a-z]{3,}\b/i.test(d))).toEqual([]);
    expect((await descriptions(template)).filter((d) => !JAPANESE.test(d))).toEqual([]);
    const out = join(dir, 'setup-english');
    const r = await cli('setup', '--workbook', template, '--lang=en', '--now', NOW, '--out', out);
    expect(r).toEqual({
      code: 0,
      out: [
        'The workbook is already set up; nothing changed',
        `Output: ${out} (workbook.xlsx, run-log.json, calls.json, tasks.json (0), events.json (0))`,
      ],
      err: [],
    });
  });

  it('Japanese by default, whatever the machine’s LANG', async () => {
    const saved = process.env['LANG'];
    process.env['LANG'] = 'en_US.UTF-8';
    try {
      const out = join(dir, 'setup-default');
      const r = await cli('setup', '--workbook', template, '--now', NOW, '--out', out);
      expect(r.out).toEqual([
        'ワークブックは準備済みです。変更はありません',
        `出力: ${out}(workbook.xlsx、run-log.json、calls.json、tasks.json (0件)、events.json (0件))`,
      ]);
    } finally {
      if (saved === undefined) delete process.env['LANG'];
      else process.env['LANG'] = saved;
    }
  });

  it('--help in one language: English with no Japanese in it', async () => {
    const en = await cli('--help', '--lang', 'en');
    expect(en.code).toBe(0);
    const usage = en.out.join('\n');
    expect(usage).toMatch(
      /^Usage:\n {2}npm run simulate -- init --out template\.xlsx \[--lang ja\|en\]/,
    );
    expect(usage).toMatch(
      / {2}--lang {2}the language of Pokke and of the output: ja \(the default\) or en/,
    );
    expect(usage).toContain("  month-end  Run the day's automations");
    expect(usage).not.toMatch(JAPANESE);
    const ja = await cli('--help');
    expect(ja.out.join('\n')).toMatch(/^使い方:\n/);
    expect(ja.out.join('\n')).toContain('  invoices   今日締めの請求書を発行(PDF・下書き)');
  });

  it.each([
    ['an unknown language', ['--lang', 'fr'], 'fr'],
    ['no language', ['--lang'], ''],
  ])('%s: refused with the usage in both languages, nothing run', async (_label, lang, given) => {
    const out = join(dir, `refused-${given}`);
    const r = await cli('setup', '--workbook', template, '--out', out, ...lang);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([]);
    const [ja, en] = r.err.join('\n').split('\n\n--lang');
    expect(ja).toMatch(/^--lang には ja か en を指定してください(: fr)?\n使い方:\n/);
    expect(ja).toContain('ジョブ:');
    expect(`--lang${en}`).toMatch(/^--lang (takes ja or en, not fr|needs ja or en)\nUsage:\n/);
    expect(en).toContain('Jobs:');
    expect(existsSync(out)).toBe(false);
  });
});

describe('the command itself', () => {
  it('exits 1 with the message only, no stack trace, in Japanese under an English LANG', async () => {
    const notes = join(dir, 'plain.txt');
    writeFileSync(notes, 'hello');
    const run = promisify(execFile);
    const tsx = resolve('node_modules/.bin/tsx');
    const failure = await run(
      tsx,
      ['scripts/simulate.ts', 'setup', '--workbook', notes, '--out', join(dir, 'x')],
      { env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' } },
    ).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^「plain.txt」は Excel ブック\(\.xlsx\)として読めません。/),
    ]);
    expect(failure?.stderr).not.toMatch(/readable/);
  }, 60000);
});

describe('init --demo', () => {
  const demo = join(dir, 'demo.xlsx');

  it('writes the workbook the playground starts with, which the jobs then run on', async () => {
    const made = await cli('init', '--demo', '--out', demo);
    expect(made).toEqual({
      code: 0,
      out: [`デモのワークブックを書き出しました: ${demo}`],
      err: [],
    });
    const { workbook } = await readXlsxFile(demo, 'Asia/Tokyo');
    const playground = new Playground();
    const ss = playground.workspace.SpreadsheetApp.active;
    if (!ss) throw new Error('the playground has no workbook');
    const start = modelFromSpreadsheet(ss);
    expect(workbook.sheets.map((s) => s.name)).toEqual(start.sheets.map((s) => s.name));
    const values = (sheets: typeof start.sheets, name: string) =>
      JSON.stringify(sheets.find((s) => s.name === name)?.values);
    for (const name of ['設定', '取引先', '売上明細', '定期請求', '定期業務', '経費']) {
      expect([name, values(workbook.sheets, name)]).toEqual([name, values(start.sheets, name)]);
    }
    expect(values(workbook.sheets, '売上明細')).toContain('焼き菓子詰め合わせ');

    const out = join(dir, 'demo-invoices');
    const issued = await cli(
      'invoices',
      '--workbook',
      demo,
      '--now',
      '2026-11-30T18:00',
      '--out',
      out,
    );
    expect(issued.err).toEqual([]);
    expect(issued.code).toBe(0);
    expect(issued.out.at(-1)).toMatch(/mail\/ \(\.eml 4通\)/);
  }, 120000);

  it('transfers: writes the transfer file of the demo payables, named with the date', async () => {
    // The demo workbook of the test above.
    const out = join(dir, 'demo-transfers');
    const args = ['--workbook', demo, '--now', '2026-11-24T09:00', '--out', out];
    const ja = await cli('transfers', ...args);
    expect(ja.err).toEqual([]);
    expect(ja.code).toBe(0);
    expect(ja.out[0]).toBe(
      'furikomi_20261125.txt: 3件 496,569円、源泉所得税 11,231円(2026-11の合計 11,231円、納付期限 2026-12-10)',
    );
    const file = 'drive/Pokke/振込/2026/11/furikomi_20261125.txt';
    expect(ja.out.at(-1)).toContain(file);
    const bytes = readFileSync(join(out, file));
    const records = new TextDecoder('shift_jis').decode(bytes).split('\r\n');
    expect(records.map((r) => r.length)).toEqual([120, 120, 120, 120, 120, 120, 0]);
    expect(records[4]).toMatch(/^8000003000000496569 +$/);

    const en = await cli(
      'transfers',
      ...args.slice(0, -1),
      join(dir, 'demo-transfers-en'),
      '--lang',
      'en',
    );
    expect(en.code).toBe(0);
    expect(en.out[0]).toBe(
      'furikomi_20261125.txt: 3 transfers, 496,569 yen; income tax withheld 11,231 yen (2026-11 in all: 11,231 yen, due 2026-12-10)',
    );
  }, 120000);

  it('goes with init only', async () => {
    const r = await cli('setup', '--demo', '--workbook', demo, '--out', join(dir, 'x'));
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^--demo は init でだけ使えます/);
  });
});
