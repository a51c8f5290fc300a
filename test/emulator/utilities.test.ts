import { createHash } from 'node:crypto';
import { loadBundle } from '../../emulator/runtime';
import { SLEEP_LIMIT_MS } from '../../emulator/services/utilities';
import { Workspace } from '../../emulator/workspace';

const signed = (hex: string) => Array.from(new Int8Array(Buffer.from(hex, 'hex')));

describe('Utilities.formatDate', () => {
  const U = new Workspace().Utilities;
  const at = (iso: string) => new Date(iso) as unknown as GoogleAppsScript.Base.Date;

  it('formats the same instant in Asia/Tokyo and in UTC (the host runs in UTC)', () => {
    const lateEvening = at('2026-11-30T20:30:00Z');
    expect(U.formatDate(lateEvening, 'Asia/Tokyo', 'yyyy/MM/dd HH:mm')).toBe('2026/12/01 05:30');
    expect(U.formatDate(lateEvening, 'UTC', 'yyyy/MM/dd HH:mm')).toBe('2026/11/30 20:30');
  });

  it('speaks Java SimpleDateFormat with English names', () => {
    const d = at('2026-01-05T00:30:05.007Z');
    expect(U.formatDate(d, 'Asia/Tokyo', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe(
      '2026-01-05T09:30:05.007+09:00',
    );
    expect(U.formatDate(d, 'Asia/Tokyo', 'EEE, d MMM yy h:mm a z Z')).toBe(
      'Mon, 5 Jan 26 9:30 AM JST +0900',
    );
    expect(U.formatDate(d, 'Asia/Tokyo', 'EEEE MMMM M/d H:m:s')).toBe('Monday January 1/5 9:30:5');
    expect(U.formatDate(d, 'UTC', "X zzzz 'o''clock' ''")).toBe(
      "Z Coordinated Universal Time o'clock '",
    );
    expect(U.formatDate(at('2026-07-01T12:00:00Z'), 'America/New_York', 'HH z')).toBe('08 EDT');
  });

  it('reads GMT offsets and legacy ids, and falls back to GMT for an unknown zone as Java does', () => {
    const d = at('2026-01-05T00:30:00Z');
    expect(U.formatDate(d, 'GMT+9', 'HH:mm z')).toBe('09:30 GMT+09:00');
    expect(U.formatDate(d, 'JST', 'HH:mm')).toBe('09:30');
    expect(U.formatDate(d, 'Asia/Tokio', 'HH:mm z')).toBe('00:30 GMT');
  });

  it('rejects what Apps Script rejects', () => {
    expect(() =>
      U.formatDate('2026-01-01' as unknown as GoogleAppsScript.Base.Date, 'UTC', 'yyyy'),
    ).toThrow(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
    expect(() => U.formatDate(at('2026-01-01T00:00:00Z'), 'UTC', 'yyyy q')).toThrow(
      "Illegal pattern character 'q'",
    );
  });

  it('parseDate reads a pattern in a zone', () => {
    expect(U.parseDate('2026/11/30 09:15', 'Asia/Tokyo', 'yyyy/MM/dd HH:mm').toISOString()).toBe(
      '2026-11-30T00:15:00.000Z',
    );
    expect(U.parseDate('20261130', 'UTC', 'yyyyMMdd').toISOString()).toBe(
      '2026-11-30T00:00:00.000Z',
    );
  });
});

describe('Utilities digests and encodings', () => {
  const U = new Workspace().Utilities;

  it('computeDigest returns signed bytes', () => {
    expect(U.computeDigest(U.DigestAlgorithm.MD5, 'abc')).toEqual(
      signed('900150983cd24fb0d6963f7d28e17f72'),
    );
    expect(U.computeDigest(U.DigestAlgorithm.SHA_256, 'abc')).toEqual(
      signed('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'),
    );
    expect(U.computeDigest(U.DigestAlgorithm.MD5, 'abc').every((b) => b >= -128 && b <= 127)).toBe(
      true,
    );
  });

  it('encodes a string as US-ASCII unless told UTF_8, as Apps Script does', () => {
    const utf8 = U.computeDigest(U.DigestAlgorithm.SHA_256, '請求', U.Charset.UTF_8);
    expect(utf8).toEqual(signed(createHash('sha256').update('請求').digest('hex')));
    expect(U.computeDigest(U.DigestAlgorithm.SHA_256, '請求')).toEqual(
      U.computeDigest(U.DigestAlgorithm.SHA_256, '??'),
    );
    expect(() =>
      U.computeDigest(U.DigestAlgorithm.MD5, [1, 2] as number[], U.Charset.UTF_8),
    ).toThrow(
      "The parameters (String,number[],String) don't match the method signature for Utilities.computeDigest.",
    );
  });

  it('computes HMAC-SHA256 (RFC 4231 test case 2)', () => {
    expect(U.computeHmacSha256Signature('what do ya want for nothing?', 'Jefe')).toEqual(
      signed('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843'),
    );
  });

  it('base64 round-trips; the web-safe alphabet keeps the padding', () => {
    expect(U.base64Encode('日本')).toBe('5pel5pys');
    expect(U.base64EncodeWebSafe('a?>')).toBe('YT8-');
    expect(U.base64EncodeWebSafe('ab')).toBe('YWI=');
    expect(U.newBlob(U.base64DecodeWebSafe('YT8-')).getDataAsString()).toBe('a?>');
    expect(U.newBlob(U.base64Decode('5pel5pys')).getDataAsString()).toBe('日本');
    expect(() => U.base64Decode('not base64!')).toThrow('Could not decode string.');
  });

  it('formatString follows Java’s String.format', () => {
    expect(U.formatString('%s: %d件 %.2f', '請求', 3, 1.005)).toBe('請求: 3件 1.00');
    expect(U.formatString('%05d|%-4s|%,d|%f|%%', 42, 'ab', 1234567, 1.5)).toBe(
      '00042|ab  |1,234,567|1.500000|%',
    );
  });

  it('getUuid gives RFC 4122 v4 ids', () => {
    expect(U.getUuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('zips and unzips', () => {
    const zip = U.zip(
      [U.newBlob('a', 'text/plain', 'a.txt'), U.newBlob('日本', 'text/csv', 'b.csv')],
      'x.zip',
    );
    expect(zip.getContentType()).toBe('application/zip');
    expect(U.unzip(zip).map((b) => [b.getName(), b.getContentType(), b.getDataAsString()])).toEqual(
      [
        ['a.txt', 'text/plain', 'a'],
        ['b.csv', 'text/csv', '日本'],
      ],
    );
  });
});

describe('Utilities.parseCsv', () => {
  const U = new Workspace().Utilities;

  it('handles quotes, doubled quotes, embedded commas, CRLF and embedded newlines', () => {
    const csv =
      '日付,摘要,金額\r\n2026/11/02,"振込 カ)ヤマダ, 商店",11000\r\n2026/11/03,"メモ ""至急""\r\n二行目",-500\r\n';
    expect(U.parseCsv(csv)).toEqual([
      ['日付', '摘要', '金額'],
      ['2026/11/02', '振込 カ)ヤマダ, 商店', '11000'],
      ['2026/11/03', 'メモ "至急"\r\n二行目', '-500'],
    ]);
  });

  it('takes another delimiter and keeps empty fields', () => {
    expect(U.parseCsv('a\t\tc\n\t\t', '\t')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('fails on an unterminated quote', () => {
    expect(() => U.parseCsv('a,"b\nc')).toThrow(/Could not parse text/);
  });
});

describe('Utilities.sleep', () => {
  it('advances the virtual clock instead of blocking, and refuses more than 5 minutes', () => {
    const ws = new Workspace();
    const start = ws.clock.now();
    ws.Utilities.sleep(1500);
    expect(ws.clock.now()).toBe(start + 1500);
    expect(() => ws.Utilities.sleep(SLEEP_LIMIT_MS + 1)).toThrow(/milliseconds/);
    expect(ws.clock.now()).toBe(start + 1500);
  });

  it('counts against the execution time limit, and every call is counted', () => {
    const ws = new Workspace();
    const bundle = loadBundle(
      `function nap() { Utilities.sleep(300000); Utilities.sleep(300000); }
       function stamp() { return Utilities.formatDate(new Date(), 'Asia/Tokyo', 'yyyy-MM-dd HH:mm'); }`,
      { workspace: ws },
    );
    expect(() => bundle.run('nap')).toThrow('Exceeded maximum execution time');
    ws.clock.set('2026-12-31T15:00:00Z');
    expect(bundle.run('stamp')).toBe('2027-01-01 00:00');
    expect(ws.meter.counts()).toEqual({ 'Utilities.formatDate': 1, 'Utilities.sleep': 2 });
  });
});
