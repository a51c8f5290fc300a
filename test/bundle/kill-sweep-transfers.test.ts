/**
 * Creating a transfer file cut off after every call count, with Apps Script keeping or dropping
 * the writes it had not flushed, then the owner reviewing and creating again: the books end as
 * after one clean run — one file in Drive with the same bytes, every row marked once — so a file
 * can never be made twice for the same rows.
 */
import type { Bundle } from '../../emulator/runtime';
import { SWEEP_TIMEOUT_MS, type SweepCase, sweep } from './kill-sweep-support';
import {
  addSuppliers,
  demoPayables,
  preview,
  reviewAndCreate,
  TRANSFER_DATE,
  transferFiles,
} from './transfers-support';

/** The sweep compares Drive by name and size: the contents are compared here too. */
function withContents(bundle: Bundle): string[] {
  return [...transferFiles(bundle)].map(([path, bytes]) => `${path} ${bytes.toString('hex')}`);
}

const creating: SweepCase = {
  make() {
    const bundle = demoPayables();
    addSuppliers(bundle, 2);
    return bundle;
  },
  // The create call alone, with the rows the review showed (the demo's three and two suppliers).
  run(bundle, killAfter) {
    if (killAfter !== undefined) bundle.workspace.meter.killAfter(killAfter);
    bundle.runJson('transfersCreate', [{ transferDate: TRANSFER_DATE, rows: [2, 3, 4, 5, 6] }]);
  },
  recover(bundle) {
    // The owner opens the sidebar again: reviews, and creates when something is left to pay.
    if (preview(bundle).rows.length > 0) reviewAndCreate(bundle);
  },
};

describe('creating a transfer file cut off after every call', () => {
  it.each(['kept', 'lost'] as const)(
    'ends as one clean run at every k, unflushed writes %s',
    (unflushed) => {
      const clean = creating.make();
      creating.run(clean);
      const want = withContents(clean);
      expect(want).toHaveLength(1);

      const result = sweep(creating, unflushed);
      expect(result.calls).toBeGreaterThan(30);
      expect(result.mismatches).toEqual([]);

      // And the file's bytes, at every cut point.
      for (let k = 0; k < result.calls; k++) {
        const bundle = creating.make();
        bundle.workspace.SpreadsheetApp.unflushedWrites = unflushed;
        bundle.workspace.meter.killAfter(k);
        expect(() => creating.run(bundle)).toThrow();
        bundle.workspace.SpreadsheetApp.unflushedWrites = 'kept';
        creating.recover(bundle);
        expect({ k, files: withContents(bundle) }).toEqual({ k, files: want });
      }
    },
    SWEEP_TIMEOUT_MS,
  );
});
