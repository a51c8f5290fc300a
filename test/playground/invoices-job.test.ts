/**
 * `npm run simulate -- invoices`: on the demo company's workbook (exported to .xlsx as Google
 * Sheets would export it) at month end, the job issues the month's invoices and writes the real
 * PDFs (headless Chromium) under their Drive path and each draft as an .eml with the PDF attached.
 * Run again on the workbook it wrote, it issues nothing. Needs dist/ and /usr/bin/chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { JOBS } from '../../playground/jobs';
import { Playground } from '../../playground/session';
import { modelFromSpreadsheet } from '../../playground/sheets';
import { writeXlsxFile } from '../../playground/xlsx';
import { cli } from './support/cli';
import { header, isRealPdf, leafParts } from './support/mime';

const dir = mkdtempSync(join(tmpdir(), 'pokke-invoices-job-'));
const demoXlsx = join(dir, 'demo.xlsx');
const NOW = '2026-11-30T18:00+09:00';

function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((p) => join(root, p))
    .filter((p) => statSync(p).isFile())
    .map((p) => relative(root, p).split('\\').join('/'))
    .sort();
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

beforeAll(async () => {
  if (!existsSync(resolve('dist/Code.js')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  // The demo company, as a person would download it from Google Sheets.
  const demo = new Playground();
  const ss = demo.workspace.SpreadsheetApp.active;
  if (!ss) throw new Error('the demo has no spreadsheet');
  await writeXlsxFile(modelFromSpreadsheet(ss), demoXlsx);
}, 60000);

describe('the invoices job', () => {
  const out = join(dir, 'first');

  it('closes on the civil date of --now in Tokyo', () => {
    const args = JOBS['invoices']?.args;
    expect(typeof args).toBe('function');
    if (typeof args !== 'function') return;
    expect(args({ now: 0, timeZone: 'Asia/Tokyo', today: '2026-11-30' })).toEqual([
      { closingDate: '2026-11-30' },
    ]);
  });

  it('issues the demo month: 4 real PDFs under their Drive path, 4 drafts as .eml with the PDF', async () => {
    const r = await cli('invoices', '--workbook', demoXlsx, '--now', NOW, '--out', out);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^4件の請求書を作成しました/);
    expect(r.out.at(-1)).toContain('mail/ (.eml 4通)、drive/ (4ファイル)');

    const pdfs = filesUnder(join(out, 'drive'));
    expect(pdfs).toHaveLength(4);
    for (const p of pdfs) {
      expect(p).toMatch(/^Pokke\/請求書\/2026\/11\/20261130_.+_2026-11-000\d\.pdf$/);
      expect(isRealPdf(readFileSync(join(out, 'drive', p)))).toBe(true);
    }

    const emls = filesUnder(join(out, 'mail'));
    expect(emls).toHaveLength(4);
    const subjects: string[] = [];
    for (const name of emls) {
      expect(name).toMatch(/^0\d-draft-.+\.eml$/);
      const eml = readFileSync(join(out, 'mail', name), 'utf8');
      const subject = header(eml, 'Subject');
      subjects.push(subject);
      expect(subject).toMatch(/2026-11-000\d/);
      const pdfParts = leafParts(eml).filter((p) => p.contentType === 'application/pdf');
      expect(pdfParts).toHaveLength(1);
      expect(isRealPdf(pdfParts[0]?.body ?? Buffer.alloc(0))).toBe(true);
      const text = leafParts(eml).find((p) => p.contentType === 'text/plain');
      expect(text).toBeDefined();
    }
    // Each mail speaks its client's language: Blue Harbor Studio (English) gets the one English
    // subject, the three Japanese clients Japanese ones.
    expect(subjects.filter((s) => JAPANESE.test(s))).toHaveLength(3);
    expect(subjects.filter((s) => !JAPANESE.test(s))).toEqual([
      expect.stringMatching(/^Invoice 2026-11-000\d for November 2026 from /),
    ]);

    for (const f of ['workbook.xlsx', 'run-log.json', 'calls.json'])
      expect(existsSync(join(out, f))).toBe(true);
    const log = JSON.parse(readFileSync(join(out, 'run-log.json'), 'utf8'));
    expect(log).toMatchObject({ job: 'invoices', timeZone: 'Asia/Tokyo' });
    expect(log.executions).toEqual([expect.objectContaining({ name: 'invoicesIssue', ok: true })]);
    expect(log.result.issued.map((i: { number: string }) => i.number).sort()).toEqual([
      '2026-11-0001',
      '2026-11-0002',
      '2026-11-0003',
      '2026-11-0004',
    ]);
    const calls = JSON.parse(readFileSync(join(out, 'calls.json'), 'utf8'));
    expect(calls.byService.Gmail).toBeGreaterThan(0);
    expect(calls.byService.Drive).toBeGreaterThan(0);
  }, 120000);

  it('run again on the workbook it wrote, issues nothing new', async () => {
    const again = join(dir, 'second');
    const r = await cli(
      'invoices',
      '--workbook',
      join(out, 'workbook.xlsx'),
      '--now',
      NOW,
      '--out',
      again,
    );
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const log = JSON.parse(readFileSync(join(again, 'run-log.json'), 'utf8'));
    expect(log.result.issued).toEqual([]);
    expect(filesUnder(join(again, 'mail'))).toEqual([]);
    expect(filesUnder(join(again, 'drive'))).toEqual([]);
    expect(r.out.at(-1)).toMatch(
      /\(workbook\.xlsx、run-log\.json、calls\.json、tasks\.json \(0件\)、events\.json \(0件\)\)$/,
    );
  }, 120000);
});
