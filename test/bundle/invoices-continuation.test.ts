import { advanceWithTriggers } from '../../emulator/trigger-runner';
import { addBulkClients } from '../../playground/bulk';
import type { IssueReport } from '../../src/core/contracts/invoices';
import { book, demoAt, handlers, prng, records } from './automations-support';

const CLOSING = '2026-11-30';
/** The demo company's own invoices for the closing, besides the bulk clients'. */
const DEMO_INVOICES = 4;

function bulkAt(count: number) {
  const bundle = demoAt('2026-11-30T18:00:00+09:00');
  addBulkClients(bundle, count, { date: new Date('2026-11-10T00:00:00+09:00') });
  return bundle;
}

/** Every invoice exactly once: one row, one number, one PDF, one mail each; every line billed. */
function expectEachInvoiceOnce(bundle: ReturnType<typeof bulkAt>, expected: number) {
  const invoices = records(bundle, '請求書');
  expect(invoices).toHaveLength(expected);
  expect(new Set(invoices.map((r) => r['請求書番号'])).size).toBe(expected);
  expect(new Set(invoices.map((r) => r['取引先'])).size).toBe(expected);
  for (const r of invoices) {
    expect(r['PDF']).toMatch(/^https:\/\/drive\.google\.com\//);
    expect(r['下書き']).toMatch(/^https:\/\/mail\.google\.com\//);
    expect(r['状態']).toBe('下書き');
  }
  const pdfs = bundle.workspace.DriveApp.allFiles();
  expect(pdfs).toHaveLength(expected);
  expect(new Set(pdfs.map((f) => f.url))).toEqual(new Set(invoices.map((r) => r['PDF'])));
  const drafts = bundle.workspace.GmailApp.outbox();
  expect(drafts).toHaveLength(expected);
  expect(drafts.every((d) => d.kind === 'draft' && d.attachments.length === 1)).toBe(true);
  expect(new Set(drafts.map((d) => d.subject)).size).toBe(expected);
  const sales = records(bundle, '売上明細');
  expect(sales.filter((r) => r['請求書番号'] === '')).toEqual([]);
}

describe('issuing more invoices than one execution can make', () => {
  it('1,000 invoices: records all at once, then PDFs and drafts across executions, each once', () => {
    const bundle = bulkAt(1000);
    const total = 1000 + DEMO_INVOICES;
    const first = bundle.runJson('invoicesIssue', [{ closingDate: CLOSING }]) as IssueReport;
    // One execution stops starting new PDFs after its time budget, well before 6 minutes.
    expect(first.issued.length).toBeGreaterThan(20);
    expect(first.issued.length + first.unfinished).toBe(total);
    expect(first.message.ja).toContain(`残り${first.unfinished}件の請求書は番号を記録済みです`);
    expect(first.message.en).toContain(`${first.unfinished} more invoice(s)`);
    // Every invoice is numbered and every line marked in that first execution.
    expect(records(bundle, '請求書')).toHaveLength(total);
    expect(records(bundle, '売上明細').filter((r) => r['請求書番号'] === '')).toEqual([]);
    expect(handlers(bundle)).toEqual(['continueInvoices']);

    // Each continuation costs the same whatever the number of drafts already in Gmail: after a
    // clean stop no PDF of a waiting invoice exists, so no draft is looked up.
    const lookups: number[] = [];
    const fired = advanceWithTriggers(bundle, Date.parse('2026-12-01T06:00:00+09:00'), {
      execute: (_handler, run) => {
        bundle.workspace.meter.resetCounts();
        run();
        const counts = bundle.workspace.meter.counts();
        lookups.push(
          (counts['Gmail.Users.Drafts.list'] ?? 0) + (counts['Gmail.Users.Drafts.get'] ?? 0),
        );
      },
    });
    expect(new Set(lookups)).toEqual(new Set([0]));
    expect(fired.length).toBeGreaterThan(5);
    for (const f of fired) {
      expect(f).toMatchObject({ handler: 'continueInvoices', ok: true });
      expect(f.elapsedMs).toBeLessThan(6 * 60_000);
    }
    expect(handlers(bundle)).toEqual([]);
    expectEachInvoiceOnce(bundle, total);
    const log = records(bundle, '実行ログ').filter((r) => r['処理'] === '請求書の発行(続き)');
    expect(log).toHaveLength(fired.length);
    expect(log.reduce((n, r) => n + Number(r['件数']), 0)).toBe(total - first.issued.length);
    expect(log.at(-1)?.['結果']).toBe('成功');

    // Issuing again finds every period issued: nothing new.
    const again = bundle.runJson('invoicesIssue', [{ closingDate: CLOSING }]) as IssueReport;
    expect(again).toMatchObject({ issued: [], unfinished: 0 });
    expectEachInvoiceOnce(bundle, total);
  });

  it('the sidebar continuing, the trigger firing and executions killed midway still make each once', () => {
    const bundle = bulkAt(300);
    const total = 300 + DEMO_INVOICES;
    const random = prng(7);
    const first = bundle.runJson('invoicesIssue', [{ closingDate: CLOSING }]) as IssueReport;
    expect(first.unfinished).toBeGreaterThan(0);
    let unfinished = first.unfinished;
    let kills = 0;
    for (let round = 0; unfinished > 0 && round < 40; round++) {
      // A crash at a random call of the sidebar's continuation (the browser closed, a timeout).
      if (round % 2 === 0) {
        bundle.workspace.meter.killAfter(20 + Math.floor(random() * 200));
        try {
          bundle.runJson('invoicesContinue', []);
        } catch {
          kills++;
        }
      } else {
        const report = bundle.runJson('invoicesContinue', []) as IssueReport;
        unfinished = report.unfinished;
      }
      // Meanwhile the one-off trigger fires, twice now and then.
      const at = bundle.workspace.clock.now() + 90_000;
      advanceWithTriggers(bundle, at, {
        before: () => (random() < 0.3 ? 'twice' : 'once'),
      });
    }
    expect(kills).toBeGreaterThan(0);
    advanceWithTriggers(bundle, bundle.workspace.clock.now() + 10 * 60_000);
    expect(handlers(bundle)).toEqual([]);
    expectEachInvoiceOnce(bundle, total);
    expect(book(bundle).getSheetByName('請求書')!.getLastRow()).toBe(total + 1);
  });
});
