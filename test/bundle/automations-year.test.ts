import type { Bundle } from '../../emulator/runtime';
import { advanceWithTriggers } from '../../emulator/trigger-runner';
import { calendarEvents, demoAt, prng, records, tokyo } from './automations-support';

/**
 * A whole year of the demo company's automations: the trigger fires every day, some days
 * twice, and some executions die at a random service call (a crash, a timeout). The workbook
 * must end exactly as clean runs would leave it: everything once, on the right day.
 */
const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);

let bundle: Bundle;
const crashes: number[] = [];
const doubles: number[] = [];

beforeAll(() => {
  bundle = demoAt('2026-11-24T09:00:00+09:00');
  bundle.runJson('automationsInstall', [{ hour: 6 }]);
  const random = prng(20261124);
  advanceWithTriggers(bundle, tokyo('2027-11-30T23:00:00'), {
    before: (_handler, at) => {
      const r = random();
      if (r < 0.08) {
        crashes.push(at);
        return { killAfter: 1 + Math.floor(random() * 120) };
      }
      if (r < 0.18) {
        doubles.push(at);
        return 'twice';
      }
      return 'once';
    },
  });
});

describe('a year of daily runs with duplicate firings and crashes', () => {
  it('exercised both kinds of trouble', () => {
    expect(crashes.length).toBeGreaterThan(10);
    expect(doubles.length).toBeGreaterThan(10);
  });

  it('bills each recurring period exactly once, on its own invoice number', () => {
    const lines = records(bundle, '売上明細').filter((l) => l['定期キー'] !== '');
    expect(duplicates(lines.map((l) => l['定期キー']!))).toEqual([]);
    const months = (client: string) =>
      lines.filter((l) => l['取引先'] === client).map((l) => l['定期キー']!.slice(-7));
    expect(months('合同会社みなと企画')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
    ]);
    // Every 3 months from 2026-05, ending 2027-04.
    expect(months('Blue Harbor Studio')).toEqual(['2026-11', '2027-02']);
    for (const l of lines) expect(l['請求書番号']).not.toBe('');
    const invoices = records(bundle, '請求書');
    expect(duplicates(invoices.map((i) => i['請求書番号']!))).toEqual([]);
    expect(duplicates(invoices.map((i) => i['請求キー']!))).toEqual([]);
    const pdfs = bundle.workspace.DriveApp.allFiles().map((f) => f.name);
    expect(duplicates(pdfs)).toEqual([]);
    expect(pdfs).toHaveLength(invoices.length);
  });

  it('drafts each reminder step at most once per invoice', () => {
    const drafts = bundle.workspace.GmailApp.outbox().filter((m) => m.kind === 'draft');
    const reminders = drafts.filter(
      (d) =>
        /請求書番号 \d{4}-\d{2}-\d{4}|invoice \d{4}-/.test(d.subject) &&
        !/請求書送付/.test(d.subject),
    );
    expect(reminders.length).toBeGreaterThan(10);
    expect(duplicates(reminders.map((d) => d.subject))).toEqual([]);
    const invoiceDrafts = drafts.filter((d) => !reminders.includes(d));
    expect(duplicates(invoiceDrafts.map((d) => d.subject))).toEqual([]);
    for (const i of records(bundle, '請求書'))
      expect(Number(i['督促段階'] || 0)).toBeLessThanOrEqual(3);
  });

  it('writes each monthly summary once and mails it at most once', () => {
    const rows = records(bundle, '月次集計');
    expect(duplicates(rows.map((r) => `${r['月']}|${r['区分']}|${r['項目']}`))).toEqual([]);
    const months = [...new Set(rows.map((r) => r['月']))];
    expect(months).toHaveLength(13);
    const mails = bundle.workspace.GmailApp.outbox().filter((m) => m.kind === 'sent');
    expect(duplicates(mails.map((m) => m.subject))).toEqual([]);
  });

  it('surfaces every routine on its business day, once', () => {
    const tasks = records(bundle, 'タスク');
    expect(duplicates(tasks.map((t) => t['タスクキー']!))).toEqual([]);
    const due = (title: string) =>
      tasks.filter((t) => t['タイトル'] === title).map((t) => t['期限']);
    expect(due('請求書の下書きを確認して送信')).toEqual([
      '2026/11/30',
      '2026/12/30',
      '2027/01/29',
      '2027/02/26',
      '2027/03/31',
      '2027/04/30',
      '2027/05/31',
      '2027/06/30',
      '2027/07/30',
      '2027/08/31',
      '2027/09/30',
      '2027/10/29',
      '2027/11/30',
    ]);
    // 毎月10日(休日の場合は翌営業日): 1/11 成人の日, 10/11 スポーツの日, weekends.
    expect(due('入金の確認')).toEqual([
      '2026/12/10',
      '2027/01/12',
      '2027/02/10',
      '2027/03/10',
      '2027/04/12',
      '2027/05/10',
      '2027/06/10',
      '2027/07/12',
      '2027/08/10',
      '2027/09/10',
      '2027/10/12',
      '2027/11/10',
    ]);
    // 毎月第1営業日: 1/4 after the year-end closure; May after Golden Week starts on 5/6.
    expect(due('月次集計の確認')).toEqual([
      '2026/12/01',
      '2027/01/04',
      '2027/02/01',
      '2027/03/01',
      '2027/04/01',
      '2027/05/06',
      '2027/06/01',
      '2027/07/01',
      '2027/08/02',
      '2027/09/01',
      '2027/10/01',
      '2027/11/01',
    ]);
  });

  /**
   * 毎週金曜 (weekly: 休日なら翌営業日 by default, rules.ts): every Friday from the first run's
   * week (11/27) to the last (2027/11/26); the only Friday the bank is closed is 2027/01/01
   * (元日, in the 1/1–1/3 closure), which moves to Monday 2027/01/04.
   */
  const expenseDays = (() => {
    const out: string[] = [];
    for (let t = Date.UTC(2026, 10, 27); t <= Date.UTC(2027, 10, 26); t += 7 * 86_400_000) {
      out.push(new Date(t).toISOString().slice(0, 10));
    }
    return out.map((d) => (d === '2027-01-01' ? '2027-01-04' : d));
  })();

  it('surfaces the weekly 経費の入力 on every Friday, 元日 2027/01/01 on Monday 01/04', () => {
    expect(expenseDays).toHaveLength(53);
    expect(expenseDays.slice(4, 7)).toEqual(['2026-12-25', '2027-01-04', '2027-01-08']);
    const due = records(bundle, 'タスク')
      .filter((t) => t['タイトル'] === '経費の入力')
      .map((t) => t['期限']!.replaceAll('/', '-'));
    expect([...due].sort()).toEqual(expenseDays);
  });

  it('puts each calendar block in the calendar once, on the same days', () => {
    const blocks = calendarEvents(bundle).filter((e) =>
      (e.extendedProperties?.private?.pokkeKey ?? '').startsWith('定期業務:経費の入力:'),
    );
    const keys = blocks.map((e) => e.extendedProperties!.private!.pokkeKey!);
    expect(duplicates(keys)).toEqual([]);
    expect(keys.map((k) => k.slice(-10)).sort()).toEqual(expenseDays);
    for (const e of blocks) {
      expect(e.start?.dateTime).toBe(
        `${e.extendedProperties!.private!.pokkeKey!.slice(-10)}T17:00:00+09:00`,
      );
    }
  });

  it('leaves no continuation trigger behind and keeps one daily trigger', () => {
    expect(
      bundle.workspace.ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction()),
    ).toEqual(['dailyDispatch']);
  });
});
