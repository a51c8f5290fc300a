/**
 * A 全銀協 総合振込 file from the payables to pay: withholding deducted per payee, every field
 * checked, and the file refused as a whole (each bad row named) when anything cannot be written,
 * so no half-made file ever reaches the bank.
 */
import type { DateKey } from '../dates';
import { formatYen } from '../money';
import { joinTexts, type Text, text } from '../text';
import { withholdingTax } from '../withholding';
import { type Parsed, parseAccountType, parseDigits } from './accountFields';
import { toBankKana } from './bankKana';
import { checkTransferDate, transferDateField } from './transferDate';
import { withholdingDueDate } from './withholdingDue';
import {
  CRLF,
  type DataFields,
  dataRecord,
  endRecord,
  type HeaderFields,
  headerRecord,
  MAX_AMOUNT,
  MAX_COUNT,
  MAX_TOTAL,
  trailerRecord,
} from './zenginRecords';

/** The owner's own account and the codes the bank gave (settings). */
export interface Requester {
  /** 依頼人コード (委託者コード): up to 10 digits, given by the bank. */
  readonly code: string | number;
  /** 依頼人名, in kana (converted to the bank's half-width set). */
  readonly name: string;
  readonly bankCode: string | number;
  readonly branchCode: string | number;
  /** 仕向銀行名 / 仕向支店名 in kana, e.g. from the bank directory; optional in the format. */
  readonly bankName?: string;
  readonly branchName?: string;
  /** 普通 or 当座. */
  readonly accountType: string;
  readonly accountNumber: string | number;
}

/** One row of the payables sheet to pay. */
export interface Payable {
  /** The sheet row, for messages. */
  readonly row: number;
  /** 支払先 as written in the sheet, for messages. */
  readonly payee: string;
  readonly bankCode: string | number;
  readonly branchCode: string | number;
  /** 被仕向銀行名 / 被仕向支店名 in kana, e.g. from the bank directory; optional in the format. */
  readonly bankName?: string;
  readonly branchName?: string;
  /** 普通, 当座 or 貯蓄. */
  readonly accountType: string;
  readonly accountNumber: string | number;
  /** 口座名義, in kana. */
  readonly holder: string;
  /** The amount owed, before withholding (yen). */
  readonly amount: number;
  /** Whether 源泉徴収 applies (fees to individuals). */
  readonly withholding: boolean;
  /**
   * The base of the withholding when it is not the whole amount: the fee without consumption tax
   * when the invoice shows the tax separately (平成元年直法6-1; see core/withholding.ts).
   */
  readonly withholdingBase?: number;
}

/** What one payee receives, reported beside the row. */
export interface TransferLine {
  readonly row: number;
  readonly payee: string;
  /** The 口座名義 as written in the file. */
  readonly holder: string;
  readonly amount: number;
  readonly withholding: number;
  /** amount − withholding: the 振込金額. */
  readonly transfer: number;
}

export interface TransferFile {
  readonly fileName: string;
  /** The records, 120 characters each: header, one per payee, trailer, end. */
  readonly records: readonly string[];
  /** The records, each followed by CRLF. Encode with toShiftJis. */
  readonly content: string;
  readonly lines: readonly TransferLine[];
  readonly count: number;
  /** The trailer's 合計金額: the sum of the transfers. */
  readonly total: number;
  /** 源泉所得税 withheld in this file. */
  readonly withholdingTotal: number;
  /** When that tax is due: the 10th of the next month, or the next business day. */
  readonly withholdingDueDate: DateKey;
  /** Things to look at before sending, which do not stop the file (the same account paid twice). */
  readonly warnings: readonly Text[];
}

export interface TransferProblem {
  /** The payables row, or null for the settings and the date. */
  readonly row: number | null;
  readonly message: Text;
}

export type TransferFileResult =
  | { ok: true; file: TransferFile }
  | { ok: false; message: Text; problems: readonly TransferProblem[] };

export interface TransferFileInput {
  readonly requester: Requester;
  readonly transferDate: DateKey;
  /** Today in Japan: a transfer date before it is refused. */
  readonly today: DateKey;
  readonly payables: readonly Payable[];
}

const F = {
  requesterCode: text('依頼人コード', 'Requester code'),
  requesterName: text('依頼人名', 'Requester name'),
  ownBankCode: text('振込元の銀行コード', 'Your bank code'),
  ownBranchCode: text('振込元の支店コード', 'Your branch code'),
  ownBankName: text('振込元の銀行名', 'Your bank name'),
  ownBranchName: text('振込元の支店名', 'Your branch name'),
  ownAccountType: text('振込元の預金種目', 'Your account type'),
  ownAccountNumber: text('振込元の口座番号', 'Your account number'),
  bankCode: text('銀行コード', 'Bank code'),
  branchCode: text('支店コード', 'Branch code'),
  bankName: text('銀行名', 'Bank name'),
  branchName: text('支店名', 'Branch name'),
  accountType: text('預金種目', 'Account type'),
  accountNumber: text('口座番号', 'Account number'),
  holder: text('口座名義', 'Account holder'),
} as const;

/** Collects the messages of the fields read for one row or for the settings. */
class Checks {
  readonly messages: Text[] = [];

  take<T>(parsed: Parsed<T>, fallback: T): T {
    if (parsed.ok) return parsed.value;
    this.messages.push(parsed.message);
    return fallback;
  }

  fail(message: Text): void {
    this.messages.push(message);
  }
}

/** A name the bank matches (依頼人名, 口座名義): required, refused when too long. */
function name(value: string, field: Text, maxLength: number) {
  return toBankKana(value, field, { maxLength, required: true });
}

/** A bank or branch name: optional, and cut to the field, since the code identifies it. */
function bankName(value: string | undefined, field: Text) {
  return toBankKana(value ?? '', field, { maxLength: 15, overflow: 'cut' });
}

function readRequester(r: Requester, transferDate: DateKey, checks: Checks): HeaderFields {
  return {
    requesterCode: checks.take(parseDigits(r.code, 10, F.requesterCode), ''),
    requesterName: checks.take(name(r.name, F.requesterName, 40), ''),
    transferDate: transferDateField(transferDate),
    bankCode: checks.take(parseDigits(r.bankCode, 4, F.ownBankCode), ''),
    bankName: checks.take(bankName(r.bankName, F.ownBankName), ''),
    branchCode: checks.take(parseDigits(r.branchCode, 3, F.ownBranchCode), ''),
    branchName: checks.take(bankName(r.branchName, F.ownBranchName), ''),
    accountType: checks.take(
      parseAccountType(r.accountType, F.ownAccountType, { requester: true }),
      '1',
    ),
    accountNumber: checks.take(parseDigits(r.accountNumber, 7, F.ownAccountNumber), ''),
  };
}

function amountProblem(p: Payable): Text | null {
  if (!Number.isSafeInteger(p.amount) || p.amount <= 0) {
    return text(
      `支払額は1円以上の整数で入力してください(${String(p.amount)})`,
      `The amount must be a whole number of yen above zero (${String(p.amount)})`,
    );
  }
  const base = p.withholdingBase;
  if (
    p.withholding &&
    base !== undefined &&
    (!Number.isSafeInteger(base) || base < 0 || base > p.amount)
  ) {
    return text(
      `源泉徴収の対象額(${String(base)})が支払額を超えているか、整数ではありません`,
      `The amount subject to withholding (${String(base)}) is above the amount or not whole yen`,
    );
  }
  return null;
}

function readPayable(p: Payable, checks: Checks): { fields: DataFields; line: TransferLine } {
  // In the order of the sheet's columns, so the messages read left to right.
  const account = {
    bankCode: checks.take(parseDigits(p.bankCode, 4, F.bankCode), ''),
    bankName: checks.take(bankName(p.bankName, F.bankName), ''),
    branchCode: checks.take(parseDigits(p.branchCode, 3, F.branchCode), ''),
    branchName: checks.take(bankName(p.branchName, F.branchName), ''),
    accountType: checks.take(parseAccountType(p.accountType, F.accountType), '1'),
    accountNumber: checks.take(parseDigits(p.accountNumber, 7, F.accountNumber), ''),
    holder: checks.take(name(p.holder, F.holder, 30), ''),
  };
  const problem = amountProblem(p);
  if (problem) checks.fail(problem);
  const withholding = !problem && p.withholding ? withholdingTax(p.withholdingBase ?? p.amount) : 0;
  // Withholding is at most 20.42% of a base no larger than the amount: something is always left.
  const transfer = problem ? 0 : p.amount - withholding;
  if (transfer > MAX_AMOUNT) {
    checks.fail(
      text(
        `振込額${formatYen(transfer)}円は1件の上限(${formatYen(MAX_AMOUNT)}円)を超えています`,
        `The transfer of ${formatYen(transfer)} yen is above the limit of one record (${formatYen(MAX_AMOUNT)} yen)`,
      ),
    );
  }
  return {
    fields: { ...account, amount: transfer },
    line: {
      row: p.row,
      payee: p.payee,
      holder: account.holder,
      amount: p.amount,
      withholding,
      transfer,
    },
  };
}

function rowMessage(row: number, payee: string, messages: readonly Text[]): Text {
  return text(
    `${row}行目(${payee}): ${messages.map((m) => m.ja).join('、')}`,
    `Row ${row} (${payee}): ${messages.map((m) => m.en).join('; ')}`,
  );
}

function settingsMessage(messages: readonly Text[]): Text {
  return text(
    `振込元の設定: ${messages.map((m) => m.ja).join('、')}`,
    `Your account settings: ${messages.map((m) => m.en).join('; ')}`,
  );
}

/** Same bank, branch, type, account and amount twice in one file: probably paid twice. */
function duplicateWarnings(fields: readonly DataFields[], lines: readonly TransferLine[]): Text[] {
  const seen = new Map<string, TransferLine>();
  const warnings: Text[] = [];
  fields.forEach((f, i) => {
    const line = lines[i]!;
    const key = [f.bankCode, f.branchCode, f.accountType, f.accountNumber, f.amount].join(' ');
    const first = seen.get(key);
    if (!first) seen.set(key, line);
    else {
      warnings.push(
        text(
          `${line.row}行目と${first.row}行目は同じ口座に同じ額(${formatYen(line.transfer)}円)を振り込みます`,
          `Rows ${first.row} and ${line.row} transfer the same amount (${formatYen(line.transfer)} yen) to the same account`,
        ),
      );
    }
  });
  return warnings;
}

/** 総合振込 file name with the transfer date: furikomi_20260525.txt. */
export function transferFileName(transferDate: DateKey): string {
  return `furikomi_${transferDate.replace(/-/g, '')}.txt`;
}

/** The transfer file, or every reason it cannot be made. */
export function buildTransferFile(input: TransferFileInput): TransferFileResult {
  const problems: TransferProblem[] = [];

  const date = checkTransferDate(input.transferDate, input.today);
  if (!date.ok) problems.push({ row: null, message: date.message });

  const settings = new Checks();
  const header = readRequester(input.requester, input.transferDate, settings);
  if (settings.messages.length > 0) {
    problems.push({ row: null, message: settingsMessage(settings.messages) });
  }

  if (input.payables.length === 0) {
    problems.push({
      row: null,
      message: text('振込する支払がありません', 'There is nothing to pay'),
    });
  }
  if (input.payables.length > MAX_COUNT) {
    problems.push({
      row: null,
      message: text(
        `1つのファイルに入る振込は${formatYen(MAX_COUNT)}件までです`,
        `A file holds at most ${formatYen(MAX_COUNT)} transfers`,
      ),
    });
  }

  const fields: DataFields[] = [];
  const lines: TransferLine[] = [];
  for (const payable of input.payables) {
    const checks = new Checks();
    const read = readPayable(payable, checks);
    if (checks.messages.length > 0) {
      problems.push({
        row: payable.row,
        message: rowMessage(payable.row, payable.payee, checks.messages),
      });
    }
    fields.push(read.fields);
    lines.push(read.line);
  }

  const total = lines.reduce((sum, l) => sum + l.transfer, 0);
  if (total > MAX_TOTAL) {
    problems.push({
      row: null,
      message: text(
        `合計${formatYen(total)}円は1つのファイルの上限を超えています`,
        `The total of ${formatYen(total)} yen is above what one file can hold`,
      ),
    });
  }

  if (problems.length > 0) {
    return {
      ok: false,
      problems,
      message: joinTexts([
        text('振込データを作成できませんでした', 'The transfer file was not made'),
        ...problems.map((p) => p.message),
      ]),
    };
  }

  const records = [
    headerRecord(header),
    ...fields.map(dataRecord),
    trailerRecord(fields.length, total),
    endRecord(),
  ];
  return {
    ok: true,
    file: {
      fileName: transferFileName(input.transferDate),
      records,
      content: records.map((r) => r + CRLF).join(''),
      lines,
      count: fields.length,
      total,
      withholdingTotal: lines.reduce((sum, l) => sum + l.withholding, 0),
      withholdingDueDate: withholdingDueDate(input.transferDate),
      warnings: duplicateWarnings(fields, lines),
    },
  };
}
