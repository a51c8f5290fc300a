import { createHash } from 'node:crypto';
import { resolveZone, wallTime } from './services/timezone';

/**
 * A small RFC 5322 / MIME (RFC 2045–2047, 2231) writer for the emulator's mails: the playground
 * offers drafts and sent mails as `.eml` files, and `GmailMessage.getRawContent()` answers with
 * the same text. Everything is UTF-8; text parts are quoted-printable (readable, and safe for long
 * Japanese lines), attachments base64; non-ASCII header text becomes `=?UTF-8?B?...?=` words.
 * Lines end in CRLF and stay under 78 characters, except an ASCII header value or file name
 * that has no place to fold (still far under the 998-character limit).
 */
export interface EmlAttachment {
  readonly name: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  /** Set for an inline image (`inlineImages` option): referenced as `cid:<contentId>`. */
  readonly contentId?: string;
}

export interface EmlInput {
  /** Address headers as Apps Script shows them: `Name <a@b.jp>, c@d.jp`. */
  readonly from: string;
  readonly to: string;
  readonly cc?: string;
  readonly bcc?: string;
  readonly replyTo?: string;
  readonly subject: string;
  readonly date: Date | number;
  /** With angle brackets: `<abc@mail.gmail.com>`. */
  readonly messageId?: string;
  readonly inReplyTo?: string;
  readonly references?: string;
  /** Further headers, written as given (values are folded and encoded when not ASCII). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly plainBody: string;
  readonly htmlBody?: string | null;
  readonly attachments?: readonly EmlAttachment[];
  /** Zone of the Date header (default UTC). */
  readonly timeZone?: string;
}

const CRLF = '\r\n';

/** Header values never carry a line break of their own (no header injection from cell text). */
function oneLine(s: string): string {
  return String(s).replace(/[\r\n]+/g, ' ');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII range test
const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes, never inside a character. */
function utf8Chunks(text: string, maxBytes: number): string[] {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of text) {
    const n = Buffer.byteLength(ch);
    if (bytes + n > maxBytes && current !== '') {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += n;
  }
  if (current !== '' || out.length === 0) out.push(current);
  return out;
}

/** RFC 2047 encoded words (`=?UTF-8?B?...?=`), each at most 60 characters. */
export function encodeWords(text: string): string[] {
  return utf8Chunks(text, 36).map(
    (c) => `=?UTF-8?B?${Buffer.from(c, 'utf8').toString('base64')}?=`,
  );
}

/** Unstructured header text: as is when ASCII, else encoded words folded onto lines. */
function encodeText(text: string): string {
  const t = oneLine(text);
  return isAscii(t) ? t : encodeWords(t).join(`${CRLF} `);
}

/** Splits an address list on commas outside quotes and angle brackets. */
export function splitAddressList(list: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const ch of String(list)) {
    if (ch === '"' && !angle) quoted = !quoted;
    else if (ch === '<' && !quoted) angle = true;
    else if (ch === '>' && !quoted) angle = false;
    if (ch === ',' && !quoted && !angle) {
      if (current.trim() !== '') out.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/** One address with its display name made safe: encoded words, or a quoted string. */
function encodeAddress(address: string): string {
  const m = /^(.*?)\s*<([^<>]*)>$/.exec(oneLine(address).trim());
  if (!m) return oneLine(address).trim();
  let name = (m[1] ?? '').trim();
  const email = (m[2] ?? '').trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) {
    name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  if (name === '') return `<${email}>`;
  if (!isAscii(name)) return `${encodeWords(name).join(`${CRLF} `)}${CRLF} <${email}>`;
  if (/^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ .]*$/.test(name) && !/^\.|\.$|\.\./.test(name)) {
    return `${name} <${email}>`;
  }
  return `"${name.replace(/(["\\])/g, '\\$1')}" <${email}>`;
}

function encodeAddressList(list: string): string {
  return splitAddressList(list).map(encodeAddress).join(`,${CRLF} `);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue, 24 Nov 2026 09:00:00 +0900` (RFC 5322 date-time) in a zone. */
export function rfc5322Date(date: Date | number, timeZone = 'UTC'): string {
  const ms = typeof date === 'number' ? date : date.getTime();
  const w = wallTime(resolveZone(timeZone), ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const off = Math.abs(w.offsetMin);
  const sign = w.offsetMin < 0 ? '-' : '+';
  return `${DAYS[w.weekday]}, ${w.day} ${MONTHS[w.month - 1]} ${w.year} ${p2(w.hour)}:${p2(w.minute)}:${p2(w.second)} ${sign}${p2(Math.floor(off / 60))}${p2(off % 60)}`;
}

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text; line breaks become CRLF hard breaks. */
export function quotedPrintable(text: string): string {
  const lines = String(text).replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const bytes = Buffer.from(line, 'utf8');
    const tokens: string[] = [];
    bytes.forEach((b, i) => {
      const last = i === bytes.length - 1;
      if ((b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last)) {
        tokens.push(String.fromCharCode(b));
      } else {
        tokens.push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
      }
    });
    let current = '';
    for (const t of tokens) {
      if (current.length + t.length > 75) {
        out.push(`${current}=`);
        current = '';
      }
      current += t;
    }
    out.push(current);
  }
  return out.join(CRLF);
}

function base64Lines(data: Uint8Array): string {
  const b64 = Buffer.from(data).toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

/** A `name="..."` style parameter; non-ASCII values get encoded words and an RFC 2231 twin. */
function fileParams(key: 'name' | 'filename', value: string): string {
  const v = oneLine(value);
  if (isAscii(v)) return `${key}="${v.replace(/(["\\])/g, '\\$1')}"`;
  const pct = Array.from(Buffer.from(v, 'utf8'), (b) => {
    const c = String.fromCharCode(b);
    return /[A-Za-z0-9!#$&+\-.^_`|~]/.test(c)
      ? c
      : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
  const words = `${key}="${encodeWords(v).join(`${CRLF} `)}"`;
  if (key !== 'filename') return words;
  // RFC 2231 continuations keep each line short: filename*0*=UTF-8''…; filename*1*=…
  const pieces = pct.match(/(?:%[0-9A-F]{2}|[^%]){1,20}/g) ?? [''];
  if (pieces.length === 1) return `${words};${CRLF} filename*=UTF-8''${pct}`;
  const cont = pieces.map((p, i) => `filename*${i}*=${i === 0 ? "UTF-8''" : ''}${p}`);
  return `${words};${CRLF} ${cont.join(`;${CRLF} `)}`;
}

interface Part {
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
}

function textPart(subtype: 'plain' | 'html', text: string): Part {
  return {
    headers: [
      ['Content-Type', `text/${subtype}; charset="UTF-8"`],
      ['Content-Transfer-Encoding', 'quoted-printable'],
    ],
    body: quotedPrintable(text),
  };
}

function attachmentPart(a: EmlAttachment): Part {
  const type = oneLine(a.contentType || 'application/octet-stream');
  const headers: [string, string][] = [
    ['Content-Type', `${type};${CRLF} ${fileParams('name', a.name)}`],
    [
      'Content-Disposition',
      `${a.contentId ? 'inline' : 'attachment'};${CRLF} ${fileParams('filename', a.name)}`,
    ],
    ['Content-Transfer-Encoding', 'base64'],
  ];
  if (a.contentId) headers.push(['Content-ID', `<${oneLine(a.contentId)}>`]);
  return { headers, body: base64Lines(a.data) };
}

function render(part: Part): string {
  return `${part.headers.map(([k, v]) => `${k}: ${v}`).join(CRLF)}${CRLF}${CRLF}${part.body}`;
}

function multipart(subtype: 'mixed' | 'alternative', boundary: string, parts: Part[]): Part {
  const body = `${parts.map((p) => `--${boundary}${CRLF}${render(p)}${CRLF}`).join('')}--${boundary}--`;
  return { headers: [['Content-Type', `multipart/${subtype}; boundary="${boundary}"`]], body };
}

/** The message as an `.eml` file (RFC 5322 with MIME), CRLF line ends. */
export function toEml(msg: EmlInput): string {
  const seed = createHash('sha256')
    .update(`${msg.messageId ?? ''}|${msg.subject}|${String(msg.date.valueOf())}`)
    .digest('hex');
  const parts: string[] = [msg.plainBody, msg.htmlBody ?? ''];
  let salt = 0;
  const boundaryFor = (tag: string): string => {
    for (;;) {
      const b = `000000000000${seed.slice(0, 14)}${tag}${salt === 0 ? '' : salt}`;
      if (!parts.some((p) => p.includes(b))) return b;
      salt += 1;
    }
  };

  const text: Part[] = [textPart('plain', msg.plainBody)];
  if (msg.htmlBody !== undefined && msg.htmlBody !== null)
    text.push(textPart('html', msg.htmlBody));
  let top: Part =
    text.length > 1 ? multipart('alternative', boundaryFor('a'), text) : (text[0] as Part);
  const attachments = msg.attachments ?? [];
  if (attachments.length > 0) {
    top = multipart('mixed', boundaryFor('m'), [top, ...attachments.map(attachmentPart)]);
  }

  const headers: [string, string][] = [['MIME-Version', '1.0']];
  headers.push(['Date', rfc5322Date(msg.date, msg.timeZone)]);
  if (msg.messageId) headers.push(['Message-ID', oneLine(msg.messageId)]);
  if (msg.inReplyTo) headers.push(['In-Reply-To', oneLine(msg.inReplyTo)]);
  if (msg.references) headers.push(['References', oneLine(msg.references)]);
  headers.push(['Subject', encodeText(msg.subject)]);
  headers.push(['From', encodeAddressList(msg.from)]);
  if (msg.to) headers.push(['To', encodeAddressList(msg.to)]);
  if (msg.cc) headers.push(['Cc', encodeAddressList(msg.cc)]);
  if (msg.bcc) headers.push(['Bcc', encodeAddressList(msg.bcc)]);
  if (msg.replyTo) headers.push(['Reply-To', encodeAddressList(msg.replyTo)]);
  const standard = new Set(headers.map(([k]) => k.toLowerCase()));
  for (const [k, v] of Object.entries(msg.headers ?? {})) {
    const name = oneLine(k).replace(/[^!-9;-~]/g, '');
    if (name === '' || standard.has(name.toLowerCase()) || /^content-/i.test(name)) continue;
    headers.push([name, encodeText(v)]);
  }
  return `${render({ headers: [...headers, ...top.headers], body: top.body })}${CRLF}`;
}
