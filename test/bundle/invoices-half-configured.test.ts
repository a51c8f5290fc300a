/**
 * No invoice goes out half-configured (issue 12, item 2), through the bundle: a workbook with
 * only 会社名 warns, before anything is issued, that there is no 登録番号 and no 振込先 — in the
 * preview, the CLI's output and 実行ログ — and issues anyway; the transfer-fee sentence is printed
 * at most once, from its setting, in the client's language; a line's 摘要 reaches the client and
 * its メモ never does; 税込 and 税抜 lines are grouped by basis; the sidebar's figures for ticked
 * lines are issuing's own; the default closing date is the script's clock in Tokyo. The demo
 * company, month end 2026-11-30; sales rows 2 山田, 3/4/6 さくら (6 is 税込), 5 みなと, 7 Blue
 * Harbor Studio (English).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Bundle, loadBundleFromDist } from '../../emulator/runtime';
import { seedDemo } from '../../playground/seed';
import { DEMO_DIR, ExecutionLog, readDemoCompany } from '../../playground/session';
import { modelFromSpreadsheet } from '../../playground/sheets';
import { readXlsxFile, writeXlsxFile } from '../../playground/xlsx';
import type {
  InvoiceDefaults,
  InvoicePreview,
  IssueReport,
} from '../../src/core/contracts/invoices';
import type { SaveResult, SettingsForm } from '../../src/core/contracts/settings';
import { invoiceAmounts } from '../../src/core/invoice/amounts';
import { BLANK_SETTINGS_FORM } from '../fixtures/settings';
import { cli } from '../playground/support/cli';

const CLOSING = { closingDate: '2026-11-30' };
const NO_NUMBER = '登録番号が未設定です。適格請求書になりません';
const NO_BANK = '振込先が未設定です';
const NOW = '2026-11-30T18:00:00+09:00';

function demoBundle(now = NOW): Bundle {
  const bundle = loadBundleFromDist('dist', { now });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  return bundle;
}

function save(bundle: Bundle, form: SettingsForm): void {
  expect(bundle.runJson('settingsSave', [form]) as SaveResult).toMatchObject({ ok: true });
}

/** The demo workbook with only 会社名 in 設定. */
function halfConfigured(): Bundle {
  const bundle = demoBundle();
  save(bundle, { ...BLANK_SETTINGS_FORM, companyName: '株式会社ぽっけ商店' });
  return bundle;
}

const sheet = (bundle: Bundle, name: string) =>
  bundle.workspace.SpreadsheetApp.active!.getSheetByName(name)!;

function runLogMessages(bundle: Bundle): string[] {
  const [headers, ...rows] = sheet(bundle, '実行ログ').getDataRange().getDisplayValues();
  const col = headers!.indexOf('メッセージ');
  return rows.map((r) => r[col] ?? '');
}

const pdfHtml = (bundle: Bundle, client: string) =>
  bundle.workspace.DriveApp.allFiles().find((f) => f.name.includes(client))!.sourceHtml!;

const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const occurrences = (text: string, what: RegExp) => (text.match(what) ?? []).length;

/** Sets a 売上明細 cell by header. */
function setSalesCell(bundle: Bundle, row: number, header: string, value: string): void {
  const s = sheet(bundle, '売上明細');
  const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!;
  s.getRange(row, headers.indexOf(header) + 1).setValue(value);
}

describe('a workbook with only 会社名: warned, not refused', () => {
  it('the preview names both gaps before anything is issued, and writes nothing', () => {
    const bundle = halfConfigured();
    const before = bundle.workspace.SpreadsheetApp.active!.snapshot();
    const preview = bundle.runJson('invoicesPreview', [CLOSING]) as InvoicePreview;
    expect(preview.invoices).toHaveLength(4);
    expect(preview.settingsWarnings).toEqual([
      { ja: NO_NUMBER, en: expect.stringMatching(/^No registration number is set/) },
      {
        ja: expect.stringMatching(new RegExp(`^${NO_BANK}`)),
        en: expect.stringMatching(/^No bank account is set/),
      },
    ]);
    expect(bundle.workspace.SpreadsheetApp.active!.snapshot()).toEqual(before);
  });

  it('issues anyway; the report and 実行ログ carry both warnings; no fee sentence under no bank', () => {
    const bundle = halfConfigured();
    const report = bundle.runJson('invoicesIssue', [CLOSING]) as IssueReport;
    expect(report.issued).toHaveLength(4);
    expect(report.settingsWarnings).toHaveLength(2);
    expect(report.message.ja).toContain(NO_NUMBER);
    expect(report.message.ja).toContain(NO_BANK);
    expect(report.message.en).toMatch(/No registration number is set[\s\S]*No bank account is set/);
    const logged = runLogMessages(bundle);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/^4件の請求書を作成しました/);
    expect(logged[0]).toContain(NO_NUMBER);
    expect(logged[0]).toContain(NO_BANK);
    for (const f of bundle.workspace.DriveApp.allFiles()) {
      const text = visible(f.sourceHtml!);
      expect(occurrences(text, /振込手数料|transfer fees/g)).toBe(0);
      expect(text).not.toMatch(/お振込先|Payment to|登録番号|Registration No/);
    }
    // Nothing new the second time: no warning to log.
    bundle.runJson('invoicesIssue', [CLOSING]);
    expect(runLogMessages(bundle)).toHaveLength(1);
  });

  it.each([
    ['ja', /^4件の請求書を作成しました/, NO_NUMBER, NO_BANK],
    ['en', /^Issued 4 invoice\(s\)/, 'No registration number is set', 'No bank account is set'],
  ])(
    'the CLI (--lang %s) prints both warnings and its workbook records them in 実行ログ, in that language',
    async (lang, issued, noNumber, noBank) => {
      const bundle = halfConfigured();
      const dir = mkdtempSync(join(tmpdir(), 'pokke-half-configured-'));
      const input = join(dir, 'books.xlsx');
      await writeXlsxFile(modelFromSpreadsheet(bundle.workspace.SpreadsheetApp.active!), input);
      const out = join(dir, 'out');
      const r = await cli(
        'invoices',
        '--workbook',
        input,
        '--now',
        NOW,
        '--out',
        out,
        '--lang',
        lang,
      );
      expect(r.err).toEqual([]);
      expect(r.code).toBe(0);
      const printed = r.out.join('\n');
      expect(printed).toMatch(issued);
      expect(printed).toContain(noNumber);
      expect(printed).toContain(noBank);
      const other = lang === 'ja' ? 'No bank account' : NO_BANK;
      expect(printed).not.toContain(other);
      const { workbook } = await readXlsxFile(join(out, 'workbook.xlsx'));
      const log = workbook.sheets.find((s) => s.name === '実行ログ')!;
      const cells = log.values.flat().map((v) => String(v ?? ''));
      expect(cells.some((v) => v.includes(noNumber) && v.includes(noBank))).toBe(true);
      expect(cells.some((v) => v.includes(other))).toBe(false);
      expect(
        JSON.parse(readFileSync(join(out, 'run-log.json'), 'utf8')).result.issued,
      ).toHaveLength(4);
    },
    120000,
  );
});

describe('the transfer-fee sentence', () => {
  it('configured: once on every invoice, in the client language, and no warning', () => {
    const bundle = demoBundle();
    const preview = bundle.runJson('invoicesPreview', [CLOSING]) as InvoicePreview;
    expect(preview.settingsWarnings).toEqual([]);
    bundle.runJson('invoicesIssue', [CLOSING]);
    for (const f of bundle.workspace.DriveApp.allFiles()) {
      const text = visible(f.sourceHtml!);
      expect(occurrences(text, /振込手数料|transfer fees/gi)).toBe(1);
    }
    const en = visible(pdfHtml(bundle, 'Blue Harbor Studio'));
    expect(en).toContain('Bank transfer fees are to be borne by the payer.');
    expect(en).not.toContain('振込手数料');
    expect(visible(pdfHtml(bundle, '山田デザイン事務所'))).toContain('振込手数料は貴社にてご負担');
    expect(runLogMessages(bundle)).toEqual([]);
  });

  it('しない in 設定 leaves it out; written in the note as well, the preview warns', () => {
    const bundle = demoBundle();
    const company = readDemoCompany().settings as unknown as SettingsForm;
    save(bundle, { ...company, invoiceNote: '振込手数料はご負担ください' });
    const preview = bundle.runJson('invoicesPreview', [CLOSING]) as InvoicePreview;
    expect(preview.settingsWarnings.map((w) => w.ja).join()).toMatch(
      /振込手数料の記載があり、2回表示されます/,
    );
    save(bundle, { ...company, transferFeeNote: 'しない' });
    bundle.runJson('invoicesIssue', [CLOSING]);
    for (const f of bundle.workspace.DriveApp.allFiles())
      expect(visible(f.sourceHtml!)).not.toMatch(/振込手数料|transfer fees/i);
  });
});

describe('摘要 for the client, メモ for the owner', () => {
  it('prints a line 摘要 under its item and never its メモ', () => {
    const bundle = demoBundle();
    setSalesCell(bundle, 2, '摘要', '11月の更新作業3件');
    setSalesCell(bundle, 2, 'メモ', '定期請求・値上げ交渉中');
    bundle.runJson('invoicesIssue', [CLOSING]);
    const text = visible(pdfHtml(bundle, '山田デザイン事務所'));
    expect(text).toContain('Webサイト保守(11月分) 11月の更新作業3件');
    expect(text).not.toMatch(/値上げ交渉中|定期請求/);
  });

  it('a workbook from before: its 備考 column is read as the memo, and it still issues', () => {
    const bundle = demoBundle();
    const s = sheet(bundle, '売上明細');
    const headers = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!;
    s.deleteColumn(headers.indexOf('摘要') + 1);
    const memo = s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0]!.indexOf('メモ') + 1;
    s.getRange(1, memo).setValue('備考');
    s.getRange(2, memo).setValue('定期請求');
    const report = bundle.runJson('invoicesIssue', [CLOSING]) as IssueReport;
    expect(report.issued).toHaveLength(4);
    expect(visible(pdfHtml(bundle, '山田デザイン事務所'))).not.toContain('定期請求');
  });
});

describe('税込 and 税抜 on one invoice', () => {
  it('the PDF groups the lines under a heading per basis', () => {
    const bundle = demoBundle();
    bundle.runJson('invoicesIssue', [CLOSING]);
    const text = visible(pdfHtml(bundle, '株式会社さくら食品'));
    expect(text).toMatch(/税抜価格の明細 金額\(税抜\) .*焼き菓子詰め合わせ.*ギフト包装/);
    expect(text).toMatch(/税込価格の明細 金額\(税込\) .*ドリップコーヒー/);
    expect(visible(pdfHtml(bundle, '山田デザイン事務所'))).not.toContain('価格の明細');
  });
});

describe('the sidebar recomputes ticked lines by issuing own rules', () => {
  it('figures from the preview lines equal what issuing the selection records', () => {
    const bundle = demoBundle();
    const preview = bundle.runJson('invoicesPreview', [CLOSING]) as InvoicePreview;
    const sakura = preview.invoices.find((i) => i.client === '株式会社さくら食品')!;
    const ticked = sakura.lines.filter((l) => l.row !== 4);
    const { figures } = invoiceAmounts(ticked, {
      rounding: preview.rounding,
      withholds: sakura.withholds,
    });
    expect(figures.billed).toBeLessThan(sakura.billed);
    const report = bundle.runJson('invoicesIssue', [
      { ...CLOSING, rows: ticked.map((l) => l.row) },
    ]) as IssueReport;
    expect(report.issued).toEqual([expect.objectContaining({ billed: figures.billed })]);
  });
});

describe('the default closing date is the script clock in Asia/Tokyo', () => {
  it.each([
    ['2026-11-24T09:00:00+09:00', '2026-11-30'],
    // 2026-11-30 23:30 UTC is already 12/1 in Tokyo.
    ['2026-11-30T23:30:00Z', '2026-12-31'],
    ['2027-02-10T12:00:00+09:00', '2027-02-28'],
  ])('at %s: %s', (now, closingDate) => {
    const bundle = demoBundle(now);
    expect(bundle.runJson('invoicesDefaults') as InvoiceDefaults).toEqual({
      lang: 'ja',
      closingDate,
    });
  });
});
