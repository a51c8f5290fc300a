/**
 * The 経費 sidebar: this month's expenses by account and by tax rate, the rows needing the owner
 * (with their messages; 行を確認 writes them into the sheet), the 電帳法 search with links to the
 * receipt files, and the export to the owner's accounting software.
 */
import type {
  ExpenseAttentionRow,
  ExpenseSearchHit,
  ExpensesMonthView,
  ExpensesSearchRequest,
} from '../../src/core/contracts/expenses';
import type { ExportVendor } from '../../src/core/expenses/export';
import {
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
import { errorMessage, slashDate, tokyoToday, yen } from '../shared/format';
import { detectLang, setLang, type Text, tr } from '../shared/i18n';
import { call } from '../shared/rpc';
import { count, S } from './strings';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const app = document.getElementById('app')!;
let view: ExpensesMonthView | null = null;

const monthInput = h('input', { attrs: { id: 'month', name: 'month', type: 'month' } });
const showButton = button(S.show, { action: 'show', type: 'submit' });
const totalsEl = h('div', { attrs: { 'aria-live': 'polite' } });
const attentionEl = h('div', { attrs: { 'aria-live': 'polite' } });
const checkButton = button(S.check, { action: 'check' });
const hitsEl = h('div', { attrs: { id: 'hits', 'aria-live': 'polite' } });
const exportsEl = h('div', { attrs: { id: 'export-files', 'aria-live': 'polite' } });
const statusEl = h('div', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });

const searchInputs = {
  from: h('input', { attrs: { id: 'search-from', name: 'from', type: 'date' } }),
  to: h('input', { attrs: { id: 'search-to', name: 'to', type: 'date' } }),
  minAmount: h('input', {
    attrs: { id: 'search-min', name: 'minAmount', type: 'text', inputmode: 'numeric' },
  }),
  maxAmount: h('input', {
    attrs: { id: 'search-max', name: 'maxAmount', type: 'text', inputmode: 'numeric' },
  }),
  payee: h('input', { attrs: { id: 'search-payee', name: 'payee', type: 'text', maxlength: 100 } }),
};
const searchButton = button(S.find, { action: 'search', type: 'submit' });

function notice(kind: 'error' | 'success', what: Text | null, detail: string): HTMLElement {
  return h(
    'div',
    { class: `notice ${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } },
    what ? `${tr(what)}: ${detail}` : detail,
  );
}

function field(id: string, name: Text, input: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, tr(name)), input);
}

// ---------------------------------------------------------------- shell and start

function renderShell(): void {
  const monthForm = form(
    { class: 'month', onSubmit: () => void load() },
    h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: 'month' } }, tr(S.month)),
      h('div', { class: 'date-row' }, monthInput, showButton),
    ),
  );
  const searchForm = form(
    { class: 'search', label: S.search, onSubmit: () => void search() },
    h(
      'div',
      { class: 'pair' },
      field('search-from', S.dateFrom, searchInputs.from),
      field('search-to', S.dateTo, searchInputs.to),
    ),
    h(
      'div',
      { class: 'pair' },
      field('search-min', S.minAmount, searchInputs.minAmount),
      field('search-max', S.maxAmount, searchInputs.maxAmount),
    ),
    field('search-payee', S.payee, searchInputs.payee),
    h('div', { class: 'actions' }, searchButton),
  );
  checkButton.addEventListener('click', () => void check());
  replace(
    app,
    h(
      'main',
      {},
      h('h1', {}, tr(S.title)),
      monthForm,
      h('section', { attrs: { 'data-section': 'totals' } }, totalsEl),
      section(
        'attention',
        S.attention,
        h('p', { class: 'hint' }, tr(S.attentionHint)),
        attentionEl,
        h('div', { class: 'actions' }, checkButton),
      ),
      section('search', S.search, h('p', { class: 'hint' }, tr(S.searchHint)), searchForm, hitsEl),
      section(
        'exports',
        S.exports,
        h('p', { class: 'hint' }, tr(S.exportsHint)),
        h(
          'div',
          { class: 'actions' },
          exportButton('freee', S.freee),
          exportButton('moneyForward', S.moneyforward),
        ),
        exportsEl,
      ),
    ),
    h('footer', {}, statusEl),
  );
}

/** The server's view of this month (by its clock, Asia/Tokyo) sets the language and the month. */
async function start(): Promise<void> {
  replace(app, h('p', { class: 'loading', attrs: { role: 'status' } }, '…'));
  try {
    view = await call('expensesMonth', {});
    setLang(view.lang);
    renderShell();
    monthInput.value = view.month;
    renderView(view);
  } catch (e) {
    renderShell();
    monthInput.value = tokyoToday().slice(0, 7);
    replace(statusEl, notice('error', S.loadFailed, errorMessage(e)));
  }
}

async function load(): Promise<void> {
  const month = monthInput.value;
  if (!MONTH.test(month)) return;
  showButton.disabled = true;
  try {
    view = await call('expensesMonth', { month });
    renderView(view);
    replace(statusEl);
  } catch (e) {
    replace(statusEl, notice('error', S.loadFailed, errorMessage(e)));
  } finally {
    showButton.disabled = false;
  }
}

async function check(): Promise<void> {
  const month = MONTH.test(monthInput.value) ? monthInput.value : undefined;
  checkButton.disabled = true;
  setButtonText(checkButton, S.checking);
  try {
    const report = await call('expensesCheck', month ? { month } : {});
    view = report.view;
    renderView(view);
    replace(statusEl, notice('success', null, tr(report.message)));
  } catch (e) {
    replace(statusEl, notice('error', S.checkFailed, errorMessage(e)));
  } finally {
    checkButton.disabled = false;
    setButtonText(checkButton, S.check);
  }
}

// ---------------------------------------------------------------- the month

function renderView(v: ExpensesMonthView): void {
  renderTotals(v);
  renderAttention(v);
}

function renderTotals(v: ExpensesMonthView): void {
  const title = v.month === v.today.slice(0, 7) ? tr(S.totals) : `${tr(S.monthTotals)} ${v.month}`;
  if (v.count === 0) {
    replace(totalsEl, h('h2', {}, title), h('p', { class: 'empty' }, tr(S.noExpenses)));
    return;
  }
  replace(
    totalsEl,
    h('h2', {}, title),
    h(
      'div',
      { class: 'summary', attrs: { 'data-total': v.total } },
      h('span', {}, `${tr(S.total)} ${tr(count.rows(v.count))}`),
      h('span', { class: 'amount' }, yen(v.total)),
    ),
    h('div', { class: 'summary-sub' }, `${tr(S.tax)} ${yen(v.tax)}`),
    h('h3', {}, tr(S.byAccount)),
    table(
      [S.account, S.amount],
      v.byAccount.map((a) => ({
        attrs: { 'data-account': a.account },
        cells: [`${a.account}(${tr(count.rows(a.count))})`, yen(a.amount)],
      })),
      'by-account',
    ),
    h('h3', {}, tr(S.byRate)),
    table(
      [S.rate, S.amount, S.tax],
      v.byRate.map((r) => ({
        attrs: { 'data-rate': r.rate },
        cells: [`${r.rate}(${tr(count.rows(r.count))})`, yen(r.amount), yen(r.tax)],
      })),
      'by-rate',
    ),
  );
}

function table(
  head: readonly Text[],
  rows: readonly { attrs: Record<string, string>; cells: readonly string[] }[],
  name: string,
): HTMLElement {
  return h(
    'table',
    { class: `totals ${name}` },
    h('thead', {}, h('tr', {}, ...head.map((t) => h('th', { attrs: { scope: 'col' } }, tr(t))))),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          { attrs: r.attrs },
          ...r.cells.map((c, i) => h('td', { class: i === 0 ? '' : 'amount' }, c)),
        ),
      ),
    ),
  );
}

function renderAttention(v: ExpensesMonthView): void {
  if (v.attentionCount === 0) {
    replace(attentionEl, h('p', { class: 'empty' }, tr(S.noAttention)));
    return;
  }
  replace(
    attentionEl,
    h('ul', { class: 'attention' }, ...v.attention.map(attentionItem)),
    v.attention.length < v.attentionCount
      ? h('p', { class: 'hint' }, tr(count.moreAttention(v.attention.length, v.attentionCount)))
      : null,
  );
}

function attentionItem(r: ExpenseAttentionRow): HTMLElement {
  return h(
    'li',
    { attrs: { 'data-row': r.row, 'data-status': r.status } },
    h(
      'div',
      { class: 'where' },
      h('span', {}, tr(count.row(r.row))),
      h('span', {}, slashDate(r.date)),
      h('span', { class: 'payee' }, r.payee),
      h('span', { class: 'amount' }, /^-?\d+$/.test(r.amount) ? yen(Number(r.amount)) : r.amount),
      r.status ? h('span', { class: 'badge' }, r.status) : null,
    ),
    h('div', { class: 'message' }, message(r.message)),
  );
}

// ---------------------------------------------------------------- search

/** An amount as people type it (1,500 / ¥1500 / 1500円 / full width); undefined when blank. */
function amountOf(input: HTMLInputElement): number | undefined | null {
  const raw = input.value.normalize('NFKC').replace(/[,¥\\円\s]/g, '');
  if (raw === '') return undefined;
  return /^-?\d{1,13}$/.test(raw) ? Number(raw) : null;
}

async function search(): Promise<void> {
  const min = amountOf(searchInputs.minAmount);
  const max = amountOf(searchInputs.maxAmount);
  if (min === null || max === null) {
    replace(hitsEl, notice('error', null, tr(S.badAmount)));
    return;
  }
  const req: ExpensesSearchRequest = {
    ...(searchInputs.from.value ? { from: searchInputs.from.value } : {}),
    ...(searchInputs.to.value ? { to: searchInputs.to.value } : {}),
    ...(min === undefined ? {} : { minAmount: min }),
    ...(max === undefined ? {} : { maxAmount: max }),
    ...(searchInputs.payee.value.trim() ? { payee: searchInputs.payee.value.trim() } : {}),
  };
  searchButton.disabled = true;
  setButtonText(searchButton, S.finding);
  try {
    const result = await call('expensesSearch', req);
    replace(
      hitsEl,
      result.total === 0
        ? h('p', { class: 'empty' }, tr(S.noHits))
        : h('p', { class: 'hint count' }, tr(count.hits(result.hits.length, result.total))),
      h('ul', { class: 'hits' }, ...result.hits.map(hitItem)),
    );
  } catch (e) {
    replace(hitsEl, notice('error', S.searchFailed, errorMessage(e)));
  } finally {
    searchButton.disabled = false;
    setButtonText(searchButton, S.find);
  }
}

function hitItem(hit: ExpenseSearchHit): HTMLElement {
  const file: Child = hit.receipt
    ? link(hit.receipt, S.receipt)
    : h('span', { class: 'no-file' }, tr(S.noReceipt));
  return h(
    'li',
    { attrs: { 'data-row': hit.row } },
    h(
      'div',
      { class: 'where' },
      h('span', {}, slashDate(hit.date)),
      h('span', { class: 'payee' }, hit.payee),
      h('span', { class: 'amount' }, hit.amount === null ? '—' : yen(hit.amount)),
    ),
    h('div', { class: 'meta' }, h('span', {}, hit.account), file),
  );
}

// ---------------------------------------------------------------- export

function exportButton(vendor: ExportVendor, label: Text): HTMLButtonElement {
  const b = button(label, { action: `export-${vendor}` });
  b.addEventListener('click', () => void exportMonth(vendor, b, label));
  return b;
}

async function exportMonth(vendor: ExportVendor, b: HTMLButtonElement, label: Text): Promise<void> {
  const month = MONTH.test(monthInput.value) ? monthInput.value : view?.month;
  if (!month) return;
  b.disabled = true;
  setButtonText(b, S.exporting);
  try {
    const report = await call('expensesExport', { month, vendors: [vendor] });
    replace(
      exportsEl,
      h('p', { class: 'hint' }, tr(report.message)),
      h(
        'ul',
        { class: 'files' },
        ...report.files.map((f) =>
          h(
            'li',
            { attrs: { 'data-format': f.vendor } },
            f.file && /^https:\/\//.test(f.file.url)
              ? link(f.file.url, f.file.name)
              : tr(f.message),
          ),
        ),
      ),
    );
  } catch (e) {
    replace(exportsEl, notice('error', S.exportFailed, errorMessage(e)));
  } finally {
    b.disabled = false;
    setButtonText(b, label);
  }
}

// ---------------------------------------------------------------- start

setLang(detectLang());
void start();
