/**
 * Tiny element builders. Text goes in through text nodes only: nothing here ever assigns
 * innerHTML, so a value from the workbook or the server cannot become markup.
 */
import { type Text, tr } from './i18n';

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

/** A link that opens outside the sandboxed sidebar iframe. */
export function link(href: string, text: Text | string): HTMLAnchorElement {
  if (!/^https:\/\//.test(href)) throw new Error(`dom: only https links: ${href}`);
  const label = typeof text === 'string' ? text : tr(text);
  return h('a', { attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }, label);
}

/**
 * A button in the reader's language. `action` becomes
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
      attrs: { type: props.type ?? 'button', 'data-action': props.action },
    },
    tr(text),
  );
}

/** Changes a button's text in place, e.g. to 発行中… while it works. */
export function setButtonText(b: HTMLButtonElement, text: Text): void {
  b.textContent = tr(text);
}

/** A short label in the reader's language. */
export function label(text: Text, tag: 'span' | 'dt' = 'span'): HTMLElement {
  return h(tag, { attrs: {} }, tr(text));
}

/** A titled part of a sidebar, found by its `data-section` name. */
export function section(name: string, title: Text, ...children: Child[]): HTMLElement {
  return h('section', { attrs: { 'data-section': name } }, h('h2', {}, bi(title)), ...children);
}

/** Text in the reader's language. */
export function bi(t: Text, tag: 'span' | 'div' = 'span'): HTMLElement {
  return h(tag, {}, tr(t));
}

/** A server message in the reader's language (or a plain string), a line per line. */
export function message(text: Text | string): HTMLElement {
  const shown = typeof text === 'string' ? text : tr(text);
  const lines = shown.split('\n').filter((l) => l.trim() !== '');
  if (lines.length > 1) return h('div', { class: 'lines' }, ...lines.map((l) => h('span', {}, l)));
  return h('span', {}, shown);
}

/**
 * A form that never navigates: submitting it (Enter or its submit button) calls `onSubmit`. The
 * browser's own validation is off; each sidebar says what is wrong in the reader's language.
 */
export function form(
  props: { class?: string; label?: Text; onSubmit: () => void },
  ...children: Child[]
): HTMLFormElement {
  return h(
    'form',
    {
      ...(props.class ? { class: props.class } : {}),
      attrs: { novalidate: true, 'aria-label': props.label ? tr(props.label) : undefined },
      on: {
        submit: (e) => {
          e.preventDefault();
          props.onSubmit();
        },
      },
    },
    ...children,
  );
}
