import { escapeHtml, html, textToHtml, trustedHtml } from '../../../src/core/html';

describe('escapeHtml', () => {
  test.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['"quoted" & \'single\'', '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['株式会社やまだ', '株式会社やまだ'],
    ['a\u0000b\u0008c', 'abc'],
    [null, ''],
    [undefined, ''],
    [12000, '12000'],
  ])('%p → %p', (value, escaped) => {
    expect(escapeHtml(value)).toBe(escaped);
  });
});

describe('html template', () => {
  test('escapes every value unless it is SafeHtml', () => {
    const name = '<img src=x onerror=alert(1)>';
    const out = html`<p title="${name}">${name}${trustedHtml('<br>')}</p>`;
    expect(out.value).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;<br></p>',
    );
  });

  test('arrays join; false, null and undefined render nothing', () => {
    const items = ['<a>', 'b'];
    expect(html`${items.map((i) => html`<li>${i}</li>`)}${false}${null}${undefined}`.value).toBe(
      '<li>&lt;a&gt;</li><li>b</li>',
    );
  });

  test('textToHtml keeps line breaks and escapes the rest', () => {
    expect(textToHtml('a<b>\r\nc').value).toBe('a&lt;b&gt;<br>c');
  });
});
