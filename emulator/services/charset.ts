/**
 * Byte and charset helpers shared by Blob and Utilities. Apps Script's byte arrays are Java
 * `byte[]`: signed, -128..127. Charsets are Java charset names (`UTF-8`, `Shift_JIS`...) or the
 * `Utilities.Charset` enum (`UTF_8`, `US_ASCII`). Unmappable characters become `?` on encoding, as
 * Java's String.getBytes does.
 */

export type Charset =
  | 'utf-8'
  | 'us-ascii'
  | 'iso-8859-1'
  | 'utf-16'
  | 'utf-16le'
  | 'utf-16be'
  | 'shift_jis'
  | 'euc-jp';

const ALIASES: Record<string, Charset> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  utf_8: 'utf-8',
  'us-ascii': 'us-ascii',
  us_ascii: 'us-ascii',
  ascii: 'us-ascii',
  'iso-8859-1': 'iso-8859-1',
  iso8859_1: 'iso-8859-1',
  latin1: 'iso-8859-1',
  'utf-16': 'utf-16',
  utf_16: 'utf-16',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  shift_jis: 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'windows-31j': 'shift_jis',
  ms932: 'shift_jis',
  cp932: 'shift_jis',
  'euc-jp': 'euc-jp',
  eucjp: 'euc-jp',
};

/** A Java charset name or Utilities.Charset value, normalised; throws on an unknown one. */
export function charsetOf(name: unknown): Charset {
  const cs = ALIASES[String(name).trim().toLowerCase()];
  if (!cs) throw new Error(`Unsupported charset: ${String(name)}`);
  return cs;
}

/** Signed Java bytes from raw bytes. */
export function toSignedBytes(buf: Uint8Array): number[] {
  return Array.from(new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength));
}

/** Raw bytes from Java bytes (signed or unsigned numbers are both accepted, as Apps Script does). */
export function fromByteArray(bytes: readonly unknown[]): Buffer {
  const out = Buffer.alloc(bytes.length);
  bytes.forEach((b, i) => {
    const n = Number(b);
    if (!Number.isFinite(n)) throw new Error(`Cannot convert ${String(b)} to byte.`);
    out[i] = Math.trunc(n) & 0xff;
  });
  return out;
}

let sjisTable: Map<string, number> | undefined;
let eucTable: Map<string, number> | undefined;

/** Reverse table of a two-byte Japanese charset, built once from the platform's decoder. */
function reverseTable(label: 'shift_jis' | 'euc-jp'): Map<string, number> {
  const decoder = new TextDecoder(label, { fatal: true });
  const table = new Map<string, number>();
  const leads =
    label === 'shift_jis'
      ? [...range(0x81, 0x9f), ...range(0xe0, 0xfc)]
      : [...range(0xa1, 0xfe), 0x8e];
  const trails = label === 'shift_jis' ? range(0x40, 0xfc) : range(0xa1, 0xfe);
  for (const lead of leads) {
    for (const trail of trails) {
      try {
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length >= 1 && !table.has(ch)) table.set(ch, (lead << 8) | trail);
      } catch {
        // not a valid pair
      }
    }
  }
  // Single-byte half-width katakana.
  for (const b of range(0xa1, 0xdf)) {
    const ch = String.fromCharCode(0xff61 + b - 0xa1);
    if (label === 'shift_jis') table.set(ch, b);
    else table.set(ch, (0x8e << 8) | b);
  }
  return table;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Encodes a string to bytes in a charset. */
export function encode(text: string, charset: Charset = 'utf-8'): Buffer {
  switch (charset) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'us-ascii':
      return Buffer.from(
        Array.from(text, (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f)),
      );
    case 'iso-8859-1':
      return Buffer.from(
        Array.from(text, (c) => (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0x3f)),
      );
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
    case 'utf-16': {
      const le = Buffer.from(text, 'utf16le');
      const be = Buffer.from(le).swap16();
      // Java's "UTF-16" encoder writes a big-endian byte-order mark.
      return charset === 'utf-16' ? Buffer.concat([Buffer.of(0xfe, 0xff), be]) : be;
    }
    case 'shift_jis':
    case 'euc-jp': {
      if (charset === 'shift_jis') sjisTable ??= reverseTable('shift_jis');
      else eucTable ??= reverseTable('euc-jp');
      const table = (charset === 'shift_jis' ? sjisTable : eucTable) as Map<string, number>;
      const out: number[] = [];
      for (const ch of text) {
        const code = ch.charCodeAt(0);
        if (code < 0x80) {
          out.push(code);
          continue;
        }
        const mapped = table.get(ch);
        if (mapped === undefined) out.push(0x3f);
        else if (mapped > 0xff) out.push(mapped >> 8, mapped & 0xff);
        else out.push(mapped);
      }
      return Buffer.from(out);
    }
  }
}

/** Decodes bytes in a charset; malformed input becomes U+FFFD as in Java. */
export function decode(bytes: Uint8Array, charset: Charset = 'utf-8'): string {
  switch (charset) {
    case 'us-ascii':
      return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
    case 'iso-8859-1':
      return Buffer.from(bytes).toString('latin1');
    case 'utf-16': {
      if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return new TextDecoder('utf-16le').decode(bytes.subarray(2));
      const body = bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes;
      return new TextDecoder('utf-16be').decode(body);
    }
    default:
      // Java keeps a leading byte-order mark as U+FEFF; so does Apps Script.
      return new TextDecoder(charset, { ignoreBOM: true }).decode(bytes);
  }
}
