/**
 * The 振込 sidebar: choose the transfer date (a bank business day: a closed day is refused with
 * the next business day offered), review the payees with the bank and branch names from the
 * directory, the total, the withholding and any warning, then create the file in Drive. Files
 * made earlier are listed with an explicit undo of their mark.
 */
import type {
  MadeTransferFile,
  TransferPreview,
  TransferPreviewLine,
  TransferReport,
} from '../../src/core/contracts/transfers';
import {
  bi,
  button,
  type Child,
  form,
  h,
  link,
  message,
  replace,
  section,
  setButtonText,
} from '../shared/dom';
import { DATE_KEY, errorMessage, slashDate, yen } from '../shared/format';
import { setLang, type Text, tr } from '../shared/i18n';
import { call } from '../shared/rpc';
import { count, S } from './strings';

type Phase = 'idle' | 'previewing' | 'preview' | 'creating' | 'undoing';

const app = document.getElementById('app')!;
let phase: Phase = 'idle';
let preview: TransferPreview | null = null;

const dateInput = h('input', {
  attrs: {
    id: 'transfer-date',
    name: 'transferDate',
    type: 'date',
    required: true,
    'aria-describedby': 'transfer-date-hint transfer-date-issue',
  },
});
const dateIssue = h('div', {
  class: 'issue error',
  attrs: { id: 'transfer-date-issue', 'aria-live': 'polite' },
});
const previewButton = button(S.preview, { action: 'preview', type: 'submit' });
const content = h('div', { attrs: { id: 'content', 'aria-live': 'polite' } });
const createButton = button(S.create, { primary: true, action: 'create' });
const statusEl = h('div', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });

function creatable(p: TransferPreview | null): boolean {
  return p !== null && p.lines.length > 0 && p.problems.length === 0 && p.dateProblem === null;
}

function update(): void {
  const busy = phase === 'previewing' || phase === 'creating' || phase === 'undoing';
  dateInput.readOnly = busy;
  previewButton.disabled = busy;
  setButtonText(previewButton, phase === 'previewing' ? S.previewing : S.preview);
  createButton.disabled = busy || !creatable(preview);
  createButton.hidden = !creatable(preview) && phase !== 'creating';
  setButtonText(createButton, phase === 'creating' ? S.creating : S.create);
  document.body.classList.toggle('busy', busy);
}

function setStatus(kind: '' | 'error' | 'success', ...children: Child[]): void {
  statusEl.className = kind ? `status ${kind}` : 'status';
  replace(statusEl, ...children);
}

function failure(title: Text, error: unknown): HTMLElement {
  return h(
    'div',
    { class: 'notice error', attrs: { role: 'alert' } },
    bi(title, 'div'),
    h('div', {}, message(errorMessage(error))),
  );
}

// ---------------------------------------------------------------- preview

async function runPreview(): Promise<void> {
  if (phase !== 'idle' && phase !== 'preview') return;
  const transferDate = dateInput.value.trim();
  if (!DATE_KEY.test(transferDate)) {
    replace(dateIssue, bi(S.badDate, 'div'));
    dateInput.focus();
    return;
  }
  replace(dateIssue);
  phase = 'previewing';
  preview = null;
  update();
  replace(content, h('p', { class: 'loading', attrs: { role: 'status' } }, tr(S.previewing)));
  try {
    preview = await call('transfersPreview', { transferDate });
    phase = 'preview';
    renderPreview(preview);
  } catch (error) {
    phase = 'idle';
    replace(content, failure(S.previewFailed, error));
  }
  update();
}

function renderDateProblem(p: TransferPreview): Child {
  if (!p.dateProblem) return null;
  const { suggestion } = p.dateProblem;
  return h(
    'div',
    { class: 'notice error', attrs: { role: 'alert', 'data-date-problem': '' } },
    h('div', {}, message(p.dateProblem.message)),
    h(
      'button',
      {
        attrs: { type: 'button', 'data-action': 'use-suggestion', 'data-date': suggestion },
        on: {
          click: () => {
            dateInput.value = suggestion;
            void runPreview();
          },
        },
      },
      `${tr(S.useSuggestion)}: ${slashDate(suggestion)}`,
    ),
  );
}

const names = (bank: string | null, branch: string | null) =>
  bank === null ? tr(S.unknownName) : `${bank} ${branch ?? ''}`.trim();

function figure(label: Text, amount: number, cls = ''): HTMLElement {
  return h(
    'div',
    { class: `figure ${cls}`.trim() },
    h('dt', {}, tr(label)),
    h('dd', {}, yen(amount)),
  );
}

function renderLine(l: TransferPreviewLine): HTMLElement {
  return h(
    'div',
    { class: 'payee', attrs: { 'data-row': l.row } },
    h(
      'div',
      { class: 'payee-head' },
      h('span', { class: 'name' }, l.payee),
      h('span', { class: 'amount', attrs: { 'data-transfer': '' } }, yen(l.transfer)),
    ),
    h(
      'div',
      { class: 'meta', attrs: { 'data-bank': '' } },
      `${names(l.names.bank, l.names.branch)} (${l.bankCode}-${l.branchCode}) ${l.accountType} ${l.accountNumber}`,
    ),
    h('div', { class: 'meta kana' }, l.holder),
    l.dueDate ? h('div', { class: 'meta' }, `${tr(S.due)} ${slashDate(l.dueDate)}`) : null,
    l.withholding > 0
      ? h(
          'dl',
          { class: 'figures' },
          figure(S.amount, l.amount),
          figure(S.withholding, -l.withholding, 'withholding'),
          figure(S.transfer, l.transfer, 'total'),
        )
      : null,
  );
}

function renderMade(made: readonly MadeTransferFile[]): Child {
  if (made.length === 0) return null;
  return section(
    'made',
    S.made,
    h('p', { class: 'hint' }, tr(S.undoHint)),
    ...made.map((f) => {
      const undo = button(S.undo, { action: 'undo' });
      undo.dataset.file = f.fileName;
      undo.addEventListener('click', () => askToUndo(undo, f.fileName));
      return h(
        'div',
        { class: 'made-file', attrs: { 'data-made': f.fileName } },
        h('span', {}, f.fileName),
        h('span', { class: 'amount' }, `${tr(count.rows(f.count))} ${yen(f.total)}`),
        undo,
      );
    }),
  );
}

function renderPreview(p: TransferPreview): void {
  const nothing = p.rows.length === 0;
  replace(
    content,
    renderDateProblem(p),
    h(
      'p',
      { class: 'hint', attrs: { 'data-from': '' } },
      `${tr(S.from)}: ${names(p.requester.bank, p.requester.branch)}`,
    ),
    !nothing && p.problems.length > 0
      ? h(
          'div',
          { class: 'notice error', attrs: { role: 'alert', 'data-problems': '' } },
          bi(S.refused, 'div'),
          h('ul', {}, ...p.problems.map((x) => h('li', {}, message(x.message)))),
          h('div', { class: 'hint' }, tr(S.refusedHint)),
        )
      : null,
    p.warnings.length > 0
      ? h(
          'div',
          { class: 'notice warning', attrs: { role: 'note', 'data-warnings': '' } },
          bi(S.warnings, 'div'),
          h('ul', {}, ...p.warnings.map((w) => h('li', {}, message(w)))),
        )
      : null,
    section(
      'to-pay',
      S.toPay,
      nothing
        ? h('p', { class: 'empty', attrs: { 'data-nothing': '' } }, tr(S.nothingToPay))
        : null,
      ...p.lines.map(renderLine),
      p.lines.length > 0
        ? h(
            'dl',
            { class: 'figures', attrs: { 'data-totals': '' } },
            h(
              'div',
              { class: 'figure total' },
              h('dt', {}, `${tr(S.total)} (${tr(count.transfers(p.count))})`),
              h('dd', { attrs: { 'data-total': '' } }, yen(p.total)),
            ),
            figure(S.withholdingTotal, p.withholdingTotal),
          )
        : null,
      p.month.total > 0
        ? h(
            'p',
            { class: 'hint', attrs: { 'data-month-withholding': '' } },
            tr(count.month(p.month.month, yen(p.month.total), slashDate(p.month.dueDate))),
          )
        : null,
    ),
    renderMade(p.made),
    p.directoryDate ? h('p', { class: 'hint' }, `${tr(S.directory)}: ${p.directoryDate}`) : null,
  );
}

// ---------------------------------------------------------------- create and undo

function renderCreated(r: TransferReport): HTMLElement {
  return h(
    'div',
    { class: 'notice success', attrs: { 'data-created': r.fileName } },
    bi(S.created, 'div'),
    h('div', {}, message(r.message)),
    /^https:\/\//.test(r.url) ? link(r.url, S.openFile) : null,
    h('div', { class: 'hint' }, tr(S.uploadHint)),
  );
}

async function create(): Promise<void> {
  const p = preview;
  if (phase !== 'preview' || !creatable(p) || !p) return;
  phase = 'creating';
  setStatus('');
  update();
  try {
    const report = await call('transfersCreate', { transferDate: p.transferDate, rows: p.rows });
    phase = 'idle';
    setStatus('success', renderCreated(report));
    await runPreview();
  } catch (error) {
    phase = 'preview';
    setStatus('error', failure(S.createFailed, error));
  }
  update();
}

function askToUndo(b: HTMLButtonElement, fileName: string): void {
  if (b.dataset.confirming !== 'yes') {
    b.dataset.confirming = 'yes';
    b.dataset.action = 'undo-confirm';
    setButtonText(b, S.undoConfirm);
    return;
  }
  void undo(b, fileName);
}

async function undo(b: HTMLButtonElement, fileName: string): Promise<void> {
  if (phase !== 'preview') return;
  phase = 'undoing';
  setButtonText(b, S.undoing);
  update();
  try {
    const report = await call('transfersUndo', { fileName });
    phase = 'idle';
    setStatus('success', h('div', { class: 'notice success' }, message(report.message)));
    await runPreview();
  } catch (error) {
    phase = 'preview';
    setStatus('error', failure(S.undoFailed, error));
  }
  update();
}

// ---------------------------------------------------------------- shell

function renderShell(transferDate: string | null): void {
  const closingForm = form(
    { label: S.title, onSubmit: () => void runPreview() },
    h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: 'transfer-date' } }, bi(S.transferDate)),
      h('div', { class: 'date-row' }, dateInput, previewButton),
      h('div', { class: 'hint', attrs: { id: 'transfer-date-hint' } }, tr(S.dateHint)),
      dateIssue,
    ),
  );
  dateInput.addEventListener('change', () => {
    if (phase === 'preview' && preview?.transferDate !== dateInput.value) {
      preview = null;
      phase = 'idle';
      replace(content, h('p', { class: 'intro' }, tr(S.intro)));
      update();
    }
  });
  createButton.addEventListener('click', () => void create());
  replace(
    app,
    h('main', {}, h('h1', {}, bi(S.title)), closingForm, content),
    h('footer', {}, h('div', { class: 'actions' }, createButton), statusEl),
  );
  if (transferDate && DATE_KEY.test(transferDate)) dateInput.value = transferDate;
  replace(content, h('p', { class: 'intro' }, tr(S.intro)));
  update();
}

/** The user's language, then the form with the next business day by the server's clock. */
async function start(): Promise<void> {
  replace(app, h('p', { class: 'loading', attrs: { role: 'status' } }, '…'));
  let transferDate: string | null = null;
  try {
    const defaults = await call('transfersDefaults');
    setLang(defaults.lang);
    transferDate = defaults.transferDate;
  } catch {
    // The browser's language, and the owner types the date.
  }
  renderShell(transferDate);
}

void start();
