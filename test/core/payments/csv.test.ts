import { parseCsv } from '../../../src/core/payments/csv';

function rows(input: string): string[][] {
  const parsed = parseCsv(input);
  if (!parsed.ok) throw new Error(parsed.message.en);
  return parsed.rows;
}

describe('parseCsv (RFC 4180)', () => {
  test('CRLF records, a BOM dropped', () => {
    expect(rows('\ufeffa,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  test('LF and lone CR line ends too', () => {
    expect(rows('a,b\n1,2\r3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  test('quoted fields hold commas, doubled quotes and line breaks', () => {
    expect(rows('"1,234","say ""hi""","two\r\nlines"\r\nx,y,z')).toEqual([
      ['1,234', 'say "hi"', 'two\r\nlines'],
      ['x', 'y', 'z'],
    ]);
  });

  test('empty fields, quoted or not, are kept', () => {
    expect(rows('"a",,"",b\r\n,,\r\n')).toEqual([
      ['a', '', '', 'b'],
      ['', '', ''],
    ]);
  });

  test('blank lines are skipped and each row knows its line in the file', () => {
    const parsed = parseCsv('h1,h2\r\n\r\n"a\nb",c\r\nd,e\r\n');
    expect(parsed.ok && parsed.rows).toEqual([
      ['h1', 'h2'],
      ['a\nb', 'c'],
      ['d', 'e'],
    ]);
    expect(parsed.ok && parsed.rowLines).toEqual([1, 3, 5]);
  });

  test('a file cut off inside a quoted field is refused, naming the line', () => {
    const parsed = parseCsv('a,b\r\n1,2\r\n"3,4');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message.ja).toContain('3行目');
      expect(parsed.message.en).toContain('line 3');
    }
  });

  test('a quote inside an unquoted field is an ordinary character', () => {
    expect(rows('ﾔﾏﾀﾞ"ｼﾖｳｼﾞ,1')).toEqual([['ﾔﾏﾀﾞ"ｼﾖｳｼﾞ', '1']]);
  });
});
