import type { Bundle } from '../../emulator/runtime';
import { advanceWithTriggers, fireNow } from '../../emulator/trigger-runner';
import type { DryRunReport } from '../../src/core/contracts/automations';
import { book, demoAt, handlers, records, setSetting, tokyo } from './automations-support';

/** Adds invoice rows as the owner would have them after sending: by header, dates as Dates. */
function addInvoices(bundle: Bundle, rows: Record<string, string | number>[]): void {
  const sheet = book(bundle).getSheetByName('請求書')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const values = rows.map((r) =>
    header.map((h) => {
      const v = r[h];
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
        return new Date(tokyo(`${v}T00:00:00`));
      return v ?? '';
    }),
  );
  sheet.getRange(sheet.getLastRow() + 1, 1, values.length, header.length).setValues(values);
}

const invoice = (number: string, client: string, status: string) => ({
  請求書番号: number,
  取引先: client,
  発行日: '2026-10-20',
  支払期限: '2026-11-10',
  '合計(税込)': 51840,
  請求額: 51840,
  状態: status,
  PDF: `https://drive.google.com/file/d/pdf-${number}/view`,
  メッセージ: '発行時の注意書き',
});

const reminderDrafts = (bundle: Bundle) =>
  bundle.workspace.GmailApp.outbox()
    .filter((m) => m.kind === 'draft' && m.subject.includes('請求書番号 2026-10-'))
    .map((m) => m.subject);

function atDay(bundle: Bundle, day: string): void {
  bundle.workspace.clock.set(tokyo(`${day}T10:00:00`));
  bundle.runJson('automationsRunNow', []);
}

const sentReminders = (bundle: Bundle) =>
  bundle.workspace.GmailApp.outbox()
    .filter((m) => m.kind === 'sent' && m.subject.includes('請求書番号 2026-10-'))
    .map((m) => [m.to, m.subject]);

describe('payment reminders (督促) through the dispatcher', () => {
  let bundle: Bundle;
  beforeEach(() => {
    bundle = demoAt('2026-11-24T09:00:00+09:00');
    addInvoices(bundle, [
      invoice('2026-10-0001', '株式会社さくら食品', '送付済'),
      invoice('2026-10-0002', '山田デザイン事務所', '入金済'),
      invoice('2026-10-0003', '合同会社みなと企画', '取消'),
    ]);
  });

  it('climbs the ladder one step at a time, each step once, only for the unpaid invoice', () => {
    atDay(bundle, '2026-11-24');
    expect(reminderDrafts(bundle)).toEqual(['お支払い状況のご確認(請求書番号 2026-10-0001)']);
    const row = records(bundle, '請求書').find((r) => r['請求書番号'] === '2026-10-0001')!;
    expect(row).toMatchObject({ 督促段階: '1', 督促日: '2026/11/24' });
    // The issuing note stays; the reminder line is added below it.
    expect(row['メッセージ']).toMatch(
      /^発行時の注意書き\n督促1\(お支払い状況のご確認\): 2026年11月24日\(火\) 下書きを作成しました https:/,
    );

    atDay(bundle, '2026-11-24');
    atDay(bundle, '2026-11-30');
    expect(reminderDrafts(bundle)).toHaveLength(1);
    atDay(bundle, '2026-12-01');
    atDay(bundle, '2026-12-10');
    atDay(bundle, '2026-12-11');
    atDay(bundle, '2027-01-15');
    expect(reminderDrafts(bundle)).toEqual([
      'お支払い状況のご確認(請求書番号 2026-10-0001)',
      '【再送】お支払い状況のご確認(請求書番号 2026-10-0001)',
      '【重要】お支払いのお願い(請求書番号 2026-10-0001)',
    ]);
  });

  it('stops when the owner records the payment', () => {
    atDay(bundle, '2026-11-24');
    const sheet = book(bundle).getSheetByName('請求書')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
    sheet.getRange(2, header.indexOf('状態') + 1).setValue('入金済');
    atDay(bundle, '2026-12-01');
    expect(reminderDrafts(bundle)).toHaveLength(1);
  });

  it('never reminds about an invoice without its PDF (a run that died before making it)', () => {
    const sheet = book(bundle).getSheetByName('請求書')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    sheet.getRange(2, header.indexOf('PDF') + 1).setValue('');
    for (const day of ['2026-11-24', '2026-12-01', '2026-12-15', '2027-01-12']) atDay(bundle, day);
    expect(reminderDrafts(bundle)).toEqual([]);
    expect(records(bundle, '請求書')[0]!['督促段階']).toBe('');
  });

  it('never sends directly a reminder for an invoice still in 下書き: it is left as a draft', () => {
    setSetting(bundle, 'reminderSendDirectly', 'する');
    const sheet = book(bundle).getSheetByName('請求書')!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    sheet.getRange(2, header.indexOf('状態') + 1).setValue('下書き');
    atDay(bundle, '2026-11-24');
    expect(sentReminders(bundle)).toEqual([]);
    expect(reminderDrafts(bundle)).toEqual(['お支払い状況のご確認(請求書番号 2026-10-0001)']);
  });

  it('a run cut off after recording the step makes the draft next time, once', () => {
    bundle.workspace.clock.set(tokyo('2026-11-24T10:00:00'));
    bundle.workspace.meter.startTrace();
    bundle.runJson('automationsRunNow', []);
    const trace = bundle.workspace.meter.trace();
    const draftCall = trace.findIndex((k) => /Drafts\.create|createDraft/.test(k));
    expect(draftCall).toBeGreaterThan(0);

    const fresh = demoAt('2026-11-24T09:00:00+09:00');
    addInvoices(fresh, [invoice('2026-10-0001', '株式会社さくら食品', '送付済')]);
    fresh.workspace.clock.set(tokyo('2026-11-24T10:00:00'));
    // Same calls up to the draft; the execution dies on it.
    fresh.workspace.meter.killAfter(draftCall);
    expect(() => fresh.runJson('automationsRunNow', [])).toThrow();
    expect(reminderDrafts(fresh)).toEqual([]);
    expect(records(fresh, '請求書')[0]!['督促段階']).toBe('1');

    fresh.runJson('automationsRunNow', []);
    fresh.runJson('automationsRunNow', []);
    expect(reminderDrafts(fresh)).toEqual(['お支払い状況のご確認(請求書番号 2026-10-0001)']);
    expect(records(fresh, '請求書')[0]!['メッセージ']).toMatch(/下書きを作成しました/);
  });

  it('reminders beyond one execution continue a minute later, each made once, no draft looked up', () => {
    const more = Array.from({ length: 900 }, (_, i) =>
      invoice(`2026-10-${String(i + 4).padStart(4, '0')}`, '株式会社さくら食品', '送付済'),
    );
    addInvoices(bundle, more);
    bundle.workspace.clock.set(tokyo('2026-11-24T06:00:00'));
    fireNow(bundle, 'dailyDispatch');
    const first = reminderDrafts(bundle).length;
    expect(first).toBeGreaterThan(100);
    expect(first).toBeLessThan(901);
    expect(handlers(bundle)).toContain('continueDispatch');
    const waiting = records(bundle, '請求書').filter((r) => r['メッセージ']?.endsWith('作成待ち'));
    expect(waiting).toHaveLength(901 - first);

    // The first execution stopped for time, not cut off: nothing it left can have a draft.
    const lookups: number[] = [];
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-24T08:00:00'), {
      execute: (_handler, run) => {
        bundle.workspace.meter.resetCounts();
        run();
        lookups.push(bundle.workspace.meter.total('Gmail.Users.Drafts.list'));
      },
    });
    expect(fired.map((f) => [f.handler, f.ok])).toContainEqual(['continueDispatch', true]);
    expect(lookups.every((n) => n === 0)).toBe(true);
    const drafts = reminderDrafts(bundle);
    expect(drafts).toHaveLength(901);
    expect(new Set(drafts).size).toBe(901);
    const rows = records(bundle, '請求書').filter((r) => r['督促段階'] === '1');
    expect(rows).toHaveLength(901);
    expect(
      rows.every((r) => /督促1\(.*\): .*下書きを作成しました https:/.test(r['メッセージ']!)),
    ).toBe(true);
  });

  it('honours 督促のタイミング as changed in the 設定 sheet', () => {
    // Due 11/10: steps 20, 40 and 60 days after it (11/30, 12/20, 2027/1/9).
    setSetting(bundle, 'reminderOffsets', '20, 40, 60');
    atDay(bundle, '2026-11-24');
    atDay(bundle, '2026-11-27');
    expect(reminderDrafts(bundle)).toEqual([]);
    atDay(bundle, '2026-11-30');
    expect(reminderDrafts(bundle)).toEqual(['お支払い状況のご確認(請求書番号 2026-10-0001)']);
    atDay(bundle, '2026-12-18');
    expect(reminderDrafts(bundle)).toHaveLength(1);
    atDay(bundle, '2026-12-21');
    expect(reminderDrafts(bundle)).toHaveLength(2);
  });

  it('督促を直接送信 = する sends the reminder (no draft) and records it on the invoice, once', () => {
    setSetting(bundle, 'reminderSendDirectly', 'する');
    const preview = bundle.runJson('automationsDryRun', [{ date: '2026-11-24' }]) as DryRunReport;
    expect(preview.jobs.find((j) => j.job === 'reminders')!.actions).toEqual([
      {
        ja: expect.stringContaining('「お支払い状況のご確認」の送信'),
        en: expect.stringContaining('send reminder 1 of 3 for invoice 2026-10-0001'),
      },
    ]);
    atDay(bundle, '2026-11-24');
    atDay(bundle, '2026-11-24');
    expect(reminderDrafts(bundle)).toEqual([]);
    const to = records(bundle, '取引先').find((c) => c['取引先名'] === '株式会社さくら食品')!;
    expect(sentReminders(bundle)).toEqual([
      [to['メール'], 'お支払い状況のご確認(請求書番号 2026-10-0001)'],
    ]);
    const row = records(bundle, '請求書').find((r) => r['請求書番号'] === '2026-10-0001')!;
    expect(row).toMatchObject({ 督促段階: '1', 督促日: '2026/11/24' });
    expect(row['メッセージ']).toBe(
      '発行時の注意書き\n督促1(お支払い状況のご確認): 2026年11月24日(火) 送信しました',
    );
    expect(records(bundle, '実行ログ').find((r) => r['処理'] === '督促')).toMatchObject({
      結果: '成功',
      件数: '1',
    });
  });
});
