import { Workspace } from '../../emulator/workspace';
import { cellText, textCell } from '../../src/sheets/cells';
import { RUN_LOG_SHEET, SALES_SHEET } from '../../src/sheets/schema';
import { appendRecords, mapHeaders, readTable, writeColumn } from '../../src/sheets/table';

function salesSheet(rows: unknown[][]) {
  const ws = new Workspace();
  const sheet = ws.SpreadsheetApp.createSpreadsheet('帳簿').insertSheet('売上明細');
  sheet.getRange(1, 1, rows.length, rows[0]!.length).setValues(rows);
  const globals = ws.globals() as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp };
  return { ws, sheet: globals.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('売上明細')! };
}

describe('mapHeaders', () => {
  it('finds columns by Japanese header or English alias, in any order, ignoring width and case', () => {
    const map = mapHeaders(SALES_SHEET, [
      '社内用',
      'client',
      '日 付',
      'ＵＮＩＴ　ＰＲＩＣＥ',
      '品目',
    ]);
    expect(map.index).toMatchObject({ client: 1, date: 2, unitPrice: 3, item: 4 });
    expect(map.missing).toEqual([
      'quantity',
      'unit',
      'taxRate',
      'taxMode',
      'detail',
      'note',
      'invoiceNumber',
      'message',
      'recurringKey',
    ]);
    expect(map.width).toBe(5);
  });
});

describe('readTable', () => {
  it('reads the whole sheet in two calls, keyed by column, skipping empty rows', () => {
    const { ws, sheet } = salesSheet([
      ['自分のメモ', '取引先', '品目', '単価'],
      ['x', '山田デザイン事務所', 'ロゴ制作', 88000],
      ['', '', '', ''],
      ['', '株式会社さくら食品', '焼き菓子', 1200],
    ]);
    ws.meter.resetCounts();
    const table = readTable(sheet, SALES_SHEET);
    expect(ws.meter.total('SpreadsheetApp')).toBe(2);
    expect(
      table.rows.map((r) => [r.rowNumber, r.values.client, r.values.unitPrice, r.values.quantity]),
    ).toEqual([
      [2, '山田デザイン事務所', 88000, ''],
      [4, '株式会社さくら食品', 1200, ''],
    ]);
  });
});

describe('writeColumn', () => {
  it('writes one column span in one setValues, keeping the rows in between', () => {
    const { ws, sheet } = salesSheet([
      ['取引先', 'メッセージ'],
      ['A', 'old 1'],
      ['B', 'keep me'],
      ['C', 'old 3'],
    ]);
    const table = readTable(sheet, SALES_SHEET);
    ws.meter.resetCounts();
    writeColumn(
      table,
      'message',
      new Map([
        [2, 'new 1'],
        [4, 'new 3'],
      ]),
    );
    expect(ws.meter.counts()).toEqual({
      'SpreadsheetApp.Range.setValues': 1,
      'SpreadsheetApp.Sheet.getRange': 1,
    });
    expect(sheet.getRange('B2:B4').getValues().flat()).toEqual(['new 1', 'keep me', 'new 3']);
  });
});

describe('text cells', () => {
  it('round-trips formula-like text as text', () => {
    for (const text of ['=SUM(A1:A3)', '+81-3-1234', '-5', '@mention', 'plain']) {
      expect(cellText(textCell(text))).toBe(text);
    }
  });
});

describe('appendRecords', () => {
  it('adds rows to a full sheet instead of writing past its last row', () => {
    const ws = new Workspace();
    const ss = ws.SpreadsheetApp.createSpreadsheet('t');
    const sheet = ss.insertSheet('実行ログ');
    sheet.getRange(1, 1, 1, 3).setValues([['開始', '終了', '処理']]);
    sheet.deleteRows(3, sheet.getMaxRows() - 2);
    const table = readTable(sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet, RUN_LOG_SHEET);
    expect(sheet.getMaxRows()).toBe(2);
    const first = appendRecords(table, [{ job: 'a' }, { job: 'b' }, { job: 'c' }]);
    expect(first).toBe(2);
    expect(sheet.getRange(2, 3, 3, 1).getValues()).toEqual([['a'], ['b'], ['c']]);
    expect(sheet.getMaxRows()).toBe(4);
  });
});
