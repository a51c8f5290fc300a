/**
 * "One language at a time", checked in the browser: every text a person sees (and every
 * aria-label, title, placeholder and input value) on a surface, and the Japanese in it that is
 * neither client data nor the workbook's own vocabulary.
 *
 * What may stay Japanese in English is taken from data, never listed by hand:
 * - the workbook's vocabulary: sheet names, column headers and dropdown values of the schema
 *   (src/sheets/schema.ts WORKBOOK) and the 設定 sheet's labels, initial values and choices
 *   (settingsRows.ts);
 * - client data: the demo's cell values, settings, workbook name, mails and calendar events
 *   (playground/demo/*.json).
 * A string passes when its Japanese is wholly covered by those pieces; what is left must be an
 * excerpt (3 characters or more) of a demo mail or event, as a card quotes a mail's words. The
 * line items of a client billed in Japanese (取引先's 言語) are that client's words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { DEMO_DIR } from '../../../playground/session';
import { SETTINGS_SHEET_ROWS } from '../../../src/features/settings/settingsRows';
import { normalizeHeader } from '../../../src/sheets/columns';
import { WORKBOOK } from '../../../src/sheets/schema';

const JAPANESE_CHARS =
  '\\u3000-\\u303f\\u3040-\\u30ff\\u31f0-\\u31ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
const JAPANESE = new RegExp(`[${JAPANESE_CHARS}]`);
const MIN_EXCERPT = 3;

export interface Allowed {
  /** Whole strings that may appear as they are. */
  pieces: readonly string[];
  /** Client prose (mails, events) whose excerpts a card may quote. */
  prose: readonly string[];
  /** Clients (keys, as invoice cards name them) billed in Japanese: their line items are theirs. */
  japaneseClients: readonly string[];
}

/** One string shown on a surface, and where. */
export interface Shown {
  text: string;
  where: string;
  /** A line item of a client's invoice: the client's key (the invoice card's `data-period`). */
  lineOf?: string;
}

/** A shown string with Japanese that is not allowed: the runs left over. */
export interface Leftover extends Shown {
  japanese: string[];
}

export function hasJapanese(text: string): boolean {
  return JAPANESE.test(text);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([k]) => !k.startsWith('$'))
      .flatMap(([k, v]) => [k, ...strings(v)]);
  }
  return [];
}

function demo(name: string): unknown {
  return JSON.parse(readFileSync(join(DEMO_DIR, name), 'utf8'));
}

/** The allow-list, from the schema, the 設定 rows and the demo data. */
export function allowedJapanese(): Allowed {
  const vocabulary = [
    ...WORKBOOK.flatMap((sheet) => [
      sheet.name,
      ...sheet.columns.flatMap((c) => [c.header, ...(c.choices ?? [])]),
    ]),
    // A 設定 row's initial value is a cell Pokke writes at setup: the workbook's own data.
    ...SETTINGS_SHEET_ROWS.flatMap((row) => [row.label, row.initial, ...(row.choices ?? [])]),
  ];
  // The demo sheets are keyed by sheet and header, so keys are vocabulary and values client data.
  const company = demo('company.json') as { spreadsheetName: string; settings: unknown };
  const clientData = [
    ...strings(demo('sheets.json')),
    company.spreadsheetName,
    ...strings(company.settings),
  ];
  const prose = [...strings(demo('mails.json')), ...strings(demo('calendar.json'))];
  const clients = (demo('sheets.json') as { 取引先: Record<string, string>[] }).取引先;
  const japaneseClients = clients
    .filter((c) => c['言語'] !== 'en')
    .map((c) => normalizeHeader(c['取引先名']));
  const pieces = [...new Set([...vocabulary, ...clientData, ...prose])]
    .map((s) => s.trim())
    .filter(hasJapanese)
    .sort((a, b) => b.length - a.length);
  return { pieces, prose, japaneseClients };
}

/** The Japanese runs of `text` not covered by allowed pieces nor excerpts of client prose. */
export function uncoveredJapanese(text: string, allowed: Allowed): string[] {
  const covered = new Array<boolean>(text.length).fill(false);
  for (const piece of allowed.pieces) {
    for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
      covered.fill(true, at, at + piece.length);
    }
  }
  const runs: string[] = [];
  let run = '';
  const flush = () => {
    if (!run) return;
    const excerpt = run.length >= MIN_EXCERPT && allowed.prose.some((p) => p.includes(run));
    if (!excerpt) runs.push(run);
    run = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (!covered[i] && JAPANESE.test(ch)) run += ch;
    else flush();
  }
  flush();
  return runs;
}

export function leftovers(shown: readonly Shown[], allowed: Allowed): Leftover[] {
  const out: Leftover[] = [];
  const seen = new Set<string>();
  for (const s of shown) {
    // A Japanese client's line items are in the client's language, whoever reads the preview.
    if (s.lineOf !== undefined && allowed.japaneseClients.includes(s.lineOf)) continue;
    const japanese = uncoveredJapanese(s.text, allowed);
    const key = `${s.where}\u0000${s.text}`;
    if (japanese.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push({ ...s, japanese });
  }
  return out;
}

/**
 * Runs in the page or frame: every visible text node, selected option, input value and label-like
 * attribute that holds a Japanese character, each with a short path to its element. `root` is a
 * CSS selector (the whole body by default).
 */
const COLLECT = `(root) => {
  const JP = /[${JAPANESE_CHARS}]/;
  const out = [];
  const base = root ? document.querySelector(root) : document.body;
  if (!base) return out;
  const shown = (el) =>
    el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true, contentVisibilityAuto: true });
  const name = (el) => {
    let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    const cls = (el.getAttribute('class') || '').trim().split(/\\s+/).filter(Boolean)[0];
    if (cls) s += '.' + cls;
    const data = [...el.attributes].find((a) => a.name.startsWith('data-') && a.name !== 'data-params');
    if (data) s += '[' + data.name + (data.value ? '="' + data.value.slice(0, 30) + '"' : '') + ']';
    return s;
  };
  const where = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
    return parts.join(' > ');
  };
  // The top page's title shows in the browser's tab (a sidebar's or a dialog's does not).
  if (!root && window === window.top && JP.test(document.title)) {
    out.push({ text: document.title, where: 'document title' });
  }
  const lineOf = (el) => {
    const card = el.closest('.item') && el.closest('article.invoice[data-period]');
    return card ? { lineOf: card.getAttribute('data-period').split('|').pop() } : {};
  };
  const walker = document.createTreeWalker(base, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent || '').trim();
    const el = n.parentElement;
    if (!text || !el || !JP.test(text) || el.closest('script,style,template,textarea')) continue;
    const option = el.closest('option');
    if (option ? !option.selected || !shown(option.closest('select')) : !shown(el)) continue;
    out.push({ text, where: where(el), ...lineOf(el) });
  }
  for (const el of base.querySelectorAll('*')) {
    if (!shown(el)) continue;
    for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
      const v = el.getAttribute(attr);
      if (v && JP.test(v)) out.push({ text: v, where: where(el) + ' @' + attr });
    }
    if ((el.tagName === 'INPUT' && el.type !== 'hidden') || el.tagName === 'TEXTAREA') {
      if (JP.test(el.value)) out.push({ text: el.value, where: where(el) + ' @value' });
    }
  }
  return out;
}`;

/** What a page or frame shows that has Japanese in it, each tagged with `surface`. */
export async function shownJapanese(
  target: Page | Frame,
  surface: string,
  root?: string,
): Promise<Shown[]> {
  const found = (await target.evaluate(`(${COLLECT})(${JSON.stringify(root ?? '')})`)) as Shown[];
  return found.map((s) => ({ ...s, where: `${surface}: ${s.where}` }));
}

/** A readable list for a failing expectation: each string, where it was, and what is left over. */
export function describeLeftovers(found: readonly Leftover[]): string[] {
  return found.map((l) => `${l.where}: ${JSON.stringify(l.text)} (${l.japanese.join(' ')})`);
}
