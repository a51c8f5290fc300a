/**
 * The 入金確認 sidebar: upload the bank's CSV (its bytes go to the server as base64, where they are
 * decoded and read: nothing is read here), see each payment still to confirm with Pokke's
 * proposals best first (their reasons and confidence), and confirm one, choose another invoice,
 * or mark the line 対象外.
 */
import {
  MAX_STATEMENT_BYTES,
  type PaymentDecision,
  type PaymentLineView,
  type PaymentsImportReport,
  type PaymentsStatementSource,
  type PaymentsView,
} from '../../src/core/contracts/payments';
import { bi, button, h, message, replace, section, setButtonText } from '../shared/dom';
import { errorMessage, slashDate, yen } from '../shared/format';
import { setLang, tr } from '../shared/i18n';
import { call } from '../shared/rpc';
import { layoutForm } from './layoutForm';
import { pickCsvFile } from './picker';
import { S } from './strings';

const app = document.getElementById('app')!;
let view: PaymentsView | null = null;
let busy = false;
/** The choice per line: a proposal's index, 'other', 'ignore', or none. */
const choices = new Map<string, string>();

const fileInput = h('input', {
  attrs: { id: 'statement-file', type: 'file', accept: '.csv,text/csv', name: 'statement' },
});
const importButton = button(S.import, { action: 'import' });
const driveButton = button(S.fromDrive, { action: 'pick-drive' });
const importStatus = h('div', { attrs: { 'data-import-status': '', 'aria-live': 'polite' } });
/** The mapping form for a bank Pokke does not know (empty otherwise). */
const layoutEl = h('div', { attrs: { 'data-layout': '' } });
const linesEl = h('div', { attrs: { id: 'lines', 'aria-live': 'polite' } });
const confirmAllButton = button(S.confirmAll, { primary: true, action: 'confirm-all' });
const statusEl = h('div', {
  class: 'status',
  attrs: { role: 'status', 'aria-live': 'polite', 'data-report': '' },
});

function setBusy(on: boolean): void {
  busy = on;
  importButton.disabled = on;
  driveButton.disabled = on;
  for (const b of layoutEl.querySelectorAll('button')) (b as HTMLButtonElement).disabled = on;
  confirmAllButton.disabled = on || decisions().length === 0;
  for (const b of linesEl.querySelectorAll('button')) (b as HTMLButtonElement).disabled = on;
  document.body.classList.toggle('busy', on);
}

function setStatus(kind: '' | 'error' | 'success', text: string): void {
  statusEl.className = kind ? `status ${kind}` : 'status';
  replace(statusEl, message(text));
}

function renderShell(): void {
  importButton.addEventListener('click', () => void runImport());
  driveButton.addEventListener('click', () => void runDriveImport());
  confirmAllButton.addEventListener('click', () => void runConfirm(decisions()));
  replace(
    app,
    h(
      'main',
      {},
      h('h1', {}, bi(S.title)),
      section(
        'import',
        S.importTitle,
        h(
          'div',
          { class: 'field upload' },
          h('label', { attrs: { for: 'statement-file' } }, bi(S.file)),
          fileInput,
          h('div', { class: 'hint' }, tr(S.importHint)),
          h('div', { class: 'actions' }, importButton),
          h('div', { class: 'hint' }, tr(S.fromDriveHint)),
          h('div', { class: 'actions' }, driveButton),
          importStatus,
        ),
        layoutEl,
      ),
      linesEl,
    ),
    h('footer', {}, h('div', { class: 'actions' }, confirmAllButton), statusEl),
  );
}

async function start(): Promise<void> {
  replace(app, h('p', { class: 'loading', attrs: { role: 'status' } }, '…'));
  renderShell();
  try {
    const loaded = await call('paymentsLoad');
    setLang(loaded.lang);
    renderShell();
    show(loaded);
  } catch (error) {
    replace(
      linesEl,
      h(
        'div',
        { class: 'notice error', attrs: { role: 'alert' } },
        bi(S.loadFailed, 'div'),
        h('div', {}, message(errorMessage(error))),
      ),
    );
  }
}

/** The file's bytes as base64, read in chunks (a large file would overflow one apply). */
async function fileBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

async function runImport(): Promise<void> {
  if (busy) return;
  const file = fileInput.files?.[0];
  if (!file) {
    replace(importStatus, h('div', { class: 'issue error' }, tr(S.noFile)));
    return;
  }
  if (file.size > MAX_STATEMENT_BYTES) {
    replace(
      importStatus,
      h('div', { class: 'notice error', attrs: { role: 'alert' } }, tr(S.tooLarge)),
    );
    return;
  }
  setBusy(true);
  setButtonText(importButton, S.importing);
  replace(importStatus);
  replace(layoutEl);
  try {
    const source = { fileName: file.name, base64: await fileBase64(file) };
    showImport(await call('paymentsImport', source), source);
  } catch (error) {
    showImportError(error);
  } finally {
    setButtonText(importButton, S.import);
    setBusy(false);
  }
}

/** A statement saved in Drive: the Google Picker, then the same import as an upload. */
async function runDriveImport(): Promise<void> {
  if (busy) return;
  setBusy(true);
  setButtonText(driveButton, S.openingPicker);
  replace(importStatus);
  replace(layoutEl);
  try {
    const setup = await call('paymentsPicker');
    if (!setup.ok) {
      replace(
        importStatus,
        h(
          'div',
          { class: 'notice warning', attrs: { 'data-picker-setup': '' } },
          tr(setup.message),
        ),
      );
      return;
    }
    let picked: Awaited<ReturnType<typeof pickCsvFile>>;
    try {
      picked = await pickCsvFile(setup, tr(S.pickerTitle));
    } catch (error) {
      replace(
        importStatus,
        h(
          'div',
          { class: 'notice error', attrs: { role: 'alert' } },
          bi(S.pickerFailed, 'div'),
          h('div', {}, message(errorMessage(error))),
        ),
      );
      return;
    }
    if (!picked) return;
    setButtonText(driveButton, S.importing);
    const source = { fileId: picked.id };
    showImport(await call('paymentsImportDrive', source), source);
  } catch (error) {
    showImportError(error);
  } finally {
    setButtonText(driveButton, S.fromDrive);
    setBusy(false);
  }
}

function showImport(report: PaymentsImportReport, source: PaymentsStatementSource): void {
  if (report.layoutNeeded) {
    replace(importStatus, h('div', { class: 'notice warning' }, tr(report.message)));
    const form = layoutForm(report.layoutNeeded);
    form.saveButton.addEventListener('click', () => void saveLayout(form, source));
    replace(layoutEl, section('layout', S.layoutTitle, form.element));
  } else {
    replace(layoutEl);
    replace(
      importStatus,
      h(
        'div',
        { class: 'notice success', attrs: { 'data-imported': String(report.added) } },
        tr(report.message),
      ),
    );
  }
  show(report.view);
}

function showImportError(error: unknown): void {
  replace(
    importStatus,
    h(
      'div',
      { class: 'notice error', attrs: { role: 'alert' } },
      bi(S.importFailed, 'div'),
      h('div', {}, message(errorMessage(error))),
    ),
  );
}

/** The owner's mapping: saved with the file it was made from, which is then imported. */
async function saveLayout(
  form: ReturnType<typeof layoutForm>,
  source: PaymentsStatementSource,
): Promise<void> {
  if (busy) return;
  setBusy(true);
  setButtonText(form.saveButton, S.savingLayout);
  replace(form.issue);
  try {
    showImport(await call('paymentsSaveLayout', { source, layout: form.layout() }), source);
  } catch (error) {
    replace(form.issue, message(errorMessage(error)));
  } finally {
    setButtonText(form.saveButton, S.saveLayout);
    setBusy(false);
  }
}

function show(v: PaymentsView): void {
  view = v;
  for (const key of [...choices.keys()]) {
    if (!v.lines.some((l) => l.lineKey === key)) choices.delete(key);
  }
  for (const line of v.lines) {
    if (!choices.has(line.lineKey) && line.proposals.length > 0) choices.set(line.lineKey, '0');
  }
  if (v.lines.length === 0) {
    replace(linesEl, section('lines', S.toConfirm, h('p', { class: 'empty' }, tr(S.none))));
  } else {
    replace(
      linesEl,
      section(
        'lines',
        S.toConfirm,
        ...v.notices.map((n) => h('div', { class: 'notice warning' }, tr(n))),
        h('ul', { class: 'payment-lines' }, ...v.lines.map(lineCard)),
      ),
    );
  }
  setBusy(busy);
}

function lineCard(line: PaymentLineView): HTMLElement {
  const name = `choice-${line.lineKey}`;
  const issue = h('div', { class: 'issue error' });
  const radio = (value: string) => {
    const input = h('input', {
      attrs: { type: 'radio', name, value, checked: choices.get(line.lineKey) === value },
    });
    input.addEventListener('change', () => {
      choices.set(line.lineKey, value);
      replace(issue);
      setBusy(busy);
    });
    return input;
  };
  const proposals = line.proposals.map((p, i) =>
    h(
      'label',
      { class: 'choice', attrs: { 'data-proposal': i } },
      radio(String(i)),
      h(
        'span',
        {},
        h(
          'span',
          { class: 'invoices' },
          `${p.invoices.map((x) => x.number).join(' + ')} ${p.client}`,
        ),
        ' ',
        h('span', { class: 'confidence' }, `${tr(S.confidence)} ${p.confidence}%`),
        h('span', { class: 'reason' }, tr(p.reason)),
      ),
    ),
  );
  const select = h(
    'select',
    { attrs: { 'data-other': '', 'aria-label': tr(S.chooseInvoice) } },
    h('option', { attrs: { value: '' } }, tr(S.chooseInvoice)),
    ...(view?.openInvoices ?? []).map((i) =>
      h(
        'option',
        { attrs: { value: i.number } },
        `${i.number} ${i.client} ${yen(i.balance)} (${tr(S.due)} ${slashDate(i.dueDate)})`,
      ),
    ),
  );
  select.addEventListener('change', () => {
    choices.set(line.lineKey, 'other');
    const r = card.querySelector<HTMLInputElement>(`input[value="other"]`);
    if (r) r.checked = true;
    replace(issue);
    setBusy(busy);
  });
  const confirmButton = button(S.confirm, { action: 'confirm-line' });
  const card = h(
    'li',
    { class: 'payment-line', attrs: { 'data-line': line.lineKey } },
    h(
      'div',
      { class: 'head' },
      h('span', { class: 'date' }, slashDate(line.date)),
      h('span', { class: 'amount' }, yen(line.amount)),
    ),
    h('div', { class: 'description' }, line.description),
    ...(proposals.length > 0 ? proposals : [h('p', { class: 'empty' }, tr(S.noProposal))]),
    h('label', { class: 'choice other' }, radio('other'), h('span', {}, tr(S.other), ' ', select)),
    h('label', { class: 'choice ignore' }, radio('ignore'), h('span', {}, tr(S.ignore))),
    h('div', { class: 'line-actions' }, confirmButton),
    issue,
  );
  confirmButton.addEventListener('click', () => {
    const d = decisionFor(line, select.value);
    if (!d) {
      replace(issue, tr(S.chooseFirst));
      return;
    }
    void runConfirm([d]);
  });
  return card;
}

function decisionFor(line: PaymentLineView, otherValue?: string): PaymentDecision | null {
  const choice = choices.get(line.lineKey);
  if (choice === undefined) return null;
  if (choice === 'ignore') return { lineKey: line.lineKey, action: 'ignore' };
  if (choice === 'other') {
    const selected =
      otherValue ??
      linesEl.querySelector<HTMLSelectElement>(`li[data-line="${CSS.escape(line.lineKey)}"] select`)
        ?.value;
    return selected ? { lineKey: line.lineKey, action: 'match', invoices: [selected] } : null;
  }
  const proposal = line.proposals[Number(choice)];
  return proposal
    ? { lineKey: line.lineKey, action: 'match', invoices: proposal.invoices.map((i) => i.number) }
    : null;
}

function decisions(): PaymentDecision[] {
  return (view?.lines ?? [])
    .map((l) => decisionFor(l))
    .filter((d): d is PaymentDecision => d !== null);
}

async function runConfirm(list: PaymentDecision[]): Promise<void> {
  if (busy || list.length === 0) return;
  setBusy(true);
  setButtonText(confirmAllButton, S.confirming);
  try {
    const report = await call('paymentsConfirm', { decisions: list });
    setStatus(report.problems.length > 0 ? 'error' : 'success', tr(report.message));
    show(report.view);
    for (const p of report.problems) {
      const el = linesEl.querySelector(`li[data-line="${CSS.escape(p.lineKey)}"] .issue`);
      if (el) replace(el as HTMLElement, tr(p.message));
    }
  } catch (error) {
    setStatus('error', `${tr(S.confirmFailed)}: ${errorMessage(error)}`);
  } finally {
    setButtonText(confirmAllButton, S.confirmAll);
    setBusy(false);
  }
}

void start();
