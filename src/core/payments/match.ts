/**
 * Bank lines × open invoices → proposals the owner confirms, best first, each with a confidence
 * (0–100) and its reasons. Never compares every line with every invoice: a line finds its clients
 * through the payer-name index, then looks only at their open invoices; a line whose name is
 * unknown looks up invoices by amount.
 *
 * For a client whose name matches, in this order of preference:
 * - one invoice, the exact amount, or short by the withholding it declares (paid net);
 * - one invoice short by a transfer fee within the tolerance (the client's usual fee scores best);
 * - several invoices of that client together (fewest first, see combination.ts);
 * - a part payment of an invoice larger than the transfer (the one due nearest the line first).
 */
import { type DateKey, daysBetween } from '../dates';
import { assertYen } from '../money';
import type { Text } from '../text';
import { findCombination, type Payable } from './combination';
import { type PayerHit, PayerIndex } from './payerIndex';
import { type NameMatch, normalizePayerName } from './payerName';
import { REASONS, reasonLine } from './reasons';

export interface IncomingLine {
  /** The line's identity (see lineIdentity.ts). */
  readonly id: string;
  readonly date: DateKey;
  /** Yen; lines of money out (≤ 0) are passed over. */
  readonly amount: number;
  readonly description: string;
}

export interface OpenInvoice extends Payable {
  readonly id: string;
  readonly clientKey: string;
  /** What is still due on it (less what part payments already brought). */
  readonly balance: number;
  /** Withholding the client may deduct when paying (0 when none, or already netted out). */
  readonly withholding: number;
  readonly issueDate: DateKey;
  readonly dueDate: DateKey;
}

export interface ClientPayers {
  readonly key: string;
  /** Normalised payer names (see `clientPayerNames`). */
  readonly payerNames: readonly string[];
  /** The fee this client usually deducts, as learned from confirmed matches. */
  readonly usualFee?: number | null;
}

export interface MatchSettings {
  /** The largest shortfall taken for a transfer fee (設定). */
  readonly feeTolerance: number;
  /** At most this many invoices paid by one transfer; 4 by default. */
  readonly maxInvoicesPerTransfer?: number;
  /** Proposals kept per line; 3 by default. */
  readonly maxProposalsPerLine?: number;
}

export type ProposalKind = 'exact' | 'withholding' | 'fee' | 'combination' | 'partial';

export interface ProposedInvoice {
  readonly id: string;
  /** What the transfer clears of the invoice's balance (fee and withholding included). */
  readonly settled: number;
  /** What is left due after it (0 unless a part payment). */
  readonly remaining: number;
}

export interface Proposal {
  readonly lineId: string;
  readonly clientKey: string;
  readonly kind: ProposalKind;
  readonly invoices: readonly ProposedInvoice[];
  /** The shortfall taken as the transfer fee (支払手数料). */
  readonly fee: number;
  /** The shortfall taken as withholding tax. */
  readonly withholding: number;
  readonly confidence: number;
  readonly reasons: readonly Text[];
  /** The reasons as one line: 「金額一致・名義一致」. */
  readonly reason: Text;
}

export interface LineMatch {
  readonly lineId: string;
  readonly date: DateKey;
  /** The payer name read from the description, normalised ('' when none). */
  readonly payerName: string;
  /** Best first; empty when nothing fits. */
  readonly proposals: readonly Proposal[];
}

const NAME_SCORE: Record<NameMatch, number> = { exact: 60, bankCut: 55, bankLonger: 50 };
const EXACT_SCORE = 40;
const NET_SCORE = 38;
const USUAL_FEE_SCORE = 38;
const NET_AND_FEE_SCORE = 26;
const PARTIAL_SCORE = 10;
/** Invoices offered for one part payment. */
const PARTIAL_CHOICES = 3;
const PER_EXTRA_INVOICE = 4;
const BEFORE_ISSUE_PENALTY = 15;
const SAME_AMOUNT_PENALTY = 10;
const AMOUNT_ONLY_CROWD_PENALTY = 5;
/** Invoices of one client tried together: the oldest this many. */
const COMBINATION_POOL = 16;

/** Fee within the tolerance: 34 for a few yen, down to 28 at the tolerance. */
function feeScore(fee: number, tolerance: number): number {
  return 34 - Math.round((6 * fee) / Math.max(tolerance, 1));
}

interface Candidate {
  readonly clientKey: string;
  readonly kind: ProposalKind;
  readonly invoices: readonly ProposedInvoice[];
  readonly fee: number;
  readonly withholding: number;
  readonly score: number;
  readonly reasons: Text[];
  /** The oldest invoice's due date, to rank equal scores by closeness to the line's date. */
  readonly dueDate: DateKey;
}

export function matchPayments(
  lines: readonly IncomingLine[],
  invoices: readonly OpenInvoice[],
  clients: readonly ClientPayers[],
  settings: MatchSettings,
): LineMatch[] {
  assertYen(settings.feeTolerance, 'feeTolerance');
  const matcher = new Matcher(invoices, clients, settings);
  return lines.map((line) => matcher.match(line));
}

class Matcher {
  private readonly byClient = new Map<string, OpenInvoice[]>();
  private readonly byAmount = new Map<number, { invoice: OpenInvoice; net: boolean }[]>();
  private readonly usualFee = new Map<string, number>();
  private readonly payers: PayerIndex;

  constructor(
    invoices: readonly OpenInvoice[],
    clients: readonly ClientPayers[],
    private readonly settings: MatchSettings,
  ) {
    const open = invoices.filter((i) => i.balance > 0);
    for (const invoice of open) {
      const list = this.byClient.get(invoice.clientKey) ?? [];
      list.push(invoice);
      this.byClient.set(invoice.clientKey, list);
      this.indexAmount(invoice.balance, invoice, false);
      if (invoice.withholding > 0) {
        this.indexAmount(invoice.balance - invoice.withholding, invoice, true);
      }
    }
    for (const list of this.byClient.values()) list.sort(oldestFirst);
    for (const client of clients) {
      if (client.usualFee) this.usualFee.set(client.key, client.usualFee);
    }
    this.payers = new PayerIndex(clients.map((c) => ({ clientKey: c.key, names: c.payerNames })));
  }

  private indexAmount(amount: number, invoice: OpenInvoice, net: boolean): void {
    const list = this.byAmount.get(amount) ?? [];
    list.push({ invoice, net });
    this.byAmount.set(amount, list);
  }

  match(line: IncomingLine): LineMatch {
    const payerName = normalizePayerName(line.description);
    if (line.amount <= 0) return { lineId: line.id, date: line.date, payerName, proposals: [] };
    const hits = payerName === '' ? [] : this.payers.lookup(payerName);
    const candidates = hits.flatMap((hit) => this.forClient(line, hit));
    const named = new Set(hits.map((h) => h.clientKey));
    candidates.push(...this.byAmountOnly(line, named));
    const max = this.settings.maxProposalsPerLine ?? 3;
    const proposals = rank(
      line,
      candidates.filter((c) => c.score > 0),
    )
      .slice(0, max)
      .map((c) => toProposal(line, c));
    return { lineId: line.id, date: line.date, payerName, proposals };
  }

  /** Proposals among the open invoices of a client whose payer name matches. */
  private forClient(line: IncomingLine, hit: PayerHit): Candidate[] {
    const invoices = this.byClient.get(hit.clientKey) ?? [];
    const name = NAME_SCORE[hit.match];
    const nameReason = REASONS.name(hit.match);
    const tolerance = this.settings.feeTolerance;
    const usual = this.usualFee.get(hit.clientKey);
    const singles: Candidate[] = [];
    for (const invoice of invoices) {
      const single = this.single(line, invoice, usual);
      if (single) {
        singles.push(
          withDatePenalty(line, [invoice], {
            ...single,
            score: single.score + name,
            reasons: [...single.reasons, nameReason],
          }),
        );
      }
    }
    const exactSingle = singles.some((s) => s.kind === 'exact' || s.kind === 'withholding');
    const out = markSameAmount(singles);
    if (!exactSingle) {
      const combination = findCombination(line.amount, invoices, {
        maxCount: this.settings.maxInvoicesPerTransfer ?? 4,
        pool: COMBINATION_POOL,
        feeTolerance: tolerance,
      });
      if (combination) {
        const withholding = combination.net
          ? combination.invoices.reduce((sum, i) => sum + i.withholding, 0)
          : 0;
        const { score, reasons } = amountScore(combination.fee, withholding, usual, tolerance);
        const count = combination.invoices.length;
        out.push(
          withDatePenalty(line, combination.invoices, {
            clientKey: hit.clientKey,
            kind: 'combination',
            invoices: combination.invoices.map((i) => ({
              id: i.id,
              settled: i.balance,
              remaining: 0,
            })),
            fee: combination.fee,
            withholding,
            score: name + score - PER_EXTRA_INVOICE * (count - 1),
            reasons: [REASONS.invoicesTotal(count), ...reasons, nameReason],
            dueDate: combination.invoices[0]?.dueDate ?? line.date,
          }),
        );
      }
    }
    if (out.length === 0) {
      // A part payment: of several invoices larger than the transfer, the one due nearest the
      // line's date ranks first (see `rank`), and none is sure.
      const larger = invoices.filter((i) => i.balance > line.amount).slice(0, PARTIAL_CHOICES);
      const doubt = larger.length > 1 ? SAME_AMOUNT_PENALTY : 0;
      for (const invoice of larger) {
        const remaining = invoice.balance - line.amount;
        out.push(
          withDatePenalty(line, [invoice], {
            clientKey: hit.clientKey,
            kind: 'partial',
            invoices: [{ id: invoice.id, settled: line.amount, remaining }],
            fee: 0,
            withholding: 0,
            score: name + PARTIAL_SCORE - doubt,
            reasons: [REASONS.partPayment(remaining), nameReason],
            dueDate: invoice.dueDate,
          }),
        );
      }
    }
    return out;
  }

  /** One invoice paid whole by the line: exact, net of withholding, or short by a fee. */
  private single(
    line: IncomingLine,
    invoice: OpenInvoice,
    usual: number | undefined,
  ): Candidate | null {
    const tolerance = this.settings.feeTolerance;
    let best: Candidate | null = null;
    for (const net of invoice.withholding > 0 ? [false, true] : [false]) {
      const due = net ? invoice.balance - invoice.withholding : invoice.balance;
      const fee = due - line.amount;
      if (fee < 0 || fee > tolerance) continue;
      const withholding = net ? invoice.withholding : 0;
      const { score, reasons } = amountScore(fee, withholding, usual, tolerance);
      if (best && best.score >= score) continue;
      const kind: ProposalKind = fee > 0 ? 'fee' : net ? 'withholding' : 'exact';
      best = {
        clientKey: invoice.clientKey,
        kind,
        invoices: [{ id: invoice.id, settled: invoice.balance, remaining: 0 }],
        fee,
        withholding,
        score,
        reasons,
        dueDate: invoice.dueDate,
      };
    }
    return best;
  }

  /** Invoices of clients the name did not find, whose balance (or net balance) is the amount. */
  private byAmountOnly(line: IncomingLine, named: ReadonlySet<string>): Candidate[] {
    const entries = (this.byAmount.get(line.amount) ?? []).filter(
      (e) => !named.has(e.invoice.clientKey),
    );
    const crowd = AMOUNT_ONLY_CROWD_PENALTY * (entries.length - 1);
    return entries.map(({ invoice, net }) =>
      withDatePenalty(line, [invoice], {
        clientKey: invoice.clientKey,
        kind: net ? 'withholding' : 'exact',
        invoices: [{ id: invoice.id, settled: invoice.balance, remaining: 0 }],
        fee: 0,
        withholding: net ? invoice.withholding : 0,
        score: (net ? NET_SCORE : EXACT_SCORE) - crowd,
        reasons: [
          ...(net ? [REASONS.withholding(invoice.withholding)] : [REASONS.amountMatches]),
          REASONS.name(null),
        ],
        dueDate: invoice.dueDate,
      }),
    );
  }
}

/** The amount part of the score and its reasons, for a shortfall of `fee` (and withholding). */
function amountScore(
  fee: number,
  withholding: number,
  usual: number | undefined,
  tolerance: number,
): { score: number; reasons: Text[] } {
  const reasons: Text[] = [];
  if (withholding > 0) reasons.push(REASONS.withholding(withholding));
  if (fee > 0) reasons.push(REASONS.transferFee(fee, fee === usual));
  if (fee === 0 && withholding === 0) reasons.push(REASONS.amountMatches);
  let score: number;
  if (fee === 0) score = withholding > 0 ? NET_SCORE : EXACT_SCORE;
  else if (withholding > 0) score = NET_AND_FEE_SCORE;
  else score = fee === usual ? USUAL_FEE_SCORE : feeScore(fee, tolerance);
  return { score, reasons };
}

function withDatePenalty(
  line: IncomingLine,
  invoices: readonly OpenInvoice[],
  candidate: Candidate,
): Candidate {
  if (!invoices.some((i) => line.date < i.issueDate)) return candidate;
  return {
    ...candidate,
    score: candidate.score - BEFORE_ISSUE_PENALTY,
    reasons: [...candidate.reasons, REASONS.beforeIssue],
  };
}

/**
 * Several invoices of one client each fit the line (a monthly fee of the same amount): the oldest
 * (first due, as 消込 clears the oldest first) keeps its score, the others lose some and say why.
 */
function markSameAmount(singles: Candidate[]): Candidate[] {
  if (singles.length < 2) return singles;
  const bestScore = Math.max(...singles.map((s) => s.score));
  let kept = false;
  return singles.map((s) => {
    if (s.score === bestScore && !kept) {
      kept = true;
      return s;
    }
    return {
      ...s,
      score: s.score - SAME_AMOUNT_PENALTY,
      reasons: [...s.reasons, REASONS.sameAmountElsewhere],
    };
  });
}

/** Days since an arbitrary origin, remembered per date: a run meets only a few hundred dates. */
const dayNumbers = new Map<DateKey, number>();
const ORIGIN = '2000-01-01' as DateKey;
function dayNumber(key: DateKey): number {
  let n = dayNumbers.get(key);
  if (n === undefined) {
    n = daysBetween(ORIGIN, key);
    dayNumbers.set(key, n);
  }
  return n;
}

function rank(line: IncomingLine, candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const today = dayNumber(line.date);
  const from = (c: Candidate) => Math.abs(dayNumber(c.dueDate) - today);
  const seen = new Set<string>();
  return [...candidates]
    .sort((a, b) => b.score - a.score || from(a) - from(b) || (a.dueDate < b.dueDate ? -1 : 1))
    .filter((c) => {
      const key = c.invoices.map((i) => i.id).join('+');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function toProposal(line: IncomingLine, c: Candidate): Proposal {
  return {
    lineId: line.id,
    clientKey: c.clientKey,
    kind: c.kind,
    invoices: c.invoices,
    fee: c.fee,
    withholding: c.withholding,
    confidence: Math.max(0, Math.min(100, c.score)),
    reasons: c.reasons,
    reason: reasonLine(c.reasons),
  };
}

function oldestFirst(a: OpenInvoice, b: OpenInvoice): number {
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * One proposal per line at most, no invoice in two: the most confident first (then the earlier
 * line), each taken when its line and its invoices are still free and it reaches `minConfidence`.
 * What `--confirm-above N` confirms, and what the sidebar pre-selects.
 */
export function assignBest(matches: readonly LineMatch[], minConfidence = 0): Proposal[] {
  const all = matches
    .flatMap((m) => m.proposals.map((p) => ({ p, date: m.date })))
    .filter(({ p }) => p.confidence >= minConfidence)
    .sort(
      (a, b) => b.p.confidence - a.p.confidence || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
    )
    .map(({ p }) => p);
  const usedLines = new Set<string>();
  const usedInvoices = new Set<string>();
  const taken: Proposal[] = [];
  for (const p of all) {
    if (usedLines.has(p.lineId) || p.invoices.some((i) => usedInvoices.has(i.id))) continue;
    taken.push(p);
    usedLines.add(p.lineId);
    for (const i of p.invoices) usedInvoices.add(i.id);
  }
  return taken;
}
