import { displayValue } from '../../../emulator/services/spreadsheet/display';
import { Workspace } from '../../../emulator/workspace';

const TZ = 'Asia/Tokyo';
const show = (value: string | number | boolean | Date, format: string | null, locale = 'ja_JP') =>
  displayValue(value, format, TZ, locale);

// 2026-11-24 00:00 in Tokyo is 2026-11-23 15:00 UTC: the process runs with TZ=UTC.
const NOV24 = new Date('2026-11-23T15:00:00Z');

describe('display values per number format (ja_JP)', () => {
  test.each([
    [1234567, null, '1234567'],
    [1234.5678, null, '1234.5678'],
    [1 / 3, null, '0.3333333333'],
    [-42, null, '-42'],
    [0.1 + 0.2, null, '0.3'],
    [1234567, '0.###############', '1234567'],
    [1234567, '#,##0', '1,234,567'],
    [-1234567, '#,##0', '-1,234,567'],
    [1234.5, '0', '1235'],
    [2.5, '0', '3'],
    [-2.5, '0', '-3'],
    [1.005, '0.00', '1.01'],
    [3, '0.00', '3.00'],
    [1234.5, '#,##0.00', '1,234.50'],
    [1200, '¥#,##0', '¥1,200'],
    [-1200, '¥#,##0', '-¥1,200'],
    [1200, '#,##0"円"', '1,200円'],
    [1200, '[$¥-411]#,##0', '¥1,200'],
    [0.1, '0%', '10%'],
    [0.125, '0.0%', '12.5%'],
    [0.08, '0%', '8%'],
    [-5, '#,##0;(#,##0)', '(5)'],
    [0, '#,##0;-#,##0;"-"', '-'],
    [1234, '#,##0,"千円"', '1千円'],
    [12, '#.##', '12.'],
    [0.5, '#.##', '.5'],
  ] as const)('%p as %p → %p', (value, format, expected) => {
    expect(show(value, format)).toBe(expected);
  });

  test.each([
    [null, '2026/11/24'],
    ['yyyy/mm/dd', '2026/11/24'],
    ['yyyy-mm-dd', '2026-11-24'],
    ['yyyy"年"m"月"d"日"', '2026年11月24日'],
    ['m/d', '11/24'],
    ['yyyy/mm/dd hh:mm', '2026/11/24 00:00'],
    ['yyyy/mm/dd(ddd)', '2026/11/24(火)'],
    ['dddd', '火曜日'],
    ['yy/m/d', '26/11/24'],
  ] as const)('a date as %p → %p in Tokyo, whatever the process zone', (format, expected) => {
    expect(show(NOV24, format)).toBe(expected);
  });

  test('times: minutes next to hours, 12-hour clock', () => {
    const at = new Date('2026-11-24T06:07:08Z'); // 15:07:08 in Tokyo
    expect(show(at, 'yyyy/mm/dd hh:mm')).toBe('2026/11/24 15:07');
    expect(show(at, 'h:mm:ss')).toBe('15:07:08');
    expect(show(at, 'h:mm AM/PM')).toBe('3:07 午後');
    expect(show(at, 'h:mm AM/PM', 'en_US')).toBe('3:07 PM');
    expect(show(at, null)).toBe('2026/11/24 15:07:08');
    expect(show(NOV24, null, 'en_US')).toBe('11/24/2026');
  });

  test('a serial number in a date format and a date in a number format', () => {
    expect(show(46350, 'yyyy/mm/dd')).toBe('2026/11/24');
    expect(show(NOV24, '0')).toBe('46350');
  });

  test('booleans, text and unknown formats', () => {
    expect(show(true, null)).toBe('TRUE');
    expect(show(false, '0.00')).toBe('FALSE');
    expect(show('請求書', '#,##0')).toBe('請求書');
    expect(show('00123', '@')).toBe('00123');
    expect(show(123, '@')).toBe('123');
    expect(show('abc', '0;-0;0;"【"@"】"')).toBe('【abc】');
    expect(show(0.75, '# ?/?')).toBe('0.75'); // fractions: not supported, general display
    expect(show('', '#,##0')).toBe('');
  });
});

describe('getDisplayValues through a range', () => {
  test('uses the cell formats and the spreadsheet time zone', () => {
    const ws = new Workspace();
    const sheet = ws.SpreadsheetApp.createSpreadsheet('帳簿').getSheets()[0]!;
    sheet.getRange('A1:D1').setValues([[1200, 0.1, '2026/11/24', true]]);
    sheet.getRange('A1:D1').setNumberFormats([['¥#,##0', '0%', 'yyyy"年"m"月"d"日"', '0']]);
    expect(sheet.getRange('A1:D1').getDisplayValues()).toEqual([
      ['¥1,200', '10%', '2026年11月24日', 'TRUE'],
    ]);
    expect(sheet.getRange('A1').getNumberFormat()).toBe('¥#,##0');
    expect(sheet.getRange('E1').getNumberFormat()).toBe('0.###############');
  });
});
