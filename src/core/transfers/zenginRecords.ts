/**
 * The four records of a 全銀協 総合振込 file (種別コード 21), 120 single-byte characters each.
 *
 * Layout: 全国銀行協会「全銀協パーソナル・コンピュータ用標準通信プロトコル(ベーシック手順)
 * 適用業務およびレコード・フォーマット」(令和元年12月) §8 総合振込, as published by banks, e.g.
 * 群馬銀行「全銀協制定ファイルフォーマット【総合振込】」
 * (https://www.gunmabank.co.jp/hojin/biznb/service/pdf/z_format1.pdf). N fields are digits,
 * right-aligned and zero-filled; C fields are left-aligned and space-filled. Positions (1-based):
 *
 * 1 header   1 データ区分 "1" | 2–3 種別コード "21" | 4 コード区分 "0" (JIS) | 5–14 依頼人コード N10 |
 *            15–54 依頼人名 C40 | 55–58 振込指定日 MMDD | 59–62 仕向銀行番号 N4 | 63–77 仕向銀行名 C15 |
 *            78–80 仕向支店番号 N3 | 81–95 仕向支店名 C15 | 96 預金種目 N1 | 97–103 口座番号 N7 |
 *            104–120 ダミー C17
 * 2 data     1 "2" | 2–5 被仕向銀行番号 N4 | 6–20 被仕向銀行名 C15 | 21–23 被仕向支店番号 N3 |
 *            24–38 被仕向支店名 C15 | 39–42 手形交換所番号 N4 | 43 預金種目 N1 | 44–50 口座番号 N7 |
 *            51–80 受取人名 C30 | 81–90 振込金額 N10 | 91 新規コード N1 | 92–101 顧客コード1 N10 |
 *            102–111 顧客コード2 N10 | 112 振込指定区分 N1 | 113 識別表示 C1 | 114–120 ダミー C7
 * 8 trailer  1 "8" | 2–7 合計件数 N6 | 8–19 合計金額 N12 | 20–120 ダミー C101
 * 9 end      1 "9" | 2–120 ダミー C119
 *
 * Fields Pokke has no value for are written as the standard's empty value for their type, which
 * every bank accepts: 手形交換所番号 "0000" (未使用, 0とする), 新規コード "0" (その他), 顧客コード
 * zeros (N in the standard, though some banks read C), 振込指定区分 "0" (several banks treat the
 * field as unused and require 0; telegraphic transfer is their default), 識別表示 " " (no EDI).
 */

export const RECORD_LENGTH = 120;
export const CRLF = '\r\n';

/** 預金種目 codes: 1 普通, 2 当座, 4 貯蓄. The requester's own account may only be 普通 or 当座. */
export type AccountTypeCode = '1' | '2' | '4';

/** The fields of a header record, already validated (digits; bank kana). */
export interface HeaderFields {
  requesterCode: string;
  requesterName: string;
  /** MMDD */
  transferDate: string;
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: AccountTypeCode;
  accountNumber: string;
}

export interface DataFields {
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: AccountTypeCode;
  accountNumber: string;
  holder: string;
  amount: number;
}

/** N(width): digits, right-aligned, zero-filled. */
function numeric(value: string | number, width: number): string {
  const digits = String(value);
  if (!/^\d+$/.test(digits) || digits.length > width) {
    throw new RangeError(`zengin: ${JSON.stringify(digits)} is not an N(${width}) value`);
  }
  return digits.padStart(width, '0');
}

/** C(width): left-aligned, space-filled. */
function chars(value: string, width: number): string {
  if (value.length > width) {
    throw new RangeError(`zengin: ${JSON.stringify(value)} is longer than C(${width})`);
  }
  return value.padEnd(width, ' ');
}

function record(fields: readonly string[]): string {
  const line = fields.join('');
  if (line.length !== RECORD_LENGTH) {
    throw new RangeError(`zengin: a record of ${line.length} characters`);
  }
  return line;
}

export function headerRecord(h: HeaderFields): string {
  return record([
    '1',
    '21',
    '0',
    numeric(h.requesterCode, 10),
    chars(h.requesterName, 40),
    numeric(h.transferDate, 4),
    numeric(h.bankCode, 4),
    chars(h.bankName, 15),
    numeric(h.branchCode, 3),
    chars(h.branchName, 15),
    h.accountType,
    numeric(h.accountNumber, 7),
    chars('', 17),
  ]);
}

export function dataRecord(d: DataFields): string {
  return record([
    '2',
    numeric(d.bankCode, 4),
    chars(d.bankName, 15),
    numeric(d.branchCode, 3),
    chars(d.branchName, 15),
    numeric(0, 4),
    d.accountType,
    numeric(d.accountNumber, 7),
    chars(d.holder, 30),
    numeric(d.amount, 10),
    '0',
    numeric(0, 10),
    numeric(0, 10),
    '0',
    ' ',
    chars('', 7),
  ]);
}

export function trailerRecord(count: number, total: number): string {
  return record(['8', numeric(count, 6), numeric(total, 12), chars('', 101)]);
}

export function endRecord(): string {
  return record(['9', chars('', 119)]);
}

/** The largest values the fields hold. */
export const MAX_AMOUNT = 9_999_999_999;
export const MAX_TOTAL = 999_999_999_999;
export const MAX_COUNT = 999_999;
