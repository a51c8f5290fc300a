/**
 * The bank lines still to confirm (money in, 未照合) matched against the open invoices: proposals
 * best first, as core/payments makes them, and the view the 入金確認 sidebar shows.
 */
import type {
  PaymentLineView,
  PaymentProposalView,
  PaymentsView,
} from '../../core/contracts/payments';
import { type LineMatch, matchPayments } from '../../core/payments';
import { type Lang, sayIn } from '../../core/text';
import { textCell } from '../../sheets/cells';
import { writeColumn } from '../../sheets/table';
import { type PaymentBook, type StatementRecord, UNMATCHED } from './paymentBook';

export function linesToConfirm(book: PaymentBook): StatementRecord[] {
  return book.lines.filter((l) => l.status === UNMATCHED && l.amount > 0 && l.key !== '');
}

export function proposeMatches(book: PaymentBook): LineMatch[] {
  return matchPayments(
    linesToConfirm(book).map((l) => ({
      id: l.key,
      date: l.date,
      amount: l.amount,
      description: l.description,
    })),
    book.open,
    book.payers,
    { feeTolerance: book.feeTolerance },
  );
}

export function paymentsView(book: PaymentBook, lang: Lang): PaymentsView {
  const matches = new Map(proposeMatches(book).map((m) => [m.lineId, m]));
  const clientName = new Map(book.clients.map((c) => [c.key, c.name]));
  const lines: PaymentLineView[] = linesToConfirm(book).map((l) => ({
    lineKey: l.key,
    date: l.date,
    amount: l.amount,
    description: l.description,
    proposals: (matches.get(l.key)?.proposals ?? []).map(
      (p): PaymentProposalView => ({
        kind: p.kind,
        client: clientName.get(p.clientKey) ?? '',
        invoices: p.invoices.map((i) => ({
          number: i.id,
          settled: i.settled,
          remaining: i.remaining,
        })),
        fee: p.fee,
        withholding: p.withholding,
        confidence: p.confidence,
        reason: p.reason,
      }),
    ),
  }));
  const best = (l: PaymentLineView) => l.proposals[0]?.confidence ?? -1;
  lines.sort((a, b) => best(b) - best(a) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    lang,
    lines,
    openInvoices: book.open.map((i) => ({
      number: i.id,
      client: i.client,
      dueDate: i.dueDate,
      billed: i.billed,
      balance: i.balance,
    })),
    feeTolerance: book.feeTolerance,
    notices: book.notices,
  };
}

/**
 * The best proposal of each line still to confirm, in its メッセージ cell (in `lang`), so the
 * sheet shows it too: 「照合案: 2026-11-0004(確度 91%: 振込手数料 440円差・名義一致)」. One write.
 */
export function noteProposals(book: PaymentBook, lang: Lang): boolean {
  const updates = new Map<number, unknown>();
  const matches = new Map(proposeMatches(book).map((m) => [m.lineId, m]));
  for (const line of linesToConfirm(book)) {
    const best = matches.get(line.key)?.proposals[0];
    const note = best
      ? sayIn(lang)(
          `照合案: ${best.invoices.map((i) => i.id).join(' + ')}(確度 ${best.confidence}%: ${best.reason.ja})`,
          `Proposed: ${best.invoices.map((i) => i.id).join(' + ')} (${best.confidence}% sure: ${best.reason.en})`,
        )
      : sayIn(lang)('照合案なし', 'No invoice fits');
    updates.set(line.row, textCell(note));
  }
  writeColumn(book.statement, 'message', updates);
  return updates.size > 0;
}
