/**
 * Reads a schedule as owners write it in the 定期業務 sheet's 頻度 column.
 *
 * Grammar (after NFKC, so full-width digits, brackets and spaces are folded; spaces ignored):
 *   毎営業日                                   every business day
 *   毎日                                       every calendar day
 *   毎週月曜 / 毎週月曜日 / 毎週 月・木        weekly (separators ・、,/と or none)
 *   隔週月曜(起点2026-01-05) / 2026-01-05から隔週月曜   every other week from that date's week
 *   毎月25日 / 毎月末 / 毎月末日 / 月末        day N (a day the month lacks: its last day)
 *   毎月第3営業日 / 毎月最終営業日            Nth (1–23) or last business day
 *   毎月第2火曜 / 毎月最終金曜                 Nth (1–5) or last weekday (no 5th: none)
 *   毎月10日の前営業日 / 毎月末の翌営業日 / 毎月10日の3営業日前   strictly before / after day N
 *   毎年3月15日 / 毎年3/15 / 毎年1・4・7・10月15日 / 毎年3月最終営業日   the same bodies, chosen months
 *   (a date a chosen month never has — 毎年2月30日, 毎年4月31日 — is refused; 毎年2月29日 is 2/28
 *   in other years)
 *   四半期末 / 毎四半期最終営業日              March, June, September, December
 * Holiday suffix, for weekly, day-N, Nth-weekday and yearly rules (see rules.ts for defaults):
 *   (休日の場合は前営業日) / 休日は前営業日 / 土日祝は翌営業日 / 休日もそのまま / (前営業日)
 * So 「毎月10日(休日の場合は前営業日)」 is the 10th, or the business day before when the bank is
 * closed; 「毎月10日の前営業日」 is always the business day before the 10th.
 *
 * English aliases: every business day; daily / every day; weekly on Monday / every Mon and Thu;
 * every other week on Monday from 2026-01-05; monthly on day 25 / monthly on the 25th;
 * every month on the 25th; end of month / monthly on the last day / last day of the month;
 * monthly on the 3rd business day / last business day of the month; monthly on the 2nd Tuesday /
 * last Friday of the month; business day before / after the 10th ("monthly" alone names no day
 * and is refused); yearly on 03-15 / every year on March 15; quarterly (quarter end); suffixes
 * ", previous business day if closed" / ", next business day if closed" / ", even if closed".
 */

import { MONTH_NAMES_EN, monthFromName, WEEKDAY_CHARS_JA, weekdayFromName } from '../calendarNames';
import { parseDateKey, type Weekday } from '../dates';
import { type Text, text } from '../text';
import {
  ALL_MONTHS,
  type DayOfMonth,
  DEFAULT_HOLIDAY_POLICY,
  type HolidayPolicy,
  type Months,
  QUARTER_END_MONTHS,
  type ScheduleRule,
} from './rules';

export type RuleParseError = {
  readonly ok: false;
  readonly reason: 'empty' | 'unknown' | 'range' | 'holiday' | 'anchor';
  /** Japanese first, then English; fit for the row's メッセージ cell. */
  readonly message: Text;
};

export type RuleParse = { readonly ok: true; readonly rule: ScheduleRule } | RuleParseError;

export interface ParseRuleOptions {
  /** Overrides the per-kind default holiday policy when the text has no suffix. */
  readonly defaultHoliday?: HolidayPolicy;
}

const EXAMPLES_JA =
  '例: 毎営業日、毎日、毎週月曜、毎月25日(休日の場合は前営業日)、毎月末、毎月第3営業日、毎月最終営業日、毎月10日の前営業日、毎月第2火曜、毎年3月15日';
const EXAMPLES_EN =
  'e.g. every business day, daily, weekly on Monday, monthly on day 25, end of month, monthly on the 3rd business day, last business day of the month, monthly on the 2nd Tuesday, yearly on 03-15';

function fail(reason: RuleParseError['reason'], ja: string, en: string): RuleParseError {
  return { ok: false, reason, message: text(ja, en) };
}

function unknown(text: string, part: string | null): RuleParseError {
  const whereJa = part !== null && part !== text ? `(「${part}」の部分)` : '';
  const whereEn = part !== null && part !== text ? ` (the part "${part}")` : '';
  return fail(
    'unknown',
    `頻度「${text}」を読み取れません${whereJa}。${EXAMPLES_JA}`,
    `Could not read the schedule "${text}"${whereEn}. ${EXAMPLES_EN}`,
  );
}

function range(text: string, ja: string, en: string): RuleParseError {
  return fail('range', `頻度「${text}」: ${ja}`, `Schedule "${text}": ${en}`);
}

// ---- Japanese ---------------------------------------------------------------------------

const HOLIDAY_SUFFIX =
  /\(?(?:※)?(?:(?:休日|祝日|祝休日|休業日|銀行休業日|土日祝日?|土日)(?:・?祝日)?(?:に当たる場合|にあたる場合|の場合|なら|のとき|の時)?(?:は|も|でも)?[、,]?)(前営業日|翌営業日|前倒し|繰り?上げ|後ろ倒し|繰り?下げ|そのまま)(?:に(?:実施|する|行う))?\)?$|\((前営業日|翌営業日)\)$/;

const POLICY_WORDS: Record<string, HolidayPolicy> = {
  前営業日: 'previous',
  前倒し: 'previous',
  繰上げ: 'previous',
  繰り上げ: 'previous',
  翌営業日: 'next',
  後ろ倒し: 'next',
  繰下げ: 'next',
  繰り下げ: 'next',
  そのまま: 'keep',
};

type Built = ScheduleRule | RuleParseError;
interface Pattern {
  readonly re: RegExp;
  readonly build: (m: RegExpExecArray, text: string) => Built;
}

const WD = '[日月火水木金土](?:曜日?)?';
const WD_LIST = `${WD}(?:[・、,/と&]?${WD})*`;
const DATE = '\\d{4}(?:[-/.]\\d{1,2}[-/.]\\d{1,2}|年\\d{1,2}月\\d{1,2}日)';
const MONTH_PREFIX = `(毎月|毎年(\\d{1,2}(?:月?[・、,/と]\\d{1,2})*)月|(\\d{1,2}(?:月?[・、,/と]\\d{1,2})*)月|毎?四半期(?:ごと|毎)?の?)?`;
const DAY_BODY = '(?:(\\d{1,2})日|(末日?|月末日?|最終日))';

function weekdaysOf(list: string): Weekday[] {
  const chars = list.replace(/曜日?/g, '').replace(/[・、,/と&]/g, '');
  const set = new Set<Weekday>();
  for (const c of chars) set.add(WEEKDAY_CHARS_JA.indexOf(c) as Weekday);
  return [...set].sort((a, b) => a - b);
}

interface MonthPrefix {
  readonly months: Months;
  readonly quarterly: boolean;
  readonly named: boolean;
}

function monthsOf(m: RegExpExecArray, text: string): MonthPrefix | RuleParseError {
  const list = m[2] ?? m[3];
  if (list !== undefined) {
    const months = [...new Set(list.split(/\D+/).filter(Boolean).map(Number))].sort(
      (a, b) => a - b,
    );
    if (months.some((n) => n < 1 || n > 12)) {
      return range(text, '月は1〜12で指定してください', 'months must be 1–12');
    }
    return { months, quarterly: false, named: true };
  }
  if (m[1]?.includes('四半期')) return { months: QUARTER_END_MONTHS, quarterly: true, named: true };
  return { months: ALL_MONTHS, quarterly: false, named: m[1] !== undefined };
}

/** The most days each month can have (February: 29, in leap years). */
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A day named for chosen months (毎年2月30日, 毎年4月31日, 毎年2/31, yearly on 2/31) that one of
 * those months never has is refused rather than silently moved to the month's end: the owner meant a
 * date that does not exist. 毎月31日 stays the last day of each month (the months are not named).
 * 毎年2月29日 is accepted: in a year without 2/29 it falls on 2/28 (the month's last day), then
 * the holiday rule applies as to any date.
 */
function impossibleDay(
  months: Months,
  num: string | undefined,
  text: string,
): RuleParseError | null {
  if (num === undefined || months.length === 12) return null;
  const n = Number(num);
  const lacking = months.filter((m) => n > (MAX_DAYS[m - 1] ?? 31));
  if (lacking.length === 0) return null;
  const ja = lacking.map((m) => `${m}月${n}日`).join('・');
  const en = lacking.map((m) => `${MONTH_NAMES_EN[m - 1]} ${n}`).join(', ');
  return fail(
    'range',
    `頻度「${text}」: ${ja}は存在しない日付です。月末にするなら「末日」と書いてください(例: 毎年${lacking[0]}月末日)`,
    `Schedule "${text}": ${en} does not exist; for the month's last day write 末日 (e.g. 毎年${lacking[0]}月末日)`,
  );
}

/** The months (毎月, 毎年3月…) and the day of 「…N日」/「…末」, or why they cannot be. */
function monthDayOf(
  m: RegExpExecArray,
  text: string,
): { prefix: MonthPrefix; day: DayOfMonth } | RuleParseError {
  const prefix = monthsOf(m, text);
  if (isError(prefix)) return prefix;
  const day = dayOf(m[4], text);
  if (isError(day)) return day;
  return impossibleDay(prefix.months, m[4], text) ?? { prefix, day };
}

function dayOf(num: string | undefined, text: string): DayOfMonth | RuleParseError {
  if (num === undefined) return 'end';
  const n = Number(num);
  if (n < 1 || n > 31)
    return range(text, '日付は1〜31日で指定してください', 'the day must be 1–31');
  return n === 31 ? 'end' : n;
}

const isError = (x: unknown): x is RuleParseError =>
  typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;

const JAPANESE: Pattern[] = [
  { re: /^(?:毎営業日|営業日ごと|営業日毎日)/, build: () => ({ kind: 'businessDay' }) },
  { re: /^(?:毎日|日次)/, build: () => ({ kind: 'daily' }) },
  {
    re: new RegExp(
      `^(?:(${DATE})(?:から|より))?(毎週|隔週)の?(${WD_LIST})(?:\\((?:起点|開始|開始日)?[:]?(${DATE})(?:から|より)?\\))?`,
    ),
    build: (m, text) => {
      const weekdays = weekdaysOf(m[3] ?? '');
      const base = { kind: 'weekly' as const, weekdays, holiday: DEFAULT_HOLIDAY_POLICY.weekly };
      if (m[2] === '毎週') return m[1] || m[4] ? unknown(text, m[1] ?? m[4] ?? null) : base;
      const anchor = parseDateKey(m[1] ?? m[4] ?? '');
      if (anchor === null) {
        return fail(
          'anchor',
          `頻度「${text}」: 隔週には起点日が必要です(例: 隔週月曜(起点2026-01-05))`,
          `Schedule "${text}": every other week needs a start date (e.g. 隔週月曜(起点2026-01-05))`,
        );
      }
      return { ...base, everyOtherWeekFrom: anchor };
    },
  },
  {
    re: new RegExp(`^${MONTH_PREFIX}${DAY_BODY}の(?:(前|翌)営業日|(\\d{1,2})営業日(前|後))`),
    build: (m, text) => {
      const read = monthDayOf(m, text);
      if (isError(read)) return read;
      const { prefix, day } = read;
      const n = m[7] !== undefined ? Number(m[7]) : 1;
      if (n < 1 || n > 10) {
        return range(text, '営業日数は1〜10で指定してください', 'business days must be 1–10');
      }
      const sign = m[6] === '前' || m[8] === '前' ? -1 : 1;
      return { kind: 'monthlyDayShift', months: prefix.months, day, businessDays: sign * n };
    },
  },
  {
    re: new RegExp(
      `^${MONTH_PREFIX}(?:第(\\d{1,2})営業日|(\\d{1,2})営業日目|(最終営業日|最初の営業日|初営業日))`,
    ),
    build: (m, text) => {
      const prefix = monthsOf(m, text);
      if (isError(prefix)) return prefix;
      const word = m[6];
      const n = word === '最終営業日' ? -1 : word ? 1 : Number(m[4] ?? m[5]);
      if (n === 0 || n > 23) {
        return range(
          text,
          '第N営業日は1〜23で指定してください',
          'the Nth business day must be 1–23',
        );
      }
      if (!prefix.named && n !== -1) return unknown(text, null);
      if (prefix.quarterly && n !== -1) return quarterlyOnlyEnd(text);
      return { kind: 'monthlyBusinessDay', months: prefix.months, n };
    },
  },
  {
    re: new RegExp(`^${MONTH_PREFIX}(?:第(\\d)|(最終))([日月火水木金土])曜日?`),
    build: (m, text) => {
      const prefix = monthsOf(m, text);
      if (isError(prefix)) return prefix;
      if (prefix.quarterly) return quarterlyOnlyEnd(text);
      if (!prefix.named) return unknown(text, null);
      const nth = m[5] ? -1 : Number(m[4]);
      if (nth === 0 || nth > 5) {
        return range(text, '第N曜日は1〜5で指定してください', 'the Nth weekday must be 1–5');
      }
      return {
        kind: 'monthlyWeekday',
        months: prefix.months,
        nth,
        weekday: WEEKDAY_CHARS_JA.indexOf(m[6] ?? '') as Weekday,
        holiday: DEFAULT_HOLIDAY_POLICY.monthlyWeekday,
      };
    },
  },
  {
    // 毎年3/15, 毎年2/31 (refused: no such date).
    re: /^毎年(\d{1,2})[/-](\d{1,2})$/,
    build: (m, text) => {
      const month = Number(m[1]);
      if (month < 1 || month > 12) {
        return range(text, '月は1〜12で指定してください', 'months must be 1–12');
      }
      const day = dayOf(m[2], text);
      if (isError(day)) return day;
      return (
        impossibleDay([month], m[2], text) ?? {
          kind: 'monthlyDay',
          months: [month],
          day,
          holiday: DEFAULT_HOLIDAY_POLICY.monthlyDay,
        }
      );
    },
  },
  {
    re: new RegExp(`^${MONTH_PREFIX}${DAY_BODY}`),
    build: (m, text) => {
      const read = monthDayOf(m, text);
      if (isError(read)) return read;
      const { prefix, day } = read;
      // A bare 「25日」 is not a schedule; a bare 「月末」 is.
      if (!prefix.named && !/^月末/.test(m[5] ?? '')) return unknown(text, null);
      if (prefix.quarterly && day !== 'end') return quarterlyOnlyEnd(text);
      return {
        kind: 'monthlyDay',
        months: prefix.months,
        day,
        holiday: DEFAULT_HOLIDAY_POLICY.monthlyDay,
      };
    },
  },
];

function quarterlyOnlyEnd(text: string): RuleParseError {
  return fail(
    'unknown',
    `頻度「${text}」: 四半期は「四半期末」「四半期最終営業日」のみです。ほかの日は「毎年1・4・7・10月15日」のように月を並べてください`,
    `Schedule "${text}": quarterly means the quarter end (四半期末, 四半期最終営業日); for other days list the months, e.g. 毎年1・4・7・10月15日`,
  );
}

// ---- English ----------------------------------------------------------------------------

const ORD = '(\\d{1,2})(?:st|nd|rd|th)?';
/**
 * A weekday name or its usual abbreviation (mon, tues, weds, thur, thurs…), never a longer word:
 * "month" must not read as Monday.
 */
const WD_EN = '(sun|mon|tue|wed|thu|fri|sat)(?:day|urday|nesday|sday|rsday|s|r|rs)?s?\\b';
const OF_MONTH = '(?: of (?:the|each|every) month)?';
const EN_SUFFIX =
  /,? ?\(?(?:(?:on|use|or) )?(?:the )?(previous|next) business day if (?:closed|a holiday|not a business day)\)?$|,? ?\(?even if closed\)?$/;

function monthsFromEnglish(word: string): number {
  return monthFromName(word);
}

const ENGLISH: Pattern[] = [
  {
    re: /^(?:every|each) business day$|^business days$/,
    build: () => ({ kind: 'businessDay' }),
  },
  { re: /^(?:daily|every day|each day)$/, build: () => ({ kind: 'daily' }) },
  {
    re: new RegExp(`^(?:weekly on|every|each)((?:,? (?:and |& )?${WD_EN.replace('(', '(?:')})+)$`),
    build: (m) => ({
      kind: 'weekly',
      weekdays: weekdaysEn(m[1] ?? ''),
      holiday: DEFAULT_HOLIDAY_POLICY.weekly,
    }),
  },
  {
    re: new RegExp(
      `^(?:every other week|biweekly|fortnightly) on((?:,? (?:and |& )?${WD_EN.replace('(', '(?:')})+) (?:from|starting) ([\\d/.-]+)$`,
    ),
    build: (m, text) => {
      const anchor = parseDateKey(m[2] ?? '');
      if (anchor === null) return unknown(text, m[2] ?? null);
      return {
        kind: 'weekly',
        weekdays: weekdaysEn(m[1] ?? ''),
        holiday: DEFAULT_HOLIDAY_POLICY.weekly,
        everyOtherWeekFrom: anchor,
      };
    },
  },
  {
    re: new RegExp(`^(?:monthly|(?:every|each) month),? on (?:day |the )${ORD}(?: day)?$`),
    build: (m, text) => monthlyDayEn(m[1], text),
  },
  {
    re: /^(?:end of (?:the |each |every )?month|month end|(?:monthly|(?:every|each) month),? (?:on the last day|at month end)|(?:on )?(?:the )?last day of (?:the |each |every )?month)$/,
    build: () => ({
      kind: 'monthlyDay',
      months: ALL_MONTHS,
      day: 'end',
      holiday: DEFAULT_HOLIDAY_POLICY.monthlyDay,
    }),
  },
  {
    re: new RegExp(`^(?:monthly on )?(?:the )?(?:${ORD}|(last|first)) business day${OF_MONTH}$`),
    build: (m, text) => {
      const n = m[2] === 'last' ? -1 : m[2] === 'first' ? 1 : Number(m[1]);
      if (n === 0 || n > 23) {
        return range(
          text,
          '第N営業日は1〜23で指定してください',
          'the Nth business day must be 1–23',
        );
      }
      return { kind: 'monthlyBusinessDay', months: ALL_MONTHS, n };
    },
  },
  {
    re: new RegExp(`^(?:monthly on )?(?:the )?(?:${ORD}|(last)) ${WD_EN}${OF_MONTH}$`),
    build: (m, text) => {
      const nth = m[2] ? -1 : Number(m[1]);
      if (nth === 0 || nth > 5) {
        return range(text, '第N曜日は1〜5で指定してください', 'the Nth weekday must be 1–5');
      }
      return {
        kind: 'monthlyWeekday',
        months: ALL_MONTHS,
        nth,
        weekday: weekdayFromName(m[3] ?? '') as Weekday,
        holiday: DEFAULT_HOLIDAY_POLICY.monthlyWeekday,
      };
    },
  },
  {
    re: new RegExp(
      `^(?:monthly on )?(?:the )?business day (before|after) (?:the |day )?(?:${ORD}|(end of (?:the )?month))$`,
    ),
    build: (m, text) => {
      const day = m[3] ? 'end' : dayOf(m[2], text);
      if (isError(day)) return day;
      const businessDays = m[1] === 'before' ? -1 : 1;
      return { kind: 'monthlyDayShift', months: ALL_MONTHS, day, businessDays };
    },
  },
  {
    re: /^(?:yearly|annually|every year) on (?:(\d{1,2})[-/](\d{1,2})|([a-z]+) (\d{1,2})(?:st|nd|rd|th)?)$/,
    build: (m, text) => {
      const month = m[1] ? Number(m[1]) : monthsFromEnglish(m[3] ?? '');
      if (month < 1 || month > 12) return unknown(text, m[3] ?? m[1] ?? null);
      const day = dayOf(m[2] ?? m[4], text);
      if (isError(day)) return day;
      const impossible = impossibleDay([month], m[2] ?? m[4], text);
      if (impossible) return impossible;
      return {
        kind: 'monthlyDay',
        months: [month],
        day,
        holiday: DEFAULT_HOLIDAY_POLICY.monthlyDay,
      };
    },
  },
  {
    // "monthly" alone names no day: refused with its own message (never read as Monday).
    re: /^(?:monthly|(?:every|each) month)$/,
    build: (_m, text) =>
      fail(
        'unknown',
        `頻度「${text}」: 毎月の何日かを指定してください(例: 毎月25日、毎月末、monthly on day 25、last day of the month)`,
        `Schedule "${text}": say which day of the month (e.g. monthly on day 25, last day of the month, monthly on the 3rd business day)`,
      ),
  },
  {
    re: /^(?:quarterly|quarter end|end of (?:each |every )?quarter)$/,
    build: () => ({
      kind: 'monthlyDay',
      months: QUARTER_END_MONTHS,
      day: 'end',
      holiday: DEFAULT_HOLIDAY_POLICY.monthlyDay,
    }),
  },
];

function weekdaysEn(list: string): Weekday[] {
  const set = new Set<Weekday>();
  for (const m of list.matchAll(new RegExp(WD_EN, 'g'))) {
    set.add(weekdayFromName(m[1] ?? '') as Weekday);
  }
  return [...set].sort((a, b) => a - b);
}

function monthlyDayEn(num: string | undefined, text: string): Built {
  const day = dayOf(num, text);
  if (isError(day)) return day;
  return {
    kind: 'monthlyDay',
    months: ALL_MONTHS,
    day,
    holiday: DEFAULT_HOLIDAY_POLICY.monthlyDay,
  };
}

// ---- Entry point --------------------------------------------------------------------------

function withHoliday(
  rule: ScheduleRule,
  policy: HolidayPolicy | null,
  text: string,
  options: ParseRuleOptions,
): RuleParse {
  const takesPolicy =
    rule.kind === 'weekly' || rule.kind === 'monthlyDay' || rule.kind === 'monthlyWeekday';
  if (!takesPolicy) {
    if (policy === null) return { ok: true, rule };
    return fail(
      'holiday',
      `頻度「${text}」: この頻度はもともと営業日(または暦日)なので、休日の扱いは指定できません`,
      `Schedule "${text}": this schedule is already on business (or calendar) days; a holiday rule does not apply`,
    );
  }
  const holiday = policy ?? options.defaultHoliday ?? rule.holiday;
  return { ok: true, rule: { ...rule, holiday } };
}

function match(patterns: readonly Pattern[], s: string, text: string): RuleParse {
  let longest = 0;
  for (const p of patterns) {
    const m = p.re.exec(s);
    if (!m) continue;
    if (m[0].length === s.length) {
      const built = p.build(m, text);
      return isError(built) ? built : { ok: true, rule: built };
    }
    longest = Math.max(longest, m[0].length);
  }
  return unknown(text, longest > 0 ? s.slice(longest) : null);
}

/** Reads a 頻度 cell; an unreadable one gives a text message naming what was not understood. */
export function parseRule(text: string, options: ParseRuleOptions = {}): RuleParse {
  const raw = text.normalize('NFKC').trim();
  if (raw === '') {
    return fail(
      'empty',
      `頻度が入力されていません。${EXAMPLES_JA}`,
      `No schedule entered. ${EXAMPLES_EN}`,
    );
  }
  if (/[\u3040-\u30ff\u3400-\u9fff]/.test(raw)) {
    const s = raw.replace(/\s+/g, '').replace(/[。.]$/, '');
    const suffix = HOLIDAY_SUFFIX.exec(s);
    const main = suffix ? s.slice(0, suffix.index) : s;
    const policy = suffix ? (POLICY_WORDS[suffix[1] ?? suffix[2] ?? ''] ?? null) : null;
    if (main === '') return unknown(raw, null);
    const parsed = match(JAPANESE, main, raw);
    return parsed.ok ? withHoliday(parsed.rule, policy, raw, options) : parsed;
  }
  const s = raw.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');
  const suffix = EN_SUFFIX.exec(s);
  const main = suffix ? s.slice(0, suffix.index).trim() : s;
  const policy: HolidayPolicy | null = suffix
    ? suffix[1] === 'previous'
      ? 'previous'
      : suffix[1] === 'next'
        ? 'next'
        : 'keep'
    : null;
  const parsed = match(ENGLISH, main, raw);
  return parsed.ok ? withHoliday(parsed.rule, policy, raw, options) : parsed;
}
