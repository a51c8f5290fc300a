/**
 * The Calendar pane of the playground page: one week (Mon–Sun) of every calendar in the user's
 * list, all-day events on top of each day, tentative ones dashed, Japanese holidays named, and
 * buttons for the previous and next week; beside it the Calendar add-on's card (its homepage,
 * addon-card.mts, shared with the Gmail pane). The server computes the week (times in
 * Asia/Tokyo); this only draws it. Every text goes in as text.
 */
import type { CalendarEventView, CalendarWeekView } from '../protocol';
import { type Deps, renderAddonPanel } from './addon-card.mjs';

function eventClass(e: CalendarEventView): string {
  return [
    'cal-event',
    e.allDay ? 'allday' : 'timed',
    e.status === 'tentative' ? 'tentative' : '',
    e.transparent ? 'free' : '',
    e.own ? 'own' : 'other',
    e.seeded ? '' : 'created',
  ]
    .filter(Boolean)
    .join(' ');
}

const rendered = new WeakMap<HTMLElement, string>();

export function renderCalendar(box: HTMLElement, view: CalendarWeekView, d: Deps): void {
  // Unchanged: keep the card as it is, with what the person has typed into it.
  const signature = JSON.stringify([view, d.lang()]);
  if (rendered.get(box) === signature) return;
  rendered.set(box, signature);
  const { h, bi } = d;
  const nav = h('div', { class: 'cal-nav' });
  const move = (delta: number, ja: string, en: string, id: string) => {
    const b = h('button', { type: 'button', class: 'btn', id }, bi(ja, en));
    b.addEventListener('click', () => void d.post('/api/calendar/week', { delta }));
    return b;
  };
  const first = view.days[0];
  const last = view.days[view.days.length - 1];
  nav.append(
    move(-1, '前の週', 'Previous week', 'cal-prev'),
    move(0, '今週', 'This week', 'cal-today'),
    move(1, '次の週', 'Next week', 'cal-next'),
    h('strong', { class: 'cal-range' }, `${first?.label ?? ''} – ${last?.label ?? ''}`),
  );
  const week = h('div', { class: 'cal-week', role: 'list', 'aria-label': d.t('週', 'Week') });
  for (const day of view.days) {
    const cls = [
      'cal-day',
      day.today ? 'today' : '',
      day.holiday ? 'holiday' : '',
      day.weekday === 0 ? 'sun' : day.weekday === 6 ? 'sat' : '',
    ]
      .filter(Boolean)
      .join(' ');
    const head = h(
      'div',
      { class: 'cal-day-head' },
      h('span', { class: 'cal-date' }, day.label),
      day.holiday ? h('span', { class: 'cal-holiday' }, day.holiday) : null,
    );
    const list = h('ul', { class: 'cal-events' });
    for (const e of day.events) {
      const title = e.summary || d.t('(タイトルなし)', '(no title)');
      const tip = [
        e.when,
        e.calendar,
        e.location,
        e.status === 'tentative' ? d.t('仮', 'tentative') : '',
      ]
        .filter(Boolean)
        .join(' · ');
      list.append(
        h(
          'li',
          { class: eventClass(e), 'data-event-id': e.id, title: tip },
          e.allDay ? null : h('span', { class: 'cal-time' }, e.time),
          h('span', { class: 'cal-title' }, title),
          e.own ? null : h('span', { class: 'cal-owner muted' }, e.calendar),
        ),
      );
    }
    if (day.events.length === 0) list.append(h('li', { class: 'cal-none muted' }, '—'));
    week.append(h('section', { class: cls, role: 'listitem', 'data-date': day.date }, head, list));
  }
  const legend = h(
    'p',
    { class: 'muted cal-legend' },
    bi(
      '点線は仮の予定、薄い色は他の人のカレンダー(時刻は Asia/Tokyo)',
      'Dashed: tentative; pale: other people’s calendars (times in Asia/Tokyo)',
    ),
  );
  const main = h('div', { class: 'cal-main' }, nav, week, legend);
  if (!view.addon) {
    box.replaceChildren(main);
    return;
  }
  const panel = renderAddonPanel(
    view.addon,
    {
      host: 'calendar',
      prefix: 'cal',
      homePath: '/api/calendar/home',
      empty: ['カードを読み込んでいます', 'Loading the card'],
    },
    d,
  );
  box.replaceChildren(h('div', { class: 'cal-layout' }, main, panel));
}

/** The outbox's section: events the bundle created. */
export function renderCreatedEvents(events: readonly CalendarEventView[], d: Deps): HTMLElement {
  const { h, bi } = d;
  const section = h(
    'section',
    { class: 'outbox-section', 'aria-label': d.t('カレンダーの予定', 'Calendar events') },
    h('h3', {}, bi(`カレンダーの予定 ${events.length} 件`, `Calendar events: ${events.length}`)),
  );
  const rows = events.map((e) =>
    h(
      'tr',
      { class: e.status === 'cancelled' ? 'done' : undefined, 'data-event-id': e.id },
      h('td', { class: 'task-title' }, e.summary || bi('(タイトルなし)', '(no title)')),
      h('td', {}, e.when),
      h(
        'td',
        {},
        e.status === 'cancelled'
          ? bi('削除', 'cancelled')
          : e.status === 'tentative'
            ? bi('仮', 'tentative')
            : bi('確定', 'confirmed'),
      ),
      h('td', { class: 'muted' }, e.calendar),
    ),
  );
  section.append(
    h(
      'table',
      { class: 'outbox-table events-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, bi('タイトル', 'Title')),
          h('th', {}, bi('日時', 'When')),
          h('th', {}, bi('状態', 'Status')),
          h('th', {}, bi('カレンダー', 'Calendar')),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
  return section;
}
