/**
 * The owner's decisions on bank lines: settle the invoices chosen (a proposal, or another choice),
 * or mark the line 対象外. The 入出金明細 line is the record: its 消込先 says which invoices it
 * settled and by how much, and is written (and flushed) first. Everything else follows from those
 * records and is written again from all of them on every confirmation, so a run cut off half-way
 * is finished by the next and a line confirmed twice counts once:
 * - each invoice's 入金額 is the sum of what the lines settled; fully settled, it is 入金済 with
 *   the last line's date as 入金日 (the reminder ladder stops); in part, its 残高 is what is left;
 * - each transfer fee is a 支払手数料 row of 経費, written once (see feeExpenses.ts).
 * A payer name the matcher did not know is added to the client's 振込名義カナ, and a fee becomes
 * the client's いつもの振込手数料, so next month matches by itself.
 */

import type { ConfirmedPayment, PaymentDecision } from '../../core/contracts/payments';
import { tokyoDateKey, tokyoInstant } from '../../core/dates';
import { formatYen } from '../../core/money';
import {
  formatSettled,
  normalizePayerName,
  PayerIndex,
  parseSettled,
  type Settlement,
  settleLine,
} from '../../core/payments';
import { inLang, type Lang, type Text, text } from '../../core/text';
import { now } from '../../services/clock';
import { flushWorkbook } from '../../services/workbook';
import { cellText, textCell } from '../../sheets/cells';
import { CLIENTS_SHEET, INVOICES_SHEET, STATEMENT_SHEET } from '../../sheets/schema';
import { writeColumns } from '../../sheets/table';
import type { WorkbookTables } from '../../sheets/workbookTables';
import { recordTransferFees, type TransferFee } from './feeExpenses';
import {
  IGNORED,
  MATCHED,
  PAID,
  type PaymentBook,
  readPaymentBook,
  type StatementRecord,
  UNMATCHED,
} from './paymentBook';

export interface ConfirmOutcome {
  readonly confirmed: ConfirmedPayment[];
  readonly ignored: number;
  readonly unchanged: number;
  readonly problems: { lineKey: string; message: Text }[];
  readonly feesIn: 'expenses' | 'statement' | null;
}

const STATEMENT_WRITE = ['invoices', 'fee', 'message', 'status'] as const;

export function confirmPayments(
  tables: WorkbookTables,
  decisions: readonly PaymentDecision[],
  lang: Lang,
): ConfirmOutcome {
  const book = readPaymentBook(tables);
  const byKey = new Map(book.lines.map((l) => [l.key, l]));
  const balances = new Map(book.open.map((i) => [i.id, i.balance]));
  const statementUpdates = new Map<number, unknown[]>();
  const learned = new Map<string, string[]>();
  const usualFees = new Map<string, number>();
  const confirmed: ConfirmedPayment[] = [];
  const problems: { lineKey: string; message: Text }[] = [];
  let ignored = 0;
  let unchanged = 0;
  for (const decision of decisions) {
    const line = byKey.get(decision.lineKey);
    const problem = (message: Text) => problems.push({ lineKey: decision.lineKey, message });
    if (!line) {
      problem(
        text(
          'この明細は入出金明細にありません(削除されましたか)',
          'This line is not in 入出金明細 (was it deleted?)',
        ),
      );
      continue;
    }
    if (line.status !== UNMATCHED || statementUpdates.has(line.row)) {
      unchanged += 1;
      continue;
    }
    if (decision.action === 'ignore') {
      statementUpdates.set(line.row, ['', '', '', IGNORED]);
      ignored += 1;
      continue;
    }
    const chosen = decision.invoices.map((n) => book.invoiceByNumber.get(n));
    if (decision.invoices.length === 0 || chosen.some((i) => !i)) {
      problem(text('選んだ請求書が見つかりません', 'The invoices chosen cannot be found'));
      continue;
    }
    const invoices = chosen.filter((i) => i !== undefined);
    const clientKeys = new Set(invoices.map((i) => i.clientKey));
    if (clientKeys.size > 1) {
      problem(
        text(
          '1件の入金で消し込めるのは1つの取引先の請求書だけです',
          'One payment settles invoices of one client only',
        ),
      );
      continue;
    }
    const due = [...invoices]
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))
      .map((i) => ({ ...i, balance: balances.get(i.id) ?? 0 }));
    const settlement = settleLine(line.amount, due, book.feeTolerance);
    if (!settlement.ok) {
      problem(settlement.problem);
      continue;
    }
    for (const s of settlement.invoices) balances.set(s.id, s.remaining);
    statementUpdates.set(line.row, [
      textCell(formatSettled(settlement.invoices)),
      settlement.fee > 0 ? settlement.fee : '',
      inLang(settledMessage(settlement), lang),
      MATCHED,
    ]);
    const client = book.clients.find((c) => c.key === invoices[0]?.clientKey);
    if (client) {
      learnPayerName(book, client.key, line, learned);
      if (settlement.fee > 0) usualFees.set(client.key, settlement.fee);
    }
    confirmed.push({
      lineKey: line.key,
      client: client?.name ?? invoices[0]?.client ?? '',
      invoices: settlement.invoices.map((s) => ({ number: s.id, paid: s.remaining === 0 })),
      fee: settlement.fee,
    });
  }
  // The lines first: they are the record the rest is made from.
  writeColumns(book.statement, STATEMENT_WRITE, statementUpdates);
  flushWorkbook();
  tables.forget(STATEMENT_SHEET);
  const lines = book.lines.map((l) => {
    const u = statementUpdates.get(l.row);
    return u ? { ...l, settledCell: cellText(u[0]), fee: Number(u[1]) || 0, status: MATCHED } : l;
  });
  const matched = lines.filter(
    (l) => l.status === MATCHED && statementUpdates.get(l.row)?.[3] !== IGNORED,
  );
  projectInvoices(book, matched);
  tables.forget(INVOICES_SHEET);
  if (writeClientMemory(book, learned, usualFees)) tables.forget(CLIENTS_SHEET);
  const fees = transferFees(book, matched);
  const feesIn =
    fees.length > 0 ? recordTransferFees(tables, fees, { today: tokyoDateKey(now()), lang }) : null;
  return { confirmed, ignored, unchanged, problems, feesIn };
}

function settledMessage(s: Extract<Settlement, { ok: true }>): Text {
  const parts: Text[] = s.invoices.map((i) =>
    i.remaining === 0
      ? text(`${i.id} を入金済にしました`, `${i.id} paid`)
      : text(
          `${i.id} に一部入金(残り ${formatYen(i.remaining)}円)`,
          `${i.id} paid in part (${formatYen(i.remaining)} yen left)`,
        ),
  );
  if (s.fee > 0) {
    parts.push(text(`振込手数料 ${formatYen(s.fee)}円`, `transfer fee ${formatYen(s.fee)} yen`));
  }
  if (s.withholding > 0) {
    parts.push(
      text(`源泉徴収 ${formatYen(s.withholding)}円`, `withholding ${formatYen(s.withholding)} yen`),
    );
  }
  return text(parts.map((p) => p.ja).join('・'), parts.map((p) => p.en).join(', '));
}

/** The bank's payer name, added to the client's names when the matcher does not know it yet. */
function learnPayerName(
  book: PaymentBook,
  clientKey: string,
  line: StatementRecord,
  learned: Map<string, string[]>,
): void {
  const bankName = normalizePayerName(line.description);
  if (bankName === '') return;
  const known = book.payers.find((p) => p.key === clientKey)?.payerNames ?? [];
  const added = learned.get(clientKey) ?? [];
  const index = new PayerIndex([{ clientKey, names: [...known, ...added] }]);
  if (index.lookup(bankName).length > 0) return;
  learned.set(clientKey, [...added, bankName]);
}

/** 入金額, 残高, 入金日 and 状態 of every invoice the matched lines settled, from all of them. */
function projectInvoices(book: PaymentBook, matched: readonly StatementRecord[]): void {
  const paid = new Map<string, { sum: number; last: StatementRecord['date'] }>();
  for (const line of matched) {
    for (const s of parseSettled(line.settledCell)) {
      const held = paid.get(s.id);
      paid.set(s.id, {
        sum: (held?.sum ?? 0) + s.settled,
        last: held && held.last > line.date ? held.last : line.date,
      });
    }
  }
  const updates = new Map<number, unknown[]>();
  for (const row of book.invoices.rows) {
    const number = cellText(row.values.number);
    const p = paid.get(number);
    const invoice = book.invoiceByNumber.get(number);
    if (!p || !invoice) continue;
    const remaining = Math.max(invoice.billed - p.sum, 0);
    const status = cellText(row.values.status);
    updates.set(
      row.rowNumber,
      remaining === 0
        ? [p.sum, 0, tokyoInstant(p.last), PAID]
        : [p.sum, remaining, '', status === PAID ? '送付済' : status],
    );
  }
  // 状態 last: an invoice is 入金済 only once its figures are written.
  writeColumns(book.invoices, ['paidAmount', 'balance', 'paidDate', 'status'], updates);
}

/** Appends learned payer names to 振込名義カナ and sets いつもの振込手数料 (one write). */
function writeClientMemory(
  book: PaymentBook,
  learned: ReadonlyMap<string, readonly string[]>,
  usualFees: ReadonlyMap<string, number>,
): boolean {
  const updates = new Map<number, unknown[]>();
  const byRow = new Map(book.clientTable.rows.map((r) => [r.rowNumber, r.values]));
  for (const client of book.clients) {
    const names = learned.get(client.key);
    const fee = usualFees.get(client.key);
    if (!names && fee === undefined) continue;
    const kana = names ? [client.payerKana, ...names].filter((n) => n !== '').join('、') : null;
    updates.set(client.row, [
      kana === null ? byRow.get(client.row)?.payerKana : textCell(kana),
      fee ?? byRow.get(client.row)?.usualFee,
    ]);
  }
  writeColumns(book.clientTable, ['payerKana', 'usualFee'], updates);
  return updates.size > 0;
}

function transferFees(book: PaymentBook, matched: readonly StatementRecord[]): TransferFee[] {
  return matched
    .filter((l) => l.fee > 0)
    .map((l) => {
      const numbers = parseSettled(l.settledCell).map((s) => s.id);
      const client = book.invoiceByNumber.get(numbers[0] ?? '')?.client ?? '';
      return {
        date: l.date,
        lineKey: l.key,
        payee: client,
        amount: l.fee,
        note: `振込手数料(${numbers.join('・')} 入金分)`,
      };
    });
}
