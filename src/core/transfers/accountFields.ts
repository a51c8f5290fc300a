/**
 * The account fields of a payable or of the owner's settings, read from what a cell holds: codes
 * and numbers as digits (a sheet may have turned 0005 into the number 5), the account type by name.
 */
import { toHalfWidth } from '../normalize';
import { type Text, text } from '../text';
import type { AccountTypeCode } from './zenginRecords';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: Text };

const ACCOUNT_TYPES: Readonly<Record<string, AccountTypeCode>> = {
  普通: '1',
  普通預金: '1',
  当座: '2',
  当座預金: '2',
  貯蓄: '4',
  貯蓄預金: '4',
};

/** The account types the owner's own account (the header's 預金種目) may have. */
const REQUESTER_TYPES: readonly AccountTypeCode[] = ['1', '2'];

/**
 * Up to `width` digits, zero-filled on the left as the N field writes them: `5` and `'0005'` are
 * both bank code 0005. Full-width digits and surrounding spaces are accepted.
 */
export function parseDigits(cell: unknown, width: number, field: Text): Parsed<string> {
  const raw =
    typeof cell === 'number' && Number.isSafeInteger(cell) && cell >= 0
      ? String(cell)
      : typeof cell === 'string'
        ? toHalfWidth(cell).trim()
        : '';
  if (raw === '') {
    return {
      ok: false,
      message: text(`${field.ja}が入力されていません`, `${field.en} is missing`),
    };
  }
  if (!/^\d+$/.test(raw) || raw.length > width) {
    return {
      ok: false,
      message: text(
        `${field.ja}は${width}桁までの数字で入力してください(「${raw}」)`,
        `${field.en} must be up to ${width} digits ("${raw}")`,
      ),
    };
  }
  return { ok: true, value: raw.padStart(width, '0') };
}

/** 普通 / 当座 / 貯蓄 (or 普通預金 …) as the 預金種目 code; the owner's own account is 普通 or 当座. */
export function parseAccountType(
  cell: unknown,
  field: Text,
  options: { requester?: boolean } = {},
): Parsed<AccountTypeCode> {
  const name = typeof cell === 'string' ? cell.trim() : '';
  const code = ACCOUNT_TYPES[name];
  const allowed = options.requester ? REQUESTER_TYPES : Object.values(ACCOUNT_TYPES);
  if (code !== undefined && allowed.includes(code)) return { ok: true, value: code };
  const names = options.requester ? '普通・当座' : '普通・当座・貯蓄';
  const namesEn = options.requester ? '普通 or 当座' : '普通, 当座 or 貯蓄';
  return {
    ok: false,
    message: text(
      `${field.ja}は${names}のいずれかです(「${name}」)`,
      `${field.en} must be ${namesEn} ("${name}")`,
    ),
  };
}
