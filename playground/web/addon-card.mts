/**
 * An add-on card in a pane of the playground page (Gmail's, Calendar's): a bar with the add-on's
 * name and its Home button, the last action's notification, and the card as the bundle returned
 * it (HTML from emulator/card-render.ts, where every text is escaped). A click on a card button
 * collects the card's inputs and asks the server to run the button's function through the one
 * card-action route (POST /api/gmail/action with the pane's host); the header's back arrow and
 * the headers of a list of cards go to POST /api/card/navigate. A link the action asked to open
 * and a draft a compose action made are shown above the card.
 */
import type { ActionReply, AddonCardView, CardHost } from '../protocol';

type Child = Node | string | null | undefined | false;
export interface Deps {
  h: <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs?: Record<string, string | number | boolean | undefined>,
    ...children: Child[]
  ) => HTMLElementTagNameMap[K];
  /** Both languages, the page's shown (i18n.mts). */
  bi: (ja: string, en: string) => DocumentFragment;
  /** The page's language's text, for attributes. */
  t: (ja: string, en: string) => string;
  lang: () => 'ja' | 'en';
  post: (path: string, body?: unknown) => Promise<ActionReply>;
  formatTime: (ms: number) => string;
}

type FormValue =
  | string
  | string[]
  | { date: number }
  | { dateTime: number }
  | { hours: number; minutes: number };

/** The values of the card's inputs, as the host would put them in the action's event. */
function formValues(card: HTMLElement): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  const lists: Record<string, string[]> = {};
  for (const el of card.querySelectorAll<HTMLElement>('[data-field]')) {
    const name = el.dataset.field ?? '';
    const kind = el.dataset.inputKind ?? 'string';
    if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
      lists[name] ??= [];
      if (el.checked) lists[name].push(el.value);
      continue;
    }
    const value = (el as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value ?? '';
    if (kind === 'date') {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (m) out[name] = { date: Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) };
    } else if (kind === 'time') {
      const m = /^(\d{2}):(\d{2})/.exec(value);
      if (m) out[name] = { hours: Number(m[1]), minutes: Number(m[2]) };
    } else {
      out[name] = value;
    }
  }
  for (const [name, values] of Object.entries(lists)) out[name] = values;
  return out;
}

export interface AddonPanelOptions {
  host: CardHost;
  /** Class prefix of the pane (`gmail`, `cal`): `<prefix>-addon`, `<prefix>-card`, … */
  prefix: string;
  /** Where the Home button posts (the host's homepage trigger). */
  homePath: string;
  /** Shown while there is no card. */
  empty: [ja: string, en: string];
}

/** The add-on's panel: bar with Home, notification, and the card with working buttons. */
export function renderAddonPanel(view: AddonCardView, o: AddonPanelOptions, d: Deps): HTMLElement {
  const { h, bi } = d;
  const home = h(
    'button',
    { type: 'button', class: 'btn', id: `${o.prefix}-home` },
    bi('ホーム', 'Home'),
  );
  home.addEventListener('click', () => void d.post(o.homePath));
  const panel = h(
    'aside',
    { class: `addon-panel ${o.prefix}-addon`, 'aria-label': d.t('Pokke アドオン', 'Pokke add-on') },
    h('div', { class: `addon-bar ${o.prefix}-addon-bar` }, h('strong', {}, 'Pokke'), home),
  );
  if (view.notification) {
    panel.append(
      h(
        'div',
        { class: `addon-notification ${o.prefix}-notification`, role: 'status' },
        view.notification,
      ),
    );
  }
  if (view.openLink) {
    // The action asked the host to open a link: offered here, opened in a new tab by a click
    // (a page may not open windows without one).
    panel.append(
      h(
        'div',
        { class: `addon-open-link ${o.prefix}-open-link`, role: 'status' },
        bi('リンクを開く', 'Open link'),
        ': ',
        h(
          'a',
          { href: view.openLink.url, target: '_blank', rel: 'noopener noreferrer' },
          view.openLink.url,
        ),
      ),
    );
  }
  if (view.composedDraft) {
    panel.append(
      h(
        'div',
        { class: `addon-compose ${o.prefix}-compose`, role: 'status' },
        bi(
          `下書きを作成しました(Gmail では作成画面が開きます): ${view.composedDraft.subject}`,
          `Draft made (Gmail opens it in a compose window): ${view.composedDraft.subject}`,
        ),
      ),
    );
  }
  const cardBox = h('div', { class: `addon-card ${o.prefix}-card` });
  // The card renderer escapes every text that came from the script, a mail or a cell.
  if (view.cardHtml) cardBox.innerHTML = view.cardHtml;
  else cardBox.append(h('p', { class: 'muted' }, bi(...o.empty)));
  cardBox.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>(
      '[data-action],[data-open-link],[data-nav-back],[data-nav-card]',
    );
    if (!target) return;
    e.preventDefault();
    if (target.dataset.navBack !== undefined) {
      void d.post('/api/card/navigate', { host: o.host, action: 'back' });
      return;
    }
    if (target.dataset.navCard !== undefined) {
      const index = Number(target.dataset.navCard);
      void d.post('/api/card/navigate', { host: o.host, action: 'open', index });
      return;
    }
    if (target.dataset.openLink) {
      window.open(target.dataset.openLink, '_blank', 'noopener');
      return;
    }
    let parameters: Record<string, string> = {};
    try {
      parameters = JSON.parse(target.dataset.params ?? '{}') as Record<string, string>;
    } catch {
      parameters = {};
    }
    void d.post('/api/gmail/action', {
      host: o.host,
      functionName: target.dataset.action,
      parameters,
      formValues: formValues(cardBox),
    });
  });
  panel.append(cardBox);
  return panel;
}
