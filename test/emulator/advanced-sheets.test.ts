import { latencyOf } from '../../emulator/core/latency';
import { Workspace, type WorkspaceOptions } from '../../emulator/workspace';

type GSheets = GoogleAppsScript.Sheets;
type GApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const SHEETS_V4 = { userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' } as const;
const UNFORMATTED = {
  valueRenderOption: 'UNFORMATTED_VALUE',
  dateTimeRenderOption: 'SERIAL_NUMBER',
};

/** A workbook in Asia/Tokyo with a sales sheet (a date, text, a number, a gap and a note). */
function setup(options: WorkspaceOptions = {}) {
  const ws = new Workspace({ advancedServices: [SHEETS_V4], ...options });
  const g = ws.globals() as { Sheets: GSheets; SpreadsheetApp: GApp };
  const ss = ws.SpreadsheetApp.createSpreadsheet('帳簿');
  ss.setSpreadsheetTimeZone('Asia/Tokyo');
  const sales = ss.insertSheet("売上'明細");
  sales.getRange(1, 1, 4, 4).setValues([
    ['日付', '取引先', '単価', 'メモ'],
    [new Date('2026-11-29T15:00:00Z'), '山田デザイン', 88000, ''],
    ['', '', '', ''],
    [new Date('2026-11-30T00:30:00Z'), 'さくら食品', 1200, '急ぎ'],
  ]);
  return { ws, ss, sales, Sheets: g.Sheets, SpreadsheetApp: g.SpreadsheetApp };
}

describe('Sheets advanced service (v4): values.batchGet', () => {
  it('reads several ranges in one call, as the API trims them, the same cells SpreadsheetApp holds', () => {
    const { ws, ss, Sheets } = setup();
    ss.getSheetByName('シート1')!.getRange('B2').setValue('x');
    ws.meter.resetCounts();
    const res = Sheets.Spreadsheets.Values.batchGet(ss.getId(), {
      ranges: ["'売上''明細'", "'売上''明細'!1:1", 'シート1'],
      ...UNFORMATTED,
    });
    expect(ws.meter.counts()).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1 });
    expect(res.spreadsheetId).toBe(ss.getId());
    const [whole, header, other] = res.valueRanges!;
    // The whole grid is named; the values stop at the last row and each row at its last value.
    expect(whole).toEqual({
      range: "'売上''明細'!A1:Z1000",
      majorDimension: 'ROWS',
      values: [
        ['日付', '取引先', '単価', 'メモ'],
        [46356, '山田デザイン', 88000],
        [],
        [46356 + 9.5 / 24, 'さくら食品', 1200, '急ぎ'],
      ],
    });
    expect(header).toEqual({
      range: "'売上''明細'!A1:Z1",
      majorDimension: 'ROWS',
      values: [['日付', '取引先', '単価', 'メモ']],
    });
    expect(other?.values).toEqual([[], ['', 'x']]);
  });

  it('gives dates as the cells show them by default, and formulas when asked', () => {
    const { ss, sales, Sheets } = setup();
    sales.getRange('A2').setNumberFormat('yyyy/mm/dd');
    sales.getRange('E1').setFormula('="合計"');
    const range = ["'売上''明細'!A1:E2"];
    const formatted = Sheets.Spreadsheets.Values.batchGet(ss.getId(), { ranges: range });
    expect(formatted.valueRanges![0]!.values).toEqual([
      ['日付', '取引先', '単価', 'メモ', '合計'],
      ['2026/11/30', '山田デザイン', '88000'],
    ]);
    const dateStrings = Sheets.Spreadsheets.Values.batchGet(ss.getId(), {
      ranges: range,
      valueRenderOption: 'UNFORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    expect(dateStrings.valueRanges![0]!.values![1]).toEqual(['2026/11/30', '山田デザイン', 88000]);
    const formulas = Sheets.Spreadsheets.Values.batchGet(ss.getId(), {
      ranges: range,
      valueRenderOption: 'FORMULA',
    });
    expect(formulas.valueRanges![0]!.values![0]![4]).toBe('="合計"');
  });

  it('reads by columns when asked, and leaves values out of an empty range', () => {
    const { ss, Sheets } = setup();
    ss.insertSheet('空');
    const res = Sheets.Spreadsheets.Values.batchGet(ss.getId(), {
      ranges: ["'売上''明細'!B1:C2", '空'],
      majorDimension: 'COLUMNS',
      ...UNFORMATTED,
    });
    expect(res.valueRanges![0]!.values).toEqual([
      ['取引先', '山田デザイン'],
      ['単価', 88000],
    ]);
    expect(res.valueRanges![1]).toEqual({ range: "'空'!A1:Z1000", majorDimension: 'COLUMNS' });
  });

  it('fails the whole batch on a range naming no sheet, and on an unknown spreadsheet', () => {
    const { ss, Sheets } = setup();
    expect(() =>
      Sheets.Spreadsheets.Values.batchGet(ss.getId(), { ranges: ["'売上''明細'", '請求書'] }),
    ).toThrow(
      'API call to sheets.spreadsheets.values.batchGet failed with error: Unable to parse range: 請求書',
    );
    expect(() => Sheets.Spreadsheets.Values.batchGet('nope', { ranges: ['A1'] })).toThrow(
      'Requested entity was not found.',
    );
    expect(() =>
      Sheets.Spreadsheets.Values.batchGet(ss.getId(), {
        ranges: ['A1'],
        valueRenderOption: 'RAW',
      }),
    ).toThrow("Invalid value at 'value_render_option' (RAW)");
  });

  it('needs a scope that reads spreadsheets', () => {
    const { ss, Sheets } = setup({
      oauthScopes: ['https://www.googleapis.com/auth/gmail.compose'],
    });
    expect(() => Sheets.Spreadsheets.Values.batchGet(ss.getId(), { ranges: ['A1'] })).toThrow(
      'Request had insufficient authentication scopes.',
    );
  });

  it('exists only when the manifest enables it, and costs a modelled round trip', () => {
    const ws = new Workspace();
    expect((ws.globals() as { Sheets?: unknown }).Sheets).toBeUndefined();
    expect(latencyOf('Sheets.Spreadsheets.Values.batchGet')).toBeGreaterThan(0);
    expect(latencyOf('Sheets.Spreadsheets.get')).toBeGreaterThan(0);
  });
});

describe('Sheets advanced service (v4): spreadsheets.get', () => {
  it("gives the spreadsheet's time zone and its sheets' titles and sizes, as `fields` selects", () => {
    const { ws, ss, sales, Sheets } = setup();
    sales.insertRowsAfter(1000, 500);
    ws.meter.resetCounts();
    const res = Sheets.Spreadsheets.get(ss.getId(), {
      fields: 'properties/timeZone,sheets/properties(title,gridProperties/rowCount)',
    });
    expect(ws.meter.counts()).toEqual({ 'Sheets.Spreadsheets.get': 1 });
    expect(res).toEqual({
      properties: { timeZone: 'Asia/Tokyo' },
      sheets: [
        { properties: { title: 'シート1', gridProperties: { rowCount: 1000 } } },
        { properties: { title: "売上'明細", gridProperties: { rowCount: 1500 } } },
      ],
    });
    expect(Sheets.Spreadsheets.get(ss.getId()).properties).toEqual({
      title: '帳簿',
      locale: expect.any(String),
      timeZone: 'Asia/Tokyo',
    });
  });
});
