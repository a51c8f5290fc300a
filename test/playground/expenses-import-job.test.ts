/**
 * `simulate expenses-import --receipt …`: one receipt logged the way the Gmail card logs it
 * (the same bundle functions), from a .eml (its body read) and from a photo (read by OCR).
 * Needs dist/ (npm run build).
 */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toEml } from '../../emulator/eml';
import { readXlsxFile } from '../../playground/xlsx';
import { cli } from './support/cli';

const dir = mkdtempSync(join(tmpdir(), 'pokke-import-'));
const workbook = join(dir, 'empty.xlsx');

beforeAll(async () => {
  expect((await cli('init', '--out', workbook)).code).toBe(0);
});

async function expenseRows(path: string): Promise<unknown[][]> {
  const { workbook: wb } = await readXlsxFile(path, 'Asia/Tokyo');
  const sheet = wb.sheets.find((s) => s.name === '経費')!;
  return sheet.values
    .slice(1)
    .filter((r) => (r ?? []).some((c) => c !== '' && c !== null && c !== undefined)) as unknown[][];
}

describe('simulate expenses-import', () => {
  it('a taxi receipt mail (.eml): one row, the mail kept as .eml under its 電帳法 name', async () => {
    const eml = join(dir, 'taxi.eml');
    writeFileSync(
      eml,
      toEml({
        from: 'ぽけっとライド <receipts@pocket-ride.example.jp>',
        to: 'owner@example.com',
        subject: '【ぽけっとライド】ご利用明細（領収書）',
        date: Date.parse('2026-11-20T22:20:00+09:00'),
        plainBody:
          'ご利用日時: 2026年11月20日 22:14\n合計 3,200円（税込）\n（10%対象 3,200円 うち消費税 290円）\n発行元: みなと交通株式会社\n登録番号: T7000000005678',
      }),
    );
    const out = join(dir, 'out-eml');
    const r = await cli(
      'expenses-import',
      '--workbook',
      workbook,
      '--receipt',
      eml,
      '--now',
      '2026-11-24T09:00+09:00',
      '--out',
      out,
    );
    expect(r.err).toEqual([]);
    expect(r.out[0]).toBe('経費に記録しました');
    expect(readdirSync(join(out, 'drive/Pokke/経費/2026/11'))).toEqual([
      '20261120_みなと交通株式会社_3200.eml',
    ]);
    const rows = await expenseRows(join(out, 'workbook.xlsx'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('みなと交通株式会社');
    expect(rows[0]).toContain(3200);
  });

  it('a file that is no receipt type is refused before anything runs', async () => {
    const txt = join(dir, 'note.txt');
    writeFileSync(txt, 'hello');
    const r = await cli(
      'expenses-import',
      '--workbook',
      workbook,
      '--receipt',
      txt,
      '--out',
      join(dir, 'x'),
      '--lang',
      'en',
    );
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toMatch(/--receipt takes a .pdf, .png, .jpg or .eml file: note.txt/);
  });
});
