/**
 * Amounts written on a receipt line, with their currency and the words before them.
 *
 * Yen: `¥3,980`, `\3,980` (a backslash is how Japanese fonts draw ¥), `3,980円`, `JPY 3,980`,
 * `¥3,980-` (the dash receipts close an amount with), `3.980円` (OCR read the comma as a dot: yen
 * have no decimals). Other currencies (`$20.00`, `USD 20.00`, `€15`, `£9.99`) are recognised so
 * that they are never taken for yen. A number with no currency mark is an amount only where a
 * money label stands before it (`合計 3,980`): see `read.ts`.
 * Dates, times, percentages, phone numbers, registration numbers and long codes are skipped.
 */

export type Currency = 'JPY' | 'USD' | 'EUR' | 'GBP';

export interface MoneyMention {
  /** Whole yen for JPY and unmarked amounts; in the currency's main unit otherwise. */
  readonly value: number;
  /** Undefined when the number carries no currency mark. */
  readonly currency: Currency | undefined;
  readonly negative: boolean;
  /** Words on the line between the previous amount (or the line start) and this one. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
}

const EN_MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';

const SKIP = [
  // dates and eras (read by dates.ts)
  String.raw`\d{4} ?[/.\-年] ?\d{1,2} ?[/.\-月] ?\d{1,2} ?日?`,
  String.raw`(?:令和|平成|(?<![a-z])[rh]) ?(?:元|\d{1,2}) ?[年./\-] ?\d{1,2} ?[月./\-] ?\d{1,2} ?日?`,
  String.raw`\d{1,2} ?[/月] ?\d{1,2} ?日?`,
  String.raw`(?:${EN_MONTH}) \d{1,2}(?:st|nd|rd|th)?,? \d{4}`,
  String.raw`\d{1,2} (?:${EN_MONTH}),? \d{4}`,
  String.raw`\d{1,2}:\d{2}(?::\d{2})?`,
  String.raw`t ?\d[\d -]{11,20}\d`,
  String.raw`\d+(?:\.\d+)? ?%`,
  String.raw`\(?0\d{1,4}\)?[- ]\d{1,4}-\d{3,4}`,
  String.raw`\d+(?:-\d+){2,}`,
  String.raw`(?!jpy|usd|eur|gbp|us\$)[a-z#№]+[-.]?\d[\w-]*`,
  String.raw`\d+ ?(?:点|個|名|人|枚|本|件|km|分|x|×)`,
].join('|');

const PREFIX = String.raw`(?<pre>¥|\\|jpy|us\$|\$|usd|€|eur|£|gbp)`;
const NUMBER = String.raw`(?<num>\d[\d,.]*\d|\d)`;
const SUFFIX = String.raw`(?<post>円|jpy|usd|eur|gbp|ドル|ユーロ|-(?![\d]))`;
// Starts with a sign, a currency mark or a digit (never a space), so that a skipped token such as
// `8%` is tried at its own first digit.
const MONEY = `(?:(?<sign>[-△▲])?${PREFIX} ?)?(?<sign2>[-△▲])?${NUMBER} ?${SUFFIX}?`;
const TOKEN = new RegExp(`(?<skip>${SKIP})|${MONEY}`, 'giu');

const CURRENCY_WORDS: ReadonlyMap<string, Currency> = new Map(
  Object.entries({
    '¥': 'JPY',
    '\\': 'JPY',
    jpy: 'JPY',
    円: 'JPY',
    '-': 'JPY',
    us$: 'USD',
    $: 'USD',
    usd: 'USD',
    ドル: 'USD',
    '€': 'EUR',
    eur: 'EUR',
    ユーロ: 'EUR',
    '£': 'GBP',
    gbp: 'GBP',
  } as Record<string, Currency>),
);

/** The amounts on one normalised line, in order. */
export function moneyMentions(line: string): MoneyMention[] {
  const found: MoneyMention[] = [];
  let labelStart = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m !== null; m = TOKEN.exec(line)) {
    const g = m.groups ?? {};
    if (g.skip !== undefined || g.num === undefined) continue;
    const pre = g.pre?.toLowerCase();
    const post = g.post?.toLowerCase();
    // `-` closes a yen amount only after a ¥ mark (¥3,980-); alone it is a hyphen.
    const postCurrency = post === '-' && pre === undefined ? undefined : post;
    const currency = currencyOf(pre) ?? currencyOf(postCurrency);
    const value = parseNumber(g.num, currency);
    if (value === undefined) continue;
    const start = m.index;
    found.push({
      value,
      currency,
      negative: g.sign !== undefined || g.sign2 !== undefined,
      label: line.slice(labelStart, start).trim(),
      start,
      end: start + m[0].length,
    });
    labelStart = start + m[0].length;
  }
  return found;
}

function currencyOf(word: string | undefined): Currency | undefined {
  if (word === undefined) return undefined;
  return CURRENCY_WORDS.get(word);
}

function parseNumber(raw: string, currency: Currency | undefined): number | undefined {
  if (currency === undefined || currency === 'JPY') {
    // 3,980 / 3.980 / 1,234,567; a zero fraction (3,980.00) is allowed, any other is not yen.
    const m = /^(\d{1,3}(?:[,.]\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(raw);
    if (!m) return undefined;
    if (m[2] !== undefined && /[1-9]/.test(m[2])) return undefined;
    const value = Number(m[1]!.replace(/[,.]/g, ''));
    return Number.isSafeInteger(value) ? value : undefined;
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(raw);
  if (!m) return undefined;
  return Number(`${m[1]!.replace(/,/g, '')}.${m[2] ?? '0'}`);
}
