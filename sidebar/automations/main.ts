/**
 * The 自動化 (Automations) sidebar: whether the daily run is on, at which hour and under whose
 * account; turn it on, change the hour, turn it off; a dry run of any day (nothing is written);
 * 今すぐ実行 (really runs today's jobs); and the recent rows of the 実行ログ sheet.
 */
import type {
  AutomationStatus,
  DryRunReport,
  PlannedJob,
  RunLogEntry,
  RunNowReport,
} from '../../src/core/contracts/automations';
import {
  bi,
  button,
  type Child,
  form,
  h,
  label,
  message,
  replace,
  section,
  setButtonText,
} from '../shared/dom';
import { DATE_KEY, errorMessage, slashDate, TOKYO_OFFSET_MS, tokyoToday } from '../shared/format';
import { detectLang, lang, setLang, type Text, tr } from '../shared/i18n';
import { call } from '../shared/rpc';
import { count, RESULTS, S } from './strings';

const DEFAULT_HOUR = 6;
const WEEKDAYS: Record<'ja' | 'en', string[]> = {
  ja: ['日', '月', '火', '水', '木', '金', '土'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

function weekday(utcMidnightOrShifted: Date): string {
  return WEEKDAYS[lang()][utcMidnightOrShifted.getUTCDay()] ?? '';
}

/** 2026-11-30 → 2026/11/30(月). Anything else is shown as it is. */
function showDay(key: string): string {
  if (!DATE_KEY.test(key)) return key;
  const d = new Date(`${key}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return key;
  const w = weekday(d);
  return lang() === 'ja' ? `${slashDate(key)}(${w})` : `${slashDate(key)} (${w})`;
}

/** An ISO instant as Tokyo's wall clock: 2026/11/25(水) 06:12. */
function showInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const t = new Date(ms + TOKYO_OFFSET_MS).toISOString();
  return `${showDay(t.slice(0, 10))} ${t.slice(11, 16)}`;
}

/** The day part only of an ISO instant, in Tokyo. */
function instantDay(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms)
    ? iso
    : showDay(new Date(ms + TOKYO_OFFSET_MS).toISOString().slice(0, 10));
}

/** A server text that may hold several `日本語 / English` lines: one bilingual line each. */
function lines(text: Text | string): HTMLElement {
  const shown = typeof text === 'string' ? text : tr(text);
  const parts = shown.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (parts.length <= 1) return message(shown);
  return h('div', { class: 'lines' }, ...parts.map((l) => h('div', {}, l)));
}

function hint(text: Text, id?: string): HTMLElement {
  return h('div', { class: 'hint', attrs: { id } }, tr(text));
}

function failure(title: Text, error: unknown): HTMLElement {
  return h(
    'div',
    { class: 'notice error', attrs: { role: 'alert' } },
    bi(title, 'div'),
    h('div', {}, lines(errorMessage(error))),
  );
}

function success(text: Text | string): HTMLElement {
  return h(
    'div',
    { class: 'notice success', attrs: { role: 'status' } },
    typeof text === 'string' ? lines(text) : bi(text, 'div'),
  );
}

// ---------------------------------------------------------------- state

type Busy = 'load' | 'install' | 'change' | 'uninstall' | 'dryRun' | 'runNow' | 'refresh';

const app = document.getElementById('app')!;
let status: AutomationStatus | null = null;
let busy: Busy | null = null;
let confirming: 'uninstall' | 'runNow' | null = null;

const hourSelect = h('select', {
  attrs: { id: 'hour', name: 'hour', 'aria-describedby': 'hour-hint' },
});
const installButton = button(S.install, { action: 'install', primary: true });
const changeButton = button(S.changeHour, { action: 'change-hour' });
const uninstallButton = button(S.uninstall, { action: 'uninstall' });
const statusCard = h('div', { attrs: { 'data-status': '' } });
const controls = h('div', { class: 'controls' });
const statusNotice = h('div', { attrs: { 'data-notice': 'status', 'aria-live': 'polite' } });

const dateInput = h('input', {
  attrs: {
    id: 'dry-run-date',
    name: 'date',
    type: 'date',
    required: true,
    value: tokyoToday(),
    'aria-describedby': 'dry-run-hint dry-run-issue',
  },
});
const dateIssue = h('div', {
  class: 'issue error',
  attrs: { id: 'dry-run-issue', 'aria-live': 'polite' },
});
const dryRunButton = button(S.dryRunButton, { action: 'dry-run' });
const dryRunResult = h('div', { attrs: { 'data-output': 'dry-run', 'aria-live': 'polite' } });

const runNowButton = button(S.runNowButton, { action: 'run-now' });
const runNowConfirm = h('div', { attrs: { 'data-confirm': 'run-now' } });
const runNowResult = h('div', { attrs: { 'data-output': 'run-now', 'aria-live': 'polite' } });

const refreshButton = button(S.refresh, { action: 'refresh' });
const recentNotice = h('div', { attrs: { 'data-notice': 'recent', 'aria-live': 'polite' } });
const recentList = h('div', { attrs: { 'data-runs': '' } });

function fillHours(): void {
  replace(
    hourSelect,
    ...Array.from({ length: 24 }, (_, hour) =>
      h('option', { attrs: { value: hour } }, tr(count.hourOption(hour))),
    ),
  );
  hourSelect.value = String(DEFAULT_HOUR);
}

function renderLoading(): void {
  replace(
    app,
    h(
      'main',
      {},
      h('h1', {}, bi(S.title)),
      h('p', { class: 'loading', attrs: { role: 'status' } }, tr(S.loading)),
    ),
  );
}

function renderLoadFailed(error: unknown): void {
  const retry = button(S.retry, { action: 'retry' });
  retry.addEventListener('click', () => void load());
  replace(
    app,
    h('main', {}, h('h1', {}, bi(S.title)), failure(S.loadFailed, error), h('p', {}, retry)),
  );
}

function renderShell(): void {
  fillHours();
  replace(
    app,
    h(
      'main',
      {},
      h('h1', {}, bi(S.title)),
      section('status', S.status, statusCard, controls, statusNotice),
      section(
        'dry-run',
        S.dryRun,
        form(
          { class: 'field', label: S.dryRun, onSubmit: () => void runDryRun() },
          h('label', { attrs: { for: 'dry-run-date' } }, bi(S.dryRunDate)),
          h('div', { class: 'date-row' }, dateInput, dryRunButton),
          hint(S.dryRunHint, 'dry-run-hint'),
          dateIssue,
        ),
        dryRunResult,
      ),
      section(
        'run-now',
        S.runNow,
        hint(S.runNowHint),
        h('div', { class: 'actions' }, runNowButton),
        runNowConfirm,
        runNowResult,
      ),
      section(
        'recent',
        S.recent,
        h('div', { class: 'section-tools' }, refreshButton),
        recentNotice,
        recentList,
      ),
    ),
  );
  dryRunButton.type = 'submit';
}

// ---------------------------------------------------------------- status

function isOwner(s: AutomationStatus): boolean {
  return s.owner === null || s.owner === s.currentUser;
}

function fact(name: Text, value: Child, key: string): HTMLElement {
  return h(
    'div',
    { class: 'fact', attrs: { 'data-fact': key } },
    label(name, 'dt'),
    h('dd', {}, value),
  );
}

function renderStatus(s: AutomationStatus): void {
  const on = s.installed;
  const facts: Child[] = [
    fact(
      S.state,
      h(
        'span',
        {
          class: on ? 'badge on' : 'badge off',
          attrs: { 'data-state': on ? 'on' : 'off' },
        },
        tr(on ? S.on : S.off),
      ),
      'state',
    ),
  ];
  if (on && s.hour !== null) {
    facts.push(fact(S.runsAt, tr(count.daily(s.hour)), 'hour'));
  }
  if (on || s.lastSuccessAt) {
    facts.push(
      fact(
        S.lastSuccess,
        s.lastSuccessAt ? showInstant(s.lastSuccessAt) : tr(S.never),
        'last-success',
      ),
    );
  }
  if (on && s.nextRunAt && s.hour !== null) {
    facts.push(fact(S.nextRun, tr(count.withinHour(instantDay(s.nextRunAt), s.hour)), 'next-run'));
  }
  const healthClass = !on ? 'notice' : s.healthy ? 'notice success' : 'notice warning';
  replace(
    statusCard,
    h(
      'div',
      { class: on ? 'card on' : 'card off' },
      h('dl', { class: 'facts' }, ...facts),
      on && s.owner
        ? h('div', { class: 'owner', attrs: { 'data-owner': '' } }, bi(count.owner(s.owner), 'div'))
        : null,
      on && s.owner && !isOwner(s)
        ? h(
            'div',
            { class: 'owner-only', attrs: { 'data-owner-only': '' } },
            bi(count.ownerOnly(s.owner), 'div'),
          )
        : null,
      h(
        'div',
        { class: healthClass, attrs: { 'data-health': s.healthy ? 'ok' : 'check' } },
        lines(s.health),
      ),
      s.continuing
        ? h(
            'div',
            { class: 'notice warning', attrs: { 'data-continuing': '' } },
            bi(S.continuing, 'div'),
          )
        : null,
      on ? null : h('p', { class: 'intro', attrs: {} }, tr(S.intro)),
      h('p', { class: 'intro', attrs: { 'data-settings-hint': '' } }, tr(S.settingsHint)),
    ),
  );
  renderControls(s);
  renderRecent(s.recentRuns);
}

function renderControls(s: AutomationStatus): void {
  if (s.installed && !isOwner(s)) {
    replace(controls);
    return;
  }
  if (s.installed && s.hour !== null) hourSelect.value = String(s.hour);
  const field = h(
    'div',
    { class: 'field' },
    h('label', { attrs: { for: 'hour' } }, bi(S.hour)),
    hourSelect,
    hint(S.hourHint, 'hour-hint'),
  );
  const confirm = confirming === 'uninstall' ? uninstallConfirm() : null;
  replace(
    controls,
    field,
    s.installed
      ? h('div', { class: 'actions' }, changeButton, uninstallButton)
      : h('div', { class: 'actions' }, installButton),
    confirm,
  );
}

function uninstallConfirm(): HTMLElement {
  const yes = button(S.yesUninstall, { action: 'confirm-uninstall', primary: true });
  const no = button(S.cancel, { action: 'cancel' });
  yes.addEventListener('click', () => void uninstall());
  no.addEventListener('click', () => {
    confirming = null;
    if (status) renderControls(status);
    update();
    uninstallButton.focus();
  });
  return h(
    'div',
    {
      class: 'notice confirm',
      attrs: {
        role: 'alertdialog',
        'aria-label': tr(S.uninstall),
        'data-confirm': 'uninstall',
      },
    },
    bi(S.confirmUninstall, 'div'),
    h('div', { class: 'actions' }, yes, no),
  );
}

/** Enables and labels every control for the current state. */
function update(): void {
  const inFlight = busy !== null;
  const owner = status ? isOwner(status) : false;
  const on = status?.installed ?? false;
  hourSelect.disabled = inFlight || confirming === 'uninstall';
  installButton.disabled = inFlight || !status || on;
  setButtonText(installButton, busy === 'install' ? S.installing : S.install);
  changeButton.disabled =
    inFlight || !on || !owner || confirming !== null || hourSelect.value === String(status?.hour);
  setButtonText(changeButton, busy === 'change' ? S.changingHour : S.changeHour);
  uninstallButton.disabled = inFlight || !on || !owner || confirming !== null;
  setButtonText(uninstallButton, busy === 'uninstall' ? S.uninstalling : S.uninstall);
  uninstallButton.hidden = confirming === 'uninstall';
  for (const b of controls.querySelectorAll<HTMLButtonElement>('[data-confirm] button')) {
    b.disabled = inFlight;
  }
  dateInput.readOnly = inFlight;
  dryRunButton.disabled = inFlight;
  setButtonText(dryRunButton, busy === 'dryRun' ? S.dryRunning : S.dryRunButton);
  runNowButton.disabled = inFlight || confirming === 'runNow';
  runNowButton.hidden = confirming === 'runNow';
  setButtonText(runNowButton, busy === 'runNow' ? S.running : S.runNowButton);
  for (const b of runNowConfirm.querySelectorAll('button')) b.disabled = inFlight;
  refreshButton.disabled = inFlight;
  setButtonText(refreshButton, busy === 'refresh' ? S.refreshing : S.refresh);
  app.setAttribute('aria-busy', String(inFlight));
  document.body.classList.toggle('busy', inFlight);
}

/** Runs one server call with every button disabled; null when it failed (shown by `onError`). */
async function withBusy<T>(
  kind: Busy,
  run: () => Promise<T>,
  onError: (error: unknown) => void,
): Promise<T | null> {
  if (busy !== null) return null;
  busy = kind;
  update();
  try {
    return await run();
  } catch (error) {
    onError(error);
    return null;
  } finally {
    busy = null;
    update();
  }
}

let todaySet = false;

function showStatus(s: AutomationStatus): void {
  // The server's today (Asia/Tokyo), once: the person may then pick another day.
  if (!todaySet && s.today) {
    dateInput.value = s.today;
    todaySet = true;
  }
  status = s;
  renderStatus(s);
  update();
}

async function load(): Promise<void> {
  busy = 'load';
  renderLoading();
  let s: AutomationStatus;
  try {
    s = await call('automationsStatus');
  } catch (error) {
    busy = null;
    renderLoadFailed(error);
    return;
  }
  busy = null;
  setLang(s.lang);
  renderShell();
  showStatus(s);
  update();
}

async function install(kind: 'install' | 'change'): Promise<void> {
  const hour = Number(hourSelect.value);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) return;
  replace(statusNotice);
  const s = await withBusy(
    kind,
    () => call('automationsInstall', { hour }),
    (error) =>
      replace(statusNotice, failure(kind === 'install' ? S.installFailed : S.changeFailed, error)),
  );
  if (!s) return;
  showStatus(s);
  replace(statusNotice, success(kind === 'install' ? S.turnedOn : S.changed));
}

function askToUninstall(): void {
  if (busy !== null || !status?.installed) return;
  confirming = 'uninstall';
  replace(statusNotice);
  renderControls(status);
  update();
  controls.querySelector<HTMLButtonElement>('[data-action="confirm-uninstall"]')?.focus();
}

async function uninstall(): Promise<void> {
  if (confirming !== 'uninstall') return;
  const s = await withBusy(
    'uninstall',
    () => call('automationsUninstall'),
    (error) => replace(statusNotice, failure(S.uninstallFailed, error)),
  );
  confirming = null;
  if (s) {
    showStatus(s);
    replace(statusNotice, success(S.turnedOff));
  } else if (status) {
    renderControls(status);
  }
  update();
}

async function refresh(): Promise<void> {
  replace(recentNotice);
  const s = await withBusy(
    'refresh',
    () => call('automationsStatus'),
    (error) => replace(recentNotice, failure(S.refreshFailed, error)),
  );
  if (s) showStatus(s);
}

// ---------------------------------------------------------------- dry run

async function runDryRun(): Promise<void> {
  if (busy !== null) return;
  const date = dateInput.value.trim();
  if (!DATE_KEY.test(date)) {
    replace(dateIssue, bi(S.badDate, 'div'));
    dateInput.focus();
    return;
  }
  replace(dateIssue);
  replace(dryRunResult, h('p', { class: 'loading', attrs: { role: 'status' } }, tr(S.dryRunning)));
  const report = await withBusy(
    'dryRun',
    () => call('automationsDryRun', { date }),
    (error) => replace(dryRunResult, failure(S.dryRunFailed, error)),
  );
  if (report) renderDryRun(report);
}

function renderDryRun(r: DryRunReport): void {
  const day = r.businessDay
    ? h('span', { class: 'badge on', attrs: {} }, tr(S.businessDay))
    : h(
        'span',
        {
          class: 'badge off',
          attrs: {},
        },
        tr(r.holiday ? count.holiday(r.holiday) : S.notBusinessDay),
      );
  const anything = r.jobs.some((j) => j.actions.length > 0 || j.problems.length > 0);
  replace(
    dryRunResult,
    h(
      'div',
      {
        class: 'day-line',
        attrs: { 'data-day': r.date, 'data-business-day': String(r.businessDay) },
      },
      h('span', { class: 'day' }, showDay(r.date)),
      day,
    ),
    anything
      ? h('div', { class: 'jobs' }, ...r.jobs.map(renderJob))
      : h('p', { class: 'empty', attrs: { 'data-empty': '' } }, bi(S.nothingThatDay, 'div')),
  );
}

function renderJob(job: PlannedJob): HTMLElement {
  const nothing = job.actions.length === 0 && job.problems.length === 0;
  return h(
    'article',
    { class: nothing ? 'job idle' : 'job', attrs: { 'data-job': job.job } },
    h('div', { class: 'job-label' }, message(job.label)),
    nothing ? h('p', { class: 'empty' }, bi(S.nothingThatDay, 'div')) : null,
    job.actions.length
      ? h('ul', { class: 'actions-list' }, ...job.actions.map((a) => h('li', {}, lines(a))))
      : null,
    job.problems.length
      ? h(
          'div',
          { class: 'job-problems' },
          h('div', { class: 'where' }, bi(S.problems, 'div')),
          h('ul', { class: 'problems' }, ...job.problems.map((p) => h('li', {}, lines(p)))),
        )
      : null,
  );
}

// ---------------------------------------------------------------- run now

function askToRunNow(): void {
  if (busy !== null) return;
  confirming = 'runNow';
  const yes = button(S.yesRunNow, { action: 'confirm-run-now', primary: true });
  const no = button(S.cancel, { action: 'cancel-run-now' });
  yes.addEventListener('click', () => void runNow());
  no.addEventListener('click', () => {
    confirming = null;
    replace(runNowConfirm);
    update();
    runNowButton.focus();
  });
  replace(
    runNowConfirm,
    h(
      'div',
      { class: 'notice confirm', attrs: { role: 'alertdialog', 'aria-label': tr(S.runNow) } },
      bi(S.confirmRunNow, 'div'),
      h('div', { class: 'actions' }, yes, no),
    ),
  );
  update();
  yes.focus();
}

async function runNow(): Promise<void> {
  if (confirming !== 'runNow') return;
  replace(runNowResult);
  const report = await withBusy(
    'runNow',
    () => call('automationsRunNow'),
    (error) => replace(runNowResult, failure(S.runNowFailed, error)),
  );
  confirming = null;
  replace(runNowConfirm);
  update();
  if (!report) return;
  renderRunNow(report);
  // The run wrote to 実行ログ: show it in the recent runs too.
  await refresh();
}

function renderRunNow(report: RunNowReport): void {
  replace(
    runNowResult,
    h('div', { attrs: { 'data-report': '' } }, success(report.message)),
    report.runs.length
      ? h('ul', { class: 'runs' }, ...report.runs.map(renderRun))
      : h('p', { class: 'empty' }, bi(S.noRuns, 'div')),
  );
}

// ---------------------------------------------------------------- runs

function renderRun(run: RunLogEntry): HTMLElement {
  const known = RESULTS[run.result];
  const tone = known?.tone ?? 'unknown';
  return h(
    'li',
    { class: `run tone-${tone}`, attrs: { 'data-result': run.result } },
    h(
      'div',
      { class: 'run-head' },
      h('span', { class: 'run-day' }, showDay(run.day)),
      h(
        'span',
        {
          class: `badge result tone-${tone}`,
        },
        known ? tr(known.text) : run.result,
      ),
      h('span', { class: 'run-count' }, tr(count.items(run.count))),
    ),
    h('div', { class: 'run-job' }, message(run.job)),
    run.message ? h('div', { class: 'run-message' }, lines(run.message)) : null,
  );
}

function renderRecent(runs: readonly RunLogEntry[]): void {
  replace(
    recentList,
    runs.length
      ? h('ul', { class: 'runs' }, ...runs.map(renderRun))
      : h('p', { class: 'empty' }, bi(S.noRecent, 'div')),
  );
}

// ---------------------------------------------------------------- start

installButton.addEventListener('click', () => void install('install'));
changeButton.addEventListener('click', () => void install('change'));
uninstallButton.addEventListener('click', askToUninstall);
hourSelect.addEventListener('change', update);
dateInput.addEventListener('input', () => replace(dateIssue));
runNowButton.addEventListener('click', askToRunNow);
refreshButton.addEventListener('click', () => void refresh());

setLang(detectLang());
void load();
