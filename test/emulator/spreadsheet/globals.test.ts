import { loadBundle } from '../../../emulator/runtime';
import type { SpreadsheetAppEmulator } from '../../../emulator/services/spreadsheet/app';
import { Workspace } from '../../../emulator/workspace';

describe('SpreadsheetApp through the instrumented globals', () => {
  test('every call is counted under Service.Class.method and costs virtual time', () => {
    const ws = new Workspace();
    ws.SpreadsheetApp.createSpreadsheet('帳簿');
    const g = ws.globals() as { SpreadsheetApp: SpreadsheetAppEmulator };
    const before = ws.clock.now();
    const values = g.SpreadsheetApp.getActiveSpreadsheet()
      .getSheets()[0]!
      .getRange('A1')
      .getValues();
    expect(values).toEqual([['']]);
    const counts = ws.meter.counts();
    expect(counts['SpreadsheetApp.getActiveSpreadsheet']).toBe(1);
    expect(counts['SpreadsheetApp.Spreadsheet.getSheets']).toBe(1);
    expect(counts['SpreadsheetApp.Sheet.getRange']).toBe(1);
    expect(counts['SpreadsheetApp.Range.getValues']).toBe(1);
    expect(ws.clock.now()).toBeGreaterThan(before);
  });

  test('chained setters hand back the same proxy, so each link is counted', () => {
    const ws = new Workspace();
    ws.SpreadsheetApp.createSpreadsheet('帳簿');
    const g = ws.globals() as { SpreadsheetApp: SpreadsheetAppEmulator };
    const range = g.SpreadsheetApp.getActiveSheet().getRange('A1:B1');
    expect(
      range
        .setValues([[1, 2]])
        .setFontWeight('bold')
        .setBackground('#ffeeee'),
    ).toBe(range);
    const counts = ws.meter.counts();
    expect(counts['SpreadsheetApp.Range.setValues']).toBe(1);
    expect(counts['SpreadsheetApp.Range.setFontWeight']).toBe(1);
    // The raw objects (tests, playground) are not counted.
    ws.meter.resetCounts();
    ws.SpreadsheetApp.active!.getSheets()[0]!.snapshot();
    expect(ws.meter.total()).toBe(0);
  });

  test('errors reach the caller with the Apps Script message', () => {
    const ws = new Workspace();
    ws.SpreadsheetApp.createSpreadsheet('帳簿');
    const g = ws.globals() as { SpreadsheetApp: SpreadsheetAppEmulator };
    expect(() => g.SpreadsheetApp.getActive().insertSheet('シート1')).toThrow(
      'A sheet with the name "シート1" already exists. Please enter another name.',
    );
  });
});

describe('SpreadsheetApp inside the bundle realm', () => {
  const code = `
    function isDate() {
      var v = SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue();
      return v instanceof Date;
    }
    function writeToday() {
      var sheet = SpreadsheetApp.getActiveSheet();
      sheet.getRange('B1').setValue(new Date(2026, 10, 24));
      sheet.appendRow(['x', 1]);
      return sheet.getRange('B1').getValue() instanceof Date && Array.isArray(sheet.getDataRange().getValues());
    }
    function failing() {
      try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { return [e instanceof Error, e.message]; }
    }
    function rule() {
      var rule = SpreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).setAllowInvalid(false).build();
      SpreadsheetApp.getActiveSheet().getRange('C1').setDataValidation(rule);
      return SpreadsheetApp.getActiveSheet().getRange('C1').getDataValidation().getCriteriaType()
        == SpreadsheetApp.DataValidationCriteria.VALUE_IN_LIST;
    }
  `;

  test('dates cross into the vm realm as real Dates, errors as its Errors', () => {
    const bundle = loadBundle(code);
    const ss = bundle.workspace.SpreadsheetApp.createSpreadsheet('帳簿');
    ss.getSheets()[0]!.getRange('A1').setValue('2026/11/24');
    expect(bundle.run('isDate')).toBe(true);
    expect(bundle.run('writeToday')).toBe(true);
    expect(bundle.run('failing')).toEqual([true, 'The starting row of the range is too small.']);
    expect(bundle.run('rule')).toBe(true);
    expect(bundle.workspace.meter.counts()['SpreadsheetApp.Range.getValue']).toBeGreaterThanOrEqual(
      2,
    );
  });
});

describe('large sheets', () => {
  test('5,000 × 20 rows are written, read and displayed whole', () => {
    const ws = new Workspace();
    const sheet = ws.SpreadsheetApp.createSpreadsheet('大量').getSheets()[0]!;
    sheet.insertRowsAfter(1000, 4000);
    const rows = Array.from({ length: 5000 }, (_, i) =>
      Array.from({ length: 20 }, (_, j) => (j === 0 ? `ID-${i}` : j === 1 ? '2026/11/24' : i * j)),
    );
    sheet.getRange(1, 1, 5000, 20).setValues(rows);
    const values = sheet.getDataRange().getValues();
    const display = sheet.getRange(1, 1, 5000, 20).getDisplayValues();
    sheet.appendRow(['last']);
    expect(values).toHaveLength(5000);
    expect(display[4999]![1]).toBe('2026/11/24');
    expect(sheet.getLastRow()).toBe(5001);
  });
});
