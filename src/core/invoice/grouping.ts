/**
 * Unbilled sales lines → one invoice draft per client per closing period.
 *
 * For a closing date C chosen by the owner (e.g. 2026-11-30), each client's period is the last
 * closing date its terms give on or before C:
 * - 月末締め: C = 11-30 → period 11-01..11-30. 20日締め: C = 11-30 → period 10-21..11-20 (the
 *   client closed on the 20th; the month-end run bills it if it was not billed then), C = 11-20
 *   → the same period. So one month-end run bills every client, and an extra run on the 20th
 *   bills the 20日締め clients on their own day; `periodKey` keeps the two runs from billing a
 *   period twice.
 * - Terms counted in days (納品後30日, 請求後30日) have no closing day of their own: their lines
 *   close with the run, i.e. every unbilled line dated on or before C, and the period key is C;
 *   the period shown runs from the first line to the last.
 * Lines of an earlier period that were never billed (entered late) are carried into the current
 * invoice with a warning, rather than left behind: the earlier period may already be issued (the
 * warning then names them). The months an invoice is for follow the lines it carries.
 * Lines whose period closes after C wait for a later run.
 *
 * Due date: monthly terms count from the period's closing date; 請求後N日 from the issue date;
 * 納品後/検収後N日 from the latest line's date (never asking for payment of a line earlier than
 * its terms allow). It is then moved to a bank business day by the client's holiday rule.
 *
 * Tax: `summarizeByRate` once per invoice with the owner's rounding. Withholding when the client
 * withholds: the invoice always shows the tax per rate separately, so the base is the amount
 * without tax (平成元年直法6-1), unless `withholdingBase: 'includingTax'`.
 */

import { addDays, clampedDateKey, compareDateKeys, type DateKey, dateParts } from '../dates';
import type { RoundingMethod } from '../money';
import {
  closingDateFor,
  type DayOfMonth,
  dueDateFor,
  nominalDueDateFor,
  type PaymentTerms,
} from '../paymentTerms';
import { isReducedRate, type TaxMode, type TaxSummary } from '../tax';
import { type Text, text } from '../text';
import { type InvoiceFigures, invoiceAmounts } from './amounts';
import type { Client, RowProblems } from './clients';
import { SALE_LABELS, type SaleField, type SaleLine } from './lines';
import { problem } from './problems';

export interface GroupingOptions {
  /** The issuer's tax rounding (SettingsForm.rounding). */
  readonly rounding: RoundingMethod;
  /** The invoices' issue date; for a closing run it defaults to the chosen closing date. */
  readonly issueDate?: DateKey;
  /**
   * Per client key, the latest closing whose invoice stands issued: a line dated on or before it
   * arrived after its period was issued, and the invoice carrying it says so.
   */
  readonly issuedThrough?: ReadonlyMap<string, DateKey>;
  /** How a rate group mixing 税込 and 税抜 lines is stated. Default 'exclusive'. */
  readonly taxMode?: TaxMode;
  /** The withholding base: the fee without tax (default) or with it. */
  readonly withholdingBase?: 'excludingTax' | 'includingTax';
}

export interface InvoiceDraft {
  /**
   * Stable identity of what this invoice bills: `closingDate|clientKey` for a closing run
   * (`closingDate|sel-<hash of rows>|clientKey` for selected lines). An invoice row already
   * holding this key (and not 取消) means the period is issued: do not issue it again.
   */
  readonly periodKey: string;
  readonly client: Client;
  /** The client's closing date for this invoice. */
  readonly closingDate: DateKey;
  readonly periodStart: DateKey;
  readonly periodEnd: DateKey;
  /**
   * The closings the lines belong to by the client's terms, earliest and latest (each line's own
   * date for terms in days): the months the invoice is for (`2026年11月分`, `2026年11月〜12月分`),
   * so a November line is never billed as December's.
   */
  readonly linesClosing: { readonly first: DateKey; readonly last: DateKey };
  readonly issueDate: DateKey;
  /** The due date as the terms say. */
  readonly nominalDueDate: DateKey;
  /** Moved to a bank business day by the client's holiday rule. */
  readonly dueDate: DateKey;
  /** By date, then sheet row. */
  readonly lines: readonly SaleLine[];
  readonly summary: TaxSummary;
  /** Any 8% line: the ※ mark and its legend appear. */
  readonly hasReducedRate: boolean;
  /** The amount withholding is computed on (0 when the client does not withhold). */
  readonly withholdingBase: number;
  readonly withholding: number;
  /** Total including tax. */
  readonly total: number;
  /** What the client pays: total − withholding. */
  readonly billed: number;
  readonly figures: InvoiceFigures;
  /** Bilingual notes for the preview (carried-over lines, mixed tax modes, due before issue…). */
  readonly warnings: readonly Text[];
}

export interface GroupingResult {
  /** By client name, then closing date. */
  readonly drafts: InvoiceDraft[];
  /** Lines whose client is not in the list given. */
  readonly problems: RowProblems<SaleField>[];
  /** Rows left for a later closing (their period closes after the chosen date). */
  readonly later: number[];
}

function dayInMonth(year: number, month: number, day: DayOfMonth): DateKey {
  return clampedDateKey(year, month, day === 'end' ? 31 : day);
}

/** The period key of a closing run's invoice: what the 請求書 sheet's 請求キー column holds. */
export function closingPeriodKey(closing: DateKey, clientKey: string): string {
  return `${closing}|${clientKey}`;
}

/** The last closing date of `terms` on or before `date` (`date` itself for terms in days). */
export function closingOnOrBefore(date: DateKey, terms: PaymentTerms): DateKey {
  if (terms.kind === 'days') return date;
  const { year, month } = dateParts(date);
  const thisMonth = dayInMonth(year, month, terms.closingDay);
  return thisMonth <= date ? thisMonth : dayInMonth(year, month - 1, terms.closingDay);
}

/** The first day of the period closing on `closing` (the day after the previous closing). */
export function periodStartFor(closing: DateKey, terms: PaymentTerms): DateKey {
  if (terms.kind === 'days') return closing;
  const { year, month } = dateParts(closing);
  return addDays(dayInMonth(year, month - 1, terms.closingDay), 1);
}

function earlier(a: DateKey, b: DateKey): DateKey {
  return compareDateKeys(a, b) <= 0 ? a : b;
}

function later(a: DateKey, b: DateKey): DateKey {
  return compareDateKeys(a, b) >= 0 ? a : b;
}

function byLineOrder(a: SaleLine, b: SaleLine): number {
  return compareDateKeys(a.date, b.date) || a.row - b.row;
}

function compareText(a: string, b: string): number {
  // Code-unit order: the same in Apps Script and Node, unlike locale collation.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** FNV-1a, 32 bits, as 8 hex digits. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

interface Group {
  client: Client;
  closing: DateKey;
  periodKey: string;
  /** Where the period starts by the terms; earlier lines widen it (with a warning if `warnCarried`). */
  nominalStart: DateKey;
  periodEnd: DateKey;
  warnCarried: boolean;
  lines: SaleLine[];
}

function buildDraft(group: Group, options: GroupingOptions, issueDate: DateKey): InvoiceDraft {
  const { client } = group;
  const lines = [...group.lines].sort(byLineOrder);
  const first = lines[0]!;
  const last = lines[lines.length - 1]!;
  const warnings: Text[] = [];

  const { summary, withholdingBase, withholding, billed, figures } = invoiceAmounts(lines, {
    ...options,
    withholds: client.withholding,
  });
  const hasReducedRate = lines.some((l) => isReducedRate(l.taxRate));

  const terms = client.terms;
  const dueBase =
    terms.kind === 'monthly' ? group.closing : terms.from === 'invoice' ? issueDate : last.date;
  const nominalDueDate = nominalDueDateFor(dueBase, terms);
  const dueDate = dueDateFor(dueBase, terms, client.holidayRule);

  const periodStart = earlier(first.date, group.nominalStart);
  const ownClosing = (l: SaleLine) =>
    terms.kind === 'days' ? l.date : closingDateFor(l.date, terms);
  const closings = lines.map(ownClosing);
  const issuedThrough = options.issuedThrough?.get(client.key);
  const late = issuedThrough ? lines.filter((l) => ownClosing(l) <= issuedThrough) : [];
  if (late.length > 0)
    warnings.push(
      text(
        `${issuedThrough}締めの請求書の発行済み期間に後から追加された明細です: ${late.map((l) => `${l.date} ${l.item}`).join('、')}`,
        `Added after the invoice closing ${issuedThrough} was issued: ${late.map((l) => `${l.date} ${l.item}`).join(', ')}`,
      ),
    );
  const carried = lines.filter((l) => l.date < group.nominalStart && !late.includes(l)).length;
  if (carried > 0 && group.warnCarried)
    warnings.push(
      text(
        // The period shown starts at the earliest line, so the note never says they lie outside it.
        `前の期間の明細を含みます(未請求のまま残っていた${carried}件。対象期間はその日付からです)`,
        `Includes ${carried} line(s) of an earlier period left unbilled; the period starts at the earliest`,
      ),
    );
  for (const t of summary.byRate)
    if (t.converted)
      warnings.push(
        text(
          `${t.rate}%の明細に税込と税抜が混在しているため換算しました。明細の金額と1円違うことがあります`,
          `${t.rate}% lines mix tax-included and tax-excluded prices and were converted; figures may differ by 1 yen`,
        ),
      );
  if (dueDate < issueDate)
    warnings.push(
      text(
        `支払期限(${dueDate})が発行日(${issueDate})より前です`,
        `The due date (${dueDate}) is before the issue date (${issueDate})`,
      ),
    );
  if (billed <= 0)
    warnings.push(text('請求額が0円以下です', 'The amount billed is zero or negative'));

  return {
    periodKey: group.periodKey,
    client,
    closingDate: group.closing,
    periodStart,
    periodEnd: group.periodEnd,
    linesClosing: { first: closings.reduce(earlier), last: closings.reduce(later) },
    issueDate,
    nominalDueDate,
    dueDate,
    lines,
    summary,
    hasReducedRate,
    withholdingBase,
    withholding,
    total: summary.total,
    billed,
    figures,
    warnings,
  };
}

function sortDrafts(drafts: InvoiceDraft[]): InvoiceDraft[] {
  return drafts.sort(
    (a, b) =>
      compareText(a.client.name, b.client.name) ||
      compareDateKeys(a.closingDate, b.closingDate) ||
      compareText(a.periodKey, b.periodKey),
  );
}

function unknownClient(line: SaleLine): RowProblems<SaleField> {
  return {
    row: line.row,
    problems: [
      problem(
        'client',
        SALE_LABELS.client,
        '取引先シートにない取引先です',
        'Not in the Clients sheet',
        line.client,
      ),
    ],
  };
}

/**
 * The invoices a closing run on `closingDate` issues: per client, the unbilled lines whose
 * closing date is on or before the client's last closing date ≤ `closingDate`. Lines already
 * billed (with an invoice number) are ignored.
 */
export function draftInvoicesForClosing(
  lines: readonly SaleLine[],
  clients: ReadonlyMap<string, Client>,
  closingDate: DateKey,
  options: GroupingOptions,
): GroupingResult {
  const issueDate = options.issueDate ?? closingDate;
  const groups = new Map<string, Group>();
  const problems: RowProblems<SaleField>[] = [];
  const waiting: number[] = [];
  for (const line of lines) {
    if (line.invoiceNumber !== '') continue;
    const client = clients.get(line.clientKey);
    if (!client) {
      problems.push(unknownClient(line));
      continue;
    }
    const closing = closingOnOrBefore(closingDate, client.terms);
    const lineClosing =
      client.terms.kind === 'days' ? line.date : closingDateFor(line.date, client.terms);
    if (lineClosing > closing) {
      waiting.push(line.row);
      continue;
    }
    let group = groups.get(client.key);
    if (!group) {
      group = {
        client,
        closing,
        periodKey: closingPeriodKey(closing, client.key),
        nominalStart: periodStartFor(closing, client.terms),
        // Terms in days have no period of their own: it runs from the first line to the last.
        periodEnd: client.terms.kind === 'days' ? line.date : closing,
        warnCarried: client.terms.kind === 'monthly',
        lines: [],
      };
      groups.set(client.key, group);
    }
    if (client.terms.kind === 'days') group.periodEnd = later(group.periodEnd, line.date);
    group.lines.push(line);
  }
  const drafts = [...groups.values()].map((g) => buildDraft(g, options, issueDate));
  return { drafts: sortDrafts(drafts), problems, later: waiting.sort((a, b) => a - b) };
}

/**
 * Invoices for lines the owner selected: one per client with all its selected lines, whatever
 * their periods. The closing date is the latest closing among the lines (it sets a monthly
 * due date); the period runs from the first line to the last. The period key carries a hash of
 * the rows, so re-issuing the same selection is recognised and a different selection is not
 * mistaken for it.
 */
export function draftInvoicesForLines(
  lines: readonly SaleLine[],
  clients: ReadonlyMap<string, Client>,
  options: GroupingOptions & { readonly issueDate: DateKey },
): GroupingResult {
  const byClient = new Map<string, { client: Client; lines: SaleLine[] }>();
  const problems: RowProblems<SaleField>[] = [];
  for (const line of lines) {
    if (line.invoiceNumber !== '') continue;
    const client = clients.get(line.clientKey);
    if (!client) {
      problems.push(unknownClient(line));
      continue;
    }
    const entry = byClient.get(client.key) ?? { client, lines: [] };
    entry.lines.push(line);
    byClient.set(client.key, entry);
  }
  const drafts: InvoiceDraft[] = [];
  for (const { client, lines: own } of byClient.values()) {
    const sorted = [...own].sort(byLineOrder);
    const closing = sorted
      .map((l) => (client.terms.kind === 'days' ? l.date : closingDateFor(l.date, client.terms)))
      .reduce(later);
    const rows = sorted
      .map((l) => l.row)
      .sort((a, b) => a - b)
      .join(',');
    drafts.push(
      buildDraft(
        {
          client,
          closing,
          periodKey: `${closing}|sel-${hash(rows)}|${client.key}`,
          nominalStart: sorted[0]!.date,
          periodEnd: sorted[sorted.length - 1]!.date,
          warnCarried: false,
          lines: sorted,
        },
        options,
        options.issueDate,
      ),
    );
  }
  return { drafts: sortDrafts(drafts), problems, later: [] };
}
