/**
 * `npm run simulate -- slots`: on the demo company's workbook, the candidate meeting times the
 * Gmail card would offer, from the demo calendars (the owner's and the two colleagues' named in
 * 設定), printed in the chosen language and written to slots.json. Needs dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Playground } from '../../playground/session';
import { modelFromSpreadsheet } from '../../playground/sheets';
import { writeXlsxFile } from '../../playground/xlsx';
import type { SlotsReport } from '../../src/core/contracts/scheduling';
import { cli } from './support/cli';

const dir = mkdtempSync(join(tmpdir(), 'pokke-slots-job-'));
const demoXlsx = join(dir, 'demo.xlsx');
const NOW = '2026-11-24T09:00+09:00';

beforeAll(async () => {
  if (!existsSync(resolve('dist/Code.js')))
    spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
  const demo = new Playground();
  const ss = demo.workspace.SpreadsheetApp.active;
  if (!ss) throw new Error('the demo has no spreadsheet');
  // The demo's 経費 sheet carries one amount typed in words, which the CLI's preflight refuses
  // for every job; the owner corrects it before exporting.
  const expenses = ss.getSheetByName('経費')!;
  const grid = expenses.getDataRange().getValues();
  grid.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell === '千五百円') expenses.getRange(r + 1, c + 1).setValue(1500);
    });
  });
  await writeXlsxFile(modelFromSpreadsheet(ss), demoXlsx);
}, 60000);

describe('the slots job', () => {
  it('prints and writes the candidates for the demo calendars with the hours of 設定', async () => {
    const out = join(dir, 'ja');
    const r = await cli('slots', '--workbook', demoXlsx, '--now', NOW, '--out', out);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'slots.json'), 'utf8')) as SlotsReport;
    expect(report.calendars).toEqual([
      'primary',
      'yamada@pokke-shoten.example.com',
      'sato@pokke-shoten.example.com',
    ]);
    expect(report.lengthMinutes).toBe(60);
    expect(report.slots).toHaveLength(8);
    const labels = report.slots.map((s) => s.label.ja);
    // 11/26 山田's all-day 休暇, 11/27 the owner's all-day 棚卸し: no candidate on either.
    expect(labels[0]).toBe('11月30日(月) 9:00〜10:00');
    expect(labels.some((l) => l.startsWith('11月26日') || l.startsWith('11月27日'))).toBe(false);
    expect(r.out[0]).toBe('候補 8 件(2026-11-26 〜 2026-12-09、60分)');
    expect(r.out).toContain('・11月30日(月) 9:00〜10:00');
    expect(r.out.at(-1)).toMatch(/^出力: .*slots\.json/);
  }, 60000);

  it('speaks English with --lang en', async () => {
    const r = await cli(
      'slots',
      '--workbook',
      demoXlsx,
      '--now',
      NOW,
      '--out',
      join(dir, 'en'),
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    expect(r.out[0]).toBe('8 candidate(s) (2026-11-26 to 2026-12-09, 60 min)');
    expect(r.out).toContain('・Mon, Nov 30, 9:00–10:00 (JST)');
  }, 60000);
});
