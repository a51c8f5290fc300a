/**
 * Proposing and confirming cut off at every service call, then done again by the owner (a second
 * click): the calendar and the 日程調整 sheet end exactly as after one clean run — never a second
 * hold or meeting, never an orphan hold — whether or not Apps Script kept the writes the dying
 * execution had not flushed.
 */
import { selectionItems } from './gmail-support';
import {
  answer,
  calendarOf,
  deliverDemo,
  liveEvents,
  mailCard,
  openSchedulingBundle,
  press,
  proposalRows,
} from './scheduling-support';

type G = ReturnType<typeof openSchedulingBundle>;

function endState(g: G): string[] {
  const events = liveEvents(g).map(
    (e) => `event ${e.summary} ${e.start.dateTime} ${(e.attendees ?? []).map((a) => a.email)}`,
  );
  const rows = proposalRows(g).map(
    (r) =>
      `row ${r['状態']} ${r['候補日時']} ${r['確定日時']} holds=${String(r['仮押さえID']).split('\n').length}`,
  );
  const all = calendarOf(g)
    .allEvents()
    .filter((e) => !e.seeded).length;
  return [...events, ...rows, `made: ${all}`];
}

/** A workbook and inbox with the demo meeting mail, and the form card for it. */
function start() {
  const g = openSchedulingBundle();
  const ids = deliverDemo(g, 'meeting', 'meeting-reply');
  const form = answer(
    press(g, mailCard(g, ids.meeting!), /候補日時を探す/, { messageId: ids.meeting }),
  ).pushed!;
  return { g, ids, form };
}

function compose(s: ReturnType<typeof start>) {
  return press(s.g, s.form, /返信の下書きを作成/, {
    messageId: s.ids.meeting,
    edits: { meetWhere: 'https://meet.example.com/x' },
  });
}

function confirmCard(s: ReturnType<typeof start>) {
  return answer(
    press(s.g, mailCard(s.g, s.ids['meeting-reply']!), /日程を確定する/, {
      messageId: s.ids['meeting-reply'],
    }),
  ).pushed!;
}

function confirm(s: ReturnType<typeof start>, card: ReturnType<typeof confirmCard>) {
  const field = `meetSlot_${s.ids.meeting}`;
  return press(s.g, card, /この日時で確定/, {
    messageId: s.ids['meeting-reply'],
    edits: { [field]: selectionItems(card, field)[1]!.value },
  });
}

function calls(s: ReturnType<typeof start>, run: () => unknown): number {
  s.g.ws.meter.startTrace();
  run();
  return s.g.ws.meter.trace().length;
}

describe.each(['kept', 'lost'] as const)('killed at every call (unflushed writes %s)', (mode) => {
  it('proposing: one row, three holds, whatever call the first attempt died at', () => {
    const clean = start();
    const n = calls(clean, () => compose(clean));
    const want = endState(clean.g);
    expect(want.filter((l) => l.startsWith('event '))).toHaveLength(3);
    for (let k = 0; k < n; k++) {
      const s = start();
      s.g.ws.SpreadsheetApp.unflushedWrites = mode;
      s.g.ws.meter.killAfter(k);
      try {
        compose(s);
      } catch {
        // The execution died.
      }
      s.g.ws.SpreadsheetApp.unflushedWrites = 'kept';
      compose(s);
      expect([`k=${k}`, ...endState(s.g)]).toEqual([`k=${k}`, ...want]);
    }
  }, 120_000);

  it('confirming: one meeting, no hold left, whatever call the first attempt died at', () => {
    const clean = start();
    compose(clean);
    const card = confirmCard(clean);
    const n = calls(clean, () => confirm(clean, card));
    const want = endState(clean.g);
    expect(want.filter((l) => l.startsWith('event '))).toEqual([
      'event 打ち合わせ: 小林 誠 2026-12-01T09:00:00+09:00 makoto.kobayashi@minato-shoji.example.jp',
    ]);
    for (let k = 0; k < n; k++) {
      const s = start();
      compose(s);
      const c = confirmCard(s);
      s.g.ws.SpreadsheetApp.unflushedWrites = mode;
      s.g.ws.meter.killAfter(k);
      try {
        confirm(s, c);
      } catch {
        // The execution died.
      }
      s.g.ws.SpreadsheetApp.unflushedWrites = 'kept';
      confirm(s, c);
      expect([`k=${k}`, ...endState(s.g)]).toEqual([`k=${k}`, ...want]);
    }
  }, 120_000);
});
