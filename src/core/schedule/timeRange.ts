import { type Text, text } from '../text';

export interface TimeRange {
  /** `HH:MM`, Asia/Tokyo. */
  readonly start: string;
  readonly end: string;
}

export type TimeRangeParse =
  | { readonly ok: true; readonly value: TimeRange | null }
  | { readonly ok: false; readonly message: Text };

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A routine's calendar block as written: `10:00-11:00`, `9時〜10時半`, `１３:３０～１４:００`
 * (full width too). Empty means an all-day block. The end must come after the start, the same day.
 */
export function parseTimeRange(input: string): TimeRangeParse {
  const s = input.normalize('NFKC').replace(/\s+/g, '');
  if (s === '') return { ok: true, value: null };
  const time = String.raw`(\d{1,2})(?::(\d{2})|時(半|(\d{1,2})分)?)`;
  const m = new RegExp(`^${time}[-~〜～から]+${time}(?:まで)?$`).exec(s);
  const minutes = (h?: string, mm?: string, half?: string, min?: string) =>
    Number(h) * 60 + (mm !== undefined ? Number(mm) : half === '半' ? 30 : min ? Number(min) : 0);
  if (m) {
    const start = minutes(m[1], m[2], m[3], m[4]);
    const end = minutes(m[5], m[6], m[7], m[8]);
    if (start < end && end <= 24 * 60 && Number(m[2] ?? 0) < 60 && Number(m[6] ?? 0) < 60) {
      const hhmm = (t: number) => `${pad(Math.floor(t / 60))}:${pad(t % 60)}`;
      return { ok: true, value: { start: hhmm(start), end: hhmm(end) } };
    }
  }
  return {
    ok: false,
    message: text(
      `時間「${input}」を読み取れません(例: 10:00-11:00、9時〜10時半。空欄なら終日)`,
      `Could not read the time "${input}" (e.g. 10:00-11:00; empty for all day)`,
    ),
  };
}
