/**
 * A bank statement into 入出金明細: the lines read from the file (all or nothing), only those not
 * stored yet (the same file twice, or an overlapping period, adds nothing twice), appended in one
 * write. Money in waits as 未照合; money out is 対象外. Clients without 振込名義カナ get the one
 * their name gives, where it gives one.
 */
import { tokyoInstant } from '../../core/dates';
import { formatYen } from '../../core/money';
import { type CsvHeader, newLinesOnly, readStatement, suggestPayerKana } from '../../core/payments';
import { joinTexts, type Text, text, UserError } from '../../core/text';
import { textCell } from '../../sheets/cells';
import { CLIENTS_SHEET, STATEMENT_SHEET } from '../../sheets/schema';
import { appendRecords, writeColumn } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import {
  IGNORED,
  type PaymentBook,
  readPaymentBook,
  type StatementKey,
  UNMATCHED,
} from './paymentBook';

export interface ImportResult {
  readonly added: number;
  readonly moneyIn: number;
  readonly alreadyThere: number;
  readonly bank: Text;
  readonly message: Text;
}

/** The file's header matches no bank Pokke knows nor any the owner mapped: nothing imported. */
export interface LayoutNeeded extends CsvHeader {
  readonly layoutNeeded: true;
  readonly message: Text;
}

/**
 * Imports the statement; a file whose header no layout fits comes back as `LayoutNeeded` (with
 * its header row) for the owner to map, every other unreadable file throws a UserError.
 */
export function importStatement(
  tables: WorkbookTables,
  decoded: string,
): ImportResult | LayoutNeeded {
  const book = readPaymentBook(tables);
  const read = readStatement(decoded, { ownerLayouts: book.ownerLayouts });
  if (!read.ok && read.unknownHeader) {
    return { layoutNeeded: true, ...read.unknownHeader, message: joinTexts(read.problems) };
  }
  if (!read.ok) throw UserError.of(read.problems);
  const fresh = newLinesOnly(book.lines, read.lines);
  appendGrown(
    book.statement,
    fresh.map((line) => ({
      date: tokyoInstant(line.date),
      amount: line.amount,
      description: textCell(line.description),
      bankBalance: line.balance ?? '',
      status: line.amount > 0 ? UNMATCHED : IGNORED,
      lineKey: textCell(line.key),
      message: line.amount > 0 ? '' : '出金',
    })),
  );
  tables.forget(STATEMENT_SHEET);
  if (prefillPayerKana(book)) tables.forget(CLIENTS_SHEET);
  const moneyIn = fresh.filter((l) => l.amount > 0).length;
  const alreadyThere = read.lines.length - fresh.length;
  return {
    added: fresh.length,
    moneyIn,
    alreadyThere,
    bank: read.bank,
    message: importMessage(read.bank, fresh.length, moneyIn, alreadyThere),
  };
}

/**
 * Appends below the data after adding as many rows to the sheet, whether or not it had room:
 * one call more than appending into room, but the same calls for 10 lines or 5,000.
 */
function appendGrown(
  table: PaymentBook['statement'],
  records: Parameters<typeof appendRecords<StatementKey>>[1],
): void {
  if (records.length === 0) return;
  const maxRows = table.maxRows ?? table.sheet.getMaxRows();
  table.sheet.insertRowsAfter(maxRows, records.length);
  appendRecords({ ...table, maxRows: maxRows + records.length }, records);
}

/** 振込名義カナ for clients that have none and whose name gives one (one write). */
function prefillPayerKana(book: PaymentBook): boolean {
  const updates = new Map<number, unknown>();
  for (const client of book.clients) {
    if (client.payerKana !== '') continue;
    const kana = suggestPayerKana(client.name);
    if (kana) updates.set(client.row, textCell(kana));
  }
  writeColumn(book.clientTable, 'payerKana', updates);
  return updates.size > 0;
}

function importMessage(bank: Text, added: number, moneyIn: number, already: number): Text {
  const n = (v: number) => formatYen(v);
  if (added === 0) {
    return text(
      `${bank.ja}の明細はすべて取り込み済みです(${n(already)}行)。追加はありません`,
      `Every line of this ${bank.en} statement is already in (${n(already)}); nothing added`,
    );
  }
  return text(
    `${bank.ja}の明細を${n(added)}行取り込みました(うち入金${n(moneyIn)}件)${already > 0 ? `。取り込み済みの${n(already)}行は追加していません` : ''}`,
    `${n(added)} line(s) of the ${bank.en} statement imported (${n(moneyIn)} money in)${already > 0 ? `; ${n(already)} already there were left out` : ''}`,
  );
}
