import { readFileSync } from 'node:fs';
import type { CardJson, ResponseJson } from '../../emulator/services/card';
import { cardTree } from '../../emulator/services/card';
import {
  click,
  deliver,
  type GmailBundle,
  openGmailBundle,
  openHomepage,
  openMail,
} from './gmail-support';

interface DemoMail {
  id: string;
  from: string;
  subject: string;
  date: string;
  plainBody?: string;
  htmlBody?: string;
}

const DEMO = (
  JSON.parse(readFileSync('playground/demo/mails.json', 'utf8')) as { mails: DemoMail[] }
).mails;
const demo = (id: string) => {
  const m = DEMO.find((x) => x.id === id);
  if (!m) throw new Error(id);
  const { id: _id, ...mail } = m;
  return mail;
};

function widgets(card: CardJson) {
  return card.sections.flatMap((s) => s.widgets);
}

function input(card: CardJson, name: string): string | undefined {
  for (const w of widgets(card))
    if ('textInput' in w && w.textInput.name === name) return w.textInput.value;
  return undefined;
}

function dueValue(card: CardJson): string | null {
  for (const w of widgets(card)) {
    if ('dateTimePicker' in w && w.dateTimePicker.name === 'due') {
      const v = w.dateTimePicker.valueMsEpoch;
      return v === undefined ? null : new Date(v).toISOString().slice(0, 10);
    }
  }
  throw new Error('no due picker');
}

function text(card: CardJson): string {
  return JSON.stringify(card);
}

function responseCard(value: unknown): { card: CardJson | undefined; notification: string } {
  const r = cardTree(value) as unknown as ResponseJson & {
    navigations?: { updateCard?: CardJson }[];
    notification?: { text: string };
  };
  const card = r.navigations?.find((n) => n.updateCard)?.updateCard;
  return { card, notification: r.notification?.text ?? '' };
}

/** The destinations the card offers, by their labels. */
function targets(card: CardJson): string[] {
  for (const w of widgets(card))
    if ('selectionInput' in w && w.selectionInput.name === 'targets')
      return w.selectionInput.items.map((i) => i.text);
  return [];
}

function taskRows(g: GmailBundle): unknown[][] {
  const ss = g.ws.SpreadsheetApp.openById(g.workbookId);
  const values = ss.getSheetByName('タスク')!.getDataRange().getValues();
  return values.slice(1).filter((r) => r.some((c) => c !== ''));
}

describe('Gmail: a mail becomes a task in one click', () => {
  it.each([
    ['estimate', 'お見積り', '2026-11-30', '11/30(月)までに'],
    ['review', '12月号の原稿について', '2026-12-04', '来週金曜日までに'],
    ['contract', 'Contract for the Tokyo pop-up store', '2026-11-27', 'by Friday'],
  ])(
    '%s: suggests the title and due date, creates once, reopens without a duplicate',
    (id, title, due, matched) => {
      const g = openGmailBundle();
      const messageId = deliver(g.ws, demo(id));
      const opened = openMail(g, messageId);
      const card = opened.cards[0]!;
      expect(input(card, 'title')).toContain(title);
      expect(input(card, 'title')).not.toMatch(/^Re:/);
      expect(dueValue(card)).toBe(due);
      expect(text(card)).toContain(matched);
      const notes = input(card, 'notes') ?? '';
      expect(notes).toContain(demo(id).from.replace(/<.*>/, '').trim());
      expect(notes).toContain('https://mail.google.com/mail/#all/');
      expect(opened.execution?.exceeded).toBe(false);

      const { value } = click(g, card, /タスクを作成/, { messageId });
      const { card: created, notification } = responseCard(value);
      expect(notification).toContain('タスクを作成しました');
      expect(text(created!)).toContain('タスクを作成しました');

      const rows = taskRows(g);
      expect(rows).toHaveLength(1);
      const task = g.tasks.allTasks();
      expect(task).toHaveLength(1);
      expect(task[0]!.title).toContain(title);
      expect(task[0]!.due).toBe(`${due}T00:00:00.000Z`);
      expect(task[0]!.notes).toContain('https://mail.google.com/mail/#all/');
      const sheet = g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('タスク')!;
      const headers = sheet.getRange(1, 1, 1, 8).getValues()[0]!;
      const row = Object.fromEntries(headers.map((h, i) => [h, rows[0]![i]]));
      expect(String(row.タイトル)).toContain(title);
      expect(row.状態).toBe('未完了');
      expect(row.タスクキー).toBe(`mail:${messageId}`);
      expect(row.GoogleタスクID).toBe(task[0]!.id);
      expect(String(row.出典)).toMatch(/^https:\/\/mail\.google\.com\//);
      expect((row.期限 as Date).toISOString()).toBe(`${addDaysIso(due, -1)}T15:00:00.000Z`);

      // Opening the same mail again shows the task, and offers no second one.
      const again = openMail(g, messageId).cards[0]!;
      expect(text(again)).toContain('作成済み');
      expect(text(again)).not.toContain('mailTaskCreate');
      expect(g.tasks.allTasks()).toHaveLength(1);
    },
  );

  it('a double click makes one task: the second click finds the first', () => {
    const g = openGmailBundle();
    const messageId = deliver(g.ws, demo('estimate'));
    const card = openMail(g, messageId).cards[0]!;
    click(g, card, /タスクを作成/, { messageId });
    const second = responseCard(click(g, card, /タスクを作成/, { messageId }).value);
    expect(second.notification).toContain('作成済み');
    expect(g.tasks.allTasks()).toHaveLength(1);
    expect(taskRows(g)).toHaveLength(1);
  });

  it('a second click with the user record lost still finds the sheet row (no duplicate)', () => {
    const g = openGmailBundle();
    const messageId = deliver(g.ws, demo('estimate'));
    const card = openMail(g, messageId).cards[0]!;
    click(g, card, /タスクを作成/, { messageId });
    g.ws.PropertiesService.getUserProperties().deleteProperty(`pokke.mailTask.${messageId}`);
    const second = responseCard(click(g, card, /タスクを作成/, { messageId }).value);
    expect(second.notification).toContain('作成済み');
    expect(g.tasks.allTasks()).toHaveLength(1);
    expect(taskRows(g)).toHaveLength(1);
  });

  it('the user may edit the title and due date, and choose only one destination', () => {
    const g = openGmailBundle();
    const messageId = deliver(g.ws, demo('contract'));
    const card = openMail(g, messageId).cards[0]!;
    click(g, card, /タスクを作成/, {
      messageId,
      edits: { title: '契約書を送る', due: { date: Date.UTC(2026, 11, 1) }, targets: ['sheet'] },
    });
    expect(g.tasks.allTasks()).toHaveLength(0);
    const rows = taskRows(g);
    expect(rows[0]![0]).toBe('契約書を送る');
    expect((rows[0]![1] as Date).toISOString()).toBe('2026-11-30T15:00:00.000Z');
  });

  it('refuses a create with no destination, with a message and nothing written', () => {
    const g = openGmailBundle();
    const messageId = deliver(g.ws, demo('estimate'));
    const card = openMail(g, messageId).cards[0]!;
    const sheet = g.ws.SpreadsheetApp.openById(g.workbookId).getSheetByName('タスク')!;
    const before = sheet.getDataRange().getValues();
    const props = g.ws.PropertiesService.getUserProperties().getProperties();
    const r = responseCard(
      click(g, card, /タスクを作成/, { messageId, edits: { targets: [] } }).value,
    );
    expect(r.notification).toContain('作成先');
    expect(g.tasks.allTasks()).toHaveLength(0);
    expect(sheet.getDataRange().getValues()).toEqual(before);
    expect(taskRows(g)).toHaveLength(0);
    expect(g.ws.PropertiesService.getUserProperties().getProperties()).toEqual(props);
  });

  it('opening a mail and creating its task cost a fixed number of calls, well inside 30 s', () => {
    const g = openGmailBundle();
    const small = deliver(g.ws, demo('estimate'));
    const huge = deliver(g.ws, {
      from: 'bulk@example.com',
      subject: '大量の資料',
      plainBody: `${'資料の本文です。'.repeat(130_000)}\n12/5までにご返信ください。`,
    });
    expect(g.ws.GmailApp.box.messages.get(huge)!.getPlainBody().length).toBeGreaterThan(1_000_000);
    const measure = (id: string) => {
      const before = serviceCalls(g);
      const r = openMail(g, id);
      return { calls: serviceCalls(g) - before, ms: r.execution!.elapsedMs, card: r.cards[0]! };
    };
    const a = measure(small);
    const b = measure(huge);
    expect(b.calls).toBe(a.calls);
    // 13: the user's choice of language (2 property calls; the locale comes with the event), the
    // user properties, 7 Gmail reads and the task lists.
    expect(a.calls).toBeLessThanOrEqual(13);
    expect(a.ms).toBeLessThan(5_000);
    expect(b.ms).toBeLessThan(5_000);
    expect(input(b.card, 'title')).toBe('大量の資料');

    const before = serviceCalls(g);
    click(g, a.card, /タスクを作成/, { messageId: small });
    const createCalls = serviceCalls(g) - before;
    expect(createCalls).toBeLessThanOrEqual(20);
    const createMs = g.ws.meter.lastExecution!.elapsedMs;
    expect(createMs).toBeLessThan(5_000);
    const reopen = measure(small);
    // The user's choice of language (2), the user properties (2) and the task in Google Tasks.
    expect(reopen.calls).toBeLessThanOrEqual(5);
    // For the README.
    console.log(
      `open: ${a.calls} calls ${a.ms} ms; create: ${createCalls} calls ${createMs} ms (modelled); reopen: ${reopen.calls} calls ${reopen.ms} ms`,
    );
  });

  it('a mail with no body gets a task from its subject', () => {
    const g = openGmailBundle();
    const messageId = deliver(g.ws, { from: 'a@example.jp', subject: '請求書の件' });
    const card = openMail(g, messageId).cards[0]!;
    expect(input(card, 'title')).toBe('請求書の件');
    expect(dueValue(card)).toBeNull();
    expect(text(card)).toContain('本文がない');
    click(g, card, /タスクを作成/, { messageId });
    expect(g.tasks.allTasks()).toHaveLength(1);
    expect(g.tasks.allTasks()[0]!.due).toBeUndefined();
  });

  it('a month end on a Saturday: the business day before is suggested, the mail’s date shown', () => {
    const body = 'お世話になっております。\n請求書の件、今月末までにご対応ください。';
    // October 2026 ends on Saturday 10/31.
    const g = openGmailBundle({ now: '2026-10-20T09:00:00+09:00' });
    const messageId = deliver(g.ws, { from: 'a@example.jp', subject: '請求書', plainBody: body });
    const opened = openMail(g, messageId);
    const card = opened.cards[0]!;
    expect(dueValue(card)).toBe('2026-10-30');
    const shown = opened.html[0]!.replace(/<[^>]*>/g, ' ');
    expect(shown).toContain('メールの期限は10/31(土)です。前営業日にしています');
    expect(shown).not.toContain('moved to');
    // Someone whose Google account is in English reads the note in English only.
    const en = openGmailBundle({ now: '2026-10-20T09:00:00+09:00' });
    en.ws.user.locale = 'en';
    const english = openMail(
      en,
      deliver(en.ws, { from: 'a@example.jp', subject: '請求書', plainBody: body }),
    );
    expect(dueValue(english.cards[0]!)).toBe('2026-10-30');
    const shownEn = english.html[0]!.replace(/<[^>]*>/g, ' ');
    expect(shownEn).toContain('The mail says 10/31 (Sat); moved to the business day before');
    expect(shownEn).not.toContain('前営業日');
    // The picker stays editable: the owner may take the 31st.
    click(g, card, /タスクを作成/, { messageId, edits: { due: { date: Date.UTC(2026, 9, 31) } } });
    expect(g.tasks.allTasks()[0]!.due).toBe('2026-10-31T00:00:00.000Z');

    // November 2026 ends on Monday 11/30: nothing moved, no note.
    const n = openGmailBundle();
    const nov = openMail(
      n,
      deliver(n.ws, { from: 'a@example.jp', subject: '請求書', plainBody: body }),
    );
    expect(dueValue(nov.cards[0]!)).toBe('2026-11-30');
    expect(nov.html[0]!).not.toContain('メールの期限は');
    expect(nov.html[0]!).not.toContain('moved to');
  });

  it('an HTML-only mail is read as text (its due date too)', () => {
    const g = openGmailBundle();
    const messageId = deliver(g.ws, demo('newsletter'));
    const card = openMail(g, messageId).cards[0]!;
    expect(dueValue(card)).toBe('2026-12-30');
    expect(input(card, 'notes')).not.toMatch(/<(h1|p|b|script)>/);
  });

  it('hostile text is shown as text and stored as text, never run', () => {
    const g = openGmailBundle();
    const subject =
      '<script>alert(1)</script>=IMPORTXML("https://evil.example.com","//a") <b>x</b>';
    const messageId = deliver(g.ws, {
      from: '"<img src=x onerror=alert(1)>" <evil@example.com>',
      subject,
      plainBody:
        '=HYPERLINK("https://evil.example.com","click") 明日までに<script>alert(2)</script>',
    });
    const opened = openMail(g, messageId);
    const html = opened.html[0]!;
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    const card = opened.cards[0]!;
    for (const w of widgets(card)) {
      if ('textParagraph' in w) expect(w.textParagraph.text).not.toMatch(/<script|<img/i);
    }
    click(g, card, /タスクを作成/, { messageId });
    const ss = g.ws.SpreadsheetApp.openById(g.workbookId);
    const sheet = ss.getSheetByName('タスク')!;
    expect(sheet.getRange(2, 1).getFormula()).toBe('');
    expect(String(sheet.getRange(2, 1).getDisplayValue())).toContain('IMPORTXML');
    expect(sheet.getRange(2, 4).getFormula()).toBe('');
  });

  it('an event without a message or with a bad id answers with a clear card, not a stack trace', () => {
    const g = openGmailBundle();
    const bad = g.bundle.run('onGmailMessageOpen', [
      { gmail: { messageId: '../x', accessToken: 't' } },
    ]);
    const card = cardTree(bad) as CardJson;
    expect(text(card)).toContain('操作を受け付けられませんでした');
    expect(text(card)).not.toMatch(/at \w+ \(|Code\.js/);
    const missing = g.bundle.run('onGmailMessageOpen', [
      { gmail: { messageId: 'ffff000011112222', accessToken: 'x' } },
    ]);
    expect(text(cardTree(missing) as CardJson)).toContain('読み取れませんでした');
    const r = g.bundle.run('mailTaskCreate', [
      { commonEventObject: { parameters: { messageId: 'x' } } },
    ]);
    expect(responseCard(r).notification).toContain('操作を受け付けられませんでした');
  });

  it('without a known workbook, the card asks for its address and connects to it', () => {
    const g = openGmailBundle({ remember: false });
    const messageId = deliver(g.ws, demo('estimate'));
    const card = openMail(g, messageId).cards[0]!;
    expect(text(card)).toContain('ワークブックのURL');
    expect(targets(card)).toEqual(['Google ToDo リスト']);
    const bad = responseCard(
      click(g, card, /接続/, { messageId, edits: { workbookUrl: 'https://example.com/x' } }).value,
    );
    expect(bad.notification).toContain('URL');
    const ok = responseCard(
      click(g, card, /接続/, {
        messageId,
        edits: { workbookUrl: `https://docs.google.com/spreadsheets/d/${g.workbookId}/edit#gid=0` },
      }).value,
    );
    expect(ok.notification).toContain('接続しました');
    expect(targets(ok.card!)).toEqual(['Google ToDo リスト', 'タスクシート']);
  });

  it('the homepage lists tasks due today and overdue, and overdue invoices', () => {
    const g = openGmailBundle();
    const ss = g.ws.SpreadsheetApp.openById(g.workbookId);
    const tasks = ss.getSheetByName('タスク')!;
    tasks.getRange(2, 1, 3, 3).setValues([
      ['今日の仕事', new Date('2026-11-23T15:00:00Z'), '未完了'],
      ['遅れている仕事', new Date('2026-11-20T15:00:00Z'), '未完了'],
      ['済んだ仕事', new Date('2026-11-20T15:00:00Z'), '完了'],
    ]);
    const inv = ss.getSheetByName('請求書')!;
    const headers = inv.getRange(1, 1, 1, inv.getLastColumn()).getValues()[0]!;
    const col = (h: string) => headers.indexOf(h) + 1;
    inv.getRange(2, col('請求書番号')).setValue('2026-10-0001');
    inv.getRange(2, col('取引先')).setValue('さくらデザイン株式会社');
    inv.getRange(2, col('支払期限')).setValue(new Date('2026-11-19T15:00:00Z'));
    inv.getRange(2, col('請求額')).setValue(55000);
    inv.getRange(2, col('状態')).setValue('送付済');
    inv.getRange(3, col('請求書番号')).setValue('2026-10-0002');
    inv.getRange(3, col('支払期限')).setValue(new Date('2026-11-19T15:00:00Z'));
    inv.getRange(3, col('状態')).setValue('入金済');
    const calls = serviceCalls(g);
    const home = openHomepage(g);
    const homeCalls = serviceCalls(g) - calls;
    const t = text(home.cards[0]!);
    // The user's choice of language (2 calls), the workbook's id in the user properties (2), the
    // workbook, one read per sheet; no Tasks call (no row is linked to one).
    expect(homeCalls).toBeLessThanOrEqual(14);
    expect(g.ws.meter.counts()['Tasks.Tasks.list'] ?? 0).toBe(0);
    console.log(`homepage: ${homeCalls} calls ${home.execution!.elapsedMs} ms (no linked task)`);
    expect(t).toContain('今日の仕事');
    expect(t).toContain('遅れている仕事');
    expect(t).not.toContain('済んだ仕事');
    expect(t).toContain('さくらデザイン株式会社');
    expect(t).not.toContain('2026-10-0002');
    expect(t).toContain(`https://docs.google.com/spreadsheets/d/${g.workbookId}/edit`);
    expect(home.execution!.elapsedMs).toBeLessThan(5_000);
  });

  it('the homepage without a known workbook asks for it', () => {
    const g = openGmailBundle({ remember: false });
    const home = openHomepage(g);
    expect(text(home.cards[0]!)).toContain('ワークブックのURL');
  });
});

/** Calls to services that do I/O (CardService builders run locally and cost nothing). */
function serviceCalls(g: GmailBundle): number {
  return Object.entries(g.ws.meter.counts())
    .filter(([k]) => !k.startsWith('CardService.'))
    .reduce((n, [, v]) => n + v, 0);
}

function addDaysIso(key: string, days: number): string {
  const d = new Date(`${key}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
