import { hostRealm } from '../../emulator/core/realm';
import { Workspace } from '../../emulator/workspace';
import { CLIENTS_SHEET, INVOICES_SHEET, RUN_LOG_SHEET, SALES_SHEET } from '../../src/sheets/schema';
import { appendRecords, readTable, writeColumn } from '../../src/sheets/table';
import { workbookTables } from '../../src/sheets/workbookTables';

type Ss = GoogleAppsScript.Spreadsheet.Spreadsheet;

const SALES_HEADERS = SALES_SHEET.columns.map((c) => c.header);

/**
 * The emulator's services as globals (counted), and a workbook whose sales sheet is named by
 * its English alias, with dates, a date-time typed as text, numbers and an empty row; an
 * 請求書 sheet with a quote in an owner's column; no 取引先 sheet; a run log.
 */
function install(timeZone = 'Asia/Tokyo') {
  const ws = new Workspace({ now: '2026-11-24T09:00:00+09:00' });
  const globals = ws.globals(hostRealm, [
    { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' },
  ]);
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(globals).map((k) => [k, g[k]] as const);
  Object.assign(g, globals);
  const raw = ws.SpreadsheetApp.createSpreadsheet('帳簿');
  raw.setSpreadsheetTimeZone(timeZone);
  const sales = raw.insertSheet('Sales');
  sales.getRange(1, 1, 5, SALES_HEADERS.length + 1).setValues([
    [...SALES_HEADERS, '自分のメモ'],
    ['2026/11/04', '山田デザイン', 'ロゴ', 1, '式', 88000, '10%', '税抜', '', '', '', '', '', 'x'],
    ['', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    [
      '2026/11/30 18:05',
      'さくら食品',
      '菓子',
      2.5,
      '箱',
      1200,
      '8%',
      '税込',
      '',
      '',
      '',
      '',
      '',
      '',
    ],
    ['来月', 'さくら食品', '菓子', '', '', '', '', '', '', '', '2026-11-0001', '', '', ''],
  ]);
  const invoices = raw.insertSheet(INVOICES_SHEET.name);
  invoices.getRange(1, 1, 2, 4).setValues([
    ['請求書番号', '取引先', '発行日', "owner's"],
    ['2026-11-0001', 'さくら食品', new Date('2026-11-30T15:00:00Z'), "it's"],
  ]);
  const log = raw.insertSheet(RUN_LOG_SHEET.name);
  log.getRange(1, 1, 1, 3).setValues([['開始', '終了', '処理']]);
  const ss = (globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).openById(
    raw.getId(),
  ) as Ss;
  const restore = () => {
    for (const [k, v] of saved) g[k] = v;
  };
  return { ws, ss, restore };
}

const PLAN = { tables: [SALES_SHEET, INVOICES_SHEET, CLIENTS_SHEET], headers: [RUN_LOG_SHEET] };

describe('workbookTables with a plan: the tables a run reads, in one Sheets API call', () => {
  it('reads them all at once and sees each cell as SpreadsheetApp would (dates as Dates)', () => {
    const { ws, ss, restore } = install();
    try {
      ws.meter.resetCounts();
      const tables = workbookTables(ss, PLAN);
      const sales = tables.table(SALES_SHEET)!;
      expect(tables.table(INVOICES_SHEET)).not.toBeNull();
      expect(tables.table(CLIENTS_SHEET)).toBeNull();
      expect(tables.headers(RUN_LOG_SHEET)?.headers.index).toMatchObject({
        startedAt: 0,
        finishedAt: 1,
        job: 2,
      });
      // The id, the sheets' names and zone, one batch; the run log's sheet to append to.
      expect(ws.meter.counts()).toEqual({
        'SpreadsheetApp.Spreadsheet.getId': 1,
        'Sheets.Spreadsheets.get': 1,
        'Sheets.Spreadsheets.Values.batchGet': 1,
        'SpreadsheetApp.Spreadsheet.getSheetByName': 1,
      });
      const direct = readTable(ss.getSheetByName('Sales')!, SALES_SHEET);
      expect(sales.rows).toEqual(direct.rows);
      expect(sales.headers).toEqual(direct.headers);
      expect(sales.height).toBe(direct.height);
      expect(sales.rows.map((r) => r.values.date)).toEqual([
        new Date('2026-11-03T15:00:00Z'),
        new Date('2026-11-30T09:05:00Z'),
        '来月',
      ]);
      const invoices = tables.table(INVOICES_SHEET)!;
      expect(invoices.rows).toEqual(
        readTable(ss.getSheetByName(INVOICES_SHEET.name)!, INVOICES_SHEET).rows,
      );
    } finally {
      restore();
    }
  });

  it('reads the tables forgotten after a write again together, and writes by address', () => {
    const { ws, ss, restore } = install();
    try {
      const tables = workbookTables(ss, PLAN);
      const sales = tables.table(SALES_SHEET)!;
      tables.table(INVOICES_SHEET);
      ws.meter.resetCounts();
      writeColumn(sales, 'invoiceNumber', new Map([[2, '2026-11-0002']]));
      appendRecords(sales, [{ client: '新しい取引先', unitPrice: 500 }]);
      // Two calls a write: the sheet is reached by its address, and its size was in the read.
      expect(ws.meter.counts()).toEqual({
        'SpreadsheetApp.Spreadsheet.getRange': 2,
        'SpreadsheetApp.Range.setValues': 2,
      });
      tables.forget(SALES_SHEET, INVOICES_SHEET);
      ws.meter.resetCounts();
      const again = tables.table(SALES_SHEET)!;
      tables.table(INVOICES_SHEET);
      expect(ws.meter.counts()).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1 });
      expect(again.rows.map((r) => r.values.invoiceNumber)).toEqual([
        '2026-11-0002',
        '',
        '2026-11-0001',
        '',
      ]);
      expect(again.rows.at(-1)).toMatchObject({ rowNumber: 6, values: { unitPrice: 500 } });
    } finally {
      restore();
    }
  });

  it('reads a workbook in another time zone through SpreadsheetApp, whose Dates are right', () => {
    const { ws, ss, restore } = install('America/New_York');
    try {
      ws.meter.resetCounts();
      const tables = workbookTables(ss, PLAN);
      const sales = tables.table(SALES_SHEET)!;
      expect(ws.meter.total('Sheets.Spreadsheets.Values')).toBe(0);
      expect(sales.rows).toEqual(readTable(ss.getSheetByName('Sales')!, SALES_SHEET).rows);
      expect(sales.rows[0]?.values.date).toEqual(new Date('2026-11-04T05:00:00Z'));
    } finally {
      restore();
    }
  });
});
