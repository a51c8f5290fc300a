import { htmlToText, readDueDate } from '../../../src/core/dueDate';
import { MAIL, read } from './helpers';

const MB = 1_000_000;
const mail = new Date(MAIL.tue);

describe('readDueDate: hostile and huge input', () => {
  test('a date after 1 MB of text is not read', () => {
    expect(readDueDate(`${'あ'.repeat(MB)}12/5までに`, mail)).toBeNull();
  });

  test.each([
    ['1 MB of digits', '0'.repeat(MB)],
    ['1 MB of slashes and digits', '1/'.repeat(MB / 2)],
    ['1 MB of brackets', '(（【<'.repeat(MB / 4)],
    ['1 MB of spaces and deadline words', `締切${' '.repeat(40)}`.repeat(MB / 42)],
    ['1 MB of quoted lines', '> 12/1まで\n'.repeat(MB / 10)],
    ['1 MB of long-vowel marks', 'ー'.repeat(MB)],
    ['1 MB of one line of English', 'by the end of '.repeat(MB / 14)],
    ['1 MB of control characters', '\u0000\u0001\u001b'.repeat(MB / 3)],
    ['1 MB of lone surrogates', '\ud800'.repeat(MB)],
  ])('%s: returns', (_name, text) => {
    const r = readDueDate(text, mail);
    expect(r === null || typeof r.date === 'string').toBe(true);
  });

  test('1 MB of dates: the first ones are read', () => {
    const r = readDueDate('12/5 '.repeat(MB / 5), mail);
    expect(r?.date).toBe('2026-12-05');
  });

  test('a date in a 1 MB body is read when it comes first', () => {
    const r = readDueDate(`12/3までに\n${'x'.repeat(MB)}`, mail);
    expect(r?.date).toBe('2026-12-03');
  });

  test('an invalid mail date gives null', () => {
    expect(readDueDate('12/5まで', new Date(Number.NaN))).toBeNull();
  });

  test('non-string input gives null', () => {
    expect(readDueDate(undefined as unknown as string, mail)).toBeNull();
  });

  test('matched is the mail text, hostile markup included, as plain text', () => {
    const r = read('<b>12/5</b>まで', 'tue');
    expect(r?.date).toBe('2026-12-05');
    expect(r?.matched).toBe('12/5');
  });

  test('a date inside a URL is ignored', () => {
    expect(read('詳細: https://example.com/2026/12/05/news', 'tue')).toBeNull();
  });
});

describe('htmlToText', () => {
  test('tags, scripts, styles and comments are dropped; blocks become lines', () => {
    const html =
      '<html><head><title>T</title><style>p{color:red}</style></head><body>' +
      '<p>お世話になっております。</p><script>var d = "12/1まで";</script>' +
      '<!-- 12/2 --><div>締切&nbsp;12/5&amp;</div>line<br>next</body></html>';
    expect(htmlToText(html)).toBe('お世話になっております。\n締切 12/5&\nline\nnext');
  });

  test('entities decode to plain text', () => {
    expect(
      htmlToText('&lt;img src=x onerror=alert(1)&gt; &quot;A&quot; &#39;B&#39; &yen;100'),
    ).toBe('<img src=x onerror=alert(1)> "A" \'B\' ¥100');
    expect(htmlToText('&#0;&#xD800;&#x1F600;&#12354;&unknown;')).toBe('\ufffd\ufffd😀あ&unknown;');
  });

  test('a quoted reply becomes `>` lines, which the reader skips', () => {
    const html =
      '<div>承知しました</div><blockquote><div>12/1までにお願いします</div></blockquote>';
    const text = htmlToText(html);
    expect(text).toBe('承知しました\n> 12/1までにお願いします');
    expect(readDueDate(text, mail)).toBeNull();
  });

  test('attributes with `>` inside quotes do not end the tag', () => {
    expect(htmlToText('<a title="a > b" href=\'x\'>link</a> text')).toBe('link text');
  });

  test('a lone < is text', () => {
    expect(htmlToText('1 < 2 and 3 <4')).toBe('1 < 2 and 3 <4');
  });

  test.each([
    ['unterminated tag', 'before<a title="never closed'],
    ['unterminated comment', 'before<!-- never closed'],
    ['unterminated script', 'before<script>alert(1)'],
  ])('%s: the rest is dropped', (_name, html) => {
    expect(htmlToText(html)).toBe('before');
  });

  // Each huge input ends with a marker text; `kept` says whether it survives (text after an
  // unclosed tag or script is dropped, as for the short cases above).
  test.each([
    ['1 MB of open tags', '<div>'.repeat(MB / 5), true],
    ['1 MB of <', '<'.repeat(MB), false],
    ['1 MB of unclosed attributes', '<a title="'.repeat(MB / 10), false],
    ['1 MB of unclosed script ends', `<script>${'</script'.repeat(MB / 8)}`, false],
    ['1 MB of entities', '&amp;'.repeat(MB / 5), true],
    ['1 MB of blockquotes', '<blockquote>'.repeat(MB / 12), true],
    ['1 MB of paragraphs', '<p>段落</p>'.repeat(MB / 9), true],
  ])('%s: a bounded string, its text kept', (_name, html, kept) => {
    const input = `<p>はじめ12/5まで</p>${html}<p>END-MARK</p>`;
    const out = htmlToText(input);
    expect(typeof out).toBe('string');
    // Never longer than the input; tags never come through as markup.
    expect(out.length).toBeLessThanOrEqual(input.length);
    expect(out.startsWith('はじめ12/5まで')).toBe(true);
    expect(out).not.toMatch(/<(div|p|script|blockquote)>/);
    if (kept) expect(out).toContain('END-MARK');
  });

  test('non-string input gives an empty string', () => {
    expect(htmlToText(null as unknown as string)).toBe('');
  });
});
