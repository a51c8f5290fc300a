/**
 * java.text.SimpleDateFormat as Utilities.formatDate uses it: Apps Script formats with Java's
 * default (English, en-US) symbols whatever the user's language, so `EEE` is "Mon" and `MMM` is
 * "Jan" even for a Japanese user.
 */
import { MONTH_NAMES, WEEKDAY_NAMES } from '../core/calendar-names';
import { gmtId, resolveZone, usWeekOfYear, wallTime, type Zone } from './timezone';

/** Java's short names for the zones a Japanese business meets; others come from Intl or GMT±hh:mm. */
const SHORT_NAMES: Record<string, [string, string]> = {
  'Asia/Tokyo': ['JST', 'JST'],
  'Asia/Seoul': ['KST', 'KST'],
  'Asia/Shanghai': ['CST', 'CST'],
  'Asia/Taipei': ['CST', 'CST'],
  'Asia/Hong_Kong': ['HKT', 'HKT'],
  'Asia/Singapore': ['SGT', 'SGT'],
  'Asia/Kolkata': ['IST', 'IST'],
  'Europe/London': ['GMT', 'BST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Australia/Sydney': ['AEST', 'AEDT'],
  UTC: ['UTC', 'UTC'],
  GMT: ['GMT', 'GMT'],
};

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.padStart(width, '0');
}

function offsetText(offsetMin: number, style: 'Z' | 'X1' | 'X2' | 'X3' | 'GMT'): string {
  if (offsetMin === 0 && style.startsWith('X')) return 'Z';
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  switch (style) {
    case 'Z':
      return `${sign}${hh}${mm}`;
    case 'X1':
      return `${sign}${hh}`;
    case 'X2':
      return `${sign}${hh}${mm}`;
    case 'X3':
      return `${sign}${hh}:${mm}`;
    case 'GMT':
      return gmtId(offsetMin);
  }
}

function zoneName(zone: Zone, ms: number, offsetMin: number, long: boolean): string {
  if (zone.fixedOffsetMin !== undefined && zone.id !== 'UTC') return offsetText(offsetMin, 'GMT');
  const standardOffset = Math.min(offsetMinutes(zone, ms, 0), offsetMinutes(zone, ms, 6));
  const dst = offsetMin !== standardOffset;
  if (!long) {
    const known = SHORT_NAMES[zone.id];
    if (known) return known[dst ? 1 : 0];
  }
  const part = new Intl.DateTimeFormat('en-US', {
    timeZone: zone.id,
    timeZoneName: long ? 'long' : 'short',
  })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  if (!part || /^GMT[+-]/.test(part)) return offsetText(offsetMin, 'GMT');
  return part;
}

/** The zone's offset in January (month 0) or July (month 6) of the instant's year. */
function offsetMinutes(zone: Zone, ms: number, month: number): number {
  const year = new Date(ms).getUTCFullYear();
  return wallTime(zone, Date.UTC(year, month, 1)).offsetMin;
}

/** Formats like java.text.SimpleDateFormat(pattern, Locale.US) with the zone set. */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  const zone = resolveZone(timeZone);
  const w = wallTime(zone, ms);
  const week = usWeekOfYear(w.year, w.month, w.day);
  const dayOfYear =
    Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000) + 1;
  const firstWeekdayOfMonth = new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay();

  const field = (letter: string, count: number): string => {
    switch (letter) {
      case 'G':
        return 'AD';
      case 'y':
        return count === 2 ? pad(w.year % 100, 2) : pad(w.year, count);
      case 'Y':
        return count === 2 ? pad(week.weekYear % 100, 2) : pad(week.weekYear, count);
      case 'M':
      case 'L':
        if (count >= 4) return MONTH_NAMES[w.month - 1] ?? '';
        if (count === 3) return (MONTH_NAMES[w.month - 1] ?? '').slice(0, 3);
        return pad(w.month, count);
      case 'w':
        return pad(week.week, count);
      case 'W':
        return pad(Math.floor((w.day - 1 + firstWeekdayOfMonth) / 7) + 1, count);
      case 'D':
        return pad(dayOfYear, count);
      case 'd':
        return pad(w.day, count);
      case 'F':
        return pad(Math.floor((w.day - 1) / 7) + 1, count);
      case 'E':
        return count >= 4
          ? (WEEKDAY_NAMES[w.weekday] ?? '')
          : (WEEKDAY_NAMES[w.weekday] ?? '').slice(0, 3);
      case 'u':
        return pad(w.weekday === 0 ? 7 : w.weekday, count);
      case 'a':
        return w.hour < 12 ? 'AM' : 'PM';
      case 'H':
        return pad(w.hour, count);
      case 'k':
        return pad(w.hour === 0 ? 24 : w.hour, count);
      case 'K':
        return pad(w.hour % 12, count);
      case 'h':
        return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
      case 'm':
        return pad(w.minute, count);
      case 's':
        return pad(w.second, count);
      case 'S':
        return pad(w.millisecond, count);
      case 'z':
        return zoneName(zone, ms, w.offsetMin, count >= 4);
      case 'Z':
        return offsetText(w.offsetMin, 'Z');
      case 'X':
        if (count > 3) throw new Error('invalid ISO 8601 format: length=' + count);
        return offsetText(w.offsetMin, `X${count}` as 'X1' | 'X2' | 'X3');
      default:
        throw new Error(`Illegal pattern character '${letter}'`);
    }
  };

  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = findQuoteEnd(pattern, i + 1);
      out += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let j = i;
      while (pattern[j] === c) j++;
      out += field(c, j - i);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function findQuoteEnd(pattern: string, from: number): number {
  let i = from;
  while (i < pattern.length) {
    if (pattern[i] === "'") {
      if (pattern[i + 1] === "'") {
        i += 2;
        continue;
      }
      return i;
    }
    i++;
  }
  throw new Error('Unterminated quote');
}
