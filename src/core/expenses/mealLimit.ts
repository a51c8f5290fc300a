/**
 * Meals with outside parties (取引先との飲食) that cost at most a limit per person are not 交際費
 * (租税特別措置法61条の4第6項、同施行令37条の5第1項) and are commonly booked as 会議費; the
 * people and the count must be noted (施行規則21条の18の4). The limit by date of the spending:
 * - 5,000 yen from 2006-04-01 (平成18年度税制改正);
 * - 10,000 yen from 2024-04-01 (令和6年度税制改正: 「令和6年4月1日以後に支出する飲食費」).
 * Sources: 国税庁 タックスアンサー No.5265; e.g. https://nakagomizeirishi.com/insyokuhi/ and
 * https://okaitax.com/?p=206 (both citing the 令和6年度 change).
 * Judged on the amount as the books hold it: tax included under 税込経理 (the default here, and
 * the stricter reading), without tax under 税抜経理.
 */
import type { DateKey } from '../dates';

export interface MealLimitPeriod {
  readonly from: DateKey;
  /** Yen per person, inclusive. */
  readonly perPerson: number;
}

export const MEAL_LIMITS: readonly MealLimitPeriod[] = [
  { from: '2006-04-01' as DateKey, perPerson: 5000 },
  { from: '2024-04-01' as DateKey, perPerson: 10000 },
];

/** The per-person limit on `date`, or undefined before any applied (all such meals are 交際費). */
export function mealLimitPerPerson(date: DateKey): number | undefined {
  let limit: number | undefined;
  for (const period of MEAL_LIMITS) if (period.from <= date) limit = period.perPerson;
  return limit;
}
