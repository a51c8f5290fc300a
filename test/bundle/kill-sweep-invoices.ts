import type { Bundle } from '../../emulator/runtime';
import { advanceWithTriggers } from '../../emulator/trigger-runner';
import { addBulkClients } from '../../playground/bulk';
import { demoAt, records, setSetting } from './automations-support';
import { SWEEP_TIMEOUT_MS, type SweepCase, sweep } from './kill-sweep-support';

const CLOSING = '2026-11-30';
/** The demo company's 4 invoices and 16 more clients': an issuing run of 20 invoices. */
const BULK_CLIENTS = 16;

/** The closing run of 20 invoices from the 請求書 sidebar, as drafts or sent directly. */
export function issuingRun(sendDirectly: boolean): SweepCase {
  const issue = (bundle: Bundle) => bundle.runJson('invoicesIssue', [{ closingDate: CLOSING }]);
  return {
    make() {
      const bundle = demoAt('2026-11-30T18:00:00+09:00');
      addBulkClients(bundle, BULK_CLIENTS, { date: new Date('2026-11-10T00:00:00+09:00') });
      if (sendDirectly) setSetting(bundle, 'sendDirectly', 'する');
      return bundle;
    },
    run(bundle, killAfter) {
      if (killAfter !== undefined) bundle.workspace.meter.killAfter(killAfter);
      issue(bundle);
    },
    recover(bundle) {
      // The owner clicks 発行 again; the continuation trigger set by the run fires meanwhile.
      issue(bundle);
      advanceWithTriggers(bundle, bundle.workspace.clock.now() + 3_600_000);
    },
  };
}

/** The sweep of one issuing run, with unflushed writes kept and lost (one test file each way). */
export function describeIssuingSweep(sendDirectly: boolean): void {
  const how = sendDirectly ? 'sent directly' : 'drafts';
  describe(`an issuing run of 20 invoices (${how}) cut off after every call`, () => {
    it.each(['kept', 'lost'] as const)(
      'ends as one clean run at every k, unflushed writes %s',
      (unflushed) => {
        const c = issuingRun(sendDirectly);
        const probe = c.make();
        c.run(probe);
        expect(records(probe, '請求書')).toHaveLength(20);
        const result = sweep(c, unflushed);
        expect(result.calls).toBeGreaterThan(200);
        expect(result.mismatches).toEqual([]);
      },
      SWEEP_TIMEOUT_MS,
    );
  });
}
