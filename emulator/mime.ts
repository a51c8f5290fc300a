import { charsetOf, decode } from './services/charset';

/**
 * A small RFC 5322 / MIME reader (RFC 2045–2047, 2231), the twin of `eml.ts`: the emulated Gmail
 * API takes messages as `raw` text and files them in the mailbox GmailApp uses. Synchronous,
 * and only what mail written by scripts needs: unfolding, encoded words (B and Q; UTF-8,
 * ISO-8859-1, US-ASCII, Shift_JIS, EUC-JP), parameters with RFC 2231 continuations and charsets,
 * nested multiparts, base64, quoted-printable, 7bit/8bit. Lines may end in CRLF or LF.
 */

export interface MimeHeader {
  readonly name: string;
  /** Unfolded, still encoded, as it stands in the message. */
  readonly value: string;
}

export interface MimeNode {
  readonly headers: readonly MimeHeader[];
  /** `text/plain` when the part has no Content-Type (RFC 2045 §5.2). Lower case. */
  readonly contentType: string;
  readonly params: Readonly<Record<string, string>>;
  /** The Content-Disposition value (`attachment`, `inline`) or ''. */
  readonly disposition: string;
  readonly dispositionParams: Readonly<Record<string, string>>;
  /** The body with its transfer encoding undone (empty for a multipart). */
  readonly body: Buffer;
  readonly children: readonly MimeNode[];
}

export class MimeParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MimeParseError';
  }
}

function charsetDecode(bytes: Buffer, charset: string): string {
  const cs = charset.toLowerCase();
  if (cs === 'utf-8' || cs === 'utf8' || cs === 'us-ascii' || cs === 'ascii') {
    return bytes.toString('utf8');
  }
  if (cs === 'iso-8859-1' || cs === 'latin1') return bytes.toString('latin1');
  try {
    return decode(bytes, charsetOf(cs));
  } catch {
    return bytes.toString('utf8');
  }
}

/** RFC 2047 encoded words in a header value, decoded; whitespace between two words dropped. */
export function decodeHeaderWords(value: string): string {
  const joined = value.replace(/(\?=)[ \t]+(?==\?[^?\s]+\?[BbQq]\?)/g, '$1');
  return joined.replace(
    /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([BbQq])\?([^?\s]*)\?=/g,
    (_w, charset: string, enc: string, data: string) => {
      const bytes =
        enc.toUpperCase() === 'B'
          ? Buffer.from(data.replace(/-/g, '+').replace(/_/g, '/'), 'base64')
          : Buffer.from(
              data
                .replace(/_/g, ' ')
                .replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) =>
                  String.fromCharCode(Number.parseInt(h, 16)),
                ),
              'latin1',
            );
      return charsetDecode(bytes, charset);
    },
  );
}

/** The headers of a block, unfolded, and the offset where the body starts. */
function splitHead(text: string): { headers: MimeHeader[]; body: string } {
  const m = /\r?\n\r?\n/.exec(text);
  const head = m ? text.slice(0, m.index) : text;
  const body = m ? text.slice(m.index + m[0].length) : '';
  const headers: MimeHeader[] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && headers.length > 0) {
      const last = headers.pop() as MimeHeader;
      headers.push({ name: last.name, value: `${last.value} ${line.trim()}`.trim() });
      continue;
    }
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[!-9;-~]+$/.test(line.slice(0, colon))) {
      throw new MimeParseError(`Malformed header line: ${line.slice(0, 40)}`);
    }
    headers.push({ name: line.slice(0, colon), value: line.slice(colon + 1).trim() });
  }
  return { headers, body };
}

export function headerValue(headers: readonly MimeHeader[], name: string): string | undefined {
  const n = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === n)?.value;
}

/** `type/subtype; a="b"; c*0*=UTF-8''%E3…` → the value and its parameters, decoded. */
export function parseParams(value: string): { value: string; params: Record<string, string> } {
  const tokens: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '\\' && quoted) {
      current += ch + (value[i + 1] ?? '');
      i += 1;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      tokens.push(current.trim());
      current = '';
    } else current += ch;
  }
  tokens.push(current.trim());
  const [first = '', ...rest] = tokens;
  const simple: Record<string, string> = {};
  const extended = new Map<string, { index: number; encoded: boolean; text: string }[]>();
  for (const t of rest) {
    const eq = t.indexOf('=');
    if (eq <= 0) continue;
    const rawKey = t.slice(0, eq).trim().toLowerCase();
    let v = t.slice(eq + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) {
      v = v.slice(1, -1).replace(/\\(.)/g, '$1');
    }
    const m = /^([^*]+)\*(?:(\d+)\*?|)$/.exec(rawKey);
    if (m && rawKey.includes('*')) {
      const key = m[1] as string;
      const index = m[2] === undefined ? 0 : Number(m[2]);
      const encoded = rawKey.endsWith('*');
      const list = extended.get(key) ?? [];
      list.push({ index, encoded, text: v });
      extended.set(key, list);
    } else simple[rawKey] = decodeHeaderWords(v);
  }
  for (const [key, pieces] of extended) {
    pieces.sort((a, b) => a.index - b.index);
    let charset = 'utf-8';
    const bytes: number[] = [];
    pieces.forEach((p, i) => {
      let text = p.text;
      if (i === 0 && p.encoded) {
        const q = /^([^']*)'[^']*'(.*)$/.exec(text);
        if (q) {
          charset = q[1] || 'us-ascii';
          text = q[2] ?? '';
        }
      }
      if (p.encoded) {
        for (let k = 0; k < text.length; k++) {
          const hex = text.slice(k + 1, k + 3);
          if (text[k] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
            bytes.push(Number.parseInt(hex, 16));
            k += 2;
          } else bytes.push(text.charCodeAt(k) & 0xff);
        }
      } else bytes.push(...Buffer.from(text, 'utf8'));
    });
    simple[key] = charsetDecode(Buffer.from(bytes), charset);
  }
  return { value: first.toLowerCase(), params: simple };
}

/** Quoted-printable (RFC 2045 §6.7) to bytes; soft line breaks removed. */
export function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      out.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      out.push(...Buffer.from(joined[i] as string, 'latin1'));
    }
  }
  return Buffer.from(out);
}

function decodeBody(body: string, encoding: string): Buffer {
  switch (encoding) {
    case 'base64': {
      const clean = body.replace(/[\s]+/g, '');
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) {
        throw new MimeParseError('Invalid base64 in a part body');
      }
      return Buffer.from(clean, 'base64');
    }
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      // 7bit, 8bit, binary: the text as it stands (`raw` arrives as bytes read as latin1).
      return Buffer.from(body, 'latin1');
  }
}

function parseNode(text: string, depth: number): MimeNode {
  if (depth > 20) throw new MimeParseError('Multipart nesting too deep');
  const { headers, body } = splitHead(text);
  const ct = parseParams(headerValue(headers, 'Content-Type') ?? 'text/plain');
  const cd = parseParams(headerValue(headers, 'Content-Disposition') ?? '');
  const encoding = (headerValue(headers, 'Content-Transfer-Encoding') ?? '7bit').toLowerCase();
  const contentType = ct.value || 'text/plain';
  if (contentType.startsWith('multipart/')) {
    const boundary = ct.params.boundary;
    if (!boundary) throw new MimeParseError('Multipart without a boundary');
    const lines = body.split(/\r?\n/);
    const parts: string[][] = [];
    let current: string[] | null = null;
    let closed = false;
    for (const line of lines) {
      const trimmed = line.replace(/[ \t]+$/, '');
      if (trimmed === `--${boundary}--`) {
        if (current) parts.push(current);
        current = null;
        closed = true;
        break;
      }
      if (trimmed === `--${boundary}`) {
        if (current) parts.push(current);
        current = [];
        continue;
      }
      if (current) current.push(line);
    }
    if (current) parts.push(current);
    if (!closed && parts.length === 0) throw new MimeParseError('Multipart without parts');
    return {
      headers,
      contentType,
      params: ct.params,
      disposition: cd.value,
      dispositionParams: cd.params,
      body: Buffer.alloc(0),
      children: parts.map((p) => parseNode(p.join('\r\n'), depth + 1)),
    };
  }
  return {
    headers,
    contentType,
    params: ct.params,
    disposition: cd.value,
    dispositionParams: cd.params,
    body: decodeBody(body, encoding),
    children: [],
  };
}

/** Parses a whole message (text whose characters are its bytes, or a UTF-8 string). */
export function parseMime(message: string | Buffer): MimeNode {
  const text = typeof message === 'string' ? message : message.toString('latin1');
  return parseNode(text, 0);
}

/** Leaf parts in document order (multiparts walked depth-first). */
export function leaves(node: MimeNode): MimeNode[] {
  if (node.children.length === 0) return [node];
  return node.children.flatMap(leaves);
}

/** The text of a text part in its charset (UTF-8 by default). */
export function partText(node: MimeNode): string {
  return charsetDecode(node.body, node.params.charset ?? 'utf-8');
}

/** A part's file name: `filename*`/`filename`, else the Content-Type `name`, or null. */
export function partFileName(node: MimeNode): string | null {
  return node.dispositionParams.filename ?? node.params.name ?? null;
}

/** Is the part an attachment (rather than a body text)? */
export function isAttachment(node: MimeNode): boolean {
  if (node.disposition === 'attachment') return true;
  if (partFileName(node) !== null) return true;
  return !node.contentType.startsWith('text/') && node.children.length === 0;
}
