/**
 * Money is whole yen in integer arithmetic (`100000 * 1.1` is `110000.00000000001`).
 * Every amount is a safe integer; every division goes through `divideRounded`, which is exact.
 */
import { HYPHEN_CLASS, stripSpaces, toHalfWidth } from './normalize';
import { type Text, text } from './text';

export type RoundingMethod = 'floor' | 'round' | 'ceil';

export type YenParse =
  | { ok: true; yen: number }
  | { ok: false; reason: 'empty' | 'notInteger' | 'format' | 'tooLarge' | 'type'; message: Text };

const MESSAGES = {
  empty: text('金額が入力されていません', 'No amount entered'),
  notInteger: text('金額は1円単位の整数で入力してください', 'Amounts must be whole yen'),
  format: text(
    '金額として読み取れません（例: 12,000、¥12,000、12000円、△500）',
    'Not an amount (e.g. 12,000, ¥12,000, 12000円, △500)',
  ),
  tooLarge: text('金額が大きすぎます', 'The amount is too large'),
  type: text('金額として読み取れない値です', 'This value cannot be read as an amount'),
} as const;

function fail(reason: keyof typeof MESSAGES): YenParse {
  return { ok: false, reason, message: MESSAGES[reason] };
}

// Leading sign: ASCII/Unicode minus and hyphens, or the Japanese negative marks △ ▲ (and ▵ ▴).
const NEGATIVE = new RegExp(`^[${HYPHEN_CLASS}△▲▵▴]`);
// ¥ U+00A5, ￥ U+FFE5 (outside the full-width ASCII block), and the backslash, which Japanese fonts draw as ¥.
const CURRENCY = /^[¥\uffe5\\]|円$/g;

/**
 * Reads an amount from a cell.
 * - numbers: integers only (a fraction is refused with its own reason, never rounded silently);
 * - strings: `12,000`, `¥12,000`, `￥12,000`, `12,000円`, `１２，０００`, `-500`, `△500`, `▲500`,
 *   `¥-500`, `-¥500`, `+500`, `1,000.00` (a zero fraction only). Commas must group by thousands.
 * Blank cells are `empty`.
 */
export function parseYen(cell: unknown): YenParse {
  if (cell === null || cell === undefined) return fail('empty');
  if (typeof cell === 'bigint') {
    if (cell > BigInt(Number.MAX_SAFE_INTEGER) || cell < -BigInt(Number.MAX_SAFE_INTEGER)) {
      return fail('tooLarge');
    }
    return { ok: true, yen: Number(cell) };
  }
  if (typeof cell === 'number') return fromNumber(cell);
  if (typeof cell !== 'string') return fail('type');

  let s = stripSpaces(toHalfWidth(cell));
  if (s === '') return fail('empty');
  let negative = false;
  // Sign and currency mark may come in either order: -¥500, ¥-500, △¥500.
  for (let i = 0; i < 2; i++) {
    s = s.replace(CURRENCY, '');
    if (NEGATIVE.test(s)) {
      if (negative) return fail('format');
      negative = true;
      s = s.slice(1);
    } else if (s.startsWith('+')) {
      s = s.slice(1);
    }
  }
  s = s.replace(CURRENCY, '');
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(s);
  if (!m || m[1] === undefined) return fail('format');
  if (m[2] !== undefined && /[1-9]/.test(m[2])) return fail('notInteger');
  const digits = m[1].replace(/,/g, '');
  const yen = Number(digits);
  if (!Number.isSafeInteger(yen)) return fail('tooLarge');
  return { ok: true, yen: negative && yen !== 0 ? -yen : yen };
}

function fromNumber(n: number): YenParse {
  if (!Number.isFinite(n)) return fail('type');
  if (!Number.isInteger(n)) return fail('notInteger');
  if (!Number.isSafeInteger(n)) return fail('tooLarge');
  return { ok: true, yen: n === 0 ? 0 : n };
}

/** `1234567` → `'1,234,567'`; negatives as `-1,234`, or with `△`/`▲` when asked. */
export function formatYen(yen: number, options: { negativeSign?: '-' | '△' | '▲' } = {}): string {
  assertYen(yen, 'formatYen');
  const digits = String(Math.abs(yen)).replace(/\B(?=(\d{3})+$)/g, ',');
  return yen < 0 ? `${options.negativeSign ?? '-'}${digits}` : digits;
}

/** Throws when `value` is not a safe integer: amounts reaching core/ are parsed already. */
export function assertYen(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what}: amounts must be whole yen (safe integers), got ${value}`);
  }
}

/**
 * `numerator / denominator` rounded to an integer, exactly (integer arithmetic, no float error).
 *
 * The methods act on the magnitude, the way Japanese invoices and tax rules mean them:
 * - `floor` 切り捨て: toward zero. A credit line of −1,235 yen at 10% gives −123 yen of tax,
 *   the exact mirror of the +1,235 yen line, not −124 (which mathematical floor would give).
 * - `ceil` 切り上げ: away from zero.
 * - `round` 四捨五入: to the nearest, halves away from zero.
 * The denominator must be a positive integer.
 */
export function divideRounded(
  numerator: number,
  denominator: number,
  method: RoundingMethod,
): number {
  if (!Number.isSafeInteger(numerator)) {
    throw new RangeError(`divideRounded: numerator must be a safe integer, got ${numerator}`);
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(
      `divideRounded: denominator must be a positive integer, got ${denominator}`,
    );
  }
  const sign = numerator < 0 ? -1 : 1;
  const abs = Math.abs(numerator);
  // Math.floor(abs / d) may be off by one for huge values: correct it with exact remainders.
  let q = Math.floor(abs / denominator);
  let r = abs - q * denominator;
  while (r < 0) {
    q -= 1;
    r += denominator;
  }
  while (r >= denominator) {
    q += 1;
    r -= denominator;
  }
  let result = q;
  if (method === 'ceil' && r > 0) result = q + 1;
  else if (method === 'round' && 2 * r >= denominator) result = q + 1;
  return result === 0 ? 0 : sign * result;
}

/** The issuer's rounding setting as a function: `rounding('floor')(3705 * 10, 100)` → 370. */
export function rounding(
  method: RoundingMethod,
): (numerator: number, denominator: number) => number {
  return (numerator, denominator) => divideRounded(numerator, denominator, method);
}

/** `amount × numerator / denominator`, rounded once, with an overflow check. */
export function mulDivRounded(
  amount: number,
  numerator: number,
  denominator: number,
  method: RoundingMethod,
): number {
  const product = amount * numerator;
  if (!Number.isSafeInteger(product)) {
    throw new RangeError(
      `mulDivRounded: ${amount} × ${numerator} is too large for exact arithmetic`,
    );
  }
  return divideRounded(product, denominator, method);
}
