import type { Lang, Text } from '../text';

/** The candidates the scheduling card would offer, as `simulate slots` prints and writes them. */
export interface SlotsReport {
  lang: Lang;
  /** The days looked at, YYYY-MM-DD (Asia/Tokyo). */
  from: string;
  to: string;
  lengthMinutes: number;
  /** The calendars whose busy times counted (`primary` is the owner's own). */
  calendars: string[];
  slots: { start: string; end: string; label: Text }[];
  /** Settings that could not be read, calendars that could not be. */
  problems: Text[];
  message: Text;
}
