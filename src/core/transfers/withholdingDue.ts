/**
 * 源泉所得税 withheld from fees is paid to the tax office by the 10th of the month after the
 * payment (所得税法212条1項: 「その徴収の日の属する月の翌月十日までに」). A 10th on a Saturday,
 * Sunday or national holiday moves to the next day that is none (国税通則法10条2項); the 10th is
 * never in the 12/29–1/3 closure, so bank business days give the same day.
 * (The semi-annual 納期の特例 for employers of fewer than ten is a setting Pokke does not have.)
 */
import { adjust } from '../businessDays';
import { addMonths, type DateKey, dateKey, dateParts } from '../dates';
import { assertYen } from '../money';

/** The date by which the tax withheld on a payment made on `paidOn` is due. */
export function withholdingDueDate(paidOn: DateKey): DateKey {
  const { year, month } = dateParts(addMonths(paidOn, 1));
  return adjust(dateKey(year, month, 10), 'next');
}

export interface WithheldPayment {
  readonly paidOn: DateKey;
  readonly withholding: number;
}

export interface MonthlyWithholding {
  /** Total 源泉所得税 withheld on payments made in the month. */
  readonly total: number;
  /** How many payments had tax withheld. */
  readonly count: number;
  readonly dueDate: DateKey;
}

/** The tax withheld on payments made in `month` (1–12) of `year`, and when it is due. */
export function withholdingForMonth(
  payments: readonly WithheldPayment[],
  year: number,
  month: number,
): MonthlyWithholding {
  let total = 0;
  let count = 0;
  for (const p of payments) {
    const paid = dateParts(p.paidOn);
    if (paid.year !== year || paid.month !== month || p.withholding === 0) continue;
    assertYen(p.withholding, 'withholdingForMonth');
    total += p.withholding;
    count++;
  }
  return { total, count, dueDate: withholdingDueDate(dateKey(year, month, 1)) };
}
