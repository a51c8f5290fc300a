/**
 * `simulate expenses-import --receipt …`: one receipt logged the way the Gmail card logs it
 * (the same bundle functions), from a .eml (its body read) and from a photo (read by OCR).
 * Needs dist/ (npm run build).
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toEml } from '../../emulator/eml';
import { readXlsxFile } from '../../playground/xlsx';
import { cli } from './support/cli';

const dir = mkdtempSync(join(tmpdir(), 'pokke-import-'));
const SUPPLIER_PDF = 'playground/demo/receipts/supplier-invoice.pdf';
const NOW = '2026-11-24T09:00+09:00';
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

  it('importing the same receipt again adds nothing: an .eml by its Message-ID, a PDF by its bytes', async () => {
    const mail = {
      from: 'ぽけっとライド <receipts@pocket-ride.example.jp>',
      to: 'owner@example.com',
      subject: '【ぽけっとライド】ご利用明細（領収書）',
      messageId: '<ride-20261121-0007@pocket-ride.example.jp>',
      date: Date.parse('2026-11-21T08:10:00+09:00'),
      plainBody:
        'ご利用日時: 2026年11月21日 08:02\n合計 1,850円（税込）\n発行元: みなと交通株式会社',
    };
    const eml = join(dir, 'ride.eml');
    writeFileSync(eml, toEml(mail));
    // The same mail saved again from another mail program: other bytes, the same Message-ID.
    const resaved = join(dir, 'ride-resaved.eml');
    writeFileSync(resaved, toEml({ ...mail, to: 'Owner <owner@example.com>' }));
    const run = (receipt: string, from: string, out: string) =>
      cli('expenses-import', '--workbook', from, '--receipt', receipt, '--now', NOW, '--out', out);

    const first = await run(eml, workbook, join(dir, 'again-1'));
    expect(first.out[0]).toBe('経費に記録しました');
    const afterFirst = join(dir, 'again-1', 'workbook.xlsx');
    for (const [receipt, out] of [
      [eml, 'again-2'],
      [resaved, 'again-3'],
    ] as const) {
      const again = await run(receipt, afterFirst, join(dir, out));
      expect([out, again.code, again.err]).toEqual([out, 0, []]);
      expect(again.out[0]).toBe('このメールは経費に記録済みです(重複して記録しません)');
      expect(await expenseRows(join(dir, out, 'workbook.xlsx'))).toHaveLength(1);
      expect(existsSync(join(dir, out, 'drive'))).toBe(false);
    }

    // A PDF (no header to key on): its bytes. The invoice has a 10% and an 8% part: two rows.
    expect((await run(SUPPLIER_PDF, workbook, join(dir, 'pdf-1'))).out[0]).toBe(
      '経費に記録しました',
    );
    const pdfAgain = await run(
      SUPPLIER_PDF,
      join(dir, 'pdf-1', 'workbook.xlsx'),
      join(dir, 'pdf-2'),
    );
    expect(pdfAgain.out[0]).toBe('このメールは経費に記録済みです(重複して記録しません)');
    expect(await expenseRows(join(dir, 'pdf-2', 'workbook.xlsx'))).toHaveLength(2);
  }, 120000);

  it('runs on the demo workbook (its bad amount cell warned, not fatal), and so does the export', async () => {
    const demo = join(dir, 'demo.xlsx');
    expect((await cli('init', '--demo', '--out', demo)).code).toBe(0);
    const before = (await expenseRows(demo)).length;
    const warning = [
      '次のセルは列の種類と合いません(その行は実行時にメッセージ列で知らせます):',
      '  - 経費!C7: 金額の列「金額(税込)」に「千五百円」があります。金額を入力してください',
    ];

    const imported = await cli(
      'expenses-import',
      '--workbook',
      demo,
      '--receipt',
      SUPPLIER_PDF,
      '--now',
      NOW,
      '--out',
      join(dir, 'demo-import'),
    );
    expect([imported.code, imported.err]).toEqual([0, []]);
    // What the job did comes first; the cells it warns about follow, before the output folder.
    expect(imported.out.slice(0, 3)).toEqual(['経費に記録しました', ...warning]);
    expect(readdirSync(join(dir, 'demo-import/drive/Pokke/経費/2026/11'))).toEqual([
      '20261120_株式会社こもれび商会_21292.pdf',
    ]);
    expect(await expenseRows(join(dir, 'demo-import', 'workbook.xlsx'))).toHaveLength(before + 2);

    const exported = await cli(
      'expenses-export',
      '--workbook',
      demo,
      '--now',
      '2026-11-30T18:00+09:00',
      '--out',
      join(dir, 'demo-export'),
    );
    expect([exported.code, exported.err]).toEqual([0, []]);
    expect(exported.out[0]).toMatch(/^2026-11 の経費 \d+件を freee会計 用に書き出しました/);
    expect(exported.out.slice(-3, -1)).toEqual(warning);
    expect(readdirSync(join(dir, 'demo-export/drive/Pokke/経費/エクスポート')).sort()).toEqual([
      '経費_2026-11_MF_20261130-1800.csv',
      '経費_2026-11_freee_20261130-1800.csv',
    ]);
  }, 120000);
});
