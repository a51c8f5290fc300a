/**
 * The Gmail pane of the playground page: the inbox, the open mail, and the add-on's card as the
 * bundle returned it (HTML from emulator/card-render.ts, where every text is escaped). A click on
 * a card button collects the card's inputs and asks the server to run the button's function.
 */
import type { ActionReply, GmailView, TaskView } from '../protocol';

type Child = Node | string | null | undefined | false;
export interface Deps {
  h: <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs?: Record<string, string | number | boolean | undefined>,
    ...children: Child[]
  ) => HTMLElementTagNameMap[K];
  bi: (ja: string, en: string) => DocumentFragment;
  post: (path: string, body?: unknown) => Promise<ActionReply>;
  formatTime: (ms: number) => string;
}

type FormValue =
  | string
  | string[]
  | { date: number }
  | { dateTime: number }
  | { hours: number; minutes: number };

/** The values of the card's inputs, as Gmail would put them in the action's event. */
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

const rendered = new WeakMap<HTMLElement, string>();

export function renderGmail(box: HTMLElement, view: GmailView, d: Deps): void {
  // Unchanged: keep the card as it is, with what the person has typed into it.
  const signature = JSON.stringify(view);
  if (rendered.get(box) === signature) return;
  rendered.set(box, signature);
  const { h, bi } = d;
  const list = h('ul', { class: 'gmail-list', 'aria-label': '受信トレイ / Inbox' });
  for (const m of view.mails) {
    const item = h(
      'button',
      {
        type: 'button',
        class: `gmail-item${m.unread ? ' unread' : ''}${m.id === view.openId ? ' open' : ''}`,
        'data-mail-id': m.id,
      },
      h('span', { class: 'gmail-from' }, m.from),
      h('span', { class: 'gmail-subject' }, m.subject || '(件名なし / no subject)'),
      h('span', { class: 'gmail-date muted' }, d.formatTime(m.date)),
    );
    item.addEventListener('click', () => void d.post('/api/gmail/open', { messageId: m.id }));
    list.append(h('li', {}, item));
  }
  const open = view.mails.find((m) => m.id === view.openId);
  const reader = open
    ? h(
        'article',
        { class: 'gmail-reader', 'aria-label': 'メール / Mail' },
        h('h3', { class: 'gmail-reader-subject' }, open.subject || '(件名なし / no subject)'),
        h('p', { class: 'muted' }, open.from),
        h('pre', { class: 'gmail-reader-body' }, open.preview),
      )
    : h('p', { class: 'muted gmail-reader' }, bi('メールを選んでください', 'Choose a mail'));
  const home = h(
    'button',
    { type: 'button', class: 'btn', id: 'gmail-home' },
    bi('ホーム', 'Home'),
  );
  home.addEventListener('click', () => void d.post('/api/gmail/home'));
  const panel = h(
    'aside',
    { class: 'gmail-addon', 'aria-label': 'Pokke アドオン / add-on' },
    h('div', { class: 'gmail-addon-bar' }, h('strong', {}, 'Pokke'), home),
  );
  if (view.notification) {
    panel.append(h('div', { class: 'gmail-notification', role: 'status' }, view.notification));
  }
  const cardBox = h('div', { class: 'gmail-card' });
  // The card renderer escapes every text that came from the script, a mail or a cell.
  if (view.cardHtml) cardBox.innerHTML = view.cardHtml;
  else
    cardBox.append(
      h(
        'p',
        { class: 'muted' },
        bi('メールを開くとカードが表示されます', 'Open a mail to see the card'),
      ),
    );
  cardBox.addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('[data-action],[data-open-link]');
    if (!target) return;
    e.preventDefault();
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
      functionName: target.dataset.action,
      parameters,
      formValues: formValues(cardBox),
    });
  });
  panel.append(cardBox);
  box.replaceChildren(h('div', { class: 'gmail-layout' }, list, reader, panel));
}

/** The Google Tasks section of the outbox. */
export function renderTasks(tasks: readonly TaskView[], d: Deps): HTMLElement {
  const { h, bi } = d;
  const section = h(
    'section',
    { class: 'outbox-section', 'aria-label': 'Google ToDo リスト / Google Tasks' },
    h('h3', {}, bi(`Google ToDo リスト ${tasks.length} 件`, `Google Tasks: ${tasks.length}`)),
  );
  if (tasks.length === 0) {
    section.append(h('p', { class: 'empty' }, bi('まだありません', 'Nothing yet')));
    return section;
  }
  const rows = tasks.map((t) =>
    h(
      'tr',
      { class: t.completed ? 'done' : undefined },
      h('td', {}, t.completed ? '✔' : '○'),
      h('td', { class: 'task-title' }, t.title),
      h('td', {}, t.due),
      h('td', { class: 'muted' }, t.list),
      h('td', { class: 'task-notes' }, h('pre', {}, t.notes)),
    ),
  );
  section.append(
    h(
      'table',
      { class: 'outbox-table tasks-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, ''),
          h('th', {}, bi('タイトル', 'Title')),
          h('th', {}, bi('期限', 'Due')),
          h('th', {}, bi('リスト', 'List')),
          h('th', {}, bi('メモ', 'Notes')),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
  return section;
}
