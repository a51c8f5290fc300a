import { MONTH_NAMES, WEEKDAY_NAMES } from '../../core/calendar-names';
import { fromSerial, toSerial, type WallClock, wallClock } from './time';
import { type CellValue, DEFAULT_NUMBER_FORMAT } from './values';

/**
 * Display strings, as `Range.getDisplayValues()` returns them, from a value and a number format.
 *
 * Supported (ja_JP and en_US; other locales use ja_JP's symbols and ISO-like default dates):
 * - No format (or `0.###############`/`General`): integers in full, other numbers to 10
 *   significant digits, no thousands separator; exponent form below 1e-9 or from 1e15.
 * - Number formats with `0`, `#`, `?`, `,` grouping, `.` decimals (rounded half away from zero),
 *   trailing-comma scaling, `%`, literal text (`"円"`, `\x`, `¥`, `$`, `[$¥-411]`), `_x` spacing,
 *   and up to four `;` sections (positive; negative; zero; text). `[Red]`-style colours and
 *   conditions are ignored. A single section shows negatives with a leading `-`.
 * - Date formats: `yyyy`, `yy`, `m`/`mm` (month, or minutes next to `h`/`s`), `mmm`, `mmmm`, `d`,
 *   `dd`, `ddd`, `dddd`, `h`, `hh`, `s`, `ss`, `AM/PM` (午前/午後 in ja), in the spreadsheet's time
 *   zone whatever the process's zone. Dates in a number format show their serial number.
 * - A Date with no format: `2026/11/24` (ja_JP; `11/24/2026` en_US), with ` 9:05:00` appended when
 *   the time of day is not midnight.
 * - Booleans: `TRUE`/`FALSE`. Strings: as stored (a fourth `@` section is applied).
 * - Anything else the emulator cannot parse (fractions, several number groups, exponents in a
 *   pattern) falls back to the no-format display.
 */
export function displayValue(
  value: CellValue,
  format: string | null,
  timeZone: string,
  locale: string,
): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const fmt = format === null || isGeneral(format) ? null : parseFormat(format);
  if (typeof value === 'string') {
    const text = fmt?.sections[3];
    return text ? renderText(text, value) : value;
  }
  if (value instanceof Date) {
    const ms = value.getTime();
    if (!fmt) return defaultDate(ms, timeZone, locale);
    if (fmt.isDate) return renderDate(fmt.sections[0] ?? [], wallClock(ms, timeZone), locale);
    return renderNumber(fmt, toSerial(ms, timeZone)) ?? general(toSerial(ms, timeZone));
  }
  if (!fmt) return general(value);
  if (fmt.isDate) {
    return renderDate(
      fmt.sections[0] ?? [],
      wallClock(fromSerial(value, timeZone), timeZone),
      locale,
    );
  }
  return renderNumber(fmt, value) ?? general(value);
}

function isGeneral(format: string): boolean {
  const f = format.trim();
  return f === '' || f === DEFAULT_NUMBER_FORMAT || f.toLowerCase() === 'general' || f === '@';
}

/** Sheets' automatic display of a number. */
export function general(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1e15 || abs < 1e-9) {
    const [mant = '0', exp = '0'] = n.toExponential(2).split('e');
    const e = Number(exp);
    return `${mant}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

function defaultDate(ms: number, timeZone: string, locale: string): string {
  const w = wallClock(ms, timeZone);
  const y = String(w.year).padStart(4, '0');
  const mo = String(w.month);
  const d = String(w.day);
  const date = locale.startsWith('en_US')
    ? `${mo}/${d}/${y}`
    : locale.startsWith('ja')
      ? `${y}/${mo.padStart(2, '0')}/${d.padStart(2, '0')}`
      : `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  if (w.hour === 0 && w.minute === 0 && w.second === 0 && w.millisecond === 0) return date;
  return `${date} ${w.hour}:${pad2(w.minute)}:${pad2(w.second)}`;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

// ---------------------------------------------------------------------------------------------
// Format parsing

type Token =
  | { readonly kind: 'lit'; readonly text: string }
  | { readonly kind: 'date'; readonly code: string }
  | { readonly kind: 'num'; readonly pattern: string }
  | { readonly kind: 'pct' }
  | { readonly kind: 'text' };

interface ParsedFormat {
  readonly sections: Token[][];
  readonly isDate: boolean;
}

const cache = new Map<string, ParsedFormat>();

function parseFormat(format: string): ParsedFormat {
  const hit = cache.get(format);
  if (hit) return hit;
  const sections = splitSections(format).map(tokenize);
  const isDate = (sections[0] ?? []).some((t) => t.kind === 'date');
  const parsed = { sections, isDate };
  if (cache.size > 1000) cache.clear();
  cache.set(format, parsed);
  return parsed;
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? '';
    if (ch === '\\' && !quoted && i + 1 < format.length) {
      cur += ch + (format[++i] ?? '');
      continue;
    }
    if (ch === '"' && !bracket) quoted = !quoted;
    else if (ch === '[' && !quoted) bracket = true;
    else if (ch === ']' && !quoted) bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out.slice(0, 4);
}

const DATE_LETTERS = /[yYmMdDhHsS]/;

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  const lit = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'lit') tokens[tokens.length - 1] = { kind: 'lit', text: last.text + text };
    else tokens.push({ kind: 'lit', text });
  };
  let i = 0;
  while (i < section.length) {
    const ch = section[i] ?? '';
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      lit(section.slice(i + 1, end < 0 ? undefined : end));
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\') {
      lit(section[i + 1] ?? '');
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, end < 0 ? undefined : end);
      if (inner.startsWith('$')) lit(inner.slice(1).split('-')[0] ?? '');
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '_') {
      lit(' ');
      i += 2;
    } else if (ch === '*') {
      i += 2;
    } else if (ch === '@') {
      tokens.push({ kind: 'text' });
      i += 1;
    } else if (ch === '%') {
      tokens.push({ kind: 'pct' });
      i += 1;
    } else if (/^(AM\/PM|am\/pm|A\/P|a\/p)/.test(section.slice(i))) {
      const m = /^(AM\/PM|am\/pm|A\/P|a\/p)/.exec(section.slice(i))?.[1] ?? 'AM/PM';
      tokens.push({ kind: 'date', code: 'ampm' });
      i += m.length;
    } else if (DATE_LETTERS.test(ch)) {
      let j = i;
      while (j < section.length && (section[j] ?? '').toLowerCase() === ch.toLowerCase()) j++;
      tokens.push({ kind: 'date', code: section.slice(i, j).toLowerCase() });
      i = j;
    } else if (
      ch === '0' ||
      ch === '#' ||
      ch === '?' ||
      (ch === '.' && /[0#?]/.test(section[i + 1] ?? ''))
    ) {
      let j = i;
      while (j < section.length && /[0#?,.]/.test(section[j] ?? '')) j++;
      tokens.push({ kind: 'num', pattern: section.slice(i, j) });
      i = j;
    } else {
      lit(ch);
      i += 1;
    }
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Rendering

function renderText(tokens: Token[], text: string): string {
  return tokens.map((t) => (t.kind === 'text' ? text : t.kind === 'lit' ? t.text : '')).join('');
}

/** Rounds half away from zero at `digits` decimals, through the decimal representation. */
function roundHalfAway(abs: number, digits: number): number {
  if (digits > 15) return abs;
  const shifted = Number(`${abs}e${digits}`);
  if (!Number.isFinite(shifted)) return abs;
  return Number(`${Math.round(shifted)}e-${digits}`);
}

function renderNumber(fmt: ParsedFormat, value: number): string | undefined {
  const [pos, neg, zero] = fmt.sections;
  if (!pos) return undefined;
  let tokens: Token[] = pos;
  let n = value;
  let sign = '';
  if (value < 0 && neg && neg.length) {
    tokens = neg;
    n = -value;
  } else if (value === 0 && zero && zero.length) {
    tokens = zero;
  } else if (value < 0) {
    n = -value;
    sign = '-';
  }
  const nums = tokens.filter((t): t is { kind: 'num'; pattern: string } => t.kind === 'num');
  if (nums.length > 1) return undefined;
  if (tokens.some((t) => t.kind === 'date')) return undefined;
  const pct = tokens.filter((t) => t.kind === 'pct').length;
  if (pct) n *= 100 ** pct;
  let body = '';
  const num = nums[0];
  if (num) {
    const out = formatDigits(num.pattern, n);
    if (out === undefined) return undefined;
    body = out.text;
    if (out.isZero) sign = '';
  } else {
    sign = '';
  }
  const text = tokens
    .map((t) => {
      if (t.kind === 'num') return body;
      if (t.kind === 'pct') return '%';
      if (t.kind === 'lit') return t.text;
      return '';
    })
    .join('');
  return sign + text;
}

function formatDigits(
  pattern: string,
  value: number,
): { text: string; isZero: boolean } | undefined {
  const dot = pattern.indexOf('.');
  if (dot !== pattern.lastIndexOf('.')) return undefined;
  let intPat = dot < 0 ? pattern : pattern.slice(0, dot);
  const fracPat = dot < 0 ? '' : pattern.slice(dot + 1).replace(/,/g, '');
  let n = value;
  while (intPat.endsWith(',')) {
    intPat = intPat.slice(0, -1);
    n /= 1000;
  }
  const grouping = intPat.includes(',');
  const minInt = (intPat.match(/0/g) ?? []).length;
  const fracMax = (fracPat.match(/[0#?]/g) ?? []).length;
  const fracMin = (fracPat.match(/0/g) ?? []).length;
  const rounded = roundHalfAway(n, fracMax);
  const fixed = rounded.toFixed(fracMax);
  let [intDigits = '0', frac = ''] = fixed.split('.');
  while (frac.length > fracMin && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (grouping) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = dot < 0 ? intDigits : `${intDigits}.${frac}`;
  return { text, isZero: rounded === 0 };
}

const JA_WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];
function renderDate(tokens: Token[], w: WallClock, locale: string): string {
  const ja = !locale.startsWith('en');
  const twelve = tokens.some((t) => t.kind === 'date' && t.code === 'ampm');
  const codes = tokens.map((t) => (t.kind === 'date' ? t.code : null));
  const isMinute = (i: number): boolean => {
    for (let j = i - 1; j >= 0; j--) {
      const c = codes[j];
      if (c === null || c === undefined) continue;
      if (c.startsWith('h')) return true;
      break;
    }
    for (let j = i + 1; j < codes.length; j++) {
      const c = codes[j];
      if (c === null || c === undefined) continue;
      return c.startsWith('s');
    }
    return false;
  };
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return tokens
    .map((t, i) => {
      if (t.kind === 'lit') return t.text;
      if (t.kind === 'pct') return '%';
      if (t.kind !== 'date') return '';
      const c = t.code;
      switch (c[0]) {
        case 'y':
          return c.length <= 2 ? pad2(w.year % 100) : String(w.year).padStart(4, '0');
        case 'm':
          if (c.length <= 2 && isMinute(i))
            return c.length === 2 ? pad2(w.minute) : String(w.minute);
          if (c.length === 1) return String(w.month);
          if (c.length === 2) return pad2(w.month);
          if (ja) return `${w.month}月`;
          if (c.length === 3) return (MONTH_NAMES[w.month - 1] ?? '').slice(0, 3);
          if (c.length === 5) return (MONTH_NAMES[w.month - 1] ?? '').slice(0, 1);
          return MONTH_NAMES[w.month - 1] ?? '';
        case 'd':
          if (c.length === 1) return String(w.day);
          if (c.length === 2) return pad2(w.day);
          if (ja)
            return c.length === 3
              ? (JA_WEEKDAYS[w.weekday] ?? '')
              : `${JA_WEEKDAYS[w.weekday] ?? ''}曜日`;
          return c.length === 3
            ? (WEEKDAY_NAMES[w.weekday] ?? '').slice(0, 3)
            : (WEEKDAY_NAMES[w.weekday] ?? '');
        case 'h': {
          const h = twelve ? hour12 : w.hour;
          return c.length >= 2 ? pad2(h) : String(h);
        }
        case 's':
          return c.length >= 2 ? pad2(w.second) : String(w.second);
        case 'a':
          return ja ? (w.hour < 12 ? '午前' : '午後') : w.hour < 12 ? 'AM' : 'PM';
        default:
          return c;
      }
    })
    .join('');
}
