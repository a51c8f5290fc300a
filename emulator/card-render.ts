/**
 * Renders a built card's JSON tree (`cardTree(card)`) as an HTML fragment that looks like a
 * Google Workspace add-on in Gmail's side panel. The event objects (`buildActionEvent`...) live in
 * `addon-events.ts` and are re-exported here for existing callers. The local playground puts the fragment in the page, collects the form values
 * of elements carrying `data-field` when an element carrying `data-action` is clicked, and calls
 * the bundle's function with `buildActionEvent(...)`.
 *
 * Attributes the fragment carries:
 * - `data-action="fn"`, `data-params='{"k":"v"}'` (JSON), `data-load-indicator`,
 *   `data-persist-values`, `data-required-widgets` (JSON): a widget whose click runs `fn`;
 *   `data-compose="REPLY_AS_DRAFT|STANDALONE_DRAFT"` and `data-open-dynamic-link` mark compose
 *   and open-link actions.
 * - `data-change-action`, `data-change-params`: the same for an input's on-change action.
 * - `data-open-link="url"` (+ `data-open-as`, `data-on-close`): a link (http, https or mailto only).
 * - `data-field="name"` with `data-input-kind="string|date|dateTime|time"`: a form input;
 *   date-and-time inputs also carry `data-tz-offset-mins`.
 * - `data-nav-back`: the header's back arrow (rendered with `options.back`).
 * - `data-nav-card="<index>"`: one header of the list of cards (`renderCardListHtml`).
 */
import { escapeHtml } from './core/html-escape';

export {
  type ActionEventOptions,
  buildActionEvent,
  eventFormInputs,
  type FormValue,
  type Host,
  initialFormValues,
} from './addon-events';

import type {
  ActionJson,
  ButtonJson,
  CardHeaderJson,
  CardJson,
  DateTimePickerJson,
  DecoratedTextJson,
  IconJson,
  OnClickJson,
  OpenLinkJson,
  SectionJson,
  SelectionInputJson,
  SwitchJson,
  TextInputJson,
  WidgetJson,
} from './services/card';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** Decodes the character references card text may contain (named basics and numeric). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : m;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? m;
  });
}

/** A URL a rendered link or image may point to, or undefined when its scheme is not allowed. */
export function safeUrl(
  url: string | undefined,
  schemes: readonly string[] = ['http:', 'https:', 'mailto:'],
): string | undefined {
  if (!url) return undefined;
  // Browsers ignore control characters and spaces inside a scheme: strip them before looking.
  const cleaned = [...decodeEntities(url)]
    .filter((c) => {
      const cp = c.codePointAt(0) ?? 0;
      return cp > 0x20 && (cp < 0x7f || cp > 0x9f);
    })
    .join('');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1];
  if (!scheme || !schemes.includes(`${scheme.toLowerCase()}:`)) return undefined;
  const result = decodeEntities(url).trim();
  return result.toLowerCase().startsWith(`${scheme.toLowerCase()}:`) ? result : undefined;
}

const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([a-z][a-z0-9-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;
  for (const m of source.matchAll(re)) {
    const name = (m[1] ?? '').toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/**
 * Card text with Apps Script's formatting kept and everything else escaped: `<b> <i> <u> <s>`,
 * `<font color>`, `<a href>` (http, https and mailto only) and `<br>`. Newlines become line
 * breaks; unclosed tags are closed, stray closing tags are dropped.
 */
export function formatCardText(text: string): string {
  let out = '';
  const open: string[] = [];
  let last = 0;
  const emitText = (t: string) => {
    out += escapeHtml(decodeEntities(t)).replace(/\r?\n/g, '<br>');
  };
  for (const m of text.matchAll(/<(\/?)([a-z]+)\b([^<>]*)>/gi)) {
    emitText(text.slice(last, m.index));
    last = (m.index ?? 0) + m[0].length;
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    const attrs = m[3] ?? '';
    if (tag === 'br') {
      out += '<br>';
      continue;
    }
    if (!['b', 'i', 'u', 's', 'font', 'a'].includes(tag)) {
      emitText(m[0]);
      continue;
    }
    if (closing) {
      const at = open.lastIndexOf(tag);
      if (at < 0) continue;
      while (open.length > at) {
        const t = open.pop();
        out += t === 'font' ? '</span>' : `</${t}>`;
      }
      continue;
    }
    open.push(tag);
    if (tag === 'font') {
      const color = parseAttributes(attrs).get('color')?.trim();
      out += color && COLOR.test(color) ? `<span style="color:${escapeHtml(color)}">` : '<span>';
    } else if (tag === 'a') {
      const href = safeUrl(parseAttributes(attrs).get('href'));
      out += href
        ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">`
        : '<a>';
    } else {
      out += `<${tag}>`;
    }
  }
  emitText(text.slice(last));
  while (open.length) {
    const t = open.pop();
    out += t === 'font' ? '</span>' : `</${t}>`;
  }
  return out;
}

/** Plain text (labels, titles): escaped, no formatting. */
function plain(text: string | undefined): string {
  return escapeHtml(text ?? '');
}

function attr(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined || value === false) return '';
  if (value === true) return ` ${name}`;
  return ` ${name}="${escapeHtml(String(value))}"`;
}

function paramsJson(action: ActionJson): string {
  return JSON.stringify(Object.fromEntries(action.parameters.map((p) => [p.key, p.value])));
}

function actionAttrs(action: ActionJson, prefix: 'action' | 'change-action' = 'action'): string {
  const params = prefix === 'action' ? 'params' : 'change-params';
  let s = attr(`data-${prefix}`, action.function) + attr(`data-${params}`, paramsJson(action));
  if (prefix === 'action') {
    s += attr('data-load-indicator', action.loadIndicator);
    s += attr(
      'data-persist-values',
      action.persistValues === undefined ? undefined : String(action.persistValues),
    );
    if (action.requiredWidgets?.length)
      s += attr('data-required-widgets', JSON.stringify(action.requiredWidgets));
    if (action.allWidgetsAreRequired) s += attr('data-all-widgets-required', 'true');
  }
  return s;
}

function linkAttrs(link: OpenLinkJson): string {
  const url = safeUrl(link.url);
  if (!url) return attr('data-blocked-link', 'true');
  return (
    attr('data-open-link', url) +
    attr('data-open-as', link.openAs) +
    attr('data-on-close', link.onClose)
  );
}

function clickAttrs(onClick: OnClickJson | undefined): string {
  if (!onClick) return '';
  if ('action' in onClick) return actionAttrs(onClick.action);
  if ('openLink' in onClick) return linkAttrs(onClick.openLink);
  if ('openDynamicLinkAction' in onClick) {
    return actionAttrs(onClick.openDynamicLinkAction) + attr('data-open-dynamic-link', 'true');
  }
  return (
    actionAttrs(onClick.composeAction.action) +
    attr('data-compose', onClick.composeAction.composedEmailType)
  );
}

/** Glyphs standing in for CardService.Icon's built-in icons. */
const ICON_GLYPHS: Record<string, string> = {
  AIRPLANE: '✈',
  BOOKMARK: '🔖',
  BUS: '🚌',
  CAR: '🚗',
  CLOCK: '🕒',
  CONFIRMATION_NUMBER_ICON: '🎫',
  DOLLAR: '$',
  DESCRIPTION: '📄',
  EMAIL: '✉',
  EVENT_PERFORMER: '🎤',
  EVENT_SEAT: '💺',
  FLIGHT_ARRIVAL: '🛬',
  FLIGHT_DEPARTURE: '🛫',
  HOTEL: '🏨',
  HOTEL_ROOM_TYPE: '🛏',
  INVITE: '📨',
  MAP_PIN: '📍',
  MEMBERSHIP: '🪪',
  MULTIPLE_PEOPLE: '👥',
  OFFER: '🏷',
  PERSON: '👤',
  PHONE: '📞',
  RESTAURANT_ICON: '🍴',
  SHOPPING_CART: '🛒',
  STAR: '★',
  STORE: '🏬',
  TICKET: '🎟',
  TRAIN: '🚆',
  VIDEO_CAMERA: '📹',
  VIDEO_PLAY: '▶',
};

function renderIcon(icon: IconJson | undefined, cls = 'pk-icon'): string {
  if (!icon) return '';
  const shape = icon.imageType === 'CIRCLE' ? ' pk-circle' : '';
  const src = safeUrl(icon.iconUrl, ['http:', 'https:']);
  if (src)
    return `<img class="${cls}${shape}" src="${escapeHtml(src)}" alt="${plain(icon.altText)}">`;
  if (icon.knownIcon && icon.knownIcon !== 'NONE') {
    const glyph = ICON_GLYPHS[icon.knownIcon] ?? '•';
    return `<span class="${cls}" role="img"${attr('aria-label', icon.altText ?? icon.knownIcon)}${attr('data-icon', icon.knownIcon)}>${glyph}</span>`;
  }
  return '';
}

function renderButton(
  b: ButtonJson,
  fallbackStyle: NonNullable<ButtonJson['type']> = 'OUTLINED',
): string {
  const style = (b.type ?? fallbackStyle).toLowerCase().replace('_', '-');
  const cls = `pk-button pk-button-${style}${b.icon && !b.text ? ' pk-button-icon' : ''}`;
  const color =
    b.color && COLOR.test(b.color)
      ? attr('style', `background:${b.color};border-color:${b.color}`)
      : '';
  const label = b.text ? formatButtonLabel(b.text) : renderIcon(b.icon);
  const common = `${attr('class', cls)}${attr('title', b.altText)}${attr('aria-label', b.altText)}${color}${attr('disabled', b.disabled === true)}`;
  if ('openLink' in b.onClick) {
    const url = safeUrl(b.onClick.openLink.url);
    if (url && !b.disabled) {
      return `<a${common} href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer"${linkAttrs(b.onClick.openLink)}>${label}</a>`;
    }
  }
  return `<button type="button"${common}${clickAttrs(b.onClick)}>${label}</button>`;
}

/** Button labels show no links: formatting tags other than `<a>` are kept. */
function formatButtonLabel(text: string): string {
  return formatCardText(text).replace(/<a\b[^>]*>|<\/a>/g, '');
}

function renderSwitch(s: SwitchJson): string {
  const cls = s.controlType === 'CHECK_BOX' ? 'pk-checkbox' : 'pk-switch';
  return `<label class="${cls}"><input type="checkbox"${attr('name', s.name)}${attr('data-field', s.name)}${attr('data-input-kind', 'string')}${attr('value', s.value ?? 'true')}${attr('checked', s.selected)}${s.onChangeAction ? actionAttrs(s.onChangeAction, 'change-action') : ''}><span class="pk-switch-track"></span></label>`;
}

function renderDecoratedText(d: DecoratedTextJson): string {
  const clickable = d.onClick ? ` role="button" tabindex="0"${clickAttrs(d.onClick)}` : '';
  const body = [
    d.topLabel ? `<div class="pk-label">${formatCardText(d.topLabel)}</div>` : '',
    `<div class="pk-deco-text${d.wrapText ? '' : ' pk-nowrap'}">${formatCardText(d.text)}</div>`,
    d.bottomLabel ? `<div class="pk-label">${formatCardText(d.bottomLabel)}</div>` : '',
  ].join('');
  const end = d.button
    ? renderButton(d.button, 'BORDERLESS')
    : d.switchControl
      ? renderSwitch(d.switchControl)
      : renderIcon(d.endIcon);
  return `<div class="pk-widget pk-deco${d.onClick ? ' pk-clickable' : ''}"${clickable}>${renderIcon(d.startIcon, 'pk-icon pk-start-icon')}<div class="pk-deco-body">${body}</div>${end ? `<div class="pk-deco-end">${end}</div>` : ''}</div>`;
}

function renderTextInput(t: TextInputJson): string {
  const common = `${attr('name', t.name)}${attr('data-field', t.name)}${attr('data-input-kind', 'string')}${attr('placeholder', t.hintText)}${t.onChangeAction ? actionAttrs(t.onChangeAction, 'change-action') : ''}`;
  const control =
    t.type === 'MULTIPLE_LINE'
      ? `<textarea class="pk-input" rows="3"${common}>${plain(t.value)}</textarea>`
      : `<input class="pk-input" type="text"${common}${attr('value', t.value ?? '')}>`;
  return `<label class="pk-widget pk-field">${t.label ? `<span class="pk-field-label">${plain(t.label)}</span>` : ''}${control}${t.hintText ? `<span class="pk-hint">${plain(t.hintText)}</span>` : ''}</label>`;
}

function renderSelection(s: SelectionInputJson): string {
  const change = s.onChangeAction ? actionAttrs(s.onChangeAction, 'change-action') : '';
  const field = `${attr('name', s.name)}${attr('data-field', s.name)}${attr('data-input-kind', 'string')}${change}`;
  const label = s.label ? `<div class="pk-field-label">${plain(s.label)}</div>` : '';
  if (s.type === 'DROPDOWN' || s.type === 'MULTI_SELECT') {
    const options = s.items
      .map(
        (i) =>
          `<option${attr('value', i.value)}${attr('selected', i.selected)}>${plain(i.text)}</option>`,
      )
      .join('');
    return `<label class="pk-widget pk-field">${label}<select class="pk-input"${field}${attr('multiple', s.type === 'MULTI_SELECT')}>${options}</select></label>`;
  }
  const type = s.type === 'RADIO_BUTTON' ? 'radio' : 'checkbox';
  const cls = s.type === 'SWITCH' ? 'pk-switch' : `pk-${type}`;
  const items = s.items
    .map(
      (i) =>
        `<label class="pk-choice ${cls}"><input type="${type}"${field}${attr('value', i.value)}${attr('checked', i.selected)}>${s.type === 'SWITCH' ? '<span class="pk-switch-track"></span>' : ''}<span>${plain(i.text)}</span></label>`,
    )
    .join('');
  return `<fieldset class="pk-widget pk-field pk-choices">${s.label ? `<legend class="pk-field-label">${plain(s.label)}</legend>` : ''}${items}</fieldset>`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function renderPicker(p: DateTimePickerJson): string {
  const change = p.onChangeAction ? actionAttrs(p.onChangeAction, 'change-action') : '';
  let control: string;
  const common = `${attr('name', p.name)}${attr('data-field', p.name)}${change}`;
  if (p.type === 'DATE_ONLY') {
    const value = p.valueMsEpoch === undefined ? undefined : isoDate(p.valueMsEpoch);
    control = `<input class="pk-input" type="date"${common}${attr('data-input-kind', 'date')}${attr('value', value)}>`;
  } else if (p.type === 'DATE_AND_TIME') {
    const offset = p.timezoneOffsetDate ?? 0;
    let value: string | undefined;
    if (p.valueMsEpoch !== undefined) {
      const local = new Date(p.valueMsEpoch + offset * 60_000);
      value = `${isoDate(local.getTime())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
    }
    control = `<input class="pk-input" type="datetime-local"${common}${attr('data-input-kind', 'dateTime')}${attr('data-tz-offset-mins', offset)}${attr('value', value)}>`;
  } else {
    const value = p.hours === undefined ? undefined : `${pad(p.hours)}:${pad(p.minutes ?? 0)}`;
    control = `<input class="pk-input" type="time"${common}${attr('data-input-kind', 'time')}${attr('value', value)}>`;
  }
  return `<label class="pk-widget pk-field">${p.label ? `<span class="pk-field-label">${plain(p.label)}</span>` : ''}${control}</label>`;
}

function renderWidget(w: WidgetJson): string {
  if ('textParagraph' in w)
    return `<div class="pk-widget pk-text">${formatCardText(w.textParagraph.text)}</div>`;
  if ('decoratedText' in w) return renderDecoratedText(w.decoratedText);
  if ('textInput' in w) return renderTextInput(w.textInput);
  if ('selectionInput' in w) return renderSelection(w.selectionInput);
  if ('dateTimePicker' in w) return renderPicker(w.dateTimePicker);
  if ('buttonList' in w) {
    return `<div class="pk-widget pk-buttons">${w.buttonList.buttons.map((b) => renderButton(b)).join('')}</div>`;
  }
  if ('divider' in w) return '<hr class="pk-divider">';
  const src = safeUrl(w.image.imageUrl, ['http:', 'https:']);
  const clickable = w.image.onClick
    ? ` role="button" tabindex="0"${clickAttrs(w.image.onClick)}`
    : '';
  return `<div class="pk-widget pk-image${w.image.onClick ? ' pk-clickable' : ''}"${clickable}>${src ? `<img src="${escapeHtml(src)}" alt="${plain(w.image.altText)}">` : ''}</div>`;
}

export interface RenderOptions {
  /** Shows the header's back arrow (the card is not at the root of the stack). */
  back?: boolean;
  /** Adds the style sheet in front of the fragment (default true). */
  styles?: boolean;
  /** The user's locale, for the few words the host itself shows ("Show more"). Default `ja`. */
  locale?: string;
}

function renderSection(s: SectionJson, locale: string): string {
  const header = s.header ? `<div class="pk-section-header">${formatCardText(s.header)}</div>` : '';
  const widgets = s.widgets.map(renderWidget);
  let body = widgets.join('');
  const keep = s.uncollapsibleWidgetsCount ?? 0;
  if (s.collapsible && widgets.length > keep) {
    const more = locale.startsWith('ja') ? 'さらに表示' : 'Show more';
    body = `${widgets.slice(0, keep).join('')}<details class="pk-more"><summary>${more}</summary>${widgets.slice(keep).join('')}</details>`;
  }
  return `<section class="pk-section">${header}${body}</section>`;
}

function renderHeader(
  h: CardHeaderJson | undefined,
  options: RenderOptions,
  card: CardJson,
): string {
  const back = options.back
    ? '<button type="button" class="pk-back" data-nav-back aria-label="Back">←</button>'
    : '';
  const menu = card.cardActions?.length
    ? `<details class="pk-menu"><summary aria-label="More">⋮</summary><div class="pk-menu-items">${card.cardActions
        .map(
          (a) =>
            `<button type="button" class="pk-menu-item"${clickAttrs(a.onClick)}>${plain(a.actionLabel)}</button>`,
        )
        .join('')}</div></details>`
    : '';
  if (!h && !back && !menu) return '';
  const src = safeUrl(h?.imageUrl, ['http:', 'https:']);
  const img = src
    ? `<img class="pk-header-img${h?.imageType === 'CIRCLE' ? ' pk-circle' : ''}" src="${escapeHtml(src)}" alt="${plain(h?.imageAltText)}">`
    : '';
  const titles = h
    ? `<div class="pk-titles"><div class="pk-title">${formatCardText(h.title)}</div>${h.subtitle ? `<div class="pk-subtitle">${formatCardText(h.subtitle)}</div>` : ''}</div>`
    : '<div class="pk-titles"></div>';
  return `<header class="pk-card-header">${back}${img}${titles}${menu}</header>`;
}

/** The card as an HTML fragment; every piece of script-supplied text is escaped. */
export function renderCardHtml(tree: CardJson, options: RenderOptions = {}): string {
  const locale = options.locale ?? 'ja';
  const footer = tree.fixedFooter
    ? `<footer class="pk-footer">${tree.fixedFooter.secondaryButton ? renderButton(tree.fixedFooter.secondaryButton, 'OUTLINED') : ''}${renderButton(tree.fixedFooter.primaryButton, 'FILLED')}</footer>`
    : '';
  const styles = options.styles === false ? '' : `<style>${CARD_CSS}</style>`;
  return `${styles}<div class="pk-card"${attr('data-card-name', tree.name)}>${renderHeader(tree.header, options, tree)}<div class="pk-card-body">${tree.sections.map((s) => renderSection(s, locale)).join('')}</div>${footer}</div>`;
}

/**
 * What a host shows when a trigger returns several cards: "a card with a list of headers"
 * (Google's card navigation guide). Each header carries `data-nav-card="<index>"`; the host
 * opens (pushes) that card when it is clicked.
 */
export function renderCardListHtml(
  cards: readonly CardJson[],
  options: RenderOptions = {},
): string {
  const styles = options.styles === false ? '' : `<style>${CARD_CSS}</style>`;
  const items = cards
    .map((c, i) => {
      const title = c.header ? formatCardText(c.header.title) : escapeHtml(c.name ?? `${i + 1}`);
      const subtitle = c.header?.subtitle
        ? `<div class="pk-subtitle">${formatCardText(c.header.subtitle)}</div>`
        : '';
      return `<button type="button" class="pk-list-item"${attr('data-nav-card', i)}><div class="pk-title">${title}</div>${subtitle}</button>`;
    })
    .join('');
  return `${styles}<div class="pk-card pk-card-list">${items}</div>`;
}

/** Styles of the fragment, all under `.pk-card` (close to Gmail's add-on side panel). */
export const CARD_CSS = `
.pk-card{font-family:"Google Sans",Roboto,"Noto Sans JP","Hiragino Sans",system-ui,sans-serif;font-size:14px;line-height:20px;color:#1f1f1f;background:#fff;width:100%;max-width:360px;box-sizing:border-box;display:flex;flex-direction:column}
.pk-card *{box-sizing:border-box}
.pk-card-header{display:flex;align-items:center;gap:12px;padding:16px 16px 12px;border-bottom:1px solid #e3e3e3}
.pk-back{border:0;background:none;font-size:18px;cursor:pointer;padding:4px;color:#444746}
.pk-header-img{width:32px;height:32px;object-fit:cover;border-radius:4px}
.pk-circle{border-radius:50%}
.pk-titles{flex:1;min-width:0}
.pk-title{font-size:16px;line-height:24px;font-weight:500}
.pk-subtitle{font-size:12px;line-height:16px;color:#444746}
.pk-menu{position:relative}
.pk-menu summary{list-style:none;cursor:pointer;padding:4px 8px;font-size:18px;color:#444746}
.pk-menu-items{position:absolute;right:0;top:100%;background:#fff;box-shadow:0 2px 6px rgba(0,0,0,.2);border-radius:4px;z-index:1;min-width:160px}
.pk-menu-item{display:block;width:100%;text-align:left;border:0;background:none;padding:8px 16px;font:inherit;cursor:pointer}
.pk-menu-item:hover{background:#f1f3f4}
.pk-section{padding:12px 16px;border-bottom:1px solid #e3e3e3}
.pk-section:last-child{border-bottom:0}
.pk-section-header{font-size:12px;line-height:16px;font-weight:500;color:#444746;margin-bottom:8px}
.pk-widget{margin:8px 0}
.pk-text{font-size:14px;overflow-wrap:anywhere}
.pk-text a,.pk-deco a{color:#0b57d0}
.pk-deco{display:flex;align-items:center;gap:12px}
.pk-clickable{cursor:pointer;border-radius:4px}
.pk-clickable:hover{background:#f1f3f4}
.pk-deco-body{flex:1;min-width:0}
.pk-deco-text{font-size:14px;overflow-wrap:anywhere}
.pk-nowrap{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.pk-label{font-size:12px;line-height:16px;color:#444746}
.pk-icon{width:24px;height:24px;display:inline-flex;align-items:center;justify-content:center;font-size:16px;color:#444746;flex:none}
.pk-field{display:flex;flex-direction:column;gap:4px;border:0;padding:0}
.pk-field-label{font-size:12px;line-height:16px;color:#444746}
.pk-hint{font-size:12px;color:#5f6368}
.pk-input{font:inherit;font-size:14px;padding:8px 12px;border:1px solid #747775;border-radius:4px;background:#fff;color:inherit;width:100%}
.pk-input:focus{outline:2px solid #0b57d0;border-color:transparent}
.pk-choices{margin:8px 0}
.pk-choice{display:flex;align-items:center;gap:8px;padding:2px 0;cursor:pointer}
.pk-switch-track{display:none}
.pk-buttons{display:flex;flex-wrap:wrap;gap:8px}
.pk-button{font:inherit;font-size:14px;font-weight:500;line-height:20px;padding:8px 16px;border-radius:20px;border:1px solid #747775;background:#fff;color:#0b57d0;cursor:pointer;text-decoration:none;display:inline-flex;align-items:center;gap:6px}
.pk-button-filled{background:#0b57d0;border-color:#0b57d0;color:#fff}
.pk-button-filled-tonal{background:#d3e3fd;border-color:#d3e3fd;color:#041e49}
.pk-button-borderless,.pk-button-text{border-color:transparent;background:none}
.pk-button-icon{padding:6px;border-color:transparent;background:none}
.pk-button[disabled]{opacity:.38;cursor:default}
.pk-divider{border:0;border-top:1px solid #e3e3e3;margin:12px 0}
.pk-image img{max-width:100%;display:block}
.pk-more summary{cursor:pointer;color:#0b57d0;font-size:14px;font-weight:500;padding:4px 0}
.pk-list-item{display:block;width:100%;text-align:left;border:0;border-bottom:1px solid #e3e3e3;background:none;padding:12px 16px;font:inherit;cursor:pointer;color:inherit}
.pk-list-item:hover{background:#f1f3f4}
.pk-footer{display:flex;justify-content:flex-end;gap:8px;padding:12px 16px;border-top:1px solid #e3e3e3;position:sticky;bottom:0;background:#fff}
`.trim();

/** Every clickable thing on the card with the text the user sees on it, in order. */
export function listClickables(tree: CardJson): { label: string; onClick: OnClickJson }[] {
  const out: { label: string; onClick: OnClickJson }[] = [];
  const button = (b: ButtonJson) =>
    out.push({ label: b.text ?? b.altText ?? b.icon?.knownIcon ?? '', onClick: b.onClick });
  for (const a of tree.cardActions ?? []) out.push({ label: a.actionLabel, onClick: a.onClick });
  for (const s of tree.sections) {
    for (const w of s.widgets) {
      if ('buttonList' in w) w.buttonList.buttons.forEach(button);
      else if ('decoratedText' in w) {
        if (w.decoratedText.onClick)
          out.push({ label: w.decoratedText.text, onClick: w.decoratedText.onClick });
        if (w.decoratedText.button) button(w.decoratedText.button);
      } else if ('image' in w && w.image.onClick)
        out.push({ label: w.image.altText ?? '', onClick: w.image.onClick });
    }
  }
  if (tree.fixedFooter) {
    button(tree.fixedFooter.primaryButton);
    if (tree.fixedFooter.secondaryButton) button(tree.fixedFooter.secondaryButton);
  }
  return out;
}
