/**
 * The due-date reader: finds every date expression, attaches written weekdays and times, joins
 * ranges, notes the deadline words around each, and picks one.
 *
 * Choice rule, when several candidates appear:
 * 1. Candidates tied to a deadline — a request word right before or after (までに, 迄, まで, 締切,
 *    期限, 〆切, 必着, due, by, until, deadline…) or a phrase that is a deadline by itself (本日中,
 *    今週中, 3営業日以内, within 3 days, EOD) — beat untied ones; a date only marking a start
 *    (12/1から, 12/1以降) comes last. A closure (12/29〜1/3休業) is not a due date at all.
 * 2. Within a group, dates on or after the mail's date beat past ones.
 * 3. Then the earliest date wins (the first thing to do), then the first written.
 */
import { BANK_HOLIDAY_NAME, holidayName } from '../businessDays';
import { addDays, compareDateKeys, type DateKey, dateKey, dateParts, weekday } from '../dates';
import { type Text, text } from '../text';
import { mailContext } from './calendar';
import { numericCandidates, URGENT, WEEKDAYS_EN, WEEKDAYS_JA, weekdayIndex } from './common';
import { englishCandidates } from './english';
import { japaneseCandidates } from './japanese';
import { type PreparedText, prepareMail, sourceSpan } from './normalize';
import { allTimes, timeAfter, timeBefore } from './time';
import type {
  Candidate,
  DueConfidence,
  DueDateReading,
  DueFlag,
  MailContext,
  ReadOptions,
} from './types';

/** A weekday written after a date: (土), （土曜日）, (月・祝), 土曜日, (Sat), , Saturday. */
const WEEKDAY_AFTER = new RegExp(
  '\\s{0,2}(?:\\(\\s?(?:([月火水木金土日])(?:曜日?)?|(sun|mon|tue|wed|thu|fri|sat)[a-z]{0,6}\\.?)' +
    '\\s?(?:[・･,、/]\\s?(?:祝日?|休日?)\\s?)?\\)|\\(\\s?祝日?\\s?\\)|([月火水木金土日])曜日?' +
    '|,?\\s(monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z]))',
  'iy',
);
const RANGE_MARK = /\s{0,2}(?:~|-|から|より|to\s|through\s|thru\s)\s{0,2}/iy;
const DAY_END = /(\d{1,2})\s?日?(?![\d/:月時])/y;
const DUE_AFTER =
  /[\s、,]{0,2}(?:中|頃|ごろ|の)?\s?(?:(まで(?:に)?|迄(?:に)?|〆(?:切り?)?|締め?切り?|期限|必着|厳守|目処|目途|めど|メド|を目[処途](?:に)?|を期限|が期限|が締め?切り?|が〆切り?|以内|以前|より前|at the latest)|(から|より|以降|~)|(休業|休み|お休み|定休|休館|不在|休暇))/iy;
/** 「12/29〜1/3まで休業」: a closure, not a deadline. */
const CLOSURE_AFTER = /\s?(?:は|の|、)?\s?(?:休業|休み|お休み|定休|休館|不在|休暇)/y;
const DUE_BEFORE_JA =
  /(?:締め?切り?|〆切り?|〆|期限|納期|期日|提出日|回答期限|返信期限)\s?(?:日|日時)?\s?(?:は|:|=|→)?\s?$/;
const DUE_BEFORE_EN =
  /(?:^|[^a-z])((?:by|due(?:\sdate)?|until|till|before|deadline|no\slater\sthan|not\slater\sthan|on\sor\sbefore)\s{0,2}(?::|is|on|by)?\s{0,2}(?:the\s{1,2})?)$/i;
const BEFORE_WINDOW = 30;

function collect(text: string, ctx: MailContext): Candidate[] {
  const raw = [
    ...japaneseCandidates(text, ctx),
    ...englishCandidates(text, ctx),
    ...numericCandidates(text, ctx),
  ];
  // Leftmost first, the longest of those starting together; drop what overlaps a kept one.
  raw.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let lastEnd = -1;
  for (const c of raw) {
    if (c.start >= lastEnd) {
      kept.push(c);
      lastEnd = c.end;
    }
  }
  return kept;
}

function checkWeekday(c: Candidate, written: number): void {
  const actual = weekday(c.date);
  if (actual === written) return;
  const { month, day } = dateParts(c.date);
  c.mismatch = [...(c.mismatch ?? []), { month, day, actual }];
}

/** Takes the weekday and the time written right after `c`; returns the new end. */
function extend(text: string, c: Candidate): void {
  if (c.writtenWeekday !== undefined) checkWeekday(c, c.writtenWeekday);
  WEEKDAY_AFTER.lastIndex = c.end;
  const w = WEEKDAY_AFTER.exec(text);
  if (w) {
    const name = w[1] ?? w[2] ?? w[3] ?? w[4];
    const wd = name === undefined ? null : weekdayIndex(name);
    if (wd !== null) checkWeekday(c, wd);
    c.end += w[0].length;
  }
  if (c.time === undefined && c.vagueTime === undefined) {
    const t = timeAfter(text, c.end);
    if (t) {
      if (t.time !== undefined) c.time = t.time;
      if (t.vague !== undefined) c.vagueTime = t.vague;
      c.end = t.end;
    }
  }
  if (c.time === undefined && c.vagueTime === undefined) {
    // A time written before the day: "by 5 pm tomorrow", 「17時までに明日」.
    const b = timeBefore(text, c.start);
    if (b?.time !== undefined) {
      c.time = b.time;
      c.start = b.start;
      if (b.tied) c.tied = true;
    }
  }
}

/** `12/1〜5`: the end day in the start's month. */
function dayOnlyEnd(first: Candidate, day: number): DateKey | null {
  const { year, month } = dateParts(first.date);
  if (day <= dateParts(first.date).day) return null;
  try {
    return dateKey(year, month, day);
  } catch {
    return null;
  }
}

function markers(text: string, c: Candidate): void {
  DUE_AFTER.lastIndex = c.end;
  const after = DUE_AFTER.exec(text);
  if (after?.[1] !== undefined) {
    c.tied = true;
    c.matchEnd = c.end + after[0].length;
    CLOSURE_AFTER.lastIndex = c.matchEnd;
    if (CLOSURE_AFTER.test(text)) c.closure = true;
  } else if (after?.[2] !== undefined) {
    c.isStart = true;
  } else if (after?.[3] !== undefined) {
    c.closure = true;
  }
  const lineStart = text.lastIndexOf('\n', c.start - 1) + 1;
  const from = Math.max(lineStart, c.start - BEFORE_WINDOW);
  const before = text.slice(from, c.start);
  const ja = DUE_BEFORE_JA.exec(before);
  if (ja) {
    c.tied = true;
    c.matchStart = from + ja.index;
    return;
  }
  const en = DUE_BEFORE_EN.exec(before);
  if (en?.[1] !== undefined) {
    c.tied = true;
    c.matchStart = c.start - en[1].length;
  }
}

/** Extends, joins ranges, reads deadline words; drops unanchored weak candidates. */
function assemble(text: string, list: Candidate[]): Candidate[] {
  const byStart = new Map<number, number>();
  list.forEach((c, i) => {
    byStart.set(c.start, i);
  });
  const out: Candidate[] = [];
  let i = 0;
  while (i < list.length) {
    let c = list[i] as Candidate;
    i++;
    extend(text, c);
    RANGE_MARK.lastIndex = c.end;
    const mark = RANGE_MARK.exec(text);
    if (mark) {
      const at = c.end + mark[0].length;
      const j = byStart.get(at);
      if (j !== undefined && j >= i) {
        const d = list[j] as Candidate;
        extend(text, d);
        let date = d.date;
        if (d.dayOnly && c.absolute && d.written !== undefined) {
          date = dayOnlyEnd(c, d.written.day) ?? d.date;
        }
        c = {
          ...d,
          date,
          start: c.start,
          needsAnchor: false,
          mismatch: [...(c.mismatch ?? []), ...(d.mismatch ?? [])],
        };
        if (c.mismatch?.length === 0) delete c.mismatch;
        i = j + 1;
      } else if (c.absolute && !/[a-z]/i.test(mark[0])) {
        DAY_END.lastIndex = at;
        const dm = DAY_END.exec(text);
        const date = dm ? dayOnlyEnd(c, Number(dm[1])) : null;
        if (dm && date !== null) {
          c = { ...c, date, end: at + dm[0].length, time: undefined, needsAnchor: false };
          delete c.time;
          delete c.movedFrom;
          extend(text, c);
        }
      }
    }
    while (i < list.length && (list[i] as Candidate).start < c.end) i++;
    markers(text, c);
    if (c.closure || (c.needsAnchor && !c.tied && c.time === undefined)) continue;
    out.push(c);
  }
  return out;
}

/** 「14時までに」 with no date: the mail's day (the next day if that time has passed). */
function timeOnly(text: string, taken: Candidate[], ctx: MailContext): Candidate[] {
  const claimed = new Uint8Array(text.length + 1);
  for (const c of taken) {
    for (let k = c.matchStart ?? c.start; k < (c.matchEnd ?? c.end); k++) claimed[k] = 1;
  }
  const out: Candidate[] = [];
  for (const t of allTimes(text)) {
    if (claimed[t.start] === 1) continue;
    const c: Candidate = {
      start: t.start,
      end: t.end,
      date: ctx.mail,
      tied: false,
      needsAnchor: false,
      absolute: false,
      timeOnly: true,
      flags: ['time-only'],
    };
    if (t.time !== undefined) {
      c.time = t.time;
      const [h, m] = t.time.split(':').map(Number);
      if ((h ?? 0) * 60 + (m ?? 0) <= ctx.minutes) c.date = addDays(ctx.mail, 1);
    }
    if (t.vague !== undefined) c.vagueTime = t.vague;
    markers(text, c);
    if (c.tied) out.push(c);
  }
  return out;
}

function rank(c: Candidate): number {
  return c.isStart ? 2 : c.tied ? 0 : 1;
}

function choose(cands: Candidate[], ctx: MailContext): Candidate | null {
  let best: Candidate | null = null;
  const key = (c: Candidate): [number, number, string, number] => [
    rank(c),
    compareDateKeys(c.date, ctx.mail) < 0 ? 1 : 0,
    c.date,
    c.start,
  ];
  for (const c of cands) {
    if (best === null) {
      best = c;
      continue;
    }
    const a = key(c);
    const b = key(best);
    for (let k = 0; k < a.length; k++) {
      if (a[k] === b[k]) continue;
      if ((a[k] as number | string) < (b[k] as number | string)) best = c;
      break;
    }
  }
  return best;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function md(date: DateKey): string {
  const { month, day } = dateParts(date);
  return `${month}/${day}`;
}

/** 「メールの期限は11/30(土)です。前営業日にしています」 for a date moved to a business day. */
function movedNote(written: DateKey, date: DateKey): Text {
  const wd = weekday(written);
  const ja = `${md(written)}(${WEEKDAYS_JA[wd]})`;
  const en = `${md(written)} (${WEEKDAYS_EN[wd]?.slice(0, 3)})`;
  return compareDateKeys(date, written) < 0
    ? text(
        `メールの期限は${ja}です。前営業日にしています`,
        `The mail says ${en}; moved to the business day before`,
      )
    : text(
        `メールの期限は${ja}です。翌営業日にしています`,
        `The mail says ${en}; moved to the next business day`,
      );
}

function reading(p: PreparedText, c: Candidate, ctx: MailContext, urgent: boolean): DueDateReading {
  const flags = new Set<DueFlag>(c.flags);
  const notes: Text[] = [];
  for (const m of c.mismatch ?? []) {
    flags.add('weekday-mismatch');
    notes.push(
      text(
        `${m.month}/${m.day}は${WEEKDAYS_JA[m.actual]}曜日です。日付をご確認ください`,
        `${m.month}/${m.day} is a ${WEEKDAYS_EN[m.actual]}; please check the date`,
      ),
    );
  }
  if (compareDateKeys(c.date, ctx.mail) < 0) {
    flags.add('past');
    notes.push(
      text(
        `${md(c.date)}はメールの日付より前です。日付をご確認ください`,
        `${md(c.date)} is before the mail's date; please check the date`,
      ),
    );
  } else if (c.date === ctx.mail && c.time !== undefined && minutesOf(c.time) < ctx.minutes) {
    // 「本日17時まで」 in a mail sent at 18:00: the date and the time together are past.
    flags.add('past');
    notes.push(
      text(
        `${md(c.date)} ${c.time}はメールの送信時刻より前です。日時をご確認ください`,
        `${md(c.date)} ${c.time} is before the mail was sent; please check the date and time`,
      ),
    );
  }
  if (c.movedFrom !== undefined) {
    flags.add('moved');
    notes.push(movedNote(c.movedFrom, c.date));
  }
  const holiday = holidayName(c.date);
  if (holiday !== null) {
    flags.add('holiday');
    const en = holiday === BANK_HOLIDAY_NAME ? 'a bank holiday' : `a holiday (${holiday})`;
    notes.push(text(`${md(c.date)}は${holiday}です`, `${md(c.date)} is ${en}`));
  }
  if (c.vagueTime !== undefined) {
    flags.add('vague-time');
    notes.push(
      text(
        `時刻は「${c.vagueTime}」とだけ書かれています`,
        `The time is only given as "${c.vagueTime}"`,
      ),
    );
  }
  if (flags.has('ambiguous')) {
    notes.push(
      text(
        '読み方が分かれる表現です。日付をご確認ください',
        'This phrase can be read more than one way; please check the date',
      ),
    );
  }
  if (c.timeOnly) {
    notes.push(
      text(
        '日付の記載がないため、メールの日付から決めました',
        'No date was written; it was taken from the mail date',
      ),
    );
  }
  if (urgent) flags.add('urgent');
  const doubtful = ['weekday-mismatch', 'past', 'ambiguous', 'time-only'] as const;
  const confidence: DueConfidence = doubtful.some((f) => flags.has(f))
    ? 'low'
    : c.tied
      ? 'high'
      : 'medium';
  const out: DueDateReading = {
    date: c.date,
    matched: sourceSpan(p, c.matchStart ?? c.start, c.matchEnd ?? c.end),
    confidence,
    flags: [...flags],
    notes,
  };
  if (c.time !== undefined) out.time = c.time;
  if (c.movedFrom !== undefined) out.writtenDate = c.movedFrom;
  return out;
}

/**
 * The due date a mail asks for, or null when it names none. `mailDate` is the instant the mail
 * was sent; relative phrases count from its date in Japan.
 */
export function readDueDate(
  mailBody: string,
  mailDate: Date,
  options: ReadOptions = {},
): DueDateReading | null {
  if (!(mailDate instanceof Date) || Number.isNaN(mailDate.getTime())) return null;
  const ctx = mailContext(mailDate);
  const body = typeof mailBody === 'string' ? mailBody : '';
  const subject = typeof options.subject === 'string' ? options.subject : '';
  const p = prepareMail(body, subject);
  const cands = assemble(p.norm, collect(p.norm, ctx));
  cands.push(...timeOnly(p.norm, cands, ctx));
  const urgent = URGENT.exec(p.norm);
  const best = choose(cands, ctx);
  if (best !== null) return reading(p, best, ctx, urgent !== null);
  if (urgent === null) return null;
  // 至急 / なる早 / ASAP with no date: due today, flagged urgent, low confidence.
  return {
    date: ctx.mail,
    matched: sourceSpan(p, urgent.index, urgent.index + urgent[0].length),
    confidence: 'low',
    flags: ['urgent'],
    notes: [
      text('日付の記載がない至急の依頼です。本日としました', 'Urgent with no date; set to today'),
    ],
  };
}
