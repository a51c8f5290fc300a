import {
  decodeHeaderWords,
  headerValue,
  isAttachment,
  leaves,
  parseMime,
  partFileName,
  partText,
} from '../../emulator/mime';
import {
  base64Of,
  buildMime,
  bytesOfBase64,
  decodeEncodedWords,
  MimeError,
  type MimeMail,
  utf8Bytes,
  utf8Text,
} from '../../src/core/mime';

const PDF = Buffer.from('%PDF-1.4\n請求書 ぽっけ\n%%EOF\n', 'utf8');

const base: MimeMail = {
  from: { name: '株式会社ぽっけ商店', email: 'owner@example.com' },
  to: '山田 花子 <hanako@yamada-design.example.com>',
  subject: '【株式会社ぽっけ商店】2026年11月分 請求書送付のご案内(2026-11-0003)',
  text: '山田デザイン事務所\n山田 花子 様\n\n請求書をお送りします。',
  html: '<p>山田デザイン事務所<br>山田 花子 様</p>',
  attachments: [
    {
      name: '20261130_山田デザイン事務所_60500_2026-11-0003.pdf',
      contentType: 'application/pdf',
      base64: PDF.toString('base64'),
    },
  ],
};

function headerNames(raw: string): string[] {
  return parseMime(raw).headers.map((h) => h.name.toLowerCase());
}

describe('core/mime: bytes', () => {
  it('encodes UTF-8 and base64 exactly as Node does', () => {
    for (const s of ['', 'a', 'ab', 'abc', '請求書', 'é€😀', 'x\u{1F600}y\n\r\t', 'ｶﾅ＠']) {
      expect(Buffer.from(utf8Bytes(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
      expect(base64Of(utf8Bytes(s))).toBe(Buffer.from(s, 'utf8').toString('base64'));
      expect(utf8Text(utf8Bytes(s))).toBe(s);
      expect(bytesOfBase64(Buffer.from(s).toString('base64url'))).toEqual([...Buffer.from(s)]);
    }
    // Java's signed bytes (Blob.getBytes()) encode like their unsigned twins.
    expect(base64Of([-1, -128, 127])).toBe(Buffer.from([255, 128, 127]).toString('base64'));
    // A lone surrogate becomes U+FFFD, as TextEncoder does.
    expect(utf8Text(utf8Bytes('a\ud800b'))).toBe('a\ufffdb');
  });
});

describe('core/mime: buildMime', () => {
  it('writes ASCII only, CRLF line ends, lines of at most 78 characters', () => {
    const raw = buildMime(base);
    expect(raw).toMatch(/^[\x20-\x7e\r\n]*$/);
    expect(raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of raw.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(raw.startsWith('MIME-Version: 1.0\r\n')).toBe(true);
  });

  it('round-trips through the emulator parser: headers, bodies, the attachment', () => {
    const root = parseMime(buildMime(base));
    const h = (n: string) => decodeHeaderWords(headerValue(root.headers, n) ?? '');
    expect(h('Subject')).toBe(base.subject);
    expect(h('From')).toBe('株式会社ぽっけ商店 <owner@example.com>');
    expect(h('To')).toBe('山田 花子 <hanako@yamada-design.example.com>');
    expect(root.contentType).toBe('multipart/mixed');
    expect(root.children.map((c) => c.contentType)).toEqual([
      'multipart/alternative',
      'application/pdf',
    ]);
    const parts = leaves(root);
    expect(parts.map((p) => p.contentType)).toEqual(['text/plain', 'text/html', 'application/pdf']);
    expect(partText(parts[0]!)).toBe(base.text.replace(/\n/g, '\r\n'));
    expect(partText(parts[1]!)).toBe(base.html);
    const pdf = parts[2]!;
    expect(isAttachment(pdf)).toBe(true);
    expect(partFileName(pdf)).toBe('20261130_山田デザイン事務所_60500_2026-11-0003.pdf');
    expect(pdf.params.name).toBe('20261130_山田デザイン事務所_60500_2026-11-0003.pdf');
    expect(pdf.body.equals(PDF)).toBe(true);
    // Base64 folded at 76 characters.
    const b64Lines = buildMime(base)
      .split('\r\n')
      .filter((l) => /^[A-Za-z0-9+/]+=*$/.test(l) && l.length > 40);
    expect(Math.max(...b64Lines.map((l) => l.length))).toBe(76);
  });

  it('writes a plain text mail as one part, and text + HTML as multipart/alternative', () => {
    const plain = parseMime(buildMime({ to: 'a@example.com', subject: 'Hi', text: 'Hello' }));
    expect(plain.contentType).toBe('text/plain');
    expect(plain.params.charset).toBe('UTF-8');
    expect(partText(plain)).toBe('Hello');
    expect(headerValue(plain.headers, 'Subject')).toBe('Hi');
    expect(headerValue(plain.headers, 'From')).toBeUndefined();
    const alt = parseMime(
      buildMime({ to: 'a@example.com', subject: 'Hi', text: 'a', html: '<b>a</b>' }),
    );
    expect(alt.contentType).toBe('multipart/alternative');
  });

  it('encodes display names: atoms as they are, specials quoted, Japanese as encoded words', () => {
    const raw = buildMime({
      from: { name: 'Pokke, Inc. "West"', email: 'owner@example.com' },
      to: 'Blue Harbor <ap@blueharbor.example.org>; "Sato, Jiro" <jiro@example.net>, c@example.jp',
      subject: 'x',
      text: '',
    });
    const root = parseMime(raw);
    expect(headerValue(root.headers, 'From')).toBe('"Pokke, Inc. \\"West\\"" <owner@example.com>');
    expect(headerValue(root.headers, 'To')).toBe(
      'Blue Harbor <ap@blueharbor.example.org>, "Sato, Jiro" <jiro@example.net>, c@example.jp',
    );
  });

  it('keeps long and encoded-word-looking ASCII subjects intact', () => {
    const long = `Invoice ${'0123456789 '.repeat(12)}end`;
    const tricky = '=?UTF-8?B?SGVsbG8=?= is not a word here';
    for (const subject of [long, tricky, 'Re: 請求書 (1/2) — 確認', '']) {
      const root = parseMime(buildMime({ to: 'a@example.com', subject, text: '' }));
      expect(decodeHeaderWords(headerValue(root.headers, 'Subject') ?? '')).toBe(subject);
      expect(decodeEncodedWords(headerValue(root.headers, 'Subject') ?? '')).toBe(subject);
    }
  });

  it('refuses recipients that are not addresses', () => {
    for (const to of ['', 'nobody', 'a@b', 'ｙａｍａｄａ＠example.com', 'a@example.com, <>']) {
      expect(() => buildMime({ to, subject: 'x', text: '' })).toThrow(MimeError);
    }
  });
});

describe('core/mime: header injection', () => {
  const attempts = [
    '\r\nBcc: evil@attacker.example',
    '\nBcc: evil@attacker.example',
    '\rX-Evil: 1',
  ];

  it('cannot add a header through the subject, a name, an attachment or its type', () => {
    for (const inject of attempts) {
      const raw = buildMime({
        from: { name: `Pokke${inject}`, email: 'owner@example.com' },
        to: 'a@example.com',
        subject: `請求書${inject}`,
        text: `body${inject}`,
        attachments: [
          {
            name: `a${inject}".pdf`,
            contentType: `application/pdf${inject}`,
            base64: 'AAAA',
          },
        ],
      });
      expect(headerNames(raw)).toEqual(['mime-version', 'from', 'to', 'subject', 'content-type']);
      for (const part of leaves(parseMime(raw))) {
        for (const h of part.headers)
          expect(['content-type', 'content-transfer-encoding', 'content-disposition']).toContain(
            h.name.toLowerCase(),
          );
      }
      const root = parseMime(raw);
      expect(decodeHeaderWords(headerValue(root.headers, 'Subject') ?? '')).not.toMatch(/[\r\n]/);
      const pdf = leaves(root)[1]!;
      expect(pdf.contentType).toBe('application/octet-stream');
      expect(partFileName(pdf)).not.toMatch(/[\r\n]/);
    }
  });

  it('cannot add a recipient or header through the To field', () => {
    for (const inject of attempts) {
      expect(() => buildMime({ to: `a@example.com${inject}`, subject: 'x', text: '' })).toThrow(
        MimeError,
      );
    }
    // A comma makes two recipients, both listed in To (never a new header).
    const raw = buildMime({ to: 'a@example.com,b@example.com', subject: 'x', text: '' });
    expect(headerNames(raw)).toEqual([
      'mime-version',
      'to',
      'subject',
      'content-type',
      'content-transfer-encoding',
    ]);
    expect(headerValue(parseMime(raw).headers, 'To')).toBe('a@example.com, b@example.com');
  });

  it('refuses an attachment whose data is not base64', () => {
    expect(() =>
      buildMime({
        to: 'a@example.com',
        subject: 'x',
        text: '',
        attachments: [{ name: 'a', contentType: 'text/plain', base64: 'AA\r\n--=_pokke_mixed--' }],
      }),
    ).toThrow(MimeError);
  });
});

describe('core/mime: decodeEncodedWords', () => {
  it('decodes B and Q words, joins adjacent words, leaves unknown charsets', () => {
    expect(decodeEncodedWords('=?UTF-8?B?6KuL5rGC5pu4?=')).toBe('請求書');
    expect(decodeEncodedWords('=?utf-8?q?caf=C3=A9_au_lait?=')).toBe('café au lait');
    expect(decodeEncodedWords('=?UTF-8?B?6KuL?= =?UTF-8?B?5rGC5pu4?= (1)')).toBe('請求書 (1)');
    expect(decodeEncodedWords('=?ISO-8859-1?Q?caf=E9?=')).toBe('café');
    expect(decodeEncodedWords('=?ISO-2022-JP?B?GyRCJDMbKEI=?=')).toBe(
      '=?ISO-2022-JP?B?GyRCJDMbKEI=?=',
    );
    expect(decodeEncodedWords('plain text')).toBe('plain text');
  });
});
