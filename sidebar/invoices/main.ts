/**
 * The 請求書 sidebar: choose a closing date, preview what the run would issue (nothing is written),
 * confirm, issue, and follow the links to each PDF and Gmail draft.
 */
import type {
  InvoicePreview,
  InvoicePreviewItem,
  IssuedInvoice,
  IssueReport,
  RowProblem,
} from '../../src/ui/contracts';
import { bi, type Child, h, link, message, replace } from '../shared/dom';
import { detectLang, primary, secondary, setLang, type Text } from '../shared/i18n';
import { call } from '../shared/rpc';
import { count, S } from './strings';

const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;
const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The last day of the current month in Asia/Tokyo (no DST there: a fixed +9 h). */
export function defaultClosingDate(now: Date = new Date()): string {
  const tokyo = new Date(now.getTime() + TOKYO_OFFSET_MS);
  const last = new Date(Date.UTC(tokyo.getUTCFullYear(), tokyo.getUTCMonth() + 1, 0));
  return last.toISOString().slice(0, 10);
}

/** Integer yen with thousands separators: ¥1,234,567 (−¥10,210 for a deduction). */
export function yen(amount: number): string {
  const digits = String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '−' : ''}¥${digits}`;
}

/** 2026-11-30 → 2026/11/30. */
function showDate(key: string): string {
  return DATE_KEY.test(key) ? key.replace(/-/g, '/') : key;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function button(text: Text, props: { primary?: boolean; action: string }): HTMLButtonElement {
  return h(
    'button',
    {
      class: props.primary ? 'primary' : '',
      attrs: { type: 'button', title: secondary(text), 'data-action': props.action },
    },
    primary(text),
  );
}

function setButtonText(b: HTMLButtonElement, text: Text): void {
  b.textContent = primary(text);
  b.title = secondary(text);
}

/** A short label in the reader's language with the other one as its tooltip. */
function label(text: Text, tag: 'span' | 'dt' = 'span'): HTMLElement {
  return h(tag, { attrs: { title: secondary(text) } }, primary(text));
}

function section(name: string, title: Text, ...children: Child[]): HTMLElement {
  return h('section', { attrs: { 'data-section': name } }, h('h2', {}, bi(title)), ...children);
}

function urlLink(url: string, text: Text): Child {
  return /^https:\/\//.test(url) ? link(url, text) : null;
}

// ---------------------------------------------------------------- state and shell

type Phase = 'idle' | 'previewing' | 'preview' | 'confirm' | 'issuing' | 'done';

const app = document.getElementById('app')!;
let phase: Phase = 'idle';
let preview: InvoicePreview | null = null;

const dateInput = h('input', {
  attrs: {
    id: 'closing-date',
    name: 'closingDate',
    type: 'date',
    required: true,
    value: defaultClosingDate(),
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

function renderShell(): void {
  const form = h(
    'form',
    {
      class: 'closing',
      attrs: { novalidate: true, 'aria-label': primary(S.title) },
      on: {
        submit: (e) => {
          e.preventDefault();
          void runPreview();
        },
      },
    },
    h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: 'closing-date' } }, bi(S.closingDate)),
      h('div', { class: 'date-row' }, dateInput, previewButton),
      h(
        'div',
        { class: 'hint', attrs: { id: 'closing-date-hint', title: secondary(S.closingHint) } },
        primary(S.closingHint),
      ),
      dateIssue,
    ),
  );
  previewButton.type = 'submit';
  dateInput.addEventListener('input', onDateChange);
  dateInput.addEventListener('change', onDateChange);
  issueButton.addEventListener('click', askToIssue);
  replace(
    app,
    h('main', {}, h('h1', {}, bi(S.title)), form, content),
    h('footer', {}, confirmEl, h('div', { class: 'actions' }, issueButton), statusEl),
  );
  renderIntro();
  update();
}

function renderIntro(): void {
  replace(
    content,
    h('p', { class: 'intro', attrs: { title: secondary(S.intro) } }, primary(S.intro)),
  );
}

/** Enables and labels the controls for the current phase. */
function update(): void {
  const busy = phase === 'previewing' || phase === 'issuing';
  dateInput.readOnly = busy;
  previewButton.disabled = busy;
  setButtonText(previewButton, phase === 'previewing' ? S.previewing : S.preview);
  const issuable = preview !== null && preview.invoices.length > 0;
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
  replace(content, h('p', { class: 'loading', attrs: { role: 'status' } }, primary(S.previewing)));
  try {
    const result = await call('invoicesPreview', { closingDate });
    preview = result;
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

function renderPreview(p: InvoicePreview): void {
  const total = p.invoices.reduce((sum, i) => sum + i.billed, 0);
  replace(
    content,
    section(
      'to-issue',
      S.toIssue,
      p.invoices.length
        ? h(
            'div',
            { class: 'summary' },
            h('span', {}, primary(count.invoices(p.invoices.length))),
            h('span', { class: 'amount' }, yen(total)),
          )
        : h('p', { class: 'empty' }, bi(S.noneToIssue)),
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

function renderInvoice(item: InvoicePreviewItem): HTMLElement {
  const sums: Child[] = [];
  if (item.base10 || item.tax10)
    sums.push(sumRow(S.base10, item.base10), sumRow(S.tax10, item.tax10));
  if (item.base8 || item.tax8) sums.push(sumRow(S.base8, item.base8), sumRow(S.tax8, item.tax8));
  if (item.base0) sums.push(sumRow(S.base0, item.base0));
  sums.push(sumRow(S.total, item.total, 'total'));
  if (item.withholding) sums.push(sumRow(S.withholding, -item.withholding, 'withholding'));
  return h(
    'article',
    { class: 'invoice', attrs: { 'data-period': item.periodKey } },
    h(
      'div',
      { class: 'invoice-head' },
      h('span', { class: 'client' }, item.client),
      h('span', { class: 'amount billed', attrs: { title: primary(S.billed) } }, yen(item.billed)),
    ),
    h(
      'div',
      { class: 'meta' },
      h(
        'div',
        {},
        label(S.period),
        ` ${showDate(item.periodStart)}〜${showDate(item.periodEnd)}`,
        ' · ',
        primary(count.lines(item.lineCount)),
      ),
      h(
        'div',
        {},
        label(S.issueDate),
        ` ${showDate(item.issueDate)}`,
        ' · ',
        label(S.dueDate),
        ` ${showDate(item.dueDate)}`,
      ),
    ),
    h('dl', { class: 'sums' }, ...sums, sumRow(S.billed, item.billed, 'billed')),
    item.warnings.length
      ? h('ul', { class: 'warnings' }, ...item.warnings.map((w) => h('li', {}, message(w))))
      : null,
  );
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
    h('p', { class: 'hint', attrs: { title: secondary(S.problemsHint) } }, primary(S.problemsHint)),
    h(
      'ul',
      { class: 'problems' },
      ...problems.map((p) =>
        h(
          'li',
          {},
          h('div', { class: 'where' }, primary(count.row(p.sheet, p.row))),
          h('div', {}, message(p.message)),
        ),
      ),
    ),
  );
}

// ---------------------------------------------------------------- issuing

function askToIssue(): void {
  const n = preview?.invoices.length ?? 0;
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
      { class: 'notice confirm', attrs: { role: 'alertdialog', 'aria-label': primary(S.issue) } },
      bi(count.confirm(n), 'div'),
      h('div', { class: 'actions' }, yes, no),
    ),
  );
  yes.focus();
}

async function issue(): Promise<void> {
  if (!preview || phase !== 'confirm') return;
  const { closingDate } = preview;
  phase = 'issuing';
  update();
  setStatus(
    'progress',
    h('span', { class: 'spinner', attrs: { 'aria-hidden': 'true' } }),
    bi(S.issuing),
  );
  content.setAttribute('aria-busy', 'true');
  try {
    const report = await call('invoicesIssue', { closingDate });
    phase = 'done';
    preview = null;
    setStatus('');
    renderReport(report);
  } catch (error) {
    phase = 'preview';
    setStatus('error', bi(S.issueFailed, 'div'), h('div', {}, message(errorMessage(error))));
  }
  content.removeAttribute('aria-busy');
  update();
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
      urlLink(inv.draftUrl, S.draft) ??
        h('span', { class: 'muted', attrs: { title: secondary(S.noDraft) } }, primary(S.noDraft)),
    ),
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
    renderAlreadyIssued(report.alreadyIssued),
    renderProblems(report.problems),
  );
}

// ---------------------------------------------------------------- start

setLang(detectLang());
renderShell();
