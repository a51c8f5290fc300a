import { createHash, createHmac, createSign, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { API_NAME, isEmulated } from '../core/instrument';
import type { Workspace } from '../workspace';
import { Blob, type BlobData, blobOf } from './blob';
import {
  type Charset as CharsetName,
  charsetOf,
  encode,
  fromByteArray,
  toSignedBytes,
} from './charset';
import { formatJavaDate } from './dateformat';
import { enumOf } from './enum';
import { resolveZone, wallToUtc } from './timezone';
import { unzipEntries, zipEntries } from './zip';

type U = typeof GoogleAppsScript.Utilities;
type Byte = GoogleAppsScript.Byte;
type CharsetArg = GoogleAppsScript.Utilities.Charset;

export const Charset = enumOf('US_ASCII', 'UTF_8');
export const DigestAlgorithm = enumOf('MD2', 'MD5', 'SHA_1', 'SHA_256', 'SHA_384', 'SHA_512');
export const MacAlgorithm = enumOf(
  'HMAC_MD5',
  'HMAC_SHA_1',
  'HMAC_SHA_256',
  'HMAC_SHA_384',
  'HMAC_SHA_512',
);
export const RsaAlgorithm = enumOf('RSA_SHA_1', 'RSA_SHA_256');

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};
const RSAS: Record<string, string> = { RSA_SHA_1: 'RSA-SHA1', RSA_SHA_256: 'RSA-SHA256' };

/** Utilities.sleep's documented maximum. */
export const SLEEP_LIMIT_MS = 300000;

/** How Apps Script names argument types in "The parameters (…) don't match…" errors. */
function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return `${v.length > 0 ? typeName(v[0]) : 'Object'}[]`;
  if (v instanceof Date) return 'Date';
  if (isEmulated(v)) return v[API_NAME];
  return 'Object';
}

function mismatch(method: string, args: readonly unknown[]): Error {
  return new Error(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for Utilities.${method}.`,
  );
}

const isBytes = (v: unknown): v is unknown[] => Array.isArray(v);

/** Bytes of a string or byte-array argument; strings with no charset given are US-ASCII. */
function bytesOf(
  value: unknown,
  charset: CharsetName | undefined,
  stringDefault: CharsetName,
): Buffer {
  if (typeof value === 'string') return encode(value, charset ?? stringDefault);
  return fromByteArray(value as unknown[]);
}

function charsetArg(method: string, args: readonly unknown[], c: unknown): CharsetName | undefined {
  if (c === undefined) return undefined;
  if (c !== 'UTF_8' && c !== 'US_ASCII') throw mismatch(method, args);
  return charsetOf(c);
}

/** Apps Script decodes both alphabets in both decoders; anything else is an error. */
function base64Bytes(encoded: unknown): number[] {
  const s = String(encoded).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(s)) throw new Error('Could not decode string.');
  return toSignedBytes(Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}

/**
 * computeRsaSignature with a fixed algorithm. An absent charset stays absent: a refused call's
 * error lists the arguments it was given.
 */
function rsaSignature(
  utilities: UtilitiesEmulator,
  algorithm: keyof typeof RsaAlgorithm,
  value: string,
  key: string,
  charset: CharsetArg | undefined,
): Byte[] {
  const alg = algorithm as unknown as GoogleAppsScript.Utilities.RsaAlgorithm;
  return charset === undefined
    ? utilities.computeRsaSignature(alg, value, key)
    : utilities.computeRsaSignature(alg, value, key, charset);
}

export class UtilitiesEmulator implements GoogleAppsScript.Utilities.Utilities {
  readonly [API_NAME] = 'Utilities';
  readonly Charset = Charset as unknown as U['Charset'];
  readonly DigestAlgorithm = DigestAlgorithm as unknown as U['DigestAlgorithm'];
  readonly MacAlgorithm = MacAlgorithm as unknown as U['MacAlgorithm'];
  readonly RsaAlgorithm = RsaAlgorithm as unknown as U['RsaAlgorithm'];

  constructor(private readonly ws: Workspace) {}

  // ---- dates and text --------------------------------------------------------------------

  /**
   * Java SimpleDateFormat patterns, English names, the zone resolved as java.util.TimeZone does
   * (unknown ids format as GMT, as on Apps Script).
   */
  formatDate(
    ...args: [date: GoogleAppsScript.Base.Date, timeZone: string, format: string]
  ): string {
    const [date, timeZone, format] = args;
    if (
      args.length !== 3 ||
      !((date as unknown) instanceof Date) ||
      typeof timeZone !== 'string' ||
      typeof format !== 'string'
    ) {
      throw mismatch('formatDate', args);
    }
    return formatJavaDate(date as unknown as Date, timeZone, format);
  }

  /**
   * Parses with a SimpleDateFormat pattern in a zone. Supports the numeric fields (y M d H h m s
   * S), a/MMM/MMMM/EEE text, Z/X offsets and quoted literals.
   */
  parseDate(date: string, timeZone: string, format: string): Date {
    return parseJavaDate(String(date), String(timeZone), String(format));
  }

  /** sprintf-like formatting as java.lang.String.format does it (%s %d %f %x %o %e %c %b %%, %n). */
  formatString(template: string, ...args: unknown[]): string {
    return javaFormat(String(template), args);
  }

  // ---- blobs -------------------------------------------------------------------------------

  newBlob(...args: [data: string | Byte[], contentType?: string, name?: string]): Blob {
    const [data, contentType, name] = args;
    if (typeof data !== 'string' && !isBytes(data)) throw mismatch('newBlob', args);
    return new Blob(this.ws, data as BlobData, contentType ?? null, name ?? null);
  }

  gzip(blob: GoogleAppsScript.Base.BlobSource, name?: string): Blob {
    const src = blobOf(this.ws, blob);
    return new Blob(
      this.ws,
      gzipSync(src.raw()),
      'application/x-gzip',
      name ?? `${src.getName() ?? 'archive'}.gz`,
    );
  }

  ungzip(blob: GoogleAppsScript.Base.BlobSource): Blob {
    const src = blobOf(this.ws, blob);
    const name = src.getName();
    return new Blob(this.ws, gunzipSync(src.raw()), null, name ? name.replace(/\.gz$/i, '') : null);
  }

  zip(blobs: GoogleAppsScript.Base.BlobSource[], name?: string): Blob {
    const entries = blobs.map((b, i) => {
      const blob = blobOf(this.ws, b);
      return { name: blob.getName() ?? `file${i + 1}`, data: blob.raw() };
    });
    return new Blob(
      this.ws,
      zipEntries(entries, this.ws.clock.now()),
      'application/zip',
      name ?? 'archive.zip',
    );
  }

  unzip(blob: GoogleAppsScript.Base.BlobSource): Blob[] {
    return unzipEntries(blobOf(this.ws, blob).raw()).map((e) => {
      const out = new Blob(this.ws, e.data, null, e.name);
      try {
        out.setContentTypeFromExtension();
      } catch {
        // unknown extension: no content type, as Apps Script leaves it
      }
      return out;
    });
  }

  // ---- digests and signatures --------------------------------------------------------------

  /** Signed bytes. A string with no charset is encoded as US-ASCII (non-ASCII → '?'), as on Apps Script. */
  computeDigest(
    ...args: [
      algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
      value: Byte[] | string,
      charset?: CharsetArg,
    ]
  ): Byte[] {
    const [algorithm, value, charset] = args;
    if (args.length < 2 || args.length > 3) throw mismatch('computeDigest', args);
    const alg = String(algorithm);
    if (
      !(alg in DigestAlgorithm) ||
      (typeof value !== 'string' && (!isBytes(value) || charset !== undefined))
    ) {
      throw mismatch('computeDigest', args);
    }
    const cs = charsetArg('computeDigest', args, charset);
    if (alg === 'MD2') throw new Error('MD2 is not available in the Pokke emulator');
    return toSignedBytes(
      createHash(DIGESTS[alg] as string)
        .update(bytesOf(value, cs, 'us-ascii'))
        .digest(),
    );
  }

  computeHmacSignature(
    ...args: [
      algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
      value: Byte[] | string,
      key: Byte[] | string,
      charset?: CharsetArg,
    ]
  ): Byte[] {
    const [algorithm, value, key, charset] = args;
    const alg = String(algorithm);
    if (args.length < 3 || args.length > 4 || !(alg in MacAlgorithm))
      throw mismatch('computeHmacSignature', args);
    return this.hmac('computeHmacSignature', args, MACS[alg] as string, value, key, charset);
  }

  computeHmacSha256Signature(
    ...args: [value: Byte[] | string, key: Byte[] | string, charset?: CharsetArg]
  ): Byte[] {
    const [value, key, charset] = args;
    if (args.length < 2 || args.length > 3) throw mismatch('computeHmacSha256Signature', args);
    return this.hmac('computeHmacSha256Signature', args, 'sha256', value, key, charset);
  }

  private hmac(
    method: string,
    args: readonly unknown[],
    alg: string,
    value: unknown,
    key: unknown,
    charset: unknown,
  ): Byte[] {
    const strings = typeof value === 'string' && typeof key === 'string';
    const bytes = isBytes(value) && isBytes(key);
    if (!(strings || (bytes && charset === undefined))) throw mismatch(method, args);
    const cs = charsetArg(method, args, charset);
    return toSignedBytes(
      createHmac(alg, bytesOf(key, cs, 'us-ascii'))
        .update(bytesOf(value, cs, 'us-ascii'))
        .digest(),
    );
  }

  computeRsaSignature(
    ...args: [
      algorithm: GoogleAppsScript.Utilities.RsaAlgorithm,
      value: string,
      key: string,
      charset?: CharsetArg,
    ]
  ): Byte[] {
    const [algorithm, value, key, charset] = args;
    const alg = RSAS[String(algorithm)];
    if (!alg || typeof value !== 'string' || typeof key !== 'string')
      throw mismatch('computeRsaSignature', args);
    const cs = charsetArg('computeRsaSignature', args, charset);
    return toSignedBytes(
      createSign(alg)
        .update(encode(value, cs ?? 'utf-8'))
        .sign(key),
    );
  }

  computeRsaSha1Signature(value: string, key: string, charset?: CharsetArg): Byte[] {
    return rsaSignature(this, RsaAlgorithm.RSA_SHA_1, value, key, charset);
  }

  computeRsaSha256Signature(value: string, key: string, charset?: CharsetArg): Byte[] {
    return rsaSignature(this, RsaAlgorithm.RSA_SHA_256, value, key, charset);
  }

  // ---- base64 --------------------------------------------------------------------------------

  /** Strings are encoded as UTF-8 unless a charset is given. */
  base64Encode(data: Byte[] | string, charset?: CharsetArg): string {
    const cs =
      charset === undefined ? undefined : charsetArg('base64Encode', [data, charset], charset);
    return bytesOf(data, cs, 'utf-8').toString('base64');
  }

  /** URL-safe alphabet; like Apps Script (Java's URL encoder) it keeps the '=' padding. */
  base64EncodeWebSafe(data: Byte[] | string, charset?: CharsetArg): string {
    return this.base64Encode(data, charset).replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string, _charset?: CharsetArg): Byte[] {
    return base64Bytes(encoded);
  }

  base64DecodeWebSafe(encoded: string, _charset?: CharsetArg): Byte[] {
    return base64Bytes(encoded);
  }

  // ---- misc ----------------------------------------------------------------------------------

  /** Deprecated in Apps Script. */
  jsonParse(jsonString: string): unknown {
    return JSON.parse(jsonString);
  }

  /** Deprecated in Apps Script. */
  jsonStringify(obj: unknown): string {
    return JSON.stringify(obj);
  }

  getUuid(): string {
    return randomUUID();
  }

  /**
   * RFC 4180: fields in double quotes may hold the delimiter, CR/LF and doubled quotes; rows end
   * with LF, CRLF or CR; a final line break adds no empty row.
   */
  parseCsv(csv: string, delimiter?: GoogleAppsScript.Char): string[][] {
    return parseCsv(String(csv), delimiter === undefined ? ',' : String(delimiter));
  }

  /** Advances the virtual clock (and the execution's elapsed time) instead of blocking. */
  sleep(milliseconds: GoogleAppsScript.Integer): void {
    const ms = Number(milliseconds);
    if (typeof milliseconds !== 'number' || !Number.isFinite(ms)) {
      throw new Error(`Cannot convert ${String(milliseconds)} to int.`);
    }
    // Wording of the over-limit error is unconfirmed on a live account.
    if (ms > SLEEP_LIMIT_MS)
      throw new Error(`Invalid argument: milliseconds (at most ${SLEEP_LIMIT_MS})`);
    this.ws.meter.spend(Math.max(0, Math.trunc(ms)));
  }
}

// ---- CSV -------------------------------------------------------------------------------------

export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  while (i < csv.length) {
    const c = csv[i] as string;
    if (quoted) {
      if (c === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      i++;
    } else if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  // Wording unconfirmed on a live account.
  if (quoted) throw new Error('Could not parse text: unterminated quoted field.');
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

// ---- String.format ---------------------------------------------------------------------------

function javaFormat(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(
    /%(\d+\$)?([-#+ 0,(]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g,
    (
      spec,
      index: string | undefined,
      flags: string,
      width: string | undefined,
      precision: string | undefined,
      conv: string,
    ) => {
      if (conv === '%') return pad('%', flags, width);
      if (conv === 'n') return '\n';
      const argIndex = index ? Number.parseInt(index, 10) - 1 : next++;
      if (argIndex >= args.length) throw new Error(`Format specifier '${spec}'`);
      const arg = args[argIndex];
      const upper = conv === conv.toUpperCase() && conv !== 'E' ? true : conv === 'E';
      let body: string;
      switch (conv.toLowerCase()) {
        case 's':
          body = arg === null || arg === undefined ? 'null' : String(arg);
          if (precision !== undefined) body = body.slice(0, Number(precision));
          break;
        case 'b':
          body = String(arg !== null && arg !== undefined && arg !== false);
          break;
        case 'c':
          body = typeof arg === 'number' ? String.fromCodePoint(arg) : String(arg).charAt(0);
          break;
        case 'd':
          body = signed(Math.trunc(Number(arg)), flags, (n) => group(String(n), flags));
          break;
        case 'x':
          body = Math.trunc(Number(arg)).toString(16);
          break;
        case 'o':
          body = Math.trunc(Number(arg)).toString(8);
          break;
        case 'f':
          body = signed(Number(arg), flags, (n) => {
            const [int, frac] = n
              .toFixed(precision === undefined ? 6 : Number(precision))
              .split('.');
            return group(int ?? '0', flags) + (frac !== undefined ? `.${frac}` : '');
          });
          break;
        case 'e':
          body = signed(Number(arg), flags, (n) =>
            n
              .toExponential(precision === undefined ? 6 : Number(precision))
              .replace(/e([+-])(\d)$/, 'e$10$2'),
          );
          break;
        default:
          throw new Error(`Conversion = '${conv}'`);
      }
      if (upper) body = body.toUpperCase();
      return pad(body, flags, width);
    },
  );
}

function signed(n: number, flags: string, digits: (abs: number) => string): string {
  const body = digits(Math.abs(n));
  if (n < 0 || Object.is(n, -0)) return flags.includes('(') ? `(${body})` : `-${body}`;
  if (flags.includes('+')) return `+${body}`;
  if (flags.includes(' ')) return ` ${body}`;
  return body;
}

function group(int: string, flags: string): string {
  return flags.includes(',') ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : int;
}

function pad(body: string, flags: string, width: string | undefined): string {
  const w = width === undefined ? 0 : Number(width);
  if (body.length >= w) return body;
  if (flags.includes('-')) return body.padEnd(w, ' ');
  if (flags.includes('0')) {
    const sign = /^[+\- (]/.test(body) ? (body[0] as string) : '';
    return sign + body.slice(sign.length).padStart(w - sign.length, '0');
  }
  return body.padStart(w, ' ');
}

// ---- parseDate -------------------------------------------------------------------------------

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

function parseJavaDate(text: string, timeZone: string, pattern: string): Date {
  const fail = () => new Error(`Unparseable date: "${text}"`);
  const f = {
    y: 1970,
    M: 1,
    d: 1,
    H: 0,
    m: 0,
    s: 0,
    S: 0,
    pm: undefined as boolean | undefined,
    h12: false,
  };
  let offset: number | undefined;
  let pos = 0;
  let i = 0;
  const readNumber = (maxLen: number): number => {
    const m = new RegExp(`^[+-]?\\d{1,${maxLen}}`).exec(text.slice(pos));
    if (!m) throw fail();
    pos += m[0].length;
    return Number(m[0]);
  };
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = end === i + 1 ? "'" : pattern.slice(i + 1, end < 0 ? undefined : end);
      if (!text.startsWith(literal, pos)) throw fail();
      pos += literal.length;
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      if (text[pos] !== c) throw fail();
      pos++;
      i++;
      continue;
    }
    let j = i;
    while (pattern[j] === c) j++;
    const count = j - i;
    // A numeric field directly followed by another field reads exactly `count` digits.
    const adjacent = /[A-Za-z]/.test(pattern[j] ?? '');
    const maxLen = adjacent ? count : 9;
    switch (c) {
      case 'y':
        f.y = readNumber(maxLen);
        if (count <= 2 && f.y < 100) f.y += 2000;
        break;
      case 'M':
        if (count >= 3) {
          const word = /^[A-Za-z]+/.exec(text.slice(pos))?.[0] ?? '';
          const idx = MONTH_NAMES.indexOf(word.slice(0, 3).toLowerCase());
          if (idx < 0) throw fail();
          f.M = idx + 1;
          pos += word.length;
        } else f.M = readNumber(maxLen);
        break;
      case 'd':
        f.d = readNumber(maxLen);
        break;
      case 'H':
      case 'k':
        f.H = readNumber(maxLen) % 24;
        break;
      case 'h':
      case 'K':
        f.H = readNumber(maxLen) % 12;
        f.h12 = true;
        break;
      case 'm':
        f.m = readNumber(maxLen);
        break;
      case 's':
        f.s = readNumber(maxLen);
        break;
      case 'S':
        f.S = readNumber(maxLen);
        break;
      case 'a': {
        const word = text.slice(pos, pos + 2).toUpperCase();
        if (word !== 'AM' && word !== 'PM') throw fail();
        f.pm = word === 'PM';
        pos += 2;
        break;
      }
      case 'E': {
        const word = /^[A-Za-z]+/.exec(text.slice(pos))?.[0];
        if (!word) throw fail();
        pos += word.length;
        break;
      }
      case 'Z':
      case 'X': {
        const m = /^(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})/.exec(text.slice(pos));
        if (!m) throw fail();
        pos += m[0].length;
        const v = m[0].replace(':', '');
        offset =
          v === 'Z'
            ? 0
            : (v[0] === '-' ? -1 : 1) * (Number(v.slice(1, 3)) * 60 + Number(v.slice(3, 5) || 0));
        break;
      }
      default:
        throw new Error(`Illegal pattern character '${c}'`);
    }
    i = j;
  }
  if (f.h12 && f.pm) f.H += 12;
  const zone = resolveZone(timeZone);
  const ms =
    offset === undefined
      ? wallToUtc(zone, f.y, f.M, f.d, f.H, f.m, f.s) + f.S
      : Date.UTC(f.y, f.M - 1, f.d, f.H, f.m, f.s, f.S) - offset * 60000;
  return new Date(ms);
}
