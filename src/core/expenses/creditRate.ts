/**
 * 仕入税額控除 (input-tax credit) on a purchase: how much of the consumption tax paid the owner
 * may deduct, by the date of the purchase and whether the payee gave a registration number
 * (適格請求書発行事業者の登録番号, T + 13 digits).
 *
 * With a registration number (a 適格請求書), or for purchases before the invoice system began on
 * 2023-10-01, the credit is 100%. From a supplier without one, the 経過措置 allows a part:
 *
 * - As first enacted (平成28年改正法 附則52条・53条): 80% 2023-10-01 – 2026-09-30, 50%
 *   2026-10-01 – 2029-09-30, nothing after.
 * - 令和8年度税制改正 (大綱 2025-12-19): 80% to 2026-09-30, then 70% 2026-10-01 – 2028-09-30,
 *   50% 2028-10-01 – 2030-09-30, 30% 2030-10-01 – 2031-09-30, nothing from 2031-10-01.
 *   Sources: 経済産業省「令和8年度税制改正について(概要)」(2025-12), summarised at
 *   https://www.fps-net.com/knowledge/tax/2026/4_3.html ; 日本税理士政治連盟 2026-02-05
 *   (https://kinzeisei.jp/activity/activity04/6747); 納税通信 2026-01-26.
 *
 * The table below is the reformed one, the one in force for purchases from 2026-10-01. A change
 * of law changes a row here and nothing else. Not modelled: the cap of 100M yen of purchases a
 * year from one unregistered supplier above which no credit applies (1 billion before the
 * reform), and the 少額特例 (purchases under 10,000 yen by businesses with sales ≤ 100M yen
 * need no invoice until 2029-09-30), both of which depend on figures outside one row.
 */
import type { DateKey } from '../dates';
import { type Text, text } from '../text';

export interface CreditRatePeriod {
  /** First day the rate applies (inclusive). */
  readonly from: DateKey;
  /** Percent of the tax that may be credited without a registration number. */
  readonly percent: number;
}

/** Rates without a registration number, oldest first; each applies until the next one starts. */
export const UNREGISTERED_CREDIT_RATES: readonly CreditRatePeriod[] = [
  // Before the invoice system a 区分記載請求書 was enough for a full credit.
  { from: '1989-04-01' as DateKey, percent: 100 },
  { from: '2023-10-01' as DateKey, percent: 80 },
  { from: '2026-10-01' as DateKey, percent: 70 },
  { from: '2028-10-01' as DateKey, percent: 50 },
  { from: '2030-10-01' as DateKey, percent: 30 },
  { from: '2031-10-01' as DateKey, percent: 0 },
];

/** Percent of the consumption tax on a purchase made on `date` that may be credited (0–100). */
export function creditRate(date: DateKey, hasRegistrationNumber: boolean): number {
  if (hasRegistrationNumber) return 100;
  let percent = 100;
  for (const period of UNREGISTERED_CREDIT_RATES) {
    if (period.from <= date) percent = period.percent;
  }
  return percent;
}

/** How the ledger notes the rate applied: `100%控除`, `70%控除対象`, `控除対象外`. */
export function creditRateLabel(percent: number): Text {
  if (percent >= 100) return text('100%控除', '100% creditable');
  if (percent <= 0) return text('控除対象外', 'Not creditable');
  return text(`${percent}%控除対象`, `${percent}% creditable`);
}
