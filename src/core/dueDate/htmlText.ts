/**
 * HTML mail → plain text without a DOM, in one linear pass: tags dropped, the contents of
 * script/style/head (and similar) dropped, comments dropped, block elements and <br> become line
 * breaks (empty lines dropped), <blockquote> lines get a `> ` prefix (so the due-date reader skips quoted replies like
 * plain-text quotes), and character references decoded. The result is text, never markup: a
 * decoded `&lt;script&gt;` is the literal text `<script>`, to be escaped by whoever displays it.
 *
 * Unterminated constructs (`<a title="…` without `>`, `<!--` without `-->`, `<script>` without
 * `</script>`) drop the rest of the input instead of rescanning it, so the pass stays linear.
 */
import { CONTROL_CHARS } from './normalize';

/** Longest HTML read (characters); the rest is ignored. */
export const HTML_LIMIT = 2_000_000;

const SKIP_CONTENT = new Set([
  'script',
  'style',
  'head',
  'title',
  'template',
  'noscript',
  'svg',
  'math',
  'object',
  'iframe',
  'textarea',
  'select',
]);
const BLOCK = new Set([
  'br',
  'p',
  'div',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'ul',
  'ol',
  'dl',
  'dd',
  'dt',
  'hr',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'nav',
  'aside',
  'address',
  'center',
  'form',
  'fieldset',
  'figure',
  'figcaption',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'body',
  'html',
]);
const CELL = new Set(['td', 'th']);

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  yen: '¥',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  times: '×',
  divide: '÷',
  middot: '·',
  bull: '•',
  zwnj: '',
  zwj: '',
  lrm: '',
  rlm: '',
  shy: '',
};

const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([a-zA-Z]{2,8}));?/g;

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name.toLowerCase()] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return '\ufffd';
    if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 58) || code === 45;
}

interface Line {
  depth: number;
  text: string;
  /** Whether anything but white space was added (kept so as never to rescan `text`). */
  filled: boolean;
}

/** Plain text of an HTML mail body. */
export function htmlToText(html: string): string {
  const s = typeof html === 'string' ? html.slice(0, HTML_LIMIT) : '';
  const lines: Line[] = [];
  let current: Line = { depth: 0, text: '', filled: false };
  let depth = 0;
  const newline = () => {
    lines.push(current);
    current = { depth, text: '', filled: false };
  };
  const addText = (raw: string) => {
    if (raw === '') return;
    const t = decodeEntities(raw.replace(/[ \t\r\n\f]+/g, ' '));
    if (!current.filled && t.trim() !== '') {
      current.depth = depth;
      current.filled = true;
    }
    current.text += t;
  };

  let i = 0;
  // Text since the last tag, flushed at the next tag (a lone `<` stays part of it).
  let textFrom = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      addText(s.slice(textFrom));
      textFrom = s.length;
      break;
    }
    const next = s.charAt(lt + 1);
    const closing = next === '/';
    const nameStart = closing ? lt + 2 : lt + 1;
    if (next !== '!' && next !== '?' && !isLetter(s.charCodeAt(nameStart))) {
      i = lt + 1;
      continue;
    }
    addText(s.slice(textFrom, lt));
    textFrom = s.length;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = textFrom = end + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const end = s.indexOf('>', lt + 2);
      if (end < 0) break;
      i = textFrom = end + 1;
      continue;
    }
    // Tag name, then the attributes up to `>` (a quote after `=` hides `>` until it closes).
    let k = nameStart;
    while (k < s.length && isNameChar(s.charCodeAt(k))) k++;
    const name = s.slice(nameStart, k).toLowerCase();
    let quote = '';
    let lastNonSpace = '';
    let end = -1;
    for (; k < s.length; k++) {
      const c = s.charAt(k);
      if (quote !== '') {
        if (c === quote) quote = '';
        continue;
      }
      if ((c === '"' || c === "'") && lastNonSpace === '=') quote = c;
      else if (c === '>') {
        end = k;
        break;
      }
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') lastNonSpace = c;
    }
    if (end < 0) break;
    i = textFrom = end + 1;
    const selfClosing = s.charAt(end - 1) === '/';
    if (!closing && SKIP_CONTENT.has(name) && !selfClosing) {
      const closeTag = new RegExp(`</${name}(?=[\\s/>])`, 'gi');
      closeTag.lastIndex = i;
      const m = closeTag.exec(s);
      if (!m) break;
      const close = s.indexOf('>', m.index);
      if (close < 0) break;
      i = textFrom = close + 1;
      continue;
    }
    if (name === 'blockquote') {
      newline();
      depth = closing ? Math.max(0, depth - 1) : depth + 1;
      current.depth = depth;
    } else if (BLOCK.has(name)) {
      newline();
    } else if (CELL.has(name) && !closing) {
      addText(' ');
    }
  }
  if (textFrom < s.length && i >= s.length) addText(s.slice(textFrom));
  lines.push(current);

  const out: string[] = [];
  for (const line of lines) {
    const text = line.text
      .replace(CONTROL_CHARS, ' ')
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
      .replace(/[ \t\u00a0]+/g, ' ')
      .trim();
    if (text === '') continue;
    out.push(line.depth > 0 ? `${'> '.repeat(Math.min(line.depth, 10))}${text}` : text);
  }
  return out.join('\n');
}
