/**
 * The Gmail pane of the playground page: the inbox, the open mail, and the add-on's card as the
 * bundle returned it (addon-card.mts, shared with the Calendar pane).
 */
import type { GmailView, TaskView } from '../protocol';
import { type Deps, renderAddonPanel } from './addon-card.mjs';

export type { Deps };

const rendered = new WeakMap<HTMLElement, string>();

export function renderGmail(box: HTMLElement, view: GmailView, d: Deps): void {
  // Unchanged: keep the card as it is, with what the person has typed into it.
  const signature = JSON.stringify([view, d.lang()]);
  if (rendered.get(box) === signature) return;
  rendered.set(box, signature);
  const { h, bi } = d;
  const list = h('ul', { class: 'gmail-list', 'aria-label': d.t('受信トレイ', 'Inbox') });
  for (const m of view.mails) {
    const item = h(
      'button',
      {
        type: 'button',
        class: `gmail-item${m.unread ? ' unread' : ''}${m.id === view.openId ? ' open' : ''}`,
        'data-mail-id': m.id,
      },
      h('span', { class: 'gmail-from' }, m.from),
      h('span', { class: 'gmail-subject' }, m.subject || bi('(件名なし)', '(no subject)')),
      h('span', { class: 'gmail-date muted' }, d.formatTime(m.date)),
    );
    item.addEventListener('click', () => void d.post('/api/gmail/open', { messageId: m.id }));
    list.append(h('li', {}, item));
  }
  const open = view.mails.find((m) => m.id === view.openId);
  const reader = open
    ? h(
        'article',
        { class: 'gmail-reader', 'aria-label': d.t('メール', 'Mail') },
        h(
          'h3',
          { class: 'gmail-reader-subject' },
          open.subject || bi('(件名なし)', '(no subject)'),
        ),
        h('p', { class: 'muted' }, open.from),
        h('pre', { class: 'gmail-reader-body' }, open.preview),
      )
    : h('p', { class: 'muted gmail-reader' }, bi('メールを選んでください', 'Choose a mail'));
  const panel = renderAddonPanel(
    view,
    {
      host: 'gmail',
      prefix: 'gmail',
      homePath: '/api/gmail/home',
      empty: ['メールを開くとカードが表示されます', 'Open a mail to see the card'],
    },
    d,
  );
  box.replaceChildren(h('div', { class: 'gmail-layout' }, list, reader, panel));
}

/** The Google Tasks section of the outbox. */
export function renderTasks(tasks: readonly TaskView[], d: Deps): HTMLElement {
  const { h, bi } = d;
  const section = h(
    'section',
    { class: 'outbox-section', 'aria-label': d.t('Google ToDo リスト', 'Google Tasks') },
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
