/**
 * Bounded, position-preserving preparation of a mail for the due-date reader.
 *
 * 1. Only a bounded prefix of the raw text is looked at (RAW_LIMIT), and only the first
 *    SCAN_LIMIT characters of what survives step 2 are read: a 1 MB body costs no more than a
 *    short one.
 * 2. Quoted lines (`>`), a signature (after a `-- ` line), the quoted original of a reply (after
 *    `On … wrote:`, 「2026年11月24日(火) … 書きました:」, `-----Original Message-----`) and
 *    forwarded header lines (`Date:`, `送信日時:`) are dropped.
 * 3. Each code point is normalised on its own (NFKC: full-width digits and brackets, ㈯, ㋿),
 *    wave dashes and dashes become `~` and `-`, control characters a space, and URLs blanked
 *    out, while a map remembers where every normalised character came from, so that the text
 *    shown as `matched` is the mail's own text.
 */
import type { Lang } from '../text';

export const RAW_LIMIT = 500_000;
export const SCAN_LIMIT = 20_000;
const LONG_LINE = 400;

export interface PreparedText {
  /** The kept lines of the mail, verbatim, joined by `\n`. */
  source: string;
  /** `source` normalised for matching. */
  norm: string;
  /** `map[i]` is the index in `source` of the code point that produced `norm[i]`. */
  map: number[];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const REPLY_HEADER_EN = /^On\s.{0,300}\swrote:\s*$/;
const REPLY_HEADER_JA =
  /^\d{4}[年/-]\d{1,2}[月/-]\d{1,2}.{0,300}(?:書きました|wrote|>)\s?[:：]\s*$/;
const ORIGINAL_MESSAGE =
  /^(?:-{3,}\s?(?:Original Message|元のメッセージ|オリジナル メッセージ)\s?-{3,}|_{20,})\s*$/i;
const FORWARD_HEADER =
  /^(?:Date|Sent|From|To|Cc|Subject|日付|送信日時|差出人|送信者|宛先|件名)\s?[:：]/i;

function isQuoted(line: string): boolean {
  const t = line.trimStart();
  return t.startsWith('>') || t.startsWith('＞');
}

/** Whether the reading should stop at this line (signature or quoted original). */
function isCutLine(line: string): boolean {
  if (line === '-- ' || line === '--' || line === '-- \r' || line === '--\r') return true;
  if (line.length > LONG_LINE) return false;
  const t = line.trim();
  return REPLY_HEADER_EN.test(t) || REPLY_HEADER_JA.test(t) || ORIGINAL_MESSAGE.test(t);
}

/** The lines worth reading, verbatim, at most SCAN_LIMIT characters. */
export function keptText(text: string): string {
  const raw = text.length > RAW_LIMIT ? text.slice(0, RAW_LIMIT) : text;
  const out: string[] = [];
  let size = 0;
  let pos = 0;
  while (pos <= raw.length && size < SCAN_LIMIT) {
    let nl = raw.indexOf('\n', pos);
    if (nl < 0) nl = raw.length;
    let line = raw.slice(pos, nl);
    pos = nl + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (isCutLine(line)) break;
    if (isQuoted(line)) continue;
    if (line.length <= LONG_LINE && FORWARD_HEADER.test(line.trimStart())) continue;
    if (size + line.length > SCAN_LIMIT) line = line.slice(0, SCAN_LIMIT - size);
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}

function normalizeCodePoint(ch: string, code: number): string {
  if (code < 0x80) return code < 0x20 && code !== 0x0a ? ' ' : code === 0x7f ? ' ' : ch;
  if (code <= 0x9f) return ' ';
  if (code === 0x301c || code === 0x301d || code === 0x2053 || code === 0x223c) return '~';
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return '-';
  if (code === 0x2028 || code === 0x2029) return '\n';
  const n = ch.normalize('NFKC');
  return n === '' ? ' ' : n;
}

const URL = /https?:\/\/[^\s<>"]{1,2000}|www\.[^\s<>"]{1,2000}/gi;

/** Builds the normalised text and its map back to `source`. */
export function normalizeWithMap(source: string): PreparedText {
  let norm = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of source) {
    const code = ch.codePointAt(0) ?? 0;
    const n = normalizeCodePoint(ch, code);
    norm += n;
    for (let k = 0; k < n.length; k++) map.push(i);
    i += ch.length;
  }
  norm = norm.replace(URL, (u) => ' '.repeat(u.length));
  return { source, norm, map };
}

/** Subject and body, cleaned and normalised, ready for the extractors. */
export function prepareMail(body: string, subject = ''): PreparedText {
  const head = subject.length > 1000 ? subject.slice(0, 1000) : subject;
  const kept = keptText(body);
  const source = head.trim() === '' ? kept : `${head.replace(/[\r\n]+/g, ' ')}\n${kept}`;
  return normalizeWithMap(source);
}

/** The source text for a normalised span, without control characters or outer spaces. */
export function sourceSpan(p: PreparedText, start: number, end: number): string {
  const s = p.map[start] ?? p.source.length;
  const e = end < p.map.length ? (p.map[end] ?? p.source.length) : p.source.length;
  return p.source.slice(s, e).replace(CONTROL_CHARS, ' ').trim();
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/;

/** Japanese when the text has any kana or kanji, else English. */
export function detectLanguage(text: string): Lang {
  return JAPANESE.test(text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text) ? 'ja' : 'en';
}
