/**
 * The settings sidebar: loads the owner's settings, edits them, checks them as they are typed and
 * saves them. Offers to set the workbook up when it is not yet.
 */
import type {
  FieldIssue,
  LanguageChoice,
  SettingsForm,
  SettingsView,
} from '../../src/core/contracts/settings';
import {
  append,
  bi,
  button,
  type Child,
  h,
  link,
  message,
  replace,
  setButtonText,
} from '../shared/dom';
import { errorMessage } from '../shared/format';
import { detectLang, setLang, type Text, tr } from '../shared/i18n';
import { call } from '../shared/rpc';
import { NTA_LOOKUP_URL, S, TERMS_SUGGESTIONS } from './strings';
import { checkField, type Issue, MAX_INVOICE_NOTE, MAX_SETTING_TEXT } from './validate';

type Key = keyof SettingsForm;

/** The server refuses longer text (settingsFormSchema). */
const LANGUAGES = ['auto', 'ja', 'en'] as const satisfies readonly LanguageChoice[];
const MAX_TEXT = MAX_SETTING_TEXT;

interface FieldDef {
  label: Text;
  hint?: Text;
  type?: 'text' | 'email' | 'tel';
  options?: { value: string; text: Text }[];
  /** A multi-line text area of this many rows. */
  multiline?: number;
  attrs?: Record<string, string>;
  /** An example in the reader's language. */
  placeholder?: Text;
  extra?: () => Child;
}

const DEFS: { [K in Key]: FieldDef } = {
  companyName: { label: S.companyName, attrs: { autocomplete: 'organization' } },
  registrationNumber: {
    label: S.registrationNumber,
    hint: S.registrationHint,
    attrs: {
      placeholder: 'T1234567890123',
      autocomplete: 'off',
      spellcheck: 'false',
      autocapitalize: 'characters',
    },
    extra: () => h('div', { class: 'hint' }, link(NTA_LOOKUP_URL, S.registrationLookup)),
  },
  postalCode: {
    label: S.postalCode,
    attrs: { placeholder: '150-0001', inputmode: 'numeric', autocomplete: 'postal-code' },
  },
  address: { label: S.address, attrs: { autocomplete: 'street-address' } },
  phone: {
    label: S.phone,
    type: 'tel',
    attrs: { placeholder: '03-1234-5678', autocomplete: 'tel' },
  },
  email: {
    label: S.email,
    type: 'email',
    attrs: { placeholder: 'info@example.jp', autocomplete: 'email' },
  },
  bankName: { label: S.bankName, placeholder: S.bankNameExample },
  bankBranch: { label: S.bankBranch, placeholder: S.bankBranchExample },
  accountType: {
    label: S.accountType,
    options: [
      { value: '普通', text: S.futsu },
      { value: '当座', text: S.toza },
    ],
  },
  accountNumber: {
    label: S.accountNumber,
    attrs: { placeholder: '1234567', inputmode: 'numeric' },
  },
  accountHolder: {
    label: S.accountHolder,
    hint: S.accountHolderHint,
    placeholder: S.accountHolderExample,
    attrs: { autocomplete: 'off' },
  },
  companyNameEn: {
    label: S.companyNameEn,
    hint: S.englishNamesHint,
    placeholder: S.companyNameEnExample,
    attrs: { autocomplete: 'off' },
  },
  addressEn: { label: S.addressEn, placeholder: S.addressEnExample },
  bankNameEn: { label: S.bankNameEn, placeholder: S.bankNameEnExample },
  bankBranchEn: { label: S.bankBranchEn, placeholder: S.bankBranchEnExample },
  rounding: {
    label: S.rounding,
    hint: S.roundingHint,
    options: [
      { value: 'floor', text: S.floor },
      { value: 'round', text: S.round },
      { value: 'ceil', text: S.ceil },
    ],
  },
  defaultTerms: {
    label: S.defaultTerms,
    hint: S.defaultTermsHint,
    attrs: { list: 'terms-suggestions', autocomplete: 'off' },
  },
  invoiceNumberPattern: {
    label: S.invoiceNumberPattern,
    hint: S.invoiceNumberPatternHint,
    attrs: { placeholder: '{YYYY}-{MM}-{SEQ4}', autocomplete: 'off', spellcheck: 'false' },
  },
  invoiceNote: {
    label: S.invoiceNote,
    hint: S.invoiceNoteHint,
    multiline: 3,
    placeholder: S.invoiceNoteExample,
    attrs: { maxlength: String(MAX_INVOICE_NOTE) },
  },
  transferFeeNote: {
    label: S.transferFeeNote,
    hint: S.transferFeeNoteHint,
    options: [
      { value: 'する', text: S.transferFeeNoteYes },
      { value: 'しない', text: S.transferFeeNoteNo },
    ],
  },
  sendDirectly: {
    label: S.sendDirectly,
    hint: S.sendDirectlyHint,
    options: [
      { value: 'しない', text: S.sendDirectlyNo },
      { value: 'する', text: S.sendDirectlyYes },
    ],
  },
};

/** The form's layout: sections of rows; a row of two keys shares one line. */
const LAYOUT: { title: Text; rows: (Key | [Key, Key])[] }[] = [
  {
    title: S.sectionBusiness,
    rows: ['companyName', 'registrationNumber', 'postalCode', 'address', 'phone', 'email'],
  },
  {
    title: S.sectionBank,
    rows: [['bankName', 'bankBranch'], ['accountType', 'accountNumber'], 'accountHolder'],
  },
  {
    title: S.sectionEnglish,
    rows: ['companyNameEn', 'addressEn', ['bankNameEn', 'bankBranchEn']],
  },
  { title: S.sectionDefaults, rows: ['rounding', 'defaultTerms'] },
  {
    title: S.sectionInvoices,
    rows: ['invoiceNumberPattern', 'invoiceNote', 'transferFeeNote', 'sendDirectly'],
  },
];

interface FieldUi {
  key: Key;
  root: HTMLDivElement;
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  issueEl: HTMLDivElement;
  /** What the sidebar's own check found. */
  local: Issue | null;
  /** What the server said about the value last sent; cleared when the value changes. */
  server: Issue | null;
  /** Left at least once: from then on, problems show while typing. */
  touched: boolean;
}

const app = document.getElementById('app')!;
let fields = new Map<Key, FieldUi>();
let saveButton: HTMLButtonElement | null = null;
let statusEl: HTMLDivElement | null = null;
let saving = false;

function serverIssue(issue: FieldIssue): Issue {
  return { severity: issue.severity === 'warning' ? 'warning' : 'error', text: issue.message };
}

// ---------------------------------------------------------------- loading

function renderLoading(): void {
  replace(
    app,
    h('main', {}, h('p', { class: 'loading', attrs: { role: 'status' } }, tr(S.loading))),
  );
}

function renderLoadFailed(error: unknown): void {
  const retry = button(S.retry);
  retry.addEventListener('click', () => void load());
  replace(
    app,
    h(
      'main',
      {},
      h('h1', {}, bi(S.title)),
      h(
        'div',
        { class: 'notice error', attrs: { role: 'alert' } },
        bi(S.loadFailed, 'div'),
        h('div', {}, message(errorMessage(error))),
        retry,
      ),
    ),
  );
}

async function load(flash?: Text): Promise<void> {
  renderLoading();
  let view: SettingsView;
  try {
    view = await call('settingsLoad');
  } catch (error) {
    renderLoadFailed(error);
    return;
  }
  setLang(view.lang);
  renderForm(view, flash);
}

// ---------------------------------------------------------------- the form

function renderField(key: Key): FieldUi {
  const def = DEFS[key];
  const id = `f-${key}`;
  const issueEl = h('div', { class: 'issue', attrs: { id: `${id}-issue`, 'aria-live': 'polite' } });
  const hint = def.hint
    ? h('div', { class: 'hint', attrs: { id: `${id}-hint` } }, tr(def.hint))
    : null;
  const describedBy = [hint ? `${id}-hint` : '', `${id}-issue`].filter(Boolean).join(' ');
  let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  if (def.multiline) {
    control = h('textarea', {
      attrs: {
        id,
        name: key,
        rows: String(def.multiline),
        maxlength: MAX_TEXT,
        'aria-describedby': describedBy,
        placeholder: def.placeholder ? tr(def.placeholder) : undefined,
        ...def.attrs,
      },
    });
  } else if (def.options) {
    control = h(
      'select',
      { attrs: { id, name: key, 'aria-describedby': describedBy } },
      ...def.options.map((o) => h('option', { attrs: { value: o.value } }, tr(o.text))),
    );
  } else {
    control = h('input', {
      attrs: {
        id,
        name: key,
        type: def.type ?? 'text',
        maxlength: MAX_TEXT,
        'aria-describedby': describedBy,
        placeholder: def.placeholder ? tr(def.placeholder) : undefined,
        ...def.attrs,
      },
    });
  }
  const root = h(
    'div',
    { class: 'field', attrs: { 'data-field': key } },
    h('label', { attrs: { for: id } }, bi(def.label)),
    control,
    hint,
    def.extra?.(),
    issueEl,
  );
  const ui: FieldUi = { key, root, control, issueEl, local: null, server: null, touched: false };
  control.addEventListener('input', () => onInput(ui));
  control.addEventListener('change', () => onLeave(ui));
  control.addEventListener('blur', () => onLeave(ui));
  return ui;
}

function renderForm(view: SettingsView, flash?: Text): void {
  fields = new Map();
  const sections = LAYOUT.map((section) =>
    h(
      'section',
      {},
      h('h2', {}, bi(section.title)),
      ...section.rows.map((row) => {
        if (typeof row === 'string') return add(renderField(row));
        return h('div', { class: 'row' }, add(renderField(row[0])), add(renderField(row[1])));
      }),
    ),
  );
  const datalist = h(
    'datalist',
    { attrs: { id: 'terms-suggestions' } },
    ...TERMS_SUGGESTIONS.map((v) => h('option', { attrs: { value: v } })),
  );
  saveButton = button(S.save, { primary: true, type: 'submit' });
  statusEl = h('div', { class: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const form = h(
    'form',
    {
      attrs: { novalidate: true, 'aria-label': tr(S.title) },
      on: { submit: (e) => void save(e) },
    },
    h(
      'main',
      {},
      h('h1', {}, bi(S.title)),
      renderLanguage(view),
      flash
        ? h('div', { class: 'notice success', attrs: { role: 'status' } }, message(flash))
        : null,
      view.needsSetup ? renderSetupNotice() : null,
      ...sections,
      datalist,
    ),
    h('footer', {}, h('div', { class: 'actions' }, saveButton), statusEl),
  );
  replace(app, form);
  fill(view.settings);
  for (const issue of view.issues ?? []) {
    const f = fields.get(issue.field);
    if (f) {
      f.server = serverIssue(issue);
      showIssue(f);
    }
  }
}

/** The person's language: applied at once, to this sidebar and to every later card and message. */
function renderLanguage(view: SettingsView): HTMLElement {
  const names: Record<LanguageChoice, string> = {
    auto: tr(S.languageAuto),
    ja: '日本語',
    en: 'English',
  };
  const select = h(
    'select',
    { attrs: { id: 'language', 'data-language': '' } },
    ...LANGUAGES.map((choice) =>
      h('option', { attrs: { value: choice, selected: choice === view.language } }, names[choice]),
    ),
  );
  const problem = h('div', { class: 'issue error', attrs: { 'aria-live': 'polite' } });
  select.addEventListener('change', () => void changeLanguage(select, problem));
  return h(
    'section',
    { attrs: { 'data-section': 'language' } },
    h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: 'language' } }, bi(S.language)),
      select,
      h('div', { class: 'hint' }, tr(S.languageHint)),
      problem,
    ),
  );
}

async function changeLanguage(select: HTMLSelectElement, problem: HTMLElement): Promise<void> {
  const language = select.value as LanguageChoice;
  const typed = readForm();
  select.disabled = true;
  try {
    const view = await call('settingsLanguage', { language });
    setLang(view.lang);
    // What the owner typed and has not saved yet stays in the form.
    renderForm({ ...view, settings: typed });
  } catch (error) {
    select.disabled = false;
    replace(problem, bi(S.languageFailed, 'div'), h('div', {}, message(errorMessage(error))));
  }
}

function add(f: FieldUi): HTMLDivElement {
  fields.set(f.key, f);
  return f.root;
}

function renderSetupNotice(): HTMLElement {
  const go = button(S.setupButton, { primary: true });
  const problem = h('div', { attrs: { role: 'alert' } });
  const notice = h(
    'div',
    { class: 'notice', attrs: { 'data-notice': 'setup' } },
    bi(S.setupNeeded, 'div'),
    problem,
    go,
  );
  go.addEventListener('click', async () => {
    go.disabled = true;
    setButtonText(go, S.settingUp);
    replace(problem);
    notice.classList.remove('error');
    try {
      const report = await call('setupWorkbook');
      await load(report.message);
    } catch (error) {
      notice.classList.add('error');
      replace(problem, bi(S.setupFailed, 'div'), h('div', {}, message(errorMessage(error))));
      go.disabled = false;
      setButtonText(go, S.setupButton);
    }
  });
  return notice;
}

function fill(settings: SettingsForm): void {
  for (const f of fields.values()) {
    const value = String(settings[f.key] ?? '');
    if (
      f.control instanceof HTMLSelectElement &&
      value &&
      ![...f.control.options].some((o) => o.value === value)
    ) {
      append(f.control, h('option', { attrs: { value } }, value));
    }
    f.control.value = value;
    f.local = checkField(f.key, value).issue;
    f.server = null;
    showIssue(f);
  }
}

function readForm(): SettingsForm {
  const form: Record<string, string> = {};
  for (const [key, f] of fields) form[key] = f.control.value;
  return form as unknown as SettingsForm;
}

// ---------------------------------------------------------------- checking

function shown(f: FieldUi): Issue | null {
  const candidates = [f.local, f.server].filter((i): i is Issue => i !== null);
  return candidates.find((i) => i.severity === 'error') ?? candidates[0] ?? null;
}

function showIssue(f: FieldUi): void {
  const issue = shown(f);
  f.root.classList.toggle('has-error', issue?.severity === 'error');
  f.root.classList.toggle('has-warning', issue?.severity === 'warning');
  f.control.setAttribute('aria-invalid', String(issue?.severity === 'error'));
  f.issueEl.className = issue ? `issue ${issue.severity}` : 'issue';
  if (issue) replace(f.issueEl, bi(issue.text, 'div'));
  else replace(f.issueEl);
}

function onInput(f: FieldUi): void {
  f.server = null;
  clearStatus();
  const checked = checkField(f.key, f.control.value);
  const complete =
    f.key === 'registrationNumber' && f.control.value.replace(/\D/g, '').length >= 13;
  if (!checked.issue || f.touched || f.local || complete) f.local = checked.issue;
  showIssue(f);
}

function onLeave(f: FieldUi): void {
  f.touched = true;
  const checked = checkField(f.key, f.control.value);
  if (checked.value !== f.control.value) f.control.value = checked.value;
  f.local = checked.issue;
  showIssue(f);
}

// ---------------------------------------------------------------- saving

function clearStatus(): void {
  if (statusEl && !saving) {
    statusEl.className = 'status';
    replace(statusEl);
  }
}

function setStatus(kind: 'success' | 'error', text: Text, detail?: string): void {
  if (!statusEl) return;
  statusEl.className = `status ${kind}`;
  replace(statusEl, bi(text, 'div'), detail ? h('div', {}, message(detail)) : null);
}

function setSaving(on: boolean): void {
  saving = on;
  for (const f of fields.values()) {
    if (!(f.control instanceof HTMLSelectElement)) f.control.readOnly = on;
    else f.control.disabled = on;
  }
  if (!saveButton) return;
  saveButton.disabled = on;
  saveButton.setAttribute('aria-busy', String(on));
  setButtonText(saveButton, on ? S.saving : S.save);
}

function firstError(): FieldUi | undefined {
  return [...fields.values()].find((f) => shown(f)?.severity === 'error');
}

async function save(event: Event): Promise<void> {
  event.preventDefault();
  if (saving) return;
  for (const f of fields.values()) onLeave(f);
  const bad = [...fields.values()].find((f) => f.local?.severity === 'error');
  if (bad) {
    setStatus('error', S.fixFields);
    bad.control.focus();
    return;
  }
  clearStatus();
  setSaving(true);
  try {
    const result = await call('settingsSave', readForm());
    for (const f of fields.values()) f.server = null;
    if (result.ok) {
      fill(result.settings);
      for (const w of result.warnings) {
        const f = fields.get(w.field);
        if (f) f.server = serverIssue(w);
      }
      for (const f of fields.values()) showIssue(f);
      setSaving(false);
      setStatus('success', result.warnings.length ? S.savedWithWarnings : S.saved);
    } else {
      for (const issue of result.issues) {
        const f = fields.get(issue.field);
        if (f) f.server = serverIssue(issue);
      }
      for (const f of fields.values()) showIssue(f);
      const unplaced = result.issues.filter((i) => !fields.has(i.field)).map((i) => tr(i.message));
      setSaving(false);
      setStatus('error', S.fixFields, unplaced.join('\n') || undefined);
      firstError()?.control.focus();
    }
  } catch (error) {
    setSaving(false);
    setStatus('error', S.saveFailed, errorMessage(error));
  }
}

// ---------------------------------------------------------------- start

setLang(detectLang());
void load();
