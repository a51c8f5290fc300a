import type { PlannedJob } from '../../../core/contracts/automations';
import type { RowProblem } from '../../../core/contracts/invoices';
import { type InvoiceDraft, yen } from '../../../core/invoice';
import { joinWith, type Lang, mapText, same, span, type Text, text } from '../../../core/text';
import {
  CLIENTS_SHEET,
  INVOICES_SHEET,
  RECURRING_SHEET,
  SALES_SHEET,
} from '../../../sheets/schema';
import { BILLING_SHEETS, readBillingBook } from '../../invoices/billingBook';
import { issueInvoices } from '../../invoices/issue';
import { type InvoicePlan, planInvoices } from '../../invoices/plan';
import { type DueRecurringLine, periodLabel } from '../../invoices/recurringLines';
import { type Job, type JobContext, type JobOutcome, skipped } from '../job';

const LABEL = text('定期請求', 'Recurring invoices');

/**
 * Automations issue only the periods that hold a recurring line; the owner's other sales wait
 * for the owner, who issues them from the 請求書 sidebar. The invoices issued bill every unbilled
 * line of their period, recurring or not.
 */
function billsRecurringLine(draft: InvoiceDraft, plan: InvoicePlan): boolean {
  return draft.lines.some((l) => plan.recurringRows.has(l.row));
}

const slash = (date: string) => date.replace(/-/g, '/');

function addAction(l: DueRecurringLine): Text {
  return text(
    `${l.client}: 「${l.item}」${periodLabel(l.period.month, 'ja')}を売上明細に追加(${l.period.lineDate})`,
    `${l.client}: add "${l.item}" for ${periodLabel(l.period.month, 'en')} (${l.period.lineDate})`,
  );
}

/** One invoice the run issues: its client, period and amount, then each line, then its notes. */
function issueAction(draft: InvoiceDraft, plan: InvoicePlan): Text {
  const pending = new Set(plan.recurring.lines.map((l) => l.line.row));
  const period = (lang: Lang) => span(slash(draft.periodStart), slash(draft.periodEnd), lang);
  const withheld = draft.withholding > 0 ? `(源泉徴収 ${yen(draft.withholding)} 控除後)` : '';
  const head = text(
    `請求書を発行: ${draft.client.name}(${period('ja')}、${draft.lines.length}行)合計 ${yen(draft.total)}、請求額 ${yen(draft.billed)}${withheld}`,
    `Issue an invoice to ${draft.client.name} (${period('en')}, ${draft.lines.length} line(s)): total ${yen(draft.total)}, billed ${yen(draft.billed)}${draft.withholding > 0 ? ` after withholding ${yen(draft.withholding)}` : ''}`,
  );
  const lines = draft.lines.map((l) => {
    const line = `・${slash(l.date)} ${l.item} ${yen(l.amount)}`;
    if (pending.has(l.row)) return text(`${line}〔定期請求・追加〕`, `${line} (recurring, added)`);
    if (plan.recurringRows.has(l.row)) return text(`${line}〔定期請求〕`, `${line} (recurring)`);
    return same(line);
  });
  return joinWith([head, ...lines, ...draft.warnings], '\n');
}

const problemText = (p: RowProblem) => mapText(p.message, (m) => `${p.sheet} ${p.row}: ${m}`);

/** The 定期請求 sheet, when it has rows: without any, the job has nothing to do. */
function hasRecurringRows(ctx: JobContext): boolean {
  return (ctx.tables.table(RECURRING_SHEET)?.rows.length ?? 0) > 0;
}

export const recurringJob: Job = {
  id: 'recurring',
  label: LABEL,
  reads: BILLING_SHEETS,
  plan(ctx): PlannedJob {
    if (!hasRecurringRows(ctx))
      return { job: 'recurring', label: LABEL, actions: [], problems: [] };
    // The very plan issueInvoices follows: the lines it adds, then the invoices it issues.
    const plan = planInvoices(readBillingBook(ctx.tables), ctx.horizon);
    return {
      job: 'recurring',
      label: LABEL,
      actions: [
        ...plan.recurring.lines.map(addAction),
        ...plan.drafts.filter((d) => billsRecurringLine(d, plan)).map((d) => issueAction(d, plan)),
      ],
      problems: plan.recurring.problems.map(problemText),
    };
  },
  run(ctx): JobOutcome {
    if (!hasRecurringRows(ctx))
      return skipped('「定期請求」シートに行がないため', 'no rows in the 定期請求 sheet');
    const report = issueInvoices(ctx.tables.ss, ctx.horizon, {
      only: billsRecurringLine,
      deadline: ctx.deadline,
      tables: ctx.tables,
      lang: ctx.lang,
    });
    // Issuing may have written any of its sheets: the jobs after this one read them again.
    ctx.tables.forget(INVOICES_SHEET, SALES_SHEET, CLIENTS_SHEET, RECURRING_SHEET);
    const recurringProblems = report.problems.filter((p) => p.sheet === RECURRING_SHEET.name);
    const count = report.addedLines + report.issued.length;
    return {
      result: report.problems.length > 0 ? 'partial' : 'ok',
      count,
      message: joinWith(
        [...(count > 0 ? [report.message] : []), ...recurringProblems.map(problemText)],
        '\n',
      ),
      more: report.moreRecurring || report.unfinished > 0,
    };
  },
};
