/**
 * Workbook files: the model survives .xlsx and the emulator both ways, dates stay civil dates in
 * Asia/Tokyo whatever the process's zone (jest runs with TZ=UTC), and a file that is not an
 * .xlsx gives one bilingual message.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Workspace } from '../../emulator/workspace';
import { PokkeInputError } from '../../playground/errors';
import { emptySheet, type SheetModel, setCell, type WorkbookModel } from '../../playground/model';
import { loadIntoSpreadsheet, modelFromSpreadsheet } from '../../playground/sheets';
import { readXlsx, readXlsxFile, writeXlsx } from '../../playground/xlsx';

const TOKYO = 'Asia/Tokyo';
/** 2026-11-24 (a civil date) is this instant in Tokyo. */
const NOV_24 = new Date('2026-11-24T00:00:00+09:00');
const NOV_24_0930 = new Date('2026-11-24T09:30:00+09:00');
const LIST = ['10%', '8%', '0%', '非課税'];

function sampleSheet(): SheetModel {
  const s = emptySheet('売上明細', 1000, 26);
  const header = ['日付', '取引先', '数量', '単価', '税率', 'コード', '済'];
  header.forEach((h, c) => {
    setCell(s.values, 0, c, h);
    setCell(s.bold, 0, c, true);
    setCell(s.backgrounds, 0, c, '#ceead6');
  });
  setCell(s.notes, 0, 1, '取引先シートの名前 / Name from the clients sheet');
  const rows: (string | number | boolean | Date)[][] = [
    [NOV_24, '山田デザイン事務所', 1, 55000, '10%', '001', true],
    [NOV_24_0930, '株式会社さくら食品', 40, 1200, '8%', '=1+1', false],
  ];
  rows.forEach((row, r) => {
    row.forEach((v, c) => {
      setCell(s.values, r + 1, c, v);
    });
  });
  for (let r = 1; r < 1000; r++) {
    setCell(s.numberFormats, r, 0, 'yyyy/mm/dd');
    setCell(s.numberFormats, r, 3, '#,##0');
    setCell(s.numberFormats, r, 4, '@');
    setCell(s.numberFormats, r, 5, '@');
    setCell(s.dropdowns, r, 4, LIST);
  }
  setCell(s.numberFormats, 2, 0, 'yyyy/mm/dd hh:mm');
  s.frozenRows = 1;
  s.columnWidths[0] = 100 + 10;
  s.columnWidths[1] = 200;
  s.columnWidths[4] = 70;
  s.tabColor = '#ceead6';
  return s;
}

function sampleWorkbook(): WorkbookModel {
  const other = emptySheet('設定', 1000, 26);
  setCell(other.values, 0, 0, 'キー');
  setCell(other.values, 1, 0, 'companyName');
  setCell(other.values, 1, 1, '株式会社ぽっけ商店');
  return { name: 'sample', timeZone: TOKYO, sheets: [other, sampleSheet()] };
}

/** The parts a round trip must keep, in a form `toEqual` compares well. */
function essence(m: WorkbookModel) {
  const dense = <T>(g: (T[] | undefined)[], rows: number, cols: number, empty: T) =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => g[r]?.[c] ?? empty),
    );
  return m.sheets.map((s) => ({
    name: s.name,
    frozenRows: s.frozenRows,
    tabColor: s.tabColor ?? null,
    values: dense(s.values, 4, 8, '' as unknown).map((row) =>
      row.map((v) => (v instanceof Date ? `date:${v.toISOString()}` : v)),
    ),
    formats: dense(s.numberFormats, 4, 8, ''),
    formatsAtRow999: dense(s.numberFormats, 1000, 8, '')[999],
    bold: dense(s.bold, 2, 8, false),
    backgrounds: dense(s.backgrounds, 2, 8, ''),
    notes: dense(s.notes, 2, 8, ''),
    dropdowns: dense(s.dropdowns, 1000, 8, null as readonly string[] | null).filter((row) =>
      row.some(Boolean),
    ).length,
    dropdownAt: s.dropdowns[999]?.[4] ?? null,
    widths: [0, 1, 2, 3, 4].map((c) => s.columnWidths[c] ?? 100),
  }));
}

describe('xlsx files', () => {
  it('keeps values, formats, bold, notes, dropdowns, frozen rows and widths through a file', async () => {
    const model = sampleWorkbook();
    const { workbook, notices } = await readXlsx(await writeXlsx(model), 'sample', TOKYO);
    expect(notices).toEqual([]);
    expect(essence(workbook)).toEqual(essence(model));
  });

  it('writes a date cell as the civil date and time in Tokyo, whatever the process zone', async () => {
    expect(process.env['TZ']).toBe('UTC');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(sampleWorkbook())) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('売上明細') as ExcelJS.Worksheet;
    // exceljs hands the wall clock over in the UTC fields: 2026/11/24 00:00, not 11/23 15:00.
    expect((ws.getCell('A2').value as Date).toISOString()).toBe('2026-11-24T00:00:00.000Z');
    expect(ws.getCell('A2').numFmt).toBe('yyyy/mm/dd');
    expect((ws.getCell('A3').value as Date).toISOString()).toBe('2026-11-24T09:30:00.000Z');
  });

  it('reads a date typed in Sheets or Excel as midnight in Tokyo', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('売上明細');
    ws.getCell('A1').value = '日付';
    ws.getCell('A2').value = new Date(Date.UTC(2026, 11, 31));
    ws.getCell('A2').numFmt = 'yyyy/mm/dd';
    const { workbook } = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()), 'x', TOKYO);
    const value = workbook.sheets[0]?.values[1]?.[0] as Date;
    expect(value.toISOString()).toBe('2026-12-30T15:00:00.000Z');
  });

  it('loads formulas as their computed values and says so', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('売上明細');
    ws.getCell('A1').value = { formula: 'B1*2', result: 84 } as ExcelJS.CellFormulaValue;
    const { workbook, notices } = await readXlsx(
      Buffer.from(await wb.xlsx.writeBuffer()),
      'x',
      TOKYO,
    );
    expect(workbook.sheets[0]?.values[0]?.[0]).toBe(84);
    expect(notices[0]).toEqual({
      ja: '数式 1 個は計算済みの値として読み込みました',
      en: '1 formula cell(s) were loaded as their computed values',
    });
  });

  it('resolves a dropdown whose list is a range of the workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const lists = wb.addWorksheet('lists');
    lists.getCell('A1').value = '御中';
    lists.getCell('A2').value = '様';
    const ws = wb.addWorksheet('取引先');
    ws.getCell('B2').dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['lists!$A$1:$A$2'],
    };
    const { workbook } = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()), 'x', TOKYO);
    expect(workbook.sheets[1]?.dropdowns[1]?.[1]).toEqual(['御中', '様']);
  });
});

describe('the emulator', () => {
  it('holds a workbook exactly as the file had it, and gives it back', async () => {
    const ws = new Workspace({ now: '2026-11-24T09:00:00+09:00' });
    const ss = ws.SpreadsheetApp.createSpreadsheet('sample');
    const model = sampleWorkbook();
    loadIntoSpreadsheet(model, ss, () => ws.SpreadsheetApp.newDataValidation());
    const sheet = ss.getSheetByName('売上明細');
    // Text stays text: "001" in a plain-text column, "=1+1" typed as text, not a formula.
    expect(sheet?.getRange('F2:F3').getValues()).toEqual([['001'], ['=1+1']]);
    expect(sheet?.getRange('A2:D2').getDisplayValues()).toEqual([
      ['2026/11/24', '山田デザイン事務所', '1', '55,000'],
    ]);
    expect(sheet?.getRange('A3').getDisplayValue()).toBe('2026/11/24 09:30');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['設定', '売上明細']);
    expect(ws.meter.total()).toBe(0);
    const back = modelFromSpreadsheet(ss);
    expect(essence(back)).toEqual(essence(model));
    // ...and through a file once more.
    const again = await readXlsx(await writeXlsx(back), 'sample', TOKYO);
    expect(essence(again.workbook)).toEqual(essence(model));
  });
});

describe('files that are not workbooks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pokke-xlsx-'));

  it.each([
    ['a CSV file', 'clients.csv', Buffer.from('取引先名,敬称\n山田デザイン事務所,御中\n')],
    [
      'a zip that is not a workbook',
      'broken.xlsx',
      Buffer.from('PK\u0003\u0004 this is not a real archive'),
    ],
    ['an empty file', 'empty.xlsx', Buffer.alloc(0)],
  ])('%s gives one clear message, Japanese first', async (_label, name, data) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    const error = await readXlsxFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PokkeInputError);
    expect((error as Error).message).toMatch(
      /^「.+」は Excel ブック\(\.xlsx\)として読めません。.+ \/ ".+" is not a readable Excel workbook/,
    );
  });

  it('a missing file is named', async () => {
    const error = await readXlsxFile(join(dir, 'nowhere.xlsx')).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /^ファイルが見つかりません: .*nowhere\.xlsx \/ File not found/,
    );
  });
});
