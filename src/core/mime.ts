/**
 * RFC 5322 / MIME (RFC 2045–2047, 2231) messages, for the Gmail API's `raw` field. Pure: no Apps
 * Script global (Apps Script's V8 has no TextEncoder, Buffer or btoa), so UTF-8 and base64 are
 * done here.
 *
 * - Everything is UTF-8. Text parts and attachments are base64, folded at 76 characters; lines
 *   end in CRLF; the message itself is pure ASCII.
 * - Header text that is not plain short ASCII (a Japanese subject or display name) becomes RFC 2047
 *   encoded words (`=?UTF-8?B?…?=`), folded one word per line. File names get encoded words and
 *   an RFC 2231 `filename*` twin.
 * - Header injection is impossible by construction: every header value passes through `oneLine`
 *   (core/normalize: control characters, CR and LF included, become spaces; bidirectional
 *   controls, zero-width characters and lone surrogates are dropped) before it is written or
 *   encoded, addresses must be plain `local@domain` (anything else throws `MimeError`), and
 *   content types are checked against the RFC 2045 token syntax.
 */
import { oneLine } from './normalize';

export interface MimeAttachment {
  readonly name: string;
  readonly contentType: string;
  /** The bytes, base64 (standard alphabet; whitespace ignored). */
  readonly base64: string;
}

export interface MimeAddress {
  readonly name?: string;
  readonly email: string;
}

export interface MimeMail {
  readonly from?: MimeAddress;
  /** Recipients as an owner types them in a cell: `a@b.jp, 山田 <c@d.jp>` (`,` or `;`). */
  readonly to: string;
  readonly cc?: string;
  readonly bcc?: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  readonly attachments?: readonly MimeAttachment[];
}

/** A recipient list or attachment that cannot be written safely. */
export class MimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MimeError';
  }
}

const CRLF = '\r\n';

/** What Gmail and Apps Script accept as an address (no quoted local parts, no IP literals). */
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
/** RFC 2045 `type/subtype` tokens. */
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/;
/** Display names written as they are (an RFC 5322 phrase of atoms). */
const ATOMS = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/;

// ---- bytes ------------------------------------------------------------------------------------

/** UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as TextEncoder does). */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0) ?? 0xfffd;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Text of UTF-8 bytes; malformed sequences become U+FFFD. */
export function utf8Text(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = (bytes[i] ?? 0) & 0xff;
    const need = b < 0x80 ? 0 : b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 ? 1 : -1;
    if (need < 0) {
      out += '\ufffd';
      i += 1;
      continue;
    }
    let c = need === 0 ? b : b & (0x3f >> need);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const n = (bytes[i + k] ?? -1) & 0xff;
      if (i + k >= bytes.length || (n & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      c = (c << 6) | (n & 0x3f);
    }
    if (!ok || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
      out += '\ufffd';
      i += 1;
      continue;
    }
    out += String.fromCodePoint(c);
    i += need + 1;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding) of bytes (0..255, or Java's signed -128..127). */
export function base64Of(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = (bytes[i] ?? 0) & 0xff;
    const b = (bytes[i + 1] ?? 0) & 0xff;
    const c = (bytes[i + 2] ?? 0) & 0xff;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63];
    out += B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

/** Bytes of base64 or base64url text (padding optional, anything else skipped). */
export function bytesOfBase64(text: string): number[] {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of text) {
    const v = ch === '-' ? 62 : ch === '_' ? 63 : B64.indexOf(ch);
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
    }
  }
  return out;
}

/** Lines of at most 76 characters (RFC 2045 §6.8). */
function fold76(b64: string): string {
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

// ---- header text ------------------------------------------------------------------------------

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes, never inside a character. */
function utf8Chunks(text: string, maxBytes: number): string[] {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of text) {
    const n = utf8Bytes(ch).length;
    if (size + n > maxBytes && current !== '') {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  if (current !== '' || out.length === 0) out.push(current);
  return out;
}

/** RFC 2047 B-encoded words, each at most 60 characters (36 bytes of UTF-8). */
export function encodedWords(text: string): string[] {
  return utf8Chunks(oneLine(text), 36).map((c) => `=?UTF-8?B?${base64Of(utf8Bytes(c))}?=`);
}

const isPlainAscii = (s: string): boolean => /^[\x20-\x7e]*$/.test(s) && !s.includes('=?');

/**
 * Unstructured header text (a subject): as is when it is short printable ASCII, else encoded
 * words, one per folded line.
 */
export function headerText(text: string, headerName = 'Subject'): string {
  const t = oneLine(text);
  if (isPlainAscii(t) && headerName.length + 2 + t.length <= 78) return t;
  return encodedWords(t).join(`${CRLF} `);
}

/** Decodes RFC 2047 encoded words (B and Q; UTF-8, US-ASCII and ISO-8859-1); others stay. */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;
  // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
  const joined = String(value).replace(/(\?=)\s+(?==\?[^?\s]+\?[BbQq]\?)/g, '$1');
  return joined.replace(word, (whole, charset: string, enc: string, data: string) => {
    const cs = charset.toLowerCase().replace(/\*.*$/, '');
    if (!['utf-8', 'utf8', 'us-ascii', 'iso-8859-1', 'latin1'].includes(cs)) return whole;
    let bytes: number[];
    if (enc.toUpperCase() === 'B') bytes = bytesOfBase64(data);
    else {
      bytes = [];
      const q = data.replace(/_/g, ' ');
      for (let i = 0; i < q.length; i++) {
        const hex = q.slice(i + 1, i + 3);
        if (q[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
          bytes.push(Number.parseInt(hex, 16));
          i += 2;
        } else bytes.push(q.charCodeAt(i) & 0xff);
      }
    }
    return cs.startsWith('utf') ? utf8Text(bytes) : String.fromCharCode(...bytes);
  });
}

// ---- addresses --------------------------------------------------------------------------------

/** Splits a recipient list on `,` or `;` outside quotes and angle brackets. */
export function splitRecipients(list: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const ch of oneLine(list)) {
    if (ch === '"' && !angle) quoted = !quoted;
    else if (ch === '<' && !quoted) angle = true;
    else if (ch === '>' && !quoted) angle = false;
    if ((ch === ',' || ch === ';') && !quoted && !angle) {
      if (current.trim() !== '') out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/** How many recipients a list counts for the daily sending quota (at least one). */
export function recipientCount(list: string): number {
  return Math.max(1, splitRecipients(list).length);
}

/** `a@b.jp` or `Name <a@b.jp>` / `"Name" <a@b.jp>`; throws MimeError for anything else. */
export function parseRecipient(entry: string): MimeAddress {
  const text = oneLine(entry).trim();
  const m = /^(.*?)\s*<([^<>]*)>$/.exec(text);
  let name = '';
  let email = text;
  if (m) {
    name = (m[1] ?? '').trim();
    if (name.length >= 2 && name.startsWith('"') && name.endsWith('"')) {
      name = name.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    email = (m[2] ?? '').trim();
  }
  if (!EMAIL.test(email) || email.startsWith('.') || email.includes('..')) {
    throw new MimeError(`Invalid email: ${text}`);
  }
  return name === '' ? { email } : { name, email };
}

/** One address as a header writes it; the display name is an atom run, quoted, or encoded. */
export function formatMimeAddress(address: MimeAddress): string {
  const email = parseRecipient(address.email).email;
  const name = oneLine(address.name ?? '').trim();
  if (name === '') return email;
  if (ATOMS.test(name) && !name.includes('=?')) return `${name} <${email}>`;
  if (isPlainAscii(name)) return `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>`;
  return `${encodedWords(name).join(`${CRLF} `)} <${email}>`;
}

function addressHeader(list: string): string {
  return splitRecipients(list)
    .map((entry) => formatMimeAddress(parseRecipient(entry)))
    .join(`,${CRLF} `);
}

// ---- parts ------------------------------------------------------------------------------------

interface Part {
  readonly headers: readonly string[];
  readonly body: string;
}

function textPart(subtype: 'plain' | 'html', text: string): Part {
  const crlf = String(text).replace(/\r\n?|\n/g, CRLF);
  return {
    headers: [
      `Content-Type: text/${subtype}; charset="UTF-8"`,
      'Content-Transfer-Encoding: base64',
    ],
    body: fold76(base64Of(utf8Bytes(crlf))),
  };
}

/** RFC 2231 `filename*0*=UTF-8''…` continuations of at most ~40 characters each. */
function rfc2231(key: string, value: string): string {
  const pct = utf8Bytes(value)
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9!#$&+\-.^_`|~]/.test(c)
        ? c
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  const pieces = pct.match(/(?:%[0-9A-F]{2}|[^%]){1,13}/g) ?? [''];
  if (pieces.length === 1) return `${key}*=UTF-8''${pct}`;
  return pieces.map((p, i) => `${key}*${i}*=${i === 0 ? "UTF-8''" : ''}${p}`).join(`;${CRLF} `);
}

function quotedParam(key: string, value: string): string {
  if (isPlainAscii(value) && value.length <= 60) {
    return `${key}="${value.replace(/(["\\])/g, '\\$1')}"`;
  }
  return `${key}="${encodedWords(value).join(`${CRLF} `)}"`;
}

function attachmentPart(a: MimeAttachment): Part {
  const name = oneLine(a.name).trim() || 'untitled';
  const type = CONTENT_TYPE.test(a.contentType.trim())
    ? a.contentType.trim().toLowerCase()
    : 'application/octet-stream';
  const data = a.base64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data) || data.length % 4 !== 0) {
    throw new MimeError(`Attachment ${name} is not valid base64`);
  }
  const plain = isPlainAscii(name) && name.length <= 60;
  return {
    headers: [
      `Content-Type: ${type};${CRLF} ${quotedParam('name', name)}`,
      `Content-Disposition: attachment;${CRLF} ${quotedParam('filename', name)}${
        plain ? '' : `;${CRLF} ${rfc2231('filename', name)}`
      }`,
      'Content-Transfer-Encoding: base64',
    ],
    body: fold76(data),
  };
}

function multipart(subtype: 'mixed' | 'alternative', boundary: string, parts: Part[]): Part {
  const body = `${parts.map((p) => `--${boundary}${CRLF}${render(p)}${CRLF}`).join('')}--${boundary}--`;
  return { headers: [`Content-Type: multipart/${subtype}; boundary="${boundary}"`], body };
}

function render(part: Part): string {
  return `${part.headers.join(CRLF)}${CRLF}${CRLF}${part.body}`;
}

/**
 * The whole message, ASCII with CRLF line ends, ready for `Utilities.base64EncodeWebSafe`.
 * Bodies are base64, so no body line can ever look like a boundary (`=_pokke_…` uses characters
 * base64 lacks). Throws MimeError for a recipient that is not an address or no recipient at all.
 */
export function buildMime(mail: MimeMail): string {
  const to = addressHeader(mail.to);
  if (to === '') throw new MimeError('No recipient');
  const headers = ['MIME-Version: 1.0'];
  if (mail.from) headers.push(`From: ${formatMimeAddress(mail.from)}`);
  headers.push(`To: ${to}`);
  if (mail.cc && splitRecipients(mail.cc).length > 0) headers.push(`Cc: ${addressHeader(mail.cc)}`);
  if (mail.bcc && splitRecipients(mail.bcc).length > 0)
    headers.push(`Bcc: ${addressHeader(mail.bcc)}`);
  headers.push(`Subject: ${headerText(mail.subject)}`);

  const texts: Part[] = [textPart('plain', mail.text)];
  if (mail.html !== undefined && mail.html !== null) texts.push(textPart('html', mail.html));
  let top = texts.length > 1 ? multipart('alternative', '=_pokke_alt', texts) : (texts[0] as Part);
  const attachments = mail.attachments ?? [];
  if (attachments.length > 0) {
    top = multipart('mixed', '=_pokke_mixed', [top, ...attachments.map(attachmentPart)]);
  }
  return `${render({ headers: [...headers, ...top.headers], body: top.body })}${CRLF}`;
}
