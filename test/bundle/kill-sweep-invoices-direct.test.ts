import { records } from './automations-support';
import { issuingRun } from './kill-sweep-invoices';
import { SWEEP_TIMEOUT_MS, sweep } from './kill-sweep-support';

describe('an issuing run of 20 invoices (sent directly) cut off after every call', () => {
  it.each(['kept', 'lost'] as const)(
    'ends as one clean run at every k, unflushed writes %s',
    (unflushed) => {
      const c = issuingRun(true);
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
