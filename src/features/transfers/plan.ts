/**
 * The transfer file of the 未払 rows for a date, with the bank and branch names the owner
 * confirms: what the sidebar previews and what creating writes are built here, the same way.
 */

import type {
  BankNames,
  MadeTransferFile,
  MonthWithholding,
  TransferPreview,
  TransferPreviewLine,
} from '../../core/contracts/transfers';
import { type DateKey, dateKey, dateParts } from '../../core/dates';
import { type Text, text } from '../../core/text';
import { parseDigits } from '../../core/transfers/accountFields';
import { type BankDirectoryData, lookupBranch } from '../../core/transfers/bankDirectory';
import { checkTransferDate } from '../../core/transfers/transferDate';
import {
  buildTransferFile,
  type Payable,
  type Requester,
  type TransferFileResult,
} from '../../core/transfers/transferFile';
import { withholdingForMonth } from '../../core/transfers/withholdingDue';
import { cellDateKey, cellText } from '../../sheets/cells';
import { FILE_MADE, PAID, type PayableRow, type PayablesBook } from './payablesBook';

interface Named {
  readonly names: BankNames;
  /** Kana for the file's optional name fields. */
  readonly bankKana?: string;
  readonly branchKana?: string;
  readonly problem: Text | null;
}

const NO_NAMES: Named = { names: { bank: null, branch: null }, problem: null };

/** The directory's names for the codes; a code the directory lacks is a problem to show. */
function named(directory: BankDirectoryData | null, bankCode: unknown, branchCode: unknown): Named {
  if (!directory) return NO_NAMES;
  const field = text('', '');
  const bank = parseDigits(bankCode, 4, field);
  const branch = parseDigits(branchCode, 3, field);
  // Codes that are not digits are refused by the file's own checks.
  if (!bank.ok || !branch.ok) return NO_NAMES;
  const found = lookupBranch(directory, bank.value, branch.value);
  if (!found.ok) return { ...NO_NAMES, problem: found.message };
  return {
    names: { bank: found.bank.name, branch: found.branch.name },
    bankKana: found.bank.kana,
    branchKana: found.branch.kana,
    problem: null,
  };
}

export interface TransferPlan {
  readonly transferDate: DateKey;
  readonly today: DateKey;
  readonly result: TransferFileResult;
  readonly rows: readonly PayableRow[];
  readonly names: ReadonlyMap<number, BankNames>;
  readonly requesterNames: BankNames;
  /** Codes the directory lacks (the bank may know them: a warning, not a refusal). */
  readonly directoryWarnings: readonly Text[];
  readonly directoryDate: string;
}

/** The file the 未払 rows make for `transferDate`, seen on `today`. */
export function planTransfer(
  book: PayablesBook,
  directory: BankDirectoryData | null,
  transferDate: DateKey,
  today: DateKey,
): TransferPlan {
  const warnings: Text[] = [];
  const own = named(directory, book.requester.bankCode, book.requester.branchCode);
  if (own.problem) {
    warnings.push(text(`振込元の口座: ${own.problem.ja}`, `Your account: ${own.problem.en}`));
  }
  const requester: Requester = {
    ...book.requester,
    ...(own.bankKana ? { bankName: own.bankKana } : {}),
    ...(own.branchKana ? { branchName: own.branchKana } : {}),
  };
  const names = new Map<number, BankNames>();
  const payables: Payable[] = book.toPay.map(({ payable }) => {
    const found = named(directory, payable.bankCode, payable.branchCode);
    names.set(payable.row, found.names);
    if (found.problem) {
      warnings.push(
        text(
          `${payable.row}行目(${payable.payee}): ${found.problem.ja}`,
          `Row ${payable.row} (${payable.payee}): ${found.problem.en}`,
        ),
      );
    }
    return {
      ...payable,
      ...(found.bankKana ? { bankName: found.bankKana } : {}),
      ...(found.branchKana ? { branchName: found.branchKana } : {}),
    };
  });
  if (!directory) {
    warnings.push(
      text(
        '金融機関の一覧を読めなかったため、銀行・支店コードを確認していません',
        'The bank directory could not be read: bank and branch codes were not checked',
      ),
    );
  }
  return {
    transferDate,
    today,
    result: buildTransferFile({ requester, transferDate, today, payables }),
    rows: book.toPay,
    names,
    requesterNames: own.names,
    directoryWarnings: warnings,
    directoryDate: directory?.updatedAt ?? '',
  };
}

/**
 * 源泉所得税 of the transfer date's month: the rows already in a file with a transfer date in
 * that month, plus `more` (this file's).
 */
export function monthWithholding(
  book: PayablesBook,
  transferDate: DateKey,
  more: number,
): MonthWithholding {
  const { year, month } = dateParts(transferDate);
  const payments = book.table.rows.flatMap((r) => {
    const status = cellText(r.values.status);
    const paidOn = cellDateKey(r.values.transferDate);
    const withholding = r.values.withheld;
    if ((status !== FILE_MADE && status !== PAID) || !paidOn) return [];
    if (typeof withholding !== 'number' || !Number.isSafeInteger(withholding)) return [];
    return [{ paidOn, withholding }];
  });
  if (more > 0) payments.push({ paidOn: transferDate, withholding: more });
  const result = withholdingForMonth(payments, year, month);
  return {
    month: dateKey(year, month, 1).slice(0, 7),
    total: result.total,
    dueDate: result.dueDate,
  };
}

/** Files made earlier whose rows still carry the mark, newest transfer date first. */
export function madeFiles(book: PayablesBook): MadeTransferFile[] {
  const byName = new Map<string, MadeTransferFile>();
  for (const r of book.table.rows) {
    if (cellText(r.values.status) !== FILE_MADE) continue;
    const fileName = cellText(r.values.file);
    if (fileName === '') continue;
    const date = cellDateKey(r.values.transferDate) ?? '';
    const amount = typeof r.values.transferAmount === 'number' ? r.values.transferAmount : 0;
    const seen = byName.get(fileName);
    byName.set(fileName, {
      fileName,
      transferDate: seen?.transferDate || date,
      count: (seen?.count ?? 0) + 1,
      total: (seen?.total ?? 0) + amount,
    });
  }
  // YYYY-MM-DD sorts as text.
  return [...byName.values()].sort(
    (a, b) => b.transferDate.localeCompare(a.transferDate) || a.fileName.localeCompare(b.fileName),
  );
}

/** The sidebar's view of a plan. Nothing is written. */
export function toPreview(plan: TransferPlan, book: PayablesBook): TransferPreview {
  const date = checkTransferDate(plan.transferDate, plan.today);
  const { result } = plan;
  const lines: TransferPreviewLine[] = result.ok
    ? result.file.lines.map((line, i) => {
        const row = plan.rows[i]!;
        return {
          row: line.row,
          payee: line.payee,
          bankCode: cellText(row.payable.bankCode),
          branchCode: cellText(row.payable.branchCode),
          names: plan.names.get(line.row) ?? { bank: null, branch: null },
          accountType: row.payable.accountType,
          accountNumber: cellText(row.payable.accountNumber),
          holder: line.holder,
          dueDate: row.dueDate ?? '',
          amount: line.amount,
          withholding: line.withholding,
          transfer: line.transfer,
        };
      })
    : [];
  const withholdingTotal = result.ok ? result.file.withholdingTotal : 0;
  return {
    transferDate: plan.transferDate,
    dateProblem: date.ok ? null : { message: date.message, suggestion: date.suggestion },
    lines,
    rows: plan.rows.map((r) => r.rowNumber),
    count: result.ok ? result.file.count : 0,
    total: result.ok ? result.file.total : 0,
    withholdingTotal,
    month: monthWithholding(book, plan.transferDate, withholdingTotal),
    warnings: [...plan.directoryWarnings, ...(result.ok ? result.file.warnings : [])],
    problems: result.ok ? [] : [...result.problems],
    requester: plan.requesterNames,
    directoryDate: plan.directoryDate,
    made: madeFiles(book),
  };
}
