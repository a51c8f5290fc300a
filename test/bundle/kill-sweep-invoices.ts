import type { Bundle } from '../../emulator/runtime';
import { advanceWithTriggers } from '../../emulator/trigger-runner';
import { addBulkClients } from '../../playground/bulk';
import { demoAt, setSetting } from './automations-support';
import type { SweepCase } from './kill-sweep-support';

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
