/** Types for `japanese-holidays` 1.x (CommonJS, ships none). Only what Pokke uses. */
declare module 'japanese-holidays' {
  export interface JapaneseHoliday {
    /** 1–12 */
    month: number;
    /** 1–31 */
    date: number;
    /** e.g. 元日, 振替休日, 国民の休日 */
    name: string;
  }
  /**
   * The national holidays of `year` in date order. With `furikae` (default true) it includes
   * 振替休日 and 国民の休日. Computed from the year alone: no Date, no time zone.
   */
  export function getHolidaysOf(year: number, furikae?: boolean): JapaneseHoliday[];
}
