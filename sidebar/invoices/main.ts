/**
 * The 請求書 sidebar: choose a closing date, preview what the run would issue (nothing is written),
 * confirm, issue, and follow the links to each PDF and Gmail draft. Unticking lines recomputes an
 * invoice with core's own `invoiceAmounts`, the function issuing uses.
 */

import type {
  InvoicePreview,
  InvoicePreviewItem,
  InvoicePreviewLine,
  IssuedInvoice,
  IssueReport,
  RowProblem,
} from '../../src/core/contracts/invoices';
import { type InvoiceFigures, invoiceAmounts } from '../../src/core/invoice/amounts';
import {
  bi,
  button,
  type Child,
  form,
  h,
  label,
  link,
  message,
  replace,
  section,
  setButtonText,
} from '../shared/dom';
import { DATE_KEY, errorMessage, slashDate, yen } from '../shared/format';
import { detectLang, lang, setLang, type Text, tr } from '../shared/i18n';
import { call } from '../shared/rpc';
import { count, S } from './strings';

function urlLink(url: string, text: Text): Child {
  return /^https:\/\//.test(url) ? link(url, text) : null;
}

// ---------------------------------------------------------------- state and shell

type Phase = 'idle' | 'previewing' | 'preview' | 'confirm' | 'issuing' | 'done';

const app = document.getElementById('app')!;
let phase: Phase = 'idle';
let preview: InvoicePreview | null = null;
/** 売上明細 rows ticked in the preview; all of them after each preview. */
let selected = new Set<number>();

/** Lines the owner can tick: a pending 定期請求 line is not in 売上明細 yet, it goes with its invoice. */
function selectable(item: InvoicePreviewItem): InvoicePreviewLine[] {
  return (item.lines ?? []).filter((l) => !l.pending);
}

function allRows(p: InvoicePreview): number[] {
  return p.invoices.flatMap((i) => selectable(i).map((l) => l.row));
}

/** The rows to send: undefined while every line is ticked (the whole closing run). */
function selectedRows(p: InvoicePreview): number[] | undefined {
  const all = allRows(p);
  if (all.every((r) => selected.has(r))) return undefined;
  return all.filter((r) => selected.has(r));
}

/** Invoices the current selection would issue: clients with at least one ticked line. */
function selectedInvoiceCount(p: InvoicePreview): number {
  const whole = selectedRows(p) === undefined;
  return p.invoices.filter((i) => {
    const own = selectable(i);
    return own.length === 0 ? whole : own.some((l) => selected.has(l.row));
  }).length;
}

/** An invoice as the current ticks would issue it. */
interface SelectedInvoice extends InvoiceFigures {
  /** 'all': every line ticked (the server's figures); 'some': recomputed; 'none': not issued. */
  readonly ticked: 'all' | 'some' | 'none';
  readonly lineCount: number;
  readonly periodStart: string;
  readonly periodEnd: string;
}

/**
 * The server's figures while every line is ticked; otherwise the ticked lines' figures by core's
 * rules (tax once per rate, withholding), and their period from the first line to the last, as
 * issuing selected lines makes it.
 */
function selectedInvoice(p: InvoicePreview, item: InvoicePreviewItem): SelectedInvoice {
  const own = selectable(item);
  const ownTicked = own.filter((l) => selected.has(l.row));
  if (ownTicked.length === own.length) return { ...item, ticked: 'all' };
  // A pending 定期請求 line goes with its client's invoice whenever that invoice is issued.
  const goes = ownTicked.length > 0;
  const ticked = (item.lines ?? []).filter((l) => (l.pending ? goes : selected.has(l.row)));
  const { figures } = invoiceAmounts(ticked, { rounding: p.rounding, withholds: item.withholds });
  const dates = ticked.map((l) => l.date).sort();
  return {
    ...figures,
    ticked: goes ? 'some' : 'none',
    lineCount: ticked.length,
    periodStart: dates[0] ?? item.periodStart,
    periodEnd: dates[dates.length - 1] ?? item.periodEnd,
  };
}

/** What the ticked lines bill in all. */
function selectedTotal(p: InvoicePreview): number {
  return p.invoices.reduce((sum, i) => sum + selectedInvoice(p, i).billed, 0);
}

const dateInput = h('input', {
  attrs: {
    id: 'closing-date',
    name: 'closingDate',
    type: 'date',
    required: true,
    'aria-describedby': 'closing-date-hint closing-date-issue',
  },
});
const dateIssue = h('div', {
  class: 'issue error',
  attrs: { id: 'closing-date-issue', 'aria-live': 'polite' },
});
const previewButton = button(S.preview, { action: 'preview' });
const content = h('div', { attrs: { id: 'content', 'aria-live': 'polite' } });
const issueButton = button(S.issue, { primary: true, action: 'issue' });
const confirmEl = h('div', { attrs: { 'data-confirm': '' } });
const statusEl = h('div', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });

function renderShell(closingDate: string | null): void {
  const closingForm = form(
    { class: 'closing', label: S.title, onSubmit: () => void runPreview() },
    h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: 'closing-date' } }, bi(S.closingDate)),
      h('div', { class: 'date-row' }, dateInput, previewButton),
      h('div', { class: 'hint', attrs: { id: 'closing-date-hint' } }, tr(S.closingHint)),
      dateIssue,
    ),
  );
  previewButton.type = 'submit';
  dateInput.addEventListener('input', onDateChange);
  dateInput.addEventListener('change', onDateChange);
  issueButton.addEventListener('click', askToIssue);
  replace(
    app,
    h('main', {}, h('h1', {}, bi(S.title)), closingForm, content),
    h('footer', {}, confirmEl, h('div', { class: 'actions' }, issueButton), statusEl),
  );
  if (dateInput.value === '' && closingDate && DATE_KEY.test(closingDate))
    dateInput.value = closingDate;
  renderIntro();
  update();
}

/**
 * The user's language, then the form with the month end by the server's clock (Asia/Tokyo; the
 * playground's clock in the playground) as its closing date.
 */
async function start(): Promise<void> {
  replace(app, h('p', { class: 'loading', attrs: { role: 'status' } }, '…'));
  let closingDate: string | null = null;
  try {
    const defaults = await call('invoicesDefaults');
    setLang(defaults.lang);
    closingDate = defaults.closingDate;
  } catch {
    // The browser's language, and the owner types the date.
  }
  renderShell(closingDate);
}

function renderIntro(): void {
  replace(content, h('p', { class: 'intro', attrs: {} }, tr(S.intro)));
}

/** Enables and labels the controls for the current phase. */
function update(): void {
  const busy = phase === 'previewing' || phase === 'issuing';
  dateInput.readOnly = busy;
  previewButton.disabled = busy;
  setButtonText(previewButton, phase === 'previewing' ? S.previewing : S.preview);
  const issuable = preview !== null && selectedInvoiceCount(preview) > 0;
  issueButton.disabled = !issuable || busy || phase === 'confirm' || phase === 'done';
  issueButton.setAttribute('aria-busy', String(phase === 'issuing'));
  setButtonText(issueButton, phase === 'issuing' ? S.issuing : S.issue);
  // While confirming, the confirm step's own buttons are the only way on.
  issueButton.hidden = phase === 'confirm';
  if (phase !== 'confirm') replace(confirmEl);
  document.body.classList.toggle('busy', busy);
}

function setStatus(kind: '' | 'error' | 'success' | 'progress', ...children: Child[]): void {
  statusEl.className = kind ? `status ${kind}` : 'status';
  replace(statusEl, ...children);
}

function onDateChange(): void {
  replace(dateIssue);
  if (phase === 'previewing' || phase === 'issuing') return;
  if (preview && preview.closingDate === dateInput.value && phase !== 'done') return;
  // What is on screen no longer matches the date: nothing can be issued until a new preview.
  if (preview || phase === 'done') {
    preview = null;
    phase = 'idle';
    renderIntro();
    setStatus('');
    update();
  }
}

// ---------------------------------------------------------------- preview

async function runPreview(): Promise<void> {
  if (phase === 'previewing' || phase === 'issuing') return;
  const closingDate = dateInput.value.trim();
  if (!DATE_KEY.test(closingDate)) {
    replace(dateIssue, bi(S.badDate, 'div'));
    dateInput.focus();
    return;
  }
  replace(dateIssue);
  phase = 'previewing';
  preview = null;
  setStatus('');
  update();
  replace(content, h('p', { class: 'loading', attrs: { role: 'status' } }, tr(S.previewing)));
  try {
    const result = await call('invoicesPreview', { closingDate });
    preview = result;
    selected = new Set(allRows(result));
    phase = 'preview';
    renderPreview(result);
  } catch (error) {
    phase = 'idle';
    replace(
      content,
      h(
        'div',
        { class: 'notice error', attrs: { role: 'alert' } },
        bi(S.previewFailed, 'div'),
        h('div', {}, message(errorMessage(error))),
      ),
    );
  }
  update();
}

const selectionNote = h('p', {
  class: 'hint selection-note',
  attrs: { 'data-selection': '', 'aria-live': 'polite' },
});

/** Shows whether a selection is in force (the figures are then recomputed on issue). */
function renderSelectionNote(): void {
  const p = preview;
  const rows = p && selectedRows(p);
  if (!p || !rows) {
    replace(selectionNote);
    selectionNote.hidden = true;
    return;
  }
  selectionNote.hidden = false;
  replace(selectionNote, bi(count.selection(rows.length, selectedInvoiceCount(p))));
}

const summaryCount = h('span', {});
const summaryAmount = h('span', { class: 'amount', attrs: { 'data-total': '' } });

/** The run's count and total, for the ticked lines. */
function renderSummary(): void {
  const p = preview;
  if (!p) return;
  replace(summaryCount, tr(count.invoices(selectedInvoiceCount(p))));
  replace(summaryAmount, yen(selectedTotal(p)));
}

function renderSettingsWarnings(warnings: readonly Text[]): Child {
  if (!warnings.length) return null;
  return h(
    'div',
    { class: 'notice warning', attrs: { role: 'note', 'data-settings-warnings': '' } },
    bi(S.settingsWarnings, 'div'),
    h('ul', { class: 'warnings' }, ...warnings.map((w) => h('li', {}, message(w)))),
  );
}

function renderPreview(p: InvoicePreview): void {
  renderSelectionNote();
  renderSummary();
  replace(
    content,
    p.invoices.length ? renderSettingsWarnings(p.settingsWarnings ?? []) : null,
    section(
      'to-issue',
      S.toIssue,
      p.invoices.length
        ? h('div', { class: 'summary' }, summaryCount, summaryAmount)
        : h('p', { class: 'empty' }, bi(S.noneToIssue)),
      p.invoices.length ? selectionNote : null,
      ...p.invoices.map(renderInvoice),
    ),
    p.laterLines > 0 ? h('p', { class: 'hint later' }, bi(count.laterLines(p.laterLines))) : null,
    renderAlreadyIssued(p.alreadyIssued),
    renderProblems(p.problems),
  );
}

function sumRow(text: Text, amount: number, cls = ''): HTMLElement {
  return h('div', { class: `sum ${cls}`.trim() }, label(text, 'dt'), h('dd', {}, yen(amount)));
}

function sumRows(f: InvoiceFigures): HTMLElement[] {
  const sums: HTMLElement[] = [];
  if (f.base10 || f.tax10) sums.push(sumRow(S.base10, f.base10), sumRow(S.tax10, f.tax10));
  if (f.base8 || f.tax8) sums.push(sumRow(S.base8, f.base8), sumRow(S.tax8, f.tax8));
  if (f.base0) sums.push(sumRow(S.base0, f.base0));
  sums.push(sumRow(S.total, f.total, 'total'));
  if (f.withholding) sums.push(sumRow(S.withholding, -f.withholding, 'withholding'));
  sums.push(sumRow(S.billed, f.billed, 'billed'));
  return sums;
}

/** The lines; when 税抜 and 税込 lines meet, grouped under a heading naming each basis (as the PDF). */
function lineItems(lines: readonly InvoicePreviewLine[], box: (l: InvoicePreviewLine) => Child) {
  const modes = new Set(lines.map((l) => l.taxMode));
  if (modes.size < 2) return lines.map(box);
  const group = (mode: InvoicePreviewLine['taxMode'], title: typeof S.basisExcl) => [
    h('li', { class: 'basis', attrs: { 'data-basis': mode } }, bi(title)),
    ...lines.filter((l) => l.taxMode === mode).map(box),
  ];
  return [...group('exclusive', S.basisExcl), ...group('inclusive', S.basisIncl)];
}

function renderInvoice(item: InvoicePreviewItem): HTMLElement {
  const p = preview!;
  const billedEl = h('span', {
    class: 'amount billed',
    attrs: { title: tr(S.billed) },
  });
  const periodEl = h('span', {});
  const sumsEl = h('dl', { class: 'sums' });
  const notesEl = h('div', {});
  const card = h('article', { class: 'invoice', attrs: { 'data-period': item.periodKey } });
  const refresh = () => {
    const now = selectedInvoice(p, item);
    replace(billedEl, yen(now.billed));
    replace(
      periodEl,
      ` ${slashDate(now.periodStart)}${lang() === 'en' ? '–' : '〜'}${slashDate(now.periodEnd)}`,
      ' · ',
      tr(count.lines(now.lineCount)),
    );
    replace(sumsEl, ...sumRows(now));
    card.classList.toggle('left-out', now.ticked === 'none');
    // The server's notes are about the whole invoice; a selection is issued on its own terms.
    replace(
      notesEl,
      now.ticked === 'all' && item.warnings.length
        ? h('ul', { class: 'warnings' }, ...item.warnings.map((w) => h('li', {}, message(w))))
        : now.ticked === 'all'
          ? null
          : h(
              'p',
              { class: 'hint selection-note', attrs: { 'data-partial': '' } },
              bi(now.ticked === 'some' ? S.partialInvoice : S.leftOut),
            ),
    );
  };
  const lines = selectable(item);
  const lineBoxes: HTMLInputElement[] = [];
  const all = h('input', {
    attrs: {
      type: 'checkbox',
      'data-select': 'client',
      'aria-label': `${item.client}: ${tr(S.selectClient)}`,
    },
  });
  const syncAll = () => {
    const ticked = lines.filter((l) => selected.has(l.row)).length;
    all.checked = ticked === lines.length && lines.length > 0;
    all.indeterminate = ticked > 0 && ticked < lines.length;
  };
  const onSelectionChange = () => {
    syncAll();
    refresh();
    renderSummary();
    renderSelectionNote();
    update();
  };
  all.addEventListener('change', () => {
    for (const l of lines) {
      if (all.checked) selected.add(l.row);
      else selected.delete(l.row);
    }
    for (const box of lineBoxes) box.checked = all.checked;
    onSelectionChange();
  });
  const lineList = item.lines?.length
    ? h(
        'ul',
        { class: 'lines', attrs: { 'aria-label': `${item.client}: ${tr(S.lines)}` } },
        ...lineItems(item.lines ?? [], (l) => {
          const box = renderLineBox(l, onSelectionChange);
          if (!l.pending) lineBoxes.push(box.input);
          return box.li;
        }),
      )
    : null;
  syncAll();
  refresh();
  const show = button(S.showPreview, { action: 'show-preview' });
  show.addEventListener('click', () => void showInvoice(item, show));
  replace(
    card,
    h(
      'div',
      { class: 'invoice-head' },
      lines.length ? all : null,
      h('span', { class: 'client' }, item.client),
      billedEl,
    ),
    h(
      'div',
      { class: 'meta' },
      h('div', {}, label(S.period), periodEl),
      h(
        'div',
        {},
        label(S.issueDate),
        ` ${slashDate(item.issueDate)}`,
        ' · ',
        label(S.dueDate),
        ` ${slashDate(item.dueDate)}`,
      ),
    ),
    sumsEl,
    notesEl,
    lineList,
    h('div', { class: 'invoice-actions' }, show),
  );
  return card;
}

function renderLineBox(
  l: InvoicePreviewLine,
  onChange: () => void,
): { li: HTMLElement; input: HTMLInputElement } {
  const id = `line-${l.row}`;
  const input = h('input', {
    attrs: { type: 'checkbox', id, 'data-row': l.row, checked: selected.has(l.row) },
  });
  input.checked = l.pending || selected.has(l.row);
  // A pending 定期請求 line is added on issue and goes with its client's invoice.
  input.disabled = l.pending;
  input.addEventListener('change', () => {
    if (input.checked) selected.add(l.row);
    else selected.delete(l.row);
    onChange();
  });
  const mark = l.pending ? S.recurringPending : l.recurring ? S.recurring : null;
  const li = h(
    'li',
    {
      class: `line${l.recurring ? ' recurring' : ''}${l.pending ? ' pending' : ''}`,
      attrs: mark ? {} : {},
    },
    input,
    h(
      'label',
      { attrs: { for: id } },
      h('span', { class: 'row', attrs: {} }, tr(count.rowOnly(l.row))),
      h('span', { class: 'date' }, slashDate(l.date)),
      h(
        'span',
        { class: 'item' },
        l.item,
        mark ? h('span', { class: 'tag', attrs: { 'data-mark': 'recurring' } }, tr(mark)) : null,
      ),
      h('span', { class: 'amount' }, yen(l.amount)),
    ),
  );
  return { li, input };
}

/** Opens the invoice as it will look, in a dialog over the spreadsheet. Writes nothing. */
async function showInvoice(item: InvoicePreviewItem, b: HTMLButtonElement): Promise<void> {
  if (!preview) return;
  const rows = selectedRows(preview);
  const own =
    rows &&
    selectable(item)
      .filter((l) => selected.has(l.row))
      .map((l) => l.row);
  if (own && own.length === 0) {
    setStatus('error', bi(S.nothingSelected, 'div'));
    return;
  }
  b.disabled = true;
  setButtonText(b, S.showingPreview);
  try {
    await call('invoicesShowPreview', {
      closingDate: preview.closingDate,
      periodKey: item.periodKey,
      ...(own ? { rows: own } : {}),
    });
    setStatus('');
  } catch (error) {
    setStatus('error', bi(S.showPreviewFailed, 'div'), h('div', {}, message(errorMessage(error))));
  }
  b.disabled = false;
  setButtonText(b, S.showPreview);
}

function renderAlreadyIssued(clients: readonly string[]): Child {
  if (!clients.length) return null;
  return section(
    'already-issued',
    S.alreadyIssued,
    h('ul', { class: 'plain' }, ...clients.map((c) => h('li', {}, c))),
  );
}

function renderProblems(problems: readonly RowProblem[]): Child {
  if (!problems.length) return null;
  return section(
    'problems',
    S.problems,
    h('p', { class: 'hint', attrs: {} }, tr(S.problemsHint)),
    h(
      'ul',
      { class: 'problems' },
      ...problems.map((p) =>
        h(
          'li',
          {},
          h('div', { class: 'where' }, tr(count.row(p.sheet, p.row))),
          h('div', {}, message(p.message)),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- issuing

function askToIssue(): void {
  const n = preview ? selectedInvoiceCount(preview) : 0;
  if (!n || phase !== 'preview') return;
  phase = 'confirm';
  update();
  const yes = button(count.issueButton(n), {
    primary: true,
    action: 'confirm',
  });
  const no = button(S.cancel, { action: 'cancel' });
  yes.addEventListener('click', () => void issue());
  no.addEventListener('click', () => {
    phase = 'preview';
    update();
    issueButton.focus();
  });
  replace(
    confirmEl,
    h(
      'div',
      { class: 'notice confirm', attrs: { role: 'alertdialog', 'aria-label': tr(S.issue) } },
      bi(preview?.sendDirectly ? count.confirmSend(n) : count.confirm(n), 'div'),
      h('div', { class: 'actions' }, yes, no),
    ),
  );
  yes.focus();
}

async function issue(): Promise<void> {
  if (!preview || phase !== 'confirm') return;
  const { closingDate } = preview;
  const rows = selectedRows(preview);
  phase = 'issuing';
  update();
  setStatus(
    'progress',
    h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
    bi(S.issuing),
  );
  content.setAttribute('aria-busy', 'true');
  try {
    const report = await call('invoicesIssue', rows ? { closingDate, rows } : { closingDate });
    const final = report.unfinished > 0 ? await continueIssuing(report) : report;
    phase = 'done';
    preview = null;
    setStatus('');
    renderReport(final);
  } catch (error) {
    phase = 'preview';
    setStatus('error', bi(S.issueFailed, 'div'), h('div', {}, message(errorMessage(error))));
  }
  content.removeAttribute('aria-busy');
  update();
}

/**
 * A run larger than one execution left invoices recorded but without PDF and mail: keep asking
 * the server to make them while the sidebar is open (a one-off trigger does it otherwise).
 */
async function continueIssuing(first: IssueReport): Promise<IssueReport> {
  const issued = [...first.issued];
  let unfinished = first.unfinished;
  let stopped = false;
  while (unfinished > 0) {
    setStatus(
      'progress',
      h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
      bi(count.progress(issued.length, unfinished)),
    );
    try {
      const next = await call('invoicesContinue');
      issued.push(...next.issued);
      // No progress (the workbook busy elsewhere): the trigger takes over.
      if (next.issued.length === 0 && next.unfinished > 0) stopped = true;
      unfinished = next.unfinished;
    } catch {
      stopped = true;
    }
    if (stopped) break;
  }
  const sent = issued.filter((i) => i.sent).length;
  const lines = [count.issuedInAll(issued.length, sent)];
  if (unfinished > 0) lines.push(S.continueLater);
  const all = [...lines, ...(first.settingsWarnings ?? [])];
  const message = {
    ja: all.map((t) => t.ja).join('\n'),
    en: all.map((t) => t.en).join('\n'),
  };
  return { ...first, issued, unfinished, message };
}

function renderIssued(inv: IssuedInvoice): HTMLElement {
  return h(
    'li',
    { class: 'issued', attrs: { 'data-number': inv.number } },
    h(
      'div',
      { class: 'invoice-head' },
      h('span', { class: 'client' }, inv.client),
      h('span', { class: 'amount' }, yen(inv.billed)),
    ),
    h(
      'div',
      { class: 'links' },
      h('span', { class: 'number' }, inv.number),
      urlLink(inv.pdfUrl, S.pdf),
      inv.sent
        ? h('span', { class: 'sent', attrs: {} }, tr(S.sent))
        : (urlLink(inv.draftUrl, S.draft) ??
            h('span', { class: 'muted', attrs: {} }, tr(S.noDraft))),
    ),
    inv.message ? h('div', { class: 'issued-message' }, message(inv.message)) : null,
  );
}

function renderReport(report: IssueReport): void {
  replace(
    content,
    h(
      'div',
      {
        class: report.issued.length ? 'notice success' : 'notice',
        attrs: { role: 'status', 'data-report': '' },
      },
      message(report.message),
    ),
    // With nothing new, the server's message already says so.
    report.issued.length
      ? section(
          'issued',
          S.issued,
          h('ul', { class: 'plain results' }, ...report.issued.map(renderIssued)),
        )
      : null,
    renderRefused(report.refused ?? []),
    renderAlreadyIssued(report.alreadyIssued),
    renderProblems(report.problems),
  );
}

function renderRefused(refused: readonly RowProblem[]): Child {
  if (!refused.length) return null;
  return section(
    'refused',
    S.refused,
    h(
      'ul',
      { class: 'problems' },
      ...refused.map((p) =>
        h(
          'li',
          {},
          h('div', { class: 'where' }, tr(count.row(p.sheet, p.row))),
          h('div', {}, message(p.message)),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- start

setLang(detectLang());
void start();
