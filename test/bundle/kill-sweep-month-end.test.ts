import type { Bundle } from '../../emulator/runtime';
import { advanceWithTriggers, fireNow } from '../../emulator/trigger-runner';
import { book, demoAt, records, setSetting, tokyo } from './automations-support';
import { SWEEP_TIMEOUT_MS, type SweepCase, sweep } from './kill-sweep-support';

/** An invoice sent in October, unpaid and past due: the month end reminds its client. */
function addOverdueInvoice(bundle: Bundle): void {
  const sheet = book(bundle).getSheetByName('請求書')!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
  const cells: Record<string, unknown> = {
    請求書番号: '2026-10-0001',
    取引先: '株式会社さくら食品',
    発行日: new Date(tokyo('2026-10-20T00:00:00')),
    支払期限: new Date(tokyo('2026-11-10T00:00:00')),
    '合計(税込)': 51840,
    請求額: 51840,
    状態: '送付済',
    PDF: 'https://drive.google.com/file/d/october/view',
  };
  sheet
    .getRange(sheet.getLastRow() + 1, 1, 1, header.length)
    .setValues([header.map((h) => cells[h] ?? '')]);
}

/**
 * The demo company's month end (2026-11-30): the daily trigger issues the recurring invoices,
 * reminds the overdue client (sent directly), writes and mails the monthly summary, and makes
 * the day's routines. Cut off anywhere, then fired a second time the same day (as Apps Script
 * may), with its continuations: the books end as after one clean firing.
 */
const monthEnd: SweepCase = {
  make() {
    const bundle = demoAt('2026-11-30T05:00:00+09:00');
    bundle.runJson('automationsInstall', [{ hour: 6 }]);
    addOverdueInvoice(bundle);
    setSetting(bundle, 'reminderSendDirectly', 'する');
    bundle.workspace.clock.set(tokyo('2026-11-30T06:10:00'));
    return bundle;
  },
  run(bundle, killAfter) {
    if (killAfter !== undefined) bundle.workspace.meter.killAfter(killAfter);
    fireNow(bundle, 'dailyDispatch');
  },
  recover(bundle) {
    bundle.workspace.clock.advance(30 * 60_000);
    fireNow(bundle, 'dailyDispatch');
    advanceWithTriggers(bundle, tokyo('2026-11-30T23:00:00'));
  },
};

describe('the month-end dispatcher run cut off after every call, then fired again', () => {
  it.each(['kept', 'lost'] as const)(
    'ends as one clean run at every k, unflushed writes %s',
    (unflushed) => {
      const probe = monthEnd.make();
      monthEnd.run(probe);
      // The clean run does every job of a month end.
      const subjects = probe.workspace.GmailApp.outbox().map((m) => `${m.kind} ${m.subject}`);
      expect(subjects).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^sent お支払い状況のご確認\(請求書番号 2026-10-0001\)/),
          expect.stringMatching(/^sent 【Pokke】2026-11 月次集計/),
        ]),
      );
      expect(
        records(probe, '請求書').filter((r) => (r['請求書番号'] ?? '').startsWith('2026-11')),
      ).not.toEqual([]);
      const result = sweep(monthEnd, unflushed);
      expect(result.calls).toBeGreaterThan(100);
      expect(result.mismatches).toEqual([]);
    },
    SWEEP_TIMEOUT_MS,
  );
});
