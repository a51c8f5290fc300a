import { Workspace } from '../../../emulator/workspace';

function setup(locale = 'ja_JP') {
  const ws = new Workspace();
  const ss = ws.SpreadsheetApp.createSpreadsheet('帳簿', { locale, timeZone: 'Asia/Tokyo' });
  const sheet = ss.getSheets()[0]!;
  return { ws, app: ws.SpreadsheetApp, ss, sheet };
}

describe('SpreadsheetApp and Spreadsheet', () => {
  test('createSpreadsheet makes the first spreadsheet active; create() does not', () => {
    const ws = new Workspace();
    expect(ws.SpreadsheetApp.getActiveSpreadsheet()).toBeNull();
    const ss = ws.SpreadsheetApp.createSpreadsheet('帳簿');
    const other = ws.SpreadsheetApp.create('別ファイル');
    expect(ws.SpreadsheetApp.getActive()).toBe(ss);
    expect(ws.SpreadsheetApp.spreadsheets).toEqual([ss, other]);
    expect(ss.getId()).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(ss.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${ss.getId()}/edit`);
    expect(ss.getSpreadsheetLocale()).toBe('ja_JP');
    expect(ss.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    expect(ws.SpreadsheetApp.openById(other.getId())).toBe(other);
    expect(ws.SpreadsheetApp.openByUrl(other.getUrl())).toBe(other);
    expect(() => ws.SpreadsheetApp.openById('nope')).toThrow(
      'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
    );
  });

  test('default sheet names follow the locale', () => {
    const { ss } = setup('ja_JP');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['シート1']);
    expect(ss.insertSheet().getName()).toBe('シート2');
    expect(setup('en_US').ss.getSheets()[0]!.getName()).toBe('Sheet1');
  });

  test('insertSheet: after the active sheet, becomes active, duplicate names refused', () => {
    const { ss } = setup();
    const a = ss.insertSheet('請求書');
    const b = ss.insertSheet('経費', 0);
    expect(ss.getActiveSheet()).toBe(b);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['経費', 'シート1', '請求書']);
    expect(a.getIndex()).toBe(3);
    expect(() => ss.insertSheet('請求書')).toThrow(
      'A sheet with the name "請求書" already exists. Please enter another name.',
    );
    expect(() => b.setName('シート1')).toThrow(
      'A sheet with the name "シート1" already exists. Please enter another name.',
    );
    expect(ss.getSheets()).toHaveLength(3);
    expect(ss.getSheetByName('請求書')).toBe(a);
    expect(ss.getSheetByName('ない')).toBeNull();
    expect(ss.getSheetById(a.getSheetId())).toBe(a);
  });

  test('deleteSheet, moveActiveSheet, the last sheet cannot go', () => {
    const { ss, sheet } = setup();
    const x = ss.insertSheet('X');
    ss.setActiveSheet(sheet);
    ss.moveActiveSheet(2);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['X', 'シート1']);
    ss.deleteSheet(x);
    expect(() => ss.deleteSheet(sheet)).toThrow("You can't remove all the sheets in a document.");
    expect(() => sheet.hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });

  test('getRange with a sheet name, named ranges, toasts', () => {
    const { ss, sheet, ws } = setup();
    ss.insertSheet('My Sheet').getRange('B2').setValue(7);
    expect(ss.getRange("'My Sheet'!B2").getValue()).toBe(7);
    expect(() => ss.getRange('Nope!A1')).toThrow('Range not found');
    expect(() => sheet.getRange('A0')).toThrow('Range not found');
    ss.setNamedRange('total', sheet.getRange('C3'));
    expect(ss.getRangeByName('total')!.getA1Notation()).toBe('C3');
    expect(ss.getRangeByName('missing')).toBeNull();
    ss.toast('保存しました', 'Pokke');
    expect(ss.toasts).toEqual([
      { at: ws.clock.now(), message: '保存しました', title: 'Pokke', timeoutSeconds: 5 },
    ]);
  });
});

describe('Sheet', () => {
  test('a new sheet is 1000 × 26 and empty', () => {
    const { sheet } = setup();
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
  });

  test('ranges outside the sheet are refused with Apps Script messages', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 1, 1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('A1:AA1')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(sheet.getRange('A:B').getA1Notation()).toBe('A1:B1000');
    expect(sheet.getRange('2:3').getNumColumns()).toBe(26);
  });

  test('setValues with the wrong shape throws the real message and writes nothing', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 2, 2);
    expect(() => r.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues('x' as unknown as unknown[][])).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(sheet.getLastRow()).toBe(0);
  });

  test('appendRow writes after the last row and grows a full sheet', () => {
    const { ss } = setup();
    const sheet = ss.insertSheet('log');
    sheet.appendRow(['日付', '金額']);
    sheet.appendRow(['2026/11/24', '1,200']);
    expect(sheet.getLastRow()).toBe(2);
    expect(sheet.getLastColumn()).toBe(2);
    expect(sheet.getRange('B2').getValue()).toBe(1200);
    sheet.deleteRows(3, 998);
    expect(sheet.getMaxRows()).toBe(2);
    sheet.appendRow(['x']);
    expect([sheet.getMaxRows(), sheet.getLastRow()]).toEqual([3, 3]);
    sheet.clearContents();
    expect(sheet.getLastRow()).toBe(0);
    sheet.appendRow(['again']);
    expect(sheet.getLastRow()).toBe(1);
    sheet.getRange('A1').clearContent();
    expect(sheet.getLastRow()).toBe(0);
  });

  test('insert and delete rows and columns move content and formats', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A3').setValues([[1], [2], [3]]);
    sheet.getRange('A3').setFontWeight('bold');
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual([1, '', '', 2, 3]);
    expect(sheet.getRange('A5').getFontWeight()).toBe('bold');
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRow(2);
    sheet.insertRowBefore(1);
    expect(sheet.getRange('A1:A5').getValues().flat()).toEqual(['', 1, '', 2, 3]);
    sheet.insertColumnBefore(1);
    expect(sheet.getRange('B2').getValue()).toBe(1);
    sheet.deleteColumn(1);
    expect(sheet.getRange('A2').getValue()).toBe(1);
    expect(() => sheet.deleteRows(1000, 5)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  test('frozen rows, widths, hidden sheets and columns, tab colour, protection', () => {
    const { ss, sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 180).setColumnWidths(3, 2, 60);
    expect([
      sheet.getFrozenRows(),
      sheet.getColumnWidth(1),
      sheet.getColumnWidth(2),
      sheet.getColumnWidth(4),
    ]).toEqual([1, 100, 180, 60]);
    sheet.getRange('A1').setValue('取引先名（株式会社）');
    sheet.autoResizeColumns(1, 1);
    expect(sheet.getColumnWidth(1)).toBeGreaterThan(100);
    const other = ss.insertSheet('設定');
    other.hideSheet();
    expect(other.isSheetHidden()).toBe(true);
    sheet.hideColumns(5, 2);
    expect(sheet.isColumnHiddenByUser(6)).toBe(true);
    sheet.setTabColor('#FF0000');
    const p = sheet.protect().setDescription('Pokke が管理').setWarningOnly(true);
    expect(sheet.protect()).toBe(p);
    expect(ss.getProtections('SHEET')).toEqual([p]);
    p.remove();
    expect(sheet.getProtections('SHEET')).toEqual([]);
  });

  test('snapshot: everything the playground and the xlsx export need', () => {
    const { sheet } = setup();
    const rule = (values: string[]) =>
      new Workspace().SpreadsheetApp.newDataValidation()
        .requireValueInList(values)
        .setAllowInvalid(false)
        .build();
    sheet
      .getRange('A1:C1')
      .setValues([['日付', '金額', '状態']])
      .setFontWeight('bold')
      .setBackground('#EEE');
    sheet.getRange('A2:C2').setValues([['2026/11/24', 1200, '未払い']]);
    sheet.getRange('B2').setNumberFormat('#,##0"円"').setNote('税込');
    sheet.getRange('C2').setDataValidation(rule(['未払い', '支払済']));
    sheet.getRange('D2').insertCheckboxes();
    sheet.setFrozenRows(1);
    const snap = sheet.snapshot();
    expect(snap).toMatchObject({
      name: 'シート1',
      index: 1,
      rows: 2,
      columns: 4,
      lastRow: 2,
      lastColumn: 4,
      frozenRows: 1,
      hidden: false,
      display: [
        ['日付', '金額', '状態', ''],
        ['2026/11/24', '1,200円', '未払い', 'FALSE'],
      ],
      bold: [
        [true, true, true, false],
        [false, false, false, false],
      ],
      backgrounds: [
        ['#eeeeee', '#eeeeee', '#eeeeee', null],
        [null, null, null, null],
      ],
      notes: [
        ['', '', '', ''],
        ['', '税込', '', ''],
      ],
      validations: [
        [null, null, null, null],
        [null, null, ['未払い', '支払済'], null],
      ],
      checkboxes: [
        [false, false, false, false],
        [false, false, false, true],
      ],
      columnWidths: [100, 100, 100, 100],
    });
    expect(snap.values[1]![0]).toBeInstanceOf(Date);
    expect(snap.numberFormats[1]![1]).toBe('#,##0"円"');
    expect(sheet.snapshot({ rows: 5 }).rows).toBe(5);
  });
});

describe('data validation', () => {
  test('a rule that refuses invalid data rejects the write, names the cell, writes nothing', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['未払い', '支払済'], true)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('C2:C10').setDataValidation(rule);
    sheet.getRange('A2:C3').setValues([
      ['a', 1, '未払い'],
      ['b', 2, '支払済'],
    ]);
    expect(() =>
      sheet.getRange('A4:C5').setValues([
        ['c', 3, '支払済'],
        ['d', 4, '不明'],
      ]),
    ).toThrow(
      'The data you entered in cell C5 violates the data validation rules set on this cell. Please enter one of the following values: 未払い, 支払済.',
    );
    expect(sheet.getLastRow()).toBe(3);
    sheet.getRange('C4').setValue(''); // blanks always pass
  });

  test('number, date, checkbox and e-mail rules; help text; allowInvalid', () => {
    const { app, sheet } = setup();
    const strict = (b: ReturnType<typeof app.newDataValidation>) =>
      b.setAllowInvalid(false).build();
    sheet
      .getRange('A1')
      .setDataValidation(strict(app.newDataValidation().requireNumberBetween(1, 10)));
    sheet.getRange('B1').setDataValidation(strict(app.newDataValidation().requireDate()));
    sheet.getRange('C1').setDataValidation(strict(app.newDataValidation().requireCheckbox()));
    sheet
      .getRange('D1')
      .setDataValidation(
        strict(app.newDataValidation().requireTextIsEmail().setHelpText('メールアドレスを入力')),
      );
    sheet
      .getRange('E1')
      .setDataValidation(app.newDataValidation().requireNumberGreaterThanOrEqualTo(0).build());
    sheet.getRange('A1:E1').setValues([[5, '2026/11/24', 'TRUE', 'a@example.com', -1]]);
    expect(() => sheet.getRange('A1').setValue(11)).toThrow('cell A1 violates');
    expect(() => sheet.getRange('B1').setValue('あした')).toThrow('cell B1 violates');
    expect(() => sheet.getRange('C1').setValue('yes')).toThrow('cell C1 violates');
    expect(() => sheet.getRange('D1').setValue('nope')).toThrow(
      'The data you entered in cell D1 violates the data validation rules set on this cell. メールアドレスを入力',
    );
    expect(sheet.getRange('A1:E1').getDisplayValues()).toEqual([
      ['5', '2026/11/24', 'TRUE', 'a@example.com', '-1'],
    ]);
  });

  test('rules read back like Apps Script', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['A', 'B'], false)
      .setHelpText('選んでください')
      .build();
    sheet.getRange('A1').setDataValidation(rule);
    const back = sheet.getRange('A1').getDataValidation()!;
    expect(back.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(back.getCriteriaValues()).toEqual([['A', 'B'], false]);
    expect(back.getAllowInvalid()).toBe(true);
    expect(back.getHelpText()).toBe('選んでください');
    expect(back.copy().setAllowInvalid(false).build().getAllowInvalid()).toBe(false);
    expect(sheet.getRange('A1:B1').getDataValidations()).toEqual([[back, null]]);
    sheet.getRange('A1').clearDataValidations();
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
  });
});
