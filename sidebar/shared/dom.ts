/**
 * Tiny element builders. Text goes in through text nodes only: nothing here ever assigns
 * innerHTML, so a value from the workbook or the server cannot become markup.
 */
import { lang, primary, secondary, splitBilingual, type Text } from './i18n';

export type Child = Node | string | null | undefined | false;

type Handlers = { [E in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[E]) => void };

export interface Props {
  class?: string;
  /** Plain attributes (set with setAttribute); `false`/`null`/`undefined` leave one out. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Handlers;
}

/** Builds an element; string children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (/^on/i.test(name)) throw new Error(`dom: use props.on for ${name}`);
    el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [type, handler] of Object.entries(props.on ?? {})) {
    el.addEventListener(type, handler as EventListener);
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of `parent`. */
export function replace(parent: Element, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/**
 * A link that opens outside the sandboxed sidebar iframe. Bilingual text shows the reader's
 * language, the other one as its tooltip.
 */
export function link(href: string, text: Text | string): HTMLAnchorElement {
  if (!/^https:\/\//.test(href)) throw new Error(`dom: only https links: ${href}`);
  const label = typeof text === 'string' ? text : primary(text);
  const title = typeof text === 'string' ? null : secondary(text);
  return h('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer', title } }, label);
}

/**
 * A button in the reader's language, the other one as its tooltip. `action` becomes
 * `data-action` (tests and handlers find the button by it); `primary` styles it as the main one.
 */
export function button(
  text: Text,
  props: { action?: string; primary?: boolean; type?: 'button' | 'submit' } = {},
): HTMLButtonElement {
  return h(
    'button',
    {
      class: props.primary ? 'primary' : '',
      attrs: { type: props.type ?? 'button', title: secondary(text), 'data-action': props.action },
    },
    primary(text),
  );
}

/** Changes a button's text (and tooltip) in place, e.g. to 発行中… while it works. */
export function setButtonText(b: HTMLButtonElement, text: Text): void {
  b.textContent = primary(text);
  b.title = secondary(text);
}

/** A short label in the reader's language with the other one as its tooltip. */
export function label(text: Text, tag: 'span' | 'dt' = 'span'): HTMLElement {
  return h(tag, { attrs: { title: secondary(text) } }, primary(text));
}

/** A titled part of a sidebar, found by its `data-section` name. */
export function section(name: string, title: Text, ...children: Child[]): HTMLElement {
  return h('section', { attrs: { 'data-section': name } }, h('h2', {}, bi(title)), ...children);
}

/** Text in the reader's language, with the other language in small print after it. */
export function bi(t: Text, tag: 'span' | 'div' = 'span'): HTMLElement {
  const first = primary(t);
  const second = secondary(t);
  return h(
    tag,
    { class: 'bi' },
    h('span', { class: 'bi-main' }, first),
    second && second !== first
      ? h('span', { class: 'bi-sub', attrs: { lang: lang() === 'ja' ? 'en' : 'ja' } }, second)
      : null,
  );
}

/** A server message (`日本語 / English` or anything else), shown as text, a line per line. */
export function message(text: string): HTMLElement {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines.length > 1) return h('div', { class: 'lines' }, ...lines.map((l) => message(l)));
  const pair = splitBilingual(text);
  return pair ? bi(pair) : h('span', {}, text);
}
