/**
 * Which of one client's open invoices a single transfer pays together: a bounded subset sum,
 * fewest invoices first. The transfer may fall short of their total by a fee within the
 * tolerance, or by the withholding they declare (then every invoice of the set is paid net).
 */

export interface Payable {
  readonly id: string;
  readonly balance: number;
  /** Withholding the client may deduct from this balance (0 when none). */
  readonly withholding: number;
}

export interface Combination<T extends Payable> {
  readonly invoices: readonly T[];
  /** The transfer short of the (net) total: the fee the payer deducted; 0 when exact. */
  readonly fee: number;
  /** Whether the invoices are paid net of their withholding. */
  readonly net: boolean;
}

export interface CombinationLimits {
  /** At most this many invoices in one transfer. */
  readonly maxCount: number;
  /** Only the first this many invoices (oldest first, as given) are tried. */
  readonly pool: number;
  readonly feeTolerance: number;
}

/**
 * The best set of two to `maxCount` invoices (given oldest first) adding up to `amount`: the
 * fewest invoices, then no fee before a fee, gross before net, then the smallest fee, then the
 * oldest. Null when none fits.
 */
export function findCombination<T extends Payable>(
  amount: number,
  invoices: readonly T[],
  limits: CombinationLimits,
): Combination<T> | null {
  const pool = invoices.slice(0, limits.pool).filter((i) => i.balance > 0);
  for (let count = 2; count <= Math.min(limits.maxCount, pool.length); count++) {
    let best: Combination<T> | null = null;
    for (const net of [false, true]) {
      const due = pool.map((i) => (net ? i.balance - i.withholding : i.balance));
      if (net && pool.every((i) => i.withholding === 0)) continue;
      search(due, count, amount, limits.feeTolerance, (picked, total) => {
        const candidate = { invoices: picked.map((k) => pool[k] as T), fee: total - amount, net };
        if (!best || better(candidate, best)) best = candidate;
      });
    }
    if (best) return best;
  }
  return null;
}

function better<T extends Payable>(a: Combination<T>, b: Combination<T>): boolean {
  if ((a.fee === 0) !== (b.fee === 0)) return a.fee === 0;
  if (a.net !== b.net) return !a.net;
  return a.fee < b.fee;
}

/**
 * Every set of `count` indexes whose amounts total between `amount` and `amount + tolerance`,
 * in index order (so the first found for a total is the oldest). Prunes a branch as soon as its
 * total passes the upper bound (amounts are positive).
 */
function search(
  due: readonly number[],
  count: number,
  amount: number,
  tolerance: number,
  found: (picked: number[], total: number) => void,
): void {
  const picked: number[] = [];
  const walk = (start: number, total: number) => {
    if (picked.length === count) {
      if (total >= amount) found([...picked], total);
      return;
    }
    for (let k = start; k <= due.length - (count - picked.length); k++) {
      const next = total + (due[k] ?? 0);
      if (next > amount + tolerance) continue;
      picked.push(k);
      walk(k + 1, next);
      picked.pop();
    }
  };
  walk(0, 0);
}
