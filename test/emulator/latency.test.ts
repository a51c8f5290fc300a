import { loadBundle } from '../../emulator/runtime';
import type { GmailAppEmulator } from '../../emulator/services/gmail';
import type { HtmlServiceEmulator } from '../../emulator/services/html';
import { estimatePdfPages } from '../../emulator/services/pdf-pages';
import type { SpreadsheetAppEmulator } from '../../emulator/services/spreadsheet/app';
import type { UtilitiesEmulator } from '../../emulator/services/utilities';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';

interface Services {
  SpreadsheetApp: SpreadsheetAppEmulator;
  Utilities: UtilitiesEmulator;
  GmailApp: GmailAppEmulator;
  HtmlService: HtmlServiceEmulator;
}

function workspace(options: WorkspaceOptions = {}) {
  const ws = new Workspace({ now: '2026-11-30T18:00:00+09:00', ...options });
  ws.SpreadsheetApp.createSpreadsheet('帳簿', { rows: 5000, columns: 26 });
  return { ws, g: ws.globals() as unknown as Services };
}

/** Modelled milliseconds `f` takes on the workspace's clock. */
function timed(ws: Workspace, f: () => void): number {
  const start = ws.clock.now();
  f();
  return ws.clock.now() - start;
}

const grid = (rows: number, columns: number) =>
  Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => i * columns + j),
  );

describe('SpreadsheetApp.flush costs what the published measurement supports', () => {
  it('matches both measured points: one flush after 4,000 cells, a flush after each of 400 rows', () => {
    const { ws, g } = workspace();
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange(1, 1, 400, 10).setValues(grid(400, 10));
    const large = timed(ws, () => g.SpreadsheetApp.flush());
    // 610 ms for a 4,000-cell write and its flush, < 50 ms of which the write.
    expect(large).toBeGreaterThanOrEqual(540);
    expect(large).toBeLessThanOrEqual(580);
    // Nothing written since: the flush applies nothing more.
    expect(timed(ws, () => g.SpreadsheetApp.flush())).toBeLessThan(35);
    sheet.getRange(1, 1, 2, 2).setValues(grid(2, 2));
    const small = timed(ws, () => g.SpreadsheetApp.flush());
    expect(small).toBeGreaterThanOrEqual(25);
    expect(small).toBeLessThan(large / 10);
    // ≈ 12 s for 400 rows of 10 cells with a flush after each, against 164 ms without.
    let perRow = 0;
    for (let row = 1; row <= 400; row++) {
      sheet.getRange(row, 1, 1, 10).setValues(grid(1, 10));
      perRow += timed(ws, () => g.SpreadsheetApp.flush());
    }
    expect(perRow).toBeGreaterThan(11_000);
    expect(perRow).toBeLessThan(12_500);
  });

  it('counts every way of writing values, across the spreadsheets of the workspace', () => {
    const { ws, g } = workspace();
    const other = g.SpreadsheetApp.create('別の帳簿');
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    sheet.getRange(1, 1, 100, 10).setValue('x');
    sheet.getRange(1, 11, 100, 10).setFormula('=1+1');
    sheet.appendRow(grid(1, 1000)[0]!);
    other.getSheets()[0]!.getRange(1, 1, 100, 10).setValues(grid(100, 10));
    // 1,000 + 1,000 + 1,000 + 1,000 cells: as one 4,000-cell write.
    const flush = timed(ws, () => g.SpreadsheetApp.flush());
    expect(flush).toBeGreaterThanOrEqual(540);
    expect(flush).toBeLessThanOrEqual(580);
  });

  it('an execution does not pay for writes made before it (seeding) or left by the one before', () => {
    const { ws } = workspace();
    ws.SpreadsheetApp.active!.getSheets()[0]!.getRange(1, 1, 400, 10).setValues(grid(400, 10));
    const bundle = loadBundle(
      `function write() { SpreadsheetApp.getActiveSheet().getRange(1, 1, 400, 10).setValue(1); }
       function flushOnly() { SpreadsheetApp.flush(); }
       function writeAndFlush() { write(); SpreadsheetApp.flush(); }`,
      { workspace: ws },
    );
    const elapsed = (name: string) => {
      bundle.run(name);
      return ws.meter.lastExecution!.elapsedMs;
    };
    const afterSeeding = elapsed('flushOnly');
    elapsed('write');
    expect(elapsed('flushOnly')).toBe(afterSeeding);
    expect(afterSeeding).toBeLessThan(35);
    // Written within the execution: its flush applies the 4,000 cells (after 3 Sheets calls).
    expect(elapsed('writeAndFlush') - 3 * 160).toBeGreaterThanOrEqual(540);
  });
});

/** An invoice laid out as Pokke's: header tables, one table row per line, the totals. */
function invoiceHtml(lines: number): string {
  const rows = Array.from(
    { length: lines },
    (_, i) =>
      `<tr><td>2026-11-${String((i % 28) + 1).padStart(2, '0')}</td><td>作業 ${i + 1}</td><td class="right">¥10,000</td></tr>`,
  ).join('\n');
  return `<!doctype html><html><body>
<table><tr><td class="title">請求書</td></tr></table>
<table><tr><td>株式会社サンプル 御中</td></tr><tr><td>請求番号 2026-11-0001</td></tr><tr><td>発行日 2026年11月30日</td></tr></table>
<table><tr><th>件名</th><td>11月分</td></tr><tr><th>支払期日</th><td>12月31日</td></tr></table>
<table class="lines"><thead><tr><th>日付</th><th>内容</th><th>金額</th></tr></thead>
${rows}
</table>
<table><tr><td>小計</td><td>¥${lines}0,000</td></tr><tr><td>消費税</td><td>¥${lines},000</td></tr><tr class="grand"><td>合計</td><td>¥${lines * 11},000</td></tr></table>
</body></html>`;
}

describe('HTML to PDF conversion costs more the more pages it renders', () => {
  const convert = (g: Services, html: string) =>
    g.Utilities.newBlob(html, 'text/html', 'invoice.html').getAs('application/pdf');

  it('an invoice of 100 lines costs more than one of 3 lines', () => {
    const { ws, g } = workspace();
    const short = timed(ws, () => convert(g, invoiceHtml(3)));
    const long = timed(ws, () => convert(g, invoiceHtml(100)));
    expect(estimatePdfPages(invoiceHtml(3))).toBe(1);
    expect(estimatePdfPages(invoiceHtml(100))).toBe(4);
    expect(short).toBe(1500);
    expect(long).toBe(1500 + 3 * 300);
    const output = g.HtmlService.createHtmlOutput(invoiceHtml(100));
    expect(timed(ws, () => output.getAs('application/pdf'))).toBe(long);
  });

  it('counts forced page breaks and the lines of converted plain text', () => {
    const breaks =
      '<p>1</p><div style="page-break-after: always"></div><p>2</p><div style="break-before: page"><p>3</p></div>';
    expect(estimatePdfPages(breaks)).toBe(3);
    expect(estimatePdfPages('<p>one paragraph</p>')).toBe(1);
    const { ws, g } = workspace();
    const text = Array.from({ length: 90 }, (_, i) => `line ${i}`).join('\n');
    const plain = timed(ws, () =>
      g.Utilities.newBlob(text, 'text/plain', 'a.txt').getAs('application/pdf'),
    );
    expect(plain).toBe(1500 + 2 * 300);
  });
});

describe('GmailMessage: getting a message fetches its fields, its getters read them', () => {
  it('reading an open mail costs the fetch and next to nothing per getter', () => {
    const { ws, g } = workspace();
    const delivered = ws.GmailApp.deliver({
      from: '佐藤 花子 <hanako@client.example.jp>',
      subject: 'お見積りのお願い',
      plainBody: '11/30(月)までにお見積りをお願いします。',
      attachments: [{ name: '仕様書.txt', contentType: 'text/plain', data: '仕様' }],
    });
    let message = delivered;
    const fetch = timed(ws, () => {
      message = g.GmailApp.getMessageById(delivered.getId());
    });
    const getters = timed(ws, () => {
      message.getSubject();
      message.getFrom();
      message.getDate();
      message.getPlainBody();
      message.getBody();
      message.isUnread();
    });
    expect(fetch).toBe(200);
    expect(getters).toBe(6);
    // The attachments' bytes are a round trip of their own.
    expect(timed(ws, () => message.getAttachments())).toBe(200);
  });
});

describe('assumedScale (the bench’s sensitivity check)', () => {
  it('doubles the assumed figures and leaves the measured ones', () => {
    const { ws, g } = workspace({ latency: { assumedScale: 2 } });
    const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
    const range = sheet.getRange(1, 1, 2, 2);
    expect(timed(ws, () => range.getValues())).toBe(160);
    sheet.getRange(1, 1, 400, 10).setValues(grid(400, 10));
    const flush = timed(ws, () => g.SpreadsheetApp.flush());
    expect(flush).toBeGreaterThanOrEqual(540);
    expect(flush).toBeLessThanOrEqual(580);
    const pdf = timed(ws, () =>
      g.Utilities.newBlob(invoiceHtml(100), 'text/html', 'a.html').getAs('application/pdf'),
    );
    expect(pdf).toBe(2 * (1500 + 3 * 300));
  });
});
