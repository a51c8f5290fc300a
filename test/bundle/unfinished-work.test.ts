import type { Bundle } from '../../emulator/runtime';
import { advanceWithTriggers, fireNow } from '../../emulator/trigger-runner';
import type { AutomationStatus } from '../../src/core/contracts/automations';
import { demoAt, records, tokyo } from './automations-support';

/**
 * Whatever a run cut off leaves unconfirmed is recorded as such, shown in the automations
 * sidebar's health and in 実行ログ, and finished safely — once — by the next run.
 */

const status = (bundle: Bundle) => bundle.runJson('automationsStatus', []) as AutomationStatus;
const summaryMails = (bundle: Bundle) =>
  bundle.workspace.GmailApp.outbox()
    .filter((m) => m.subject.includes('月次集計'))
    .map((m) => m.kind);
const notice = (bundle: Bundle) =>
  records(bundle, '月次集計')
    .filter((r) => r['区分'] === '通知')
    .map((r) => r['項目']);

function monthEnd(): Bundle {
  const bundle = demoAt('2026-11-30T05:00:00+09:00');
  bundle.runJson('automationsInstall', [{ hour: 6 }]);
  bundle.workspace.clock.set(tokyo('2026-11-30T06:10:00'));
  return bundle;
}

/** The call at which a clean month end makes the summary mail's draft. */
function summaryDraftCall(): number {
  const probe = monthEnd();
  probe.workspace.meter.startTrace();
  fireNow(probe, 'dailyDispatch');
  const trace = probe.workspace.meter.trace();
  const at = trace.lastIndexOf('Gmail.Users.Drafts.create');
  expect(at).toBeGreaterThan(0);
  expect(summaryMails(probe)).toEqual(['sent']);
  return at;
}

describe('a month end cut off after writing the summary, before its mail', () => {
  it('records the mail as unsent, says so in the sidebar, and the next firing sends it once', () => {
    const bundle = monthEnd();
    bundle.workspace.meter.killAfter(summaryDraftCall());
    expect(() => fireNow(bundle, 'dailyDispatch')).toThrow();
    expect(records(bundle, '月次集計').filter((r) => r['月'] === '2026-11').length).toBeGreaterThan(
      1,
    );
    expect(summaryMails(bundle)).toEqual([]);
    expect(notice(bundle)).toEqual(['メール未送信']);
    const cut = status(bundle);
    expect(cut.healthy).toBe(false);
    expect(cut.health.ja).toContain('2026-11 の月次集計メールが未送信です');
    expect(cut.health.en).toContain('The summary mail of 2026-11 is not sent yet');

    // Apps Script fires the trigger again (or the next day's run comes): the mail goes, once.
    bundle.workspace.clock.advance(20 * 60_000);
    fireNow(bundle, 'dailyDispatch');
    fireNow(bundle, 'dailyDispatch');
    expect(summaryMails(bundle)).toEqual(['sent']);
    expect(notice(bundle)).toEqual(['メール送信']);
    const line = records(bundle, '実行ログ').find((r) => r['処理'] === '月次集計');
    expect(line?.['メッセージ']).toContain('へメール送信しました');
    const after = status(bundle);
    expect(after.health.ja).not.toContain('未送信');
    expect(after.health.en).not.toContain('not sent');
    expect(after.healthy).toBe(true);
  });

  it('a send that fails leaves the draft: the job is reported failing and the next day sends it once', () => {
    const bundle = monthEnd();
    const drafts = bundle.workspace.advanced<{ Users: { Drafts: Record<string, unknown> } }>(
      'gmail',
    ).Users.Drafts;
    const send = drafts.send as (...args: unknown[]) => unknown;
    drafts.send = () => {
      drafts.send = send;
      throw new Error('API call to gmail.users.drafts.send failed with error: Backend Error');
    };
    fireNow(bundle, 'dailyDispatch');
    expect(summaryMails(bundle)).toEqual(['draft']);
    expect(notice(bundle)).toEqual(['メール送信中']);
    const line = records(bundle, '実行ログ').find((r) => r['処理'] === '月次集計');
    expect(line).toMatchObject({ 結果: 'エラー' });
    expect(line?.['メッセージ']).toContain('次回の実行で再送します');
    const failing = status(bundle);
    expect(failing.healthy).toBe(false);
    expect(failing.health.ja).toContain('2026-11 の月次集計メールが未送信です');
    expect(failing.health.en).toContain('The summary mail of 2026-11 is not sent yet');

    advanceWithTriggers(bundle, tokyo('2026-12-01T12:00:00'));
    expect(summaryMails(bundle)).toEqual(['sent']);
    expect(notice(bundle)).toEqual(['メール送信']);
    expect(status(bundle).healthy).toBe(true);
  });
});

describe('an issuing run cut off after recording its invoices', () => {
  it('shows the invoices as unfinished until the continuation trigger makes them', () => {
    const probe = demoAt('2026-11-30T18:00:00+09:00');
    probe.workspace.meter.startTrace();
    probe.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }]);
    const firstDrive = probe.workspace.meter.trace().findIndex((k) => k.startsWith('Drive.'));

    const bundle = demoAt('2026-11-30T18:00:00+09:00');
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    bundle.workspace.meter.killAfter(firstDrive + 3);
    expect(() => bundle.runJson('invoicesIssue', [{ closingDate: '2026-11-30' }])).toThrow();
    const cut = status(bundle).health;
    expect(cut.ja).toContain('請求書4件はPDFとメールがまだです');
    expect(cut.en).toContain('4 invoice(s) still lack their PDF and mail');
    const fired = advanceWithTriggers(bundle, tokyo('2026-11-30T19:00:00'));
    expect(fired.map((f) => [f.handler, f.ok])).toEqual([['continueInvoices', true]]);
    expect(bundle.workspace.DriveApp.allFiles()).toHaveLength(4);
    expect(status(bundle).health.ja).not.toContain('請求書');
    expect(status(bundle).health.en).not.toContain('invoice');
    expect(records(bundle, '実行ログ').at(-1)).toMatchObject({
      処理: '請求書の発行(続き)',
      件数: '4',
    });
  });
});
