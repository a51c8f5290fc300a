/**
 * Issue 12, item 1: the month end bills what the owner expects. The 定期請求 lines due by a
 * closing date belong to that closing, whether the owner issues it from the 請求書 sidebar or the
 * daily trigger does; the dry run names every invoice and line the run issues; an invoice is
 * labelled by the lines it carries.
 */
import { advanceWithTriggers, fireNow } from '../../emulator/trigger-runner';
import type { DryRunReport } from '../../src/core/contracts/automations';
import type { InvoicePreview, IssueReport } from '../../src/core/contracts/invoices';
import { book, demoAt, records, tokyo } from './automations-support';

/** The period is written in the client's language: Blue Harbor Studio is billed in English. */
const NOVEMBER_RECURRING = [
  ['合同会社みなと企画', '2026/11/30', 'SNS運用代行(月額)(2026年11月分)'],
  ['Blue Harbor Studio', '2026/11/30', 'Localisation retainer (quarterly) (November 2026)'],
];

const recurringLines = (bundle: ReturnType<typeof demoAt>) =>
  records(bundle, '売上明細').filter((l) => l['メモ'] === '定期請求');

/** The invoice HTML saved in Drive for an invoice number. */
function invoiceHtml(bundle: ReturnType<typeof demoAt>, number: string): string {
  const file = bundle.workspace.DriveApp.allFiles().find((f) => f.name.includes(number));
  if (!file?.sourceHtml) throw new Error(`no PDF for ${number}`);
  return file.sourceHtml;
}

describe('the 11/30 closing issued by hand, then the automations (the issue’s steps)', () => {
  it('the preview shows the recurring lines due by 11/30 as lines to add, writing nothing', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    const before = book(bundle).snapshot();
    const preview = bundle.runJson('invoicesPreview', [
      { closingDate: '2026-11-30' },
    ]) as InvoicePreview;
    const minato = preview.invoices.find((i) => i.client === '合同会社みなと企画')!;
    expect(minato.lines.map((l) => [l.item, l.amount, l.recurring, l.pending])).toEqual([
      ['イベント用ロゴ制作', 88_000, false, false],
      ['SNS運用代行(月額)(2026年11月分)', 33_000, true, true],
    ]);
    expect(minato.total).toBe(133_100);
    const harbor = preview.invoices.find((i) => i.client === 'Blue Harbor Studio')!;
    expect(harbor.lines.filter((l) => l.pending).map((l) => l.item)).toEqual([
      NOVEMBER_RECURRING[1]![2],
    ]);
    expect(harbor.total).toBe(231_000);
    expect(book(bundle).snapshot()).toEqual(before);
  });

  it('issuing the closing bills them on the November invoices; the trigger then adds nothing', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    const report = bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]) as IssueReport;
    expect(report.issued).toHaveLength(4);
    const numberOf = (client: string) => report.issued.find((i) => i.client === client)!.number;
    expect(recurringLines(bundle).map((l) => [l['取引先'], l['日付'], l['品目']])).toEqual(
      NOVEMBER_RECURRING,
    );
    for (const line of recurringLines(bundle))
      expect(line['請求書番号']).toBe(numberOf(line['取引先']!));
    expect(records(bundle, '定期請求').map((r) => r['最終計上'])).toEqual(['2026-11', '2026-11']);

    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    const fired = advanceWithTriggers(bundle, tokyo('2026-12-11T12:00:00'));
    expect(fired.length).toBeGreaterThan(0);
    expect(fired.every((f) => f.ok)).toBe(true);
    // Nothing new: no December invoice for a November line, nothing left unbilled.
    expect(records(bundle, '請求書').map((i) => i['請求書番号'])).toEqual(
      report.issued.map((i) => i.number).sort(),
    );
    expect(recurringLines(bundle)).toHaveLength(2);
    expect(records(bundle, '売上明細').filter((l) => l['請求書番号'] === '')).toEqual([]);
  });

  it('by hand or by trigger, the recurring clients get the same invoices', () => {
    const summary = (bundle: ReturnType<typeof demoAt>) =>
      records(bundle, '請求書')
        .filter((i) => ['合同会社みなと企画', 'Blue Harbor Studio'].includes(i['取引先']!))
        .map((i) => [i['取引先'], i['対象期間(開始)'], i['対象期間(終了)'], i['請求額']])
        .sort();
    const byHand = demoAt('2026-11-24T09:00:00+09:00');
    byHand.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
    const byTrigger = demoAt('2026-11-30T05:00:00+09:00');
    fireNow(byTrigger, 'dailyDispatch');
    expect(summary(byTrigger)).toEqual(summary(byHand));
    expect(summary(byHand)).toHaveLength(2);
  });
});

describe('issuing selected lines of a closing', () => {
  it('bills the recurring lines due with their client’s ticked lines, and only those', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    // Row 2 is 山田's line, row 5 みなと企画's; Blue Harbor's line (row 7) is not ticked.
    const report = bundle.runJson('invoicesIssue', [
      { closingDate: '2026-11-30', rows: [2, 5] },
    ]) as IssueReport;
    expect(report.addedLines).toBe(2);
    expect(report.issued.map((i) => [i.client, i.billed]).sort()).toEqual(
      [
        ['合同会社みなと企画', 133_100],
        ['山田デザイン事務所', 60_500],
      ].sort(),
    );
    const minato = report.issued.find((i) => i.client === '合同会社みなと企画')!.number;
    // The retainer is in 売上明細 now, unbilled: the next preview lists it to be ticked.
    expect(recurringLines(bundle).map((l) => [l['品目'], l['請求書番号']])).toEqual([
      [NOVEMBER_RECURRING[0]![2], minato],
      [NOVEMBER_RECURRING[1]![2], ''],
    ]);
  });
});

describe('the dry run of the month end', () => {
  it('names every invoice the run issues, with its lines and total, and every line it adds', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    const report = bundle.runJson('automationsDryRun', [{ date: '2026-11-30' }]) as DryRunReport;
    const planned = report.jobs.find((j) => j.job === 'recurring')!.actions;
    const text = planned.map((a) => a.ja).join('\n');
    const english = planned.map((a) => a.en).join('\n');
    expect(text).toContain('合同会社みなと企画: 「SNS運用代行(月額)」2026年11月分を売上明細に追加');
    expect(text).toContain('「Localisation retainer (quarterly)」2026年11月分を売上明細に追加');
    expect(text).toContain('請求書を発行: 合同会社みなと企画');
    expect(text).toContain('イベント用ロゴ制作 ¥88,000');
    expect(text).toContain('Illustration set (5 pieces) ¥90,000');
    expect(text).toContain('請求額 ¥133,100');
    expect(text).toContain('請求額 ¥231,000');
    // The same plan in English, for an English-speaking owner's sidebar.
    expect(english).toContain(
      '合同会社みなと企画: add "SNS運用代行(月額)" for November 2026 (2026-11-30)',
    );
    expect(english).toContain('Issue an invoice to Blue Harbor Studio');
    expect(english).toContain('billed ¥231,000');
    expect(english).not.toMatch(/請求書を発行|を売上明細に追加/);

    // The real run issues exactly what the dry run named.
    bundle.workspace.clock.set(tokyo('2026-11-30T05:00:00'));
    fireNow(bundle, 'dailyDispatch');
    const issued = records(bundle, '請求書');
    expect(issued.map((i) => [i['取引先'], i['請求額']]).sort()).toEqual(
      [
        ['Blue Harbor Studio', '231,000'],
        ['合同会社みなと企画', '133,100'],
      ].sort(),
    );
    for (const line of records(bundle, '売上明細').filter((l) => l['請求書番号'] !== '')) {
      expect(text).toContain(`${line['品目']} ¥`);
    }
  });
});

describe('a line that arrives after its period was issued', () => {
  it('goes on the next invoice with a note; 件名 and 対象期間 follow the lines it carries', () => {
    const bundle = demoAt('2026-11-24T09:00:00+09:00');
    // The 定期請求 sheet is emptied before the November closing, so its lines are not there yet.
    const recurring = book(bundle).getSheetByName('定期請求')!;
    const saved = recurring.getRange(2, 1, 2, recurring.getLastColumn()).getValues();
    recurring.getRange(2, 1, 2, recurring.getLastColumn()).clearContent();
    bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
    recurring.getRange(2, 1, 2, recurring.getLastColumn()).setValues(saved);

    // On 12/1 the daily run adds the November lines: their November periods are issued.
    bundle.workspace.clock.set(tokyo('2026-12-01T05:00:00'));
    fireNow(bundle, 'dailyDispatch');
    // みなと企画 (納品後30日: each run bills what is due) gets its late line on its own invoice,
    // labelled November, with a note for the owner.
    const late = records(bundle, '請求書').slice(4);
    expect(late.map((i) => i['取引先'])).toEqual(['合同会社みなと企画']);
    const minato = late[0]!;
    expect([minato['対象期間(開始)'], minato['対象期間(終了)']]).toEqual([
      '2026/11/30',
      '2026/11/30',
    ]);
    expect(minato['メッセージ']).toContain(
      '2026-11-30締めの請求書の発行済み期間に後から追加された明細です: 2026-11-30 SNS運用代行(月額)(2026年11月分)',
    );
    const minatoHtml = invoiceHtml(bundle, minato['請求書番号']!);
    expect(minatoHtml).toContain('2026年11月分 ご請求');
    expect(minatoHtml).not.toContain('12月分');

    // Blue Harbor (月末締め) was issued for November: its retainer waits for the December
    // closing, which the owner issues; that invoice names the line and is labelled November.
    const retainer = () =>
      records(bundle, '売上明細').find((l) => l['品目']!.startsWith('Localisation retainer'))!;
    expect(retainer()['請求書番号']).toBe('');
    const preview = bundle.runJson('invoicesPreview', [
      { closingDate: '2026-12-31' },
    ]) as InvoicePreview;
    const harbor = preview.invoices.find((i) => i.client === 'Blue Harbor Studio')!;
    expect(harbor.periodStart).toBe('2026-11-30');
    expect(harbor.warnings.map((w) => w.ja).join('\n')).toContain(
      '発行済み期間に後から追加された明細です',
    );
    expect(harbor.warnings.map((w) => w.en).join('\n')).toContain(
      'Added after the invoice closing 2026-11-30 was issued: 2026-11-30 Localisation retainer',
    );
    const report = bundle.runJson('invoicesIssue', [{ closingDate: '2026-12-31' }]) as IssueReport;
    const number = report.issued.find((i) => i.client === 'Blue Harbor Studio')!.number;
    expect(retainer()['請求書番号']).toBe(number);
    const harborHtml = invoiceHtml(bundle, number);
    expect(harborHtml).toContain('Invoice for November 2026');
    expect(harborHtml).not.toContain('December 2026');
  });
});
