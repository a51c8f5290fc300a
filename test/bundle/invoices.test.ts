import { type Bundle, loadBundleFromDist } from '../../emulator/runtime';
import { seedDemo } from '../../playground/seed';
import { DEMO_DIR, ExecutionLog, readDemoCompany } from '../../playground/session';
import type { InvoicePreview, IssueReport } from '../../src/core/contracts/invoices';

function demoBundle(): Bundle {
  const bundle = loadBundleFromDist('dist', { now: '2026-11-30T18:00:00+09:00' });
  seedDemo(bundle, new ExecutionLog(bundle), readDemoCompany(), DEMO_DIR);
  return bundle;
}

const invoiceRows = (bundle: Bundle) =>
  bundle.workspace.SpreadsheetApp.active!.getSheetByName('請求書')!
    .getDataRange()
    .getDisplayValues()
    .slice(1);

describe('invoices through the bundle (demo company, month end 2026-11-30)', () => {
  it('previews one invoice per client without writing anything', () => {
    const bundle = demoBundle();
    const before = bundle.workspace.SpreadsheetApp.active!.snapshot();
    const preview = bundle.runJson('invoicesPreview', [
      { closingDate: '2026-11-30' },
    ]) as InvoicePreview;
    expect(preview.invoices.map((i) => i.client).sort()).toEqual(
      [
        'Blue Harbor Studio',
        '合同会社みなと企画',
        '山田デザイン事務所',
        '株式会社さくら食品',
      ].sort(),
    );
    const sakura = preview.invoices.find((i) => i.client === '株式会社さくら食品')!;
    // 20日締め: the month-end run bills 10/21–11/20, due 12/10 (a Thursday, a business day).
    expect([sakura.periodStart, sakura.periodEnd, sakura.dueDate]).toEqual([
      '2026-10-21',
      '2026-11-20',
      '2026-12-10',
    ]);
    expect(sakura.tax8).toBeGreaterThan(0);
    expect(sakura.total).toBe(
      sakura.base10 + sakura.tax10 + sakura.base8 + sakura.tax8 + sakura.base0,
    );
    expect(bundle.workspace.SpreadsheetApp.active!.snapshot()).toEqual(before);
    expect(bundle.workspace.DriveApp.allFiles()).toEqual([]);
  });

  it('issues PDFs in Drive, Gmail drafts with the PDF, invoice rows and billed lines — once', () => {
    const bundle = demoBundle();
    const report = bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]) as IssueReport;
    expect(report.issued.map((i) => i.number).sort()).toEqual([
      '2026-11-0001',
      '2026-11-0002',
      '2026-11-0003',
      '2026-11-0004',
    ]);
    expect(report.message.ja).toMatch(/^4件の請求書を作成しました/);
    expect(report.message.en).toMatch(/^Issued 4 invoice\(s\)/);
    expect(report.issued.map((i) => i.message)).toEqual([null, null, null, null]);

    const files = bundle.workspace.DriveApp.allFiles();
    expect(files).toHaveLength(4);
    for (const f of files) {
      expect(f.folderPath).toBe('Pokke/請求書/2026/11');
      expect(f.name).toMatch(/^20261130_.+_\d+_2026-11-000\d\.pdf$/);
      expect(f.mimeType).toBe('application/pdf');
    }
    const yamada = files.find((f) => f.name.includes('山田デザイン事務所'))!;
    expect(yamada.sourceHtml).toContain('登録番号');
    expect(yamada.sourceHtml).toContain('山田デザイン事務所');

    const drafts = bundle.workspace.GmailApp.outbox().filter((m) => m.kind === 'draft');
    expect(drafts).toHaveLength(4);
    for (const d of drafts)
      expect(d.attachments.map((a) => a.contentType)).toEqual(['application/pdf']);

    const rows = invoiceRows(bundle);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r).toContain('下書き');
    const sales = bundle.workspace.SpreadsheetApp.active!.getSheetByName('売上明細')!
      .getDataRange()
      .getValues();
    const numberCol = sales[0]!.indexOf('請求書番号');
    expect(sales.slice(1).filter((r) => r[numberCol] !== '').length).toBe(sales.length - 1);

    // A second run (a double click, a trigger firing twice) issues nothing more.
    const again = bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]) as IssueReport;
    expect(again.issued).toEqual([]);
    expect(again.alreadyIssued.sort()).toEqual(
      [
        'Blue Harbor Studio',
        '合同会社みなと企画',
        '山田デザイン事務所',
        '株式会社さくら食品',
      ].sort(),
    );
    expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(4);
    expect(bundle.workspace.GmailApp.outbox()).toHaveLength(4);
    expect(invoiceRows(bundle)).toHaveLength(4);
  });

  it('writes a clear message on a bad line and still issues the others', () => {
    const bundle = demoBundle();
    const sheet = bundle.workspace.SpreadsheetApp.active!.getSheetByName('売上明細')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    const priceCol = headers.indexOf('単価') + 1;
    sheet.getRange(2, priceCol).setNumberFormat('@').setValue('たくさん');
    const report = bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]) as IssueReport;
    expect(report.problems).toEqual([expect.objectContaining({ sheet: '売上明細', row: 2 })]);
    expect(report.issued.length).toBe(3);
    const message = sheet.getRange(2, headers.indexOf('メッセージ') + 1).getValue();
    expect(String(message)).toMatch(/単価/);
  });

  it('refuses a malformed request with a readable message', () => {
    const bundle = demoBundle();
    expect(() => bundle.runJson('invoicesIssue', [{ closingDate: '2026-13-45' }])).toThrow(
      /^入力内容が正しくありません/,
    );
    expect(() => bundle.runJson('invoicesPreview', [{}])).toThrow(/入力内容/);
  });
});

describe('cost of an issuing run', () => {
  function sheetsCallsFor(lineCount: number) {
    const bundle = demoBundle();
    const ss = bundle.workspace.SpreadsheetApp.active!;
    const sheet = ss.getSheetByName('売上明細')!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const template = sheet.getRange(2, 1, 1, headers.length).getValues()[0]!;
    sheet.getRange(2, 1, sheet.getLastRow() - 1, headers.length).clearContent();
    const rows = Array.from({ length: lineCount }, (_, i) => {
      const row = [...template];
      row[headers.indexOf('品目')] = `作業 ${i + 1}`;
      return row;
    });
    // Room below for the 定期請求 lines the run adds (a full sheet costs one call to grow).
    const room = lineCount + 1 + 10;
    if (sheet.getMaxRows() < room)
      sheet.insertRowsAfter(sheet.getMaxRows(), room - sheet.getMaxRows());
    sheet.getRange(2, 1, lineCount, headers.length).setValues(rows);
    bundle.workspace.meter.resetCounts();
    const report = bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]) as IssueReport;
    // The lines' client, and the two clients of the 定期請求 lines due by 11/30.
    expect(report.issued).toHaveLength(3);
    return bundle.workspace.meter.total('SpreadsheetApp') + bundle.workspace.meter.total('Sheets');
  }

  it('costs, for the demo (4 invoices), these calls by service (README, Performance)', () => {
    const bundle = demoBundle();
    bundle.workspace.meter.resetCounts();
    const start = bundle.workspace.clock.now();
    bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
    const counts = bundle.workspace.meter.counts();
    const byService: Record<string, number> = {};
    for (const [key, n] of Object.entries(counts)) {
      const service = key.slice(0, key.indexOf('.'));
      byService[service] = (byService[service] ?? 0) + n;
    }
    // ScriptApp: the continuation trigger set before the records (so a run that dies is
    // finished without the owner) and deleted once every invoice is made.
    // Sheets: the five tables in one batched read (after the sheets' names), and 売上明細 read
    // again after the two 定期請求 lines due by 11/30 were added (one block, a flush, 最終計上).
    // PropertiesService and Session: the user's language (their own choice, else their locale).
    expect(byService).toEqual({
      SpreadsheetApp: 17,
      Sheets: 3,
      LockService: 3,
      ScriptApp: 6,
      Utilities: 32,
      Drive: 16,
      Gmail: 5,
      PropertiesService: 2,
      Session: 1,
    });
    expect(
      Object.fromEntries(
        Object.entries(counts).filter(([k]) => /^(PropertiesService|Session)\./.test(k)),
      ),
    ).toEqual({
      'PropertiesService.getUserProperties': 1,
      'PropertiesService.Properties.getProperty': 1,
      'Session.getActiveUserLocale': 1,
    });
    // Folders Pokke/請求書/2026/11 (4 lookups, 4 creations), then per invoice one lookup by
    // name and one upload; the owner's address once (for the sender name), one call per draft.
    expect(
      Object.fromEntries(Object.entries(counts).filter(([k]) => /^(Drive|Gmail)\./.test(k))),
    ).toEqual({
      'Drive.Files.list': 8,
      'Drive.Files.create': 8,
      'Gmail.Users.getProfile': 1,
      'Gmail.Users.Drafts.create': 4,
    });
    expect(bundle.workspace.meter.total()).toBe(85);
    expect(bundle.workspace.clock.now() - start).toBeLessThan(20_000);
    // No DriveApp or GmailApp: their scopes (drive, mail.google.com) are gone from the manifest.
    expect(Object.keys(counts).filter((k) => /^(DriveApp|GmailApp)\./.test(k))).toEqual([]);
    bundle.workspace.meter.resetCounts();
    bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
    // The language (3), the lock, the tables, a flush: nothing new to issue.
    expect(bundle.workspace.meter.total()).toBe(11);
  });

  it('makes the same number of Sheets calls for 10, 100 and 1,000 lines', () => {
    const counts = [10, 100, 1000].map(sheetsCallsFor);
    expect(new Set(counts).size).toBe(1);
  });
});

describe('an issuing run cut off halfway', () => {
  it('is finished by the next run: every invoice once, with its PDF, draft and links', () => {
    // Where the documents phase starts, from a clean run of the same workbook.
    const probe = demoBundle();
    probe.workspace.meter.startTrace();
    probe.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
    const trace = probe.workspace.meter.trace();
    const firstDrive = trace.findIndex((k) => k.startsWith('Drive.'));
    // The PDF upload follows its conversion (folders are created right after their lookup).
    const firstPdf = trace.findIndex(
      (k, i) => k === 'Drive.Files.create' && trace[i - 1] === 'Utilities.Blob.setName',
    );
    const firstGmail = trace.findIndex((k) => k.startsWith('Gmail.'));
    const firstDraft = trace.indexOf('Gmail.Users.Drafts.create');
    expect(Math.min(firstDrive, firstPdf, firstGmail, firstDraft)).toBeGreaterThan(0);

    // Cut right after: the first folder lookup, the first PDF upload, the first Gmail call, the
    // first draft (made, but its link not yet written: the retry must find it by subject).
    for (const cut of [firstDrive + 1, firstPdf + 1, firstGmail + 1, firstDraft + 1]) {
      const bundle = demoBundle();
      bundle.workspace.meter.killAfter(cut);
      expect(() => bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }])).toThrow(
        /killed|Exceeded maximum execution time/,
      );
      const retry = bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]) as IssueReport;
      expect(retry.issued).toHaveLength(4);
      expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(4);
      expect(bundle.workspace.GmailApp.outbox().filter((m) => m.kind === 'draft')).toHaveLength(4);
      const rows = invoiceRows(bundle);
      expect(rows).toHaveLength(4);
      for (const r of rows) {
        expect(r.some((c) => c.startsWith('https://drive.google.com/'))).toBe(true);
        expect(r.some((c) => c.startsWith('https://mail.google.com/'))).toBe(true);
      }
      const third = bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]) as IssueReport;
      expect(third.issued).toEqual([]);
    }
  });
});

describe('voiding an invoice (取消)', () => {
  it('keeps the old row and PDF, and a re-issue bills the same lines under a new number', () => {
    const bundle = demoBundle();
    bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
    const ss = bundle.workspace.SpreadsheetApp.active!;
    const invoices = ss.getSheetByName('請求書')!;
    const headers = invoices.getRange(1, 1, 1, invoices.getLastColumn()).getValues()[0]!;
    const col = (h: string) => headers.indexOf(h) + 1;
    const rows = invoices.getRange(2, 1, 4, headers.length).getValues();
    const yamadaRow = rows.findIndex((r) => r[col('取引先') - 1] === '山田デザイン事務所') + 2;
    const oldNumber = String(invoices.getRange(yamadaRow, col('請求書番号')).getValue());
    invoices.getRange(yamadaRow, col('状態')).setValue('取消');

    const preview = bundle.runJson('invoicesPreview', [
      { closingDate: '2026-11-30' },
    ]) as InvoicePreview;
    expect(preview.invoices.map((i) => i.client)).toEqual(['山田デザイン事務所']);
    const report = bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]) as IssueReport;
    expect(report.issued).toEqual([
      expect.objectContaining({ client: '山田デザイン事務所', number: '2026-11-0005' }),
    ]);

    expect(invoices.getRange(yamadaRow, col('状態')).getValue()).toBe('取消');
    expect(invoices.getRange(yamadaRow, col('請求書番号')).getValue()).toBe(oldNumber);
    const names = bundle.workspace.DriveApp.allFiles().map((f) => f.name);
    expect(names).toHaveLength(5);
    expect(names.filter((n) => n.includes('山田デザイン事務所'))).toHaveLength(2);
    const sales = ss.getSheetByName('売上明細')!.getDataRange().getValues();
    const numberCol = sales[0]!.indexOf('請求書番号');
    const clientCol = sales[0]!.indexOf('取引先');
    const yamadaLines = sales.slice(1).filter((r) => r[clientCol] === '山田デザイン事務所');
    expect(yamadaLines.map((r) => r[numberCol])).toEqual(yamadaLines.map(() => '2026-11-0005'));
  });
});
