import { Workspace } from '../../../emulator/workspace';

function setup() {
  const ws = new Workspace();
  const ss = ws.SpreadsheetApp.createSpreadsheet('帳簿', {
    locale: 'ja_JP',
    timeZone: 'Asia/Tokyo',
  });
  const sheet = ss.getSheets()[0]!;
  return { ws, ss, sheet };
}

const tokyoMidnight = (y: number, m: number, d: number) =>
  new Date(Date.UTC(y, m - 1, d) - 9 * 3600_000);

describe('values as Apps Script returns them', () => {
  test('empty cells read as empty strings', () => {
    const { sheet } = setup();
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['', '', ''],
      ['', '', ''],
    ]);
    expect(sheet.getRange('B2').getValue()).toBe('');
  });

  test('numbers, booleans and text keep their types', () => {
    const { sheet } = setup();
    sheet.getRange('A1:D1').setValues([[1200, 0.1, true, '請求書']]);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1200, 0.1, true, '請求書']]);
  });

  test('a Date keeps its instant and comes back as a new Date', () => {
    const { sheet } = setup();
    const at = new Date('2026-11-24T05:30:00Z');
    sheet.getRange('A1').setValue(at);
    const back = sheet.getRange('A1').getValue();
    expect(back).toBeInstanceOf(Date);
    expect((back as Date).getTime()).toBe(at.getTime());
    (back as Date).setFullYear(2000);
    expect((sheet.getRange('A1').getValue() as Date).getTime()).toBe(at.getTime());
  });

  test('null and undefined clear the cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([[1, 2]]);
    sheet.getRange('A1:B1').setValues([[null, undefined]]);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe('strings are read like typed input', () => {
  const cases: [string, unknown][] = [
    ['123', 123],
    ['-5', -5],
    ['1,234', 1234],
    ['1,234.5', 1234.5],
    ['0.1', 0.1],
    ['00123', 123],
    ['TRUE', true],
    ['false', false],
    ['10%', 0.1],
    ['12.5%', 0.125],
    ['１２３', '１２３'], // full-width digits stay text
    ['12,34', '12,34'],
    ['03-1234-5678', '03-1234-5678'],
    ['2026/02/30', '2026/02/30'], // not a calendar day
    ['abc', 'abc'],
    ["'0123", '0123'],
    ["'=SUM(A1)", '=SUM(A1)'],
  ];
  test.each(cases)('%s', (input, expected) => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue(input);
    expect(sheet.getRange('A1').getValue()).toEqual(expected);
  });

  test.each(['2026/11/24', '2026-11-24', '2026年11月24日'])(
    '%s is a Date at midnight in Tokyo',
    (text) => {
      const { sheet } = setup();
      sheet.getRange('A1').setValue(text);
      const v = sheet.getRange('A1').getValue();
      expect(v).toBeInstanceOf(Date);
      expect((v as Date).toISOString()).toBe(tokyoMidnight(2026, 11, 24).toISOString());
      expect(sheet.getRange('A1').getDisplayValue()).toBe('2026/11/24');
    },
  );

  test('a date with a time of day', () => {
    const { sheet } = setup();
    sheet.getRange('A1').setValue('2026/11/24 9:05');
    expect((sheet.getRange('A1').getValue() as Date).toISOString()).toBe(
      '2026-11-24T00:05:00.000Z',
    );
    expect(sheet.getRange('A1').getDisplayValue()).toBe('2026/11/24 9:05:00');
  });

  test('numbers typed with separators or % get a format', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B1').setValues([['1,234', '10%']]);
    expect(sheet.getRange('A1:B1').getNumberFormats()).toEqual([['#,##0', '0%']]);
    expect(sheet.getRange('A1:B1').getDisplayValues()).toEqual([['1,234', '10%']]);
  });

  test('a plain-text (@) cell keeps strings exactly', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:C1').setNumberFormat('@');
    r.setValues([['00123', '2026/11/24', '=1+1']]);
    expect(r.getValues()).toEqual([['00123', '2026/11/24', '=1+1']]);
    expect(r.getFormulas()).toEqual([['', '', '']]);
  });

  test('formulas are stored; only constants and HYPERLINK have a value', () => {
    const { sheet } = setup();
    sheet
      .getRange('A1:C1')
      .setValues([['=SUM(B2:B9)', '=HYPERLINK("https://example.com/x", "請求書PDF")', '="固定"']]);
    expect(sheet.getRange('A1:C1').getFormulas()).toEqual([
      ['=SUM(B2:B9)', '=HYPERLINK("https://example.com/x", "請求書PDF")', '="固定"'],
    ]);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', '請求書PDF', '固定']]);
    expect(sheet.getLastRow()).toBe(1);
    sheet.getRange('A1').setValue(5);
    expect(sheet.getRange('A1').getFormula()).toBe('');
  });

  test('setFormula stores the formula even in a plain-text cell', () => {
    const { sheet } = setup();
    const r = sheet
      .getRange('A1:A2')
      .setNumberFormat('@')
      .setFormula('=HYPERLINK("https://example.com")');
    expect(r.getFormulas()).toEqual([
      ['=HYPERLINK("https://example.com")'],
      ['=HYPERLINK("https://example.com")'],
    ]);
    expect(r.getValues()).toEqual([['https://example.com'], ['https://example.com']]);
  });

  test('setValue on a multi-cell range fills every cell', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
  });
});
