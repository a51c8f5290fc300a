/**
 * The playground page: the workbook grid, the add-on menu, the real sidebar in a sandboxed
 * frame, the clock, the run log and the call counts. Everything shown comes from the server's
 * state (GET /api/state); every action is a POST that answers with the new state.
 */
// a1.ts imports nothing; this folder's tsconfig includes it, so it is checked as browser code.
import { columnLetter } from '../../emulator/services/spreadsheet/a1';
import type {
  ActionReply,
  CellView,
  ClockAction,
  DialogView,
  MenuView,
  OutboxMailView,
  OutboxView,
  PlaygroundState,
  RunEntry,
  RunReply,
  SheetView,
} from '../protocol';
import { renderCalendar, renderCreatedEvents } from './calendar.mjs';
import { type Deps as GmailDeps, renderGmail, renderTasks } from './gmail.mjs';
import { dropdownLists, GridEditor } from './grid-edit.mjs';
import { applyLang, bi, type Lang, lang, t } from './i18n.mjs';

type App = 'sheets' | 'gmail' | 'calendar' | 'outbox';

const ui = {
  state: null as PlaygroundState | null,
  app: 'sheets' as App,
  sheet: '',
  /** The sidebar the frame shows, and the one the person closed. */
  sidebarShown: 0,
  sidebarClosed: 0,
  dismissedDialogs: new Set<string>(),
  toastsShown: new Set<string>(),
  openRun: new Set<number>(),
  busy: 0,
  /** The outbox whose PDFs were last sent for rendering (asked once per outbox). */
  pdfsAskedFor: '',
};

let gridEditor: GridEditor | null = null;

// ---------------------------------------------------------------------------------------------
// DOM helpers

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

// ---------------------------------------------------------------------------------------------
// Server

async function getState(): Promise<PlaygroundState> {
  const res = await fetch('/api/state');
  return (await res.json()) as PlaygroundState;
}

async function post(path: string, body: unknown = {}): Promise<ActionReply> {
  ui.busy++;
  $('busy').hidden = false;
  try {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const reply = (await res.json()) as ActionReply;
    if (reply.state) render(reply.state);
    if (!reply.ok && reply.message) toast(t('エラー', 'Error'), reply.message, true);
    return reply;
  } catch (e) {
    toast(t('通信エラー', 'Connection error'), e instanceof Error ? e.message : String(e), true);
    throw e;
  } finally {
    ui.busy--;
    $('busy').hidden = ui.busy === 0;
  }
}

async function refresh(): Promise<void> {
  render(await getState());
}

// ---------------------------------------------------------------------------------------------
// Time (shown in the workspace's zone, Asia/Tokyo)

function zoneParts(ms: number, timeZone: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat(lang() === 'en' ? 'en-US' : 'ja-JP', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const out: Record<string, string> = {};
  for (const p of parts) out[p.type] = p.value;
  return out;
}

function formatNow(ms: number, tz: string): string {
  const p = zoneParts(ms, tz);
  const weekday = lang() === 'en' ? ` (${p.weekday})` : `(${p.weekday})`;
  return `${p.year}/${p.month}/${p.day}${weekday} ${p.hour}:${p.minute}`;
}

function formatTime(ms: number, tz: string): string {
  const p = zoneParts(ms, tz);
  return `${p.month}/${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

function toInputValue(ms: number, tz: string): string {
  const p = zoneParts(ms, tz);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

// ---------------------------------------------------------------------------------------------
// Rendering

function render(state: PlaygroundState): void {
  ui.state = state;
  renderLanguage(state.language);
  renderApps();
  renderClock(state);
  renderMenus(state.menus);
  renderWorkbook(state);
  renderSidebar(state);
  renderDialogs(state.dialogs);
  renderRuns(state);
  renderCalls(state.calls, state.localCalls);
  renderPanes(state);
}

/**
 * The page follows the account's language; on a switch an open sidebar loads again (it asks the
 * server for its language when it starts).
 */
function renderLanguage(next: Lang): void {
  const select = $('language') as HTMLSelectElement;
  if (select.value !== next) select.value = next;
  if (!applyLang(next)) return;
  const frame = $('sidebar-frame') as HTMLIFrameElement;
  const src = frame.getAttribute('src');
  if (src) frame.src = src;
}

function renderApps(): void {
  for (const tab of document.querySelectorAll<HTMLButtonElement>('.app-tab')) {
    tab.setAttribute('aria-pressed', String(tab.dataset['app'] === ui.app));
  }
  for (const pane of document.querySelectorAll<HTMLElement>('[data-app-pane]')) {
    pane.hidden = pane.dataset['appPane'] !== ui.app;
  }
}

function renderClock(state: PlaygroundState): void {
  const { now, timeZone, triggersCheckedUpTo } = state.clock;
  $('clock-now').textContent = formatNow(now, timeZone);
  $('clock-zone').textContent = timeZone;
  const input = $('clock-input') as HTMLInputElement;
  if (document.activeElement !== input) input.value = toInputValue(now, timeZone);
  const summary = $('trigger-summary');
  summary.replaceChildren();
  const n = state.triggers.length;
  summary.append(
    n === 0
      ? bi('時間主導トリガーはありません', 'no time-driven triggers')
      : bi(`トリガー ${n} 件`, `${n} trigger(s)`),
  );
  if (n > 0) {
    summary.append(
      ' · ',
      bi(`確認済み ${formatNow(triggersCheckedUpTo, timeZone)} まで`, 'checked up to then'),
    );
  }
}

function renderMenus(menus: MenuView[]): void {
  const bar = $('menubar');
  bar.replaceChildren();
  const addon = menus.filter((m) => m.addon);
  const own = menus.filter((m) => !m.addon);
  if (addon.length > 0) {
    bar.append(
      menuButton(
        bi('拡張機能', 'Extensions'),
        addon.map((m) => ({ title: m.title, items: m.items })),
      ),
    );
  }
  for (const m of own) bar.append(menuButton(m.title, [{ title: '', items: m.items }]));
  if (menus.length === 0) {
    bar.append(h('span', { class: 'muted' }, bi('メニューはまだありません', 'no menu yet')));
  }
}

function menuButton(label: Node | string, groups: { title: string; items: MenuView['items'] }[]) {
  const wrap = h('div', { class: 'menu' });
  const button = h(
    'button',
    { type: 'button', class: 'menu-top', 'aria-haspopup': 'true', 'aria-expanded': 'false' },
    label,
  );
  const list = h('div', { class: 'menu-list', role: 'menu', hidden: true });
  for (const g of groups) {
    if (g.title) list.append(h('div', { class: 'menu-group', role: 'presentation' }, g.title));
    for (const item of g.items) {
      if (item === null) {
        list.append(h('hr', { class: 'menu-sep' }));
        continue;
      }
      const entry = h(
        'button',
        {
          type: 'button',
          role: 'menuitem',
          class: 'menu-item',
          'data-function': item.functionName,
        },
        item.caption,
      );
      entry.addEventListener('click', () => {
        closeMenus();
        void clickMenu(item.functionName);
      });
      list.append(entry);
    }
  }
  button.addEventListener('click', (e) => {
    e.stopPropagation();
    const open = list.hidden;
    closeMenus();
    list.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
  });
  wrap.append(button, list);
  return wrap;
}

function closeMenus(): void {
  for (const l of document.querySelectorAll<HTMLElement>('.menu-list')) l.hidden = true;
  for (const b of document.querySelectorAll<HTMLElement>('.menu-top'))
    b.setAttribute('aria-expanded', 'false');
}

async function clickMenu(functionName: string): Promise<void> {
  // A sidebar the function shows opens by itself (render sees a new sidebar id).
  await post('/api/menu', { functionName });
}

function renderWorkbook(state: PlaygroundState): void {
  const wb = state.workbook;
  $('doc-title').textContent = wb ? wb.name : '';
  const tabs = $('sheet-tabs');
  const scroll = $('grid-scroll');
  if (!wb || wb.sheets.length === 0) {
    tabs.replaceChildren();
    scroll.replaceChildren(
      h('p', { class: 'empty' }, bi('スプレッドシートがありません', 'No spreadsheet')),
    );
    return;
  }
  if (!wb.sheets.some((s) => s.name === ui.sheet)) ui.sheet = wb.sheets[0]?.name ?? '';
  tabs.replaceChildren(
    ...wb.sheets.map((s) => {
      const tab = h(
        'button',
        {
          type: 'button',
          class: 'sheet-tab',
          role: 'tab',
          'aria-selected': String(s.name === ui.sheet),
        },
        s.name,
      );
      tab.addEventListener('click', () => {
        ui.sheet = s.name;
        scroll.scrollTo(0, 0);
        if (ui.state) renderWorkbook(ui.state);
      });
      return tab;
    }),
  );
  const sheet = wb.sheets.find((s) => s.name === ui.sheet);
  if (sheet) {
    const top = scroll.scrollTop;
    const left = scroll.scrollLeft;
    scroll.replaceChildren(renderGrid(sheet), dropdownLists(sheet));
    scroll.scrollTo(left, top);
  }
  gridEditor?.redrawn();
}

function shownSheet(): SheetView | undefined {
  return ui.state?.workbook?.sheets.find((s) => s.name === ui.sheet);
}

const HEADER_HEIGHT = 24;
const ROW_HEIGHT = 22;
const ROW_HEAD_WIDTH = 46;

function renderGrid(sheet: SheetView): HTMLTableElement {
  const columns = Math.max(sheet.columnWidths.length, ...sheet.rows.map((r) => r.length), 1);
  let total = ROW_HEAD_WIDTH;
  const colgroup = h('colgroup', {}, h('col', { style: `width:${ROW_HEAD_WIDTH}px` }));
  for (let c = 0; c < columns; c++) {
    const w = sheet.columnWidths[c] ?? 100;
    total += w;
    colgroup.append(h('col', { style: `width:${w}px` }));
  }
  const table = h('table', { class: 'grid', 'data-sheet': sheet.name, style: `width:${total}px` });
  table.append(colgroup);
  const head = h('tr', {}, h('th', { class: 'corner' }));
  for (let c = 0; c < columns; c++)
    head.append(h('th', { class: 'col-head' }, columnLetter(c + 1)));
  table.append(h('thead', {}, head));
  const body = h('tbody');
  sheet.rows.forEach((row, r) => {
    const frozen = r < sheet.frozenRows;
    const tr = h('tr', {
      class: frozen ? (r === sheet.frozenRows - 1 ? 'frozen frozen-last' : 'frozen') : undefined,
      style: frozen ? `top:${HEADER_HEIGHT + r * ROW_HEIGHT}px` : undefined,
      'data-row': r + 1,
    });
    tr.append(h('th', { class: 'row-head' }, String(r + 1)));
    for (let c = 0; c < columns; c++) tr.append(renderCell(row[c] ?? null, r, c));
    body.append(tr);
  });
  table.append(body);
  if (sheet.maxRows > sheet.rows.length) {
    const more = sheet.maxRows - sheet.rows.length;
    const tr = h('tr', { class: 'more' });
    tr.append(
      h(
        'td',
        { colspan: columns + 1 },
        bi(`ほか ${more} 行は省略`, `${more} more row(s) not shown`),
      ),
    );
    body.append(tr);
  }
  return table;
}

function renderCell(cell: CellView | null, r: number, c: number): HTMLTableCellElement {
  const td = h('td', { 'data-cell': `${columnLetter(c + 1)}${r + 1}` });
  if (!cell) return td;
  const classes: string[] = [];
  if (cell.r) classes.push('num');
  if (cell.b) classes.push('bold');
  if (cell.dd) classes.push('dropdown');
  if (cell.n) classes.push('has-note');
  if (classes.length) td.className = classes.join(' ');
  if (cell.bg) td.style.background = cell.bg;
  if (cell.n) td.title = cell.n;
  td.append(h('span', { class: 'v' }, cell.t));
  if (cell.dd) td.append(h('span', { class: 'dd', 'aria-hidden': 'true' }, '▾'));
  return td;
}

/** The page's one-column layout (style.css has the same width). */
const NARROW = '(max-width: 700px)';

function renderSidebar(state: PlaygroundState): void {
  const aside = $('sidebar');
  const frame = $('sidebar-frame') as HTMLIFrameElement;
  const sb = state.sidebar;
  if (!sb || sb.id === ui.sidebarClosed) {
    aside.hidden = true;
    if (frame.getAttribute('src')) frame.removeAttribute('src');
    ui.sidebarShown = 0;
    return;
  }
  aside.hidden = false;
  $('sidebar-title').textContent = sb.title;
  if (sb.id !== ui.sidebarShown) {
    ui.sidebarShown = sb.id;
    frame.src = `/sidebar/${sb.id}`;
    // On a narrow screen the sidebar sits below the grid: bring it into view.
    if (window.matchMedia(NARROW).matches) aside.scrollIntoView({ block: 'start' });
  }
}

function renderDialogs(dialogs: DialogView[]): void {
  for (const d of dialogs) {
    if (d.kind === 'toast' && !ui.toastsShown.has(d.id)) {
      ui.toastsShown.add(d.id);
      toast(d.title, d.message, false);
    }
  }
  const layer = $('dialog-layer');
  const open = dialogs.find((d) => d.kind !== 'toast' && !ui.dismissedDialogs.has(d.id));
  if (!open) {
    layer.hidden = true;
    layer.replaceChildren();
    return;
  }
  const close = () => {
    ui.dismissedDialogs.add(open.id);
    if (ui.state) renderDialogs(ui.state.dialogs);
  };
  if (open.url) {
    // An HTML dialog: its own page in a frame, sized as the bundle asked, closed with its ×.
    if (layer.querySelector(`[data-dialog="${CSS.escape(open.id)}"]`)) return;
    const x = h(
      'button',
      {
        type: 'button',
        class: 'icon-btn',
        'aria-label': t('閉じる', 'Close'),
        title: t('閉じる', 'Close'),
      },
      '×',
    );
    x.addEventListener('click', close);
    const frame = h('iframe', {
      src: open.url,
      title: open.title,
      sandbox: 'allow-scripts',
      style: `width:${open.width ?? 600}px;height:${open.height ?? 400}px`,
    });
    layer.replaceChildren(
      h(
        'div',
        {
          class: 'dialog html-dialog',
          role: 'dialog',
          'aria-modal': 'true',
          'aria-label': open.title,
          'data-dialog': open.id,
        },
        h('div', { class: 'html-dialog-head' }, h('h3', {}, open.title), x),
        frame,
      ),
    );
    layer.hidden = false;
    return;
  }
  const ok = h('button', { type: 'button', class: 'btn primary' }, 'OK');
  ok.addEventListener('click', close);
  layer.replaceChildren(
    h(
      'div',
      { class: 'dialog', role: 'alertdialog', 'aria-label': open.title },
      h('h3', {}, open.title),
      h('p', {}, open.message),
      h('div', { class: 'dialog-actions' }, ok),
    ),
  );
  layer.hidden = false;
}

function toast(title: string, message: string, error: boolean): void {
  const el = h(
    'div',
    { class: error ? 'toast error' : 'toast', role: 'status' },
    h('strong', {}, title),
    h('div', {}, message),
  );
  $('toasts').append(el);
  setTimeout(() => el.remove(), error ? 10000 : 6000);
}

const VIA: Record<RunEntry['via'], [string, string]> = {
  seed: ['デモ準備', 'seed'],
  open: ['起動', 'open'],
  menu: ['メニュー', 'menu'],
  sidebar: ['サイドバー', 'sidebar'],
  trigger: ['トリガー', 'trigger'],
  job: ['ジョブ', 'job'],
  addon: ['アドオン', 'add-on'],
};

function renderRuns(state: PlaygroundState): void {
  const box = $('runs');
  if (state.runs.length === 0) {
    box.replaceChildren(h('p', { class: 'empty' }, bi('まだありません', 'Nothing yet')));
    return;
  }
  const tz = state.clock.timeZone;
  const table = h(
    'table',
    { class: 'runs-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, bi('開始', 'Start')),
        h('th', {}, bi('関数', 'Function')),
        h('th', {}, bi('経由', 'Via')),
        h('th', {}, bi('所要', 'Time')),
        h('th', {}, bi('呼出', 'Calls')),
        h('th', {}, bi('結果', 'Result')),
      ),
    ),
  );
  const body = h('tbody');
  for (const run of [...state.runs].reverse()) {
    const via = VIA[run.via];
    const status = run.ok
      ? h('span', { class: 'ok' }, bi('完了', 'done'))
      : h('span', { class: 'fail' }, bi('失敗', 'failed'), ': ', run.error ?? '');
    const tr = h(
      'tr',
      { class: run.ok ? 'run' : 'run failed', 'data-run': run.name },
      h('td', { class: 'mono' }, formatTime(run.startedAt, tz)),
      h('td', { class: 'mono' }, run.name),
      h('td', {}, bi(via[0], via[1])),
      h('td', { class: 'mono num' }, `${((run.endedAt - run.startedAt) / 1000).toFixed(2)} s`),
      h('td', { class: 'mono num' }, String(run.calls)),
      h('td', {}, status),
    );
    body.append(tr);
    if (run.logs.length > 0) {
      const logs = h(
        'details',
        { open: ui.openRun.has(run.id) },
        h('summary', {}, bi(`ログ ${run.logs.length} 行`, `${run.logs.length} log line(s)`)),
        h('pre', {}, run.logs.map((l) => `${l.level.toUpperCase()}  ${l.message}`).join('\n')),
      );
      logs.addEventListener('toggle', () => {
        if (logs.open) ui.openRun.add(run.id);
        else ui.openRun.delete(run.id);
      });
      body.append(h('tr', { class: 'logs' }, h('td', { colspan: 6, class: 'logs-cell' }, logs)));
    }
  }
  table.append(body);
  box.replaceChildren(table);
}

/**
 * Service calls as the README counts them; CardService's builders, which run locally in Apps
 * Script, are listed apart and not added to the total.
 */
function renderCalls(calls: Record<string, number>, local: Record<string, number>): void {
  const box = $('calls');
  const entries = Object.entries(calls);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  $('calls-total').textContent = `${total}`;
  if (entries.length === 0 && Object.keys(local).length === 0) {
    box.replaceChildren(h('p', { class: 'empty' }, bi('まだありません', 'Nothing yet')));
    return;
  }
  const rows = (counts: Record<string, number>) =>
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([key, n]) =>
        h('tr', {}, h('td', { class: 'mono' }, key), h('td', { class: 'mono num' }, String(n))),
      );
  const localRows = rows(local);
  box.replaceChildren(
    h('table', { class: 'calls-table' }, h('tbody', {}, ...rows(calls))),
    localRows.length === 0
      ? ''
      : h(
          'details',
          { class: 'local-calls' },
          h(
            'summary',
            { class: 'local-calls-summary' },
            bi(
              'CardService のビルダー(ローカル実行のため数えません)',
              'CardService builders: run locally, not counted',
            ),
          ),
          h('table', { class: 'calls-table' }, h('tbody', {}, ...localRows)),
        ),
  );
}

function renderPanes(state: PlaygroundState): void {
  const empty = (ja: string, en: string) =>
    h(
      'div',
      { class: 'empty-state' },
      h('p', { class: 'empty' }, bi('まだありません', 'Nothing yet')),
      h('p', { class: 'muted' }, bi(ja, en)),
    );
  if (!state.available.gmail || !state.gmail) {
    $('gmail-body').replaceChildren(
      empty('Gmail のエミュレーターはまだ準備中です', 'The Gmail emulator is not built yet'),
    );
  } else {
    renderGmail($('gmail-body'), state.gmail, gmailDeps(state.clock.timeZone));
  }
  if (!state.available.calendar || !state.calendar) {
    $('calendar-body').replaceChildren(
      empty('カレンダーのエミュレーターはまだ準備中です', 'The Calendar emulator is not built yet'),
    );
  } else {
    renderCalendar($('calendar-body'), state.calendar, gmailDeps(state.clock.timeZone));
  }
  const outbox = state.outbox;
  const noTasks = (outbox.tasks ?? []).length === 0 && (outbox.events ?? []).length === 0;
  if (
    !state.available.outbox ||
    (outbox.mails.length === 0 && outbox.files.length === 0 && noTasks)
  ) {
    $('outbox-body').replaceChildren(
      empty(
        '下書き・送信メール・PDF・タスク・予定はここに表示されます',
        'Drafts, sent mail, PDFs, tasks and events will appear here',
      ),
    );
  } else {
    renderOutbox(outbox, state.clock.timeZone);
    if (ui.app === 'outbox') void renderPdfsForSizes(outbox);
  }
}

/** The real PDFs are rendered once the Outbox shows them, so it can give their sizes. */
async function renderPdfsForSizes(outbox: OutboxView): Promise<void> {
  const asked = `${outbox.files.length}/${outbox.mails.length}/${outbox.pdfsPending ?? 0}`;
  if (!outbox.pdfsPending || ui.pdfsAskedFor === asked) return;
  ui.pdfsAskedFor = asked;
  await post('/api/outbox/render');
}

function gmailDeps(tz: string): GmailDeps {
  return { h, bi, t, lang, post, formatTime: (ms) => formatNow(ms, tz) };
}

function formatSize(bytes: number | null): string {
  if (bytes === null) return '…';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Drafts and sent mail, then the Drive files. Every text from a mail goes in as text. */
function renderOutbox(outbox: OutboxView, tz: string): void {
  const mails = h(
    'section',
    { class: 'outbox-section', 'aria-label': t('下書き・送信メール', 'Mail') },
    h(
      'h3',
      {},
      bi(
        `下書き・送信メール ${outbox.mails.length} 件`,
        `Drafts and sent mail: ${outbox.mails.length}`,
      ),
    ),
  );
  if (outbox.mails.length === 0) {
    mails.append(h('p', { class: 'empty' }, bi('まだありません', 'Nothing yet')));
  }
  for (const m of [...outbox.mails].reverse()) mails.append(renderMail(m, tz));

  const files = h(
    'section',
    { class: 'outbox-section', 'aria-label': t('ドライブ', 'Drive') },
    h(
      'h3',
      {},
      bi(`ドライブのファイル ${outbox.files.length} 件`, `Drive files: ${outbox.files.length}`),
    ),
  );
  if (outbox.files.length === 0) {
    files.append(h('p', { class: 'empty' }, bi('まだありません', 'Nothing yet')));
  } else {
    const rows = outbox.files.map((f) =>
      h(
        'tr',
        { class: f.trashed ? 'drive-file trashed' : 'drive-file', 'data-file': f.id },
        h(
          'td',
          { class: 'path' },
          f.href
            ? h(
                'a',
                {
                  href: f.href,
                  target: '_blank',
                  rel: 'noopener',
                  class: f.mimeType === 'application/pdf' ? 'pdf-link' : 'file-link',
                },
                f.path,
              )
            : f.path,
          f.trashed ? h('span', { class: 'badge' }, bi('ゴミ箱', 'trashed')) : null,
        ),
        h('td', { class: 'mono' }, f.mimeType),
        h('td', { class: 'mono num' }, formatSize(f.size)),
      ),
    );
    // A text file (a 全銀 transfer file) shows its records below its row, decoded by the server.
    const withLines = outbox.files.flatMap((f, i) =>
      f.lines
        ? [
            rows[i]!,
            h(
              'tr',
              { class: 'drive-file-lines', 'data-file-lines': f.id },
              h('td', { colspan: '3' }, h('pre', { class: 'file-lines' }, f.lines.join('\n'))),
            ),
          ]
        : [rows[i]!],
    );
    files.append(
      h(
        'table',
        { class: 'drive-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', {}, bi('パス', 'Path')),
            h('th', {}, bi('種類', 'Type')),
            h('th', {}, bi('サイズ', 'Size')),
          ),
        ),
        h('tbody', {}, ...withLines),
      ),
    );
  }
  const tasks = outbox.tasks ?? [];
  const events = outbox.events ?? [];
  $('outbox-body').replaceChildren(
    outbox.pdfHint ? h('p', { class: 'pdf-hint', role: 'note' }, outbox.pdfHint) : '',
    mails,
    files,
    ...(tasks.length > 0 ? [renderTasks(tasks, gmailDeps(tz))] : []),
    ...(events.length > 0 ? [renderCreatedEvents(events, gmailDeps(tz))] : []),
  );
}

function renderMail(m: OutboxMailView, tz: string): HTMLElement {
  const kind =
    m.kind === 'draft'
      ? h('span', { class: 'badge draft' }, bi('下書き', 'draft'))
      : h('span', { class: 'badge sent' }, bi('送信済み', 'sent'));
  const attachments = h('ul', { class: 'attachments' });
  for (const a of m.attachments) {
    const label = `${a.name} (${formatSize(a.size)})`;
    attachments.append(
      h(
        'li',
        {},
        h('span', { class: 'label' }, bi('添付', 'Attached')),
        a.href
          ? h('a', { href: a.href, target: '_blank', rel: 'noopener', class: 'pdf-link' }, label)
          : label,
      ),
    );
  }
  return h(
    'article',
    { class: `mail ${m.kind}`, 'data-mail': m.id },
    h(
      'header',
      { class: 'mail-head' },
      kind,
      h('span', { class: 'mail-subject' }, m.subject || bi('(件名なし)', '(no subject)')),
      h('time', { class: 'mono muted' }, formatNow(m.date, tz)),
    ),
    h(
      'dl',
      { class: 'mail-meta' },
      h('dt', {}, bi('宛先', 'To')),
      h('dd', { class: 'mail-to' }, m.to || '—'),
      m.cc ? h('dt', {}, 'Cc') : null,
      m.cc ? h('dd', {}, m.cc) : null,
      h('dt', {}, bi('差出人', 'From')),
      h('dd', {}, m.from),
    ),
    h('pre', { class: 'mail-preview' }, m.preview),
    m.attachments.length > 0 ? attachments : null,
    h(
      'a',
      { href: m.emlHref, download: '', class: 'btn eml-link' },
      bi('.eml をダウンロード', 'Download .eml'),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// The sidebar's google.script.run: the frame (an opaque, sandboxed origin, as on Apps Script)
// posts each call here; the page runs it on the server and posts the reply back.

interface FrameCall {
  pokke: 'call';
  id: number;
  name: string;
  argsJson: string;
}
interface FrameHost {
  pokke: 'host';
  action: string;
  value?: unknown;
}
/** The Google Picker stand-in in the sidebar: list the Drive's files, or pick one. */
interface FramePicker {
  pokke: 'picker';
  id: number;
  action: string;
  value?: unknown;
}

window.addEventListener('message', (event: MessageEvent<FrameCall | FrameHost | FramePicker>) => {
  const frame = $('sidebar-frame') as HTMLIFrameElement;
  if (event.source !== frame.contentWindow || !event.data || typeof event.data !== 'object') return;
  const msg = event.data;
  if (msg.pokke === 'call') {
    void runFromSidebar(msg).then((result) => {
      frame.contentWindow?.postMessage({ pokke: 'result', id: msg.id, result }, '*');
    });
  } else if (msg.pokke === 'picker') {
    void fetch('/api/picker', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: msg.action, value: msg.value }),
    })
      .then((res) => res.json())
      .then((result: unknown) => {
        frame.contentWindow?.postMessage({ pokke: 'result', id: msg.id, result }, '*');
      });
  } else if (msg.pokke === 'host' && msg.action === 'close') {
    closeSidebar();
  }
});

function closeSidebar(): void {
  ui.sidebarClosed = ui.sidebarShown;
  if (ui.state) renderSidebar(ui.state);
  void post('/api/sidebar/close');
}

async function runFromSidebar(call: FrameCall): Promise<RunReply> {
  try {
    const res = await fetch('/api/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: call.name, argsJson: call.argsJson }),
    });
    const reply = (await res.json()) as RunReply;
    void refresh();
    return reply;
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

// ---------------------------------------------------------------------------------------------
// Controls

async function clock(action: ClockAction): Promise<ActionReply> {
  const reply = await post('/api/clock', action);
  await refreshCalendarCard();
  return reply;
}

/**
 * The Calendar add-on's homepage runs again while the Calendar pane shows (as Calendar does
 * when the add-on is opened): when the pane is shown, and after the clock moves or triggers
 * fire, so its "today" and what is due follow. Nothing runs while another pane shows.
 */
async function refreshCalendarCard(): Promise<boolean> {
  if (ui.app !== 'calendar' || !ui.state?.calendar?.addon) return false;
  await post('/api/calendar/home');
  return true;
}

function wire(): void {
  document.addEventListener('click', closeMenus);
  for (const tab of document.querySelectorAll<HTMLButtonElement>('.app-tab')) {
    tab.addEventListener('click', () => {
      ui.app = (tab.dataset['app'] as App) ?? 'sheets';
      renderApps();
      // Another pane may show what changed meanwhile (a sidebar's run, a trigger); the Calendar
      // pane's card is the add-on's homepage, run afresh.
      void refreshCalendarCard().then((ran) => (ran ? undefined : refresh()));
    });
  }
  $('reset').addEventListener('click', () => {
    const reset = () => {
      ui.sidebarClosed = 0;
      void post('/api/reset').then(refreshCalendarCard);
    };
    const done = ui.state?.sinceReset;
    if (!done || (done.runs === 0 && done.edits === 0 && !done.clockMoved)) reset();
    else confirmReset(done, reset);
  });
  $('sidebar-close').addEventListener('click', closeSidebar);
  $('clock-set').addEventListener('click', () => {
    const value = ($('clock-input') as HTMLInputElement).value;
    if (value) void clock({ action: 'set', at: value });
  });
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-advance]')) {
    b.addEventListener(
      'click',
      () => void clock({ action: 'advance', ms: Number(b.dataset['advance']) }),
    );
  }
  $('clock-month-end').addEventListener('click', () => void clock({ action: 'monthEnd' }));
  $('clock-last-business-day').addEventListener(
    'click',
    () => void clock({ action: 'lastBusinessDay' }),
  );
  $('fire-triggers').addEventListener('click', async () => {
    const reply = await post('/api/triggers/fire');
    if (reply.ok && reply.message) toast(t('トリガー', 'Triggers'), reply.message, false);
    refreshSidebar();
    await refreshCalendarCard();
  });
  ($('language') as HTMLSelectElement).addEventListener('change', (e) => {
    const language = (e.target as HTMLSelectElement).value;
    void post('/api/language', { language });
  });
  gridEditor = new GridEditor(
    $('grid-scroll'),
    $('name-box'),
    $('formula-input') as HTMLInputElement,
    {
      sheet: shownSheet,
      write: async (sheet, cell, text) => (await post('/api/cell', { sheet, cell, text })).ok,
    },
  );
}

/**
 * The triggers may have changed what the open sidebar shows: the sidebar's own 更新 (refresh)
 * button is pressed for it, when it has one (the automations sidebar's status and recent runs).
 */
function refreshSidebar(): void {
  const frame = $('sidebar-frame') as HTMLIFrameElement;
  if (!($('sidebar') as HTMLElement).hidden) {
    frame.contentWindow?.postMessage({ pokke: 'refresh' }, '*');
  }
}

/** Reset throws away what was done: the page asks first, naming it. */
function confirmReset(done: PlaygroundState['sinceReset'], reset: () => void): void {
  const layer = $('confirm-layer');
  const parts: [string, string][] = [];
  if (done.runs > 0) parts.push([`実行 ${done.runs} 件`, `${done.runs} run(s)`]);
  if (done.edits > 0) parts.push([`セルの編集 ${done.edits} 件`, `${done.edits} cell edit(s)`]);
  if (done.clockMoved) parts.push(['時計の変更', 'the clock moved']);
  const close = () => {
    layer.hidden = true;
    layer.replaceChildren();
    $('reset').focus();
  };
  const cancel = h(
    'button',
    { type: 'button', class: 'btn', 'data-action': 'cancel' },
    bi('キャンセル', 'Cancel'),
  );
  cancel.addEventListener('click', close);
  const ok = h(
    'button',
    { type: 'button', class: 'btn danger', 'data-action': 'reset' },
    bi('デモに戻す', 'Reset'),
  );
  ok.addEventListener('click', () => {
    close();
    reset();
  });
  const dialog = h(
    'div',
    {
      class: 'dialog',
      role: 'alertdialog',
      'aria-modal': 'true',
      'aria-labelledby': 'confirm-title',
    },
    h('h3', { id: 'confirm-title' }, bi('デモに戻しますか?', 'Reset the playground?')),
    h(
      'p',
      {},
      bi(
        `ここで行ったこと(${parts.map((p) => p[0]).join('・')})はすべて消え、デモの最初の状態に戻ります。`,
        `Everything done here (${parts.map((p) => p[1]).join(', ')}) is thrown away and the demo starts again.`,
      ),
    ),
    h('div', { class: 'dialog-actions' }, cancel, ok),
  );
  dialog.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  layer.replaceChildren(dialog);
  layer.hidden = false;
  cancel.focus();
}

wire();
void refresh();
