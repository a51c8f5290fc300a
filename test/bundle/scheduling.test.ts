/**
 * 日程調整 through the built bundle: the Gmail card on a mail asking to meet, candidates from
 * three calendars in one Freebusy call, the reply draft and the holds (仮押さえ), confirming from
 * the card of the reply or the Calendar card, the daily run releasing expired holds, and runs
 * cut off at every call.
 */
import { buildGmailContextualEvent } from '../../emulator/addon-events';
import { runAddonTrigger } from '../../emulator/addon-manifest';
import { records } from './automations-support';
import { ioCalls, manifest, selectionItems } from './gmail-support';
import {
  answer,
  calendarHome,
  calendarOf,
  deliverDemo,
  liveEvents,
  mailCard,
  openSchedulingBundle,
  press,
  proposalRows,
} from './scheduling-support';

const JST = (s: string) => Date.parse(`${s}+09:00`);

function formFor(g: ReturnType<typeof openSchedulingBundle>, messageId: string) {
  const card = mailCard(g, messageId);
  const opened = answer(press(g, card, /候補日時を探す/, { messageId }));
  if (!opened.pushed) throw new Error(`no form: ${opened.notification}`);
  return opened.pushed;
}

/** Proposes the first three candidates of the Japanese demo mail; returns its ids. */
function propose(g: ReturnType<typeof openSchedulingBundle>, edits = {}) {
  const ids = deliverDemo(g, 'meeting', 'meeting-reply', 'meeting-en');
  const form = formFor(g, ids.meeting!);
  const result = answer(
    press(g, form, /返信の下書きを作成/, {
      messageId: ids.meeting,
      edits: { meetWhere: 'https://meet.example.com/abc-defg', ...edits },
    }),
  );
  return { ids, form, result };
}

function draftsOf(g: ReturnType<typeof openSchedulingBundle>) {
  return g.ws.GmailApp.outbox().filter((m) => m.kind === 'draft');
}

describe('日程調整 from a Gmail card', () => {
  beforeAll(() => {
    // jest runs with TZ=UTC: the rules must hold whatever the machine's zone.
    expect(new Date(0).getTimezoneOffset()).toBe(0);
  });

  it('offers free times of the owner and two colleagues from ONE Freebusy call, within the card limit', () => {
    const g = openSchedulingBundle();
    const ids = deliverDemo(g, 'meeting', 'estimate');
    const card = mailCard(g, ids.meeting!);
    expect(card.sections.map((s) => s.header)).toContain('日程調整');
    // The task card is still there, and a mail that does not ask to meet has no scheduling section.
    expect(card.sections.map((s) => s.header)).toContain('タスク');
    expect(mailCard(g, ids.estimate!).sections.map((s) => s.header)).not.toContain('日程調整');

    g.ws.meter.resetCounts();
    const before = ioCalls(g);
    const opened = answer(press(g, card, /候補日時を探す/, { messageId: ids.meeting }));
    const calls = ioCalls(g) - before;
    const ms = g.ws.meter.lastExecution!.elapsedMs;
    expect(g.ws.meter.counts()['Calendar.Freebusy.query']).toBe(1);
    // Settings and 日程調整 in one batched read, the language and workbook from user properties.
    expect(calls).toBeLessThanOrEqual(9);
    expect(ms).toBeLessThan(5_000);
    console.log(`scheduling form: ${calls} calls ${ms} ms (modelled)`);

    // However busy the calendars, the card costs the same calls.
    const cal = calendarOf(g);
    for (let i = 0; i < 2_000; i++) {
      const day = 1 + (i % 28);
      cal.addEvent('sato@pokke-shoten.example.com', {
        summary: `予定${i}`,
        start: { dateTime: `2026-12-${String(day).padStart(2, '0')}T0${i % 8}:00:00+09:00` },
        end: { dateTime: `2026-12-${String(day).padStart(2, '0')}T0${i % 8}:30:00+09:00` },
      });
    }
    const again = ioCalls(g);
    press(g, card, /候補日時を探す/, { messageId: ids.meeting });
    expect(ioCalls(g) - again).toBe(calls);

    const items = selectionItems(opened.pushed!, 'meetSlots');
    expect(items).toHaveLength(8);
    expect(items.filter((i) => i.selected)).toHaveLength(3);
    const days = items.map((i) => i.text.slice(0, i.text.indexOf(' ')));
    // 11/26: 山田's all-day 休暇 (佐藤's 展示会 is marked free and blocks nothing); 11/27: the
    // owner's all-day 棚卸し; weekends are not working hours.
    expect(days).not.toContain('11月26日(木)');
    expect(days).not.toContain('11月27日(金)');
    expect(days.some((d) => /\((土|日)\)/.test(d))).toBe(false);
    expect(items[0]!.text).toBe('11月30日(月) 9:00〜10:00');
    // At most two a day (the cap), never on the owner's 15:00–17:00 月末締め (with 15 min buffers).
    for (const item of items) {
      const [start, end] = item.value.split('_').map(Number) as [number, number];
      expect(end - start).toBe(60 * 60_000);
      const busyStart = JST('2026-11-30T15:00:00') - 15 * 60_000;
      const busyEnd = JST('2026-11-30T17:00:00') + 15 * 60_000;
      expect(start < busyEnd && end > busyStart).toBe(false);
    }
  });

  it('composing the reply and confirming cost a bounded number of calls, well inside 30 s', () => {
    const g = openSchedulingBundle();
    const ids = deliverDemo(g, 'meeting', 'meeting-reply');
    const form = formFor(g, ids.meeting!);
    const measure = (run: () => unknown) => {
      const before = ioCalls(g);
      run();
      return { calls: ioCalls(g) - before, ms: g.ws.meter.lastExecution!.elapsedMs };
    };
    const compose = measure(() =>
      press(g, form, /返信の下書きを作成/, {
        messageId: ids.meeting,
        edits: {
          meetSlots: selectionItems(form, 'meetSlots')
            .slice(0, 5)
            .map((i) => i.value),
        },
      }),
    );
    const proposal = answer(
      press(g, mailCard(g, ids['meeting-reply']!), /日程を確定する/, {
        messageId: ids['meeting-reply'],
      }),
    ).pushed!;
    const confirm = measure(() =>
      press(g, proposal, /この日時で確定/, { messageId: ids['meeting-reply'] }),
    );
    console.log(
      `compose (5 times, 5 holds): ${compose.calls} calls ${compose.ms} ms; confirm: ${confirm.calls} calls ${confirm.ms} ms (modelled)`,
    );
    expect(liveEvents(g)).toHaveLength(1);
    // Compose: the mail, the workbook (one batched read), the row, one insert per hold, the draft.
    // Confirm: the workbook, one list of the proposal's events, one patch, one delete per other
    // hold, the row, and the card read again. Neither grows with the calendars or the sheet.
    expect(compose.calls).toBeLessThanOrEqual(40);
    expect(confirm.calls).toBeLessThanOrEqual(40);
    expect(compose.ms).toBeLessThan(15_000);
    expect(confirm.ms).toBeLessThan(15_000);
  });

  it('the universal action offers the times for any open mail, even one that does not ask', () => {
    const g = openSchedulingBundle();
    const ids = deliverDemo(g, 'estimate');
    const result = runAddonTrigger(
      g.bundle,
      manifest,
      { universalAction: '日程調整' },
      buildGmailContextualEvent(g.ws, ids.estimate!),
    );
    const form = result.cards[0]!;
    expect(form.header?.title).toBe('日程調整');
    expect(selectionItems(form, 'meetSlots')[0]!.text).toBe('11月30日(月) 9:00〜10:00');
    press(g, form, /返信の下書きを作成/, { messageId: ids.estimate });
    expect(draftsOf(g)[0]!.subject).toBe('Re: お見積りのお願い(ロゴ制作)');
    expect(liveEvents(g)).toHaveLength(3);
  });

  it('searches again with another length, and uses the working hours of 設定', () => {
    const g = openSchedulingBundle();
    const sheet = g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('設定')!;
    const grid = sheet.getDataRange().getValues();
    sheet
      .getRange(grid.findIndex((r) => r[0] === 'meetingHours') + 1, 3)
      .setValue('平日 13:00-17:00');
    const ids = deliverDemo(g, 'meeting');
    const form = formFor(g, ids.meeting!);
    expect(selectionItems(form, 'meetSlots')[0]!.text).toBe('11月30日(月) 13:00〜14:00');
    const again = answer(
      press(g, form, /この長さで探し直す/, { messageId: ids.meeting, edits: { meetLength: '30' } }),
    );
    expect(selectionItems(again.updated!, 'meetSlots')[0]!.text).toBe('11月30日(月) 13:00〜13:30');
  });

  it('creates a polite reply draft in the thread, records the proposal and places one hold per time', () => {
    const g = openSchedulingBundle();
    const { ids, result } = propose(g);
    expect(result.draftId).toBeDefined();
    const drafts = draftsOf(g);
    expect(drafts).toHaveLength(1);
    const draft = drafts[0]!;
    const original = g.ws.GmailApp.box.messages.get(ids.meeting!)!;
    expect(draft.subject).toBe('Re: お打ち合わせのお願い(新商品の卸について)');
    expect(draft.to).toContain('makoto.kobayashi@minato-shoji.example.jp');
    expect(g.ws.GmailApp.box.messages.get(draft.messageId)?.thread.id).toBe(original.thread.id);
    expect(draft.plainBody).toContain('小林 誠 様');
    expect(draft.plainBody).toContain(
      '・11月30日(月) 9:00〜10:00\n・12月1日(火) 9:00〜10:00\n・12月2日(水) 9:00〜10:00',
    );
    expect(draft.plainBody).toContain('■ URL: https://meet.example.com/abc-defg');
    expect(draft.plainBody).toContain('株式会社ぽっけ商店');

    const [row, ...others] = proposalRows(g);
    expect(others).toHaveLength(0);
    expect(row).toMatchObject({ 相手: '小林 誠', 状態: '提案中', 形式: 'オンライン' });
    const holds = liveEvents(g);
    expect(holds.map((e) => e.summary)).toEqual(Array(3).fill('【仮】打ち合わせ: 小林 誠'));
    expect(holds.every((e) => e.transparency !== 'transparent')).toBe(true);
    expect(holds.map((e) => e.start.dateTime)).toEqual([
      '2026-11-30T09:00:00+09:00',
      '2026-12-01T09:00:00+09:00',
      '2026-12-02T09:00:00+09:00',
    ]);
    // Holds are busy: the next search does not offer them again.
    const other = deliverDemo(g, 'meeting-en');
    const items = selectionItems(formFor(g, other['meeting-en']!), 'meetSlots');
    expect(items.map((i) => i.text)).not.toContain('11月30日(月) 9:00〜10:00');
  });

  it('proposing twice reuses the proposal: a second draft with the same times, no second hold or row', () => {
    const g = openSchedulingBundle();
    const { ids, form } = propose(g);
    press(g, form, /返信の下書きを作成/, {
      messageId: ids.meeting,
      edits: { meetSlots: [selectionItems(form, 'meetSlots')[5]!.value] },
    });
    expect(proposalRows(g)).toHaveLength(1);
    expect(liveEvents(g)).toHaveLength(3);
    const drafts = draftsOf(g);
    expect(drafts).toHaveLength(2);
    expect(drafts[1]!.plainBody).toContain('・11月30日(月) 9:00〜10:00');
  });

  it('answers an English mail in English, and mail text reaches the draft only as text', () => {
    const g = openSchedulingBundle();
    const id = g.ws.GmailApp.deliver({
      from: '"<b>Oliver</b> & Co" <oliver.grant@harbor-labs.example.com>',
      subject: 'Product demo next week?',
      plainBody: 'Could we meet next week for a short demo?',
    }).getId();
    const form = formFor(g, id);
    press(g, form, /返信の下書きを作成/, { messageId: id, edits: { meetWhere: '' } });
    const draft = draftsOf(g)[0]!;
    expect(draft.plainBody).toContain('Dear <b>Oliver</b> & Co,');
    expect(draft.plainBody).toContain('- Mon, Nov 30, 9:00–10:00 (JST)');
    expect(draft.htmlBody).toContain('&lt;b&gt;Oliver&lt;/b&gt; &amp; Co');
    expect(draft.htmlBody).not.toContain('<b>Oliver');
  });

  it('refuses a reply-by date after the first offered day, making nothing', () => {
    const g = openSchedulingBundle();
    const { result } = propose(g, { meetReplyBy: { date: Date.UTC(2026, 11, 20) } });
    expect(result.notification).toBe('返信期限は最初の候補日以前にしてください');
    expect(draftsOf(g)).toHaveLength(0);
    expect(proposalRows(g)).toHaveLength(0);
    expect(liveEvents(g)).toHaveLength(0);
  });
});

describe('confirming and releasing', () => {
  it('on the reply: the chosen hold becomes the meeting with the guest, the others are deleted; again changes nothing', () => {
    const g = openSchedulingBundle();
    const { ids } = propose(g);
    const replyCard = mailCard(g, ids['meeting-reply']!);
    const opened = answer(
      press(g, replyCard, /日程を確定する/, { messageId: ids['meeting-reply'] }),
    );
    const proposal = opened.pushed!;
    const field = `meetSlot_${ids.meeting}`;
    const choices = selectionItems(proposal, field);
    expect(choices.map((c) => c.text)).toEqual([
      '11月30日(月) 9:00〜10:00(仮押さえ中)',
      '12月1日(火) 9:00〜10:00(仮押さえ中)',
      '12月2日(水) 9:00〜10:00(仮押さえ中)',
    ]);
    const holdIds = liveEvents(g).map((e) => e.id);
    const done = answer(
      press(g, proposal, /この日時で確定/, {
        messageId: ids['meeting-reply'],
        edits: { [field]: choices[1]!.value },
      }),
    );
    expect(done.notification).toBe('日程を確定し、カレンダーに登録しました');
    const live = liveEvents(g);
    expect(live).toHaveLength(1);
    const meeting = live[0]!;
    expect(meeting.id).toBe(holdIds[1]);
    expect(meeting.summary).toBe('打ち合わせ: 小林 誠');
    expect(meeting.location).toBe('https://meet.example.com/abc-defg');
    expect(meeting.attendees?.map((a) => a.email)).toEqual([
      'makoto.kobayashi@minato-shoji.example.jp',
    ]);
    expect(proposalRows(g)[0]).toMatchObject({
      状態: '確定',
      確定日時: '2026/12/01 9:00-10:00',
      予定ID: holdIds[1],
    });

    // The card now shows the confirmed time, with nothing left to confirm or cancel.
    expect(JSON.stringify(done.updated)).toContain('12月1日(火) 9:00〜10:00');
    expect(() => press(g, done.updated!, /この日時で確定|提案を取り消す/)).toThrow(/No button/);
  });

  it('confirming again from a stale card makes nothing new; another time is refused', () => {
    const g = openSchedulingBundle();
    const { ids } = propose(g);
    const proposal = answer(
      press(g, mailCard(g, ids['meeting-reply']!), /日程を確定する/, {
        messageId: ids['meeting-reply'],
      }),
    ).pushed!;
    const field = `meetSlot_${ids.meeting}`;
    const [first, second] = selectionItems(proposal, field);
    press(g, proposal, /この日時で確定/, {
      messageId: ids.meeting,
      edits: { [field]: first!.value },
    });
    const events = calendarOf(g).allEvents().length;
    const twice = answer(
      press(g, proposal, /この日時で確定/, {
        messageId: ids.meeting,
        edits: { [field]: first!.value },
      }),
    );
    expect(twice.notification).toBe('この日時で確定済みです');
    expect(calendarOf(g).allEvents()).toHaveLength(events);
    const other = answer(
      press(g, proposal, /この日時で確定/, {
        messageId: ids.meeting,
        edits: { [field]: second!.value },
      }),
    );
    expect(other.notification).toBe('この日程調整は別の日時で確定済みです');
    expect(liveEvents(g)).toHaveLength(1);
  });

  it('respects holds the owner moved or deleted by hand: never touched, never recreated', () => {
    const g = openSchedulingBundle();
    const { ids, form } = propose(g);
    const cal = calendarOf(g);
    const [h1, h2, h3] = liveEvents(g);
    // The owner moves the first hold an hour later and deletes the third.
    cal.Events.patch(
      {
        start: { dateTime: '2026-11-30T10:00:00+09:00' },
        end: { dateTime: '2026-11-30T11:00:00+09:00' },
      },
      'primary',
      h1!.id,
    );
    cal.Events.remove('primary', h3!.id);
    // Proposing again (a retry, a second click) does not bring the deleted hold back.
    press(g, form, /返信の下書きを作成/, { messageId: ids.meeting });
    expect(liveEvents(g).map((e) => e.id)).toEqual([h1!.id, h2!.id]);

    const proposal = answer(
      press(g, mailCard(g, ids['meeting-reply']!), /日程を確定する/, {
        messageId: ids['meeting-reply'],
      }),
    ).pushed!;
    const field = `meetSlot_${ids.meeting}`;
    const choices = selectionItems(proposal, field);
    expect(choices.map((c) => c.text)).toEqual([
      '11月30日(月) 9:00〜10:00(仮押さえは移動済み)',
      '12月1日(火) 9:00〜10:00(仮押さえ中)',
      '12月2日(水) 9:00〜10:00(仮押さえは削除済み)',
    ]);
    // The deleted one is chosen: a new meeting is made; the moved hold stays where the owner put it.
    const done = answer(
      press(g, proposal, /この日時で確定/, {
        messageId: ids.meeting,
        edits: { [field]: choices[2]!.value },
      }),
    );
    expect(done.notification).toContain('移動された仮押さえはそのままです');
    const live = liveEvents(g);
    expect(live.map((e) => [e.summary, e.start.dateTime])).toEqual([
      ['【仮】打ち合わせ: 小林 誠', '2026-11-30T10:00:00+09:00'],
      ['打ち合わせ: 小林 誠', '2026-12-02T09:00:00+09:00'],
    ]);
  });

  it('the Calendar card lists open proposals with their holds and confirms or cancels them', () => {
    const g = openSchedulingBundle();
    const { ids } = propose(g);
    const home = calendarHome(g);
    expect(home.sections[0]!.header).toBe('小林 誠');
    const field = `meetSlot_${ids.meeting}`;
    const choices = selectionItems(home, field);
    expect(choices).toHaveLength(3);
    const cancelled = answer(press(g, home, /提案を取り消す/, { host: 'calendar' }));
    expect(cancelled.notification).toBe('提案を取り消し、仮押さえ3件を削除しました');
    expect(liveEvents(g)).toHaveLength(0);
    expect(proposalRows(g)[0]).toMatchObject({ 状態: '取消' });
    expect(cancelled.updated!.sections[0]!.widgets.length).toBeGreaterThan(0);
    expect(JSON.stringify(cancelled.updated)).toContain('回答待ちの日程調整はありません');
  });

  it('the daily run releases the holds of proposals past their reply-by date and logs it', () => {
    const g = openSchedulingBundle();
    propose(g);
    const replyBy = proposalRows(g)[0]!['返信期限'] as Date;
    // 11/27 JST: three days ahead (the first time is 11/30).
    expect(replyBy.toISOString()).toBe('2026-11-26T15:00:00.000Z');
    g.ws.clock.set('2026-11-27T23:00:00+09:00');
    g.bundle.runJson('automationsRunNow', []);
    expect(liveEvents(g)).toHaveLength(3);
    expect(proposalRows(g)[0]).toMatchObject({ 状態: '提案中' });
    g.ws.clock.set('2026-11-28T08:00:00+09:00');
    g.bundle.runJson('automationsRunNow', []);
    expect(liveEvents(g)).toHaveLength(0);
    expect(proposalRows(g)[0]).toMatchObject({ 状態: '期限切れ' });
    const log = records(g.bundle, '実行ログ').filter((r) => r['処理'] === '日程調整');
    expect(log.map((r) => r['メッセージ'])).toEqual([
      '返信期限を過ぎた日程調整1件を期限切れにし、仮押さえ3件を削除しました: 小林 誠',
    ]);
    // Run again: nothing more to do, no second line.
    g.bundle.runJson('automationsRunNow', []);
    expect(records(g.bundle, '実行ログ').filter((r) => r['処理'] === '日程調整')).toHaveLength(1);
  });
});
