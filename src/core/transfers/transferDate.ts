/**
 * The transfer date (振込指定日) of a 総合振込 file: a bank business day, not in the past. The file
 * carries it as MMDD only.
 */
import {
  adjust,
  BANK_HOLIDAY_NAME,
  holidayName,
  isBankBusinessDay,
  nextBusinessDay,
} from '../businessDays';
import { MONTH_NAMES_EN, WEEKDAY_NAMES_EN } from '../calendarNames';
import { compareDateKeys, type DateKey, dateParts, formatDateJa, weekday } from '../dates';
import { type Text, text } from '../text';

export type TransferDateCheck =
  | { ok: true }
  | {
      ok: false;
      message: Text;
      /** The business day to offer instead. */
      suggestion: DateKey;
    };

/** `Mon, Nov 30, 2026` (the English form of formatDateJa with the weekday). */
function formatDateEn(key: DateKey): string {
  const { year, month, day } = dateParts(key);
  const weekdayName = WEEKDAY_NAMES_EN[weekday(key)].slice(0, 3);
  return `${weekdayName}, ${MONTH_NAMES_EN[month - 1]!.slice(0, 3)} ${day}, ${year}`;
}

function closedReason(key: DateKey): Text {
  const name = holidayName(key);
  if (name === BANK_HOLIDAY_NAME) return text('年末年始', 'the year-end closure');
  if (name !== null) return text(name, `a national holiday, ${name}`);
  return weekday(key) === 6 ? text('土曜日', 'the weekend') : text('日曜日', 'the weekend');
}

/**
 * Whether banks can transfer on `date`, seen on `today` (both civil dates in Japan). A closed day
 * is refused with the next business day offered; a past date with the first business day from
 * today on.
 */
export function checkTransferDate(date: DateKey, today: DateKey): TransferDateCheck {
  if (compareDateKeys(date, today) < 0) {
    const suggestion = adjust(today, 'next');
    return {
      ok: false,
      suggestion,
      message: text(
        `振込指定日${formatDateJa(date, { weekday: true })}は過ぎています。${formatDateJa(suggestion, { weekday: true })}はいかがですか`,
        `The transfer date ${formatDateEn(date)} has passed; how about ${formatDateEn(suggestion)}?`,
      ),
    };
  }
  if (isBankBusinessDay(date)) return { ok: true };
  const suggestion = nextBusinessDay(date);
  const reason = closedReason(date);
  return {
    ok: false,
    suggestion,
    message: text(
      `${formatDateJa(date, { weekday: true })}は${reason.ja}で銀行が休みです。翌営業日の${formatDateJa(suggestion, { weekday: true })}はいかがですか`,
      `Banks are closed on ${formatDateEn(date)} (${reason.en}); how about the next business day, ${formatDateEn(suggestion)}?`,
    ),
  };
}

/** 振込指定日 as the file writes it: MMDD. */
export function transferDateField(date: DateKey): string {
  const { month, day } = dateParts(date);
  return `${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
}
