import { toEml } from '../../emulator/eml';
import {
  decodeHeaderWords,
  decodeQuotedPrintable,
  headerValue,
  leaves,
  MimeParseError,
  parseMime,
  parseParams,
  partFileName,
  partText,
} from '../../emulator/mime';

describe('emulator/mime: the reader behind the Gmail advanced service', () => {
  it('reads what eml.ts writes (quoted-printable text, RFC 2231 file names)', () => {
    const eml = toEml({
      from: '株式会社ぽっけ商店 <owner@example.com>',
      to: 'a@example.com',
      subject: '請求書 (2026-11-0001)',
      date: Date.UTC(2026, 10, 30, 9),
      plainBody: `一行目\n${'長い行'.repeat(40)}`,
      htmlBody: '<p>本文</p>',
      attachments: [
        {
          name: '請求書_株式会社さくら食品.pdf',
          contentType: 'application/pdf',
          data: Buffer.from('%PDF-1.4'),
        },
      ],
    });
    const root = parseMime(eml);
    expect(decodeHeaderWords(headerValue(root.headers, 'Subject') ?? '')).toBe(
      '請求書 (2026-11-0001)',
    );
    const [text, html, pdf] = leaves(root);
    expect(partText(text!)).toBe(`一行目\r\n${'長い行'.repeat(40)}`);
    expect(partText(html!)).toBe('<p>本文</p>');
    expect(partFileName(pdf!)).toBe('請求書_株式会社さくら食品.pdf');
    expect(pdf!.body.toString()).toBe('%PDF-1.4');
  });

  it('unfolds headers, accepts LF line ends, decodes Q words and other charsets', () => {
    const root = parseMime(
      'Subject: =?UTF-8?Q?caf=C3=A9?=\n =?UTF-8?B?IOips+e0sA==?=\nX-A: a\n\tb\n\nbody',
    );
    expect(decodeHeaderWords(headerValue(root.headers, 'subject') ?? '')).toBe('café 詳細');
    expect(headerValue(root.headers, 'X-A')).toBe('a b');
    expect(partText(root)).toBe('body');
    const sjis = Buffer.from([0x90, 0xbf, 0x8b, 0x81, 0x8f, 0x91]).toString('base64');
    expect(decodeHeaderWords(`=?Shift_JIS?B?${sjis}?=`)).toBe('請求書');
  });

  it('reads parameters: quoted, escaped, RFC 2231 continuations with a charset', () => {
    expect(parseParams('attachment; filename="a \\"b\\".pdf"')).toEqual({
      value: 'attachment',
      params: { filename: 'a "b".pdf' },
    });
    expect(
      parseParams("attachment; filename*0*=UTF-8''%E8%AB%8B%E6%B1%82; filename*1*=%E6%9B%B8.pdf")
        .params.filename,
    ).toBe('請求書.pdf');
    expect(parseParams('text/plain; charset=utf-8').params.charset).toBe('utf-8');
  });

  it('decodes quoted-printable with soft breaks', () => {
    expect(decodeQuotedPrintable('caf=C3=A9 =\r\nau lait').toString('utf8')).toBe('café au lait');
  });

  it('refuses malformed messages', () => {
    expect(() => parseMime('not a header\r\n\r\nbody')).toThrow(MimeParseError);
    expect(() => parseMime('Content-Type: multipart/mixed\r\n\r\n--x\r\n')).toThrow(MimeParseError);
    expect(() =>
      parseMime('Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n**'),
    ).toThrow(MimeParseError);
  });
});
